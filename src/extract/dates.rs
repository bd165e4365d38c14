//! DATE: calendar expressions normalised to TIMEX3 values by grain, Duckling style.
//!
//! Absolute forms ("March 12, 2020", "12 March 2020", "2020-03-12", "March 2020",
//! "in 2019", "the fourth quarter of 2019", "Q4 2019", "fiscal 2019") and relative ones
//! ("this year", "last month", "six years ago", "the first quarter", "March 12, this
//! year", "yesterday", "Monday", "next week") resolved against the reference date (the
//! article's published date). Without a reference date a relative expression keeps its
//! span and gets `value: None`.
//!
//! Every rule finds a core with a regex (ASCII word boundaries only, compiled once), then
//! reads its left and right context by hand ("the end of", "last", ", 2019"), so the
//! regexes stay small and fast. Overlapping candidates: the longest wins.

use super::numbers;
use super::{Context, Found, Kind};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use once_cell::sync::Lazy;
use regex::Regex;

/// A resolved calendar value.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Val {
    Year(i32),
    Quarter(i32, u32),
    Month(i32, u32),
    Week(i32, u32),
    Day(NaiveDate),
    /// A half year (TIMEX3 `2019-H2`), grain "half".
    Half(i32, u32),
}

impl Val {
    fn grain(self) -> &'static str {
        match self {
            Val::Year(_) => "year",
            Val::Quarter(..) => "quarter",
            Val::Month(..) => "month",
            Val::Week(..) => "week",
            Val::Day(_) => "day",
            Val::Half(..) => "half",
        }
    }

    fn timex(self) -> String {
        match self {
            Val::Year(y) => format!("{y:04}"),
            Val::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Week(y, w) => format!("{y:04}-W{w:02}"),
            Val::Day(d) => d.format("%Y-%m-%d").to_string(),
            Val::Half(y, h) => format!("{y:04}-H{h}"),
        }
    }
}

/// A candidate span: value `None` with a grain when the reference date is missing.
#[derive(Debug, Clone)]
struct Cand {
    start: usize,
    end: usize,
    val: Option<Val>,
    grain: &'static str,
}

fn cand(start: usize, end: usize, val: Option<Val>, grain: &'static str) -> Cand {
    Cand {
        start,
        end,
        val,
        grain: val.map_or(grain, Val::grain),
    }
}

static MONTH_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?-u:\b)(January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?-u:\b)(\.)?",
    )
    .expect("month regex")
});

static YEAR_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?-u:\b)(?:1[89]|20)[0-9][0-9](?-u:\b)").expect("year regex"));

static ISO_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u:\b)((?:1[89]|20)[0-9][0-9])-([01][0-9])-([0-3][0-9])(?-u:\b)")
        .expect("iso regex")
});

static SLASH_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?-u:\b)(?:([0-9]{1,2})([/.-])([0-9]{1,2})[/.-]((?:1[89]|20)[0-9][0-9])|((?:1[89]|20)[0-9][0-9])([/.])([0-9]{1,2})[/.]([0-9]{1,2}))(?-u:\b)",
    )
    .expect("slash regex")
});

static QUARTER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?-u:\b)([Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|[Ll]ast|1st|2nd|3rd|4th)[ -]([Qq]uarter|[Hh]alf)(?-u:\b)",
    )
    .expect("quarter regex")
});

static QN_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?-u:\b)(?:([QH])([1-4])(?:[ /-]?((?:19|20)[0-9][0-9])|'?([0-9][0-9]))?|([1-4])([QH])(?: ?((?:19|20)[0-9][0-9])|'?([0-9][0-9]))?|((?:19|20)[0-9][0-9]) ?([QH])([1-4]))(?-u:\b)",
    )
    .expect("qn regex")
});

static REL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?-u:\b)([Tt]his|[Ll]ast|[Nn]ext|[Pp]revious|[Cc]urrent|[Cc]oming) (year|month|week|quarter)(?-u:\b)",
    )
    .expect("relative regex")
});

static DAYWORD_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u:\b)([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)(?-u:\b)")
        .expect("day word regex")
});

static AGO_RE: Lazy<Regex> = Lazy::new(|| {
    // "two years earlier" / "a year before" are relative to another event: not resolved
    Regex::new(r"(?-u:\b)([A-Za-z]+(?:-[a-z]+)?|[0-9]+) (year|month|week|day)s? (ago)(?-u:\b)")
        .expect("ago regex")
});

static WEEKDAY_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u:\b)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)")
        .expect("weekday regex")
});

static HOLIDAY_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?-u:\b)(Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|New Year['’]s (?:Day|Eve)|Election Day|Independence Day|Fourth of July|Labor Day|Memorial Day|Valentine['’]s Day|Halloween|Boxing Day|Veterans Day)(?-u:\b)",
    )
    .expect("holiday regex")
});

static CJK_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"((?:19|20)[0-9]{2})年(?:([0-9]{1,2})月(?:([0-9]{1,2})[日号])?)?|([0-9]{1,2})月([0-9]{1,2})[日号]|(今年|去年|明年|前年|本月|上个月|上月|下个月|今天|昨天|明天|前天)",
    )
    .expect("cjk date regex")
});

