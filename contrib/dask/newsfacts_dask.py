#!/usr/bin/env python3
"""newsfacts on Dask, the light option: the same two passes as contrib/spark/.

    python contrib/dask/newsfacts_dask.py INPUT OUT_DIR [--partitions N] [--binary newsfacts]
        [--source NAME] [--scheduler threads|processes|ADDRESS]

INPUT: a JSON Lines dump (or a glob; .gz read whole). The dump is cut into N contiguous
parts; pass 1 runs `newsfacts boilerplate learn -` per part and the client adds the models
up (`boilerplate merge --final`); pass 2 runs `newsfacts extract - --boilerplate MODEL
--source NAME --line-offset FIRST_LINE --rejects-ok` per part. OUT_DIR/articles/part-NNNNN
and OUT_DIR/rejects/part-NNNNN: in dump order, the output of one direct run. A part whose
tool exits non-zero raises with its message (Dask retries with `retries=`, else the job
fails: no _SUCCESS is written).

With a distributed cluster (ADDRESS), OUT_DIR and the model must be on storage that every
worker reaches, and the binary installed on the workers.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "spark"))
from newsfacts_spark import run_tool  # noqa: E402  (the same subprocess runner)


def main(argv=None):
    import dask
    import dask.bag as db

    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--partitions", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--binary", default="newsfacts")
    ap.add_argument("--source", default=None)
    ap.add_argument("--scheduler", default="threads")
    a = ap.parse_args(argv)
    binary = shutil.which(a.binary) or a.binary
    source = a.source or os.path.basename(a.input.rstrip("/"))
    if a.scheduler not in ("threads", "processes", "synchronous"):
        from dask.distributed import Client

        Client(a.scheduler)
    else:
        dask.config.set(scheduler=a.scheduler)

    lines = db.read_text(a.input, linedelimiter="\n", encoding="utf-8", errors="surrogateescape")
    lines = lines.map(lambda l: l.rstrip("\n").encode("utf-8", "surrogateescape"))
    lines = lines.repartition(a.partitions)
    parts = lines.to_delayed()
    counts = dask.compute(*[dask.delayed(len)(p) for p in parts])
    offsets = [sum(counts[:i]) for i in range(len(counts))]

    def learn(part):
        return b"\n".join(run_tool([binary, "boilerplate", "learn", "-", "--source", source, "-q"], part))

    work = tempfile.mkdtemp(prefix="newsfacts-dask-")
    models = dask.compute(*[dask.delayed(learn)(p) for p in parts])
    paths = []
    for i, m in enumerate(models):
        paths.append(os.path.join(work, f"model-{i:05d}.json"))
        with open(paths[-1], "wb") as f:
            f.write(m + b"\n")
    model = os.path.join(os.path.abspath(a.output), "boilerplate.json")
    os.makedirs(os.path.join(a.output, "articles"), exist_ok=True)
    os.makedirs(os.path.join(a.output, "rejects"), exist_ok=True)
    subprocess.run([binary, "boilerplate", "merge", "--final", "-q", "-o", model] + paths, check=True)

    def extract(part, i, offset):
        rejects = os.path.join(a.output, "rejects", f"part-{i:05d}")
        out = run_tool([binary, "extract", "-", "--source", source, "--boilerplate", model,
                        "--line-offset", str(offset), "--rejects", rejects, "--rejects-ok", "-q"], part)
        with open(os.path.join(a.output, "articles", f"part-{i:05d}"), "wb") as f:
            for line in out:
                f.write(line + b"\n")
        return len(out)

    written = dask.compute(*[dask.delayed(extract)(p, i, o) for i, (p, o) in enumerate(zip(parts, offsets))])
    open(os.path.join(a.output, "articles", "_SUCCESS"), "w").close()
    shutil.rmtree(work, ignore_errors=True)
    print(f"newsfacts-dask: {sum(counts)} lines in {len(parts)} parts, {sum(written)} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
