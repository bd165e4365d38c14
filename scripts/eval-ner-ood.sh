#!/usr/bin/env bash
# The name tagger on every labelled English set beside the repo, in-domain dev and
# out-of-domain, with floors (scripts/floors-ner-ood.txt). Prints key=value figures.
#
#   scripts/eval-ner-ood.sh [--model FILE]      (SHARED=../shared by default)
#
# Sets (span-level exact match, PERSON/ORG/LOC, MISC and other types ignored):
#   conll     CoNLL-2003 dev (CoNLL++)           in domain: chooses nothing, reports
#   finer     FiNER-ORD val                      in domain (financial news)
#   wikigold  wikigold (Wikipedia)               out of domain, not trained on
#   sec       SEC-filings test split (FIN3)      out of domain (loan agreements)
#   re3d      re3d test split                    out of domain; its own conventions
#                                                ("the United States" as ORG)
#   gum       GUM test split                     out of domain; marks every mention,
#                                                not only names: low by construction
# The held-out CoNLL and FiNER test splits are not here: others score them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SHARED="${SHARED:-$ROOT/../shared}"
N="$SHARED/data/ner"
if [ ! -d "$N" ]; then
  echo "eval-ner-ood: no NER data at $N; nothing to measure"
  exit 0
fi
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/newsfacts"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
: >"$WORK/figures"
for kv in \
  "conll=$N/conll2003/conllpp_dev.txt" \
  "finer=$N/finer_ord/val.csv" \
  "wikigold=$N/open/wikigold/CONLL-format/data/wikigold.conll.txt" \
  "sec=$N/open/SEC-filings/CONLL-format/data/test/FIN3.txt" \
  "re3d=$N/open/re3d/CONLL-format/data/test/re3d-test.conll" \
  "gum=$N/open/GUM/CONLL-format/data/test/gum-test.conll"; do
  k="${kv%%=*}"
  f="${kv#*=}"
  "$BIN" ner-eval "$@" "$f" >"$WORK/$k.txt"
  awk -v k="$k" '{ for (i = 1; i <= NF; i++) if ($i ~ /^F1=/) { sub("F1=", "", $i); print "ner." k "." $1 ".f1=" $i } }' \
    "$WORK/$k.txt" >>"$WORK/figures"
done
cat "$WORK/figures"
echo "== floors (scripts/floors-ner-ood.txt)"
python3 "$ROOT/scripts/check-floors.py" "$WORK/figures" "$ROOT/scripts/floors-ner-ood.txt"
