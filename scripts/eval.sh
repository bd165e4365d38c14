#!/usr/bin/env bash
# Quality floors: measure extraction on the development data beside the repo
# (../shared/corpus, ../shared/data) and fail when any figure falls below the floor it has
# reached (scripts/floors.txt). Prints every figure as key=value.
#
#   scripts/eval.sh            (CI runs it after the tests when ../shared exists)
#
# Figures: the reference article per type (tools/score.py), the name tagger on CoNLL-2003
# dev and FiNER-ORD val, the tagger on the out-of-domain sets (eval-ner-ood.sh, floors in
# scripts/floors-ner-ood.txt), the rule extractors on Recognizers-Text and TimeML (eval-rules.sh),
# main-text extraction on the article-extraction pages (eval-clean.sh), financial facts on the
# seed gold, the Reuters dev stories and KPI-EDGAR train/valid (eval-facts.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SHARED="${SHARED:-$ROOT/../shared}"
if [ ! -d "$SHARED/data" ]; then
  echo "eval: no shared data at $SHARED; nothing to measure"
  exit 0
fi
SHARED="$(cd "$SHARED" && pwd)"
export SHARED
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/newsfacts"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FIGS="$WORK/figures"
: >"$FIGS"

echo "== reference article"
"$BIN" extract -q "$SHARED/corpus/articles/seed.jsonl" >"$WORK/seed.jsonl"
python3 "$SHARED/tools/score.py" "$WORK/seed.jsonl" "$SHARED"/corpus/gold/*.gold.jsonl
python3 "$SHARED/tools/score.py" "$WORK/seed.jsonl" "$SHARED"/corpus/gold/*.gold.jsonl --json |
  python3 -c '
import json, sys
r = json.load(sys.stdin)
for t, v in r["types"].items():
    print("seed.%s.f1=%s" % (t, v["f1"]))
print("seed.micro_f1=%s" % r["micro_f1"])
print("seed.offset_errors=%s" % r["offset_errors"])' >>"$FIGS"

echo "== name tagger, dev and out-of-domain sets (eval-ner-ood.sh, its own floors)"
OOD_OK=1
scripts/eval-ner-ood.sh >"$WORK/ood.txt" || OOD_OK=0
cat "$WORK/ood.txt"
grep -E '^ner\.[a-z0-9]+\.[A-Z]+\.f1=' "$WORK/ood.txt" >>"$FIGS" || true
# CoNLL dev and FiNER val are among those sets; floors.txt names them without "ner."
sed -n 's/^ner\.\(conll\|finer\)\./\1./p' "$WORK/ood.txt" >>"$FIGS"

echo "== rules (dates, money, percent)"
scripts/eval-rules.sh --no-bench | tee "$WORK/rules.txt"
sed -n '/^== figures ==$/,$p' "$WORK/rules.txt" | grep '=' | grep -v '^==' |
  grep -E '^(recognizers|timeml)\.' >>"$FIGS" || true

echo "== financial facts (seed, Reuters dev, KPI-EDGAR train/valid)"
scripts/eval-facts.sh | tee "$WORK/facts.txt"
grep -E '^facts\.' "$WORK/facts.txt" >>"$FIGS" || true

echo "== clean (main text of real pages)"
scripts/eval-clean.sh "$SHARED" | tee "$WORK/clean.txt"
sed -n 's/^F1=\([0-9.]*\)$/clean.body.f1=\1/p' "$WORK/clean.txt" >>"$FIGS"

echo "== figures"
cat "$FIGS"
echo "== floors (scripts/floors.txt)"
python3 "$ROOT/scripts/check-floors.py" "$FIGS" "$ROOT/scripts/floors.txt"
if [ "$OOD_OK" = 0 ]; then
  echo "eval: a floor of scripts/floors-ner-ood.txt failed (see above)"
  exit 1
fi
