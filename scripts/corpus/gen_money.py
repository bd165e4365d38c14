# Writes src/extract/money/corpus/en.tsv (or the file given as its argument): the rows and their expected values, computed here
# independently of the Rust rules. Edit this script, not the TSV; run: python3 scripts/corpus/gen_money.py
rows = []
def r(t, exp, x=None): rows.append((t, exp, x))
# symbol/prefix forms x amounts
pre = [("$","USD"),("US$","USD"),("US $","USD"),("U.S. $","USD"),("HK$","HKD"),("C$","CAD"),("A$","AUD"),
       ("NZ$","NZD"),("S$","SGD"),("€","EUR"),("£","GBP"),("¥","JPY"),("RMB","CNY"),("RMB ","CNY"),("USD ","USD"),
       ("EUR ","EUR"),("GBP ","GBP"),("CHF ","CHF"),("₹","INR"),("Rs ","INR"),("Rs. ","INR"),("₩","KRW")]
amts = [("5","5"),("1,500","1500"),("3.2 billion","3200000000"),("53.169 million","53169000"),("1.5m","1500000"),
        ("5bn","5000000000"),("250k","250000"),("0.99","0.99"),("12 mln","12000000"),("2 trillion","2000000000000")]
frames = ["The deal was worth {} in total.", "It raised {}.", "Revenue: {}, up from last year."]
k = 0
for p, cur in pre:
    for a, v in amts[k % 3: k % 3 + 4]:
        span = p + a
        f = frames[k % 3]; k += 1
        r(f.format(span), f"{span}={v} {cur}")
# unit words after
post = [("dollars","USD"),("US dollars","USD"),("U.S. dollars","USD"),("dlrs","USD"),("Canadian dollars","CAD"),
        ("Australian dlrs","AUD"),("Hong Kong dollars","HKD"),("New Zealand dollars","NZD"),("yuan","CNY"),
        ("renminbi","CNY"),("Chinese yuan","CNY"),("euros","EUR"),("euro","EUR"),("yen","JPY"),("Japanese yen","JPY"),
        ("pounds sterling","GBP"),("stg","GBP"),("sterling","GBP"),("Swiss francs","CHF"),("French francs","FRF"),
        ("marks","DEM"),("guilders","NLG"),("lire","ITL"),("rupees","INR"),("Indian rupees","INR"),("won","KRW"),
        ("roubles","RUB"),("rand","ZAR"),("baht","THB"),("ringgit","MYR"),("pesos","MXN"),("riyals","SAR"),
        ("USD","USD"),("EUR","EUR"),("HKD","HKD"),("CNY","CNY"),("JPY","JPY")]
amts2 = [("5 million","5000000"),("181 million","181000000"),("2.5 billion","2500000000"),("10 mln","10000000"),
         ("3.2 bln","3200000000"),("one billion","1000000000")]
for i, (u, cur) in enumerate(post):
    a, v = amts2[i % len(amts2)]
    span = f"{a} {u}"
    r(f"The company reported {span} in sales.", f"{span}={v} {cur}")
