//! The span types every extractor returns, the one overlap policy, and the conversion of
//! byte spans to the spec's mentions (code-point offsets).
//!
//! Extractors work on **byte** offsets of the clean text (what Rust's `str` and `regex`
//! give) and return [`Found`] spans; [`to_mentions`] converts them once to code points.
//! Nothing shifts offsets afterwards.

use crate::article::{Mention, MentionType};
use std::collections::BTreeMap;

/// What an extractor found, with byte offsets into the clean text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The rule (or model) that made the span, `dimension.rule` ("time.en.month_day",
    /// "money.en.symbol_amount", "names.tagger"): what `extract --explain` shows.
    pub rule: &'static str,
}

/// The type of a span with its normalised attributes.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Person,
    Org,
    Loc,
    /// `value` is TIMEX3 (`2019`, `2019-Q4`, `2020-04`, `2020-W07`, `2020-03-12`) or `None`
    /// when a relative expression has no reference date. `grain`: year, quarter, month,
    /// week, day.
    Date {
        value: Option<String>,
        grain: &'static str,
    },
    Money {
        value: f64,
        currency: String,
        approx: bool,
        per: Option<String>,
    },
    Percent {
        value: f64,
    },
}

impl Kind {
    pub fn mention_type(&self) -> MentionType {
        match self {
            Kind::Person => MentionType::Person,
            Kind::Org => MentionType::Org,
            Kind::Loc => MentionType::Loc,
            Kind::Date { .. } => MentionType::Date,
            Kind::Money { .. } => MentionType::Money,
            Kind::Percent { .. } => MentionType::Percent,
        }
    }
}

/// Disjoint spans kept so far, by start: only the nearest one starting before a
/// candidate's end can overlap it, so a check is O(log n).
#[derive(Debug, Default)]
pub struct Taken(BTreeMap<usize, usize>);

impl Taken {
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.0
            .range(..end)
            .next_back()
            .is_some_and(|(_, &e)| e > start)
    }
    pub fn insert(&mut self, start: usize, end: usize) {
        self.0.insert(start, end);
    }
}

/// The one overlap policy: among overlapping spans the longest wins, and of equally long
/// ones the earlier (then the first given). Returns the kept items longest first; `span`
/// gives an item's byte range.
pub fn keep_longest<T>(mut items: Vec<T>, span: impl Fn(&T) -> (usize, usize)) -> Vec<T> {
    items.sort_by_key(|t| {
        let (s, e) = span(t);
        (std::cmp::Reverse(e - s), s)
    });
    let mut taken = Taken::default();
    items.retain(|t| {
        let (s, e) = span(t);
        if taken.overlaps(s, e) {
            return false;
        }
        taken.insert(s, e);
        true
    });
    items
}

/// Where spans of different extractors overlap, one wins: among DATE / MONEY / PERCENT
/// the longer span (a "$5 million" beats a "5 million" date guess), and any of those
/// beats a name ("US" inside "181 million US dollars" is no place). Names never overlap
/// each other (the tagger's spans are disjoint). Result sorted by start.
pub fn resolve_overlaps(found: Vec<Found>) -> Vec<Found> {
    let (numeric, names): (Vec<Found>, Vec<Found>) = found
        .into_iter()
        .partition(|f| !f.kind.mention_type().is_name());
    let mut kept = keep_longest(numeric, |f| (f.start, f.end));
    let mut taken = Taken::default();
    for f in &kept {
        taken.insert(f.start, f.end);
    }
    kept.extend(
        names
            .into_iter()
            .filter(|f| !taken.overlaps(f.start, f.end)),
    );
    kept.sort_by_key(|f| (f.start, f.end));
    kept
}

