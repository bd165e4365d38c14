//! Chinese (and Japanese) dates: "2020年3月12日", "3月12日", "去年", "上个月".

use super::calendar::{add_months, recent_year_for_day};
use super::types::{cand, Cand, Val};
use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

/// A year, month or day in digits: "2020年3月12日", "2019年", "3月12日".
pub const DATE: &str = "time.zh.date";
/// A relative word: "去年", "上个月", "昨天".
pub const RELATIVE: &str = "time.zh.relative";

static CJK_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:19|20)[0-9]{2})年(?:([0-9]{1,2})月(?:([0-9]{1,2})[日号])?)?|([0-9]{1,2})月([0-9]{1,2})[日号]|(今年|去年|明年|前年|本月|上个月|上月|下个月|今天|昨天|明天|前天)",
    )
    .expect("cjk date regex")
});

/// Chinese / Japanese dates: "2020年3月12日", "2019年", "3月12日" ([`DATE`]), and "去年",
/// "上个月", "昨天" ([`RELATIVE`]). Run on text of any language.
pub fn cjk_rule(text: &str, r: Option<NaiveDate>, out: &mut Vec<Cand>) {
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
        let rule = if c.get(6).is_some() { RELATIVE } else { DATE };
        out.push(cand(m.start(), m.end(), val, grain, rule));
    }
}
