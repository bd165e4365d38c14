#!/usr/bin/env python3
"""Write src/extract/money/names.rs: the currency names of ISO 4217 as news writes them
after an amount ("5 million ringgit", "300 Kuwaiti dinars", "20 kroner").

Run in a venv with `pip install iso4217` (PyPI, public domain, follows the ISO 4217
maintenance agency's list); the output is committed, so the build needs no Python.

From every ISO name ("Malaysian Ringgit", "Kuwaiti Dinar", "Won") it takes the noun (the
last word; "Yuan Renminbi", "Pound Sterling", "Rial Omani" put it first) with its plural
forms, and the words before it as an adjective. A noun shared by several currencies
("dinar", "peso") means by default the one of the largest economy (ECONOMY, by GDP); the
text can still name the country. The spelling variants and adjectives news uses besides
the ISO ones (shekel for sheqel, riyal, rouble; "Pakistani", "Emirati") are general and
listed below. Nouns that are also plain English words ("real", "won", "sum", "rand") are
marked guarded (the singular and the English plural only, not "reais"): the rules take
them only with an adjective or after an amount written as money ("5 million", "20,000").
"""
import os
import iso4217

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src/extract/money/names.rs")

# funds, units of account, metals, test codes: not currencies news names in words
SKIP = {"CLF", "COU", "MXV", "UYI", "UYW", "CHE", "CHW", "USN", "XBA", "XBB", "XBC", "XBD",
        "XTS", "XXX", "XSU", "XUA", "XDR", "BOV", "XAU", "XAG", "XPD", "XPT", "ZWG", "XAD",
        "VED", "XCG"}
# largest economies first (IMF GDP ranking, rounded): the default of a shared noun
ECONOMY = ["USD", "CNY", "EUR", "JPY", "INR", "GBP", "BRL", "CAD", "RUB", "MXN", "AUD", "KRW",
           "IDR", "TRY", "SAR", "CHF", "PLN", "TWD", "SEK", "ARS", "THB", "ILS", "AED", "NOK",
           "SGD", "PHP", "VND", "BDT", "MYR", "DKK", "COP", "HKD", "ZAR", "EGP", "PKR", "NGN",
           "CLP", "CZK", "RON", "IRR", "NZD", "PEN", "IQD", "KZT", "HUF", "QAR", "UAH", "DZD",
           "KWD", "MAD", "KES"]
# first word is the noun in these ISO names
NOUN_FIRST = {"CNY": ("yuan", ""), "GBP": ("pound", "sterling"), "OMR": ("rial", "omani"),
              "UYU": ("peso", "uruguayo"), "NIO": ("cordoba", "oro"), "VES": ("bolivar", "soberano")}
# news spellings besides the ISO noun
VARIANTS = {"sheqel": ["shekel"], "rial": ["riyal"], "ruble": ["rouble"], "yuan": ["renminbi"],
            "hryvnia": ["hryvnya"], "tugrik": ["tugrug"], "koruna": ["crown"],
            "krona": ["crown"], "krone": ["crown"]}
# plural forms news uses (else noun + "s"); invariant nouns map to themselves
PLURALS = {"yen": ["yen"], "yuan": ["yuan"], "renminbi": ["renminbi"], "won": ["won"],
           "baht": ["baht"], "rand": ["rand"], "ringgit": ["ringgit"], "naira": ["naira"],
           "kip": ["kip"], "rupiah": ["rupiah"], "dong": ["dong"], "kyat": ["kyat", "kyats"],
           "taka": ["taka"], "tenge": ["tenge"], "som": ["som", "soms"], "sum": ["sum"],
           "loti": ["maloti"], "rufiyaa": ["rufiyaa"], "real": ["reais", "reals"],
           "krona": ["kronor", "kronur"], "krone": ["kroner"], "koruna": ["korunas", "koruny"],
           "lira": ["lira", "liras", "lire"], "zloty": ["zlotys", "zloty", "zlotych"],
           "leu": ["lei"], "lev": ["leva"], "pound": ["pounds"], "peso": ["pesos"],
           "shilling": ["shillings"], "hryvnia": ["hryvnias", "hryvnia"], "lek": ["lek", "leke"],
           "kwacha": ["kwacha"], "denar": ["denars", "denari"], "franc": ["francs"],
           "vatu": ["vatu"], "tala": ["tala"], "kina": ["kina"], "pula": ["pula"],
           "lari": ["lari"], "manat": ["manat", "manats"], "dram": ["drams", "dram"],
           "colon": ["colones", "colons"], "sol": ["soles"], "cedi": ["cedis"],
           "afghani": ["afghanis"], "metical": ["meticais"], "ouguiya": ["ouguiya"],
           "guarani": ["guaranis"], "quetzal": ["quetzales", "quetzals"], "leone": ["leones"],
           "birr": ["birr"], "nakfa": ["nakfa"], "somoni": ["somoni"], "ngultrum": ["ngultrum"],
           "ariary": ["ariary"], "dalasi": ["dalasi"], "lilangeni": ["emalangeni"],
           "pataca": ["patacas"], "boliviano": ["bolivianos"], "bolivar": ["bolivares", "bolivars"],
           "cordoba": ["cordobas"], "gourde": ["gourdes"], "lempira": ["lempiras"],
           "balboa": ["balboas"], "dobra": ["dobras"], "riel": ["riels", "riel"],
           "kwanza": ["kwanzas"], "pa'anga": ["pa'anga"], "mark": ["marks"]}
