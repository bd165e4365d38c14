#!/usr/bin/env python3
"""Check the shape of src/: the import graph between files and the stage order.

    scripts/check-layers.py [--graph]      (CI runs it; exit 1 on any violation)

It reads every .rs file under src/, resolves each reference to a module of the crate
(`use crate::…`, `use super::…`, `crate::x::y` and `super::x` paths in code, and paths that
start with a child module's name), follows `pub use` re-exports to the file that defines
the item, and builds the graph of which file uses which. Then it fails on:

- an import circle: two or more files that reach each other (a parent `mod.rs` that only
  declares its children with `mod x;` does not use them);
- an import from a lower stage back up to a higher one, in the stage order of STAGES
  below (a stage may use its own files and any stage before it);
- a source file over MAX_LINES lines (tests included);
- the extractor list written out anywhere but the registry: a file outside an
  extractor's own folder that calls the `find` of two or more extractors.

`--graph` prints the file graph. Test code is left out (inline `#[cfg(test)] mod … { }`
blocks and files declared `#[cfg(test)] mod x;`): tests may reach across a stage to set
up what they check. Comments and string literals are ignored; macros that build paths
are not seen (the crate has none that matter).
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
MAX_LINES = 800

# Top-level modules in pipeline order; a module may import from its own rank or lower.
STAGES = [
    {"article", "error", "words", "day"},  # base: data model, errors, word lists, days
    {"read"},
    {"clean"},
    {"lang"},
    {"extract"},
    {"index"},
    {"pipeline"},
    {"main", "cli"},  # the binary
]
# Extractor dimensions whose `find` only the registry may list.
DIMENSIONS = ["names", "time", "dates", "money", "percent", "facts"]


def rank(top):
    for i, s in enumerate(STAGES):
        if top in s:
            return i
    return None


def strip(code):
    """Remove comments, string and char literals (keeping line structure)."""
    out, i, n = [], 0, len(code)
    while i < n:
        c = code[i]
        if code.startswith("//", i):
            j = code.find("\n", i)
            i = n if j < 0 else j
        elif code.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if code.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif code.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    if code[i] == "\n":
                        out.append("\n")
                    i += 1
        elif c == "r" and re.match(r'r#*"', code[i:i + 10]) and (i == 0 or not (code[i - 1].isalnum() or code[i - 1] == "_")):
            m = re.match(r'r(#*)"', code[i:])
            end = '"' + m.group(1)
            j = code.find(end, i + len(m.group(0)))
            j = n if j < 0 else j + len(end)
            out.append("\n" * code.count("\n", i, j) + '""')
            i = j
        elif c == '"':
            j = i + 1
            while j < n and code[j] != '"':
                j += 2 if code[j] == "\\" else 1
            out.append("\n" * code.count("\n", i, j) + '""')
            i = j + 1
        elif c == "'" and re.match(r"'(\\.|[^\\'])'", code[i:i + 4]) or code.startswith("'\\u{", i):
            j = code.find("'", i + 1 if code[i + 1] != "\\" else i + 2)
            out.append("' '")
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def module_files():
    """module path (tuple) -> file, for every .rs file of src/."""
    mods = {}
    for d, _, files in os.walk(SRC):
        for f in files:
            if not f.endswith(".rs"):
                continue
            p = os.path.join(d, f)
            rel = os.path.relpath(p, SRC)[:-3].split(os.sep)
            if rel == ["lib"]:
                path = ()
            elif rel == ["main"]:
                path = ("main",)
            elif rel[-1] == "mod":
                path = tuple(rel[:-1])
            else:
                path = tuple(rel)
            mods[path] = p
    return mods


def use_trees(code):
    """Every `use` path of the code, expanded: [(segments, is_pub, position)]."""
    out = []
    for m in re.finditer(r"\b(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", code):
        is_pub = m.group(1) is not None
        for segs in expand(m.group(2).replace("\n", " ").strip()):
            out.append((segs, is_pub, m.start()))
    return out


def inline_mods(code):
    """Ranges of inline `mod name { … }` blocks: [(start, end, name)]."""
    out = []
    for m in re.finditer(r"\bmod\s+(\w+)\s*\{", code):
        depth, i = 0, m.end() - 1
        while i < len(code):
            if code[i] == "{":
                depth += 1
            elif code[i] == "}":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        out.append((m.start(), i, m.group(1)))
    return out


def nesting(ranges, pos):
    """The inline modules around a position, outermost first."""
    return [name for (s, e, name) in ranges if s <= pos <= e]


def expand(tree):
    tree = tree.strip()
    depth, brace = 0, None
    for i, c in enumerate(tree):
        if c == "{":
            if depth == 0:
                brace = i
            depth += 1
        elif c == "}":
            depth -= 1
    if brace is None:
        tree = re.sub(r"\s+as\s+\w+$", "", tree)
        return [[s for s in tree.split("::") if s]]
    prefix = [s for s in tree[:brace].split("::") if s]
    inner = tree[brace + 1:tree.rindex("}")]
    parts, depth, cur = [], 0, ""
    for c in inner:
        if c == "," and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        depth += c == "{"
        depth -= c == "}"
        cur += c
    parts.append(cur)
    out = []
    for p in parts:
        if p.strip():
            for s in expand(p):
                out.append(prefix + ([] if s == ["self"] else s))
    return out


def main():
    mods = module_files()
    files = {f: m for m, f in mods.items()}
    mods_of_files = {m[-1] for m in mods if m}
    codes = {f: strip(open(f, encoding="utf-8").read()) for f in files}
    # test code: files declared `#[cfg(test)] mod x;`, and inline `#[cfg(test)] mod x { }`
    test_files = set()
    for f, code in list(codes.items()):
        for m in re.finditer(r"#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;", code):
            child = files[f] + (m.group(1),)
            if child in mods:
                test_files.add(mods[child])
        for (st, en, name) in reversed(inline_mods(code)):
            head = code[max(0, st - 40):st]
            if re.search(r"#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?$", head):
                code = code[:st] + re.sub(r"[^\n]", " ", code[st:en + 1]) + code[en + 1:]
        codes[f] = code
    for f in test_files:
        codes[f] = ""

    def absolute(cur, segs):
        """Resolve leading crate/super/self/child segments to an absolute path."""
        segs = list(segs)
        if not segs:
            return None
        if segs[0] == "crate":
            return segs[1:]
        base = list(cur)
        if segs[0] in ("self", "super"):
            while segs and segs[0] in ("self", "super"):
                if segs.pop(0) == "super":
                    if not base:
                        return None
                    base.pop()
            return base + segs
        while base:  # a child module by name (of the file, or of an enclosing module)
            if tuple(base + segs[:1]) in mods:
                return base + segs
            if base[-1] in mods_of_files:
                break
            base.pop()
        if tuple(base + segs[:1]) in mods:
            return base + segs
        return None  # an external crate or a local item

    reexports = {}  # (module, name) -> absolute path it names

    def collect_reexports():
        for f, code in codes.items():
            cur = files[f]
            ranges = inline_mods(code)
            for segs, is_pub, pos in use_trees(code):
                if not is_pub:
                    continue
                a = absolute(cur + tuple(nesting(ranges, pos)), segs)
                if a:
                    reexports[(cur, a[-1])] = a

    def target(a, hops=0):
        """The file an absolute path lands in (following re-exports)."""
        best = ()
        for k in range(len(a), -1, -1):
            if tuple(a[:k]) in mods:
                best = tuple(a[:k])
                break
        rest = a[len(best):]
        if rest and (best, rest[0]) in reexports and hops < 8:
            nxt = reexports[(best, rest[0])]
            if nxt != a:
                return target(nxt + rest[1:], hops + 1)
        return mods.get(best)

    collect_reexports()
    graph = {f: set() for f in files}
    for f, code in codes.items():
        cur = files[f]
        ranges = inline_mods(code)
        refs = [(segs, pos) for segs, _, pos in use_trees(code)]
        body = re.sub(r"\b(pub(?:\([^)]*\))?\s+)?use\s+[^;]+;", lambda m: " " * len(m.group(0)), code)
        for m in re.finditer(r"\b((?:crate|super|self)(?:::\w+)+|\w+(?:::\w+)+)", body):
            refs.append((m.group(1).split("::"), m.start()))
        for segs, pos in refs:
            a = absolute(cur + tuple(nesting(ranges, pos)), segs)
            if a is None:
                continue
            t = target(a)
            if t and t != f:
                graph[f].add(t)
    # a parent's `mod x;` is no use of x: drop parent -> child edges made only by that
    # (the regex above does not see `mod x;`, so nothing to drop)

    bad = []
    rel = lambda p: os.path.relpath(p, ROOT)
    # stage order
    for f, ts in graph.items():
        src_top = files[f][0] if files[f] else "lib"
        for t in ts:
            dst_top = files[t][0] if files[t] else "lib"
            rs, rd = rank(src_top), rank(dst_top)
            if src_top == "lib" or rs is None or rd is None:
                continue
            if rd > rs:
                bad.append(f"up-import: {rel(f)} (stage {src_top}) uses {rel(t)} (stage {dst_top})")
    # circles (Tarjan)
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(comp)

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            strong(v)
    for comp in sccs:
        names = sorted(rel(c) for c in comp)
        edges = sorted(f"{rel(a)} -> {rel(b)}" for a in comp for b in graph[a] if b in comp)
        bad.append("import circle: " + ", ".join(names) + "\n    " + "\n    ".join(edges))
    # file sizes
    for d in ("src", "tests", "benches", "examples"):
        for dd, _, fs in os.walk(os.path.join(ROOT, d)):
            for fn in fs:
                if fn.endswith(".rs"):
                    p = os.path.join(dd, fn)
                    n = sum(1 for _ in open(p, encoding="utf-8"))
                    if n > MAX_LINES:
                        bad.append(f"long file: {rel(p)} has {n} lines (over {MAX_LINES})")
    # the extractor list, written once
    for d in ("src", "benches", "examples", "tests"):
        for dd, _, fs in os.walk(os.path.join(ROOT, d)):
            for fn in fs:
                if not fn.endswith(".rs"):
                    continue
                p = os.path.join(dd, fn)
                code = strip(open(p, encoding="utf-8").read())
                called = {x for x in DIMENSIONS if re.search(rf"\b{x}::find\b", code)}
                own = set(os.path.relpath(p, os.path.join(SRC, "extract")).split(os.sep)[:1])
                if len(called - own) >= 2:
                    bad.append(f"extractor list: {rel(p)} calls the find of {sorted(called)} (loop over extract::REGISTRY)")
    if "--graph" in sys.argv:
        for f in sorted(graph):
            print(rel(f), "->", ", ".join(sorted(rel(t) for t in graph[f])) or "-")
    n_edges = sum(len(v) for v in graph.values())
    if bad:
        print("\n".join(bad))
        print(f"check-layers: {len(bad)} problems ({len(files)} files, {n_edges} uses)")
        sys.exit(1)
    print(f"check-layers: {len(files)} files, {n_edges} uses: no circles, no up-imports, "
          f"no file over {MAX_LINES} lines, the extractor list written once")


if __name__ == "__main__":
    main()
