//! Periods of facts: TIMEX values of the span a figure is for, resolved against the
//! published date. Calendar quarters (`1987-Q3`), halves (`2019-H1`), years (`1986`),
//! fiscal spans off the calendar as month intervals (`1987-03/1987-05`), days for points
//! in time. Everything here is arithmetic on (year, month); no text is read but the
//! short period phrases of newswire tables ("3rd qtr", "Nine mths", "Year").

use chrono::{Datelike, NaiveDate};

/// A span of months ending at `end_month` (1–12): a quarter is 3, a half 6, a year 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub months: u32,
    /// The month the span ends in, when the text says (`qtr ended May 31`).
    pub end_month: Option<u32>,
    /// The quarter's number when written (`3rd qtr`) and no end month is given.
    pub quarter: Option<u32>,
}

/// The latest (year, month) whose last day is before `published` and whose month is `m`.
fn latest_end(published: NaiveDate, m: u32) -> (i32, u32) {
    let y = published.year();
    // a month ends before the published day when it is an earlier month of the year
    if m < published.month() {
        (y, m)
    } else {
        (y - 1, m)
    }
}

/// The TIMEX value of a span ending at (year, month) lasting `months`.
pub fn span_value(y: i32, end: u32, months: u32) -> String {
    let cal_q = end.is_multiple_of(3);
    match months {
        12 if end == 12 => format!("{y}"),
        3 if cal_q => format!("{y}-Q{}", end / 3),
        6 if end == 6 => format!("{y}-H1"),
        6 if end == 12 => format!("{y}-H2"),
        1 => format!("{y}-{end:02}"),
        n => {
            // start month: end - n + 1, wrapping into the previous year
            let total = y * 12 + end as i32 - 1 - (n as i32 - 1);
            let (sy, sm) = (total.div_euclid(12), total.rem_euclid(12) + 1);
            format!("{sy}-{sm:02}/{y}-{end:02}")
        }
    }
}

/// Resolve a table span against the published date. `block_end` is the end month the
/// table's first block gave (a quarter's number or its stated end), used by later blocks
/// ("Nine mths" after "3rd qtr" ends in September).
pub fn resolve(span: Span, block_end: Option<u32>, published: NaiveDate) -> Option<String> {
    let end = match (span.end_month, span.quarter, block_end) {
        (Some(m), _, _) => m,
        (None, Some(q), _) if span.months == 3 => q * 3,
        (None, _, Some(m)) => m,
        (None, Some(q), None) => q * 3,
        (None, None, None) if span.months == 12 => 12,
        _ => return None,
    };
    let (y, m) = latest_end(published, end);
    Some(span_value(y, m, span.months))
}

/// Shift every year of a TIMEX value by `d` (`1987-Q3` → `1986-Q3`,
/// `1986-09/1987-05` → `1985-09/1986-05`); `None` when it holds no year.
pub fn shift_years(v: &str, d: i32) -> Option<String> {
    let b = v.as_bytes();
    let mut out = String::with_capacity(v.len());
    let mut i = 0;
    let mut any = false;
    while i < b.len() {
        let at_year = i + 4 <= b.len()
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if at_year {
            let y: i32 = v[i..i + 4].parse().ok()?;
            out.push_str(&format!("{}", y + d));
            any = true;
            i += 4;
        } else {
            out.push(b[i] as char);
            i += 1;
        }
    }
    any.then_some(out)
}

/// A period phrase of a table header or a title: "3rd qtr", "Fourth quarter",
/// "Nine mths", "Six months", "12 mths", "Year", "1st qtr ends Jan 31",
/// "3RD QTR MAY 31". `words` are the phrase's lowercased words.
pub fn table_span(words: &[&str]) -> Option<Span> {
    let mut it = words.iter().copied().peekable();
    let first = it.next()?;
    let mut span = match first {
        "year" | "yr" | "fiscal" | "annual" => Span {
            months: 12,
            end_month: None,
            quarter: None,
        },
        "qtr" | "quarter" => Span {
            months: 3,
            end_month: None,
            quarter: None,
        },
        w => {
            if let Some(q) = ordinal(w) {
                let next = it.next()?;
                if !matches!(next, "qtr" | "quarter" | "qtrs" | "quarters") {
                    return None;
                }
                Span {
                    months: 3,
                    end_month: None,
                    quarter: Some(q),
                }
            } else {
                let n = count(w)?;
                let next = it.next()?;
                match next {
                    "mths" | "months" | "mth" | "month" | "mos" => Span {
                        months: n,
                        end_month: None,
                        quarter: None,
                    },
                    "weeks" | "wks" if n == 52 || n == 53 => Span {
                        months: 12,
                        end_month: None,
                        quarter: None,
                    },
                    _ => return None,
                }
            }
        }
    };
    if first == "fiscal" {
        // "fiscal year", "fiscal 1986" (the caller reads the year)
        if let Some(&w) = it.peek() {
            if w == "year" || w == "yr" {
                it.next();
            }
        }
    }
    if !(1..=12).contains(&span.months) {
        return None;
    }
    // an end month: "ended May 31", "ends Jan 31", "to March 31", "May 31"
    for w in it {
        if let Some(m) = month_word(w) {
            span.end_month = Some(m);
            span.quarter = None;
            break;
        }
    }
    Some(span)
}

