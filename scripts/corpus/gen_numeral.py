# Writes src/extract/numeral/corpus/en.tsv (or the file given as its argument): the rows and their expected values, computed here
# independently of the Rust rules. Edit this script, not the TSV; run: python3 scripts/corpus/gen_numeral.py
rows = []
def r(p, v, x=None): rows.append((p, v, x))
# digits
for p, v in [("0",0),("7",7),("42",42),("1,500",1500),("10000",10000),("1,234,567",1234567),
             ("53.169",53.169),("0.5",0.5),(".5",None),("3.14159",3.14159),("12,34,567.89",1234567.89),
             ("1,000,000.25",1000000.25),("007",7),("2019",2019),("100.00",100)]:
    r(p, v)
# scales
for num, nv in [("5",5),("3.2",3.2),("1.5",1.5),("12",12),("0.75",0.75),("181",181),("53.169",53.169)]:
    for sw, sv in [("thousand",1e3),("million",1e6),("billion",1e9),("trillion",1e12),("mln",1e6),("bln",1e9),("bn",1e9)]:
        r(f"{num} {sw}", nv*sv)
for p, v in [("1.5m",1.5e6),("5bn",5e9),("10k",1e4),("3.2bln",3.2e9),("2tn",2e12),("250k",250e3),("4.5mln",4.5e6),
             ("1.5-billion",1.5e9),("20-million",20e6),("5 lakh",5e5),("3 crore",3e7)]:
    r(p, v)
# words
words = ["zero","one","two","three","four","five","six","seven","eight","nine","ten","eleven","twelve","thirteen",
         "fourteen","fifteen","sixteen","seventeen","eighteen","nineteen"]
for i, w in enumerate(words):
    r(w, i)
tens = [("twenty",20),("thirty",30),("forty",40),("fifty",50),("sixty",60),("seventy",70),("eighty",80),("ninety",90)]
for w, v in tens:
    r(w, v)
for (w, v), (u, uv) in zip(tens, [("one",1),("two",2),("three",3),("four",4),("five",5),("six",6),("seven",7),("eight",8)]):
    r(f"{w}-{u}", v+uv)
    r(f"{w} {u}", v+uv)
for p, v in [("Twelve",12),("TWENTY-ONE",21),("a hundred",100),("one hundred",100),("one hundred and five",105),
             ("two hundred twenty one",221),("three hundred and forty-two",342),("a thousand",1000),
             ("two thousand",2000),("two thousand and nineteen",2019),("five thousand three hundred",5300),
             ("a dozen",12),("two dozen",24),("five million",5e6),("a million",1e6),("a billion",1e9),
             ("one billion",1e9),("twelve million",12e6),("a hundred thirty million",130e6),
             ("one hundred thirty million",130e6),("two and a half",2.5),("1 and a half",1.5),("six and a quarter",6.25),("two and a half million",2.5e6),
             ("two and a half billion",2.5e9),("1 and a half million",1.5e6),("three and a quarter billion",3.25e9),
             ("half a million",5e5),("half million",5e5),("half a billion",5e8),("a half million",5e5),
             ("quarter million",2.5e5),("a quarter million",2.5e5),("a quarter of a billion",2.5e8),
             ("three quarters billion",7.5e8),("three-quarters of a billion",7.5e8),("two thirds of a million",2e6/3),
             ("twenty five",25),("ninety nine",99),("forty five million",45e6)]:
    r(p, v)
# fractions
for p, v in [("5/8",0.625),("1/2",0.5),("3/4",0.75),("7-3/4",7.75),("7 3/4",7.75),("1-1/2",1.5),("9-13/16",9+13/16),
             ("35 3/8",35.375),("12-1/2",12.5),("24/7",None),("3/12",None),("1987/88",None),("3/4/87",None)]:
    r(p, v)
# not numbers
for p in ["a","the","someone","often","tenth","1.2.3","5 m","A320","half","dozen","and"]:
    r(p, None)
import os
import sys
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "extract", "numeral", "corpus", "en.tsv")
with open(OUT, "w") as f:
    f.write("# phrase\tvalue (the whole phrase as one number; - for none)\n")
    for p, v, x in rows:
        vs = "-" if v is None else repr(float(v)) if isinstance(v, float) and v != int(v) else str(int(v))
        f.write(f"{p}\t{vs}" + (f"\txfail: {x}" if x else "") + "\n")
print(f"{OUT}: {len(rows)} rows", file=sys.stderr)
