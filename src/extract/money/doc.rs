//! What the money rules know about the whole text ([`Doc`]: its locale, whether "¥" is
//! the yuan, whether it is British, the dollar of its dateline) and what the rest of the
//! text says about one amount ([`read_the_text`]: per share on a "Shr" line, the local
//! dollar, the peso or the shared noun of the country it names).

use super::around::share_line;
use super::currencies::{bare_dollar, country_code, home_dollar, noun, pair_exists, peso_code};
use crate::extract::numeral;
use crate::extract::span::{Found, Kind};
use crate::extract::Context;
use std::cell::OnceCell;

/// What the rules know about the whole text. The facts that cost a scan of the text are
/// looked up the first time an amount needs them.
pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    pub(super) loc: numeral::Locale,
    /// "¥" is the yuan in a text that also speaks of yuan, RMB or China.
    pub(super) yen_is_yuan: bool,
    /// "pounds" are weight as often as money: money in a British text
    /// ([`super::around::british`]).
    pub(super) british: OnceCell<bool>,
    /// The dollar of the place the story is datelined ([`home_dollar`]).
    pub(super) home: OnceCell<Option<&'static str>>,
}

impl<'a> Doc<'a> {
    pub(super) fn new(text: &'a str, ctx: &Context) -> Self {
        Doc {
            text,
            loc: numeral::Locale::from_lang(ctx.lang.as_deref()),
            yen_is_yuan: !text.is_ascii()
                && text.contains('¥')
                && (text.contains("yuan") || text.contains("RMB") || text.contains("China")),
            british: OnceCell::new(),
            home: OnceCell::new(),
        }
    }
}

/// What the rest of the text says about amount `f`: on a "Shr" line it is per share; a
/// bare dollar is the dollar of the dateline; bare "pesos" the peso of the country the
/// text is about.
pub(super) fn read_the_text(doc: &Doc, f: &mut Found) {
    let text = doc.text;
    if let Kind::Money { per, currency, .. } = &mut f.kind {
        if per.is_none() && share_line(text, f.start) {
            *per = Some("share".to_string());
        }
        let span = &text[f.start..f.end];
        if currency == "USD" && bare_dollar(span) {
            if let Some(home) = *doc.home.get_or_init(|| home_dollar(text)) {
                *currency = home.to_string();
            }
        }
        if currency == "XOF" && central_african(text) {
            // the CFA franc of Central Africa (BEAC), not of West Africa (BCEAO)
            *currency = "XAF".to_string();
        }
        if currency == "MXN" && (span.ends_with("pesos") || span.ends_with("peso")) {
            *currency = peso_code(text).to_string();
        } else if let Some((ws, last)) = (currency != "USD")
            .then(|| numeral::word_before(text, f.end))
            .flatten()
        {
            // a bare noun shared by several currencies: the country the text names
            // (not the dollar: the dateline's, above, or the US one)
            if let Some((sing, default, _)) = noun(last.as_str()).filter(|n| n.0 != "dollar") {
                let adjective = numeral::word_before(text, ws)
                    .is_some_and(|(_, w)| pair_exists(w.as_str(), sing));
                if *currency == default && !adjective && ws >= f.start {
                    *currency = country_code(text, sing, default).to_string();
                }
            }
        }
    }
}

/// Does the text name a country of the Central African CFA franc (XAF) and none of the
/// West African one (XOF)?
fn central_african(text: &str) -> bool {
    const CENTRAL: &[&str] = &[
        "Cameroon",
        "Gabon",
        "Congo",
        "Chad",
        "Central African",
        "Equatorial Guinea",
    ];
    const WEST: &[&str] = &[
        "Senegal",
        "Ivory Coast",
        "Ivorian",
        "Cote d",
        "Côte d",
        "Mali",
        "Burkina",
        "Niger",
        "Benin",
        "Togo",
        "Guinea-Bissau",
    ];
    CENTRAL.iter().any(|c| text.contains(c)) && !WEST.iter().any(|c| text.contains(c))
}