# amounts in running text: the currency before or after, scale words, words of the amount
for t, e in [("a loss of 53.169 million US dollars.", "53.169 million US dollars=53169000 USD"),
             ("net loss of $39.278 million in 2018", "$39.278 million=39278000 USD"),
             ("revenue was about 181 million US dollars,", "about 181 million US dollars=181000000 USD approx"),
             ("raised HK$5bn from", "HK$5bn=5000000000 HKD"),("profit 5 mln dlrs vs", "5 mln dlrs=5000000 USD"),
             ("sales of RMB 3.2 billion", "RMB 3.2 billion=3200000000 CNY"),("costs €20 now", "€20=20 EUR"),
             ("a £1.5m deal", "£1.5m=1500000 GBP"),("fell to US $3 per share", "US $3=3 USD share"),
             ("total revenue of US $44.3 million", "US $44.3 million=44300000 USD"),
             ("reached 10.88 million yuan", "10.88 million yuan=10880000 CNY"),
             ("worth 323 million euros.", "323 million euros=323000000 EUR"),
             ("fined 10,000 swiss francs", "10,000 swiss francs=10000 CHF"),
             ("to hk $ 10.05 billion .", "hk $ 10.05 billion=10050000000 HKD"),
             ("the price of c $ 16.4 million", "c $ 16.4 million=16400000 CAD"),
             ("for USD 200.", "USD 200=200 USD"),("USD115", "USD115=115 USD"),
             ("lost 75 USD million in", "75 USD million=75000000 USD"),("of 30 MUSD were", "30 MUSD=30000000 USD"),
             ("It costs half million usd.", "half million usd=500000 USD"),
             ("125 million australian dollars of", "125 million australian dollars=125000000 AUD"),
             ("sold for 5 million won", "5 million won=5000000 KRW"),
             ("375 mln Egyptian pounds", "375 mln Egyptian pounds=375000000 EGP"),
             ("raised 1.2 billion Hong Kong dollars", "1.2 billion Hong Kong dollars=1200000000 HKD"),
             ("It cost 10 $ today.", "10 $=10 USD"),("The fee is 100 € a year.", "100 €=100 EUR")]:
    r(t, e)
# unscaled with unit words
for t, e in [("Give me 5 dollars now.", "5 dollars=5 USD"),("a maximum of 9 yuan per piece", "9 yuan=9 CNY"),
             ("tickets cost 20 euros each", "20 euros=20 EUR"),("it sold for 300 yen", "300 yen=300 JPY"),
             ("one dollar a day", "one dollar=1 USD"),("twelve dollars and fifty cents", "twelve dollars and fifty cents=12.5 USD"),
             ("down 34 cents", "34 cents=0.34 USD"),("up 5 cts at", "5 cts=0.05 USD"),("a 50p coin", "50p=0.5 GBP"),
             ("costs 99 pence", "99 pence=0.99 GBP"),("3 dollars 50 cents.", "3 dollars 50 cents=3.5 USD"),
             ("thirteen dollars forty five", "thirteen dollars forty five=13.45 USD"),
             ("It costs 15 dollars and 50.", "15 dollars and 50=15.5 USD"),
             ("it only cost 3 dollars 50 cents.", "3 dollars 50 cents=3.5 USD"),("Give me 5 dollars", "5 dollars=5 USD"),
             ("only 17 USD 25.", "17 USD 25=17.25 USD"),
             ("one kuai and five mao five.", "one kuai and five mao five=1.55 CNY"),
             ("5,000 rupees a month", "5,000 rupees=5000 INR")]:
    r(t, e)
# ISO glued / mega codes
for t, e in [("USD115 each", "USD115=115 USD"),("115.5USD", "115.5USD=115.5 USD"),("RMB3.2bn", "RMB3.2bn=3200000000 CNY"),
             ("a 30 MUSD order", "30 MUSD=30000000 USD"),("75 USD million", "75 USD million=75000000 USD"),
             ("EUR5m in fees", "EUR5m=5000000 EUR")]:
    r(t, e)
# approximations
for w in ["about","around","approximately","roughly","nearly","almost","some","over","more than","less than",
          "up to","as much as","at least","an estimated","just over","close to"]:
    r(f"They lost {w} $5 million.", f"{w} $5 million=5000000 USD approx")
r("After more than 100 million yuan of losses", "more than 100 million yuan=100000000 CNY approx")
r("nearly 3 mln dlrs", "nearly 3 mln dlrs=3000000 USD approx")
r("nearly $5 million", "nearly $5 million=5000000 USD approx")
r("paid $5 million", "$5 million=5000000 USD")
# per share
for t, e in [("a dividend of $1.25 per share", "$1.25=1.25 USD share"),("Shr 20 cts a share vs 10", "20 cts=0.2 USD share"),
             ("earned 1.20 dlrs per share", "1.20 dlrs=1.2 USD share"),("bid of 470 pence a share", "470 pence=4.7 GBP share"),
             ("15 cts per diluted share", "15 cts=0.15 USD share"),("a 12-cent-a-share dividend", "12-cent-a-share=0.12 USD share"),
             ("$3/share", "$3=3 USD share"),("offered $40 a share in cash", "$40=40 USD share"),
             ("Shr profit 15 cts vs loss 10 cts", "15 cts=0.15 USD share | 10 cts=0.1 USD share"),
             ("Qtly div 20 cts vs 20 cts prior", "20 cts=0.2 USD share | 20 cts=0.2 USD share"),
             ("Shr profit 15 cts vs loss", "15 cts=0.15 USD share"),
             ("a higher , $ 70 - a - share price", "$ 70=70 USD share")]:
    r(t, e)
