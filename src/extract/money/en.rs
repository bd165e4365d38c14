//! Amounts in Latin script: English as the newswires write it ("$5 million", "5 mln
//! dlrs", "20 cts a share", "HK$5bn", "75 USD million") and the European forms the same
//! rules read in a locale with a decimal comma ("1,5 Milliarden Euro", "340 Mio. Euro").
//!
//! [`find_latin`] walks the numbers of the text left to right; [`money_at`] reads one
//! amount around a number in named steps: the currency before it (the rules
//! `before.rs`: `SYMBOL_AMOUNT`, `CODE_AMOUNT`, `WORD_AMOUNT`), a Chinese unit after digits
//! ([`zh::DIGITS_UNIT`]), else the currency after it ([`AMOUNT_SYMBOL`], [`AMOUNT_CODE`],
//! [`AMOUNT_WORD`]), then a scale shared with the other end of a range
//! ([`range::SHARED_SCALE`]), a minor unit after the main one ([`AMOUNT_AND_MINOR`]), and
//! the sign, approximation and per-share words around it. Ranges whose unit is written
//! once give their bare end its own mention (`range.rs`). The rule that gave an amount its
//! reading is its `Found::rule`.

use super::around::{
    approx_after, approx_before, british, cost_word_before, has_number_word, money_words_before,
    per_share,
};
use super::article;
use super::before::{prefix_currency, prefix_unit_word};
use super::currencies::{
    abbr_after, ambiguous_unit, dollar_prefix, exponent, iso_code, iso_upper, mega_code,
    minor_unit, round_money, unit_words, SYMBOLS,
};
use super::doc::{read_the_text, Doc};
use super::local;
use super::range;
use super::zh::{self, cjk_unit};
use crate::extract::numeral::{self, Number};
use crate::extract::span::{Found, Kind};
use crate::extract::Context;

/// `10 $`, `5 €`: a currency symbol after the amount.
pub(super) const AMOUNT_SYMBOL: &str = "money.en.amount_symbol";
/// `200 USD`, `115.5USD`, `30 MUSD`, `75 USD million`: an ISO code after the amount.
pub(super) const AMOUNT_CODE: &str = "money.en.amount_code";
/// `5 mln dlrs`, `53.169 million US dollars`, `20 cts`, `470 pence`, `10,000 swiss
/// francs`, `1,5 Milliarden Euro`: currency words after the amount.
pub(super) const AMOUNT_WORD: &str = "money.en.amount_currency_word";
/// `3 dollars 50 cents`, `15 dollars and 50`, `17 USD 25`, `one kuai and five mao five`:
/// a main unit and its minor unit.
pub(super) const AMOUNT_AND_MINOR: &str = "money.en.amount_and_minor";

/// Every amount of the text read from its numbers, left to right, not overlapping.
pub(super) fn find_latin(text: &str, ctx: &Context) -> Vec<Found> {
    let b = text.as_bytes();
    // prefilter: an amount needs a digit or a number word; most need a digit
    if !b.iter().any(|c| c.is_ascii_digit()) && !has_number_word(text) {
        let doc = Doc::new(text, ctx);
        let mut out = Vec::new();
        article::article_amounts(&doc, &mut out);
        return out;
    }
    let doc = Doc::new(text, ctx);
    let nums = numeral::find_numbers_in(text, doc.loc);
    let mut out: Vec<Found> = Vec::new();
    let mut idx = 0;
    while idx < nums.len() {
        let n = &nums[idx];
        idx += 1;
        if out.last().is_some_and(|last| n.start < last.end) {
            continue;
        }
        let floor = out.last().map_or(0, |l| l.end);
        let Some(mut f) = money_at(&doc, n, &nums[idx..], floor) else {
            continue;
        };
        if f.start == n.start && idx >= 2 {
            if let Some(first) = range::first(text, doc.loc, &nums[idx - 2], n, &f, floor) {
                out.push(first);
            }
        }
        read_the_text(&doc, &mut f);
        if let Some(prev) = out.last_mut() {
            range::share_the_share(text, prev, &f);
        }
        // its own unit, if any, is read by money_at on the next turn
        let second = range::second(text, n, &f, nums.get(idx), |m| {
            money_at(&doc, m, &nums[idx + 1..], f.end).is_some()
        });
        out.push(f);
        if let Some(m) = second {
            out.push(m);
            idx += 1;
        }
    }
    article::article_amounts(&doc, &mut out);
    out
}

