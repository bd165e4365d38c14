#!/usr/bin/env python3
"""newsfacts on Apache Spark: the tool is the task, Spark is the engine.

    spark-submit [--files ./newsfacts] contrib/spark/newsfacts_spark.py extract INPUT OUT_DIR \
        [--partitions N] [--binary newsfacts] [--source NAME] [--reference-date YYYY-MM-DD]
    spark-submit ... newsfacts_spark.py ingest INPUT OUT_INDEX --shards-dir SHARED_DIR [...]

INPUT is anything `sc.textFile` reads (a JSON Lines dump, a directory or glob of them,
.gz included; hdfs://, s3a://…). The job:

1. numbers every line of the input (its line in the dump) and cuts the dump into N
   contiguous, ordered partitions (a range partitioning of the line numbers);
2. pass 1: each task runs `newsfacts boilerplate learn -` on its lines; the driver adds
   the models up (`boilerplate merge --final`) and ships the sum to every task;
3. pass 2: each task runs `newsfacts extract - --boilerplate MODEL --source NAME
   --line-offset FIRST_LINE --rejects FILE --rejects-ok` (extract), or `newsfacts ingest -`
   into SHARED_DIR/shard-NNNNN (ingest);
4. extract: OUT_DIR/articles/part-* (JSON Lines, in dump order: their concatenation is
   the output of one `newsfacts extract` over the dump) and OUT_DIR/rejects/part-* (every
   rejected record with the dump's line and the record id); ingest: the driver runs
   `newsfacts merge OUT_INDEX SHARED_DIR/shard-*` in partition order.

Each task feeds the tool's stdin from a thread and reads its stdout (mapPartitions and a
subprocess, not RDD.pipe: pipe() writes _SUCCESS after a fatal exit or a SIGKILL without
checkCode, fails clean runs with it, and gives the child an empty environment). Any exit
but 0 fails the task with the tool's message, so Spark retries it and, after
spark.task.maxFailures, fails the job (no _SUCCESS). Rejected records are no failure
(--rejects-ok); they are written, never lost.

The binary: `--binary PATH` on every node, or shipped with `spark-submit --files
/path/to/newsfacts` and named by its file name (`--binary newsfacts`, the default: found in
the task's SparkFiles first, then on PATH).
"""
import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading

# Test hooks (tests/spark.rs): kill the child of the first attempt of partition 0 after
# it has written this many lines of output.
KILL_FIRST_ATTEMPT_AFTER = "NEWSFACTS_SPARK_TEST_KILL_AFTER"


