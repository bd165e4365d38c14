//! The currency written before an amount: a symbol with the letters of its dollar
//! (`US$`, `HK$`, `€`), an ISO code or local abbreviation (`USD 200`, `UAH3.04`, `RM5
//! million`, `Rs. 500`), or a currency word before a scaled amount ("dollar 22.5
//! million"): the rules [`SYMBOL_AMOUNT`], [`CODE_AMOUNT`], [`WORD_AMOUNT`].

use super::currencies::{
    abbr_before, dollar_prefix, iso_code, iso_upper, mega_code, unit_words, SYMBOLS,
};
use super::zh::cjk_unit;
use crate::extract::numeral;

/// `$5`, `US$1.5m`, `US $3`, `HK$5bn`, `c $ 16.4 million`, `€20`, `£1.5m`: a currency
/// symbol (with the letters of its dollar) before the amount.
pub(super) const SYMBOL_AMOUNT: &str = "money.en.symbol_amount";
/// `USD 200`, `RMB 3.2 billion`, `USD115`, `RMB3.2bn`, `Rs. 500`, `MAUD 60`: an ISO code
/// (or `Rs`) before the amount.
pub(super) const CODE_AMOUNT: &str = "money.en.code_amount";
/// `dollar 22.5 million`, `Dollars 3.25 billion`, `dlrs 3.2 million`: a currency word
/// before a scaled amount.
pub(super) const WORD_AMOUNT: &str = "money.en.currency_word_amount";
/// A currency written before an amount: where it starts, its ISO code, the multiplier
/// it brings (10⁶ for "MUSD") and the rule that read it.
pub(super) struct Before {
    pub start: usize,
    pub code: &'static str,
    pub mult: f64,
    pub rule: &'static str,
}

impl Before {
    fn at(start: usize, code: &'static str, rule: &'static str) -> Option<Self> {
        Some(Before {
            start,
            code,
            mult: 1.0,
            rule,
        })
    }
}

/// The currency symbol or code written right before byte `start` (spaces allowed), not
/// before `floor`.
pub(super) fn prefix_currency(
    text: &str,
    start: usize,
    glued: bool,
    floor: usize,
) -> Option<Before> {
    prefix_currency_inner(text, start, glued).filter(|p| p.start >= floor)
}

