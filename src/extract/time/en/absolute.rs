//! English absolute dates: month names with their day and year, years, ISO and numeric
//! days, quarters and halves, fiscal years. A year left out is resolved against the
//! reference date (the nearest one: [`resolve_month_day`]).

use super::{
    hyphen_day_at, left_modifiers, noun_after, numeral, rel_year_at, start_with_the, year_at,
};
use crate::day;
use crate::extract::time::calendar::{
    add_quarters, closest_year_for_quarter, quarter_of, resolve_month_day, two_digit_year,
};
use crate::extract::time::guards::{
    capitalised_before, date_preposition, hyphen_measure, identifier_before, is_word,
    numeric_neighbour, quantity_noun,
};
use crate::extract::time::order::{month_day, Order, Orders};
use crate::extract::time::tense::{tense, Tense};
use crate::extract::time::types::{cand, Cand, Val};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

/// A day of a named month: "March 12, 2020", "12 March", "Aug. 7".
pub const MONTH_DAY: &str = "time.en.month_day";
/// A named month: "March 2020", "in May", "the end of April".
pub const MONTH: &str = "time.en.month";
/// A year: "in 2019", "the year 2000".
pub const YEAR: &str = "time.en.year";
/// An ISO day: "2020-03-12".
pub const ISO: &str = "time.en.iso";
/// A day in digits: "3/12/2020", "13.5.2015", "2015/08/12".
pub const NUMERIC_DAY: &str = "time.en.numeric_day";
/// A quarter by ordinal: "the fourth quarter of 2019", "last quarter".
pub const QUARTER: &str = "time.en.quarter";
/// A half year by ordinal: "the second half of 2019".
pub const HALF: &str = "time.en.half";
/// A quarter by code: "Q4 2019", "4Q19", "2019 Q2".
pub const QUARTER_CODE: &str = "time.en.quarter_code";
/// A half year by code: "H1 2020", "1H20".
pub const HALF_CODE: &str = "time.en.half_code";
/// A fiscal year: "fiscal 2019", "FY2019".
pub const FISCAL: &str = "time.en.fiscal";

/// Month names (also in capitals and in lower case) and their abbreviations, from the
/// one table in [`day::MONTHS`], and a dot after them.
static MONTH_RE: LazyLock<Regex> = LazyLock::new(|| {
    let names = day::MONTHS.iter().map(|m| m.0.to_string());
    let capitals = day::MONTHS.iter().map(|m| m.0.to_ascii_uppercase());
    let lower = day::MONTHS.iter().map(|m| m.0.to_ascii_lowercase());
    let abbrevs = day::MONTHS.iter().flat_map(|m| {
        m.1.iter()
            .flat_map(|a| [a.to_string(), a.to_ascii_lowercase()])
    });
    let all: Vec<String> = names.chain(capitals).chain(lower).chain(abbrevs).collect();
    Regex::new(&format!(r"(?-u:\b)({})(?-u:\b)(\.)?", all.join("|"))).expect("month regex")
});

static YEAR_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:1[89]|20)[0-9][0-9](?-u:\b)").expect("year regex"));

static ISO_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?:1[89]|20)[0-9][0-9])-([01][0-9])-([0-3][0-9])(?-u:\b)")
        .expect("iso regex")
});

static SLASH_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:([0-9]{1,2})([/.-])([0-9]{1,2})[/.-]((?:1[89]|20)[0-9][0-9])|((?:1[89]|20)[0-9][0-9])([/.])([0-9]{1,2})[/.]([0-9]{1,2}))(?-u:\b)",
    )
    .expect("slash regex")
});

static QUARTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)([Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|[Ll]ast|1st|2nd|3rd|4th)[ -]([Qq]uarter|[Hh]alf)(?-u:\b)",
    )
    .expect("quarter regex")
});

static QN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:([QH])([1-4])(?:[ /-]?((?:19|20)[0-9][0-9])|'?([0-9][0-9]))?|([1-4])([QH])(?: ?((?:19|20)[0-9][0-9])|'?([0-9][0-9]))?|((?:19|20)[0-9][0-9]) ?([QH])([1-4]))(?-u:\b)",
    )
    .expect("qn regex")
});

