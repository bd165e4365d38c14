#!/usr/bin/env python3
"""Microsoft Recognizers-Text English date specs (DateParser, DatePeriodParser) as test
cases for the DATE rules: a development set of phrasings (lower case, ordinals, day of
month, holidays), beside AQUAINT. Not a news set: chat-like phrases, so its figure is a
guide, not a floor.

  recognizers_dates.py make SPEC.json OUT_DIR     -> OUT_DIR/input.jsonl, OUT_DIR/expect.jsonl
  recognizers_dates.py score PRED.jsonl OUT_DIR/expect.jsonl [--fails N]

A case passes when every expected date is found (as a DATE mention whose value is the
spec's resolved value: the past or the future resolution where the spec leaves the year
or week open, since those follow tense) and no other DATE mention is made. Expected
values our TIMEX3 grains cannot say (ranges of days, "XXXX" without a resolution) make
the case optional: it is skipped.
"""
import json, os, re, sys

def values(v):
    """The values a mention may take for one spec result, or None when we cannot say it."""
    if not isinstance(v, dict):
        return None
    timex = v.get("Timex", "")
    out = set()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?|\d{4}-W\d{2}|\d{4}-Q[1-4]|\d{4}-H[12]", timex):
        out.add(timex)
    for k in ("PastResolution", "FutureResolution"):
        res = v.get(k) or {}
        if "date" in res:
            out.add(res["date"])
    # a period: a month, a year, a week
    m = re.fullmatch(r"\((\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2}),P(\d+)([DWMY])\)", timex)
    if m and not out:
        return None
    return out or None

def make(spec, out):
    os.makedirs(out, exist_ok=True)
    cases = json.load(open(spec, encoding="utf-8-sig"))
    n = 0
    with open(f"{out}/input.jsonl", "w") as i, open(f"{out}/expect.jsonl", "w") as e:
        for k, c in enumerate(cases):
            ref = (c.get("Context") or {}).get("ReferenceDateTime", "")[:10]
            exp = []
            ok = True
            for r in c.get("Results", []):
                vs = values(r.get("Value"))
                if vs is None:
                    ok = False
                    break
                exp.append({"text": r.get("Text"), "values": sorted(vs)})
            if not ok or not ref:
                continue
            cid = f"rd-{k}"
            i.write(json.dumps({"id": cid, "published": ref, "text": c["Input"]}) + "\n")
            e.write(json.dumps({"id": cid, "input": c["Input"], "ref": ref, "expect": exp}) + "\n")
            n += 1
    print(f"{n} cases -> {out}")

def score(pred, expect, nfails):
    got = {}
    for line in open(pred, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            got[str(d.get("id"))] = [m for m in d.get("mentions", []) if m.get("type") == "DATE"]
    ok = total = 0
    fails = []
    for line in open(expect, encoding="utf-8"):
        c = json.loads(line)
        total += 1
        ms = got.get(c["id"], [])
        vals = [str(m.get("value")) for m in ms]
        found = all(any(v in e["values"] for v in vals) for e in c["expect"])
        extra = [v for v in vals if not any(v in e["values"] for e in c["expect"])]
        if found and not extra:
            ok += 1
        else:
            fails.append(f'{c["input"][:70]!r} ref={c["ref"]} want={[e["values"] for e in c["expect"]]} got={vals}')
    print(f"passed {ok}/{total} = {ok / max(1, total):.3f}")
    for f in fails[:nfails]:
        print("  failed:", f)

if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3])
    else:
        n = int(sys.argv[sys.argv.index("--fails") + 1]) if "--fails" in sys.argv else 8
        score(sys.argv[2], sys.argv[3], n)
