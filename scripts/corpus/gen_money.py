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
r("if they had just 15 USD 50 more", "15 USD 50=15.5 USD")

# ---- issue 17: every ISO 4217 code, the names and local abbreviations of large markets,
# minor units and compounds; each family with its negatives ----
fam = {}
def f17(name, t, exp, x=None):
    fam[name] = fam.get(name, 0) + 1
    r(t, exp, x)
# ISO codes in capitals, before and after, glued and spaced (a sample across regions)
iso = ["UAH", "KWD", "XOF", "NGN", "VND", "PKR", "BDT", "KES", "QAR", "COP", "ARS", "CLP", "RON",
       "HUF", "CZK", "ILS", "KZT", "GHS", "EGP", "IDR", "MYR", "THB", "PLN", "SAR", "AED", "TWD"]
iso_amts = [("3.04", "3.04"), ("120", "120"), ("5m", "5000000"), ("2.5 billion", "2500000000"),
            ("1,250", "1250")]
for i, c in enumerate(iso):
    a, v = iso_amts[i % len(iso_amts)]
    forms = [f"{c}{a}", f"{c} {a}", f"{a} {c}"] + ([f"{a}{c}"] if a[-1].isdigit() else [])
    span = forms[i % len(forms)]
    f17("iso", f"The fee was {span} last year.", f"{span}={v} {c}")
    f17("iso", f"Prices rose to {c} {a} on Monday.", f"{c} {a}={v} {c}")
for t in ["ALL 5 were seized.", "TOP 10 songs of the year", "AMD 5 chips sold out", "The CUP 2 final",
          "MAD 3 is a film", "TRY 2 more", "the XTS 5 model", "GEL 20 pads", "BOB 3 hosts"]:
    f17("iso", t, "-")
# names after an amount: the ISO noun, with an adjective, plurals as news writes them
names = [("ringgit", "MYR"), ("Malaysian ringgit", "MYR"), ("rupees", "INR"), ("Pakistani rupees", "PKR"),
         ("Sri Lankan rupees", "LKR"), ("riyals", "SAR"), ("Qatari riyals", "QAR"), ("Kuwaiti dinars", "KWD"),
         ("Jordanian dinars", "JOD"), ("dirhams", "AED"), ("Moroccan dirhams", "MAD"), ("shekels", "ILS"),
         ("Turkish lira", "TRY"), ("South African rand", "ZAR"), ("South Korean won", "KRW"), ("baht", "THB"),
         ("Philippine pesos", "PHP"), ("Colombian pesos", "COP"), ("Egyptian pounds", "EGP"), ("zlotys", "PLN"),
         ("forints", "HUF"), ("Czech korunas", "CZK"), ("Swedish kronor", "SEK"), ("Norwegian kroner", "NOK"),
         ("Danish kroner", "DKK"), ("reais", "BRL"), ("Brazilian reals", "BRL"), ("yuan", "CNY"),
         ("renminbi", "CNY"), ("yen", "JPY"), ("Swiss francs", "CHF"), ("roubles", "RUB"), ("rubles", "RUB"),
         ("naira", "NGN"), ("Kenyan shillings", "KES"), ("Tanzanian shillings", "TZS"), ("Lao kip", "LAK"),
         ("hryvnias", "UAH"), ("rupiah", "IDR"), ("Vietnamese dong", "VND"), ("taka", "BDT"),
         ("Nigerian naira", "NGN"), ("Ghanaian cedis", "GHS"), ("tenge", "KZT"), ("Romanian lei", "RON")]
name_amts = [("5 million", "5000000"), ("300", "300"), ("2.5 billion", "2500000000"), ("12,000", "12000")]
for i, (u, c) in enumerate(names):
    a, v = name_amts[i % len(name_amts)]
    f17("names", f"The bill came to {a} {u}, officials said.", f"{a} {u}={v} {c}")