static FISCAL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[Ff]iscal(?: [Yy]ear)? ?((?:19|20)[0-9][0-9])|FY ?((?:19|20)[0-9][0-9])|FY ?'?([0-9][0-9]))(?-u:\b)")
        .expect("fiscal regex")
});

fn ordinal_quarter(w: &str) -> Option<u32> {
    Some(match w.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" => 4,
        _ => return None,
    })
}

/// A day of the month written as an ordinal word: "first" to "thirty-first" ("twenty
/// first" in two words too).
fn ordinal_word(w: &str) -> Option<u32> {
    const UNITS: [&str; 19] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    match w {
        "twentieth" => Some(20),
        "thirtieth" => Some(30),
        _ => UNITS.iter().position(|u| *u == w).map(|i| i as u32 + 1),
    }
}

/// The ordinal word of a day ending before `end` ("first", "twenty-first", "twenty
/// first", "thirty first"), after an optional "the": (start, day).
fn ordinal_word_before(text: &str, end: usize) -> Option<(usize, u32)> {
    let (ws, w) = numeral::word_before(text, end)?;
    let unit = ordinal_word(w.as_str())?;
    let mut s = ws;
    let mut d = unit;
    // "twenty-first", "twenty first"
    let tens_end = if ws > 0 && text.as_bytes()[ws - 1] == b'-' {
        ws - 1
    } else {
        ws
    };
    if let Some((ts, t)) = numeral::word_before(text, tens_end) {
        let tens = match t.as_str() {
            "twenty" => 20,
            "thirty" => 30,
            _ => 0,
        };
        if tens > 0 && unit < 10 && (tens == 20 || unit == 1) {
            d = tens + unit;
            s = ts;
        }
    }
    Some((start_with_the(text, s), d))
}

