# Writes src/extract/percent/corpus/fr.tsv (or the file given as its argument): French percentages (decimal comma,
# "pour cent"), the rows and their expected values written out here.
# Edit this script, not the TSV; run: python3 scripts/corpus/gen_percent_fr.py
rows = []
def r(t, exp, x=None): rows.append((t, exp, x))
r("une hausse de 3,2 pour cent", "3,2 pour cent=3.2")
r("une baisse de 1,5 %", "1,5 %=1.5")
import os
import sys
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "extract", "percent", "corpus", "fr.tsv")
with open(OUT, "w") as f:
    f.write("# text\treference date (- none)\texpected PERCENT mentions: span=value joined by ' | ' (empty: none)\n")
    for t, e, x in rows:
        f.write(f"{t}\t-\t{e if e else '-'}" + (f"\txfail: {x}" if x else "") + "\n")
print(f"{OUT}: {len(rows)} rows", file=sys.stderr)