# guarded nouns: a money-written amount or an adjective, else not money
for t, e in [("Samsung won 5 million won in fines", "5 million won=5000000 KRW"),
             ("a ticket costs 10,000 won", "10,000 won=10000 KRW"), ("the team won 3 games", "-"),
             ("they won 2 of 5 races", "-"), ("Andrew Rand scored 5 goals", "-"), ("3 rand notes", "-"),
             ("a deal worth 1.2 billion rand", "1.2 billion rand=1200000000 ZAR"),
             ("we found 3 real problems", "-"), ("5 real reasons to stay", "-"),
             ("it raised 4 billion real", "4 billion real=4000000000 BRL"),
             ("a 20,000 kip meal", "20,000 kip=20000 LAK"), ("take a 10 kip break", "-"),
             ("the sum of 5 sum", "-"), ("a 3 sol run", "-"), ("30 dong ho clocks", "-"),
             ("5 lira coins", "-"), ("it costs 3.50 lira", "3.50 lira=3.5 TRY"),
             ("a 3 mark lead", "-"), ("8 colon cancer cases", "-")]:
    f17("guards", t, e)
# local abbreviations and symbols, before and after, case as written
for t, e in [("Revenue hit RM5 million.", "RM5 million=5000000 MYR"), ("profit of RM 3.2bn", "RM 3.2bn=3200000000 MYR"),
             ("Sales of Rs 500 crore", "Rs 500 crore=5000000000 INR"), ("It rose to ₹2,000.", "₹2,000=2000 INR"),
             ("a fee of SR 100", "SR 100=100 SAR"), ("a fine of Dh5m", "Dh5m=5000000 AED"),
             ("a Dhs 200 voucher", "Dhs 200=200 AED"), ("worth NIS 50 million", "NIS 50 million=50000000 ILS"),
             ("it cost 50 NIS", "50 NIS=50 ILS"), ("it cost ₪30", "₪30=30 ILS"), ("only 20 TL", "20 TL=20 TRY"),
             ("costs ₺30", "₺30=30 TRY"), ("he won ₩10,000", "₩10,000=10000 KRW"), ("sold for ฿500", "฿500=500 THB"),
             ("a LE 200 fine", "LE 200=200 EGP"), ("an E£50 fee", "E£50=50 EGP"), ("paid Rp 5 trillion", "Rp 5 trillion=5000000000000 IDR"),
             ("a KSh 300 fare", "KSh 300=300 KES"), ("Tk 50 crore", "Tk 50 crore=500000000 BDT"), ("worth ₴1,000", "₴1,000=1000 UAH"),
             ("worth ₦2,000", "₦2,000=2000 NGN"), ("sold for R$ 5 million", "R$ 5 million=5000000 BRL"),
             ("a CHF 20 fee", "CHF 20=20 CHF"), ("QR 10 million", "QR 10 million=10000000 QAR")]:
    f17("abbr", t, e)
f17("abbr", "a R50 million deal", "R50 million=50000000 ZAR")
for t in ["The RM said no.", "RM officials met on 5 May", "the R5 road", "take the R 3 exit",
          "Sen. 5 votes"]:
    f17("abbr", t, "-")
# minor units and compounds
for t, e in [("it fell 20 cents", "20 cents=0.2 USD"), ("a 10¢ stamp", "10¢=0.1 USD"), ("costs 99 ¢", "99 ¢=0.99 USD"),
             ("It cost $20 and 43c.", "$20 and 43c=20.43 USD"), ("It cost $5 and 10 cents.", "$5 and 10 cents=5.1 USD"),
             ("It cost 3.14US$ each.", "3.14US$=3.14 USD"), ("It cost 5 HK$.", "5 HK$=5 HKD"),
             ("paid 20 kopiykas", "20 kopiykas=0.2 UAH"), ("paid 50 kopecks", "50 kopecks=0.5 RUB"),
             ("5 hryvnias and 50 kopiykas", "5 hryvnias and 50 kopiykas=5.5 UAH"), ("RM3 and 50 sen", "RM3 and 50 sen=3.5 MYR"),
             ("10 rupees and 50 paise", "10 rupees and 50 paise=10.5 INR"), ("a 50p coin", "50p=0.5 GBP"),
             ("15 dinars and 500 fils", "15 dinars and 500 fils=15.5 IQD"), ("100 halalas", "100 halalas=1 SAR"),
             ("ten pounds in London, Britain", "ten pounds=10 GBP"), ("a million dollars", "a million dollars=1000000 USD"),
             ("It cost a dollar.", "a dollar=1 USD"), ("less than a dollar a gallon", "less than a dollar=1 USD approx"),
             ("for a euro or two", "a euro=1 EUR"), ("not worth a cent.", "a cent=0.01 USD")]:
    f17("minor", t, e)