def binary_path(name):
    """The newsfacts binary of this task: shipped with --files, else the path given."""
    from pyspark import SparkFiles

    shipped = os.path.join(SparkFiles.getRootDirectory(), os.path.basename(name))
    if os.path.isfile(shipped):
        mode = os.stat(shipped).st_mode
        if not mode & stat.S_IXUSR:
            os.chmod(shipped, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return shipped
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(
            f"newsfacts binary {name!r} not found: ship it with --files or install it on the nodes"
        )
    return found


def run_tool(argv, lines, on_line=None, kill_after=None):
    """Run the tool with `lines` (bytes, one record each) on stdin; its stdout lines
    (bytes). Any exit but 0 raises with the tool's stderr, so Spark retries the task."""
    child = subprocess.Popen(
        argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=dict(os.environ),
    )
    errors = []

    def feed():
        try:
            for line in lines:
                child.stdin.write(line)
                child.stdin.write(b"\n")
            child.stdin.close()
        except BrokenPipeError:
            pass  # the child ended early: its exit code says why
        except Exception as e:  # an input iterator that fails fails the task
            errors.append(e)
            child.kill()

    stderr = []
    t_err = threading.Thread(target=lambda: stderr.append(child.stderr.read()), daemon=True)
    t_in = threading.Thread(target=feed, daemon=True)
    t_err.start()
    t_in.start()
    out = []
    for n, line in enumerate(child.stdout, 1):
        out.append(line.rstrip(b"\n"))
        if kill_after is not None and n >= kill_after:
            child.kill()
            break
    child.stdout.close()
    code = child.wait()
    t_in.join()
    t_err.join()
    if errors:
        raise errors[0]
    if code != 0:
        msg = (stderr[0] if stderr else b"").decode("utf-8", "replace").strip()
        raise RuntimeError(f"{os.path.basename(argv[0])} {argv[1]} exited with {code}: {msg[-2000:]}")
    return out


def numbered_partitions(sc, path, partitions):
    """The dump's lines as (line index, bytes) in `partitions` contiguous, ordered
    partitions, whatever the input's own splits were."""
    lines = sc.textFile(path, use_unicode=False).zipWithIndex().map(lambda x: (x[1], x[0]))
    total = lines.count()
    n = max(1, partitions)

    def part(i):
        return min(n - 1, i * n // max(total, 1))

    return lines.repartitionAndSortWithinPartitions(n, part), total


def task_offset(rows):
    """(first line index, [bytes]) of a partition's sorted rows."""
    rows = list(rows)
    return (rows[0][0] if rows else 0), [r[1] for r in rows]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["extract", "ingest"])
    ap.add_argument("input")
    ap.add_argument("output", help="extract: an output directory; ingest: the merged index")
    ap.add_argument("--partitions", type=int, default=0, help="tasks (default: Spark's parallelism)")
    ap.add_argument("--binary", default="newsfacts")
    ap.add_argument("--source", default=None, help="source of records without a URL (default: the input's name)")
    ap.add_argument("--reference-date", default=None)
    ap.add_argument("--shards-dir", default=None, help="ingest: a directory every task and the driver can reach")
    ap.add_argument("--master", default=None, help="for tests: a master URL when not run by spark-submit")
    a = ap.parse_args(argv)

    from pyspark import SparkConf, SparkContext, TaskContext

    conf = SparkConf().setAppName(f"newsfacts {a.mode}")
    if a.master:
        conf = conf.setMaster(a.master)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("WARN")
    if os.path.isfile(a.binary):
        sc.addFile(os.path.abspath(a.binary))
    binary = os.path.basename(a.binary) if os.path.isfile(a.binary) else a.binary
    source = a.source or os.path.basename(a.input.rstrip("/")) or "dump"
    partitions = a.partitions or sc.defaultParallelism
    rows, total = numbered_partitions(sc, a.input, partitions)
    rows = rows.cache()
    common = ["--source", source]
    if a.reference_date:
        common += ["--reference-date", a.reference_date]

    # Pass 1: learn per task, add up on the driver, ship the sum.
    def learn(rows):
        _, lines = task_offset(rows)
        out = run_tool([binary_path(binary), "boilerplate", "learn", "-", "--source", source, "-q"], lines)
        yield b"\n".join(out)

    work = tempfile.mkdtemp(prefix="newsfacts-spark-")
    model_paths = []
    for i, m in enumerate(rows.mapPartitions(learn).collect()):
        p = os.path.join(work, f"model-{i:05d}.json")
        with open(p, "wb") as f:
            f.write(m + b"\n")
        model_paths.append(p)
    model = os.path.join(work, "boilerplate.json")
    local_bin = a.binary if os.path.isfile(a.binary) else shutil.which(a.binary)
    subprocess.run([local_bin, "boilerplate", "merge", "--final", "-q", "-o", model] + model_paths, check=True)
    sc.addFile(model)
    kill_after = os.environ.get(KILL_FIRST_ATTEMPT_AFTER)

    def tool_args(offset):
        from pyspark import SparkFiles

        return common + ["--boilerplate", SparkFiles.get("boilerplate.json"),
                         "--line-offset", str(offset), "--rejects-ok", "-q"]

    def kill_hook():
        ctx = TaskContext.get()
        if kill_after and ctx.partitionId() == 0 and ctx.attemptNumber() == 0:
            return int(kill_after)
        return None

    if a.mode == "extract":
        def extract(rows):
            offset, lines = task_offset(rows)
            with tempfile.TemporaryDirectory() as tmp:
                rejects = os.path.join(tmp, "rejects.jsonl")
                argv = [binary_path(binary), "extract", "-", "--rejects", rejects] + tool_args(offset)
                for line in run_tool(argv, lines, kill_after=kill_hook()):
                    yield (0, line)
                with open(rejects, "rb") as f:
                    for line in f:
                        yield (1, line.rstrip(b"\n"))

        out = rows.mapPartitions(extract, preservesPartitioning=True).cache()
        for kind, name in [(0, "articles"), (1, "rejects")]:
            out.filter(lambda r, k=kind: r[0] == k).map(lambda r: r[1].decode("utf-8")) \
                .saveAsTextFile(os.path.join(a.output, name))
        rejected = out.filter(lambda r: r[0] == 1).count()
        articles = out.filter(lambda r: r[0] == 0).count()
        print(json.dumps({"lines": total, "partitions": partitions, "articles": articles,
                          "rejected": rejected}), file=sys.stderr)
    else:
        shards = a.shards_dir or os.path.join(work, "shards")
        os.makedirs(shards, exist_ok=True)

        def ingest(rows):
            ctx = TaskContext.get()
            offset, lines = task_offset(rows)
            final = os.path.join(shards, f"shard-{ctx.partitionId():05d}")
            tmp = f"{final}.attempt-{ctx.attemptNumber()}-{os.getpid()}"
            shutil.rmtree(tmp, ignore_errors=True)
            argv = [binary_path(binary), "ingest", "-", "--index", tmp] + tool_args(offset)
            run_tool(argv, lines, kill_after=kill_hook())
            shutil.rmtree(final, ignore_errors=True)  # an earlier attempt's (the same)
            os.rename(tmp, final)
            yield final

        paths = sorted(rows.mapPartitions(ingest).collect())
        subprocess.run([local_bin, "merge", a.output] + paths, check=True)
    rows.unpersist()
    shutil.rmtree(work, ignore_errors=True)
    sc.stop()


if __name__ == "__main__":
    main()
