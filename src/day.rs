//! Calendar days read from strings, in one place: the published dates of dumps
//! ([`parse_published`]), a strict `YYYY-MM-DD` ([`parse_ymd`]: `--reference-date`, the
//! reference column of the example tables), the `--from` / `--to` bounds of a search
//! ([`bound`]), the date a web page states ([`page_date`]), and the one table of English
//! month names ([`MONTHS`], [`month_by_prefix`]) that the DATE rules, the page reader and
//! the byline reader share.
//!
//! A base module: it imports nothing of the crate, so the readers, the pipeline, the
//! index, the binary and the tools all parse a day the same way.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// English month names, January first, each with the abbreviations news text writes
/// ("Sept" as well as "Sep"; "May", "June" and "July" are written out).
pub const MONTHS: [(&str, &[&str]); 12] = [
    ("January", &["Jan"]),
    ("February", &["Feb"]),
    ("March", &["Mar"]),
    ("April", &["Apr"]),
    ("May", &[]),
    ("June", &["Jun"]),
    ("July", &["Jul"]),
    ("August", &["Aug"]),
    ("September", &["Sept", "Sep"]),
    ("October", &["Oct"]),
    ("November", &["Nov"]),
    ("December", &["Dec"]),
];

/// The month (1–12) whose name starts like `word`: its first three letters, in any
/// case ("Sept." and "SEPTEMBER" are 9; so is "Septic": callers match whole names).
pub fn month_by_prefix(word: &str) -> Option<u32> {
    let head = word.as_bytes().get(..3)?;
    MONTHS
        .iter()
        .position(|(name, _)| name.as_bytes()[..3].eq_ignore_ascii_case(head))
        .map(|i| i as u32 + 1)
}

/// The day of a published date in the formats dumps use: `2020-08-20`,
/// `2020-08-20T10:00:00Z` (and other RFC 3339), `2020/08/20`, `20 Aug 2020`,
/// `Aug 20, 2020`, `20200820`, RFC 2822. A time of day and a zone are ignored: the day
/// is the one written.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() >= 10 {
        if let Some(head) = s.get(..10) {
            for fmt in ["%Y-%m-%d", "%Y/%m/%d"] {
                if let Ok(d) = NaiveDate::parse_from_str(head, fmt) {
                    return Some(d);
                }
            }
        }
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    for fmt in [
        "%d %B %Y",
        "%d %b %Y",
        "%B %d, %Y",
        "%b %d, %Y",
        "%b. %d, %Y",
        "%Y%m%d",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    None
}

/// A day written `YYYY-MM-DD` and nothing else.
pub fn parse_ymd(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A `--from` / `--to` bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `end` picks the last day
/// of a year or month, so `--to 2020` includes all of 2020.
pub fn bound(s: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let year = parts.first()?.parse::<i32>().ok()?;
    match parts.len() {
        1 if end => NaiveDate::from_ymd_opt(year, 12, 31),
        1 => NaiveDate::from_ymd_opt(year, 1, 1),
        2 => {
            let m = num(1)?;
            let first = NaiveDate::from_ymd_opt(year, m, 1)?;
            if end {
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(year, m + 1, 1)?
                };
                next.pred_opt()
            } else {
                Some(first)
            }
        }
        3 => NaiveDate::from_ymd_opt(year, num(1)?, num(2)?),
        _ => None,
    }
}

/// The days a TIMEX period value of a fact spans, first and last included: `2019`,
/// `2019-Q4`, `2019-H1`, `2020-06`, `2020-W07` (ISO week), `2020-06-18`, and a span of
/// two of these `1987-03/1987-05` (from the first day of the one to the last of the
/// other). `None` for anything else (a period that cannot be placed on the calendar).
pub fn period_span(timex: &str) -> Option<(NaiveDate, NaiveDate)> {
    let t = timex.trim();
    if let Some((a, b)) = t.split_once('/') {
        let (lo, _) = period_span(a)?;
        let (_, hi) = period_span(b)?;
        return (lo <= hi).then_some((lo, hi));
    }
    let (year, rest) = match t.split_once('-') {
        Some((y, r)) => (y, Some(r)),
        None => (t, None),
    };
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = year.parse().ok()?;
    let months = |first: u32, last: u32| -> Option<(NaiveDate, NaiveDate)> {
        let lo = NaiveDate::from_ymd_opt(y, first, 1)?;
        let hi = bound(&format!("{y:04}-{last:02}"), true)?;
        Some((lo, hi))
    };
    let Some(rest) = rest else {
        return months(1, 12);
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(q) = rest.strip_prefix('Q').filter(|q| digits(q)) {
        let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        return months(3 * q - 2, 3 * q);
    }
    if let Some(h) = rest.strip_prefix('H').filter(|h| digits(h)) {
        let h: u32 = h.parse().ok().filter(|h| (1..=2).contains(h))?;
        return months(6 * h - 5, 6 * h);
    }
    if let Some(w) = rest.strip_prefix('W').filter(|w| digits(w)) {
        let w: u32 = w.parse().ok()?;
        let lo = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
        let hi = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Sun)?;
        return Some((lo, hi));
    }
    match rest.split_once('-') {
        None if digits(rest) && rest.len() == 2 => {
            let m: u32 = rest.parse().ok()?;
            months(m, m)
        }
        Some((m, d)) if digits(m) && digits(d) && m.len() == 2 && d.len() == 2 => {
            let day = NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)?;
            Some((day, day))
        }
        _ => None,
    }
}

