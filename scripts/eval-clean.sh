#!/usr/bin/env bash
# Main-text extraction quality on the article-extraction benchmark (91 real pages with
# gold bodies), measured as the issue states it: bodyscore.py make-input, `newsfacts
# extract` (the whole clean stage: page path, edge notices, per-run boilerplate learner),
# bodyscore.py score. Then the clean throughput: pages (benches/clean.rs, MB/s per core)
# and the fragment path on the Reuters dump. Skips gracefully when the data is absent.
#
#   scripts/eval-clean.sh [SHARED_DIR]      (default: ../shared next to the crate, or /work/shared)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-${NEWSFACTS_SHARED:-}}"
if [ -z "$SHARED" ]; then
  for d in ../shared /work/shared; do [ -d "$d" ] && SHARED="$d" && break; done
fi
DIR="${SHARED:-/nonexistent}/data/html/article-extraction"
SCORE="${SHARED:-/nonexistent}/tools/bodyscore.py"
if [ ! -f "$DIR/ground-truth.json" ] || [ ! -f "$SCORE" ]; then
  echo "eval-clean: shared benchmark data not found (looked for $DIR); skipping" >&2
  exit 0
fi
cargo build --release --quiet --bin newsfacts --example clean_tool
BIN="${CARGO_TARGET_DIR:-target}/release/newsfacts"
TOOL="${CARGO_TARGET_DIR:-target}/release/examples/clean_tool"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
python3 "$SCORE" make-input "$DIR" "$OUT/in.jsonl" >/dev/null
"$BIN" extract -q "$OUT/in.jsonl" >"$OUT/pred.jsonl"
python3 "$SCORE" score "$OUT/pred.jsonl" "$DIR/ground-truth.json"
cargo bench --quiet --bench clean -- "$DIR" 5
REUTERS="$SHARED/data/bench/reuters21578.jsonl.gz"
if [ -f "$REUTERS" ]; then
  "$TOOL" bench "$REUTERS" html
fi
