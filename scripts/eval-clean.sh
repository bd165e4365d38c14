#!/usr/bin/env bash
# Main-text extraction quality of clean::page() on the article-extraction benchmark
# (91 real pages with gold bodies), scored by shared/tools/bodyscore.py, plus the clean
# throughput on the Reuters dump. Skips gracefully when the shared data is absent.
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
cargo build --release --quiet --example clean_tool
TOOL="${CARGO_TARGET_DIR:-target}/release/examples/clean_tool"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$TOOL" bodies "$DIR" "$OUT/pred.jsonl"
python3 "$SCORE" score "$OUT/pred.jsonl" "$DIR/ground-truth.json"
REUTERS="$SHARED/data/bench/reuters21578.jsonl.gz"
if [ -f "$REUTERS" ]; then
  "$TOOL" bench "$REUTERS" html
fi
