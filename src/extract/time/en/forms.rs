//! English forms around a weekday or a count of units: "the first Friday of July", "the
//! last Monday in May", "Friday the 15th", "in three days", "in two weeks' time". Each is
//! resolved like the other dates without a year, by the tense of its clause ([`tense`]):
//! a past clause takes the last one up to the published date, a future clause the first
//! one from it on, a clause without tense the nearest.

use super::{noun_after, numeral, start_with_the, year_at};
use crate::day;
use crate::extract::time::calendar::{add_months, nth_weekday, week_of};
use crate::extract::time::tense::{tense, Tense};
use crate::extract::time::types::{cand, Cand, Val};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// The n-th weekday of a month: "the first Friday of July", "the last Monday in May 2019".
pub const NTH_WEEKDAY: &str = "time.en.nth_weekday";
/// A weekday and its day of the month: "Friday the 13th".
pub const WEEKDAY_THE_NTH: &str = "time.en.weekday_the_nth";
/// Units ahead of the published date in a future clause: "in three days", "in a week".
pub const IN_UNITS: &str = "time.en.in_units";

/// Of the days `days` (sorted), the one the clause means against reference `r`: the last
/// up to it (past), the first from it on (future), else the nearest.
fn pick(days: &[NaiveDate], r: NaiveDate, t: Tense) -> Option<NaiveDate> {
    let recent = days.iter().rev().find(|d| **d <= r).copied();
    let upcoming = days.iter().find(|d| **d >= r).copied();
    match t {
        Tense::Past => recent,
        Tense::Future => upcoming,
        Tense::Neutral => days
            .iter()
            .min_by_key(|d| (**d - r).num_days().abs())
            .copied(),
    }
}

/// The month named by the word at `i` exactly ("July", "Jul", "jul."), whole: (end, month).
fn month_at(text: &str, i: usize) -> Option<(usize, u32)> {
    let (s, e, w) = numeral::word_after(text, i)?;
    if s != i {
        return None;
    }
    let w = w.trim_end_matches('.');
    let m = day::month_by_prefix(w)?;
    let (name, abbrevs) = day::MONTHS[m as usize - 1];
    let whole = name.eq_ignore_ascii_case(w) || abbrevs.iter().any(|a| a.eq_ignore_ascii_case(w));
    // "Sept." with its dot
    let e = if text.as_bytes().get(e) == Some(&b'.') && !name.eq_ignore_ascii_case(w) {
        e + 1
    } else {
        e
    };
    whole.then_some((e, m))
}

/// "the first Friday of July", "the last Monday in May", "the second Tuesday of March
/// 2021": the weekday matched at `ws..we` with its ordinal before and its month after.
pub fn nth_weekday_at(
    text: &str,
    ws: usize,
    we: usize,
    wd: Weekday,
    r: Option<NaiveDate>,
) -> Option<Cand> {
    let (os, ord) = numeral::word_before(text, ws)?;
    let n = match ord.as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        "last" | "final" => 0,
        _ => return None,
    };
    let (_, pe, prep) = numeral::word_after(text, we)?;
    if prep != "of" && prep != "in" {
        return None;
    }
    let (mut end, month) = month_at(text, numeral::skip_spaces(text, pe))?;
    let mut year = None;
    let mut q = end;
    if text.as_bytes().get(q) == Some(&b',') {
        q += 1;
    }
    if let Some((e, y)) = year_at(text, numeral::skip_spaces(text, q)) {
        year = Some(y);
        end = e;
    }
    let start = start_with_the(text, os);
    if start == os && n == 0 {
        return None; // "last Monday in May" without "the": "last Monday" and "May"
    }
    let val = match year {
        Some(y) => nth_weekday(y, month, wd, n).map(Val::Day),
        None => r.and_then(|r| {
            let days: Vec<NaiveDate> = (r.year() - 1..=r.year() + 1)
                .filter_map(|y| nth_weekday(y, month, wd, n))
                .collect();
            pick(&days, r, tense(text, start, end)).map(Val::Day)
        }),
    };
    if val.is_none() && (year.is_some() || r.is_some()) {
        return None; // no fifth Friday that month
    }
    Some(cand(start, end, val, "day", NTH_WEEKDAY))
}

