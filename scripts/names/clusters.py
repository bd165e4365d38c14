#!/usr/bin/env python3
"""Word clusters for the name tagger, from unlabelled English news text.

    PYTHONHASHSEED=0 python3 scripts/names/clusters.py [SHARED_DATA] > models/clusters.txt

Text (no labels are read, no dev/val/test split is read): the Reuters-21578 bodies
(bench/reuters21578.jsonl.gz), the GMB sentences (ner/gmb), the CoNLL-2003 train split,
FiNER-ORD train, the SEC-filings train split. Tokens follow the tagger's conventions
closely enough for lookup (clitics split, punctuation alone, digits folded to 0).

Method: CBOW word vectors (gensim Word2Vec, window 2, one worker, fixed seed: the
output is reproducible), then a binary tree by recursive 2-means (cosine, fixed
initialisation) to depth 20: each word's path from the root is its bit string, so
prefixes of 4, 6, 10, 20 bits are clusters of growing granularity, as Brown clusters
are used (Ratinov & Roth 2009). Output: `word<TAB>bits<TAB>count`, one line per word seen
at least MIN_COUNT times, sorted by word.
"""
import csv
import gzip
import json
import os
import re
import sys

import numpy as np
from gensim.models import Word2Vec

MIN_COUNT = 3
DEPTH = 20
SEED = 1

TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,3}\.(?=\s+[A-Z])|\d[\d,.]*\d|\w+(?:[-&]\w+)*|'(?:s|re|ve|ll|d|m|t)\b|\S",
    re.UNICODE,
)


def norm(w):
    return re.sub(r"\d", "0", w)


def conll_sents(path):
    sent = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("-DOCSTART-"):
                if sent:
                    yield sent
                sent = []
                continue
            sent.append(norm(line.split()[0]))
    if sent:
        yield sent


def text_sents(text):
    for para in re.split(r"\n\s*\n|(?<=[.!?])\s+(?=[A-Z\"])", text):
        toks = [norm(t) for t in TOKEN.findall(para)]
        if toks:
            yield toks


def corpus(data):
    sents = []
    with gzip.open(os.path.join(data, "bench/reuters21578.jsonl.gz"), "rt") as f:
        for line in f:
            d = json.loads(line)
            sents.extend(text_sents(d.get("html") or d.get("text") or ""))
    with gzip.open(os.path.join(data, "ner/gmb/ner_dataset.csv.gz"), "rt",
                   encoding="latin-1") as f:
        r = csv.reader(f)
        next(r)
        cur = []
        for row in r:
            if row[0].startswith("Sentence:") and cur:
                sents.append(cur)
                cur = []
            cur.append(norm(row[1]))
        if cur:
            sents.append(cur)
    sents.extend(conll_sents(os.path.join(data, "ner/conll2003/conllpp_train.txt")))
    sec = os.path.join(data, "ner/open/SEC-filings/CONLL-format/data/train")
    for name in sorted(os.listdir(sec)):
        sents.extend(conll_sents(os.path.join(sec, name)))
    with open(os.path.join(data, "ner/finer_ord/train.csv"), encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        key, cur = None, []
        for row in r:
            if len(row) < 4:
                continue
            k = (row[2], row[3])
            if k != key and cur:
                sents.append(cur)
                cur = []
            key = k
            if row[1].strip():
                cur.append(norm(row[1].strip()))
        if cur:
            sents.append(cur)
    return sents


def bisect(vecs, idx, depth, codes, prefix):
    """Split the words `idx` by 2-means and recurse; `codes[i]` gets the path."""
    if depth == DEPTH or len(idx) < 2:
        for i in idx:
            codes[i] = prefix
        return
    x = vecs[idx]
    # fixed initialisation: the word farthest from the mean, then the one farthest from it
    mean = x.mean(axis=0)
    a = x[np.argmax(((x - mean) ** 2).sum(axis=1))]
    b = x[np.argmax(((x - a) ** 2).sum(axis=1))]
    c = np.stack([a, b])
    for _ in range(12):
        side = np.argmax(x @ c.T, axis=1)
        new = []
        for k in range(2):
            m = x[side == k]
            v = m.mean(axis=0) if len(m) else c[k]
            new.append(v / (np.linalg.norm(v) + 1e-9))
        new = np.stack(new)
        if np.allclose(new, c):
            break
        c = new
    side = np.argmax(x @ c.T, axis=1)
    left, right = idx[side == 0], idx[side == 1]
    if len(left) == 0 or len(right) == 0:
        for i in idx:
            codes[i] = prefix
        return
    bisect(vecs, left, depth + 1, codes, prefix + "0")
    bisect(vecs, right, depth + 1, codes, prefix + "1")


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    sents = corpus(data)
    ntok = sum(len(s) for s in sents)
    print(f"clusters: {len(sents)} sentences, {ntok} tokens", file=sys.stderr)
    model = Word2Vec(sents, vector_size=64, window=2, min_count=MIN_COUNT, sg=0,
                     negative=10, epochs=8, workers=1, seed=SEED, sample=1e-4)
    words = list(model.wv.index_to_key)
    vecs = model.wv.vectors.astype(np.float64)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    codes = [""] * len(words)
    sys.setrecursionlimit(10000)
    bisect(vecs, np.arange(len(words)), 0, codes, "")
    print(f"clusters: {len(words)} words", file=sys.stderr)
    out = sys.stdout
    out.write("# word\tbits\tcount  (scripts/names/clusters.py; see models/README.md)\n")
    for i in sorted(range(len(words)), key=lambda i: words[i]):
        w = words[i]
        if "\t" in w or "\n" in w:
            continue
        out.write(f"{w}\t{codes[i] or '0'}\t{model.wv.get_vecattr(w, 'count')}\n")


if __name__ == "__main__":
    main()
