//! English relative dates, resolved against the reference date: "this year", "last
//! month", "yesterday", "six years ago", weekdays, holidays. Without a reference date each
//! keeps its span with no value.

use super::forms::count_word;
use super::noun_after;
use super::{forms, numeral, start_with_the, year_at};
use crate::extract::time::calendar::{
    add_months, add_quarters, holiday_dates, quarter_of, week_of,
};
use crate::extract::time::guards::capitalised_before;
use crate::extract::time::tense::{tense, Tense};
use crate::extract::time::types::{cand, Cand, Val};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// A period from the reference date: "this year", "last month", "next week".
pub const RELATIVE: &str = "time.en.relative";
/// A day word: "yesterday", "the day after tomorrow".
pub const DAY_WORD: &str = "time.en.day_word";
/// Units back from the reference date: "six years ago".
pub const AGO: &str = "time.en.ago";
/// A weekday: "Friday", "last Sunday".
pub const WEEKDAY: &str = "time.en.weekday";
/// A holiday: "Christmas 2019", "Thanksgiving", "Easter", "Lunar New Year".
pub const HOLIDAY: &str = "time.en.holiday";
/// A day of the month without the month: "on the 24th", "by the 3rd".
pub const ORDINAL_DAY: &str = "time.en.ordinal_day";

static ORDINAL_DAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[Tt]he ([0-9]{1,2})(?:st|nd|rd|th)(?-u:\b)").expect("ordinal day regex")
});

/// The spellings a word or name is met in: as written, lower case, capitals, and only the
/// first letter capitalised ("Christmas day"); with a typographic apostrophe too. Written out
/// rather than `(?i)`, so the regex keeps its fast literal prefilter (case-folded
/// alternations of long words are too many literals for it).
fn spellings(names: &[&str]) -> String {
    let mut all: Vec<String> = Vec::new();
    for n in names {
        let lower = n.to_lowercase();
        let mut first = lower.clone();
        if let Some(c) = first.get_mut(0..1) {
            c.make_ascii_uppercase();
        }
        for v in [n.to_string(), lower, n.to_uppercase(), first] {
            for w in [v.replace('\'', "’"), v] {
                if !all.contains(&w) {
                    all.push(w);
                }
            }
        }
    }
    // the longest first: "Christmas Day" before "Christmas"
    all.sort_by_key(|w| std::cmp::Reverse(w.len()));
    all.iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

static REL_RE: LazyLock<Regex> = LazyLock::new(|| {
    let which = spellings(&["this", "last", "next", "previous", "current", "coming"]);
    let unit = spellings(&["year", "month", "week", "quarter"]);
    Regex::new(&format!(r"(?-u:\b)({which}) ({unit})(?-u:\b)")).expect("relative regex")
});

static DAYWORD_RE: LazyLock<Regex> = LazyLock::new(|| {
    let words = spellings(&["today", "yesterday", "tomorrow", "tonight"]);
    Regex::new(&format!(r"(?-u:\b)({words})(?-u:\b)")).expect("day word regex")
});

static AGO_RE: LazyLock<Regex> = LazyLock::new(|| {
    // "two years earlier" / "a year before" are relative to another event: not resolved
    Regex::new(
        r"(?-u:\b)([A-Za-z]+(?:-[a-z]+)?|[0-9]+) (year|month|week|fortnight|day)s? (ago)(?-u:\b)",
    )
    .expect("ago regex")
});

/// A weekday name, in any case (the merge step of [`crate::extract::time`] reads it too).
pub static WEEKDAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    let days = spellings(&[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]);
    Regex::new(&format!(r"(?-u:\b)({days})(?-u:\b)")).expect("weekday regex")
});

/// Holiday names, in any case ("christmas day" in a lowercased headline).
static HOLIDAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    let names = spellings(HOLIDAYS);
    Regex::new(&format!(r"(?-u:\b)({names})(?-u:\b)")).expect("holiday regex")
});

/// The holiday names in lower case only: few enough literals for the fast prefilter. Every
/// match of [`HOLIDAY_RE`] is, lower-cased, a match of this one (lower-casing ASCII keeps
/// offsets and word boundaries), so a text it does not match has no holiday at all.
static HOLIDAY_LOWER_RE: LazyLock<Regex> = LazyLock::new(|| {
    let mut all: Vec<String> = Vec::new();
    for n in HOLIDAYS {
        let lower = n.to_lowercase();
        all.push(lower.replace('\'', "’"));
        all.push(lower);
    }
    all.sort_by_key(|w| std::cmp::Reverse(w.len()));
    all.dedup();
    let names: Vec<String> = all.iter().map(|w| regex::escape(w)).collect();
    Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", names.join("|"))).expect("holiday gate regex")
});

