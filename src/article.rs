//! The data model, one type per stage border: a reader yields a [`RawArticle`], the clean
//! stage turns it into a [`Cleaned`] one, and extraction into an [`Article`], the JSON
//! object of `shared/SPEC.md` (one per line in `extract` / `export` output).

use serde::{Deserialize, Serialize};

/// Where a record came from: a file (or `-` for stdin) and, for line-based formats, a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}", self.file, l),
            None => write!(f, "{}", self.file),
        }
    }
}

/// An article as read, before cleaning.
#[derive(Debug, Clone)]
pub struct RawArticle {
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    /// The body as found: HTML, a fragment with stray tags, or plain text.
    pub body: String,
    /// What the body is, which decides how the clean stage reads it.
    pub kind: BodyKind,
    pub origin: Origin,
    /// Problems that did not stop the record (e.g. invalid UTF-8 decoded lossily).
    pub warnings: Vec<String>,
    /// Author, site name, canonical URL, when the record said so.
    pub meta: PageMeta,
}

/// What a reader knows about a record's body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BodyKind {
    /// A dump record's body: plain text, an HTML fragment with stray tags, or a whole
    /// page, told apart by the cleaner. The record's own title, date and metadata come
    /// before what a page body says about itself.
    #[default]
    Record,
    /// A whole HTML page (an `.html` file, a WARC response): always parsed as a page, and
    /// what the page says about itself comes before the reader's fields (for a WARC
    /// response the crawl date is only a fallback for the page's own date).
    Page,
}

/// An article after the clean stage: clean text, clean title, and what a page said about
/// itself merged with what the record said. The per-run boilerplate learner works on
/// these; extraction turns them into an [`Article`].
#[derive(Debug, Clone)]
pub struct Cleaned {
    pub id: Option<String>,
    pub url: Option<String>,
    /// The title on one line, entities decoded and tags dropped; `None` when empty.
    pub title: Option<String>,
    /// The date as the record or page gave it (extraction reads it as a calendar day).
    pub published: Option<String>,
    /// Author, site name, canonical URL, when known.
    pub meta: PageMeta,
    /// The clean text: paragraphs separated by one blank line (may be empty: extraction
    /// rejects a record with no text left).
    pub text: String,
    pub origin: Origin,
    /// The reader's warnings (e.g. invalid UTF-8 decoded lossily).
    pub warnings: Vec<String>,
}

/// Optional article metadata found in a page (meta tags, JSON-LD, bylines): output only
/// when known, so records without them keep the spec's JSON unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
}

impl PageMeta {
    /// Fill the fields `self` lacks from `other`.
    pub fn fill_from(&mut self, other: PageMeta) {
        if self.author.is_none() {
            self.author = other.author;
        }
        if self.site_name.is_none() {
            self.site_name = other.site_name;
        }
        if self.canonical_url.is_none() {
            self.canonical_url = other.canonical_url;
        }
    }
}

/// The mention types of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum MentionType {
    Person,
    Org,
    Loc,
    Date,
    Money,
    Percent,
}

impl MentionType {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionType::Person => "PERSON",
            MentionType::Org => "ORG",
            MentionType::Loc => "LOC",
            MentionType::Date => "DATE",
            MentionType::Money => "MONEY",
            MentionType::Percent => "PERCENT",
        }
    }
    pub fn is_name(self) -> bool {
        matches!(
            self,
            MentionType::Person | MentionType::Org | MentionType::Loc
        )
    }
}

/// One mention: `text[start..end]` in Unicode code points equals `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    #[serde(rename = "type")]
    pub kind: MentionType,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// DATE: TIMEX3 string or null; MONEY / PERCENT: a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// The rule that made the mention: only with `extract --explain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// One distinct entity of an article, aliases merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    #[serde(rename = "type")]
    pub kind: MentionType,
    pub name: String,
    pub count: usize,
}

/// The version of the article JSON (`schema_version` of every [`Article`]; the spec's
/// contract). Not the index format: that is `index::schema::INDEX_FORMAT_VERSION`.
pub const ARTICLE_SCHEMA_VERSION: u32 = 1;

