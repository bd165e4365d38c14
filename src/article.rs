//! The data model. `RawArticle` is what a reader yields; `Article` is the JSON object of
//! `shared/SPEC.md` (one per line in `extract` / `export` output).

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
    pub origin: Origin,
    /// Problems that did not stop the record (e.g. invalid UTF-8 decoded lossily).
    pub warnings: Vec<String>,
    /// The body is already clean text (a reader ran the clean stage on a whole page).
    pub pre_cleaned: bool,
    /// Author, site name, canonical URL, when a page said so.
    pub meta: PageMeta,
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

pub const SCHEMA_VERSION: u32 = 1;

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
    pub facts: Vec<serde_json::Value>,
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
