#!/usr/bin/env python3
"""Writes the calendar tables the DATE rules compile in, from maintained sources (run it in a
venv with `pip install lunardate hijridate`; the outputs are committed, so the build needs
neither; `cargo fmt` then aligns their comments):

  src/extract/time/lunar.rs   the day of the Chinese (lunar) New Year, 1900-2099
                              (PyPI `lunardate`, GPL-3.0-or-later; only dates, computed,
                              are kept);
  src/extract/time/hijri.rs   the first day of Ramadan (1 Ramadan), Eid al-Fitr (1 Shawwal)
                              and Eid al-Adha (10 Dhu al-Hijjah) of every Hijri year the
                              Umm al-Qura calendar covers, 1343-1500 AH (1924-2077)
                              (PyPI `hijridate`, MIT; only dates are kept). Umm al-Qura is
                              Saudi Arabia's calendar: countries that start the month by
                              sighting the moon may keep a day later.

  python3 scripts/gen_time_tables.py
"""
import os
from lunardate import LunarDate
from importlib.metadata import version
from hijridate import Hijri

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

with open(os.path.join(ROOT, "src/extract/time/lunar.rs"), "w") as f:
    f.write("//! The day of the Chinese (lunar) New Year, 1900-2099, as (month, day) by year from\n")
    f.write("//! 1900. Written by `scripts/gen_time_tables.py` from the PyPI package `lunardate`;\n")
    f.write("//! do not edit.\n\n")
    f.write("/// The first year of [`NEW_YEAR`].\n")
    f.write("pub const FIRST_YEAR: i32 = 1900;\n\n")
    f.write("/// (month, day) of the lunar New Year of year `FIRST_YEAR + i`.\n")
    f.write("pub const NEW_YEAR: &[(u8, u8)] = &[\n")
    for y in range(1900, 2100):
        d = LunarDate(y, 1, 1).to_solar_date()
        f.write(f"    ({d.month}, {d.day}), // {y}\n")
    f.write("];\n")

FEASTS = [("RAMADAN", "the first day of Ramadan", 9, 1),
          ("EID_AL_FITR", "Eid al-Fitr, 1 Shawwal", 10, 1),
          ("EID_AL_ADHA", "Eid al-Adha, 10 Dhu al-Hijjah", 12, 10)]
FIRST, LAST = 1343, 1500
with open(os.path.join(ROOT, "src/extract/time/hijri.rs"), "w") as f:
    f.write("//! Islamic feasts by the Umm al-Qura calendar (Saudi Arabia's), Hijri years\n")
    f.write(f"//! {FIRST}-{LAST} (1924-2077): the Gregorian day of each, sorted. Written by\n")
    f.write(f"//! `scripts/gen_time_tables.py` from the PyPI package `hijridate` {version('hijridate')}\n")
    f.write("//! (MIT); do not edit.\n")
    for name, what, m, d in FEASTS:
        f.write(f"\n/// (year, month, day) of {what}, of the Hijri years {FIRST}-{LAST} in order.\n")
        f.write(f"pub const {name}: &[(u16, u8, u8)] = &[\n")
        for hy in range(FIRST, LAST + 1):
            g = Hijri(hy, m, d).to_gregorian()
            f.write(f"    ({g.year}, {g.month}, {g.day}), // {hy}\n")
        f.write("];\n")
print(f"200 lunar new years, {LAST - FIRST + 1} Hijri years")
