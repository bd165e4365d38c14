use super::*;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dates(text: &str, r: Option<&str>) -> Vec<(String, Option<String>, &'static str)> {
    let ctx = Context {
        reference_date: r.map(d),
        lang: None,
        ..Default::default()
    };
    find(text, &ctx)
        .into_iter()
        .map(|f| match f.kind {
            Kind::Date { value, grain } => (text[f.start..f.end].to_string(), value, grain),
            _ => unreachable!(),
        })
        .collect()
}

/// (text, reference date, expected span, value, grain)
const TABLE: &[(&str, &str, &str, &str, &str)] = &[
    (
        "the week of March 6 was",
        "2000-02-24",
        "the week of March 6",
        "2000-W10",
        "week",
    ),
    (
        "fell over the last week",
        "2000-04-14",
        "the last week",
        "2000-W15",
        "week",
    ),
    (
        "on March 12, 2020 the",
        "2020-08-20",
        "March 12, 2020",
        "2020-03-12",
        "day",
    ),
    (
        "on 12 March 2020 the",
        "2020-08-20",
        "12 March 2020",
        "2020-03-12",
        "day",
    ),
    (
        "dated 2020-03-12.",
        "2020-08-20",
        "2020-03-12",
        "2020-03-12",
        "day",
    ),
    (
        "in March 2020 the",
        "2020-08-20",
        "March 2020",
        "2020-03",
        "month",
    ),
    ("revenue in 2019 was", "2020-08-20", "2019", "2019", "year"),
    (
        "for the fourth quarter of 2019 and",
        "2020-08-20",
        "the fourth quarter of 2019",
        "2019-Q4",
        "quarter",
    ),
    (
        "results for Q4 2019 beat",
        "2020-08-20",
        "Q4 2019",
        "2019-Q4",
        "quarter",
    ),
    (
        "sales in fiscal 2019 rose",
        "2020-08-20",
        "fiscal 2019",
        "2019",
        "year",
    ),
    (
        "It rose this year.",
        "2020-08-20",
        "this year",
        "2020",
        "year",
    ),
    (
        "It fell last year.",
        "2020-08-20",
        "last year",
        "2019",
        "year",
    ),
    (
        "granted six years ago by",
        "2020-08-20",
        "six years ago",
        "2014",
        "year",
    ),
    (
        "a month ago, Xunlei",
        "2020-08-20",
        "a month ago",
        "2020-07",
        "month",
    ),
    (
        "in the first quarter, or",
        "2020-08-20",
        "the first quarter",
        "2020-Q1",
        "quarter",
    ),
    (
        "on March 12, this year, Xunlei",
        "2020-08-20",
        "March 12, this year",
        "2020-03-12",
        "day",
    ),
    (
        "said yesterday that",
        "2020-08-20",
        "yesterday",
        "2020-08-19",
        "day",
    ),
    (
        "prices rose last month",
        "2020-08-20",
        "last month",
        "2020-07",
        "month",
    ),
    (
        "will meet next week.",
        "2020-08-20",
        "next week",
        "2020-W35",
        "week",
    ),
    (
        "since the end of April.",
        "2020-08-20",
        "the end of April",
        "2020-04",
        "month",
    ),
    (
        "in the second quarter of this year is",
        "2020-08-20",
        "the second quarter of this year",
        "2020-Q2",
        "quarter",
    ),
    (
        "optimized since May, from",
        "2020-08-20",
        "May",
        "2020-05",
        "month",
    ),
    (
        "capped on the morning of June 18, 2020.",
        "2020-08-20",
        "June 18, 2020",
        "2020-06-18",
        "day",
    ),
    (
        "bombs exploded Friday, killing",
        "1998-08-07",
        "Friday",
        "1998-08-07",
        "day",
    ),
    (
        "the talks ended Tuesday.",
        "1998-08-13",
        "Tuesday",
        "1998-08-11",
        "day",
    ),
    (
        "will meet on Monday.",
        "1998-08-13",
        "Monday",
        "1998-08-17",
        "day",
    ),
    (
        "on Aug. 7, 1998, the",
        "1998-08-20",
        "Aug. 7, 1998",
        "1998-08-07",
        "day",
    ),
    (
        "happened last November.",
        "2000-01-10",
        "last November",
        "1999-11",
        "month",
    ),
    (
        "by late November the",
        "2000-01-10",
        "late November",
        "1999-11",
        "month",
    ),
    (
        "since July 1997.",
        "1999-03-12",
        "July 1997",
        "1997-07",
        "month",
    ),
    (
        "arrived two months ago",
        "2000-01-10",
        "two months ago",
        "1999-11",
        "month",
    ),
    (
        "the 4Q19 results",
        "2020-02-01",
        "4Q19",
        "2019-Q4",
        "quarter",
    ),
    (
        "in the fourth quarter, profit",
        "2020-02-01",
        "the fourth quarter",
        "2019-Q4",
        "quarter",
    ),
    (
        "Friday, March 12, the",
        "2021-03-20",
        "Friday, March 12",
        "2021-03-12",
        "day",
    ),
    ("the week of 2020-W07", "2020-08-20", "2020", "2020", "year"),
    (
        "于2020年3月12日发布",
        "2020-08-20",
        "2020年3月12日",
        "2020-03-12",
        "day",
    ),
    ("2019年全年", "2020-08-20", "2019年", "2019", "year"),
    ("去年亏损", "2020-08-20", "去年", "2019", "year"),
    ("6月18日上午", "2020-08-20", "6月18日", "2020-06-18", "day"),
    (
        "on 13.5.2015 at",
        "2020-08-20",
        "13.5.2015",
        "2015-05-13",
        "day",
    ),
    (
        "on 2015/08/12 at",
        "2020-08-20",
        "2015/08/12",
        "2015-08-12",
        "day",
    ),
    (
        "the day before yesterday",
        "2020-08-20",
        "the day before yesterday",
        "2020-08-18",
        "day",
    ),
];

