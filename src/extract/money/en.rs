//! Amounts in Latin script: English as the newswires write it ("$5 million", "5 mln
//! dlrs", "20 cts a share", "HK$5bn", "75 USD million") and the European forms the same
//! rules read in a locale with a decimal comma ("1,5 Milliarden Euro", "340 Mio. Euro").

use super::around::{
    approx_before, british, has_number_word, money_words_before, per_share, share_line,
};
use super::currencies::{
    ambiguous_unit, bare_dollar, dollar_prefix, home_dollar, iso_code, mega_code, minor_unit,
    peso_code, round_money, unit_words, SYMBOLS,
};
use super::zh::cjk_unit;
use crate::extract::numeral::{self, Number};
use crate::extract::span::{Found, Kind};
use crate::extract::Context;

pub(super) fn find_latin(text: &str, ctx: &Context) -> Vec<Found> {
    let loc = numeral::Locale::from_lang(ctx.lang.as_deref());
    let b = text.as_bytes();
    // prefilter: an amount needs a digit or a number word; most need a digit
    if !b.iter().any(|c| c.is_ascii_digit()) && !has_number_word(text) {
        return Vec::new();
    }
    let nums = numeral::find_numbers_in(text, loc);
    let mut out: Vec<Found> = Vec::new();
    // "pounds" are weight as often as money: only money in a British context
    // (looked up the first time a "pounds" amount needs it)
    let gbp_context = std::cell::OnceCell::new();
    let home = std::cell::OnceCell::new();
    let yen_is_yuan = !text.is_ascii()
        && text.contains('¥')
        && (text.contains("yuan") || text.contains("RMB") || text.contains("China"));
    let mut idx = 0;
    while idx < nums.len() {
        let n = &nums[idx];
        idx += 1;
        if let Some(last) = out.last() {
            if n.start < last.end {
                continue;
            }
        }
        let floor = out.last().map_or(0, |l| l.end);
        let Some(mut f) = money_at(text, n, &nums[idx..], (yen_is_yuan, &gbp_context), floor)
        else {
            continue;
        };
        // the first end of a range whose unit is written once: "10 to 12 mln dlrs",
        // "between 5 and 10 million yuan"
        if f.start == n.start && idx >= 2 {
            let p = &nums[idx - 2];
            if p.start >= floor && !p.glued && !p.scaled {
                if let Some(first) = range_first(text, p, n, &f, loc).filter(|r| r.start >= floor) {
                    out.push(first);
                }
            }
        }
        if let Kind::Money { per, currency, .. } = &mut f.kind {
            if per.is_none() && share_line(text, f.start) {
                *per = Some("share".to_string());
            }
            // bare "pesos": the peso of the country the text is about
            let span = &text[f.start..f.end];
            if currency == "USD" && bare_dollar(span) {
                if let Some(home) = *home.get_or_init(|| home_dollar(text)) {
                    *currency = home.to_string();
                }
            }
            if currency == "MXN" && (span.ends_with("pesos") || span.ends_with("peso")) {
                *currency = peso_code(text).to_string();
            }
        }
        // "from $5 to $7 a share": the first end of the range is per share too
        if let (Some(prev), Kind::Money { per: Some(p), .. }) = (out.last_mut(), &f.kind) {
            let mid = &text[prev.end..f.start];
            if matches!(mid, " to " | "-" | " - " | "–" | " and ") {
                if let Kind::Money { per: prev_per, .. } = &mut prev.kind {
                    prev_per.get_or_insert_with(|| p.clone());
                }
            }
        }
        // "$10-12 million", "$1.5 to 2 billion": the second end carries the scale and
        // shares the currency of the first
        let second = nums.get(idx).and_then(|m| {
            range_scale(text, n.end, m)?;
            (f.end == n.end && !m.glued).then_some(())?;
            let Kind::Money {
                currency,
                approx: _,
                per,
                ..
            } = &f.kind
            else {
                return None;
            };
            // its own unit, if any, is read by money_at on the next turn
            if money_at(
                text,
                m,
                &nums[idx + 1..],
                (yen_is_yuan, &gbp_context),
                f.end,
            )
            .is_some()
            {
                return None;
            }
            Some(Found {
                start: m.start,
                end: m.end,
                kind: Kind::Money {
                    value: round_money(m.value),
                    currency: currency.clone(),
                    approx: false,
                    per: per
                        .clone()
                        .or_else(|| per_share(text, m.end).map(|_| "share".into())),
                },
                rule: "money.range_second",
            })
        });
        out.push(f);
        if let Some(m) = second {
            out.push(m);
            idx += 1;
        }
    }
    out
}