fn prefix_currency_inner(text: &str, start: usize, glued: bool) -> Option<Before> {
    let b = text.as_bytes();
    if glued {
        // USD115, RMB3.2bn
        let mut k = start;
        while k > 0 && b[k - 1].is_ascii_alphabetic() {
            k -= 1;
        }
        let w = &text[k..start];
        if let Some(c) = iso_code(w).or_else(|| iso_upper(w)) {
            return Before::at(k, c, CODE_AMOUNT);
        }
        if w == "Rs" || w == "RS" {
            return Before::at(k, "INR", CODE_AMOUNT);
        }
        if let Some(c) = abbr_before(w) {
            return Before::at(k, c, CODE_AMOUNT);
        }
        // "R50 million", "R350,000": the rand, glued to a scaled or grouped amount
        if w == "R" && rand_amount(text, k, start, false) {
            return Before::at(k, "ZAR", CODE_AMOUNT);
        }
        return None;
    }
    let mut j = start;
    let mut n = 0;
    while j > 0 && b[j - 1] == b' ' && n < 2 {
        j -= 1;
        n += 1;
    }
    if j == 0 {
        return None;
    }
    let head = &text[..j];
    if head.ends_with('$') {
        let d = j - 1;
        // letters glued or one space before the "$": US$, HK$, C $, U.S. $, usd$
        let mut k = d;
        if k > 0 && b[k - 1] == b' ' {
            k -= 1;
        }
        let e = k;
        while k > 0 && (b[k - 1].is_ascii_alphabetic() || b[k - 1] == b'.') {
            k -= 1;
        }
        if k < e && (k == 0 || !b[k - 1].is_ascii_alphanumeric()) {
            let w: String = text[k..e]
                .chars()
                .filter(|c| *c != '.')
                .collect::<String>()
                .to_ascii_lowercase();
            if let Some(c) = dollar_prefix(&w) {
                // "a $5 bill": a lone "a" with a space is the article, not AUD
                if !(matches!(w.as_str(), "a" | "s" | "r") && e < d) {
                    return Before::at(k, c, SYMBOL_AMOUNT);
                }
            }
        }
        return Before::at(d, "USD", SYMBOL_AMOUNT);
    }
    // every other symbol is written with non-ASCII bytes
    for (sym, code) in SYMBOLS.iter().filter(|_| b[j - 1] >= 0x80) {
        if head.ends_with(sym) {
            let s = j - sym.len();
            // "4人民币5美元": a Chinese currency name right after a number closes that
            // amount, it does not open the next one; nor is the 元 of "日元5" or "万元5" (the end of a longer name)
            if sym.as_bytes()[0] >= 0xE4 {
                if let Some(p) = text[..s].chars().next_back() {
                    let at = s - p.len_utf8();
                    let longer = cjk_unit(&text[at..]).is_some_and(|(n, _, _)| n > p.len_utf8());
                    if p.is_ascii_digit() || longer {
                        return None;
                    }
                }
            }
            // "Rs", "HK" etc. do not combine with these
            return Before::at(s, code, SYMBOL_AMOUNT);
        }
    }
    // words: RMB 3.2 billion, USD 200, Rs. 500, dollar 22.5 million
    let (ws, w) = numeral::word_before(text, start)?;
    let w = w.trim_end_matches('.');
    if let Some(c) = iso_code(w) {
        // only the code written in capitals ("USD 200", "RMB 3") or glued lowercase
        let orig = &text[ws..ws + w.len()];
        let common = matches!(w, "usd" | "rmb" | "eur" | "gbp" | "hkd" | "jpy" | "cny");
        // "Php 300", as Philippine news writes the peso
        if orig.bytes().all(|c| c.is_ascii_uppercase()) || common || orig == "Php" {
            return Before::at(ws, c, CODE_AMOUNT);
        }
        return None;
    }
    let orig = &text[ws..ws + w.len()];
    if let Some(c) = iso_upper(orig).or_else(|| abbr_before(orig)) {
        return Before::at(ws, c, CODE_AMOUNT);
    }
    if w == "rs" {
        return Before::at(ws, "INR", CODE_AMOUNT);
    }
    // "kr 500" (lower case): the krona of the country the text names
    if orig == "kr" {
        return Before::at(ws, super::local::nordic(text), CODE_AMOUNT);
    }
    // "R 2.5 billion": the rand, spaced, only before a scaled or grouped amount
    if orig == "R" && rand_amount(text, ws, start, true) {
        return Before::at(ws, "ZAR", CODE_AMOUNT);
    }
    // AP style "dlrs 3.2 million"
    if w == "dlrs" || w == "dlr" {
        return Before::at(ws, "USD", WORD_AMOUNT);
    }
    if let Some(c) = mega_code(w) {
        // "MAUD 60"
        let orig = &text[ws..ws + w.len()];
        if orig.bytes().all(|c| c.is_ascii_uppercase()) {
            return Some(Before {
                start: ws,
                code: c,
                mult: 1e6,
                rule: CODE_AMOUNT,
            });
        }
    }
    None
}

/// Is the number at `start` a rand amount after the "R" at `r`: scaled ("R50 million",
/// "R2bn") or, glued, written with thousands groups ("R350,000"); not "R2", "R5" (roads,
/// models), not "R 216,393" spaced (a revised figure of a table), and not an "R" glued
/// to a number or a dash before it ("245,617-R 216,393").
fn rand_amount(text: &str, r: usize, start: usize, spaced: bool) -> bool {
    if r > 0 && !matches!(text.as_bytes()[r - 1], b' ' | b'(' | b'\n' | b'"') {
        return false;
    }
    let rest = &text[start..];
    let digits = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map_or(rest, |e| &rest[..e]);
    let digits = digits.trim_end_matches(['.', ',']);
    if !spaced && numeral::thousands_groups(digits) && digits.contains(',') {
        return true;
    }
    let after = &rest[digits.len()..];
    let after = after.strip_prefix(' ').unwrap_or(after);
    let w: String = after
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        w.as_str(),
        "m" | "mn" | "mln" | "million" | "bn" | "bln" | "billion" | "trillion" | "tn" | "k"
    )
}

/// A currency name written before a scaled amount: "dollar 22.5 million", "Dollars 3.25
/// billion", "euro 5 billion". Only scaled amounts: "dollar 1.3052" is an exchange rate.
pub(super) fn prefix_unit_word(text: &str, start: usize, floor: usize) -> Option<Before> {
    let (ws, w) = numeral::word_before(text, start)?;
    if ws < floor {
        return None;
    }
    let code = match w.as_str() {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "yuan" => "CNY",
        "yen" => "JPY",
        "sterling" => "GBP",
        _ => return None,
    };
    // "us dollar 5 billion", "U.S. dollars 3 billion"
    if let Some((s0, w0)) = numeral::word_before(text, ws) {
        if let Some(u) = unit_words(&[w0.as_str(), w.as_str()]).filter(|u| u.words == 2) {
            return Before::at(s0, u.code, WORD_AMOUNT);
        }
    }
    Before::at(ws, code, WORD_AMOUNT)
}