/// Month names, with the day and year around them: "March 12, 2020", "12 March 2020",
/// "Aug. 7", "the 12th of March", "March 2020", "March of 2020", "March 12, this year",
/// "in April next year", "since May", "the end of April", "last November".
pub fn month_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    for m0 in MONTH_RE.find_iter(text) {
        // the match is the name and maybe a dot (no capture groups: faster)
        let dotted = m0.as_str().ends_with('.');
        let name = m0.as_str().trim_end_matches('.');
        let name_end = m0.start() + name.len();
        let Some(month) = day::month_by_prefix(name) else {
            continue;
        };
        let abbrev = name.len() <= 4
            && !["may", "june", "july"]
                .iter()
                .any(|w| name.eq_ignore_ascii_case(w));
        // "march", "may": in lower case mostly verbs
        let lower = name.as_bytes()[0].is_ascii_lowercase();
        let mut start = m0.start();
        let mut end = if abbrev { m0.end() } else { name_end };
        let mut day: Option<u32> = None;
        let mut year: Option<i32> = None;
        let mut rel_year: Option<i32> = None;
        // right side: " 12", " 12th", ", 2020", " 2020", " 12, 2020", " 12, this year"
        let mut p = end;
        if p < b.len() && b[p] == b' ' {
            let q = p + 1;
            let mut k = q;
            while k < b.len() && b[k].is_ascii_digit() && k - q < 4 {
                k += 1;
            }
            if k - q >= 1 && k - q <= 2 && !(k < b.len() && b[k].is_ascii_digit()) {
                let d: u32 = text[q..k].parse().unwrap_or(0);
                let mut k2 = k;
                for suf in ["st", "nd", "rd", "th"] {
                    if text[k..].starts_with(suf) {
                        k2 = k + 2;
                    }
                }
                let glued_after = k2 < b.len() && is_word(b[k2]);
                let decimal = k2 + 1 < b.len()
                    && matches!(b[k2], b'.' | b',' | b':')
                    && b[k2 + 1].is_ascii_digit();
                let quantity = numeral::word_after(text, k2)
                    .is_some_and(|(s, _, w)| s == k2 + 1 && (quantity_noun(&w) || w == "percent"));
                if (1..=31).contains(&d) && !glued_after && !decimal && !quantity {
                    day = Some(d);
                    p = k2;
                }
            } else if k - q == 4 {
                if let Some((e, y)) = year_at(text, q) {
                    year = Some(y);
                    p = e;
                }
            }
        } else if !dotted && p < b.len() && b[p] == b'-' {
            // "Oct-2", "Oct-2-2020" (a day glued by a hyphen; not "Mar-98", a contract)
            if let Some((e, d)) = hyphen_day_at(text, p + 1) {
                day = Some(d);
                p = e;
            }
        }
        // "2-Oct-2020": the year after the month by a hyphen
        if year.is_none() && !dotted && b.get(p) == Some(&b'-') {
            if let Some((e, y)) = year_at(text, p + 1) {
                year = Some(y);
                p = e;
            }
        }
        if year.is_none() {
            // ", 2020" / " 2020" / ", this year" / " of 2020"
            let mut q = p;
            if q < b.len() && b[q] == b',' {
                q += 1;
            }
            let q1 = numeral::skip_spaces(text, q);
            if q1 > q || (q > p && q1 == q) {
                if let Some((e, y)) = year_at(text, q1) {
                    year = Some(y);
                    p = e;
                } else if let Some((e, off)) = rel_year_at(text, q) {
                    // "March 12, this year", "in April next year"
                    rel_year = Some(off);
                    p = e;
                } else if let Some((_, e, w)) = numeral::word_after(text, q1) {
                    if w == "of" && day.is_none() {
                        if let Some((e2, y)) = year_at(text, numeral::skip_spaces(text, e)) {
                            year = Some(y);
                            p = e2;
                        }
                    }
                }
            }
        }
        end = p;
        // day first: "12 March 2020", "12th of March"
        let mut day_first = false;
        if day.is_none() {
            let mut j = start;
            if let Some((ws, w)) = numeral::word_before(text, j) {
                if w == "of" {
                    j = ws;
                }
            }
            let mut k = j;
            while k > 0 && b[k - 1] == b' ' && j - k < 2 {
                k -= 1;
            }
            let mut e = k;
            for suf in ["st", "nd", "rd", "th"] {
                if text[..e].ends_with(suf) {
                    e -= 2;
                    break;
                }
            }
            let mut s = e;
            while s > 0 && b[s - 1].is_ascii_digit() && e - s < 3 {
                s -= 1;
            }
            if k < start && s < e && e - s <= 2 && !(s > 0 && is_word(b[s - 1])) {
                let d: u32 = text[s..e].parse().unwrap_or(0);
                if (1..=31).contains(&d) && !numeric_neighbour(b, s, e) {
                    day = Some(d);
                    start = s;
                    day_first = true;
                }
            } else if start >= 2
                && b[start - 1] == b'-'
                && !(b.get(end) == Some(&b'-') && b.get(end + 1).is_some_and(u8::is_ascii_digit))
            {
                // ("5-Mar-10 percent", "12-Oct-99-A": a code, not a day)
                // "2-Oct", "02-Oct-2020"
                let mut s = start - 1;
                while s > 0 && b[s - 1].is_ascii_digit() && start - 1 - s < 3 {
                    s -= 1;
                }
                let glued = s > 0 && (is_word(b[s - 1]) || matches!(b[s - 1], b'-' | b'/' | b'.'));
                if start - 1 - s >= 1 && start - 1 - s <= 2 && !glued {
                    let d: u32 = text[s..start - 1].parse().unwrap_or(0);
                    if (1..=31).contains(&d) {
                        day = Some(d);
                        start = s;
                        day_first = true;
                    }
                }
            }
        }
        // "the first of March", "the twenty-first of May"
        let mut via_of = false;
        if day.is_none() {
            if let Some((ws, w)) = numeral::word_before(text, start) {
                if w == "of" {
                    via_of = true;
                    if let Some((s, d)) = ordinal_word_before(text, ws) {
                        day = Some(d);
                        start = s;
                        day_first = true;
                    }
                }
            }
        } else if day_first {
            via_of = text[..m0.start()].trim_end().ends_with(" of");
            if via_of {
                // "the 12th of March": the article belongs to the span as with "the first"
                start = start_with_the(text, start);
            }
        }
        // lower case: a bare month needs a relative word or a date preposition before
        // it, and "march" / "may" a day or a year ("you may 5" is no date either)
        if lower && year.is_none() && rel_year.is_none() {
            let verb_like = matches!(month, 3 | 5);
            if day.is_none() {
                let prev = numeral::word_before(text, start).map(|x| x.1);
                let rel = prev.as_ref().is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "last" | "next" | "this" | "early" | "late" | "mid"
                    )
                });
                let prep = prev.as_ref().is_some_and(|w| date_preposition(w.as_str()));
                // "this march", "the last march": the event, not the month
                if verb_like || !(rel || prep) {
                    continue;
                }
            } else if verb_like && day_first && !via_of {
                continue;
            }
        }
        // bare month: guard against "may", names ("April Smith", "Theresa May")
        if day.is_none() && year.is_none() {
            if abbrev && !dotted {
                continue;
            }
            if name.bytes().all(|c| c.is_ascii_uppercase()) {
                continue;
            }
            let prev = numeral::word_before(text, start).map(|x| x.1);
            let prep = prev.as_deref().is_some_and(date_preposition)
                || (start > 0 && b[start - 1] == b'-');
            let next_cap = numeral::word_after(text, end)
                .is_some_and(|(s, _, _)| s == end + 1 && b[s].is_ascii_uppercase());
            if next_cap && !prep {
                continue;
            }
            if matches!(month, 3 | 5) || name == "August" {
                if !prep {
                    continue;
                }
            } else if !prep && capitalised_before(text, start) {
                continue;
            }
        }
        if day.is_some() && !day_first && year.is_none() && rel_year.is_none() {
            // "May 5": fine; "May 2 percent" filtered above
        }
        let (s2, rel) = left_modifiers(text, start);
        if !day_first {
            start = s2;
        }
        let mut rel = rel;
        if rel.is_none() && year.is_none() && rel_year.is_none() {
            // by the tense of the clause: "are expected to join in April" the coming
            // April, "rose in March" and "closed on March 12" the last ones; else the
            // nearest
            rel = day_tense(text, start, end, day.is_some()).map(str::to_string);
        }
        let val = resolve_month_day(r, month, day, year, rel_year, rel.as_deref());
        if day.is_some() && val.is_none() && (year.is_some() || r.is_some()) {
            // invalid day (Feb 30): no mention
            continue;
        }
        let (grain, rule) = match day {
            Some(_) => ("day", MONTH_DAY),
            None => ("month", MONTH),
        };
        out.push(cand(start, end, val, grain, rule));
    }
}

