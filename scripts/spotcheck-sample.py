#!/usr/bin/env python3
"""Sample MONEY and PERCENT mentions from `newsfacts extract` output for a hand check.

    newsfacts extract -q ../shared/data/bench/reuters21578.jsonl.gz -o /tmp/reuters.jsonl
    python3 scripts/spotcheck-sample.py /tmp/reuters.jsonl [--n 50] [--seed 5] > table.md

Prints a Markdown table (text, value, currency, context, verdict, note) with the verdict and
note columns left for the reader. The same seed and the same article order give the same
sample: mentions are numbered in file order, then `random.Random(seed).sample` picks.
"""
import argparse
import json
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("extracted")
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--width", type=int, default=70, help="context characters each side")
    a = ap.parse_args()
    pool = []
    with open(a.extracted, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            text = d.get("text", "")
            for m in d.get("mentions", []):
                if m.get("type") in ("MONEY", "PERCENT"):
                    pool.append((d.get("id"), text, m))
    picks = random.Random(a.seed).sample(range(len(pool)), min(a.n, len(pool)))
    print(f"{len(pool)} MONEY/PERCENT mentions; {len(picks)} sampled with seed {a.seed}\n")
    print("| # | id | type | text | value | currency | context | verdict | note |")
    print("|---|---|---|---|---|---|---|---|---|")
    cell = lambda s: str(s).replace("|", "\\|").replace("\n", " ")
    for k, i in enumerate(sorted(picks), 1):
        doc, text, m = pool[i]
        s, e = m["start"], m["end"]
        ctx = text[max(0, s - a.width):s] + "**" + text[s:e] + "**" + text[e:e + a.width]
        extra = " approx" if m.get("approx") else ""
        extra += f" per {m['per']}" if m.get("per") else ""
        print(f"| {k} | {doc} | {m['type']} | {cell(m['text'])} | {m.get('value')}{extra} | "
              f"{m.get('currency') or ''} | {cell(ctx)} |  |  |")


if __name__ == "__main__":
    main()
