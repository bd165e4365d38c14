#!/usr/bin/env python3
"""Writes the currency table the MONEY rules compile in, from a maintained source (run it
in a venv with `pip install iso4217`; the output is committed, so the build needs none; the
calendar tables of the DATE rules are written by `scripts/gen_time_tables.py`):

  src/extract/money/iso4217.rs   every active ISO 4217 code with its name and minor-unit
                                 exponent (PyPI `iso4217`, public domain, which follows
                                 the ISO maintenance agency's list).

  python3 scripts/gen_tables.py
"""
import os
import iso4217

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

def rs_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

cur = sorted({(c.code, c.currency_name, c.exponent if c.exponent is not None else -1) for c in iso4217.Currency})
with open(os.path.join(ROOT, "src/extract/money/iso4217.rs"), "w") as f:
    f.write("//! Every active ISO 4217 currency: code, name and minor-unit exponent (-1: none\n")
    f.write("//! defined, as for gold or SDR), sorted by code. Written by `scripts/gen_tables.py`\n")
    f.write(f"//! from the PyPI package `iso4217` {iso4217.__version__ if hasattr(iso4217, '__version__') else ''}; do not edit.\n\n")
    f.write("/// (code, name, exponent), sorted by code.\n")
    f.write("pub(super) const ISO4217: &[(&str, &str, i8)] = &[\n")
    for code, name, exp in cur:
        f.write(f"    ({rs_str(code)}, {rs_str(name)}, {exp}),\n")
    f.write("];\n")

print(f"{len(cur)} currencies")
