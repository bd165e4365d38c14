//! Calendar arithmetic of the DATE rules: quarters, ISO weeks, month and quarter steps,
//! the n-th weekday of a month, the dates of holidays, and the year a date written
//! without one most likely means (the nearest-year resolution).

use super::types::Val;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

pub fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// The ISO week of a day.
pub fn week_of(d: NaiveDate) -> Val {
    let w = d.iso_week();
    Val::Week(w.year(), w.week())
}

/// Month `m` of year `y` moved by `delta` months.
pub fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// Quarter `q` of year `y` moved by `delta` quarters.
pub fn add_quarters(y: i32, q: u32, delta: i32) -> (i32, u32) {
    let idx = y * 4 + (q as i32 - 1) + delta;
    (idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u32)
}

/// The year of month `m` without a year: news mostly looks back, so the most recent
/// such month, unless it is next month.
pub fn recent_year_for_month(r: NaiveDate, m: u32) -> i32 {
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
pub fn recent_year_for_day(r: NaiveDate, m: u32, d: u32) -> i32 {
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
pub fn closest_year_for_quarter(r: NaiveDate, q: u32) -> i32 {
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

/// The value of month `month` (with `day` if given) against reference `r`: in `year`,
/// else `rel_year` years from the reference's ("March 12, this year"), else the year a
/// relative word picks ("last", "past", "next", "coming", "this"; "behind" and "ahead"
/// for the tense of the clause: the most recent one, the coming one; "recent" for a day
/// in a past clause: this year's unless it is more than three months ahead), else the nearest
/// year ([`recent_year_for_day`], [`recent_year_for_month`]). `None` for an invalid day
/// or when a year is needed and there is no reference.
pub fn resolve_month_day(
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
                // a day of the month in a past clause: this year's, unless that is more
                // than three months ahead (then last year's); a day just ahead is a
                // schedule the past cue is not about
                Some("recent") => {
                    match day.and_then(|d| NaiveDate::from_ymd_opt(r.year(), month, d)) {
                        Some(t) if (t - r).num_days() > 92 => here.0 - 1,
                        _ => here.0,
                    }
                }
                // the clause's tense: the most recent one up to the reference day, or
                // the first one from it on
                Some("behind") => {
                    if month < here.1 || (month == here.1 && day.is_none_or(|d| d <= r.day())) {
                        here.0
                    } else {
                        here.0 - 1
                    }
                }
                Some("ahead") => {
                    if month > here.1 || (month == here.1 && day.is_none_or(|d| d >= r.day())) {
                        here.0
                    } else {
                        here.0 + 1
                    }
                }
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

/// A two-digit year: `'98` is 1998, `'19` 2019 (below 50: this century).
pub fn two_digit_year(s: &str) -> Option<i32> {
    let v: i32 = s.parse().ok()?;
    Some(if v < 50 { 2000 + v } else { 1900 + v })
}

/// The `n`-th `wd` of a month (n = 1..5), or the last one with n = 0.
pub fn nth_weekday(y: i32, m: u32, wd: Weekday, n: u32) -> Option<NaiveDate> {
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

/// Easter Sunday of year `y` (the Gregorian computus, Meeus/Jones/Butcher).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// The day of the Chinese (lunar) New Year of year `y` (1900-2099, from the table).
pub fn lunar_new_year(y: i32) -> Option<NaiveDate> {
    let i = usize::try_from(y - super::lunar::FIRST_YEAR).ok()?;
    let (m, d) = *super::lunar::NEW_YEAR.get(i)?;
    NaiveDate::from_ymd_opt(y, m.into(), d.into())
}

/// An Islamic feast of the Hijri tables, by its name in lower case: the start of Ramadan,
/// Eid al-Fitr, Eid al-Adha, in the spellings news uses ("Eid ul-Fitr", "Hari Raya Puasa",
/// "Lebaran", "Bakrid").
fn hijri_feast(n: &str) -> Option<&'static [(u16, u8, u8)]> {
    let n = n.replace(['-', ' '], "");
    Some(match n.as_str() {
        "ramadan" | "ramazan" | "ramzan" => super::hijri::RAMADAN,
        "eidalfitr" | "eidulfitr" | "idalfitr" | "eidelfitr" | "harirayapuasa"
        | "harirayaaidilfitri" | "lebaran" => super::hijri::EID_AL_FITR,
        "eidaladha" | "eiduladha" | "idaladha" | "eideladha" | "eidulazha" | "harirayahaji"
        | "bakrid" | "bakrieid" => super::hijri::EID_AL_ADHA,
        _ => return None,
    })
}

/// The days of a holiday in year `y`, by its name in any case, in order: one for most;
/// a Hijri feast falls 11 days earlier each year, so a Gregorian year may have two ("Eid
/// al-Adha" in 2006: January 10 and December 31) or none.
pub fn holiday_dates(name: &str, y: i32) -> Vec<NaiveDate> {
    let n = name.replace('’', "'").to_ascii_lowercase();
    match hijri_feast(&n) {
        Some(table) => table
            .iter()
            .filter(|(gy, _, _)| i32::from(*gy) == y)
            .filter_map(|&(gy, m, d)| NaiveDate::from_ymd_opt(gy.into(), m.into(), d.into()))
            .collect(),
        None => fixed_holiday(&n, y).into_iter().collect(),
    }
}

/// The date in year `y` of a holiday that is not a Hijri feast, by its name in lower case
/// (US and Western ones, Easter and the days around it, the lunar New Year).
fn fixed_holiday(n: &str, y: i32) -> Option<NaiveDate> {
    let n = n.replace("  ", " ");
    let ymd = |m, d| NaiveDate::from_ymd_opt(y, m, d);
    let thanksgiving = || nth_weekday(y, 11, Weekday::Thu, 4);
    match n.as_str() {
        s if s.starts_with("thanksgiving") => thanksgiving(),
        "black friday" => thanksgiving().map(|d| d + Duration::days(1)),
        "christmas" | "christmas day" | "xmas" => ymd(12, 25),
        "christmas eve" => ymd(12, 24),
        "new year's day" | "new years day" | "new year's" => ymd(1, 1),
        "new year's eve" | "new years eve" => ymd(12, 31),
        "election day" => nth_weekday(y, 11, Weekday::Mon, 1).map(|d| d + Duration::days(1)),
        "independence day" | "fourth of july" | "july fourth" => ymd(7, 4),
        "labor day" | "labour day" => nth_weekday(y, 9, Weekday::Mon, 1),
        "memorial day" => nth_weekday(y, 5, Weekday::Mon, 0),
        "valentine's day" | "valentines day" => ymd(2, 14),
        "halloween" => ymd(10, 31),
        "boxing day" => ymd(12, 26),
        "veterans day" | "veterans' day" => ymd(11, 11),
        "martin luther king day"
        | "martin luther king jr. day"
        | "martin luther king jr day"
        | "mlk day" => nth_weekday(y, 1, Weekday::Mon, 3),
        "presidents day" | "presidents' day" | "president's day" => {
            nth_weekday(y, 2, Weekday::Mon, 3)
        }
        "columbus day" => nth_weekday(y, 10, Weekday::Mon, 2),
        "mother's day" | "mothers day" => nth_weekday(y, 5, Weekday::Sun, 2),
        "father's day" | "fathers day" => nth_weekday(y, 6, Weekday::Sun, 3),
        "st. patrick's day" | "st patrick's day" | "saint patrick's day" => ymd(3, 17),
        "easter" | "easter sunday" => easter(y),
        "good friday" => easter(y).map(|d| d - Duration::days(2)),
        "easter monday" => easter(y).map(|d| d + Duration::days(1)),
        "lunar new year" | "chinese new year" | "spring festival" => lunar_new_year(y),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generated Hijri tables: in order, one a Hijri year (353 to 356 days apart: the early Umm al-Qura years are irregular), and
    /// Eid al-Fitr 29 or 30 days after the start of Ramadan.
    #[test]
    fn hijri_tables_are_a_year_apart() {
        use super::super::hijri::{EID_AL_ADHA, EID_AL_FITR, RAMADAN};
        let day = |&(y, m, d): &(u16, u8, u8)| {
            NaiveDate::from_ymd_opt(y.into(), m.into(), d.into()).expect("a real day")
        };
        for table in [RAMADAN, EID_AL_FITR, EID_AL_ADHA] {
            assert_eq!(table.len(), RAMADAN.len());
            for w in table.windows(2) {
                let gap = (day(&w[1]) - day(&w[0])).num_days();
                assert!((353..=356).contains(&gap), "{w:?}");
            }
        }
        // (the table's first years, before 1950, have months of 28 and 31 days too)
        for (r, f) in RAMADAN.iter().zip(EID_AL_FITR).filter(|(r, _)| r.0 >= 1950) {
            assert!(
                (29..=30).contains(&(day(f) - day(r)).num_days()),
                "{r:?} {f:?}"
            );
        }
        assert_eq!(
            holiday_dates("Eid al-Adha", 2006),
            [day(&(2006, 1, 10)), day(&(2006, 12, 31))]
        );
        assert!(holiday_dates("Ramadan", 2100).is_empty());
    }
}