# ranges
for t, e in [("$10-12 million", "$10=10000000 USD | 12 million=12000000 USD"),
             ("$1.5-2 billion", "$1.5=1500000000 USD | 2 billion=2000000000 USD"),
             ("$10 to $12 million", "$10=10000000 USD | $12 million=12000000 USD"),
             ("5-6 bln dlrs", "5=5000000000 USD | 6 bln dlrs=6000000000 USD"),
             ("10 to 12 mln dlrs", "10=10000000 USD | 12 mln dlrs=12000000 USD"),
             ("between 5 and 10 million yuan", "5=5000000 CNY | 10 million yuan=10000000 CNY"),
             ("10 to 12 cts a share", "10=0.1 USD share | 12 cts=0.12 USD share"),
             ("from $5 to $7 a share", "$5=5 USD share | $7=7 USD share"),
             ("between $10 and $12", "$10=10 USD | $12=12 USD"),
             ("from 1987 to 10 mln dlrs", "10 mln dlrs=10000000 USD"),
             ("It expects $10 to $12 million and 5-6 bln dlrs.",
              "$10=10000000 USD | $12 million=12000000 USD | 5=5000000000 USD | 6 bln dlrs=6000000000 USD"),
             ("between 5 and 10 million yuan, and 10 to 12 cts a share",
              "5=5000000 CNY | 10 million yuan=10000000 CNY | 10=0.1 USD share | 12 cts=0.12 USD share")]:
    r(t, e)
# negative / parenthesised
for t, e in [("a net loss of -$5 million", "-$5 million=-5000000 USD"),("changed by −5 dlrs", "−5 dlrs=-5 USD"),
             ("it was minus 20 dollars", "minus 20 dollars=-20 USD"),
             ("5 billion yuan ($700 million)", "5 billion yuan=5000000000 CNY | $700 million=700000000 USD"),
             ("rose 10-12 pct to 5-6 dlrs", "5=5 USD | 6 dlrs=6 USD")]:
    r(t, e)
# fractions (Reuters)
for t, e in [("shares rose 1-1/2 dlrs", "1-1/2 dlrs=1.5 USD"),("to 35 3/8 dlrs", "35 3/8 dlrs=35.375 USD"),
             ("12-1/2 cts a share", "12-1/2 cts=0.125 USD share")]:
    r(t, e)
# words and fractions of scale
for t, e in [("received five million yen from", "five million yen=5000000 JPY"),
             ("it lost as much as a billion dollars", "as much as a billion dollars=1000000000 USD approx"),
             ("half a million euros", "half a million euros=500000 EUR"),
             ("a quarter of a billion dollars", "a quarter of a billion dollars=250000000 USD"),
             ("three quarters billion us dollars", "three quarters billion us dollars=750000000 USD"),
             ("two and a half billion dollars", "two and a half billion dollars=2500000000 USD"),
             ("a hundred thirty million dollars", "a hundred thirty million dollars=130000000 USD"),
             ("The price starts at dollar 22.5 million.", "dollar 22.5 million=22500000 USD"),
             ("Dollars 3.25 billion", "Dollars 3.25 billion=3250000000 USD")]:
    r(t, e)