/// An amount being read around one number: its span and value so far, whether a scale
/// applied, its currency once a rule found one, and that rule.
struct Reading {
    start: usize,
    end: usize,
    value: f64,
    scaled: bool,
    currency: Option<&'static str>,
    rule: &'static str,
}

impl Reading {
    /// Number `n` as it stands. "12,345" read with a decimal comma (a text taken for
    /// French or German) with three decimals and no scale word is a thousands separator
    /// after all.
    fn of(text: &str, n: &Number) -> Self {
        let mut value = n.value;
        let digits = &text[n.start..n.end];
        if !n.scaled && !n.words && value.fract() != 0.0 && numeral::thousands_groups(digits) {
            value = numeral::parse_digits(digits).unwrap_or(value);
        }
        Reading {
            start: n.start,
            end: n.end,
            value,
            scaled: n.scaled,
            currency: None,
            rule: "",
        }
    }
}

/// Read a MONEY mention around number `n` (`rest`: the numbers after it; nothing may
/// start before `floor`, the end of the previous mention).
fn money_at(doc: &Doc, n: &Number, rest: &[Number], floor: usize) -> Option<Found> {
    let text = doc.text;
    let b = text.as_bytes();
    let mut a = Reading::of(text, n);
    currency_before(doc, n, floor, &mut a)?;
    if let Some(v) = a.currency.and_then(|c| local::dot_thousands(text, n, c)) {
        // "Rp 50.000": fifty thousand rupiah
        a.value = v;
    }
    if let Some(e) = (a.currency.is_some() && !a.scaled)
        .then(|| local::finance_million(text, a.end))
        .flatten()
    {
        // "$5MM": five million dollars
        a.value *= 1e6;
        a.scaled = true;
        a.end = e;
    }
    // "6.0650/700 francs" (a quote's second half), "%20CAD" and other URL pieces
    if n.start > 0 && matches!(b[n.start - 1], b'/' | b'%') || numeral::in_url(text, n.start) {
        return None;
    }
    let comma = (!doc.loc.comma_decimal && !n.scaled)
        .then(|| local::decimal_comma(text, n.start, a.end))
        .flatten();
    let k = unit_start(text, a.end);
    zh_unit_after(text, k, &mut a)?;
    if let (Some((e, frac)), Some(c)) = (comma, a.currency) {
        // "€3,50": a decimal comma after a currency of a country that writes one
        if local::comma_currency(c) {
            a.value += frac;
            a.end = e;
        }
    }
    if a.currency.is_none() {
        if let Some((e, frac)) = comma {
            // "2,50 €", "3,50 zł": the unit after the decimal comma, if it is such a currency
            let mut b2 = Reading { end: e, ..a };
            currency_after(doc, n, rest, unit_start(text, e), &mut b2);
            if b2.currency.is_some_and(local::comma_currency) {
                b2.value += frac;
                a = b2;
            }
        }
    }
    if a.currency.is_none() {
        currency_after(doc, n, rest, k, &mut a);
    } else {
        redundant_unit(text, &mut a);
    }
    let currency = a.currency?;
    if let Some(v) = (a.value == n.value)
        .then(|| local::dot_thousands(text, n, currency))
        .flatten()
    {
        // "500.000 euros"
        a.value = v;
    }
    if a.start == n.start && !a.scaled && local::comma_currency(currency) {
        // "1 200 zł", "12 500,50 kr": thousands grouped by spaces before the amount
        if let Some((s, whole)) =
            local::spaced_groups(text, n.start, n.end).filter(|g| g.0 >= floor)
        {
            a.value += whole - n.value.trunc();
            a.start = s;
        }
    }
    range_shared_scale(text, rest, &mut a);
    minor_unit_after(text, n, rest, currency, &mut a);
    let (start, value) = sign_before(text, a.start, a.value);
    let (start, approx) = match approx_before(text, start) {
        Some(s) => (s, true),
        None => (start, approx_after(text, a.end)),
    };
    let mut end = a.end;
    let mut per = None;
    if let Some(e) = per_share(text, end) {
        per = Some("share".to_string());
        // keep the span on the amount unless the share words are glued with hyphens
        if text[end..e].starts_with('-') && !text[end..e].contains(' ') {
            end = e;
        }
    }
    // an amount glued inside a larger token ("5USDx") is none; a Chinese unit may
    // touch the next amount ("4人民币5美元")
    if end < b.len()
        && b[end].is_ascii_alphanumeric()
        && !(b[end - 1] >= 0x80 && b[end].is_ascii_digit())
    {
        return None;
    }
    Some(Found {
        start,
        end,
        kind: Kind::Money {
            value: round_money(value),
            currency: currency.to_string(),
            approx,
            per,
        },
        rule: a.rule,
    })
}