const HOLIDAYS: &[&str] = &[
    "Thanksgiving Day",
    "Thanksgiving",
    "Christmas Day",
    "Christmas Eve",
    "Christmas",
    "Xmas",
    "New Year's Day",
    "New Year's Eve",
    "New Years Day",
    "New Years Eve",
    "New Year's",
    "New Years",
    "Election Day",
    "Independence Day",
    "Fourth of July",
    "July Fourth",
    "Labor Day",
    "Labour Day",
    "Memorial Day",
    "Valentine's Day",
    "Valentines Day",
    "Halloween",
    "Boxing Day",
    "Veterans Day",
    "Veterans' Day",
    "Martin Luther King Jr. Day",
    "Martin Luther King Jr Day",
    "Martin Luther King Day",
    "MLK Day",
    "Presidents Day",
    "Presidents' Day",
    "President's Day",
    "Columbus Day",
    "Mother's Day",
    "Mothers Day",
    "Father's Day",
    "Fathers Day",
    "St. Patrick's Day",
    "St Patrick's Day",
    "Saint Patrick's Day",
    "Easter Sunday",
    "Easter Monday",
    "Easter",
    "Good Friday",
    "Black Friday",
    "Lunar New Year",
    "Chinese New Year",
    "Spring Festival",
    "Ramadan",
    "Ramazan",
    "Ramzan",
    "Eid al-Fitr",
    "Eid al Fitr",
    "Eid ul-Fitr",
    "Eid-ul-Fitr",
    "Eid ul Fitr",
    "Eid-al-Fitr",
    "Eid el-Fitr",
    "Id al-Fitr",
    "Hari Raya Puasa",
    "Hari Raya Aidilfitri",
    "Lebaran",
    "Eid al-Adha",
    "Eid al Adha",
    "Eid ul-Adha",
    "Eid-ul-Adha",
    "Eid ul Adha",
    "Eid-al-Adha",
    "Eid el-Adha",
    "Id al-Adha",
    "Eid ul-Azha",
    "Hari Raya Haji",
    "Bakrid",
    "Bakri Eid",
];

/// "this year", "last month", "next week", "the previous quarter", "earlier this year".
pub fn relative_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    for c in REL_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let which = c[1].to_ascii_lowercase();
        let unit = &c[2].to_ascii_lowercase()[..];
        let mut off = match which.as_str() {
            "this" | "current" => 0,
            "last" | "previous" => -1,
            _ => 1,
        };
        let mut start = start_with_the(text, m.start());
        // "over the last week" is the seven days up to now: this week ("the last week of
        // March" is another thing: skip it)
        if which == "last" && unit == "week" && start < m.start() {
            let of = numeral::word_after(text, m.end()).is_some_and(|(_, _, w)| w == "of");
            if of {
                continue;
            }
            off = 0;
        }
        // "earlier this year", "later this month"
        if let Some((ws, w)) = numeral::word_before(text, start) {
            if matches!(w.as_str(), "earlier" | "later" | "early" | "late") {
                start = ws;
            }
        }
        let grain = match unit {
            "year" => "year",
            "month" => "month",
            "week" => "week",
            _ => "quarter",
        };
        let val = r.map(|r| match unit {
            "year" => Val::Year(r.year() + off),
            "month" => {
                let (y, mo) = add_months(r.year(), r.month(), off);
                Val::Month(y, mo)
            }
            "week" => week_of(r + Duration::days(7 * off as i64)),
            _ => {
                let (y, q) = add_quarters(r.year(), quarter_of(r), off);
                Val::Quarter(y, q)
            }
        });
        out.push(cand(start, m.end(), val, grain, RELATIVE));
    }
}

/// "today", "yesterday", "tomorrow", "tonight", "the day before yesterday".
pub fn day_word_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    for c in DAYWORD_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let mut off = match c[1].to_ascii_lowercase().as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let mut start = m.start();
        // "the day before yesterday", "the day after tomorrow"
        if let Some((ws, w)) = numeral::word_before(text, start) {
            if (w == "before" && off == -1) || (w == "after" && off == 1) {
                if let Some((ws2, w2)) = numeral::word_before(text, ws) {
                    if w2 == "day" {
                        off *= 2;
                        start = start_with_the(text, ws2);
                    }
                }
            }
        }
        let val = r.map(|r| Val::Day(r + Duration::days(off)));
        out.push(cand(start, m.end(), val, "day", DAY_WORD));
    }
}

