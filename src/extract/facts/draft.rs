//! The fact being built (byte offsets) and what the fact stage reads besides the mentions.

use super::lexicon;
use crate::article::Entity;
use chrono::NaiveDate;

/// A change: value, unit, basis, span.
pub type ChangeDraft = (
    f64,
    Option<&'static str>,
    Option<&'static str>,
    (usize, usize),
);

/// A fact being built, with byte offsets.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub metric: &'static str,
    pub metric_span: (usize, usize),
    pub subject: Option<String>,
    pub period: Option<String>,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub approx: bool,
    pub change: Option<ChangeDraft>,
    pub share: Option<(f64, Option<String>)>,
    pub value_span: Option<(usize, usize)>,
    pub span: (usize, usize),
    pub table: bool,
    pub sentence: usize,
    pub flags: lexicon::Flags,
}

/// What the fact stage reads besides the mentions.
pub struct Input<'a> {
    pub text: &'a str,
    pub published: Option<NaiveDate>,
    pub entities: &'a [Entity],
    /// The headline's period in a table story, for notes that give none.
    pub default_period: Option<String>,
}

impl Input<'_> {
    /// The entity name a mention of an organisation belongs to (aliases merged).
    pub fn entity_name(&self, surface: &str) -> String {
        let key = crate::extract::aliases::norm_key(surface);
        let name = self
            .entities
            .iter()
            .filter(|e| e.kind.is_name())
            .find(|e| crate::extract::aliases::norm_key(&e.name) == key)
            .map_or_else(|| surface.to_string(), |e| e.name.clone());
        // "Alitalia Spa <AZPI": the ticker is no part of the name
        match name.find(" <") {
            Some(i) => name[..i].to_string(),
            None => name,
        }
    }
}
