//! The values and candidates of the DATE rules.

use chrono::NaiveDate;

/// A resolved calendar value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Val {
    Year(i32),
    Quarter(i32, u32),
    Month(i32, u32),
    Week(i32, u32),
    Day(NaiveDate),
    /// A half year (TIMEX3 `2019-H2`), grain "half".
    Half(i32, u32),
}

impl Val {
    pub fn grain(self) -> &'static str {
        match self {
            Val::Year(_) => "year",
            Val::Quarter(..) => "quarter",
            Val::Month(..) => "month",
            Val::Week(..) => "week",
            Val::Day(_) => "day",
            Val::Half(..) => "half",
        }
    }

    /// The TIMEX3 value: `2019`, `2019-Q4`, `2020-04`, `2020-W07`, `2020-03-12`, `2019-H2`.
    pub fn timex(self) -> String {
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

/// A candidate span (byte offsets): value `None` with a grain when the reference date is
/// missing; `rule` is the name of the rule that made it.
#[derive(Debug, Clone)]
pub struct Cand {
    pub start: usize,
    pub end: usize,
    pub val: Option<Val>,
    pub grain: &'static str,
    pub rule: &'static str,
}

/// A candidate of `rule`; its grain is the value's, else `grain`.
pub fn cand(
    start: usize,
    end: usize,
    val: Option<Val>,
    grain: &'static str,
    rule: &'static str,
) -> Cand {
    Cand {
        start,
        end,
        val,
        grain: val.map_or(grain, Val::grain),
        rule,
    }
}