/// The side of the published date a date without a year is on, by the tense of its
/// clause ([`tense`]): "behind" (the last one up to it), "ahead" (the first one from
/// it on), "recent" (see below), `None` (the nearest: [`resolve_month_day`]). A past
/// clause puts a bare month ("rose in March") behind. A day of the month (`has_day`) in
/// a past clause is "recent": this year's, unless that is more than three months ahead
/// (then last year's). So "said on March 12" in a December story is that year's March 12
/// (the nearest reading takes next year's), while a day up to three months ahead stays
/// ahead: schedules in reported speech ("said the dividend is payable April 10, record
/// March 31", published March 17), periods ("the quarter ended March 31"), participles
/// ("securities pledged on April 22") carry past cues that are not the day's. (Taking
/// the last such day, a year back, changed 124 of the Reuters-21578 values, mostly for
/// the worse.)
fn day_tense(text: &str, start: usize, end: usize, has_day: bool) -> Option<&'static str> {
    // "the Jan. 14 deadline", "a March 3 vote": a date naming an event is not the
    // time of the clause's verb
    let attributive = numeral::word_before(text, start).is_some_and(|(_, w)| {
        matches!(
            w.as_str(),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that"
        )
    });
    if attributive {
        return None;
    }
    match tense(text, start, end) {
        Tense::Future => Some("ahead"),
        Tense::Past if !has_day => Some("behind"),
        Tense::Past => Some("recent"),
        Tense::Neutral => None,
    }
}

