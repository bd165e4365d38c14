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
    /// The article's URL: its site's country says how a numeric day is written.
    pub url: Option<&'a str>,
    /// How a numeric day ("3/4/2020") is read (`--date-order`).
    pub date_order: DateOrder,
}

/// How the two small parts of a numeric day ("3/4/2020": March 4 or April 3) are read:
/// month first (US), day first (most of the world), or [`DateOrder::Auto`]: from the
/// article, by the numeric days of its text that only one order can read ("13/4/2020"),
/// else its site's country (`.uk`, `.au`, `.in`: day first; `.us`, `.gov`: month first;
/// an English `.com`: month first), else its language (day first for all but English,
/// Chinese, Japanese and Korean); when none of these says, a day whose two parts are both
/// 12 or less keeps its span and no value. A part over 12 is the day in every mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DateOrder {
    /// Month first: "3/4/2020" is March 4.
    Mdy,
    /// Day first: "3/4/2020" is April 3.
    Dmy,
    /// From the article (see the type's doc).
    #[default]
    Auto,
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
