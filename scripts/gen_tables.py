#!/usr/bin/env python3
"""Writes the calendar and currency tables the rules compile in, from maintained sources
(run it in a venv with `pip install iso4217 lunardate`; the outputs are committed, so the
build needs neither):

  src/extract/money/iso4217.rs   every active ISO 4217 code with its name and minor-unit
                                 exponent (PyPI `iso4217`, public domain, which follows
                                 the ISO maintenance agency's list);
  src/extract/time/lunar.rs      the day of the Chinese (lunar) New Year, 1900-2099
                                 (PyPI `lunardate`; only dates, computed, are kept).

  python3 scripts/gen_tables.py
"""
import os
import iso4217
from lunardate import LunarDate

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

with open(os.path.join(ROOT, "src/extract/time/lunar.rs"), "w") as f:
    f.write("//! The day of the Chinese (lunar) New Year, 1900-2099, as (month, day) by year from\n")
    f.write("//! 1900. Written by `scripts/gen_tables.py` from the PyPI package `lunardate`; do\n")
    f.write("//! not edit.\n\n")
    f.write("/// The first year of [`NEW_YEAR`].\n")
    f.write("pub const FIRST_YEAR: i32 = 1900;\n\n")
    f.write("/// (month, day) of the lunar New Year of year `FIRST_YEAR + i`.\n")
    f.write("pub const NEW_YEAR: &[(u8, u8)] = &[\n")
    for y in range(1900, 2100):
        d = LunarDate(y, 1, 1).to_solar_date()
        f.write(f"    ({d.month}, {d.day}), // {y}\n")
    f.write("];\n")
print(f"{len(cur)} currencies, 200 lunar new years")