/// Years 1800–2099 that are not quantities, identifiers or parts of larger numbers: "in
/// 2019", "the 2019 budget", "the year 2000".
pub fn year_rule(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    for m in YEAR_RE.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if numeric_neighbour(b, s, e) || numeral::in_url(text, s) {
            continue;
        }
        let y: i32 = m.as_str().parse().unwrap_or(0);
        // a quantity: "2019 shares", "1999 people"
        if let Some((ws, _, w)) = numeral::word_after(text, e) {
            if ws == e + 1 && quantity_noun(&w) && w != "to" {
                continue;
            }
        }
        if b.get(e) == Some(&b'-') && b.get(e + 1).is_some_and(u8::is_ascii_lowercase) {
            let w_end = (e + 1..b.len())
                .find(|&k| !b[k].is_ascii_alphabetic())
                .unwrap_or(b.len());
            if hyphen_measure(&text[e + 1..w_end]) {
                continue;
            }
        }
        if let Some((_, w)) = numeral::word_before(text, s) {
            if identifier_before(&w) {
                continue;
            }
        }
        // "1,500" style handled by numeric_neighbour; years far from now in financial text
        // need a date context
        if y < 1900 {
            let prev = numeral::word_before(text, s).map(|x| x.1);
            if !prev.as_deref().is_some_and(date_preposition) {
                continue;
            }
        }
        let (start, _) = left_modifiers(text, s);
        let mut start = start;
        // "the year 2000", "fiscal year" handled by FISCAL_RE
        if let Some((ws, w)) = numeral::word_before(text, start) {
            if w == "year" {
                if let Some((ws2, w2)) = numeral::word_before(text, ws) {
                    if w2 == "the" {
                        start = ws2;
                    }
                }
            }
        }
        out.push(cand(start, e, Some(Val::Year(y)), "year", YEAR));
    }
}

/// ISO days: "2020-03-12".
pub fn iso_rule(text: &str, out: &mut Vec<Cand>) {
    for c in ISO_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let y: i32 = c[1].parse().unwrap_or(0);
        let mo: u32 = c[2].parse().unwrap_or(0);
        let d: u32 = c[3].parse().unwrap_or(0);
        if let Some(date) = NaiveDate::from_ymd_opt(y, mo, d) {
            out.push(cand(m.start(), m.end(), Some(Val::Day(date)), "day", ISO));
        }
    }
}

/// Days in digits with slashes, dots or hyphens: "12/31/2019" and "31/12/2019" (a part
/// over 12 is the day), "3/12/2020" in the article's order ([`Orders`]: March 12 month
/// first, December 3 day first; no value when the order is unknown, except with dots,
/// which are written day first: "3.5.2015"), "2015/08/12".
pub fn numeric_day_rule(text: &str, orders: &Orders, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    for c in SLASH_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        if numeric_neighbour(b, m.start(), m.end()) {
            continue;
        }
        let num = |i: usize| {
            c.get(i)
                .map_or(0, |x| x.as_str().parse::<u32>().unwrap_or(0))
        };
        let (y, mo, d) = if c.get(1).is_some() {
            let e3 = c.get(3).map_or(0, |x| x.end());
            if text.get(e3..e3 + 1) != Some(&c[2]) {
                continue; // mixed separators: "1/2-2019"
            }
            let dots = &c[2] == ".";
            let order = || orders.get().or(dots.then_some(Order::Dmy));
            let (a, bb) = (num(1), num(3));
            if a == 0 || bb == 0 || (a > 12 && bb > 12) {
                continue;
            }
            match month_day(a, bb, order) {
                Some((mo, d)) => (num(4) as i32, mo, d),
                None => {
                    // both parts could be the month and nothing says which: a day, unread
                    let valid = NaiveDate::from_ymd_opt(num(4) as i32, a, bb).is_some()
                        || NaiveDate::from_ymd_opt(num(4) as i32, bb, a).is_some();
                    if valid {
                        out.push(cand(m.start(), m.end(), None, "day", NUMERIC_DAY));
                    }
                    continue;
                }
            }
        } else {
            let e7 = c.get(7).map_or(0, |x| x.end());
            if text.get(e7..e7 + 1) != Some(&c[6]) {
                continue;
            }
            (num(5) as i32, num(7), num(8))
        };
        if let Some(date) = NaiveDate::from_ymd_opt(y, mo, d) {
            out.push(cand(
                m.start(),
                m.end(),
                Some(Val::Day(date)),
                "day",
                NUMERIC_DAY,
            ));
        }
    }
}