/// "Friday the 13th", "on Monday, the 3rd": the weekday at `ws..we` and a day of the
/// month after it; the month is one where that day is that weekday, by the tense of the
/// clause (within a year of the published date).
pub fn weekday_the_nth_at(
    text: &str,
    ws: usize,
    we: usize,
    wd: Weekday,
    r: Option<NaiveDate>,
) -> Option<Cand> {
    let rest = &text[we..];
    let after = rest
        .strip_prefix(" the ")
        .or_else(|| rest.strip_prefix(", the "))?;
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let suffix = &after[digits..];
    if !["st", "nd", "rd", "th"]
        .iter()
        .any(|s| suffix.starts_with(s))
    {
        return None;
    }
    let end = we + (rest.len() - after.len()) + digits + 2;
    if text
        .as_bytes()
        .get(end)
        .is_some_and(|c| c.is_ascii_alphanumeric())
        || noun_after(text, end)
    {
        return None; // "Friday the 13th floor"
    }
    let d: u32 = after[..digits].parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let val = match r {
        None => None,
        Some(r) => {
            let days: Vec<NaiveDate> = (-13..=13)
                .filter_map(|k| {
                    let (y, m) = add_months(r.year(), r.month(), k);
                    NaiveDate::from_ymd_opt(y, m, d)
                })
                .filter(|x| x.weekday() == wd)
                .collect();
            Some(Val::Day(pick(&days, r, tense(text, ws, end))?))
        }
    };
    Some(cand(ws, end, val, "day", WEEKDAY_THE_NTH))
}

static IN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)[Ii]n ([A-Za-z]+(?:-[a-z]+)?|[0-9]+) (day|week|fortnight|month|year)s?(?:(?:'s|’s|'|’)? time)?(?-u:\b)",
    )
    .expect("in-units regex")
});

/// A count of units as written: digits ("10"), "a" / "an" (1) or number words ("three",
/// "twenty-one"); None when the word is not a whole number.
pub fn count_word(word: &str) -> Option<i64> {
    if word.as_bytes().first()?.is_ascii_digit() {
        return word.parse().ok();
    }
    if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
        return Some(1);
    }
    match numeral::parse_words(word, 0) {
        Some((e, v)) if e == word.len() && v.fract() == 0.0 => Some(v as i64),
        _ => None,
    }
}

/// "in three days", "in a week", "in two weeks' time", "in a fortnight": units ahead of the
/// published date, only in a future clause ("will open in three days"; "the first rise in
/// three years" is a span of time, not a date) and not before "of" ("in three days of
/// talks").
pub fn in_units_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    for c in IN_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let word = &c[1];
        let Some(n) = count_word(word) else {
            continue;
        };
        if !(1..=200).contains(&n) {
            continue;
        }
        let of = numeral::word_after(text, m.end())
            .is_some_and(|(s, _, w)| s == m.end() + 1 && w == "of");
        if of || tense(text, m.start(), m.end()) != Tense::Future {
            continue;
        }
        let unit = &c[2];
        let grain = match unit {
            "year" => "year",
            "month" => "month",
            "day" => "day",
            _ => "week",
        };
        let val = r.map(|r| match unit {
            "year" => Val::Year(r.year() + n as i32),
            "month" => {
                let (y, mo) = add_months(r.year(), r.month(), n as i32);
                Val::Month(y, mo)
            }
            "week" => week_of(r + Duration::days(7 * n)),
            "fortnight" => week_of(r + Duration::days(14 * n)),
            _ => Val::Day(r + Duration::days(n)),
        });
        out.push(cand(m.start(), m.end(), val, grain, IN_UNITS));
    }
}
