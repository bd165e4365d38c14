//! Extractors: one contract ([`Extractor`]), one ordered [`REGISTRY`] of them, and
//! [`extract`], which runs the registry over a clean text.
//!
//! Each extractor is a pure function of (clean text, [`Context`]) → [`Found`] spans with
//! byte offsets and the name of the rule that made them. The spans of all of them go
//! through the one overlap policy ([`span::resolve_overlaps`]), then names are merged into
//! entities ([`aliases`]) and the spans become the spec's mentions (code points, once).
//! An extractor later in the registry sees the spans of the earlier ones in
//! [`Context::earlier`].

pub mod aliases;
pub mod contract;
#[cfg(test)]
mod corpus;
pub mod facts;
pub mod money;
pub mod names;
pub mod numeral;
pub mod percent;
pub mod span;
pub mod time;
pub mod width;

pub use contract::{Context, Extractor};
pub use span::{to_mentions, Found, Kind};

use crate::article::{Entity, Fact, Mention};

/// Every extractor, in the order they run. The pipeline, the benches, the example tables
/// and the tools all loop over this list; nothing else names the extractors.
pub static REGISTRY: &[&dyn Extractor] =
    &[&names::Names, &time::Time, &money::Money, &percent::Percent];

/// The extractor of a dimension, by name.
pub fn extractor(name: &str) -> Option<&'static dyn Extractor> {
    REGISTRY.iter().copied().find(|x| x.name() == name)
}

/// Everything extracted from one clean text.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    /// The financial facts, a second stage over the mentions and entities.
    pub facts: Vec<Fact>,
}

/// Run the registry over `text`: the spans of every extractor that applies, in registry
/// order (each seeing the earlier ones' spans).
pub fn find_all(text: &str, ctx: &Context) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut out: Vec<Found> = Vec::new();
    for x in REGISTRY {
        let ctx = Context {
            earlier: &found,
            ..ctx.clone()
        };
        if x.applies(&ctx) {
            x.find(text, &ctx, &mut out);
        }
        found.append(&mut out);
    }
    found
}

/// Run every extractor over `text` and return mentions (code-point offsets, sorted by
/// start) and the merged entity list.
pub fn extract(text: &str, ctx: &Context) -> Extraction {
    let mut found = find_all(text, ctx);
    found.retain(|f| {
        f.start < f.end && text.is_char_boundary(f.start) && text.is_char_boundary(f.end)
    });
    let found = span::resolve_overlaps(found);
    let entities = aliases::merge(text, &found);
    let facts = facts::find(text, ctx, &found, &entities);
    let mentions = to_mentions(text, &found, ctx.explain);
    Extraction {
        mentions,
        entities,
        facts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_names_are_distinct_and_found_by_name() {
        let mut names: Vec<&str> = REGISTRY.iter().map(|x| x.name()).collect();
        for n in &names {
            assert_eq!(extractor(n).map(|x| x.name()), Some(*n));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), REGISTRY.len());
        assert!(extractor("nope").is_none());
    }

    #[test]
    fn rules_are_named_after_their_dimension() {
        let text = "Xunlei Ltd. said on March 12, 2020 that revenue fell 5% to $181 million.";
        let ctx = Context {
            reference_date: chrono::NaiveDate::from_ymd_opt(2020, 8, 20),
            lang: Some("en".into()),
            ..Context::default()
        };
        let found = find_all(text, &ctx);
        assert!(found.len() >= 4, "{found:?}");
        for f in &found {
            let dim = f.rule.split('.').next().unwrap_or("");
            let ok = match f.kind {
                Kind::Person | Kind::Org | Kind::Loc => dim == "names",
                Kind::Date { .. } => dim == "time",
                Kind::Money { .. } => dim == "money",
                Kind::Percent { .. } => dim == "percent",
            };
            assert!(ok, "{f:?}");
        }
    }

    #[test]
    fn explain_names_the_rule_of_each_mention() {
        let text = "Revenue fell 5% in 2019.";
        let ctx = Context {
            explain: true,
            ..Context::default()
        };
        let ex = extract(text, &ctx);
        assert!(!ex.mentions.is_empty());
        assert!(
            ex.mentions.iter().all(|m| m.rule.is_some()),
            "{:?}",
            ex.mentions
        );
        let plain = extract(text, &Context::default());
        assert!(plain.mentions.iter().all(|m| m.rule.is_none()));
    }
}