/// Try to read a MONEY mention around number `n`.
fn money_at(
    text: &str,
    n: &Number,
    rest: &[Number],
    (yen_is_yuan, gbp_context): (bool, &std::cell::OnceCell<bool>),
    floor: usize,
) -> Option<Found> {
    let b = text.as_bytes();
    let mut start = n.start;
    let mut end = n.end;
    let mut value = n.value;
    // "12,345" read as a decimal comma (a text taken for French or German): an amount
    // with three decimals and no scale word is a thousands separator after all
    let digits = &text[n.start..n.end];
    if !n.scaled && !n.words && value.fract() != 0.0 && thousands_groups(digits) {
        value = numeral::parse_digits(digits).unwrap_or(value);
    }
    let mut currency: Option<&'static str> = None;
    let mut scaled = n.scaled;
    if let Some((s, c, mult)) = prefix_currency(text, n.start, n.glued, floor).or_else(|| {
        n.scaled
            .then(|| prefix_unit_word(text, n.start, floor))
            .flatten()
    }) {
        start = s;
        value *= mult;
        currency = Some(if c == "JPY" && yen_is_yuan && text[s..].starts_with('¥') {
            "CNY"
        } else {
            c
        });
    } else if n.glued {
        return None;
    }
    // "6.0650/700 francs" (a quote's second half), "%20CAD" and other URL pieces
    if n.start > 0 && matches!(b[n.start - 1], b'/' | b'%') || numeral::in_url(text, n.start) {
        return None;
    }
    // after the number: symbol, "75 USD million", currency words, glued codes
    let j = end;
    let mut k = numeral::skip_spaces(text, j);
    if k - j > 1 {
        k = j + 1;
    }
    // "12-cent-a-share", "one-yen"
    if k == j && k < b.len() && b[k] == b'-' && k + 1 < b.len() && b[k + 1].is_ascii_alphabetic() {
        k += 1;
    }
    if let Some((len, scale, code)) = cjk_unit(&text[k..]) {
        // "1000万元", "36.57亿元", "1200亿美元", "50元" (also after "人民币 ")
        if currency.is_none() || currency == Some(code) {
            if scale > 1.0 && scaled {
                return None;
            }
            value *= scale;
            scaled |= scale > 1.0;
            currency = Some(code);
            end = k + len;
        }
    }
    if currency.is_none() {
        let after = &text[k..];
        let mut sym_hit = None;
        if after.starts_with('$') {
            sym_hit = Some(("$", "USD"));
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
        if let Some((sym, code)) = sym_hit {
            // "10 $", "100 €", "100元"; but "5 $" followed by a number is "5 | $10"
            let e = k + sym.len();
            let k2 = numeral::skip_spaces(text, e);
            if k2 < b.len()
                && b[k2].is_ascii_digit()
                && sym == "$"
                && next_has_unit(text, rest, k2, e)
            {
                // "1 $10 dollars": the number belongs to the next amount
            } else {
                currency = Some(code);
                end = e;
            }
        } else {
            // up to three words
            let mut words = [(0usize, 0usize, numeral::Lower::new("")); 3];
            let mut nw = 0;
            let mut p = k;
            for _ in 0..3 {
                match word_after_dotted(text, p) {
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
            if let Some((first_s, _, _)) = words[..nw].first() {
                if *first_s == k {
                    let mut refs_buf = [""; 3];
                    for (r, w) in refs_buf.iter_mut().zip(&words[..nw]) {
                        *r = w.2.as_str();
                    }
                    let refs = &refs_buf[..nw];
                    // "75 USD million"
                    if refs.len() >= 2 && !scaled {
                        if let (Some(c), Some(s)) =
                            (iso_code(refs[0]), numeral::scale_word(refs[1]))
                        {
                            if refs[1].len() > 1 {
                                currency = Some(c);
                                value *= s;
                                scaled = true;
                                end = words[1].1;
                            }
                        }
                    }
                    if currency.is_none() {
                        if let Some((used, c, mult)) = unit_words(refs) {
                            let glued_unit = first_s == &n.end;
                            let w0 = refs[0];
                            let ok = if ambiguous_unit(w0) && used == 1 {
                                match w0 {
                                    "p" => glued_unit && !n.words,
                                    "pounds" | "pound" => {
                                        (*gbp_context.get_or_init(|| british(text))
                                            || scaled && money_words_before(text, start))
                                            && refs
                                                .get(1)
                                                .is_none_or(|w| !matches!(*w, "of" | "per"))
                                    }
                                    _ => scaled,
                                }
                            } else if glued_unit {
                                // "115USD", "50p", "5cts"; not "3D" style tokens
                                iso_code(w0).is_some()
                                    || mega_code(w0).is_some()
                                    || matches!(w0, "p" | "cts" | "ct" | "cents" | "cent")
                                    || (b.get(n.end) == Some(&b'-'))
                            } else {
                                true
                            };
                            if ok {
                                currency = Some(c);
                                value *= mult;
                                end = words[used - 1].1;
                            }
                        }
                    }
                }
            }
        }
    } else {
        // prefix currency, maybe followed by a redundant unit: "$ 10 dollars", "US$5 mln dlrs"
        if let Some((s, e, w)) = word_after_dotted(text, end) {
            let same =
                unit_words(&[w.as_str()]).is_some_and(|u| u.2 == 1.0 && Some(u.1) == currency);
            if s - end <= 1 && same && !ambiguous_unit(&w) {
                end = e;
            }
        }
    }
    let currency = currency?;
    // a range sharing one scale word: "$10 to $12 million", "5-6 bln dlrs"
    if !scaled {
        if let Some(s) = rest.first().and_then(|next| range_scale(text, end, next)) {
            value *= s;
            scaled = true;
        }
    }
    // cents after a dollar amount: "3 dollars 50 cents", "15 dollars and 50", "17 USD 25"
    // "one dollar and one and…", "C$ 100 and fifty" (words after "and" only with a symbol)
    if !scaled && value.fract() == 0.0 {
        if let Some(next) = rest.first() {
            let mut p = numeral::skip_spaces(text, end);
            let mut via_and = false;
            if let Some((_, e, w)) = numeral::word_after(text, p) {
                if w == "and" && e < next.start + 1 {
                    p = numeral::skip_spaces(text, e);
                    via_and = true;
                }
            }
            let spoken = n.words || n.start == start || (via_and && next.words);
            if spoken
                && next.start == p
                && next.value < 100.0
                && next.value.fract() == 0.0
                && !next.scaled
            {
                let after = numeral::word_after(text, next.end);
                let minor = after.as_ref().and_then(|(s, e, w)| {
                    let orig_lower = text[*s..*e].bytes().all(|c| c.is_ascii_lowercase());
                    let m = minor_unit(currency, w.as_str()).filter(|_| orig_lower)?;
                    (*s - next.end <= 1 && next.value * m < 1.0).then_some((*e, m))
                });
                let q = numeral::skip_spaces(text, next.end);
                let closes =
                    q >= b.len() || matches!(b[q], b'.' | b',' | b';' | b'!' | b'?' | b')');
                // "…dollar and one and one point": another "and" closes the amount too
                let and_next = via_and
                    && q == next.end + 1
                    && after
                        .as_ref()
                        .is_some_and(|(s, _, w)| *s == q && w == "and");
                if minor.is_some() || (closes && q == next.end) || and_next {
                    let unit_is_main = currency != "USD" || value >= 1.0;
                    if unit_is_main {
                        let m = minor.map_or(0.01, |(_, m)| m);
                        value += next.value * m;
                        end = minor.map_or(next.end, |(e, _)| e);
                        // "five mao five": a bare digit after tenths is hundredths
                        if m > 0.05 {
                            if let Some(last) = rest.get(1).filter(|r| {
                                r.start == end + 1
                                    && r.value < 10.0
                                    && r.value.fract() == 0.0
                                    && !r.scaled
                                    && (r.end >= b.len()
                                        || matches!(b[r.end], b'.' | b',' | b';' | b'!' | b'?'))
                            }) {
                                value += last.value * m / 10.0;
                                end = last.end;
                            }
                        }
                    }
                }
            }
        }
    }
    // a sign: "-$5 million", "−5 dlrs", "minus 20 dollars" (not the "-" of "10-12")
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
        value = -value;
        start -= sign;
    } else if let Some((ws, w)) = numeral::word_before(text, start) {
        if w == "minus" || w == "negative" {
            value = -value;
            start = ws;
        }
    }
    let mut approx = false;
    if let Some(s) = approx_before(text, start) {
        approx = true;
        start = s;
    }
    let mut per = None;
    if let Some(e) = per_share(text, end) {
        per = Some("share".to_string());
        // keep the span on the amount unless the share words are glued with hyphens
        if text[end..e].starts_with('-') && !text[end..e].contains(' ') {
            end = e;
        }
    }
    // an amount glued inside a larger token ("5USDx") is none
    if end < b.len() && (b[end].is_ascii_alphanumeric()) {
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
        rule: "money.amount",
    })
}

/// The currency written right before byte `start` (spaces allowed): (span start, ISO).
fn prefix_currency(
    text: &str,
    start: usize,
    glued: bool,
    floor: usize,
) -> Option<(usize, &'static str, f64)> {
    let (s, c, m) = prefix_currency_inner(text, start, glued)?;
    (s >= floor).then_some((s, c, m))
}

fn prefix_currency_inner(
    text: &str,
    start: usize,
    glued: bool,
) -> Option<(usize, &'static str, f64)> {
    let b = text.as_bytes();
    if glued {
        // USD115, RMB3.2bn
        let mut k = start;
        while k > 0 && b[k - 1].is_ascii_alphabetic() {
            k -= 1;
        }
        let w = &text[k..start];
        if let Some(c) = iso_code(w) {
            return Some((k, c, 1.0));
        }
        if w == "Rs" || w == "RS" {
            return Some((k, "INR", 1.0));
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
                    return Some((k, c, 1.0));
                }
            }
        }
        return Some((d, "USD", 1.0));
    }
    // every other symbol is written with non-ASCII bytes
    for (sym, code) in SYMBOLS.iter().filter(|_| b[j - 1] >= 0x80) {
        if head.ends_with(sym) {
            let s = j - sym.len();
            // "Rs", "HK" etc. do not combine with these
            return Some((s, code, 1.0));
        }
    }
    // words: RMB 3.2 billion, USD 200, Rs. 500, dollar 22.5 million
    let (ws, w) = numeral::word_before(text, start)?;
    let w = w.trim_end_matches('.');
    if let Some(c) = iso_code(w) {
        // only the code written in capitals ("USD 200", "RMB 3") or glued lowercase
        let orig = &text[ws..ws + w.len()];
        let common = matches!(w, "usd" | "rmb" | "eur" | "gbp" | "hkd" | "jpy" | "cny");
        if orig.bytes().all(|c| c.is_ascii_uppercase()) || common {
            return Some((ws, c, 1.0));
        }
        return None;
    }
    if w == "rs" {
        return Some((ws, "INR", 1.0));
    }
    // AP style "dlrs 3.2 million"
    if w == "dlrs" || w == "dlr" {
        return Some((ws, "USD", 1.0));
    }
    if let Some(c) = mega_code(w) {
        // "MAUD 60"
        let orig = &text[ws..ws + w.len()];
        if orig.bytes().all(|c| c.is_ascii_uppercase()) {
            return Some((ws, c, 1e6));
        }
    }
    None
}

