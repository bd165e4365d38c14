//! Amounts of one unit written with the article: "a dollar", "less than a euro", "a
//! penny", "not worth a dime", "half a dollar", "a dollar fifty".

use super::around::{approx_before, british, closes_phrase};
use super::currencies::unit_words;
use super::doc::{read_the_text, Doc};
use crate::extract::numeral;
use crate::extract::span::{Found, Kind};
use regex::Regex;
use std::sync::LazyLock;

/// `a dollar`, `less than a euro`, `a penny`, `half a dollar`, `a buck fifty`: the
/// article and a currency noun, one unit (or half of one; and the cents said after it).
pub(super) const ARTICLE_UNIT: &str = "money.en.article_unit";

/// The article and a currency noun of [`ARTICLE_UNIT`] (ASCII word bounds).
static ARTICLE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:a|A|an|An) (dollar|buck|euro|yen|yuan|rupee|cent|penny|pound|dime|nickel|quid)(?-u:\b)")
        .expect("article regex")
});

/// Rule [`ARTICLE_UNIT`]: "a dollar", "less than a euro", "a penny", "a dollar a gallon":
/// one unit, when the noun closes the phrase (punctuation, or a word like "a", "per",
/// "or", "for", "more") so that "a dollar index", "a pound of" and "a euro zone" are
/// not amounts. Added to `out` in text order where nothing else was read.
pub(super) fn article_amounts(doc: &Doc, out: &mut Vec<Found>) {
    let text = doc.text;
    let b = text.as_bytes();
    let mut added = Vec::new();
    // "a " or "an " at a word start, then one of the nouns below, whole
    for m in ARTICLE_RE.captures_iter(text) {
        let (Some(all), Some(noun)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let start = all.start();
        if start > 0 && b[start - 1] == b'\'' {
            continue;
        }
        // "1,800 tonnes of a nickel": the metal
        if matches!(&m[1], "nickel" | "dime")
            && numeral::word_before(text, start).is_some_and(|(_, w)| w == "of")
        {
            continue;
        }
        let e = noun.end();
        let w = noun.as_str();
        let code_mult = match w {
            "dollar" | "buck" => ("USD", 1.0),
            "euro" => ("EUR", 1.0),
            "yen" => ("JPY", 1.0),
            "yuan" => ("CNY", 1.0),
            "rupee" => ("INR", 1.0),
            "cent" => ("USD", 0.01),
            // the US coins of ten and five cents ("not a dime", "a nickel a bag")
            "dime" => ("USD", 0.1),
            "nickel" => ("USD", 0.05),
            "quid" => ("GBP", 1.0),
            "pound" if *doc.british.get_or_init(|| british(text)) => ("GBP", 1.0),
            "penny" if *doc.british.get_or_init(|| british(text)) => ("GBP", 0.01),
            _ => continue,
        };
        // the noun closes the phrase
        let closes = closes_phrase(text, e);
        // "7.18 cents a pound", "1 dlr a pound": a price per unit, not an amount
        let per_unit = numeral::word_before(text, start).is_some_and(|(ws, w)| {
            unit_words(&[w.as_str()]).is_some()
                || text[..ws]
                    .trim_end()
                    .ends_with(|c: char| c.is_ascii_digit())
                || b[ws].is_ascii_digit()
        });
        // "a dollar fifty", "a buck twenty-five": the cents said after the unit
        let cents = (code_mult.1 == 1.0)
            .then(|| spoken_cents(text, e))
            .flatten();
        if !(closes || cents.is_some()) || per_unit || b.get(e) == Some(&b'-') {
            continue;
        }
        let (e, value) = cents.map_or((e, code_mult.1), |(e2, c)| (e2, code_mult.1 + c));
        // "half a dollar", "half a cent"
        let (start, value) = match numeral::word_before(text, start) {
            Some((hs, h)) if h == "half" => (hs, value * 0.5),
            _ => (start, value),
        };
        let (fs, approx) = match approx_before(text, start) {
            Some(s0) => (s0, true),
            None => (start, false),
        };
        let mut f = Found {
            start: fs,
            end: e,
            kind: Kind::Money {
                value,
                currency: code_mult.0.to_string(),
                approx,
                per: None,
            },
            rule: ARTICLE_UNIT,
        };
        read_the_text(doc, &mut f);
        added.push(f);
    }
    if added.is_empty() {
        return;
    }
    for f in added {
        if !out.iter().any(|o| o.start < f.end && f.start < o.end) {
            out.push(f);
        }
    }
    out.sort_by_key(|f| f.start);
}

/// Cents said after "a dollar": a number word or digits under 100 at the end of the
/// phrase ("a dollar fifty.", "a buck twenty-five a gallon"): its end and value.
fn spoken_cents(text: &str, e: usize) -> Option<(usize, f64)> {
    let q = numeral::skip_spaces(text, e);
    if q != e + 1 {
        return None;
    }
    let n = numeral::scan_number(text, q)?;
    let whole = n.value.fract() == 0.0 && (1.0..100.0).contains(&n.value) && !n.scaled;
    let digits_ok = n.words || n.end - n.start == 2;
    (whole && digits_ok && closes_phrase(text, n.end)).then_some((n.end, n.value / 100.0))
}
