#!/usr/bin/env bash
# The Spark recipe against a direct run on the same dump (issue 18's figures):
#   scripts/bench-spark.sh [DUMP.jsonl[.gz]] [PYTHON]
# For 1, 4 and 32 partitions: the same articles and rejects as `boilerplate learn` +
# `extract --boilerplate` on one machine (cmp), wall time and peak RSS (of the largest
# process: the JVM) of each; Spark's fixed cost as the wall time of the job on 1 record.
# Needs a release build, Java and pyspark (target/spark-venv, made by .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
DUMP=${1:-../shared/data/bench/reuters21578.jsonl.gz}
PY=${2:-target/spark-venv/bin/python}
B=$PWD/target/release/newsfacts
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
if [[ $DUMP == *.gz ]]; then zcat "$DUMP" > "$W/dump.jsonl"; else cp "$DUMP" "$W/dump.jsonl"; fi
t() { /usr/bin/time -f "%e s, peak RSS %M KB" "$@" 2>&1 >/dev/null | grep -E "peak RSS" ; }
echo "direct (learn + extract):"
t bash -c "$B boilerplate learn $W/dump.jsonl --source dump -q -o $W/m.json && $B extract - --source dump --boilerplate $W/m.json --rejects $W/direct.rej --rejects-ok -q < $W/dump.jsonl > $W/direct.out"
head -1 "$W/dump.jsonl" > "$W/one.jsonl"
echo "spark fixed cost (1 record, 1 partition):"
t "$PY" contrib/spark/newsfacts_spark.py extract "$W/one.jsonl" "$W/one" --partitions 1 --binary "$B" --master 'local[2]' --source dump
for n in 1 4 32; do
  echo "spark, $n partitions:"
  t "$PY" contrib/spark/newsfacts_spark.py extract "$W/dump.jsonl" "$W/s$n" --partitions $n --binary "$B" --master 'local[2]' --source dump
  cat "$W/s$n"/articles/part-* | cmp - "$W/direct.out" && cat "$W/s$n"/rejects/part-* | cmp - "$W/direct.rej" && echo "  same articles and rejects as the direct run"
done
