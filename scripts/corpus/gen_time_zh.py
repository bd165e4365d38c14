# Writes src/extract/time/corpus/zh.tsv (or the file given as its argument): Chinese DATE rows
# and their expected values, computed here independently of the Rust rules. Edit this script,
# not the TSV; run: python3 scripts/corpus/gen_time_zh.py
import datetime as dt
rows = []
def r(t, ref, exp, x=None): rows.append((t, ref or "-", exp, x))
D = dt.date
def add_months(y, m, k):
    i = y*12 + m-1 + k
    return i//12, i%12+1
def recent_year_for_day(ref, m, d):
    try: this = D(ref.year, m, d)
    except ValueError: this = None
    try: nxt = D(ref.year+1, m, d)
    except ValueError: nxt = None
    if this and this <= ref:
        return ref.year+1 if nxt and (nxt-ref).days <= 92 else ref.year
    if this and (this-ref).days <= 92: return ref.year
    return ref.year-1
# the cases of the former unit table
r("于2020年3月12日发布", "2020-08-20", "2020年3月12日=2020-03-12/day")
r("2019年全年", "2020-08-20", "2019年=2019/year")
r("去年亏损", "2020-08-20", "去年=2019/year")
r("6月18日上午", "2020-08-20", "6月18日=2020-06-18/day")
# year, month and day; year and month; year
for y, m, d in [(2020, 3, 12), (2019, 12, 31), (1998, 1, 5), (2016, 2, 29), (2021, 10, 1)]:
    r(f"公司于{y}年{m}月{d}日发布公告。", None, f"{y}年{m}月{d}日={y:04}-{m:02}-{d:02}/day")
    r(f"公司于{y}年{m}月{d}号发布公告。", None, f"{y}年{m}月{d}号={y:04}-{m:02}-{d:02}/day")
    r(f"{y}年{m}月，销售额下降。", None, f"{y}年{m}月={y:04}-{m:02}/month")
    r(f"{y}年，销售额下降。", None, f"{y}年={y}/year")
r("公司于2019年2月30日发布公告。", None, "-", "an invalid day leaves its year to the English year rule")
# month and day without a year: the nearest one
REFS = [D(2020, 8, 20), D(2019, 1, 15), D(2021, 12, 31)]
for ref in REFS:
    R = ref.isoformat()
    for m, d in [(3, 12), (12, 31), (1, 5), (ref.month, 1), (add_months(ref.year, ref.month, 1)[1], 10)]:
        y = recent_year_for_day(ref, m, d)
        r(f"会议于{m}月{d}日举行。", R, f"{m}月{d}日={y:04}-{m:02}-{d:02}/day")
    # relative words
    for w, v in [("今年", f"{ref.year}/year"), ("去年", f"{ref.year-1}/year"), ("明年", f"{ref.year+1}/year"),
                 ("前年", f"{ref.year-2}/year"), ("本月", f"{ref.year:04}-{ref.month:02}/month")]:
        r(f"销售额{w}下降。", R, f"{w}={v}")
    for w, k in [("上个月", -1), ("上月", -1), ("下个月", 1)]:
        y, m = add_months(ref.year, ref.month, k)
        r(f"销售额{w}下降。", R, f"{w}={y:04}-{m:02}/month")
    for w, k in [("今天", 0), ("昨天", -1), ("明天", 1), ("前天", -2)]:
        r(f"公司{w}发布公告。", R, f"{w}={(ref + dt.timedelta(k)).isoformat()}/day")
# no reference date: relative ones keep their span with a null value
r("去年亏损", None, "去年=null/year")
r("会议于3月12日举行。", None, "3月12日=null/day")
r("公司昨天发布公告。", None, "昨天=null/day")
# not dates
for t in ["每月收入增加。", "年底分红。"]:
    r(t, "2020-08-20", "-")
r("共有2019人参加。", "2020-08-20", "-", "Chinese counters (人) are not known: 2019 is read as a year")
import os
import sys
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "extract", "time", "corpus", "zh.tsv")
with open(OUT, "w") as f:
    f.write("# text\treference date (- none)\texpected DATE mentions: span=value/grain joined by ' | ' (-: none)\n")
    for t, ref, e, x in rows:
        f.write(f"{t}\t{ref}\t{e if e else '-'}" + (f"\txfail: {x}" if x else "") + "\n")
print(f"{OUT}: {len(rows)} rows", file=sys.stderr)