for t in ["the dollar index rose", "a dollar bond sold", "a euro zone member", "a pound of flour in Britain",
          "a dollar-denominated loan", "50 sen. votes", "a 5 c grade"]:
    f17("minor", t, "-")
# ---- issue 17, round 3: how people write money; each family with its negatives ----
# local abbreviations after (and before) the amount in the markets that write them
for t, e in [("It cost R350,000 in total.", "R350,000=350000 ZAR"), ("He paid R 2.5 billion.", "R 2.5 billion=2500000000 ZAR"),
             ("a fee of R2bn", "R2bn=2000000000 ZAR"),
             ("It cost 100 zł.", "100 zł=100 PLN"), ("a 20 złoty coin", "20 złoty=20 PLN"),
             ("It cost 50 Kč.", "50 Kč=50 CZK"), ("It cost 500 kr in Stockholm.", "500 kr=500 SEK"),
             ("It cost 500 kr in Oslo.", "500 kr=500 NOK"), ("a 75 kr ticket in Copenhagen", "75 kr=75 DKK"),
             ("It cost kr 500.", "kr 500=500 SEK"), ("a 5,000 Ft fine", "5,000 Ft=5000 HUF"),
             ("it cost 5000 Ft", "5000 Ft=5000 HUF"), ("a Budapest flat for 40 million Ft", "40 million Ft=40000000 HUF"),
             ("It cost 50 SFr.", "50 SFr=50 CHF"), ("It cost SFr 50.", "SFr 50=50 CHF"), ("paid 80 NKr", "80 NKr=80 NOK"),
             ("paid 5 DKr", "5 DKr=5 DKK"), ("It cost 5 NTD.", "5 NTD=5 TWD"), ("It cost Php 300.", "Php 300=300 PHP"),
             ("It cost CN¥5.", "CN¥5=5 CNY"), ("It cost GH₵300.", "GH₵300=300 GHS"),
             ("It cost Rp 50.000.", "Rp 50.000=50000 IDR"), ("It cost 1 200 zł.", "1 200 zł=1200 PLN"),
             ("It cost 12 500 kr in Stockholm.", "12 500 kr=12500 SEK")]:
    f17("local", t, e)
for t in ["the R5 road", "It cost R2 in Durban.", "Gasoline 245,617-R 216,393", "Stocks revised R 216,393",
          "1,800 tonnes of a nickel a month", "308.50 309.00 dkr 92.20", "a 6 Ft ladder", "He is 6 ft tall", "the Kr 5 isotope",
          "In 2019 200 people came", "5 kn winds", "Rp", "Mr 5 said"]:
    f17("local", t, "-")
# slang and coins: bucks, grand, quid, a dime, a nickel
for t, e in [("It cost 20 bucks.", "20 bucks=20 USD"), ("It cost five bucks.", "five bucks=5 USD"),
             ("It cost a buck.", "a buck=1 USD"), ("It cost 5 grand.", "5 grand=5000 USD"),
             ("He earns three grand a month.", "three grand=3000 USD"),
             ("It cost 5 grand in London.", "5 grand=5000 GBP"), ("It cost 3 quid.", "3 quid=3 GBP"),
             ("It cost fifty quid.", "fifty quid=50 GBP"), ("It is not worth a dime.", "a dime=0.1 USD"),
             ("It cost a nickel.", "a nickel=0.05 USD"), ("a hundred bucks", "a hundred bucks=100 USD"),
             ("10 million bucks", "10 million bucks=10000000 USD")]:
    f17("slang", t, e)
for t in ["a grand total of 5", "5 grand slams", "the Grand Prix", "he won 5 Grand Slam titles", "a grand jury",
          "a nickel mine", "a dime store", "nickel prices rose 5 pct"]:
    f17("slang", t, "-")
# the decimal comma of the euro and the other continental currencies; minor units in words
for t, e in [("It cost 3,50 €.", "3,50 €=3.5 EUR"), ("It cost € 3,50.", "€ 3,50=3.5 EUR"), ("only 2,50€", "2,50€=2.5 EUR"),
             ("It cost 5,50 kr.", "5,50 kr=5.5 SEK"), ("It cost 10 euro cents.", "10 euro cents=0.1 EUR"),
             ("It cost 50 eurocents.", "50 eurocents=0.5 EUR"), ("It cost 1 dollar 50 each.", "1 dollar 50=1.5 USD"),
             ("It cost 2 euros 50 in all.", "2 euros 50=2.5 EUR")]:
    f17("comma", t, e)