# adjectives news uses besides the ISO ones
ADJECTIVES = {"PKR": ["pakistani"], "LKR": ["sri lankan"], "UGX": ["ugandan"], "RWF": ["rwandan"],
              "NAD": ["namibian"], "MUR": ["mauritian"], "KZT": ["kazakh", "kazakhstani"],
              "VND": ["vietnamese"], "THB": ["thai"], "KRW": ["south korean", "korean"],
              "IDR": ["indonesian"], "BDT": ["bangladeshi"], "NGN": ["nigerian"],
              "UAH": ["ukrainian"], "HUF": ["hungarian"], "PLN": ["polish"], "ILS": ["israeli"],
              "AED": ["emirati", "uae"], "UZS": ["uzbek"], "ZAR": ["south african"],
              "JPY": ["japanese"], "CNY": ["chinese"], "KES": ["kenyan"], "TZS": ["tanzanian"],
              "ISK": ["icelandic"], "LAK": ["laotian"], "OMR": ["omani"], "MWK": ["malawian"],
              "MZN": ["mozambican"], "GHS": ["ghanaian"], "ZMW": ["zambian"], "SOS": ["somali"],
              "GEL": ["georgian"], "KGS": ["kyrgyz"], "MMK": ["burmese", "myanmar"],
              "KHR": ["cambodian"], "MNT": ["mongolian"], "AMD": ["armenian"],
              "AZN": ["azerbaijani"], "ETB": ["ethiopian"], "USD": ["u.s.", "american"],
              "CHF": ["swiss"], "SEK": ["swedish"], "NOK": ["norwegian"], "DKK": ["danish"],
              "CZK": ["czech"], "RON": ["romanian"], "BRL": ["brazilian"], "PEN": ["peruvian"],
              "RUB": ["russian"], "INR": ["indian"], "MYR": ["malaysian"], "EGP": ["egyptian"],
              "TRY": ["turkish"], "SAR": ["saudi"], "QAR": ["qatari"], "MAD": ["moroccan"],
              "BGN": ["bulgarian"], "RSD": ["serbian"], "HRK": ["croatian"]}
# nouns that are also plain English words or names: only with an adjective or a scale
GUARDED = {"real", "rand", "won", "sum", "sol", "colon", "mark", "dong", "kina", "tala",
           "leone", "dram", "pula", "lari", "kip", "balboa", "cordoba", "guarani", "afghani",
           "dobra", "leu", "lev", "pound", "lira", "crown", "sucre", "vatu", "loti",
           "lek", "som", "quetzal", "gourde", "riel", "birr", "manat", "cedi", "pataca",
           "dalasi", "kwanza", "nakfa", "lempira", "bolivar"}

# nouns that name a currency only with their adjective: a bare "mark" in news is the
# Deutsche mark of old stories (the rules' own table), not the convertible mark
NO_BARE = {"mark"}

def ascii(s):
    return s.replace("í", "i").replace("ó", "o").replace("’", "'").lower()

nouns = {}   # noun -> [codes]
pairs = set()
for c in iso4217.Currency:
    if c.code in SKIP:
        continue
    name = ascii(c.currency_name.split("(")[0].strip())
    if c.code in NOUN_FIRST:
        noun, adj = NOUN_FIRST[c.code]
    else:
        ws = name.split()
        noun, adj = ws[-1], " ".join(ws[:-1])
    adjs = ([adj] if adj else []) + ADJECTIVES.get(c.code, [])
    for n in [noun] + VARIANTS.get(noun, []):
        nouns.setdefault(n, []).append(c.code)
        for a in adjs:
            pairs.add((a, n, c.code))

def rank(code):
    return ECONOMY.index(code) if code in ECONOMY else len(ECONOMY)

forms = []   # (form, singular, default code, guarded)
for noun, codes in nouns.items():
    default = "" if noun in NO_BARE else sorted(set(codes), key=lambda c: (rank(c), c))[0]
    for f in {noun, *PLURALS.get(noun, [noun + "s"])}:
        # the plural of another language ("reais", "leva") is no English word
        forms.append((f, noun, default, noun in GUARDED and f in (noun, noun + "s")))
forms.sort()
assert len({f[0] for f in forms}) == len(forms), "a form of two nouns"
pairs = sorted(pairs)

with open(OUT, "w") as f:
    f.write("//! The currency names of ISO 4217 as news writes them after an amount. Written by\n")
    f.write("//! `scripts/gen_money_names.py` from the PyPI package `iso4217`; do not edit.\n\n")
    f.write("/// (form, its singular noun, the currency a bare noun means (empty: none), guarded:\n")
    f.write("/// also plain English), sorted by form.\n")
    f.write("pub(super) const NOUNS: &[(&str, &str, &str, bool)] = &[\n")
    for x in forms:
        f.write(f'    ("{x[0]}", "{x[1]}", "{x[2]}", {str(x[3]).lower()}),\n')
    f.write("];\n\n")
    f.write("/// (adjective, singular noun, code), sorted: \"kuwaiti dinar\" is KWD.\n")
    f.write("pub(super) const PAIRS: &[(&str, &str, &str)] = &[\n")
    for x in pairs:
        f.write(f'    ("{x[0]}", "{x[1]}", "{x[2]}"),\n')
    f.write("];\n")
print(f"{OUT}: {len(forms)} noun forms, {len(pairs)} adjective pairs")
