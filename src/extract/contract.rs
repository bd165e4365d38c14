//! The contract every extractor keeps: what it may know besides the text ([`Context`])
//! and the three things it says ([`Extractor`]): its dimension's name, whether it runs
//! on a text, and the spans it finds. The registry of them is in `extract/mod.rs`.

use super::span::Found;
use chrono::NaiveDate;

/// What extractors may know besides the text.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    /// The article's published date, else `--reference-date`; relative dates resolve
    /// against it.
    pub reference_date: Option<NaiveDate>,
    /// ISO 639-1 language code when detected.
    pub lang: Option<String>,
    /// The spans found by the extractors before this one in the registry (not yet
    /// overlap-resolved).
    pub earlier: &'a [Found],
    /// Mentions name the rule that made them (`extract --explain`).
    pub explain: bool,
    /// The article's title (the fact stage reads a newswire headline's company and
    /// period from it).
    pub title: Option<&'a str>,
}

/// The contract of an extractor.
pub trait Extractor: Sync {
    /// The dimension: `names`, `time`, `money`, `percent`. Rule names start with it.
    fn name(&self) -> &'static str;
    /// Whether the extractor runs on a text of this context (its language, mostly).
    fn applies(&self, ctx: &Context) -> bool;
    /// Append what it finds in `text` to `out` (byte offsets).
    fn find(&self, text: &str, ctx: &Context, out: &mut Vec<Found>);
}
