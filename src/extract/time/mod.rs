//! DATE: calendar expressions normalised to TIMEX3 values by grain, Duckling style
//! (`Duckling/Time/`: types, helpers, one rule file per language).
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
//! regexes stay small and fast. Each rule has a name ([`RULES`]) that its candidates
//! carry to `Found::rule` (`extract --explain`). Overlapping candidates: the longest
//! wins; then two merge steps join a weekday and the day after it ("Friday, March 12")
//! and read "the week of" a day.
//!
//! Layout: `types` (values, candidates), `calendar` (calendar arithmetic and the
//! nearest-year resolution), `guards` (context checks), `tense` (whether the clause of a
//! date without a year looks back or forward), the rules of each language
//! (`en/`, `de`, `zh`); the examples are `corpus/{en,de,zh}.tsv` beside this file.

mod calendar;
mod de;
mod en;
mod guards;
mod hijri;
mod lunar;
mod order;
mod tense;
mod types;
mod zh;

use super::span::keep_longest;
use super::{Context, Found, Kind};
use chrono::{Datelike, NaiveDate, Weekday};
use en::relative::WEEKDAY_RE;
use en::{absolute, forms, relative};
use types::{cand, Cand, Val};

/// The merge step "Friday, March 12": a weekday and the day after it.
pub const WEEKDAY_DATE: &str = "time.weekday_date";
/// The merge step "the week of March 6": the ISO week of that day.
pub const WEEK_OF: &str = "time.week_of";

/// The name of every rule, in the order they run, then the merge steps.
pub const RULES: &[&str] = &[
    absolute::MONTH_DAY,
    absolute::MONTH,
    absolute::YEAR,
    absolute::ISO,
    absolute::NUMERIC_DAY,
    absolute::QUARTER,
    absolute::HALF,
    absolute::QUARTER_CODE,
    absolute::HALF_CODE,
    relative::RELATIVE,
    relative::DAY_WORD,
    relative::AGO,
    relative::WEEKDAY,
    absolute::FISCAL,
    relative::HOLIDAY,
    relative::ORDINAL_DAY,
    forms::NTH_WEEKDAY,
    forms::WEEKDAY_THE_NTH,
    forms::IN_UNITS,
    zh::DATE,
    zh::RELATIVE,
    de::MONTH_DAY,
    de::MONTH,
    de::WEEKDAY,
    de::DAY_WORD,
    de::RELATIVE,
    de::QUARTER,
    WEEKDAY_DATE,
    WEEK_OF,
];

/// The DATE extractor of the registry.
pub struct Time;

impl super::Extractor for Time {
    fn name(&self) -> &'static str {
        "time"
    }
    fn applies(&self, _: &Context) -> bool {
        true
    }
    fn find(&self, text: &str, ctx: &Context, out: &mut Vec<Found>) {
        super::width::find_folded(text, out, |t| find(t, ctx));
    }
}

/// Find DATE mentions (byte offsets, sorted by start, disjoint).
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    let r = ctx.reference_date;
    let german = ctx.lang.as_deref() == Some("de");
    let orders = order::Orders::new(ctx, text, absolute::text_order);
    let mut cands: Vec<Cand> = Vec::new();
    absolute::month_rule(text, r, &mut cands);
    absolute::year_rule(text, &mut cands);
    absolute::iso_rule(text, &mut cands);
    absolute::numeric_day_rule(text, &orders, &mut cands);
    absolute::quarter_rule(text, r, &mut cands);
    relative::relative_rule(text, r, &mut cands);
    relative::day_word_rule(text, r, &mut cands);
    relative::ago_rule(text, r, &mut cands);
    forms::in_units_rule(text, r, &mut cands);
    relative::weekday_rule(text, r, &mut cands);
    absolute::fiscal_rule(text, &mut cands);
    relative::holiday_rule(text, r, &mut cands);
    relative::ordinal_day_rule(text, r, &mut cands);
    absolute::month_slash_day_rule(text, r, &orders, &mut cands);
    zh::cjk_rule(text, r, &mut cands);
    if german {
        de::month_rule(text, r, &mut cands);
        de::other_rule(text, r, &mut cands);
    }
    // the one overlap policy: the longest wins (of equal ones the earlier, then the first
    // rule), then in text order
    let mut kept = keep_longest(cands, |c| (c.start, c.end));
    kept.sort_by_key(|c| c.start);
    let merged = merge(text, kept, r);
    merged
        .into_iter()
        .map(|c| Found {
            start: c.start,
            end: c.end,
            kind: Kind::Date {
                value: c.val.map(Val::timex),
                grain: c.grain,
            },
            rule: c.rule,
        })
        .collect()
}

