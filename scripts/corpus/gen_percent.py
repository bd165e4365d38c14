# Writes src/extract/percent/corpus/en.tsv (or the file given as its argument): the rows and their expected values, computed here
# independently of the Rust rules. Edit this script, not the TSV; run: python3 scripts/corpus/gen_percent.py
rows = []
def r(t, exp, x=None): rows.append((t, exp, x))
# marker variants x number forms
nums = [("21.9",21.9),("12",12),("0.5",0.5),("100",100),("1,250",1250),("twenty",20),("five",5),("twenty-five",25),("3 1/2",3.5)]
markers = ["%", " %", " percent", " per cent", " pct", " Percent", " PCT", " percentage points", " pct points"]
frames = ["Sales rose {} last year.", "It fell by {}, the company said.", "a {} stake"]
k = 0
for n, v in nums:
    for m in markers:
        if n in ("twenty","five","twenty-five") and m in ("%"," %"):
            continue
        f = frames[k % len(frames)]; k += 1
        span = n + m
        r(f.format(span), f"{span}={v}")
# hyphenated adjectival
r("a 10-percent stake", "10-percent=10")
r("a 5-pct rise", "5-pct=5")
r("the 50-per-cent owner", "50-per-cent=50", "hyphenated 'per-cent' not read")
# glued
r("up 5pct from", "5pct=5")
r("about 40percent of", "40percent=40")
# signs
r("growth of -3% in the quarter", "-3%=-3")
r("a change of −2.5% (minus)", "−2.5%=-2.5")
r("margin was minus five percent", "minus five percent=-5")
r("returns of negative 2 pct", "negative 2 pct=-2")
r("up +4% on the day", "+4%=4")
# ranges
r("rates of 10% to 25% a year", "10%=10 | 25%=25")
r("between 5 and 10 pct", "5=5 | 10 pct=10")
r("a 5-10% discount", "5=5 | 10%=10")
r("from 10 to 25 percent", "10=10 | 25 percent=25")
r("2 - 3 per cent", "2=2 | 3 per cent=3")
r("rose 10 to 12 pct", "10=10 | 12 pct=12")
r("fell 3%-4% in May", "3%=3 | 4%=4")
# tokenised decimals / fractions
r("sales rose 6 . 2 % to", "6 . 2 %=6.2")
r("a 7-3/4 pct coupon", "7-3/4 pct=7.75")
r("yield 5/8 pct more", "5/8 pct=0.625")
r("at 9-13/16 pct", "9-13/16 pct=9.8125")
r("of 11 3/4 pct", "11 3/4 pct=11.75")
r("bonds of 7 3 / 4 % due", "7 3 / 4 %=7.75")
r("a 3 / 4 % fee", "3 / 4 %=0.75")
r("ratio 10 / 5 % now", "5 %=5")
# written numbers
r("one hundred percent sure", "one hundred percent=100")
r("two and a half percent", "two and a half percent=2.5")
r("ninety nine per cent", "ninety nine per cent=99")
r("percent of twenty-two.", "percent of twenty-two=22")
# full-width and other languages (lang en context but marker is universal)
r("増加率は５％", "５％=5")
r("rose 12％ on", "12％=12")
# multiple in a sentence
r("Profit rose 21.9% while costs fell 3 pct and tax was 12 percent.", "21.9%=21.9 | 3 pct=3 | 12 percent=12")
r("Rates: 1.5%, 2.25% and 3%.", "1.5%=1.5 | 2.25%=2.25 | 3%=3")
# running text
for t, e in [("a decrease of 21.9%;", "21.9%=21.9"),("100%", "100%=100"),(" 100 percent", "100 percent=100"),
             ("240 percent", "240 percent=240"),("twenty percent", "twenty percent=20"),
             ("one hundred percents", "one hundred percents=100"),("thirty percentage", "thirty percentage=30"),
             ("rose 12 per cent", "12 per cent=12"),("up 5 pct from", "5 pct=5"),
             ("just need minus five percent", "minus five percent=-5"),("fell -3% in", "-3%=-3"),
             ("rates rose 0.25 percentage points", "0.25 percentage points=0.25"),("up 2.5 pct", "2.5 pct=2.5"),
             ("interest income sank 27 % in the quarter", "27 %=27"),("percent of 10", "percent of 10=10"),
             ("per cent of twenty-two", "per cent of twenty-two=22"),("rose 1,500 percent", "1,500 percent=1500"),
             ("salaries up 10% to 25% and 5-10% or 3 to 4 percent", "10%=10 | 25%=25 | 5=5 | 10%=10 | 3=3 | 4 percent=4")]:
    r(t, e)
# not percentages
for t in ["accounted for%.", "a % sign", "100%20off in a URL http://x.com/?q=30%25",
          "The percentage of voters grew.", "a large percent of people", "percentages vary",
          "Reuters pct format", "see http://a.com/a%2Fb", "%20", "A320% nonsense",
          "the percent sign", "grew 5 percentile points", "the 5th percentile", "10 per head",
          "interest per annum", "1.2.3%", "online services accounted for%.", "Online%.",
          "You can go to https://www.test.com/search?q=30%25%2020%", "issn%280024%2D9114%29%20and%20",
          "Only a small percent attain the top ranks", "The table shows the % of increase",
          "How do I calculate a percentage?", "expected percentages"]:
    r(t, "")
import os
import sys
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "extract", "percent", "corpus", "en.tsv")
with open(OUT, "w") as f:
    f.write("# text\treference date (- none)\texpected PERCENT mentions: span=value joined by ' | ' (empty: none)\n")
    for t, e, x in rows:
        f.write(f"{t}\t-\t{e if e else '-'}" + (f"\txfail: {x}" if x else "") + "\n")
print(f"{OUT}: {len(rows)} rows", file=sys.stderr)
