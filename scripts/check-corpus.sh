#!/usr/bin/env bash
# The example tables of the extractors (src/extract/*/corpus/*.tsv) are written by the
# generators of scripts/corpus/ (gen_DIMENSION.py; gen_DIMENSION_LANG.py for a language
# other than English). Regenerate every table into a scratch directory and fail when one
# differs from the committed file, or when a table has no generator. CI (.ci/run) runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
bad=0
for tsv in src/extract/*/corpus/*.tsv; do
  dim="$(basename "$(dirname "$(dirname "$tsv")")")"
  lang="$(basename "$tsv" .tsv)"
  gen="scripts/corpus/gen_${dim}.py"
  [ "$lang" = en ] || gen="scripts/corpus/gen_${dim}_${lang}.py"
  if [ ! -f "$gen" ]; then
    echo "check-corpus: $tsv has no generator ($gen)" >&2
    bad=1
    continue
  fi
  python3 "$gen" "$WORK/out.tsv" 2>/dev/null
  if ! cmp -s "$WORK/out.tsv" "$tsv"; then
    echo "check-corpus: $tsv is not what $gen writes (run it and commit the table):" >&2
    diff "$tsv" "$WORK/out.tsv" | head -10 >&2 || true
    bad=1
  fi
done
[ "$bad" = 0 ] && echo "check-corpus: every table is what its generator writes"
exit "$bad"