static DE_MONTH_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?-u:\b)(?:([0-9]{1,2})\. ?)?(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?: ((?:19|20)[0-9]{2}))?(?-u:\b)",
    )
    .expect("german month regex")
});

static DE_OTHER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?:(vergangenen|letzten|kommenden|nächsten) )?(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)|(heute|gestern|vorgestern)|(diese[mns]?|laufende[nm]?|vergangene[nm]?|letzte[nm]?|kommende[nm]?|nächste[nm]?) (Jahr|Monat|Woche|Quartal)(?:es|s)?|(Vorjahr)(?:es|s)?|(ersten|zweiten|dritten|vierten|[1-4]\.) Quartal(?:s)?(?: ((?:19|20)[0-9]{2}))?)(?-u:\b)",
    )
    .expect("german date regex")
});

static FISCAL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u:\b)(?:[Ff]iscal(?: [Yy]ear)? ?((?:19|20)[0-9][0-9])|FY ?((?:19|20)[0-9][0-9])|FY ?'?([0-9][0-9]))(?-u:\b)")
        .expect("fiscal regex")
});

fn month_num(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let p = lower.get(..3)?;
    Some(match p {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

fn ordinal_quarter(w: &str) -> Option<u32> {
    Some(match w.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" => 4,
        _ => return None,
    })
}

fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

fn week_of(d: NaiveDate) -> Val {
    let w = d.iso_week();
    Val::Week(w.year(), w.week())
}

fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

fn add_quarters(y: i32, q: u32, delta: i32) -> (i32, u32) {
    let idx = y * 4 + (q as i32 - 1) + delta;
    (idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u32)
}

/// The year of month `m` without a year: news mostly looks back, so the most recent
/// such month, unless it is next month.
fn recent_year_for_month(r: NaiveDate, m: u32) -> i32 {
    let fwd = (m as i32 - r.month() as i32).rem_euclid(12);
    if fwd == 1 {
        add_months(r.year(), r.month(), 1).0
    } else if m <= r.month() {
        r.year()
    } else {
        r.year() - 1
    }
}

/// The year of a month-day without a year: the most recent one, unless the next one is
/// within three months.
fn recent_year_for_day(r: NaiveDate, m: u32, d: u32) -> i32 {
    let this = NaiveDate::from_ymd_opt(r.year(), m, d);
    let next = NaiveDate::from_ymd_opt(r.year() + 1, m, d);
    match this {
        Some(t) if t <= r => {
            // past this year; or early next year if that is close
            match next {
                Some(n) if (n - r).num_days() <= 92 => r.year() + 1,
                _ => r.year(),
            }
        }
        Some(t) if (t - r).num_days() <= 92 => r.year(),
        _ => r.year() - 1,
    }
}

/// The year of quarter `q` closest to the reference quarter (ties go to the past:
/// results are reported after the quarter ends).
fn closest_year_for_quarter(r: NaiveDate, q: u32) -> i32 {
    let here = r.year() * 4 + quarter_of(r) as i32 - 1;
    let mut best = r.year();
    let mut best_d = i32::MAX;
    for y in [r.year() - 1, r.year(), r.year() + 1] {
        let d = (y * 4 + q as i32 - 1 - here).abs();
        if d < best_d || (d == best_d && y < best) {
            best = y;
            best_d = d;
        }
    }
    best
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// Words that often come before a bare month or year used as a date.
fn date_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "of"
            | "by"
            | "until"
            | "till"
            | "from"
            | "to"
            | "through"
            | "during"
            | "before"
            | "after"
            | "early"
            | "mid"
            | "late"
            | "last"
            | "next"
            | "this"
            | "that"
            | "end"
            | "beginning"
            | "between"
            | "and"
            | "or"
            | "for"
            | "on"
            | "at"
            | "as"
            | "each"
            | "every"
            | "throughout"
            | "around"
            | "about"
            | "past"
            | "coming"
            | "within"
            | "start"
            | "middle"
            | "mid-"
            | "end-"
            | "early-"
            | "late-"
    )
}

/// Counted nouns after a 4-digit number that make it a quantity, not a year.
fn quantity_noun(w: &str) -> bool {
    matches!(
        w,
        "shares"
            | "share"
            | "people"
            | "persons"
            | "employees"
            | "workers"
            | "jobs"
            | "units"
            | "tons"
            | "tonnes"
            | "barrels"
            | "cars"
            | "vehicles"
            | "points"
            | "votes"
            | "troops"
            | "soldiers"
            | "students"
            | "members"
            | "customers"
            | "users"
            | "pieces"
            | "items"
            | "copies"
            | "acres"
            | "hectares"
            | "km"
            | "kilometers"
            | "kilometres"
            | "miles"
            | "meters"
            | "metres"
            | "feet"
            | "dollars"
            | "dlrs"
            | "yuan"
            | "euros"
            | "pounds"
            | "yen"
            | "cents"
            | "cts"
            | "percent"
            | "pct"
            | "stores"
            | "homes"
            | "houses"
            | "households"
            | "patients"
            | "cases"
            | "deaths"
            | "residents"
            | "passengers"
            | "companies"
            | "firms"
            | "words"
            | "pages"
            | "mln"
            | "million"
            | "billion"
            | "bln"
            | "thousand"
            | "times"
            | "hours"
            | "minutes"
            | "seconds"
            | "days"
            | "weeks"
            | "months"
            | "years"
            | "children"
            | "women"
            | "men"
            | "families"
            | "tonne"
            | "ton"
            | "kg"
            | "lb"
            | "lbs"
            | "ounces"
            | "oz"
            | "mw"
            | "gw"
            | "kw"
            | "bpd"
            | "ha"
            | "sq"
            | "square"
            | "cubic"
            | "degrees"
            | "rooms"
            | "beds"
            | "flights"
            | "aircraft"
            | "planes"
            | "ships"
            | "vessels"
            | "machines"
            | "lots"
            | "contracts"
            | "outlets"
            | "branches"
            | "banks"
            | "schools"
            | "villages"
            | "delegates"
            | "candidates"
            | "seats"
            | "participants"
            | "visitors"
            | "tourists"
            | "refugees"
            | "prisoners"
            | "victims"
            | "others"
            | "more"
            | "kilograms"
            | "kilogrammes"
            | "grams"
            | "litres"
            | "liters"
            | "gallons"
            | "bushels"
            | "bales"
            | "calories"
            | "yards"
            | "inches"
            | "horsepower"
            | "megawatts"
    )
}

/// A measure glued to a number with a hyphen: "a 2019-page report", "a 2000-strong
/// crowd" (only after a hyphen: "in 2019 member states" is a year).
fn hyphen_measure(w: &str) -> bool {
    quantity_noun(w)
        || matches!(
            w,
            "page"
                | "strong"
                | "member"
                | "seat"
                | "mile"
                | "word"
                | "acre"
                | "room"
                | "bed"
                | "foot"
                | "metre"
                | "meter"
                | "point"
                | "unit"
                | "ton"
                | "tonne"
                | "kilogram"
                | "gram"
                | "pound"
                | "litre"
                | "liter"
                | "gallon"
                | "yard"
                | "inch"
                | "megawatt"
        )
}

/// Numbers-and-names words before a 4-digit number that make it an identifier.
fn identifier_before(w: &str) -> bool {
    matches!(
        w,
        "no" | "no."
            | "number"
            | "page"
            | "pages"
            | "flight"
            | "route"
            | "room"
            | "article"
            | "section"
            | "model"
            | "version"
            | "code"
            | "box"
            | "suite"
            | "highway"
            | "interstate"
            | "resolution"
            | "item"
            | "rule"
            | "form"
            | "chapter"
            | "bill"
            | "act"
            | "about"
            | "some"
            | "nearly"
            | "almost"
            | "than"
            | "over"
            | "only"
            | "just"
            | "least"
            | "total"
            | "totaling"
            | "totalling"
    )
}

/// Is the number at `s..e` part of a larger numeric token (1,2019 / 2019.5 / 555-2019)?
fn numeric_neighbour(b: &[u8], s: usize, e: usize) -> bool {
    if s > 0 {
        let p = b[s - 1];
        if matches!(p, b',' | b'.' | b'-' | b'/' | b':') && s > 1 && b[s - 2].is_ascii_digit() {
            return true;
        }
        if matches!(p, b'$' | b'#' | b'+') {
            return true;
        }
        // "€2019", "£2019"
        if p >= 0x80 && s >= 2 && (b[s - 2] == 0x82 || b[s - 2] == 0xC2) {
            return true;
        }
    }
    if e < b.len() {
        let n = b[e];
        if matches!(n, b',' | b'.' | b':' | b'/') && e + 1 < b.len() && b[e + 1].is_ascii_digit() {
            return true;
        }
        if n == b'%' {
            return true;
        }
        if n == b'-' && e + 1 < b.len() && b[e + 1].is_ascii_digit() {
            // "2019-20" ranges are years; "2019-555" is not
            let mut k = e + 1;
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
            let len = k - e - 1;
            if !(len == 2 || len == 4) {
                return true;
            }
        }
    }
    false
}

/// Extend `start` leftwards over date modifiers ("the end of", "early", "mid-", "late",
/// "the"), returning (new start, relative word "last"/"next"/"this" if any).
fn left_modifiers(text: &str, start: usize) -> (usize, Option<String>) {
    let b = text.as_bytes();
    let mut s = start;
    let mut rel = None;
    // "mid-March", "end-April"
    if s > 0 && b[s - 1] == b'-' {
        if let Some((ws, w)) = numbers::word_before(text, s - 1) {
            if matches!(w.as_str(), "mid" | "end" | "early" | "late") && ws + w.len() == s - 1 {
                s = ws;
            }
        }
    }
    if let Some((ws, w)) = numbers::word_before(text, s) {
        match w.as_str() {
            "last" | "next" | "this" | "coming" | "past" => {
                rel = Some(w.to_string());
                s = ws;
            }
            "early" | "late" | "mid" => {
                s = ws;
            }
            "of" => {
                // "the end of April", "the beginning of 2019", "the middle of May"
                if let Some((ws2, w2)) = numbers::word_before(text, ws) {
                    if matches!(
                        w2.as_str(),
                        "end" | "beginning" | "start" | "middle" | "half" | "part"
                    ) && w2 != "half"
                        && w2 != "part"
                    {
                        s = ws2;
                        if let Some((ws3, w3)) = numbers::word_before(text, ws2) {
                            if matches!(w3.as_str(), "the" | "early" | "late") {
                                s = ws3;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    (s, rel)
}

/// Is the word before `start` a capitalised word (a name like "Theresa May")?
fn capitalised_before(text: &str, start: usize) -> bool {
    let b = text.as_bytes();
    let mut j = start;
    while j > 0 && b[j - 1] == b' ' {
        j -= 1;
    }
    if j == start || j == 0 {
        return false;
    }
    let mut k = j;
    while k > 0 && b[k - 1].is_ascii_alphabetic() {
        k -= 1;
    }
    k < j && b[k].is_ascii_uppercase() && !(k > 0 && b[k - 1] == b'.') && {
        // sentence start: the word before it ends a sentence
        let mut p = k;
        while p > 0 && b[p - 1] == b' ' {
            p -= 1;
        }
        !(p == 0 || matches!(b[p - 1], b'.' | b'!' | b'?' | b'\n' | b'"'))
    }
}

/// Parse "this/last/next year" at `i` (after optional spaces): (end, year offset).
fn rel_year_at(text: &str, i: usize) -> Option<(usize, i32)> {
    let (_, e1, w1) = numbers::word_after(text, i)?;
    let off = match w1.as_str() {
        "this" => 0,
        "last" => -1,
        "next" => 1,
        _ => return None,
    };
    let (_, e2, w2) = numbers::word_after(text, e1)?;
    (w2 == "year").then_some((e2, off))
}

/// A 4-digit year (1800–2099) at `i` exactly, not part of a larger number.
fn year_at(text: &str, i: usize) -> Option<(usize, i32)> {
    let b = text.as_bytes();
    if i + 4 > b.len() || !b[i..i + 4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if i + 4 < b.len() && is_word(b[i + 4]) {
        return None;
    }
    let y: i32 = text[i..i + 4].parse().ok()?;
    (1800..=2099).contains(&y).then_some((i + 4, y))
}

fn month_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    for m0 in MONTH_RE.find_iter(text) {
        // the match is the name and maybe a dot (no capture groups: faster)
        let dotted = m0.as_str().ends_with('.');
        let name = m0.as_str().trim_end_matches('.');
        let name_end = m0.start() + name.len();
        let Some(month) = month_num(name) else {
            continue;
        };
        let abbrev =
            name.len() <= 4 && !matches!(name, "May" | "June" | "July" | "MAY" | "JUNE" | "JULY");
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
                let quantity = numbers::word_after(text, k2)
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
        }
        if year.is_none() {
            // ", 2020" / " 2020" / ", this year" / " of 2020"
            let mut q = p;
            if q < b.len() && b[q] == b',' {
                q += 1;
            }
            let q1 = numbers::skip_spaces(text, q);
            if q1 > q || (q > p && q1 == q) {
                if let Some((e, y)) = year_at(text, q1) {
                    year = Some(y);
                    p = e;
                } else if let Some((e, off)) = rel_year_at(text, q) {
                    // "March 12, this year", "in April next year"
                    rel_year = Some(off);
                    p = e;
                } else if let Some((_, e, w)) = numbers::word_after(text, q1) {
                    if w == "of" && day.is_none() {
                        if let Some((e2, y)) = year_at(text, numbers::skip_spaces(text, e)) {
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
            if let Some((ws, w)) = numbers::word_before(text, j) {
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
            let prev = numbers::word_before(text, start).map(|x| x.1);
            let prep = prev.as_deref().is_some_and(date_preposition)
                || (start > 0 && b[start - 1] == b'-');
            let next_cap = numbers::word_after(text, end)
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
        if rel.is_none() && year.is_none() && rel_year.is_none() && future_context(text, start) {
            // "are expected to join in April": the coming one
            rel = Some("coming".to_string());
        }
        let val = resolve_month_day(r, month, day, year, rel_year, rel.as_deref());
        if day.is_some() && val.is_none() && (year.is_some() || r.is_some()) {
            // invalid day (Feb 30): no mention
            continue;
        }
        let grain = if day.is_some() { "day" } else { "month" };
        out.push(cand(start, end, val, grain));
    }
}

fn resolve_month_day(
    r: Option<NaiveDate>,
    month: u32,
    day: Option<u32>,
    year: Option<i32>,
    rel_year: Option<i32>,
    rel: Option<&str>,
) -> Option<Val> {
    let y = match (year, rel_year) {
        (Some(y), _) => y,
        (None, Some(off)) => r?.year() + off,
        (None, None) => {
            let r = r?;
            let here = (r.year(), r.month());
            match rel {
                Some("last") | Some("past") => {
                    if month < here.1 || (month == here.1 && day.is_some_and(|d| d < r.day())) {
                        here.0
                    } else {
                        here.0 - 1
                    }
                }
                Some("next") | Some("coming") => {
                    let this_year_ok =
                        month > here.1 || (month == here.1 && day.is_some_and(|d| d >= r.day()));
                    if this_year_ok {
                        here.0
                    } else {
                        here.0 + 1
                    }
                }
                Some("this") => here.0,
                _ => {
                    if day.is_some() {
                        recent_year_for_day(r, month, day.unwrap_or(1))
                    } else {
                        recent_year_for_month(r, month)
                    }
                }
            }
        }
    };
    match day {
        Some(d) => NaiveDate::from_ymd_opt(y, month, d).map(Val::Day),
        None => Some(Val::Month(y, month)),
    }
}

fn year_rule(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    for m in YEAR_RE.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if numeric_neighbour(b, s, e) || numbers::in_url(text, s) {
            continue;
        }
        let y: i32 = m.as_str().parse().unwrap_or(0);
        // a quantity: "2019 shares", "1999 people"
        if let Some((ws, _, w)) = numbers::word_after(text, e) {
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
        if let Some((_, w)) = numbers::word_before(text, s) {
            if identifier_before(&w) {
                continue;
            }
        }
        // "1,500" style handled by numeric_neighbour; years far from now in financial text
        // need a date context
        if y < 1900 {
            let prev = numbers::word_before(text, s).map(|x| x.1);
            if !prev.as_deref().is_some_and(date_preposition) {
                continue;
            }
        }
        let (start, _) = left_modifiers(text, s);
        let mut start = start;
        // "the year 2000", "fiscal year" handled by FISCAL_RE
        if let Some((ws, w)) = numbers::word_before(text, start) {
            if w == "year" {
                if let Some((ws2, w2)) = numbers::word_before(text, ws) {
                    if w2 == "the" {
                        start = ws2;
                    }
                }
            }
        }
        out.push(cand(start, e, Some(Val::Year(y)), "year"));
    }
}

fn iso_rule(text: &str, out: &mut Vec<Cand>) {
    for c in ISO_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let y: i32 = c[1].parse().unwrap_or(0);
        let mo: u32 = c[2].parse().unwrap_or(0);
        let d: u32 = c[3].parse().unwrap_or(0);
        if let Some(date) = NaiveDate::from_ymd_opt(y, mo, d) {
            out.push(cand(m.start(), m.end(), Some(Val::Day(date)), "day"));
        }
    }
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
            let (a, bb) = (num(1), num(3));
            // "12/31/2019" US order, "31/12/2019" and "13.5.2015" day first
            let (mo, d) = if a > 12 || (&c[2] == "." && bb <= 12) {
                (bb, a)
            } else {
                (a, bb)
            };
            (num(4) as i32, mo, d)
        } else {
            let e7 = c.get(7).map_or(0, |x| x.end());
            if text.get(e7..e7 + 1) != Some(&c[6]) {
                continue;
            }
            (num(5) as i32, num(7), num(8))
        };
        if let Some(date) = NaiveDate::from_ymd_opt(y, mo, d) {
            out.push(cand(m.start(), m.end(), Some(Val::Day(date)), "day"));
        }
    }
}

fn two_digit_year(s: &str) -> Option<i32> {
    let v: i32 = s.parse().ok()?;
    Some(if v < 50 { 2000 + v } else { 1900 + v })
}

fn quarter_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
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
        if let Some((s1, e1, w1)) = numbers::word_after(text, end) {
            if s1 == end + 1 && w1 == "of" {
                let q = numbers::skip_spaces(text, e1);
                if let Some((e2, y)) = year_at(text, q) {
                    year = Some(y);
                    end = e2;
                } else if let Some((e2, off)) = rel_year_at(text, e1) {
                    year = r.map(|r| r.year() + off);
                    end = e2;
                    if r.is_none() {
                        out.push(cand(start_with_the(text, start), end, None, "quarter"));
                        continue;
                    }
                } else if let Some((_, e2, w2)) = numbers::word_after(text, e1) {
                    if w2 == "fiscal" {
                        if let Some((e3, y)) = year_at(text, numbers::skip_spaces(text, e2)) {
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
            out.push(cand(start, end, val, "half"));
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
        out.push(cand(start, end, val, "quarter"));
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
            let time_word = numbers::word_before(text, m.start()).is_some_and(|(_, w)| {
                matches!(w.as_str(), "in" | "for" | "during" | "of" | "its" | "their")
            });
            if q > 2 || (year.is_none() && !time_word) {
                continue;
            }
            let val = match year {
                Some(y) => Some(Val::Half(y, q)),
                None => r.map(|r| Val::Half(closest_year_for_quarter(r, q + 1), q)),
            };
            out.push(cand(m.start(), m.end(), val, "half"));
            continue;
        }
        let val = match year {
            Some(y) => Some(Val::Quarter(y, q)),
            None => r.map(|r| Val::Quarter(closest_year_for_quarter(r, q), q)),
        };
        out.push(cand(m.start(), m.end(), val, "quarter"));
    }
}

/// Include a "the" right before `start`.
fn start_with_the(text: &str, start: usize) -> usize {
    match numbers::word_before(text, start) {
        Some((ws, w)) if w == "the" => ws,
        _ => start,
    }
}

fn relative_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    for c in REL_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let which = c[1].to_ascii_lowercase();
        let unit = &c[2];
        let mut off = match which.as_str() {
            "this" | "current" => 0,
            "last" | "previous" => -1,
            _ => 1,
        };
        let mut start = start_with_the(text, m.start());
        // "over the last week" is the seven days up to now: this week ("the last week of
        // March" is another thing: skip it)
        if which == "last" && unit == "week" && start < m.start() {
            let of = numbers::word_after(text, m.end()).is_some_and(|(_, _, w)| w == "of");
            if of {
                continue;
            }
            off = 0;
        }
        // "earlier this year", "later this month"
        if let Some((ws, w)) = numbers::word_before(text, start) {
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
        out.push(cand(start, m.end(), val, grain));
    }
    for c in DAYWORD_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let mut off = match c[1].to_ascii_lowercase().as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let mut start = m.start();
        // "the day before yesterday", "the day after tomorrow"
        if let Some((ws, w)) = numbers::word_before(text, start) {
            if (w == "before" && off == -1) || (w == "after" && off == 1) {
                if let Some((ws2, w2)) = numbers::word_before(text, ws) {
                    if w2 == "day" {
                        off *= 2;
                        start = start_with_the(text, ws2);
                    }
                }
            }
        }
        let val = r.map(|r| Val::Day(r + Duration::days(off)));
        out.push(cand(start, m.end(), val, "day"));
    }
    let ago = text.contains(" ago");
    for c in AGO_RE.captures_iter(if ago { text } else { "" }) {
        let m = c.get(0).unwrap();
        let word = &c[1];
        let lw = word.to_ascii_lowercase();
        let n: i64 = if word.as_bytes()[0].is_ascii_digit() {
            match word.parse() {
                Ok(v) => v,
                Err(_) => continue,
            }
        } else if lw == "a" || lw == "an" {
            1
        } else {
            match numbers::parse_words(word, 0) {
                Some((e, v)) if e == word.len() && v.fract() == 0.0 => v as i64,
                _ => continue,
            }
        };
        if n > 200 {
            continue;
        }
        let unit = &c[2];
        let grain = match unit {
            "year" => "year",
            "month" => "month",
            "week" => "week",
            _ => "day",
        };
        let val = r.map(|r| match unit {
            "year" => Val::Year(r.year() - n as i32),
            "month" => {
                let (y, mo) = add_months(r.year(), r.month(), -(n as i32));
                Val::Month(y, mo)
            }
            "week" => week_of(r - Duration::days(7 * n)),
            _ => Val::Day(r - Duration::days(n)),
        });
        out.push(cand(m.start(), m.end(), val, grain));
    }
}

/// Future cues before a weekday in the same sentence: "will meet Friday".
/// Words before a date in the same sentence that point to the future.
const FUTURE_CUE_LIST: &[&str] = &[
    "will ",
    "'ll ",
    "shall ",
    "to be ",
    "scheduled",
    "plans ",
    "planned ",
    "expected to",
    "due to ",
    "going to ",
    "is to ",
    "are to ",
    "set to ",
    "planning ",
    "plan to ",
    "as soon as ",
    "as early as ",
    "postponed ",
    "delayed ",
    "deadline ",
    "next ",
    "until ",
];

static FUTURE_CUES: Lazy<aho_corasick::AhoCorasick> =
    Lazy::new(|| aho_corasick::AhoCorasick::new(FUTURE_CUE_LIST).expect("future cues"));

fn future_context(text: &str, start: usize) -> bool {
    let mut s = start.saturating_sub(80);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    let window = &text[s..start];
    let window = match window.rfind(['.', '!', '?', '\n']) {
        Some(p) => &window[p + 1..],
        None => window,
    };
    let b = window.as_bytes();
    FUTURE_CUES.find_overlapping_iter(window).any(|m| {
        let cue = FUTURE_CUE_LIST[m.pattern().as_usize()];
        let bounded = m.start() == 0 || b[m.start() - 1] == b' ';
        match cue {
            "'ll " | "scheduled" => true,
            // "up until Thursday" looks back
            "until " => bounded && !window[..m.start()].ends_with("up "),
            _ => bounded,
        }
    })
}

fn weekday_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    for c in WEEKDAY_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let wd: Weekday = match c[1].parse() {
            Ok(w) => w,
            Err(_) => continue,
        };
        let mut start = m.start();
        let mut mode = 0; // -1 past, 1 future, 0 guess
        if let Some((ws, w)) = numbers::word_before(text, start) {
            match w.as_str() {
                "last" | "past" => {
                    mode = -1;
                    start = ws;
                }
                "next" | "coming" => {
                    mode = 1;
                    start = ws;
                }
                "this" => {
                    start = ws;
                }
                _ => {}
            }
        }
        // "Good Friday", "Black Monday": names of events
        let event = numbers::word_before(text, m.start()).is_some_and(|(_, w)| {
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
        if mode == 0 {
            // "tomorrow" by name is likelier than six days ago
            let reported = numbers::word_before(text, start).is_some_and(|(_, w)| w == "said");
            let tomorrow = !reported && r.is_some_and(|r| r.weekday().succ() == wd);
            mode = if tomorrow || future_context(text, start) {
                1
            } else {
                -1
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
        out.push(cand(start, m.end(), val, "day"));
    }
}

/// The `n`-th `wd` of a month (n = 1..5), or the last one with n = 0.
fn nth_weekday(y: i32, m: u32, wd: Weekday, n: u32) -> Option<NaiveDate> {
    if n == 0 {
        let (ny, nm) = add_months(y, m, 1);
        let mut d = NaiveDate::from_ymd_opt(ny, nm, 1)? - Duration::days(1);
        while d.weekday() != wd {
            d -= Duration::days(1);
        }
        return Some(d);
    }
    NaiveDate::from_weekday_of_month_opt(y, m, wd, n as u8)
}

/// The date of a (US / Western) holiday in year `y`.
fn holiday_date(name: &str, y: i32) -> Option<NaiveDate> {
    let n = name.replace('’', "'");
    let ymd = |m, d| NaiveDate::from_ymd_opt(y, m, d);
    match n.as_str() {
        s if s.starts_with("Thanksgiving") => nth_weekday(y, 11, Weekday::Thu, 4),
        "Christmas" | "Christmas Day" => ymd(12, 25),
        "Christmas Eve" => ymd(12, 24),
        "New Year's Day" => ymd(1, 1),
        "New Year's Eve" => ymd(12, 31),
        "Election Day" => nth_weekday(y, 11, Weekday::Mon, 1).map(|d| d + Duration::days(1)),
        "Independence Day" | "Fourth of July" => ymd(7, 4),
        "Labor Day" => nth_weekday(y, 9, Weekday::Mon, 1),
        "Memorial Day" => nth_weekday(y, 5, Weekday::Mon, 0),
        "Valentine's Day" => ymd(2, 14),
        "Halloween" => ymd(10, 31),
        "Boxing Day" => ymd(12, 26),
        "Veterans Day" => ymd(11, 11),
        _ => None,
    }
}

fn holiday_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    for c in HOLIDAY_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let name = &c[1];
        let mut start = m.start();
        let mut end = m.end();
        let mut year = None;
        let mut rel = None;
        if let Some((ws, w)) = numbers::word_before(text, start) {
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
        if let Some((e, y)) = year_at(text, numbers::skip_spaces(text, q))
            .filter(|_| q < text.len() && text.as_bytes()[q] == b' ' || q > end)
        {
            year = Some(y);
            end = e;
        }
        let val = match year {
            Some(y) => holiday_date(name, y),
            None => r.and_then(|r| {
                let this = holiday_date(name, r.year())?;
                let prev = holiday_date(name, r.year() - 1)?;
                let next = holiday_date(name, r.year() + 1)?;
                let future = rel.as_deref() == Some("next") || future_context(text, start);
                let upcoming = if this >= r { this } else { next };
                let recent = if this <= r { this } else { prev };
                Some(match rel.as_deref() {
                    Some("last") => recent,
                    Some("this") => this,
                    _ if future || (upcoming - r).num_days() <= 45 => upcoming,
                    _ => recent,
                })
            }),
        };
        out.push(cand(start, end, val.map(Val::Day), "day"));
    }
}

/// Chinese / Japanese dates: "2020年3月12日", "2019年", "3月12日", "去年", "上个月".
fn cjk_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
    if text.is_ascii() || !(text.contains('年') || text.contains('月') || text.contains('天')) {
        return;
    }
    let num = |m: Option<regex::Match>| m.and_then(|x| x.as_str().parse::<u32>().ok());
    for c in CJK_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let (val, grain) = if let Some(y) = num(c.get(1)) {
            let y = y as i32;
            match (num(c.get(2)), num(c.get(3))) {
                (Some(mo), Some(d)) => (NaiveDate::from_ymd_opt(y, mo, d).map(Val::Day), "day"),
                (Some(mo), None) => ((1..=12).contains(&mo).then_some(Val::Month(y, mo)), "month"),
                _ => (Some(Val::Year(y)), "year"),
            }
        } else if let (Some(mo), Some(d)) = (num(c.get(4)), num(c.get(5))) {
            if NaiveDate::from_ymd_opt(2000, mo, d).is_none() {
                continue;
            }
            let v = r.and_then(|r| {
                NaiveDate::from_ymd_opt(recent_year_for_day(r, mo, d), mo, d).map(Val::Day)
            });
            (v, "day")
        } else {
            let w = c.get(6).map_or("", |x| x.as_str());
            let v = r.map(|r| match w {
                "今年" => Val::Year(r.year()),
                "去年" => Val::Year(r.year() - 1),
                "明年" => Val::Year(r.year() + 1),
                "前年" => Val::Year(r.year() - 2),
                "本月" => Val::Month(r.year(), r.month()),
                "上个月" | "上月" => {
                    let (y, mo) = add_months(r.year(), r.month(), -1);
                    Val::Month(y, mo)
                }
                "下个月" => {
                    let (y, mo) = add_months(r.year(), r.month(), 1);
                    Val::Month(y, mo)
                }
                "昨天" => Val::Day(r - Duration::days(1)),
                "明天" => Val::Day(r + Duration::days(1)),
                "前天" => Val::Day(r - Duration::days(2)),
                _ => Val::Day(r),
            });
            let grain = match w {
                "今年" | "去年" | "明年" | "前年" => "year",
                "本月" | "上个月" | "上月" | "下个月" => "month",
                _ => "day",
            };
            (v, grain)
        };
        if grain != "year" && val.is_none() && c.get(1).is_some() {
            continue;
        }
        out.push(cand(m.start(), m.end(), val, grain));
    }
}

/// German dates: "12. März 2020", "im Mai", "am Mittwoch", "gestern", "im vergangenen
/// Jahr", "im dritten Quartal 2019".
fn german_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
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
        let grain = if day.is_some() { "day" } else { "month" };
        out.push(cand(m.start(), m.end(), val, grain));
    }
    for c in DE_OTHER_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
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
        out.push(cand(m.start(), m.end(), val, grain));
    }
}

fn fiscal_rule(text: &str, out: &mut Vec<Cand>) {
    for c in FISCAL_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let y = if let Some(y) = c.get(1).or(c.get(2)) {
            y.as_str().parse().ok()
        } else {
            c.get(3).and_then(|y| two_digit_year(y.as_str()))
        };
        if let Some(y) = y {
            out.push(cand(m.start(), m.end(), Some(Val::Year(y)), "year"));
        }
    }
}

/// Find DATE mentions.
/// The DATE extractor of the registry.
pub struct Dates;

impl super::Extractor for Dates {
    fn name(&self) -> &'static str {
        "time"
    }
    fn applies(&self, _: &Context) -> bool {
        true
    }
    fn find(&self, text: &str, ctx: &Context, out: &mut Vec<Found>) {
        out.extend(find(text, ctx));
    }
}

pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    let r = ctx.reference_date;
    let german = ctx.lang.as_deref() == Some("de");
    let mut cands: Vec<Cand> = Vec::new();
    month_rule(text, r, &mut cands);
    year_rule(text, &mut cands);
    iso_rule(text, &mut cands);
    quarter_rule(text, r, &mut cands);
    relative_rule(text, r, &mut cands);
    weekday_rule(text, r, &mut cands);
    fiscal_rule(text, &mut cands);
    holiday_rule(text, r, &mut cands);
    cjk_rule(text, r, &mut cands);
    if german {
        german_rule(text, r, &mut cands);
    }
    // longest first among overlapping candidates
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
    let mut by_len: Vec<usize> = (0..cands.len()).collect();
    by_len.sort_by_key(|&i| {
        (
            std::cmp::Reverse(cands[i].end - cands[i].start),
            cands[i].start,
        )
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for i in by_len {
        let c = &cands[i];
        if taken.iter().any(|&(s, e)| c.start < e && s < c.end) {
            continue;
        }
        taken.push((c.start, c.end));
        kept.push(c.clone());
    }
    kept.sort_by_key(|c| c.start);
    // "Friday, March 12": one mention with the calendar date
    let mut merged: Vec<Cand> = Vec::with_capacity(kept.len());
    for c in kept {
        // "the week of March 6": the ISO week of that day
        if let (Some(Val::Day(d)), true) = (c.val, c.grain == "day") {
            let head = &text[..c.start];
            if head.ends_with("week of ") {
                let s = start_with_the(text, c.start - "week of ".len());
                if merged.last().is_none_or(|p| p.end <= s) {
                    merged.push(cand(s, c.end, Some(week_of(d)), "week"));
                    continue;
                }
            }
        }
        if let Some(prev) = merged.last_mut() {
            let between = &text[prev.end..c.start];
            let prev_is_weekday = WEEKDAY_RE.is_match(&text[prev.start..prev.end]);
            let weekday_too = WEEKDAY_RE.is_match(&text[c.start..c.end]);
            if prev_is_weekday
                && (between == ", " || between == " ")
                && c.grain == "day"
                && !weekday_too
            {
                prev.end = c.end;
                prev.val = c.val;
                continue;
            }
        }
        merged.push(c);
    }
    merged
        .into_iter()
        .map(|c| Found {
            start: c.start,
            end: c.end,
            kind: Kind::Date {
                value: c.val.map(Val::timex),
                grain: c.grain,
            },
            rule: "time",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