static YMD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})").expect("regex"));

static DMY_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b")
        .expect("regex")
});
static MDY_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .expect("regex")
});

/// The day a web page states (meta tags, JSON-LD, `<time>`), as `YYYY-MM-DD`: from an
/// ISO-like date string (at its start), or from an English textual
/// date anywhere in it ("19 Nov 2019 07:09 GMT", "Nov 20, 2019", "November 18th, 2019").
pub fn page_date(s: &str) -> Option<String> {
    let s = s.trim();
    let (y, m, d): (u32, u32, u32) = match YMD.captures(s) {
        Some(c) if c.get(0)?.start() == 0 => {
            (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
        }
        _ => {
            if let Some(c) = DMY_TEXT.captures(s) {
                (
                    c[3].parse().ok()?,
                    month_by_prefix(&c[2]).unwrap_or(0),
                    c[1].parse().ok()?,
                )
            } else {
                let c = MDY_TEXT.captures(s)?;
                (
                    c[3].parse().ok()?,
                    month_by_prefix(&c[1]).unwrap_or(0),
                    c[2].parse().ok()?,
                )
            }
        }
    };
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn fact_periods_span_their_days() {
        let span = |s: &str| period_span(s);
        assert_eq!(
            span("2019"),
            Some((d(2019, 1, 1).unwrap(), d(2019, 12, 31).unwrap()))
        );
        assert_eq!(
            span("2019-Q4"),
            Some((d(2019, 10, 1).unwrap(), d(2019, 12, 31).unwrap()))
        );
        assert_eq!(
            span("2020-Q1"),
            Some((d(2020, 1, 1).unwrap(), d(2020, 3, 31).unwrap()))
        );
        assert_eq!(
            span("2019-H1"),
            Some((d(2019, 1, 1).unwrap(), d(2019, 6, 30).unwrap()))
        );
        assert_eq!(
            span("2020-02"),
            Some((d(2020, 2, 1).unwrap(), d(2020, 2, 29).unwrap()))
        );
        assert_eq!(
            span("2020-06-18"),
            Some((d(2020, 6, 18).unwrap(), d(2020, 6, 18).unwrap()))
        );
        assert_eq!(
            span("2020-W07"),
            Some((d(2020, 2, 10).unwrap(), d(2020, 2, 16).unwrap()))
        );
        assert_eq!(
            span("1987-03/1987-05"),
            Some((d(1987, 3, 1).unwrap(), d(1987, 5, 31).unwrap()))
        );
        for bad in [
            "",
            "19",
            "2019-Q5",
            "2019-H3",
            "2019-13",
            "2019-02-30",
            "FY2019",
            "2019-05/2019-03",
            "x/y",
            "2019-Q",
        ] {
            assert_eq!(span(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn published_dates() {
        assert_eq!(parse_published("2020-08-20"), d(2020, 8, 20));
        assert_eq!(parse_published(" 1987-02-26T15:01:01Z"), d(1987, 2, 26));
        assert_eq!(parse_published("2020/08/20 10:00"), d(2020, 8, 20));
        assert_eq!(
            parse_published("Thu, 20 Aug 2020 10:00:00 +0000"),
            d(2020, 8, 20)
        );
        assert_eq!(parse_published("20 August 2020"), d(2020, 8, 20));
        assert_eq!(parse_published("Aug 20, 2020"), d(2020, 8, 20));
        assert_eq!(parse_published("Aug. 20, 2020"), d(2020, 8, 20));
        assert_eq!(parse_published("20200820"), d(2020, 8, 20));
        assert_eq!(parse_published("2020-02-30"), None);
        assert_eq!(parse_published("yesterday"), None);
    }

    #[test]
    fn strict_days() {
        assert_eq!(parse_ymd("2020-08-20"), d(2020, 8, 20));
        assert_eq!(parse_ymd("2020-08-20T10:00"), None);
        assert_eq!(parse_ymd("20 Aug 2020"), None);
    }

    #[test]
    fn search_bounds() {
        assert_eq!(bound("2020", false), d(2020, 1, 1));
        assert_eq!(bound("2020", true), d(2020, 12, 31));
        assert_eq!(bound("2020-02", true), d(2020, 2, 29));
        assert_eq!(bound("2020-12", true), d(2020, 12, 31));
        assert_eq!(bound("2020-03-12", true), d(2020, 3, 12));
        assert_eq!(bound("2020-13", false), None);
        assert_eq!(bound("last week", false), None);
    }

    #[test]
    fn months_by_their_first_letters() {
        assert_eq!(month_by_prefix("January"), Some(1));
        assert_eq!(month_by_prefix("sept."), Some(9));
        assert_eq!(month_by_prefix("DEC"), Some(12));
        assert_eq!(month_by_prefix("Ma"), None);
        assert_eq!(month_by_prefix("Monday"), None);
        for (i, (name, abbrevs)) in MONTHS.iter().enumerate() {
            for w in std::iter::once(name).chain(abbrevs.iter()) {
                assert_eq!(month_by_prefix(w), Some(i as u32 + 1), "{w}");
            }
        }
    }
}
