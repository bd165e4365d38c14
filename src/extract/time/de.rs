//! German dates (run when the text is German): "12. März 2020", "im Mai", "am
//! Mittwoch", "gestern", "im vergangenen Jahr", "im dritten Quartal 2019".

use super::calendar::{
    add_months, add_quarters, closest_year_for_quarter, quarter_of, resolve_month_day, week_of,
};
use super::types::{cand, Cand, Val};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// A day of a named month: "12. März 2020".
pub const MONTH_DAY: &str = "time.de.month_day";
/// A named month: "im Mai", "Juli 2019".
pub const MONTH: &str = "time.de.month";
/// A weekday: "am Mittwoch", "vergangenen Freitag".
pub const WEEKDAY: &str = "time.de.weekday";
/// A day word: "heute", "gestern", "vorgestern".
pub const DAY_WORD: &str = "time.de.day_word";
/// A period from the reference date: "im vergangenen Jahr", "im Vorjahr".
pub const RELATIVE: &str = "time.de.relative";
/// A quarter: "im dritten Quartal 2019".
pub const QUARTER: &str = "time.de.quarter";

static DE_MONTH_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:([0-9]{1,2})\. ?)?(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?: ((?:19|20)[0-9]{2}))?(?-u:\b)",
    )
    .expect("german month regex")
});

static DE_OTHER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?:(vergangenen|letzten|kommenden|nächsten) )?(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)|(heute|gestern|vorgestern)|(diese[mns]?|laufende[nm]?|vergangene[nm]?|letzte[nm]?|kommende[nm]?|nächste[nm]?) (Jahr|Monat|Woche|Quartal)(?:es|s)?|(Vorjahr)(?:es|s)?|(ersten|zweiten|dritten|vierten|[1-4]\.) Quartal(?:s)?(?: ((?:19|20)[0-9]{2}))?)(?-u:\b)",
    )
    .expect("german date regex")
});

/// German month names with their day and year: "12. März 2020", "im Mai", "Juli 2019".
pub fn month_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    for c in DE_MONTH_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let month = match &c[2] {
            "Januar" | "Jänner" => 1,
            "Februar" => 2,
            "März" => 3,
            "April" => 4,
            "Mai" => 5,
            "Juni" => 6,
            "Juli" => 7,
            "August" => 8,
            "September" => 9,
            "Oktober" => 10,
            "November" => 11,
            _ => 12,
        };
        let day = c.get(1).and_then(|d| d.as_str().parse::<u32>().ok());
        let year = c.get(3).and_then(|y| y.as_str().parse::<i32>().ok());
        if day.is_some_and(|d| !(1..=31).contains(&d)) {
            continue;
        }
        let val = resolve_month_day(r, month, day, year, None, None);
        if day.is_some() && val.is_none() && (year.is_some() || r.is_some()) {
            continue;
        }
        let (grain, rule) = match day {
            Some(_) => ("day", MONTH_DAY),
            None => ("month", MONTH),
        };
        out.push(cand(m.start(), m.end(), val, grain, rule));
    }
}

/// German weekdays, day words, relative periods and quarters: "am Mittwoch",
/// "vergangenen Freitag", "gestern", "im vergangenen Jahr", "im Vorjahr", "im dritten
/// Quartal 2019".
pub fn other_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    for c in DE_OTHER_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let rule = if c.get(2).is_some() {
            WEEKDAY
        } else if c.get(3).is_some() {
            DAY_WORD
        } else if c.get(4).is_some() || c.get(6).is_some() {
            RELATIVE
        } else {
            QUARTER
        };
        let (val, grain) = if let Some(wd) = c.get(2) {
            let wd = match wd.as_str() {
                "Montag" => Weekday::Mon,
                "Dienstag" => Weekday::Tue,
                "Mittwoch" => Weekday::Wed,
                "Donnerstag" => Weekday::Thu,
                "Freitag" => Weekday::Fri,
                "Samstag" => Weekday::Sat,
                _ => Weekday::Sun,
            };
            let future = matches!(c.get(1).map(|x| x.as_str()), Some("kommenden" | "nächsten"));
            let strict = c.get(1).is_some();
            let v = r.map(|r| {
                let diff =
                    wd.num_days_from_monday() as i64 - r.weekday().num_days_from_monday() as i64;
                let d = if future {
                    let d = diff.rem_euclid(7);
                    if d == 0 {
                        7
                    } else {
                        d
                    }
                } else {
                    let d = -((-diff).rem_euclid(7));
                    if d == 0 && strict {
                        -7
                    } else {
                        d
                    }
                };
                Val::Day(r + Duration::days(d))
            });
            (v, "day")
        } else if let Some(w) = c.get(3) {
            let off = match w.as_str() {
                "gestern" => -1,
                "vorgestern" => -2,
                _ => 0,
            };
            (r.map(|r| Val::Day(r + Duration::days(off))), "day")
        } else if let Some(w) = c.get(4) {
            let w = w.as_str();
            let off = if w.starts_with("vergangene") || w.starts_with("letzte") {
                -1
            } else if w.starts_with("kommende") || w.starts_with("nächste") {
                1
            } else {
                0
            };
            match &c[5] {
                "Jahr" => (r.map(|r| Val::Year(r.year() + off)), "year"),
                "Monat" => (
                    r.map(|r| {
                        let (y, mo) = add_months(r.year(), r.month(), off);
                        Val::Month(y, mo)
                    }),
                    "month",
                ),
                "Woche" => (
                    r.map(|r| week_of(r + Duration::days(7 * off as i64))),
                    "week",
                ),
                _ => (
                    r.map(|r| {
                        let (y, q) = add_quarters(r.year(), quarter_of(r), off);
                        Val::Quarter(y, q)
                    }),
                    "quarter",
                ),
            }
        } else if c.get(6).is_some() {
            (r.map(|r| Val::Year(r.year() - 1)), "year")
        } else {
            let q = match &c[7] {
                "ersten" | "1." => 1,
                "zweiten" | "2." => 2,
                "dritten" | "3." => 3,
                _ => 4,
            };
            let v = match c.get(8).and_then(|y| y.as_str().parse::<i32>().ok()) {
                Some(y) => Some(Val::Quarter(y, q)),
                None => r.map(|r| Val::Quarter(closest_year_for_quarter(r, q), q)),
            };
            (v, "quarter")
        };
        out.push(cand(m.start(), m.end(), val, grain, rule));
    }
}