/// A currency name written before a scaled amount: "dollar 22.5 million", "Dollars 3.25
/// billion", "euro 5 billion". Only scaled amounts: "dollar 1.3052" is an exchange rate.
fn prefix_unit_word(text: &str, start: usize, floor: usize) -> Option<(usize, &'static str, f64)> {
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
        if let Some((_, c, _)) = unit_words(&[w0.as_str(), w.as_str()]).filter(|u| u.0 == 2) {
            return Some((s0, c, 1.0));
        }
    }
    Some((ws, code, 1.0))
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
    match word_after_dotted(text, next.end) {
        Some((_, _, w)) if q < b.len() => {
            unit_words(&[w.as_str()]).is_some_and(|u| u.2 == 1.0) || w == "and"
        }
        _ => false,
    }
}

/// A word after `i` (spaces allowed), allowing inner dots ("u.s.") and hyphens.
fn word_after_dotted(text: &str, i: usize) -> Option<(usize, usize, numeral::Lower)> {
    let b = text.as_bytes();
    let s = numeral::skip_spaces(text, i);
    let mut e = s;
    while e < b.len()
        && (b[e].is_ascii_alphabetic()
            || ((b[e] == b'.' || b[e] == b'-')
                && e > s
                && e + 1 < b.len()
                && b[e + 1].is_ascii_alphabetic()))
    {
        e += 1;
    }
    // keep a trailing dot of "u.s."
    if e > s && e < b.len() && b[e] == b'.' && text[s..e].contains('.') {
        e += 1;
    }
    if e == s || (e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] >= 0x80) && b[e] != 0xE2) {
        if e == s {
            return None;
        }
        // glued to something else (non-ASCII letters): not a word we know
        if b[e] >= 0x80 {
            return None;
        }
    }
    Some((s, e, numeral::Lower::new(&text[s..e])))
}