/// Rules `before.rs`: `SYMBOL_AMOUNT`, `CODE_AMOUNT`, `WORD_AMOUNT`: the currency written before
/// the amount (a currency word only before a scaled one). `None` when the amount is none:
/// digits glued to letters that are no currency ("FY2019").
fn currency_before(doc: &Doc, n: &Number, floor: usize, a: &mut Reading) -> Option<()> {
    let text = doc.text;
    if let Some(p) = local::leading_point(text, n)
        .and_then(|_| prefix_currency(text, n.start - 1, false, floor))
        .filter(|p| p.rule == super::before::SYMBOL_AMOUNT)
    {
        // "$.50", "$ .5 million": no digit before the point
        a.start = p.start;
        a.value *= p.mult * local::leading_point(text, n).unwrap_or(1.0);
        a.currency = Some(p.code);
        a.rule = p.rule;
        return Some(());
    }
    let before = prefix_currency(text, n.start, n.glued, floor).or_else(|| {
        n.scaled
            .then(|| prefix_unit_word(text, n.start, floor))
            .flatten()
    });
    let Some(p) = before else {
        return (!n.glued).then_some(());
    };
    a.start = p.start;
    a.value *= p.mult;
    a.currency = Some(
        if p.code == "JPY" && doc.yen_is_yuan && text[p.start..].starts_with('¥') {
            "CNY"
        } else {
            p.code
        },
    );
    a.rule = p.rule;
    Some(())
}

/// Where a unit after the amount ending at `end` may start: after one space, or after
/// the hyphen of "12-cent-a-share", "one-yen".
fn unit_start(text: &str, end: usize) -> usize {
    let b = text.as_bytes();
    let mut k = numeral::skip_spaces(text, end);
    if k - end > 1 {
        k = end + 1;
    }
    if k == end && k < b.len() && b[k] == b'-' && k + 1 < b.len() && b[k + 1].is_ascii_alphabetic()
    {
        k += 1;
    }
    k
}

/// Rule [`zh::DIGITS_UNIT`]: Chinese scale characters and a currency name at `k`, after
/// digits: "1000万元", "36.57亿元", "1200亿美元", "50元", also after "人民币 " (the same
/// currency). `None` when the amount is none: a scale character after a scaled number.
fn zh_unit_after(text: &str, k: usize, a: &mut Reading) -> Option<()> {
    if let Some((len, scale, code)) = cjk_unit(&text[k..]) {
        if a.currency.is_none() || a.currency == Some(code) {
            if scale > 1.0 && a.scaled {
                return None;
            }
            a.value *= scale;
            a.scaled |= scale > 1.0;
            a.currency = Some(code);
            a.end = k + len;
            a.rule = zh::DIGITS_UNIT;
            if scale == 1.0 && !a.scaled {
                if let Some((used, add)) = zh::minor_units(&text[a.end..], code) {
                    a.value += add;
                    a.end += used;
                }
            }
        }
    }
    Some(())
}

