# Writes src/extract/time/corpus/de.tsv (or the file given as its argument): German DATE rows
# (the table runs with lang "de") and their expected values, computed here independently of
# the Rust rules. Edit this script, not the TSV; run: python3 scripts/corpus/gen_time_de.py
import datetime as dt
rows = []
def r(t, ref, exp, x=None): rows.append((t, ref or "-", exp, x))
D = dt.date
MONATE = ["Januar","Februar","März","April","Mai","Juni","Juli","August","September","Oktober","November","Dezember"]
TAGE = ["Montag","Dienstag","Mittwoch","Donnerstag","Freitag","Samstag","Sonntag"]
def q_of(d): return (d.month-1)//3+1
def add_months(y, m, k):
    i = y*12 + m-1 + k
    return i//12, i%12+1
def add_quarters(y, q, k):
    i = y*4 + q-1 + k
    return i//4, i%4+1
def iso_week(d):
    y, w, _ = d.isocalendar(); return f"{y:04}-W{w:02}"
def recent_year_for_day(ref, m, d):
    try: this = D(ref.year, m, d)
    except ValueError: this = None
    try: nxt = D(ref.year+1, m, d)
    except ValueError: nxt = None
    if this and this <= ref:
        return ref.year+1 if nxt and (nxt-ref).days <= 92 else ref.year
    if this and (this-ref).days <= 92: return ref.year
    return ref.year-1
def recent_year_for_month(ref, m):
    if (m - ref.month) % 12 == 1: return add_months(ref.year, ref.month, 1)[0]
    return ref.year if m <= ref.month else ref.year-1
def closest_year_for_quarter(ref, q):
    here = ref.year*4 + q_of(ref) - 1
    return min([ref.year-1, ref.year, ref.year+1], key=lambda y: (abs(y*4 + q-1 - here), y))
# the sentence of the former unit test
r("Berger sagte am Mittwoch, am 12. März 2020 und im Mai sowie gestern, im vergangenen Jahr und im dritten Quartal 2019 sei alles anders gewesen.",
  "2022-10-05", "Mittwoch=2022-10-05/day | 12. März 2020=2020-03-12/day | Mai=2022-05/month | gestern=2022-10-04/day | "
  "vergangenen Jahr=2021/year | dritten Quartal 2019=2019-Q3/quarter")
# month names with day and year, with a year, alone
for i, name in enumerate(MONATE):
    m = i + 1
    d, y = [12, 3, 28, 1, 9, 30, 4, 15, 21, 2, 11, 24][i], [2020, 2019, 2018, 2021][i % 4]
    r(f"Die Frist endet am {d}. {name} {y}.", None, f"{d}. {name} {y}={y:04}-{m:02}-{d:02}/day")
    r(f"Der Umsatz stieg im {name} {y} deutlich.", None, f"{name} {y}={y:04}-{m:02}/month")
