# Writes src/extract/percent/corpus/de.tsv (or the file given as its argument): German percentages (decimal comma,
# "Prozent", "Prozentpunkte"), the rows and their expected values written out here.
# Edit this script, not the TSV; run: python3 scripts/corpus/gen_percent_de.py
rows = []
def r(t, exp, x=None): rows.append((t, exp, x))
r("der Umsatz werde um etwa 4,5 Prozent sinken, 2 Prozentpunkte", "4,5 Prozent=4.5 | 2 Prozentpunkte=2")
r("der Umsatz stieg um 4,5 Prozent", "4,5 Prozent=4.5")
r("ein Anteil von 12,5 %", "12,5 %=12.5")
import os
import sys
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "extract", "percent", "corpus", "de.tsv")
with open(OUT, "w") as f:
    f.write("# text\treference date (- none)\texpected PERCENT mentions: span=value joined by ' | ' (empty: none)\n")
    for t, e, x in rows:
        f.write(f"{t}\t-\t{e if e else '-'}" + (f"\txfail: {x}" if x else "") + "\n")
print(f"{OUT}: {len(rows)} rows", file=sys.stderr)
