#!/usr/bin/env sh
# Reproducible training of models/ner.bin (deterministic; ~1 minute on one core).
# Usage: scripts/train-ner.sh [DATA_DIR]   (default: ../shared/data/ner)
set -eu
cd "$(dirname "$0")/.."
DATA="${1:-../shared/data/ner}"
cargo run --release --example ner_tool -- train \
  --data "$DATA" --sets conll,finer,wikigold,sec --epochs 8 --bits 16 --prune 2 --seed 7 \
  --out models/ner.bin