/// Rules [`AMOUNT_SYMBOL`], [`AMOUNT_CODE`], [`AMOUNT_WORD`]: the currency written after
/// the amount, from `k` on: a symbol ("10 $", "100 €"), else up to three words.
fn currency_after(doc: &Doc, n: &Number, rest: &[Number], k: usize, a: &mut Reading) {
    let text = doc.text;
    let b = text.as_bytes();
    let after = &text[k..];
    let mut sym_hit = None;
    if after.starts_with('$') {
        sym_hit = Some(("$", "USD"));
    } else if let Some(len) = after.starts_with('¢').then_some('¢'.len_utf8()) {
        // "10¢", "99 ¢": cents
        a.currency = Some("USD");
        a.value *= 0.01;
        a.end = k + len;
        a.rule = AMOUNT_SYMBOL;
        return;
    } else if let Some((len, code)) = lettered_dollar(after) {
        // "3.14US$", "5 HK$"
        a.currency = Some(code);
        a.end = k + len;
        a.rule = AMOUNT_SYMBOL;
        return;
    } else {
        for (sym, code) in SYMBOLS
            .iter()
            .filter(|_| b.get(k).is_some_and(|&c| c >= 0x80))
        {
            if after.starts_with(sym) {
                sym_hit = Some((sym, code));
                break;
            }
        }
    }
    let Some((sym, code)) = sym_hit else {
        if let Some((len, code)) = local::abbr_after(text, k, n) {
            // "100 zł", "500 kr", "50 SFr"
            a.currency = Some(code);
            a.end = k + len;
            a.rule = AMOUNT_CODE;
        } else if let Some(e) = (!a.scaled).then(|| local::grand_after(text, k)).flatten() {
            // "5 grand": thousands of the dollar, of the pound in a British text
            let gbp = *doc.british.get_or_init(|| british(text));
            a.currency = Some(if gbp { "GBP" } else { "USD" });
            a.value *= 1000.0;
            a.scaled = true;
            a.end = e;
            a.rule = AMOUNT_WORD;
        } else if let Some(e) = local::glued_cents(text, n, k) {
            // "it cost 50c"
            a.currency = Some("USD");
            a.value *= 0.01;
            a.end = e;
            a.rule = AMOUNT_WORD;
        } else {
            currency_words_after(doc, n, k, a);
        }
        return;
    };
    // "10 $", "100 €", "100元"; but "5 $" followed by a number is "5 | $10"
    let e = k + sym.len();
    let k2 = numeral::skip_spaces(text, e);
    if k2 < b.len() && b[k2].is_ascii_digit() && sym == "$" && next_has_unit(text, rest, k2, e) {
        // "1 $10 dollars": the number belongs to the next amount
        return;
    }
    a.currency = Some(code);
    a.end = e;
    a.rule = AMOUNT_SYMBOL;
}

/// A dollar written with its letters at the start of `after`: "US$", "HK$", "NZ$"
/// (capitals, then "$"): its length and code.
fn lettered_dollar(after: &str) -> Option<(usize, &'static str)> {
    let n = after.bytes().take_while(u8::is_ascii_uppercase).count();
    if !(1..=3).contains(&n) || after.as_bytes().get(n) != Some(&b'$') {
        return None;
    }
    let code = dollar_prefix(&after[..n].to_ascii_lowercase())?;
    Some((n + 1, code))
}

/// Rules [`AMOUNT_CODE`], [`AMOUNT_WORD`]: up to three currency words at `k`, right after
/// the amount: "75 USD million", "53.169 million US dollars", "115USD", "50p", "5
/// million won" (a word that is also plain English only after a scaled amount).
fn currency_words_after(doc: &Doc, n: &Number, k: usize, a: &mut Reading) {
    let text = doc.text;
    let b = text.as_bytes();
    let mut words = [(0usize, 0usize, numeral::Lower::new("")); 3];
    let mut nw = 0;
    let mut p = k;
    for _ in 0..3 {
        match numeral::word_after_dotted(text, p) {
            Some((s, mut e, mut w)) if s - p <= 1 || nw == 0 && s == k => {
                // "cent-a-share": keep the first part of a hyphenated word
                if let Some(h) = w.find('-') {
                    if unit_words(&[w.as_str()]).is_none() {
                        e = s + h;
                        w.truncate(h);
                    }
                }
                p = e;
                words[nw] = (s, e, w);
                nw += 1;
            }
            _ => break,
        }
    }
    let Some((first_s, _, _)) = words[..nw].first() else {
        return;
    };
    if *first_s != k {
        return;
    }
    let mut refs_buf = [""; 3];
    for (r, w) in refs_buf.iter_mut().zip(&words[..nw]) {
        *r = w.2.as_str();
    }
    let refs = &refs_buf[..nw];
    // "75 USD million"
    if refs.len() >= 2 && !a.scaled {
        let code = iso_code(refs[0]).or_else(|| iso_upper(&text[words[0].0..words[0].1]));
        if let (Some(c), Some(s)) = (code, numeral::scale_word(refs[1])) {
            if refs[1].len() > 1 {
                a.currency = Some(c);
                a.value *= s;
                a.scaled = true;
                a.end = words[1].1;
                a.rule = AMOUNT_CODE;
                return;
            }
        }
    }
    let orig0 = &text[words[0].0..words[0].1];
    // "747-SR", "A-TL": no code after a hyphen
    let hyphen = k > 0 && b[k - 1] == b'-';
    let Some(unit) = unit_words(refs).or_else(|| {
        let code = iso_upper(orig0)
            .or_else(|| abbr_after(orig0))
            .filter(|_| !hyphen)?;
        Some(super::currencies::Unit {
            words: 1,
            code,
            mult: 1.0,
            iso: true,
        })
    }) else {
        return;
    };
    let used = unit.words;
    let glued_unit = first_s == &n.end;
    let w0 = refs[0];
    let ok = if ambiguous_unit(w0) && used == 1 {
        match w0 {
            "p" => glued_unit && !n.words,
            "pounds" | "pound" => {
                (*doc.british.get_or_init(|| british(text))
                    || (a.scaled || cost_word_before(text, a.start))
                        && money_words_before(text, a.start))
                    && refs.get(1).is_none_or(|w| !matches!(*w, "of" | "per"))
            }
            // "20,000 kip", "3.50 lira", "10,000 won": digits written as an amount;
            // a noun that is also English only as written in lower case ("256K DRAM")
            _ => {
                let money = money_digits(&text[n.start..n.end]) && !matches!(w0, "marks" | "dm");
                (a.scaled || money) && !orig0.bytes().all(|c| c.is_ascii_uppercase())
            }
        }
    } else if glued_unit {
        // "115USD", "50p", "5cts"; not "3D" style tokens
        iso_code(w0).is_some()
            || iso_upper(orig0).is_some()
            || mega_code(w0).is_some()
            || matches!(w0, "p" | "cts" | "ct" | "cents" | "cent")
            || (b.get(n.end) == Some(&b'-'))
    } else {
        true
    };
    if ok {
        a.currency = Some(unit.code);
        a.value *= unit.mult;
        a.end = words[used - 1].1;
        a.rule = if unit.iso { AMOUNT_CODE } else { AMOUNT_WORD };
    }
}

