# Writes src/extract/money/corpus/de.tsv (or the file given as its argument): German amounts (decimal comma,
# "Mio.", "Milliarden"), the rows and their expected values written out here.
# Edit this script, not the TSV; run: python3 scripts/corpus/gen_money_de.py
rows = []
def r(t, exp, x=None): rows.append((t, exp, x))
# decimal comma, thousands dot, "Milliarden", "Mio.", "Mrd."
r("Der Umsatz stieg auf 1,5 Milliarden Euro.", "1,5 Milliarden Euro=1500000000 EUR")
r("ein Plus von 3,5 Mrd. Dollar", "3,5 Mrd. Dollar=3500000000 USD")
r("Umsatz von 1,5 Milliarden Euro, Gewinn 340 Mio. Euro und 2.500 US-Dollar; 5 €.",
  "1,5 Milliarden Euro=1500000000 EUR | 340 Mio. Euro=340000000 EUR | 2.500 US-Dollar=2500 USD | 5 €=5 EUR")
import os
import sys
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "extract", "money", "corpus", "de.tsv")
with open(OUT, "w") as f:
    f.write("# text\treference date (- none)\texpected MONEY mentions: span=value CUR[ approx][ share] joined by ' | ' (-: none)\n")
    for t, e, x in rows:
        f.write(f"{t}\t-\t{e if e else '-'}" + (f"\txfail: {x}" if x else "") + "\n")
print(f"{OUT}: {len(rows)} rows", file=sys.stderr)