# pounds: money in money talk or a British text, weight otherwise
for t, e in [("operating profit improved to 361 million pounds", "361 million pounds=361000000 GBP"),
             ("a British firm's 361 million pounds profit", "361 million pounds=361000000 GBP"),
             ("a 5 pound bag of rice", "-"),("bought 2.3 mln pounds of peanut products", "-"),
             ("packages of 150 pounds and under", "-"),("He weighs 180 pounds.", "-"),
             ("exports of 5 million pounds to Japan", "-")]:
    r(t, e)
# "up to": a bound, unless it is a movement
r("It could raise up to 5 mln dlrs.", "up to 5 mln dlrs=5000000 USD approx")
r("from an average of 1.67 dlrs a lb up to 1.77 dlrs", "1.67 dlrs=1.67 USD | 1.77 dlrs=1.77 USD")
r("Prices went up to 3 dlrs.", "3 dlrs=3 USD")
# pesos: the country the text speaks of
r("Translated from Philippine pesos at 20.3489 pesos to dollar", "20.3489 pesos=20.3489 PHP")
r("Chile's copper income was 300 mln pesos.", "300 mln pesos=300000000 CLP")
r("Mexico raised 5 billion pesos.", "5 billion pesos=5000000000 MXN")
r("5 million Mexican pesos and 3 Chilean pesos", "5 million Mexican pesos=5000000 MXN | 3 Chilean pesos=3 CLP")
# more share lines; the local dollar of a datelined story
r("Oper shr loss eight cts vs loss four cts", "eight cts=0.08 USD share | four cts=0.04 USD share")
r("Shr diluted 1.18 dlrs vs 1.04 dlrs", "1.18 dlrs=1.18 USD share | 1.04 dlrs=1.04 USD share")
r("Avg shrs 5,000 vs 4,000", "-")
r("OTTAWA, March 13 - M-1 rose 592 mln dlrs, and 5 mln U.S. dlrs.", "592 mln dlrs=592000000 CAD | 5 mln U.S. dlrs=5000000 USD")
r("SYDNEY (Reuters) - It raised $5 million and US$2 million.", "$5 million=5000000 AUD | US$2 million=2000000 USD")
r("HARARE, March 2 - Growers would be paid 100 dlrs.", "100 dlrs=100 ZWD")
r("NEW YORK, March 2 - It paid 5 mln dlrs.", "5 mln dlrs=5000000 USD")
r("OAKVILLE, Ontario, March 3 - Sales fell to 2.01 billion dlrs.", "2.01 billion dlrs=2010000000 CAD")
r("PORTLAND, Maine, April 2 - It lost 236,469 dlrs.", "236,469 dlrs=236469 USD")
r("TORONTO, June 1 -\\n\\nOper shr loss three cts vs loss one ct", "three cts=0.03 CAD share | one ct=0.01 CAD share")
# not money
for t in ["All 70 of us.","I tried to call Bob 3 times already.","He sold 1,500 shares in 2019.","In 2019 marks were given",
          "Smith, 25, won the race","The A320 and 3D models","grew 21.9% to 300","the dollar 1.3052 and",
          "the dollar fell 1.5 pct","a 5 m walk","Mao in 1949 said","10 points","the euro zone 19 members",
          "US 50 states","The Dollar General store has 5 shops","pounds of 5","the yen rose 2 pct","5 won races",
          "a $ sign","USD/JPY","a 24/7 service","version 1.2.3","http://x.com/?price=5USD","five-year plan"]:
    r(t, "-")
r("It costs $ five million", "$ five million=5000000 USD")
r("if they had just 15 USD 50 more", "15 USD 50=15.5 USD", "a cents number followed by a word other than cents/and")
import os
import sys
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "extract", "money", "corpus", "en.tsv")
with open(OUT, "w") as f:
    f.write("# text\treference date (- none)\texpected MONEY mentions: span=value CUR[ approx][ share] joined by ' | ' (-: none)\n")
    for t, e, x in rows:
        f.write(f"{t}\t-\t{e if e else '-'}" + (f"\txfail: {x}" if x else "") + "\n")
print(f"{OUT}: {len(rows)} rows", file=sys.stderr)