#[test]
fn dates_table() {
    for (text, r, span, value, grain) in TABLE {
        let got = dates(text, Some(r));
        let want = (span.to_string(), Some(value.to_string()), *grain);
        assert!(got.contains(&want), "{text}: {got:?}");
    }
}

#[test]
fn german_dates() {
    let ctx = Context {
        reference_date: Some(d("2022-10-05")),
        lang: Some("de".to_string()),
        ..Default::default()
    };
    let text = "Berger sagte am Mittwoch, am 12. März 2020 und im Mai sowie gestern, \
                im vergangenen Jahr und im dritten Quartal 2019 sei alles anders gewesen.";
    let got: Vec<(String, Option<String>)> = find(text, &ctx)
        .into_iter()
        .map(|f| match f.kind {
            Kind::Date { value, .. } => (text[f.start..f.end].to_string(), value),
            _ => unreachable!(),
        })
        .collect();
    let want = [
        ("Mittwoch", "2022-10-05"),
        ("12. März 2020", "2020-03-12"),
        ("Mai", "2022-05"),
        ("gestern", "2022-10-04"),
        ("vergangenen Jahr", "2021"),
        ("dritten Quartal 2019", "2019-Q3"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0.as_str(), g.1.as_deref()), (w.0, Some(w.1)));
    }
}

#[test]
fn no_reference_date_gives_null_values() {
    let got = dates("It rose this year, up from 2019.", None);
    assert_eq!(
        got,
        vec![
            ("this year".to_string(), None, "year"),
            ("2019".to_string(), Some("2019".to_string()), "year")
        ]
    );
    let got = dates("on March 12 the", None);
    assert_eq!(got, vec![("March 12".to_string(), None, "day")]);
}

#[test]
fn not_dates() {
    for text in [
        "He sold 1,500 shares.",
        "He sold 2019 shares.",
        "It cost $2019 in total.",
        "a 2019.5 ratio",
        "call 555-2019 now",
        "You may go.",
        "Theresa May said",
        "The troops will march on.",
        "growth of 20.19%",
        "Good Friday services",
        "Flight 2019 landed in room 1995.",
        "A total of 2000 people and 1999 employees came.",
        "He scored 2010 points.",
        "Jan Peters said",
        "April Smith said",
    ] {
        assert_eq!(dates(text, Some("2020-08-20")), vec![], "{text}");
    }
}