/// Convert byte spans to mentions with code-point offsets (one pass over the text).
/// With `explain`, each mention names the rule that made it.
pub fn to_mentions(text: &str, found: &[Found], explain: bool) -> Vec<Mention> {
    let mut order: Vec<usize> = (0..found.len()).collect();
    // Byte offsets → code points. ASCII text: the same numbers. Otherwise collect every
    // boundary once, then map them in a single scan.
    let ascii = text.is_ascii();
    let mut map = std::collections::HashMap::new();
    if !ascii {
        let mut bounds: Vec<usize> = found.iter().flat_map(|f| [f.start, f.end]).collect();
        bounds.sort_unstable();
        bounds.dedup();
        map.reserve(bounds.len());
        let mut bi = 0;
        for (cp, (b, _)) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
            .enumerate()
        {
            while bi < bounds.len() && bounds[bi] <= b {
                if bounds[bi] == b {
                    map.insert(b, cp);
                }
                bi += 1;
            }
        }
    }
    let code_point = |b: usize| -> Option<usize> {
        if ascii {
            (b <= text.len()).then_some(b)
        } else {
            map.get(&b).copied()
        }
    };
    order.sort_by_key(|&i| (found[i].start, found[i].end));
    order
        .into_iter()
        .filter_map(|i| {
            let f = &found[i];
            let (start, end) = (code_point(f.start)?, code_point(f.end)?);
            let mut m = Mention {
                kind: f.kind.mention_type(),
                text: text[f.start..f.end].to_string(),
                start,
                end,
                value: None,
                grain: None,
                currency: None,
                approx: None,
                per: None,
                rule: explain.then(|| f.rule.to_string()),
            };
            match &f.kind {
                Kind::Date { value, grain } => {
                    m.value = Some(match value {
                        Some(v) => serde_json::Value::String(v.clone()),
                        None => serde_json::Value::Null,
                    });
                    m.grain = Some((*grain).to_string());
                }
                Kind::Money {
                    value,
                    currency,
                    approx,
                    per,
                } => {
                    m.value = Some(number_json(*value));
                    m.currency = Some(currency.clone());
                    m.approx = approx.then_some(true);
                    m.per = per.clone();
                }
                Kind::Percent { value } => m.value = Some(number_json(*value)),
                _ => {}
            }
            Some(m)
        })
        .collect()
}

/// Whole numbers as JSON integers, others as floats.
pub fn number_json(v: f64) -> serde_json::Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        serde_json::Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(start: usize, end: usize, kind: Kind) -> Found {
        Found {
            start,
            end,
            kind,
            rule: "test",
        }
    }

    #[test]
    fn numbers_win_over_names_and_longer_spans_over_shorter() {
        let money = Kind::Money {
            value: 181e6,
            currency: "USD".into(),
            approx: false,
            per: None,
        };
        let date = Kind::Date {
            value: Some("2019".into()),
            grain: "year",
        };
        let got = resolve_overlaps(vec![
            f(12, 14, Kind::Loc),
            f(0, 22, money.clone()),
            f(0, 3, date),
            f(30, 36, Kind::Org),
        ]);
        assert_eq!(got, vec![f(0, 22, money), f(30, 36, Kind::Org)]);
    }

    #[test]
    fn keep_longest_prefers_longer_then_earlier_then_first_given() {
        let spans = vec![
            (0, 3, 'a'),
            (2, 8, 'b'),
            (7, 10, 'c'),
            (2, 8, 'd'),
            (9, 12, 'e'),
        ];
        let got: Vec<char> = keep_longest(spans, |t| (t.0, t.1))
            .into_iter()
            .map(|t| t.2)
            .collect();
        assert_eq!(got, vec!['b', 'e']);
    }

    #[test]
    fn code_point_offsets_after_multibyte_text() {
        let text = "“Chen” earned 5%";
        let s = text.find("5%").unwrap();
        let found = vec![f(s, s + 2, Kind::Percent { value: 5.0 })];
        let m = to_mentions(text, &found, false);
        let chars: Vec<char> = text.chars().collect();
        let got: String = chars[m[0].start..m[0].end].iter().collect();
        assert_eq!(got, "5%");
        assert_eq!(m[0].value, Some(serde_json::json!(5)));
        assert_eq!(m[0].rule, None);
        assert_eq!(
            to_mentions(text, &found, true)[0].rule.as_deref(),
            Some("test")
        );
    }
}
