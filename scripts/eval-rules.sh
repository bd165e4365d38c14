#!/usr/bin/env bash
# Measure the rule-based DATE / MONEY / PERCENT extractors against the shared data:
#   - the reference article (corpus/gold/seed.gold.jsonl): P/R/F1 per type
#   - Microsoft Recognizers-Text English currency and percent specs: pass rate
#   - AQUAINT TimeML news documents: DATE P/R/F1 (values resolved against the DCT)
#   - Reuters-21578: throughput of each extractor (MB/s of text, one thread)
# Prints one `key=value` line per figure (for floors in the project's eval script) after
# the human-readable output. Skips gracefully when the shared data is absent.
#
# Usage: scripts/eval-rules.sh [--no-bench]
# Env:   SHARED (default: ../shared beside the repo, else /work/shared)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED:-}"
if [[ -z "$SHARED" ]]; then
  for cand in "$ROOT/../shared" /work/shared; do
    if [[ -d "$cand/tools" ]]; then SHARED="$(cd "$cand" && pwd)"; break; fi
  done
fi
if [[ -z "$SHARED" || ! -d "$SHARED/tools" ]]; then
  echo "eval-rules: shared data not found (set SHARED=...); skipping"
  exit 0
fi
if ! command -v python3 >/dev/null; then
  echo "eval-rules: python3 not found; skipping"
  exit 0
fi
BENCH=1
[[ "${1:-}" == "--no-bench" ]] && BENCH=0

cd "$ROOT"
cargo build --release --quiet --example rules_tool
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps 2>/dev/null \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
TOOL="$TARGET_DIR/release/examples/rules_tool"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FIGS="$WORK/figures.txt"
: >"$FIGS"

f1_lines() { # $1 prefix, $2 score.py --json output file
  python3 - "$1" "$2" >>"$FIGS" <<'PY'
import json, sys
prefix, path = sys.argv[1], sys.argv[2]
res = json.load(open(path))
for t, v in res["types"].items():
    for k in ("p", "r", "f1"):
        print(f"{prefix}.{t}.{k}={v[k]:.3f}")
print(f"{prefix}.offset_errors={res['offset_errors']}")
PY
}

echo "== reference article (seed) =="
if [[ -f "$SHARED/corpus/articles/seed.jsonl" ]]; then
  "$TOOL" "$SHARED/corpus/articles/seed.jsonl" >"$WORK/seed.jsonl"
  python3 "$SHARED/tools/score.py" "$WORK/seed.jsonl" "$SHARED/corpus/gold/seed.gold.jsonl" \
    --types DATE,MONEY,PERCENT
  python3 "$SHARED/tools/score.py" "$WORK/seed.jsonl" "$SHARED/corpus/gold/seed.gold.jsonl" \
    --types DATE,MONEY,PERCENT --json >"$WORK/seed.score.json"
  f1_lines seed "$WORK/seed.score.json"
fi

REC="$SHARED/data/recognizers"
for spec in NumberWithUnit-English-CurrencyModel:currency Number-English-PercentModel:percent \
    NumberWithUnit-Chinese-CurrencyModel:currency_zh; do
  name="${spec%%:*}"; key="${spec##*:}"
  [[ -f "$REC/$name.json" ]] || continue
  echo "== recognizers $key =="
  python3 "$SHARED/tools/recognizers_cases.py" make "$REC/$name.json" "$WORK/rc-$key" >/dev/null
  "$TOOL" "$WORK/rc-$key/input.jsonl" --raw >"$WORK/rc-$key/pred.jsonl"
  python3 "$SHARED/tools/recognizers_cases.py" score "$WORK/rc-$key/pred.jsonl" \
    "$WORK/rc-$key/expect.jsonl" | tee "$WORK/rc-$key/score.txt"
  rate="$(head -1 "$WORK/rc-$key/score.txt" | sed -E 's/.*= *([0-9.]+).*/\1/')"
  echo "recognizers.$key.accuracy=$rate" >>"$FIGS"
  if [[ "$key" == currency ]]; then
    # The currency spec annotates amounts only: a correct "27 %" in one of its sentences
    # counts as an extra mention above. The same cases with PERCENT mentions set aside:
    python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    d["mentions"] = [m for m in d.get("mentions", []) if m.get("type") != "PERCENT"]
    print(json.dumps(d, ensure_ascii=False))
' <"$WORK/rc-$key/pred.jsonl" >"$WORK/rc-$key/pred-money.jsonl"
    python3 "$SHARED/tools/recognizers_cases.py" score "$WORK/rc-$key/pred-money.jsonl" \
      "$WORK/rc-$key/expect.jsonl" >"$WORK/rc-$key/score-money.txt"
    rate="$(head -1 "$WORK/rc-$key/score-money.txt" | sed -E 's/.*= *([0-9.]+).*/\1/')"
    echo "money only (PERCENT mentions set aside): $(head -1 "$WORK/rc-$key/score-money.txt")"
    echo "recognizers.$key.money_only.accuracy=$rate" >>"$FIGS"
  fi
done

TML="$SHARED/data/dates/aquaint-timeml"
if [[ -d "$TML" ]]; then
  echo "== TimeML (AQUAINT) DATE =="
  python3 "$SHARED/tools/timeml_to_gold.py" "$TML" "$WORK/tml" >/dev/null
  "$TOOL" "$WORK/tml/input.jsonl" --raw >"$WORK/tml.jsonl"
  python3 "$SHARED/tools/score.py" "$WORK/tml.jsonl" "$WORK"/tml/gold/*.gold.jsonl --types DATE \
    | cut -c1-400
  python3 "$SHARED/tools/score.py" "$WORK/tml.jsonl" "$WORK"/tml/gold/*.gold.jsonl --types DATE \
    --json >"$WORK/tml.score.json"
  f1_lines timeml "$WORK/tml.score.json"
fi

BENCHF="$SHARED/data/bench/reuters21578.jsonl.gz"
if [[ "$BENCH" == 1 && -f "$BENCHF" ]]; then
  echo "== Reuters-21578 throughput (one thread, text already in memory) =="
  "$TOOL" "$BENCHF" --bench --raw | tee "$WORK/bench.txt"
  awk '$1 ~ /^(dates|money|percent)$/ {print "reuters." $1 ".mb_s=" $(NF-1)}
       $1 == "all" {print "reuters.all.mb_s=" $(NF-1)}' "$WORK/bench.txt" >>"$FIGS"
fi

echo "== figures =="
cat "$FIGS"
