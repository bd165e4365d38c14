#!/usr/bin/env bash
# Bulk-ingest benchmark: builds a dump of N x the Reuters-21578 set, ingests it with the
# release binary, and reports end-to-end MB/s, peak RSS, index size / input size, and
# search latency (p50/p99 over a fixed two-word query set with facet counts). With
# --stages it also runs the one-thread per-stage benchmark (read, clean, language, each
# extractor, index) on the 1 x set.
#
#   scripts/bench-ingest.sh [N] [--stages] [--keep]
#   NEWSFACTS_BIN=/path/to/other/newsfacts scripts/bench-ingest.sh 10   (another build, side by side)
#
# The copies get unique ids, and copy k > 0 of an article gets " [k]" appended to its
# body so that syndicated-copy detection (same text under another id) does not fold them:
# the work per article is that of the original. Work files go to $BENCH_DIR (default
# /tmp/newsfacts-bench); --keep leaves the index there.
set -euo pipefail
cd "$(dirname "$0")/.."

N=10
STAGES=0
KEEP=0
for a in "$@"; do
  case "$a" in
    --stages) STAGES=1 ;;
    --keep) KEEP=1 ;;
    *[!0-9]*) echo "usage: $0 [N] [--stages] [--keep]" >&2; exit 1 ;;
    *) N="$a" ;;
  esac
done
SRC=../shared/data/bench/reuters21578.jsonl.gz
[ -f "$SRC" ] || { echo "no $SRC: the benchmark needs ../shared beside the checkout" >&2; exit 1; }
DIR=${BENCH_DIR:-/tmp/newsfacts-bench}
mkdir -p "$DIR"
DUMP="$DIR/reuters-x$N.jsonl"
INDEX="$DIR/index-x$N"

[ -n "${NEWSFACTS_BIN:-}" ] || cargo build --release --quiet --bin newsfacts --example search_bench
BIN=${NEWSFACTS_BIN:-target/release/newsfacts}  # NEWSFACTS_BIN=path compares another build side by side

if [ ! -s "$DUMP" ]; then
  echo "== building $DUMP ($N x Reuters)"
  python3 - "$SRC" "$DUMP" "$N" <<'EOF'
import gzip, json, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = [json.loads(l) for l in gzip.open(src, "rt", encoding="utf-8") if l.strip()]
with open(out, "w", encoding="utf-8") as f:
    for k in range(n):
        for r in rows:
            r2 = dict(r)
            if k:
                r2["id"] = f"{r['id']}-c{k}"
                r2["html"] = r["html"] + f" [{k}]"
            f.write(json.dumps(r2, ensure_ascii=False) + "\n")
EOF
fi
INPUT_BYTES=$(stat -c %s "$DUMP")
echo "== dump: $(wc -l < "$DUMP") articles, $((INPUT_BYTES / 1000000)) MB"

rm -rf "$INDEX"
echo "== ingest (2 cores: $(nproc) here)"
# Peak RSS from /usr/bin/time, and sampled every 0.2 s split into anonymous memory (the
# process's own) and file pages (index files mapped by tantivy: page cache).
/usr/bin/time -f "%e %M" -o "$DIR/time.txt" "$BIN" ingest "$DUMP" --index "$INDEX" 2> "$DIR/ingest.err" &
TIME_PID=$!
python3 - "$TIME_PID" > "$DIR/rss.txt" <<'PY' &
import os, sys, time
# Peak anonymous and file-backed RSS of the children of PID (the ingest under /usr/bin/time).
parent = sys.argv[1]
anon = filemem = 0
while os.path.exists(f"/proc/{parent}"):
    try:
        for k in open(f"/proc/{parent}/task/{parent}/children").read().split():
            for line in open(f"/proc/{k}/status"):
                if line.startswith("RssAnon:"):
                    anon = max(anon, int(line.split()[1]))
                elif line.startswith("RssFile:"):
                    filemem = max(filemem, int(line.split()[1]))
    except OSError:
        pass
    time.sleep(0.2)
print(anon, filemem)
PY
SAMPLER=$!
wait "$TIME_PID" || true
wait "$SAMPLER"
grep -v "rejected .*no text left" "$DIR/ingest.err" | tail -3
read -r WALL RSS_KB < <(tail -1 "$DIR/time.txt")
read -r ANON_KB FILE_KB < "$DIR/rss.txt"
INDEX_BYTES=$(du -sb "$INDEX" | cut -f1)
python3 - "$INPUT_BYTES" "$WALL" "$RSS_KB" "$INDEX_BYTES" "$ANON_KB" "$FILE_KB" <<'PY'
import sys
inp, wall, rss, idx, anon, fmem = (float(x) for x in sys.argv[1:])
print(f"end to end: {inp/1e6:.0f} MB of JSON Lines in {wall:.1f} s = {inp/1e6/wall:.1f} MB/s; "
      f"peak RSS {rss/1024:.0f} MB (sampled peaks: anonymous {anon/1024:.0f} MB, mapped "
      f"index files {fmem/1024:.0f} MB); index {idx/1e6:.0f} MB = {idx/inp:.2f} x input")
PY

echo "== search latency"
target/release/examples/search_bench "$INDEX" 20

if [ "$STAGES" = 1 ]; then
  echo "== per-stage, one thread, 1 x Reuters"
  cargo bench --quiet --bench stages 2>/dev/null
fi
[ "$KEEP" = 1 ] || rm -rf "$INDEX"