/// A cleaned article with everything extracted from it: the JSON of the spec.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub schema_version: u32,
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    /// Optional page metadata (`author`, `site_name`, `canonical_url`), omitted when absent.
    #[serde(flatten)]
    pub meta: PageMeta,
    pub text: String,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
    /// Other records with the same text (syndicated copies), linked here at ingest
    /// instead of being indexed twice. Absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<CopyRef>,
}

/// A record whose text is the same as an indexed article's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyRef {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One reported figure of a metric of someone (`shared/SPEC.md`, "Financial facts").
/// Offsets are code points into the article's `text`, as for mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// The normalised class: `revenue`, `net_income`, `operating_income`, `gross_profit`,
    /// `ebitda`, `eps`, `expense`, `cash`, `assets`, `debt`, `market_value`,
    /// `share_price`, `dividend`, `deal_value`, `employees`, `other`.
    pub metric: String,
    /// The metric as written ("total revenue", "cloud computing revenue").
    pub metric_text: String,
    /// Whose figure it is: an entity name of `entities`, or null.
    pub subject: Option<String>,
    /// TIMEX value of the period the figure is for (`2019`, `2019-Q4`, `2019-H1`,
    /// `2020-06`, `1987-03/1987-05`), or null.
    pub period: Option<String>,
    /// The figure; null when only a change is reported. A loss is a negative income.
    #[serde(serialize_with = "whole_as_integer_opt")]
    pub value: Option<f64>,
    /// ISO 4217 code, `%`, `pp`, `shares`, `people`, or null.
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
    /// The clause or sentence the fact comes from.
    pub start: usize,
    pub end: usize,
    /// The value's mention (omitted when `value` is null).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_end: Option<usize>,
    /// `metric_text` in `text`.
    pub metric_start: usize,
    pub metric_end: usize,
}

/// The vocabulary of [`Fact::metric`] (`shared/SPEC.md`, "Financial facts"), in the
/// order the spec lists it.
pub const METRICS: &[&str] = &[
    "revenue",
    "net_income",
    "operating_income",
    "gross_profit",
    "ebitda",
    "eps",
    "expense",
    "cash",
    "assets",
    "debt",
    "market_value",
    "share_price",
    "dividend",
    "deal_value",
    "employees",
    "other",
];

/// How a figure changed: "a year-on-year decrease of 21.9%" → -21.9 `%` `yoy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    #[serde(serialize_with = "whole_as_integer")]
    pub value: f64,
    /// `%` or `pp`, or a currency / count unit for an absolute change.
    pub unit: Option<String>,
    /// `yoy`, `qoq`, `mom`, `prior` (against a figure the text gives), or null.
    pub basis: Option<String>,
    pub start: usize,
    pub end: usize,
}

/// "accounting for 37.8% of total revenue" → 37.8 of `revenue`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Share {
    #[serde(serialize_with = "whole_as_integer")]
    pub value: f64,
    pub of: Option<String>,
}

/// A whole number within i64 is written without a fraction (`181000000`, not
/// `181000000.0`), as mention values are.
fn whole_as_integer<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn whole_as_integer_opt<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => whole_as_integer(v, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fact_values_print_whole_numbers_without_a_fraction() {
        let f = Fact {
            metric: "revenue".into(),
            metric_text: "total revenue".into(),
            subject: Some("Xunlei".into()),
            period: Some("2019".into()),
            value: Some(181_000_000.0),
            unit: Some("USD".into()),
            approx: Some(true),
            change: Some(Change {
                value: -21.9,
                unit: Some("%".into()),
                basis: Some("yoy".into()),
                start: 5,
                end: 10,
            }),
            share: None,
            start: 0,
            end: 20,
            value_start: Some(3),
            value_end: Some(8),
            metric_start: 0,
            metric_end: 2,
        };
        let j = serde_json::to_string(&f).unwrap();
        assert!(j.contains(r#""value":181000000,"#), "{j}");
        assert!(j.contains(r#""change":{"value":-21.9,"#), "{j}");
        assert!(!j.contains("share"), "{j}");
        let back: Fact = serde_json::from_str(&j).unwrap();
        assert_eq!(back, f);
    }
}