/// `12,345` or `1,234,567`: groups of three digits after commas, no other mark.
fn thousands_groups(s: &str) -> bool {
    let mut parts = s.split(',');
    let head = parts.next().unwrap_or("");
    let mut n = 0;
    let groups_ok = parts.all(|g| {
        n += 1;
        g.len() == 3 && g.bytes().all(|c| c.is_ascii_digit())
    });
    n > 0 && groups_ok && (1..=3).contains(&head.len()) && head.bytes().all(|c| c.is_ascii_digit())
}

/// "10 to 12 mln dlrs": the bare number `p` before amount `n` (found as `f`) joined by
/// "to" / "-" / "and" (after "between") / "or": the same scale and currency.
fn range_first(
    text: &str,
    p: &Number,
    n: &Number,
    f: &Found,
    loc: numeral::Locale,
) -> Option<Found> {
    let Kind::Money {
        value,
        currency,
        approx,
        per,
    } = &f.kind
    else {
        return None;
    };
    let mid = &text[p.end..n.start];
    let joined = match mid {
        "-" | "–" | " to " | " - " | " or " => true,
        " and " => numeral::word_before(text, p.start).is_some_and(|(_, w)| w == "between"),
        _ => false,
    };
    if !joined || n.value == 0.0 || p.value > n.value && !n.scaled {
        return None;
    }
    // "from 1987 to 10 mln dlrs": a year, not an amount
    let year_like = p.end - p.start == 4 && (1900.0..2100.0).contains(&p.value);
    if year_like && p.value.fract() == 0.0 {
        return None;
    }
    // the second amount's multiplier (scale word, cents) relative to its bare number
    let bare = numeral::scan_number_bare(text, n.start, loc)?;
    if bare == 0.0 {
        return None;
    }
    let mult = value / bare;
    let v = round_money(p.value * mult);
    let mut start = p.start;
    let mut approx = *approx;
    if let Some(s) = approx_before(text, p.start) {
        start = s;
        approx = true;
    }
    Some(Found {
        start,
        end: p.end,
        kind: Kind::Money {
            value: v,
            currency: currency.clone(),
            approx,
            per: per.clone(),
        },
        rule: "money.range_first",
    })
}

/// For an unscaled amount ending at `end` followed by "to" / "-" / "and" / "or" and a
/// scaled number `next`: the scale of `next`.
fn range_scale(text: &str, end: usize, next: &Number) -> Option<f64> {
    if !next.scaled || next.start < end {
        return None;
    }
    let mid = text[end..next.start]
        .trim_end_matches(['$', '€', '£', '¥'])
        .trim_end_matches(|c: char| c.is_ascii_uppercase());
    if !matches!(
        mid,
        "-" | "–" | " to " | " - " | " – " | " and " | " or " | "-to-" | " to about "
    ) {
        return None;
    }
    let span = &text[next.start..next.end];
    let tail = span.rsplit(|c: char| !c.is_ascii_alphabetic()).next()?;
    let s = numeral::scale_word(tail)?;
    Some(s)
}