/// "six years ago", "a month ago", "10 days ago" (at most 200 units).
pub fn ago_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    let ago = text.contains(" ago");
    for c in AGO_RE.captures_iter(if ago { text } else { "" }) {
        let m = c.get(0).unwrap();
        let word = &c[1];
        let Some(n) = count_word(word) else {
            continue;
        };
        if n > 200 {
            continue;
        }
        let unit = &c[2];
        let grain = match unit {
            "year" => "year",
            "month" => "month",
            "week" | "fortnight" => "week",
            _ => "day",
        };
        let val = r.map(|r| match unit {
            "year" => Val::Year(r.year() - n as i32),
            "month" => {
                let (y, mo) = add_months(r.year(), r.month(), -(n as i32));
                Val::Month(y, mo)
            }
            "week" => week_of(r - Duration::days(7 * n)),
            "fortnight" => week_of(r - Duration::days(14 * n)),
            _ => Val::Day(r - Duration::days(n)),
        });
        out.push(cand(m.start(), m.end(), val, grain, AGO));
    }
}

/// Weekdays: "Friday", "last Sunday", "next Friday", "this Monday"; without a word before
/// it, by the tense of its clause ([`tense`]): "said on Thursday" the one just past, "will
/// meet on Thursday" the coming one; a clause without tense the past one unless it is
/// tomorrow. Not the names of events ("Good Friday").
pub fn weekday_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    for c in WEEKDAY_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let wd: Weekday = match c[1].parse() {
            Ok(w) => w,
            Err(_) => continue,
        };
        let mut start = m.start();
        let mut mode = 0; // -1 past, 1 future, 0 guess
        if let Some((ws, w)) = numeral::word_before(text, start) {
            match w.as_str() {
                "last" | "past" => {
                    mode = -1;
                    start = ws;
                }
                "next" | "coming" => {
                    mode = 1;
                    start = ws;
                    // "this coming Friday"
                    if let Some((ws2, w2)) = numeral::word_before(text, ws) {
                        if w2 == "this" && w == "coming" {
                            start = ws2;
                        }
                    }
                }
                "this" => {
                    start = ws;
                }
                _ => {}
            }
        }
        // "Good Friday", "Black Monday": names of events
        let event = numeral::word_before(text, m.start()).is_some_and(|(_, w)| {
            matches!(
                w.as_str(),
                "good"
                    | "black"
                    | "super"
                    | "ash"
                    | "holy"
                    | "easter"
                    | "cyber"
                    | "bloody"
                    | "maundy"
                    | "palm"
                    | "blue"
                    | "whit"
                    | "shrove"
                    | "low"
                    | "plough"
            )
        });
        if event || (mode == 0 && capitalised_before(text, m.start())) {
            continue;
        }
        // the longer forms around it ("the first Friday of July", "Friday the 13th"); the
        // longest candidate wins
        if let Some(c) = forms::nth_weekday_at(text, m.start(), m.end(), wd, r) {
            out.push(c);
        }
        if let Some(c) = forms::weekday_the_nth_at(text, m.start(), m.end(), wd, r) {
            out.push(c);
        }
        if mode == 0 {
            // by the tense of the clause; without one, the past one, but "tomorrow" by
            // name is likelier than six days ago
            // "Wednesday's ruling" names an event: by the published date alone
            let possessive = text[m.end()..].starts_with("'s") || text[m.end()..].starts_with("’s");
            let t = if possessive {
                Tense::Neutral
            } else {
                tense(text, start, m.end())
            };
            mode = match t {
                Tense::Past => -1,
                Tense::Future => 1,
                Tense::Neutral if r.is_some_and(|r| r.weekday().succ() == wd) => 1,
                Tense::Neutral => -1,
            };
        }
        let val = r.map(|r| {
            let diff =
                (wd.num_days_from_monday() as i64) - (r.weekday().num_days_from_monday() as i64);
            let d = if mode > 0 {
                let d = diff.rem_euclid(7);
                if d == 0 && start < m.start() {
                    7
                } else {
                    d
                }
            } else {
                let d = -((-diff).rem_euclid(7));
                if d == 0 && start < m.start() {
                    -7
                } else {
                    d
                }
            };
            Val::Day(r + Duration::days(d))
        });
        out.push(cand(start, m.end(), val, "day", WEEKDAY));
    }
}