for t, e in [("He scored 3,50 points", "-"), ("values 3,50 and 70", "-"),
             ("It cost 5 dollars 20 times.", "5 dollars=5 USD")]:
    f17("comma", t, e)
# pounds after a verb of paying are money, otherwise weight
for t, e in [("It cost one hundred and twenty pounds.", "one hundred and twenty pounds=120 GBP"),
             ("She paid about 40 pounds for it.", "about 40 pounds=40 GBP approx"),
             ("a fine of 50 pounds", "50 pounds=50 GBP"), ("It cost 1 pound.", "1 pound=1 GBP")]:
    f17("pounds", t, e)
for t in ["He weighs 180 pounds.", "she lost 20 pounds", "a 5 pound bag of rice", "it sold 5 pounds of fish"]:
    f17("pounds", t, "-")
# said amounts: half a unit, cents after "a dollar", bounds and "or so", finance "MM", glued cents
for t, e in [("It cost half a dollar.", "half a dollar=0.5 USD"), ("It cost a dollar fifty.", "a dollar fifty=1.5 USD"),
             ("It cost a buck fifty.", "a buck fifty=1.5 USD"),
             ("a dollar twenty-five a gallon", "a dollar twenty-five=1.25 USD"),
             ("It cost at most $10.", "at most $10=10 USD approx"), ("It cost no more than $10.", "no more than $10=10 USD approx"),
             ("It cost $10 or so.", "$10=10 USD approx"), ("It cost 10 dollars or more.", "10 dollars=10 USD approx"),
             ("It cost 100 Rs.", "100 Rs=100 INR"), ("It cost 50c.", "50c=0.5 USD"),
             ("SYDNEY (Reuters) - Fares rose and it cost 50c more.", "50c=0.5 AUD"),
             ("It cost $5MM in all.", "$5MM=5000000 USD"), ("It cost $2.5mm.", "$2.5mm=2500000 USD")]:
    f17("said", t, e)
for t, e in [("a 5mm screw", "-"), ("grade 5c results", "-"), ("half a dollar bill", "-"), ("I paid a dollar 50 years ago.", "-"),
             ("It cost 10 dollars or more than that.", "10 dollars=10 USD"), ("a 10c rise in temperature", "-")]:
    f17("said", t, e)
# the point with no digit before it, scale words glued to a hyphenated word, dotted euros, CFA francs
for t, e in [("It cost $.50 each.", "$.50=0.5 USD"), ("It cost $ .50 each.", "$ .50=0.5 USD"),
             ("a $.5 million grant", "$.5 million=500000 USD"), ("It cost $1.5 billion-plus.", "$1.5 billion=1500000000 USD"),
             ("a 5 million-dollar deal", "5 million-dollar=5000000 USD"), ("It cost 500.000 euros.", "500.000 euros=500000 EUR"),
             ("It cost €12.500.", "€12.500=12500 EUR"), ("It cost 5,000 CFA francs.", "5,000 CFA francs=5000 XOF"),
             ("It cost 20 francs CFA.", "20 francs CFA=20 XOF"),
             ("Cameroon will spend 7.5 billion CFA francs.", "7.5 billion CFA francs=7500000000 XAF")]:
    f17("written", t, e)
for t, e in [("the euro at 1.125 euros per pound", "1.125 euros=1.125 EUR"), ("version .50 shipped", "-"),
             ("he batted .500 in May", "-"), ("a 5mm-thick sheet", "-")]:
    f17("written", t, e)
import sys
print("issue 17 families: " + ", ".join(f"{k} {v}" for k, v in fam.items()) + f"; {sum(fam.values())} rows", file=sys.stderr)
import os
import sys
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "extract", "money", "corpus", "en.tsv")
with open(OUT, "w") as f:
    f.write("# text\treference date (- none)\texpected MONEY mentions: span=value CUR[ approx][ share] joined by ' | ' (-: none)\n")
    for t, e, x in rows:
        f.write(f"{t}\t-\t{e if e else '-'}" + (f"\txfail: {x}" if x else "") + "\n")
print(f"{OUT}: {len(rows)} rows", file=sys.stderr)