/// A whole month name or its abbreviation (`may`, `sept`, `jan`, `january`), lowercased.
pub fn month_word(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    crate::day::MONTHS
        .iter()
        .position(|(name, abbr)| {
            name.eq_ignore_ascii_case(w) || abbr.iter().any(|a| a.eq_ignore_ascii_case(w))
        })
        .map(|i| i as u32 + 1)
}

fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "1st" | "first" => 1,
        "2nd" | "second" => 2,
        "3rd" | "third" => 3,
        "4th" | "fourth" => 4,
        _ => return None,
    })
}

fn count(w: &str) -> Option<u32> {
    Some(match w {
        "3" | "three" => 3,
        "6" | "six" => 6,
        "9" | "nine" => 9,
        "12" | "twelve" => 12,
        "52" => 52,
        "53" => 53,
        _ => return None,
    })
}

/// A DATE value read as the period of a fiscal span the words before it name:
/// "year ended December 31, 2020" → `2020`, "quarter ended Sept 30, 1987" → `1987-Q3`,
/// "nine months ended May 31, 1987" → `1986-09/1987-05`; other values are kept.
pub fn ended(value: &str, months: Option<u32>) -> String {
    let Some(n) = months else {
        return value.to_string();
    };
    let b = value.as_bytes();
    if b.len() >= 7 && b[4] == b'-' && b[5].is_ascii_digit() && b[6].is_ascii_digit() {
        if let (Ok(y), Ok(m)) = (value[..4].parse::<i32>(), value[5..7].parse::<u32>()) {
            if (1..=12).contains(&m) {
                return span_value(y, m, n);
            }
        }
    }
    value.to_string()
}

/// The published day as a TIMEX value (points in time "now", "current").
pub fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn span(s: &str) -> Option<Span> {
        let w: Vec<String> = s.split_whitespace().map(|w| w.to_lowercase()).collect();
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        table_span(&w)
    }

    #[test]
    fn table_headers_resolve_against_the_published_date() {
        let cases = [
            ("3rd qtr", None, "1987-10-19", Some("1987-Q3")),
            ("4th qtr", None, "1987-03-11", Some("1986-Q4")),
            ("Nine mths", Some(9), "1987-10-19", Some("1987-01/1987-09")),
            ("Year", Some(12), "1987-03-13", Some("1986")),
            ("12 mths", Some(12), "1987-03-11", Some("1986")),
            (
                "3rd qtr may 31",
                None,
                "1987-06-18",
                Some("1987-03/1987-05"),
            ),
            ("Nine mths", Some(5), "1987-06-18", Some("1986-09/1987-05")),
            (
                "1st qtr ends jan 31",
                None,
                "1987-03-17",
                Some("1986-11/1987-01"),
            ),
            ("1st qtr", None, "1987-04-13", Some("1987-Q1")),
            ("Six mths", Some(6), "1987-08-01", Some("1987-H1")),
            ("Year", Some(10), "1987-01-05", Some("1985-11/1986-10")),
            ("Year", None, "1987-02-01", Some("1986")),
        ];
        for (s, block, p, want) in cases {
            let got = span(s).and_then(|sp| resolve(sp, block, d(p)));
            assert_eq!(got.as_deref(), want, "{s} {p}");
        }
        assert_eq!(span("Shr"), None);
        assert_eq!(span("nine cts"), None);
    }

    #[test]
    fn years_shift() {
        assert_eq!(shift_years("1987-Q3", -1).as_deref(), Some("1986-Q3"));
        assert_eq!(
            shift_years("1986-09/1987-05", -1).as_deref(),
            Some("1985-09/1986-05")
        );
        assert_eq!(shift_years("2019", 1).as_deref(), Some("2020"));
        assert_eq!(shift_years("PRESENT_REF", 1), None);
    }

    #[test]
    fn ended_spans() {
        assert_eq!(ended("2020-12-31", Some(12)), "2020");
        assert_eq!(ended("1987-09-30", Some(3)), "1987-Q3");
        assert_eq!(ended("1987-05-31", Some(9)), "1986-09/1987-05");
        assert_eq!(ended("1987-05-31", None), "1987-05-31");
    }
}