r("Die Frist endet am 5. Jänner 2021.", None, "5. Jänner 2021=2021-01-05/day")
r("Die Frist endet am 5.März 2021.", None, "5.März 2021=2021-03-05/day")
REFS = [D(2022,10,5), D(2020,8,20), D(2019,1,15), D(2021,12,31)]
for ref in REFS:
    R = ref.isoformat()
    # without a year: the nearest one, as in English
    for m, d in [(3, 12), (12, 24), (ref.month, 1), (add_months(ref.year, ref.month, 1)[1], 10)]:
        y = recent_year_for_day(ref, m, d)
        r(f"Das Treffen war am {d}. {MONATE[m-1]}.", R, f"{d}. {MONATE[m-1]}={y:04}-{m:02}-{d:02}/day")
    for m in [3, 5, 10, add_months(ref.year, ref.month, 1)[1]]:
        y = recent_year_for_month(ref, m)
        r(f"Die Preise sind seit {MONATE[m-1]} gestiegen.", R, f"{MONATE[m-1]}={y:04}-{m:02}/month")
    # weekdays: alone the last one (or today); "vergangenen" / "letzten" strictly past,
    # "kommenden" / "nächsten" strictly future
    for wd, name in enumerate(TAGE):
        back = (ref.weekday() - wd) % 7
        fwd = (wd - ref.weekday()) % 7
        r(f"Er sagte am {name}, es gehe voran.", R, f"{name}={(ref - dt.timedelta(back)).isoformat()}/day")
        r(f"Sie kam vergangenen {name} an.", R, f"vergangenen {name}={(ref - dt.timedelta(back or 7)).isoformat()}/day")
        r(f"Die Sitzung ist kommenden {name}.", R, f"kommenden {name}={(ref + dt.timedelta(fwd or 7)).isoformat()}/day")
    r("Sie kam letzten Sonntag an.", R, f"letzten Sonntag={(ref - dt.timedelta(((ref.weekday() - 6) % 7) or 7)).isoformat()}/day")
    r("Die Sitzung ist nächsten Montag.", R, f"nächsten Montag={(ref + dt.timedelta(((0 - ref.weekday()) % 7) or 7)).isoformat()}/day")
    # day words
    r("Der Kurs fiel heute.", R, f"heute={R}/day")
    r("Der Kurs fiel gestern.", R, f"gestern={(ref - dt.timedelta(1)).isoformat()}/day")
    r("Der Kurs fiel vorgestern.", R, f"vorgestern={(ref - dt.timedelta(2)).isoformat()}/day")
    # relative periods
    r("Der Umsatz stieg in diesem Jahr.", R, f"diesem Jahr={ref.year}/year")
    r("Der Umsatz stieg im vergangenen Jahr.", R, f"vergangenen Jahr={ref.year-1}/year")
    r("Der Umsatz stieg im letzten Jahr.", R, f"letzten Jahr={ref.year-1}/year")
    r("Der Umsatz steigt im nächsten Jahr.", R, f"nächsten Jahr={ref.year+1}/year")
    r("Der Umsatz des laufenden Jahres stieg.", R, f"laufenden Jahres={ref.year}/year")
    r("Der Umsatz stieg im Vorjahr.", R, f"Vorjahr={ref.year-1}/year")
    r("Der Umsatz des Vorjahres war höher.", R, f"Vorjahres={ref.year-1}/year")
    y, m = add_months(ref.year, ref.month, -1)
    r("Die Preise stiegen im vergangenen Monat.", R, f"vergangenen Monat={y:04}-{m:02}/month")
    y, m = add_months(ref.year, ref.month, 1)
    r("Die Preise steigen im kommenden Monat.", R, f"kommenden Monat={y:04}-{m:02}/month")
    r("Das Treffen ist diese Woche.", R, f"diese Woche={iso_week(ref)}/week")
    r("Das Treffen war in der vergangenen Woche.", R, f"vergangenen Woche={iso_week(ref - dt.timedelta(7))}/week")
    r("Das Treffen ist in der nächsten Woche.", R, f"nächsten Woche={iso_week(ref + dt.timedelta(7))}/week")
    y, q = add_quarters(ref.year, q_of(ref), 0)
    r("Der Gewinn stieg im laufenden Quartal.", R, f"laufenden Quartal={y}-Q{q}/quarter")
    y, q = add_quarters(ref.year, q_of(ref), -1)
    r("Der Gewinn stieg im vergangenen Quartal.", R, f"vergangenen Quartal={y}-Q{q}/quarter")
    # quarters without a year: the nearest one
    for q, w in [(1, "ersten"), (4, "vierten")]:
        r(f"Der Gewinn stieg im {w} Quartal.", R, f"{w} Quartal={closest_year_for_quarter(ref, q)}-Q{q}/quarter")
# quarters with a year
for s, v in [("ersten Quartal 2019", "2019-Q1"), ("zweiten Quartal 2020", "2020-Q2"), ("dritten Quartals 2018", "2018-Q3"),
             ("3. Quartal 2021", "2021-Q3"), ("4. Quartal 2017", "2017-Q4")]:
    r(f"Im Bericht zum {s} stand mehr.", "2022-10-05", f"{s}={v}/quarter")
r("Das Treffen ist in dieser Woche.", "2022-10-05", f"dieser Woche={iso_week(D(2022,10,5))}/week",
  "the dative feminine 'dieser' is not read")
# no reference date: relative ones keep their span with a null value
r("Der Kurs fiel gestern.", None, "gestern=null/day")
r("Der Umsatz stieg im vergangenen Jahr.", None, "vergangenen Jahr=null/year")
r("Er sagte am Mittwoch, es gehe voran.", None, "Mittwoch=null/day")
r("Die Frist endet am 12. März.", None, "12. März=null/day")
# not dates
for t in ["Der Mais wächst.", "Die Firma Montagebau GmbH wächst.", "Der 12. Mann im Team."]:
    r(t, "2022-10-05", "-")
r("Die Firma hat 2000 Mitarbeiter.", "2022-10-05", "-", "German quantity nouns are not known: 2000 is read as a year")
import os
import sys
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "extract", "time", "corpus", "de.tsv")
with open(OUT, "w") as f:
    f.write("# text\treference date (- none)\texpected DATE mentions: span=value/grain joined by ' | ' (-: none)\n")
    for t, ref, e, x in rows:
        f.write(f"{t}\t{ref}\t{e if e else '-'}" + (f"\txfail: {x}" if x else "") + "\n")
print(f"{OUT}: {len(rows)} rows", file=sys.stderr)