/// The order the numeric days of a text show when only one order can read them: the
/// first part over 12 ("31/12/2019": day first) or the second ("12/31/2019", "on 2/15":
/// month first). `None` when it has none, or both.
pub fn text_order(text: &str) -> Option<Order> {
    if !text.contains('/') && !text.contains('.') && !text.contains('-') {
        return None;
    }
    let (mut mdy, mut dmy) = (false, false);
    let mut see = |a: &str, bb: &str| {
        let (a, bb): (u32, u32) = (a.parse().unwrap_or(0), bb.parse().unwrap_or(0));
        match (a, bb) {
            (1..=12, 13..=31) => mdy = true,
            (13..=31, 1..=12) => dmy = true,
            _ => {}
        }
    };
    for c in SLASH_RE.captures_iter(text) {
        if let (Some(a), Some(bb)) = (c.get(1), c.get(3)) {
            see(a.as_str(), bb.as_str());
        }
    }
    if text.contains('/') {
        for c in MONTH_SLASH_RE.captures_iter(text) {
            see(&c[1], &c[2]);
        }
    }
    match (mdy, dmy) {
        (true, false) => Some(Order::Mdy),
        (false, true) => Some(Order::Dmy),
        _ => None,
    }
}

static MONTH_SLASH_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[Oo]n ([0-9]{1,2})/([0-9]{1,2})(?-u:\b)").expect("month/day regex")
});

/// A day in digits without a year, "on 2/15" (month first) or "on 15/2" (day first), and
/// "on 3/4" in the article's order ([`Orders`]; unknown: no mention, as "on 3/4" may be a
/// fraction too): only after "on"; the year by the tense of the clause, as for "March 12".
pub fn month_slash_day_rule(
    text: &str,
    r: Option<NaiveDate>,
    orders: &Orders,
    out: &mut Vec<Cand>,
) {
    let b = text.as_bytes();
    if !text.contains('/') {
        return;
    }
    for c in MONTH_SLASH_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let g = c.get(1).unwrap();
        // not part of a longer number or a fraction's text ("2/15/2020", "1/2-inch")
        if m.end() < b.len()
            && matches!(b[m.end()], b'/' | b'-' | b'.' | b',' | b':')
            && b.get(m.end() + 1).is_some_and(u8::is_ascii_digit)
        {
            continue;
        }
        let (a, bb): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        // "on 4/5 attempts", "on 3/4 of the votes": a fraction
        if a == 0 || bb == 0 || noun_after(text, m.end()) {
            continue;
        }
        let Some((mo, d)) = month_day(a, bb, || orders.get()) else {
            continue;
        };
        if !(1..=31).contains(&d) {
            continue;
        }
        let rel = day_tense(text, g.start(), m.end(), true);
        let val = resolve_month_day(r, mo, Some(d), None, None, rel);
        if r.is_some() && val.is_none() {
            continue;
        }
        out.push(cand(g.start(), m.end(), val, "day", NUMERIC_DAY));
    }
}

