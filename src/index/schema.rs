//! The index schema, declared in one place.

use tantivy::schema::{
    DateOptions, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing,
    TextOptions, STORED, STRING,
};

/// The version of the index format (this schema and how fields are filled), written in the
/// index's marker file as `schema_version`. Bumped whenever it changes; an index with
/// another version is refused with a clear message instead of failing obscurely. Not the
/// article JSON's version: that is `article::ARTICLE_SCHEMA_VERSION`.
/// 3: facets of fact metrics and subjects. 4: also title and body analysed by script
/// ([`super::cjk`]: jieba for Chinese, bigrams for kana and hangul).
pub const INDEX_FORMAT_VERSION: u32 = 4;

/// Currencies with their own amount field, so `--min-amount N --currency C` means "an
/// amount of at least N in C". Other currencies are still counted in `amount` and in the
/// currency facet.
pub const AMOUNT_CURRENCIES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "HKD", "CHF", "CAD", "AUD", "INR", "KRW", "RUB", "BRL",
    "SGD", "TWD",
];

/// The facet roots users filter and count on.
pub const FACET_ROOTS: &[&str] = &["person", "org", "loc", "year", "currency", "lang", "metric"];

/// The facet root of an entity type: `person`, `org`, `loc` (other types have none).
pub fn entity_root(kind: crate::article::MentionType) -> Option<&'static str> {
    use crate::article::MentionType::*;
    match kind {
        Person => Some("person"),
        Org => Some("org"),
        Loc => Some("loc"),
        Date | Money | Percent => None,
    }
}

#[derive(Clone)]
pub struct Fields {
    pub id: Field,
    pub title: Field,
    pub body: Field,
    /// The whole article JSON (the spec's schema), stored for export and display.
    pub article: Field,
    /// Fingerprint of the article's text (see `writer::fingerprint`): finds syndicated
    /// copies of an indexed article.
    pub body_hash: Field,
    /// One facet field with the roots of [`FACET_ROOTS`]: `/person/Chen Lei`, `/year/2020`,
    /// `/metric/revenue` (the metrics of the article's facts); and `/subject/Xunlei` (the
    /// subjects of its facts: filtered on, not counted).
    pub facet: Field,
    pub published: Field,
    /// Every MONEY value of the article, any currency.
    pub amount: Field,
    /// MONEY values per currency of [`AMOUNT_CURRENCIES`], same order.
    pub amount_by_currency: Vec<Field>,
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(super::cjk::NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let id = b.add_text_field("id", STRING | STORED);
    let title = b.add_text_field("title", text.clone());
    let body = b.add_text_field("body", text);
    let article = b.add_text_field("article", STORED);
    let body_hash = b.add_text_field("body_hash", STRING);
    let facet = b.add_facet_field("facet", FacetOptions::default());
    let published = b.add_date_field("published", DateOptions::default().set_indexed().set_fast());
    let num = NumericOptions::default().set_indexed().set_fast();
    let amount = b.add_f64_field("amount", num.clone());
    let amount_by_currency = AMOUNT_CURRENCIES
        .iter()
        .map(|c| b.add_f64_field(&format!("amount_{}", c.to_ascii_lowercase()), num.clone()))
        .collect();
    (
        b.build(),
        Fields {
            id,
            title,
            body,
            article,
            body_hash,
            facet,
            published,
            amount,
            amount_by_currency,
        },
    )
}

impl Fields {
    pub fn amount_field_for(&self, currency: &str) -> Option<Field> {
        AMOUNT_CURRENCIES
            .iter()
            .position(|c| c.eq_ignore_ascii_case(currency))
            .map(|i| self.amount_by_currency[i])
    }
}

/// The first and last day a date field can hold: tantivy stores nanoseconds since 1970
/// in an i64, about 1677–2262.
pub fn date_range() -> (chrono::NaiveDate, chrono::NaiveDate) {
    (
        chrono::NaiveDate::from_ymd_opt(1678, 1, 1).expect("valid date"),
        chrono::NaiveDate::from_ymd_opt(2261, 12, 31).expect("valid date"),
    )
}

/// A day as a date-field value, clamped into [`date_range`] (a story dated 9999 still
/// sorts after every real one; its article keeps the date as written).
pub fn date_value(d: chrono::NaiveDate) -> tantivy::DateTime {
    let (lo, hi) = date_range();
    let secs = d
        .clamp(lo, hi)
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc()
        .timestamp();
    tantivy::DateTime::from_timestamp_secs(secs)
}