/// Digits written as a sum of money, not a count: thousands groups ("20,000") or two
/// decimals ("3.50").
fn money_digits(d: &str) -> bool {
    d.contains(',') && numeral::thousands_groups(d)
        || d.rsplit_once('.')
            .is_some_and(|(_, f)| f.len() == 2 && f.bytes().all(|c| c.is_ascii_digit()))
}

/// A currency before the amount, maybe followed by a redundant unit: "$ 10 dollars",
/// "US$5 mln dlrs".
fn redundant_unit(text: &str, a: &mut Reading) {
    if let Some((s, e, w)) = numeral::word_after_dotted(text, a.end) {
        let same =
            unit_words(&[w.as_str()]).is_some_and(|u| u.mult == 1.0 && Some(u.code) == a.currency);
        if s - a.end <= 1 && same && !ambiguous_unit(&w) {
            a.end = e;
        }
    }
}

/// Rule [`range::SHARED_SCALE`]: a range sharing one scale word, "$10 to $12 million",
/// "5-6 bln dlrs": an unscaled first end takes the scale of the next number.
fn range_shared_scale(text: &str, rest: &[Number], a: &mut Reading) {
    if !a.scaled {
        if let Some(s) = rest
            .first()
            .and_then(|next| range::scale(text, a.end, next))
        {
            a.value *= s;
            a.scaled = true;
            a.rule = range::SHARED_SCALE;
        }
    }
}

