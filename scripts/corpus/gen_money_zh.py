# Writes src/extract/money/corpus/zh.tsv (or the file given as its argument): Chinese amounts, the rows
# and their expected values written out here.
# Edit this script, not the TSV; run: python3 scripts/corpus/gen_money_zh.py
rows = []
def r(t, exp, x=None): rows.append((t, exp, x))
# digits, then scale characters and a currency name
for t, e in [("其中1000万元基本", "1000万元=10000000 CNY"),("攀升至36.57亿元。", "36.57亿元=3657000000 CNY"),
             ("净流出1200亿美元", "1200亿美元=120000000000 USD"),("每股1.95港元", "1.95港元=1.95 HKD"),
             ("8亿元人民币", "8亿元人民币=800000000 CNY"),("人民币 8千元", "人民币 8千元=8000 CNY"),
             ("the 100元!", "100元=100 CNY")]:
    r(t, e)
# Chinese numerals, a currency and its minor units
for t, e in [("十五美元", "十五美元=15 USD"),("这台电脑两美元又三美分", "两美元又三美分=2.03 USD"),
             ("这个手机壳五元三毛", "五元三毛=5.3 CNY"),("我有一千二百元", "一千二百元=1200 CNY")]:
    r(t, e)
# not money: 五角 of 五角大楼 (the Pentagon) is no amount
r("五角大楼宣布了作战计划", "-")
# full-width digits, read as ASCII; the mention keeps the characters as written
r("兑换１．０７５３美元", "１．０７５３美元=1.0753 USD")
r("营收１２亿元人民币", "１２亿元人民币=1200000000 CNY")
# minor units after a whole amount in digits; a currency name after a number closes it
r("50元6角三分", "50元6角三分=50.63 CNY")
r("10日元5日本銭", "10日元5日本銭=10.05 JPY")
r("4人民币 5美元", "4人民币=4 CNY | 5美元=5 USD")
r("4人民币5美元", "4人民币=4 CNY | 5美元=5 USD")
r("达到445奈拉兑换", "445奈拉=445 NGN")
r("为四十九兆九千五百九十二億元", "四十九兆九千五百九十二億元=49959200000000 CNY")
import os
import sys
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "extract", "money", "corpus", "zh.tsv")
with open(OUT, "w") as f:
    f.write("# text\treference date (- none)\texpected MONEY mentions: span=value CUR[ approx][ share] joined by ' | ' (-: none)\n")
    for t, e, x in rows:
        f.write(f"{t}\t-\t{e if e else '-'}" + (f"\txfail: {x}" if x else "") + "\n")
print(f"{OUT}: {len(rows)} rows", file=sys.stderr)
