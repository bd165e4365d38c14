//! Extractors: pure functions of (clean text, reference date) → spans.
//!
//! Every extractor works on **byte** offsets of the clean text (what Rust's `str` and
//! `regex` give) and returns [`Found`] spans; [`extract`] converts them once to the
//! spec's code-point offsets. Nothing shifts offsets afterwards.

pub mod dates;
pub mod entities;
pub mod money;
pub mod names;
pub mod numbers;
pub mod percent;
#[cfg(test)]
mod tables;

use crate::article::{Entity, Mention, MentionType};
use chrono::NaiveDate;

/// What an extractor found, with byte offsets into the clean text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
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

/// What extractors may know besides the text.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The article's published date, else `--reference-date`; relative dates resolve
    /// against it.
    pub reference_date: Option<NaiveDate>,
    /// ISO 639-1 language code when detected.
    pub lang: Option<String>,
}

/// Everything extracted from one clean text.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

/// Run every extractor over `text` and return mentions (code-point offsets, sorted by
/// start) and the merged entity list.
pub fn extract(text: &str, ctx: &Context) -> Extraction {
    let mut found: Vec<Found> = Vec::new();
    // The name tagger is trained on English news: on other languages it would mostly
    // tag capitalised nouns, so it only runs on English (or undetected) text.
    if matches!(ctx.lang.as_deref(), None | Some("en")) {
        found.extend(names::find(text, ctx));
    }
    found.extend(dates::find(text, ctx));
    found.extend(money::find(text, ctx));
    found.extend(percent::find(text, ctx));
    found.retain(|f| {
        f.start < f.end && text.is_char_boundary(f.start) && text.is_char_boundary(f.end)
    });
    let found = resolve_overlaps(found);
    let entities = entities::merge(text, &found);
    let mentions = to_mentions(text, &found);
    Extraction { mentions, entities }
}

/// Where spans of different extractors overlap, one wins: among DATE / MONEY / PERCENT
/// the longer span (a "$5 million" beats a "5 million" date guess), and any of those
/// beats a name ("US" inside "181 million US dollars" is no place). Names never overlap
/// each other (the tagger's spans are disjoint). Result sorted by start.
fn resolve_overlaps(found: Vec<Found>) -> Vec<Found> {
    let (mut numeric, names): (Vec<Found>, Vec<Found>) = found
        .into_iter()
        .partition(|f| !f.kind.mention_type().is_name());
    numeric.sort_by_key(|f| (std::cmp::Reverse(f.end - f.start), f.start));
    // Kept numeric spans by start; they are disjoint, so only the nearest one starting
    // before a candidate's end can overlap it: O(log n) a check.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let overlaps = |taken: &std::collections::BTreeMap<usize, usize>, f: &Found| {
        taken
            .range(..f.end)
            .next_back()
            .is_some_and(|(_, &end)| end > f.start)
    };
    let mut kept: Vec<Found> = Vec::with_capacity(numeric.len() + names.len());
    for f in numeric {
        if !overlaps(&taken, &f) {
            taken.insert(f.start, f.end);
            kept.push(f);
        }
    }
    for f in names {
        if !overlaps(&taken, &f) {
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| (f.start, f.end));
    kept
}

/// Convert byte spans to mentions with code-point offsets (one pass over the text).
pub fn to_mentions(text: &str, found: &[Found]) -> Vec<Mention> {
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
fn number_json(v: f64) -> serde_json::Value {
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

    #[test]
    fn numbers_win_over_names_and_longer_spans_over_shorter() {
        let f = |start, end, kind| Found { start, end, kind };
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
    fn code_point_offsets_after_multibyte_text() {
        let text = "“Chen” earned 5%";
        let s = text.find("5%").unwrap();
        let found = vec![Found {
            start: s,
            end: s + 2,
            kind: Kind::Percent { value: 5.0 },
        }];
        let m = to_mentions(text, &found);
        let chars: Vec<char> = text.chars().collect();
        let got: String = chars[m[0].start..m[0].end].iter().collect();
        assert_eq!(got, "5%");
        assert_eq!(m[0].value, Some(serde_json::json!(5)));
    }
}
