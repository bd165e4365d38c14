//! MONEY: amounts with a currency, Duckling style rules.
//!
//! Every number of the text (see [`crate::extract::numeral::find_numbers`]) is a
//! candidate; it becomes a MONEY mention when a currency sits right before it (`$`,
//! `US $`, `HK$`, `RMB`, `€`, `USD`) or right after it (`dollars`, `US dollars`, `dlrs`,
//! `yuan`, `cts`, `pence`, `euros`, `USD`). Values carry the scale word ("53.169 million"
//! → 53169000); cents and pence are converted to their main unit ("20 cts" → 0.20 USD).
//! `approx` comes from the words before ("about", "more than"…), `per: "share"` from the
//! words after ("a share").
//!
//! Every mention names the rule that read it ([`RULES`], `extract --explain`). The files:
//! `currencies.rs` (symbols, ISO codes, currency words, minor units), `before.rs` (the
//! currency written before an amount), `en.rs` (the rules
//! of Latin-script text, English and the European forms), `range.rs` (ranges whose unit
//! is written once), `around.rs` (the English words around an amount), `local.rs` (the
//! local abbreviations "zł", "Kč", "kr", "Ft", the slang "grand", the decimal comma and
//! the spaced or dotted thousands of the continental currencies), `zh.rs` (Chinese
//! numerals and units). The example tables are
//! `money/corpus/{en,de,fr,zh}.tsv`.

mod around;
mod article;
mod before;
mod currencies;
mod doc;
mod en;
mod iso4217;
mod local;
mod names;
mod range;
mod zh;

use super::span::Found;
use super::Context;

/// Every rule of the dimension, as `Found::rule` names it.
pub const RULES: &[&str] = &[
    before::SYMBOL_AMOUNT,
    before::CODE_AMOUNT,
    before::WORD_AMOUNT,
    en::AMOUNT_SYMBOL,
    en::AMOUNT_CODE,
    en::AMOUNT_WORD,
    en::AMOUNT_AND_MINOR,
    article::ARTICLE_UNIT,
    range::SHARED_SCALE,
    range::FIRST,
    range::SECOND,
    zh::NUMERAL_AMOUNT,
    zh::DIGITS_UNIT,
];

/// The MONEY extractor of the registry.
pub struct Money;

impl super::Extractor for Money {
    fn name(&self) -> &'static str {
        "money"
    }
    fn applies(&self, _: &Context) -> bool {
        true
    }
    fn find(&self, text: &str, ctx: &Context, out: &mut Vec<Found>) {
        super::width::find_folded(text, out, |t| find(t, ctx));
    }
}

/// Find MONEY mentions.
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    let mut out = en::find_latin(text, ctx);
    if !text.is_ascii() {
        zh::cjk_amounts(text, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The rules that the rows of the example tables show (the rows not marked xfail;
    /// `corpus.rs` checks their values).
    fn rules_shown(tables: &[(&str, &str)]) -> BTreeSet<&'static str> {
        let mut seen = BTreeSet::new();
        for (lang, table) in tables {
            let ctx = Context {
                lang: Some(lang.to_string()),
                ..Context::default()
            };
            for row in crate::extract::corpus::rows(table) {
                if row.xfail.is_none() {
                    seen.extend(find(&row.cols[0], &ctx).iter().map(|f| f.rule));
                }
            }
        }
        seen
    }

    #[test]
    fn every_rule_shows_up_on_a_table_row() {
        let tables = [
            ("en", include_str!("corpus/en.tsv")),
            ("de", include_str!("corpus/de.tsv")),
            ("fr", include_str!("corpus/fr.tsv")),
            ("zh", include_str!("corpus/zh.tsv")),
        ];
        let seen = rules_shown(&tables);
        let listed: BTreeSet<&str> = RULES.iter().copied().collect();
        assert_eq!(listed.len(), RULES.len(), "a rule listed twice");
        assert_eq!(seen, listed, "rules shown by the tables vs money::RULES");
    }
}
