#!/usr/bin/env python3
"""Check measured figures against floors: exit 1 when one is below its floor or missing.

    scripts/check-floors.py FIGURES FLOORS

FIGURES: lines `key=value`. FLOORS: lines `key op value` (op `>=` or `<=`), `#` comments.
Used by scripts/eval.sh (scripts/floors.txt) and scripts/eval-ner-ood.sh (floors-ner-ood.txt).
"""
import sys

figs = dict(l.strip().split("=", 1) for l in open(sys.argv[1]) if "=" in l)
bad = 0
for line in open(sys.argv[2]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    key, op, want = line.split()
    got = figs.get(key)
    if got is None:
        print(f"MISSING {key} (floor {op} {want})"); bad += 1; continue
    ok = float(got) >= float(want) if op == ">=" else float(got) <= float(want)
    print(f"{'ok  ' if ok else 'FAIL'} {key} = {got} (floor {op} {want})")
    bad += not ok
sys.exit(1 if bad else 0)
