#!/usr/bin/env bash
# Financial facts: the reference article (seed gold), the Reuters dev stories and
# KPI-EDGAR train/valid, scored by shared/tools/facts_score.py and kpi_edgar.py.
# Prints each figure as key=value (scripts/eval.sh reads them and checks the floors).
#
#   scripts/eval-facts.sh [--show N]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
SHOW="${2:-0}"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/newsfacts"
[ -x "$BIN" ] || (cd "$ROOT" && cargo build --release --quiet)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
F="$SHARED/data/facts"
"$BIN" extract -q "$SHARED/corpus/articles/seed.jsonl" >"$WORK/seed.jsonl"
"$BIN" extract -q "$F/reuters-dev/input.jsonl" >"$WORK/rd.jsonl"
"$BIN" extract -q "$F/kpi-edgar/input.jsonl" >"$WORK/kpi.jsonl"
python3 - "$WORK" "$SHARED" "$SHOW" <<'PY'
import json, subprocess, sys
work, shared, show = sys.argv[1], sys.argv[2], int(sys.argv[3])
tools = shared + "/tools"
def fs(key, pred, gold):
    if show:
        subprocess.run(["python3", tools + "/facts_score.py", pred, gold, "--show", str(show)], check=True)
    r = json.loads(subprocess.run(["python3", tools + "/facts_score.py", pred, gold, "--json"],
                                  check=True, capture_output=True, text=True).stdout)
    return r
seed = fs("seed", work + "/seed.jsonl", shared + "/corpus/gold/seed.facts.jsonl")
rd = fs("reuters_dev", work + "/rd.jsonl", shared + "/data/facts/reuters-dev/gold.jsonl")
out = {}
def pick(key, r):
    for k in ("strict", "loose"):
        v = r.get(k) or r.get("overall", {}).get(k)
        if isinstance(v, dict):
            out[f"{key}.{k}.f1"] = v.get("f1")
pick("facts.seed", seed)
pick("facts.reuters_dev", rd)
# KPI-EDGAR: train and valid separately
gold = shared + "/data/facts/kpi-edgar/gold.jsonl"
splits = {}
for l in open(gold):
    g = json.loads(l)
    splits.setdefault(g["split"], []).append(l)
for sp, lines in sorted(splits.items()):
    p = f"{work}/kpi-{sp}.gold.jsonl"
    open(p, "w").writelines(lines)
    args = ["python3", tools + "/kpi_edgar.py", "score", work + "/kpi.jsonl", p]
    if show:
        subprocess.run(args + ["--show", str(show)], check=True)
    r = json.loads(subprocess.run(args + ["--json"], check=True, capture_output=True, text=True).stdout)
    for k in ("strict", "adjusted", "value"):
        v = r.get(k)
        if isinstance(v, dict):
            v = v.get("f1")
        out[f"facts.kpi_{sp}.{k}.f1"] = v
for k, v in out.items():
    print(f"{k}={v}")
PY
