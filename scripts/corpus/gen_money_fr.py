# Writes src/extract/money/corpus/fr.tsv (or the file given as its argument): amounts in a text taken for
# French (decimal comma), the rows and their expected values written out here.
# Edit this script, not the TSV; run: python3 scripts/corpus/gen_money_fr.py
rows = []
def r(t, exp, x=None): rows.append((t, exp, x))
# language detection misfires on short English sentences: "12,345" with three decimals is
# a thousands separator, not 12.345
r("accord prices start at $ 12,345 .", "$ 12,345=12345 USD")
# "1,5" is 1.5, never 15
r("un prix de 1,5 euros", "1,5 euros=1.5 EUR")
r("un bénéfice de 1,5 milliard d'euros", "1,5 milliard d'euros=1500000000 EUR", "French scale words (milliard) and d'euros not read")
import os
import sys
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "extract", "money", "corpus", "fr.tsv")
with open(OUT, "w") as f:
    f.write("# text\treference date (- none)\texpected MONEY mentions: span=value CUR[ approx][ share] joined by ' | ' (-: none)\n")
    for t, e, x in rows:
        f.write(f"{t}\t-\t{e if e else '-'}" + (f"\txfail: {x}" if x else "") + "\n")
print(f"{OUT}: {len(rows)} rows", file=sys.stderr)