/// Rule [`AMOUNT_AND_MINOR`]: the minor unit after a whole amount of the main one: "3
/// dollars 50 cents", "15 dollars and 50", "17 USD 25", "one dollar and one and…", "C$
/// 100 and fifty" (words after "and" only with a symbol), "five mao five".
fn minor_unit_after(text: &str, n: &Number, rest: &[Number], currency: &str, a: &mut Reading) {
    let b = text.as_bytes();
    if a.scaled || a.value.fract() != 0.0 {
        return;
    }
    let Some(next) = rest.first() else {
        return;
    };
    let mut p = numeral::skip_spaces(text, a.end);
    let mut via_and = false;
    if let Some((_, e, w)) = numeral::word_after(text, p) {
        if w == "and" && e < next.start + 1 {
            p = numeral::skip_spaces(text, e);
            via_and = true;
        }
    }
    // "$20 and 43c", "RM3 and 50 sen": a written minor unit after "and" also
    // (the short "43c", "5 cts" only after "and": "918,000 dlrs 38 cts" is a list)
    let minor_of = |w: &str| {
        minor_unit(currency, w).or_else(|| {
            (via_and && currency != "GBP" && matches!(w, "c" | "cts" | "ct")).then_some(0.01)
        })
    };
    let minor_written = via_and
        && numeral::word_after_dotted(text, next.end)
            .is_some_and(|(s, _, w)| s - next.end <= 1 && minor_of(w.as_str()).is_some());
    let spoken = n.words || n.start == a.start || (via_and && next.words) || minor_written;
    if !(spoken
        && next.start == p
        && next.value < 10f64.powi(exponent(currency).max(2))
        && next.value.fract() == 0.0
        && !next.scaled)
    {
        return;
    }
    // "43c": a minor unit glued to its digits
    let after = numeral::word_after(text, next.end)
        .or_else(|| numeral::word_after_dotted(text, next.end).filter(|(s, _, _)| *s == next.end));
    let minor = after.as_ref().and_then(|(s, e, w)| {
        let orig_lower = text[*s..*e].bytes().all(|c| c.is_ascii_lowercase());
        let m = minor_of(w.as_str()).filter(|_| orig_lower)?;
        (*s - next.end <= 1 && next.value * m < 1.0).then_some((*e, m))
    });
    let q = numeral::skip_spaces(text, next.end);
    let closes = q >= b.len() || matches!(b[q], b'.' | b',' | b';' | b'!' | b'?' | b')');
    // "15 USD 50 more", "1 dollar 50 each": a word that ends the amount
    let word_closes = q == next.end + 1
        && numeral::word_after(text, next.end).is_some_and(|(_, _, w)| {
            matches!(
                w.as_str(),
                "more" | "less" | "each" | "apiece" | "a" | "per" | "in" | "for" | "only"
            )
        });
    // "…dollar and one and one point": another "and" closes the amount too
    let and_next = via_and
        && q == next.end + 1
        && after
            .as_ref()
            .is_some_and(|(s, _, w)| *s == q && w == "and");
    if !(minor.is_some() || (closes && q == next.end) || word_closes || and_next) {
        return;
    }
    let unit_is_main = currency != "USD" || a.value >= 1.0;
    if !unit_is_main {
        return;
    }
    let m = minor.map_or(0.01, |(_, m)| m);
    a.value += next.value * m;
    a.end = minor.map_or(next.end, |(e, _)| e);
    a.rule = AMOUNT_AND_MINOR;
    // "five mao five": a bare digit after tenths is hundredths
    if m > 0.05 {
        if let Some(last) = rest.get(1).filter(|r| {
            r.start == a.end + 1
                && r.value < 10.0
                && r.value.fract() == 0.0
                && !r.scaled
                && (r.end >= b.len() || matches!(b[r.end], b'.' | b',' | b';' | b'!' | b'?'))
        }) {
            a.value += last.value * m / 10.0;
            a.end = last.end;
        }
    }
}

/// A sign before the amount at `start`: "-$5 million", "−5 dlrs", "minus 20 dollars"
/// (not the "-" of "10-12"). Returns the new start and value.
fn sign_before(text: &str, start: usize, value: f64) -> (usize, f64) {
    let head = &text[..start];
    let sign = if head.ends_with('-') {
        1
    } else if head.ends_with('−') {
        '−'.len_utf8()
    } else {
        0
    };
    if sign > 0
        && head[..head.len() - sign]
            .bytes()
            .next_back()
            .is_none_or(|c| matches!(c, b' ' | b'(' | b'\n' | b':'))
    {
        return (start - sign, -value);
    }
    if let Some((ws, w)) = numeral::word_before(text, start) {
        if w == "minus" || w == "negative" {
            return (ws, -value);
        }
    }
    (start, value)
}

/// For "A $ B…": does the amount B starting at `k2` carry its own unit or is the "$"
/// glued to it ("$10")? Then the "$" belongs to B, not to A.
fn next_has_unit(text: &str, rest: &[Number], k2: usize, sym_end: usize) -> bool {
    if k2 == sym_end {
        return true;
    }
    let Some(next) = rest.iter().find(|r| r.start == k2) else {
        return true;
    };
    let b = text.as_bytes();
    let q = numeral::skip_spaces(text, next.end);
    if text[q..].starts_with('$') || SYMBOLS.iter().any(|(s, _)| text[q..].starts_with(s)) {
        return false;
    }
    match numeral::word_after_dotted(text, next.end) {
        Some((_, _, w)) if q < b.len() => {
            unit_words(&[w.as_str()]).is_some_and(|u| u.mult == 1.0) || w == "and"
        }
        _ => false,
    }
}