/// The merge steps over disjoint candidates sorted by start: "the week of March 6" is
/// the ISO week of that day ([`WEEK_OF`]); a weekday and a day right after it ("Friday,
/// March 12") are one mention with the day's value ([`WEEKDAY_DATE`]).
fn merge(text: &str, kept: Vec<Cand>, r: Option<NaiveDate>) -> Vec<Cand> {
    let mut merged: Vec<Cand> = Vec::with_capacity(kept.len());
    for c in kept {
        if let (Some(Val::Day(d)), true) = (c.val, c.grain == "day") {
            let head = &text[..c.start];
            if head.ends_with("week of ") {
                let s = en::start_with_the(text, c.start - "week of ".len());
                if merged.last().is_none_or(|p| p.end <= s) {
                    merged.push(cand(s, c.end, Some(calendar::week_of(d)), "week", WEEK_OF));
                    continue;
                }
            }
        }
        // "Wed, Feb 13", "Fri. March 12": a weekday abbreviation before a day
        if c.grain == "day" && !WEEKDAY_RE.is_match(&text[c.start..c.end]) {
            if let Some((s, wd)) = weekday_abbrev_before(text, c.start) {
                if merged.last().is_none_or(|p| p.end <= s) {
                    merged.push(Cand {
                        start: s,
                        rule: WEEKDAY_DATE,
                        val: fit_weekday(text, &c, wd, r),
                        ..c
                    });
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
                let wd = text[prev.start..prev.end]
                    .rsplit(' ')
                    .next()
                    .and_then(|w| w.parse::<Weekday>().ok());
                prev.end = c.end;
                prev.val = match wd {
                    Some(wd) => fit_weekday(text, &c, wd, r),
                    None => c.val,
                };
                prev.rule = WEEKDAY_DATE;
                continue;
            }
        }
        merged.push(c);
    }
    merged
}

/// The value of day `c` written after weekday `wd` ("Monday, Oct. 26"): a day written
/// without a year is in the year, of the one chosen and the two around it, where it is
/// that weekday (the nearest to the reference date of those that fit); a year written
/// stays.
fn fit_weekday(text: &str, c: &Cand, wd: Weekday, r: Option<NaiveDate>) -> Option<Val> {
    let Some(Val::Day(d)) = c.val else {
        return c.val;
    };
    let span = &text.as_bytes()[c.start..c.end];
    let year_written = span.windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    if year_written || d.weekday() == wd {
        return c.val;
    }
    let near = r.unwrap_or(d);
    [d.year() - 1, d.year() + 1, d.year() - 2, d.year() + 2]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, d.month(), d.day()))
        .filter(|x| x.weekday() == wd && (*x - near).num_days().abs() <= 400)
        .min_by_key(|x| (*x - near).num_days().abs())
        .map(Val::Day)
        .or(c.val)
}

/// The start of a weekday abbreviation ("Wed", "Thurs.", "SAT") written with a comma or a
/// dot and a space right before `start`, and its weekday.
fn weekday_abbrev_before(text: &str, start: usize) -> Option<(usize, Weekday)> {
    let head = text[..start].strip_suffix(' ')?;
    let head = head.strip_suffix([',', '.'])?;
    let b = head.as_bytes();
    let mut k = b.len();
    while k > 0 && b[k - 1].is_ascii_alphabetic() && b.len() - k < 6 {
        k -= 1;
    }
    if k == b.len() || (k > 0 && (b[k - 1].is_ascii_alphanumeric() || b[k - 1] >= 0x80)) {
        return None;
    }
    let w = head[k..].to_ascii_lowercase();
    let wd = match w.as_str() {
        "mon" => Weekday::Mon,
        "tue" | "tues" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" | "thur" | "thurs" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    };
    head.as_bytes()[k].is_ascii_uppercase().then_some((k, wd))
}

// What the example tables (`corpus/{en,de,zh}.tsv`, run by `extract::corpus`) cannot
// say: that every rule has a name listed in `RULES`, and that each one is seen at work
// on some table row.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::corpus::{row_context, rows};
    use std::collections::BTreeSet;

    const TABLES: [(&str, &str); 3] = [
        ("en", include_str!("corpus/en.tsv")),
        ("de", include_str!("corpus/de.tsv")),
        ("zh", include_str!("corpus/zh.tsv")),
    ];

    /// The rules behind the mentions of every passing table row.
    fn rules_on_table_rows() -> BTreeSet<&'static str> {
        let mut seen = BTreeSet::new();
        for (lang, table) in TABLES {
            for row in rows(table).iter().filter(|r| r.xfail.is_none()) {
                let ctx = row_context(row.cols.get(1).map(String::as_str), lang)
                    .unwrap_or_else(|e| panic!("{lang}.tsv:{}: {e}", row.line));
                for f in find(&row.cols[0], &ctx) {
                    assert!(
                        RULES.contains(&f.rule),
                        "{lang}.tsv:{}: rule {:?} is not in RULES",
                        row.line,
                        f.rule
                    );
                    seen.insert(f.rule);
                }
            }
        }
        seen
    }

    #[test]
    fn every_rule_is_seen_on_a_table_row() {
        let seen = rules_on_table_rows();
        let unseen: Vec<&str> = RULES
            .iter()
            .copied()
            .filter(|r| !seen.contains(r))
            .collect();
        assert!(unseen.is_empty(), "rules on no table row: {unseen:?}");
    }

    #[test]
    fn rule_names_are_distinct_and_name_the_dimension() {
        let distinct: BTreeSet<&str> = RULES.iter().copied().collect();
        assert_eq!(distinct.len(), RULES.len(), "{RULES:?}");
        for r in RULES {
            assert!(r.starts_with("time."), "{r}");
        }
    }
}