/// Quarters and halves by ordinal, and by code: "the fourth quarter of 2019", "2019's
/// first quarter", "the second half", "last quarter"; "Q4 2019", "4Q19", "2019 Q2",
/// "H1 2020", "1H20".
pub fn quarter_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    for c in QUARTER_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let ord = c[1].to_ascii_lowercase();
        let half = c[2].starts_with(['h', 'H']);
        // halves: "the first half", "the second half of 2019"
        let h = match ord.as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            _ => 0,
        };
        if half && h == 0 {
            continue;
        }
        let mut start = m.start();
        let mut end = m.end();
        let mut year: Option<i32> = None;
        // right: " of 2019", " of this year", " of fiscal 2019", " 2019", " of the year"
        if let Some((s1, e1, w1)) = numeral::word_after(text, end) {
            if s1 == end + 1 && w1 == "of" {
                let q = numeral::skip_spaces(text, e1);
                if let Some((e2, y)) = year_at(text, q) {
                    year = Some(y);
                    end = e2;
                } else if let Some((e2, off)) = rel_year_at(text, e1) {
                    year = r.map(|r| r.year() + off);
                    end = e2;
                    if r.is_none() {
                        let rule = if half { HALF } else { QUARTER };
                        out.push(cand(
                            start_with_the(text, start),
                            end,
                            None,
                            "quarter",
                            rule,
                        ));
                        continue;
                    }
                } else if let Some((_, e2, w2)) = numeral::word_after(text, e1) {
                    if w2 == "fiscal" {
                        if let Some((e3, y)) = year_at(text, numeral::skip_spaces(text, e2)) {
                            year = Some(y);
                            end = e3;
                        }
                    }
                }
            }
        }
        if year.is_none() && end < b.len() && b[end] == b' ' {
            if let Some((e2, y)) = year_at(text, end + 1) {
                year = Some(y);
                end = e2;
            }
        }
        // left: "2019 fourth quarter", "2019's first quarter", "fiscal 2019 fourth quarter"
        let mut j = start;
        while j > 0 && b[j - 1] == b' ' && start - j < 2 {
            j -= 1;
        }
        let yl = if text[..j].ends_with("'s") || text[..j].ends_with("’s") {
            j - if text[..j].ends_with("'s") { 2 } else { 4 }
        } else {
            j
        };
        if year.is_none() && yl >= 4 && j < start {
            if let Some((_, y)) = year_at(text, yl - 4) {
                if yl - 4 == 0 || !is_word(b[yl - 5]) {
                    year = Some(y);
                    start = yl - 4;
                }
            }
        }
        let rel_last = ord == "last";
        if half {
            let start = start_with_the(text, start);
            let val = match year {
                Some(y) => Some(Val::Half(y, h)),
                None => r.map(|r| Val::Half(closest_year_for_quarter(r, h + 1), h)),
            };
            out.push(cand(start, end, val, "half", HALF));
            continue;
        }
        let q = if rel_last {
            if year.is_some() {
                Some(4)
            } else {
                None
            }
        } else {
            ordinal_quarter(&ord)
        };
        let start = start_with_the(text, start);
        let val = match (q, year) {
            (Some(q), Some(y)) => Some(Val::Quarter(y, q)),
            (Some(q), None) => r.map(|r| Val::Quarter(closest_year_for_quarter(r, q), q)),
            (None, _) => r.map(|r| {
                // "last quarter": the quarter before the reference one
                let (y, q) = add_quarters(r.year(), quarter_of(r), -1);
                Val::Quarter(y, q)
            }),
        };
        out.push(cand(start, end, val, "quarter", QUARTER));
    }
    for c in QN_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let q: u32 = c
            .get(2)
            .or(c.get(5))
            .or(c.get(11))
            .and_then(|x| x.as_str().parse().ok())
            .unwrap_or(0);
        let half = c
            .get(1)
            .or(c.get(6))
            .or(c.get(10))
            .is_some_and(|x| x.as_str() == "H");
        let year = if let Some(y) = c.get(3).or(c.get(7)).or(c.get(9)) {
            y.as_str().parse().ok()
        } else if let Some(y) = c.get(4).or(c.get(8)) {
            two_digit_year(y.as_str())
        } else {
            None
        };
        if half {
            // "H1 2020", "1H20", "in H2": a bare "H1" needs a word of time before it
            // (not the "H1" of a visa or a gene)
            let time_word = numeral::word_before(text, m.start()).is_some_and(|(_, w)| {
                matches!(w.as_str(), "in" | "for" | "during" | "of" | "its" | "their")
            });
            if q > 2 || (year.is_none() && !time_word) {
                continue;
            }
            let val = match year {
                Some(y) => Some(Val::Half(y, q)),
                None => r.map(|r| Val::Half(closest_year_for_quarter(r, q + 1), q)),
            };
            out.push(cand(m.start(), m.end(), val, "half", HALF_CODE));
            continue;
        }
        let val = match year {
            Some(y) => Some(Val::Quarter(y, q)),
            None => r.map(|r| Val::Quarter(closest_year_for_quarter(r, q), q)),
        };
        out.push(cand(m.start(), m.end(), val, "quarter", QUARTER_CODE));
    }
}

/// Fiscal years: "fiscal 2019", "fiscal year 2019", "FY2019", "FY '19".
pub fn fiscal_rule(text: &str, out: &mut Vec<Cand>) {
    for c in FISCAL_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let y = if let Some(y) = c.get(1).or(c.get(2)) {
            y.as_str().parse().ok()
        } else {
            c.get(3).and_then(|y| two_digit_year(y.as_str()))
        };
        if let Some(y) = y {
            out.push(cand(m.start(), m.end(), Some(Val::Year(y)), "year", FISCAL));
        }
    }
}