/// Holidays: "Thanksgiving", "Christmas 2019", "last Christmas", "New Year's Eve"; without
/// a year, by the tense of the clause ([`tense`]); without one, the coming one when it is
/// near (45 days), else the last one.
pub fn holiday_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    // most texts name no holiday: a lower-case copy lets a small literal search say so
    // (the case-variant alternation of HOLIDAY_RE is too many literals for a prefilter)
    if !HOLIDAY_LOWER_RE.is_match(&text.to_ascii_lowercase()) {
        return;
    }
    for c in HOLIDAY_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let name = &c[1];
        // "Easter week", "the Christmas season", "Thanksgiving weekend": a period named
        // after the day, not the day
        let period = numeral::word_after(text, m.end()).is_some_and(|(ws, _, w)| {
            ws == m.end() + 1
                && matches!(
                    w.as_str(),
                    "week"
                        | "weeks"
                        | "weekend"
                        | "season"
                        | "holiday"
                        | "holidays"
                        | "period"
                        | "break"
                        | "recess"
                        | "vacation"
                        | "festivities"
                )
        });
        if period || (name.len() <= 7 && surname(text, m.start(), m.end())) {
            continue;
        }
        let mut start = m.start();
        let mut end = m.end();
        let mut year = None;
        let mut rel = None;
        if let Some((ws, w)) = numeral::word_before(text, start) {
            if matches!(w.as_str(), "last" | "next" | "this") {
                rel = Some(w);
                start = ws;
            }
        }
        // "Christmas 2019", "Thanksgiving Day, 1999"
        let mut q = end;
        if q < text.len() && text.as_bytes()[q] == b',' {
            q += 1;
        }
        if let Some((e, y)) = year_at(text, numeral::skip_spaces(text, q))
            .filter(|_| q < text.len() && text.as_bytes()[q] == b' ' || q > end)
        {
            year = Some(y);
            end = e;
        }
        let val = match year {
            Some(y) => holiday_dates(name, y).first().copied(),
            None => r.and_then(|r| {
                // the days of the year before, this one and the next, in order
                let days: Vec<NaiveDate> = (r.year() - 1..=r.year() + 1)
                    .flat_map(|y| holiday_dates(name, y))
                    .collect();
                let this = days
                    .iter()
                    .filter(|d| d.year() == r.year())
                    .min_by_key(|d| (**d - r).num_days().abs())
                    .copied();
                let upcoming = days.iter().find(|d| **d >= r).copied()?;
                let recent = days.iter().rev().find(|d| **d <= r).copied()?;
                let t = tense(text, start, end);
                let future = rel.as_deref() == Some("next") || t == Tense::Future;
                Some(match rel.as_deref() {
                    Some("last") => recent,
                    Some("this") => this?,
                    _ if future => upcoming,
                    _ if t == Tense::Past => recent,
                    _ if (upcoming - r).num_days() <= 45 => upcoming,
                    _ => recent,
                })
            }),
        };
        out.push(cand(start, end, val.map(Val::Day), "day", HOLIDAY));
    }
}

/// "Ramadan" as a person's name: "Tariq Ramadan", "Mr. Ramadan", "Ramadan said".
fn surname(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    if !matches!(word, "Ramadan" | "Ramazan" | "Ramzan") {
        return false;
    }
    let title = numeral::word_before(text, start).is_some_and(|(_, w)| {
        matches!(
            w.as_str(),
            "mr." | "mr" | "mrs." | "ms." | "dr." | "sheikh" | "minister" | "president" | "general"
        )
    });
    let says = numeral::word_after(text, end).is_some_and(|(ws, _, w)| {
        ws == end + 1 && matches!(w.as_str(), "said" | "says" | "told" | "added" | "who")
    });
    title || says || capitalised_before(text, start)
}

/// A day of the month alone, "on the 24th", "by the 3rd", "since the 1st": the day of the
/// reference month, or of the month before (after) it when the clause looks back (forward)
/// past it ([`tense`]); a clause without tense looks back. Only after a preposition of
/// time, and not before a noun ("the 21st century", "the 3rd quarter").
pub fn ordinal_day_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    for c in ORDINAL_DAY_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let d: u32 = c[1].parse().unwrap_or(0);
        if !(1..=31).contains(&d) {
            continue;
        }
        let prep = numeral::word_before(text, m.start()).is_some_and(|(_, w)| {
            matches!(
                w.as_str(),
                "on" | "by"
                    | "until"
                    | "till"
                    | "since"
                    | "from"
                    | "before"
                    | "after"
                    | "to"
                    | "for"
            )
        });
        if !prep {
            continue;
        }
        // a noun after it: "the 21st century", "the 3rd quarter", "the 5th floor"
        let noun = noun_after(text, m.end());
        if noun || text[m.end()..].starts_with('-') {
            continue;
        }
        let t = tense(text, m.start(), m.end());
        let val = r.and_then(|r| {
            let step = match t {
                Tense::Future if d < r.day() => 1,
                Tense::Future => 0,
                _ if d <= r.day() => 0,
                _ => -1,
            };
            let (y, mo) = add_months(r.year(), r.month(), step);
            NaiveDate::from_ymd_opt(y, mo, d).map(Val::Day)
        });
        if r.is_some() && val.is_none() {
            continue; // "the 31st" of a 30-day month
        }
        out.push(cand(m.start(), m.end(), val, "day", ORDINAL_DAY));
    }
}
