#!/usr/bin/env sh
# Reproducible training of models/ner.bin (deterministic; about a minute on one core).
# Five averaged perceptrons (document orders from seeds 7..11), CoNLL-2003 train counted
# twice, each trained for 8 epochs (the count chosen by 5-fold cross-validation on the
# training sets: `ner-train ... --cv 5`, models/README.md; the dev sets only report);
# their weights averaged. Features read models/gazetteers/ and models/clusters.txt.
# Usage: scripts/train-ner.sh [DATA_DIR]   (default: ../shared/data/ner)
set -eu
cd "$(dirname "$0")/.."
DATA="${1:-../shared/data/ner}"
cargo run --release -- ner-train \
  --data "$DATA" --sets conll,conll,finer,wikigold,sec --epochs 8 --last-epoch --bits 17 --prune 2 \
  --seeds 7,8,9,10,11 --out models/ner.bin
