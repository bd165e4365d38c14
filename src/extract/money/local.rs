//! Local ways of writing an amount that the ISO codes and currency names miss: the
//! abbreviations written after it in the markets that use them ("100 zł", "50 Kč", "500
//! kr", "5,000 Ft", "50 SFr"), the slang unit "grand" ("5 grand"), the decimal comma of
//! the euro and the other continental currencies in English text ("€3,50", "2,50 €"), and
//! the dots that group thousands of rupiah and dong ("Rp 50.000").

use super::around::money_words_before;
use crate::extract::numeral::{self, Number};

/// Does the abbreviation ending at byte `e` end there (no letter or digit glued to it)?
fn ends_word(text: &str, e: usize) -> bool {
    text[e..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// The Nordic krona / krone that a bare "kr" means: the country the text names (Sweden,
/// Norway, Denmark, Iceland), Sweden's when it names none or several.
pub(super) fn nordic(text: &str) -> &'static str {
    const COUNTRIES: &[(&[&str], &str)] = &[
        (&["Swed", "Stockholm"], "SEK"),
        (&["Norw", "Oslo"], "NOK"),
        (&["Denmark", "Danish", "Copenhagen"], "DKK"),
        (&["Iceland", "Reykjav"], "ISK"),
    ];
    let mut found = COUNTRIES
        .iter()
        .filter(|(names, _)| names.iter().any(|w| text.contains(w)))
        .map(|x| x.1);
    match (found.next(), found.next()) {
        (Some(c), None) => c,
        _ => "SEK",
    }
}

/// A local abbreviation written right at byte `k`, after amount `n`: "zł" (also
/// "złoty", "złotych"), "Kč", "kr" (lower case; the country's krona), "SKr", "NKr",
/// "DKr", "SFr", "NTD"; "Ft" (the forint, also the foot) only in a text about Hungary or
/// after an amount written as money or named by money words. Its length and code.
pub(super) fn abbr_after(text: &str, k: usize, n: &Number) -> Option<(usize, &'static str)> {
    let after = &text[k..];
    let first = *after.as_bytes().first()?;
    if !matches!(first, b'z' | b'K' | b'k' | b'S' | b'N' | b'D' | b'd' | b'F') {
        return None;
    }
    if let Some(rest) = after.strip_prefix("zł") {
        // "zł", "złoty", "złotys", "złotych"
        let tail = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let len = "zł".len() + tail;
        return (matches!(&rest[..tail], "" | "oty" | "otys" | "otych")
            && ends_word(text, k + len))
        .then_some((len, "PLN"));
    }
    let w: &str = &after[..after
        .bytes()
        .take_while(|c| c.is_ascii_alphabetic())
        .count()];
    let (len, code) = if after.starts_with("Kč") {
        ("Kč".len(), "CZK")
    } else {
        let code = match w {
            "kr" => nordic(text),
            "SKr" | "Skr" => "SEK",
            "NKr" | "Nkr" => "NOK",
            "DKr" | "Dkr" => "DKK",
            "SFr" | "Sfr" => "CHF",
            "NTD" => "TWD",
            "Ft" if forint(text, n) => "HUF",
            _ => return None,
        };
        (w.len(), code)
    };
    ends_word(text, k + len).then_some((len, code))
}

/// "Ft" after amount `n` is the forint, not feet: the text is about Hungary, or the
/// amount is written as money ("5,000 Ft", "2 million Ft") or follows money words ("it
/// cost 5000 Ft").
fn forint(text: &str, n: &Number) -> bool {
    text.contains("Hungar")
        || text.contains("Budapest")
        || n.scaled
        || text[n.start..n.end].contains(',')
        || money_words_before(text, n.start)
}

/// The slang "grand" (a thousand) right at byte `k` after an unscaled amount, closing
/// the phrase ("5 grand", "three grand a year"; not "5 grand slams", "a Grand Prix"):
/// its end.
pub(super) fn grand_after(text: &str, k: usize) -> Option<usize> {
    if text.as_bytes().get(k) != Some(&b'g') {
        return None;
    }
    let (s, e, w) = numeral::word_after(text, k)?;
    (s == k && w == "grand" && &text[s..e] == "grand" && super::around::closes_phrase(text, e))
        .then_some(e)
}

/// The currencies whose countries write a decimal comma, so that "€3,50" or "2,50 zł"
/// in an English text is three euros fifty.
pub(super) fn comma_currency(code: &str) -> bool {
    matches!(
        code,
        "EUR"
            | "CHF"
            | "PLN"
            | "CZK"
            | "SEK"
            | "NOK"
            | "DKK"
            | "ISK"
            | "HUF"
            | "RON"
            | "BGN"
            | "TRY"
            | "RUB"
            | "UAH"
            | "BRL"
            | "ARS"
            | "IDR"
            | "VND"
    )
}

/// A decimal comma right after whole digits ending at `end`: ",50" (exactly two digits,
/// then no more digits or groups). Its end and the fraction it adds.
pub(super) fn decimal_comma(text: &str, start: usize, end: usize) -> Option<(usize, f64)> {
    let b = text.as_bytes();
    if !b[start..end].iter().all(u8::is_ascii_digit) || end - start > 4 {
        return None;
    }
    let tail = b.get(end..end + 3)?;
    if !(tail[0] == b',' && tail[1].is_ascii_digit() && tail[2].is_ascii_digit()) {
        return None;
    }
    let e = end + 3;
    let more = b.get(e).is_some_and(u8::is_ascii_digit)
        || matches!(b.get(e), Some(b',' | b'.')) && b.get(e + 1).is_some_and(u8::is_ascii_digit);
    if more {
        return None;
    }
    let frac = f64::from(tail[1] - b'0') / 10.0 + f64::from(tail[2] - b'0') / 100.0;
    Some((e, frac))
}

/// Rupiah and dong written with dots between groups of thousands ("Rp 50.000", "VND
/// 1.200.000"): no amount of them has cents; euros so written in a text that is not in a
/// language of the decimal comma ("500.000 euros", a price with three decimals is none). The value, when the digits of `n` are so
/// written and no scale word follows.
pub(super) fn dot_thousands(text: &str, n: &Number, code: &str) -> Option<f64> {
    if !matches!(code, "IDR" | "VND" | "EUR") || n.scaled || n.words {
        return None;
    }
    let b = text.as_bytes();
    // the number as read ends at the first dot group ("50.000" reads as 50.0): take the
    // whole run of digits and dots
    let mut e = n.start;
    while e < b.len()
        && (b[e].is_ascii_digit() || b[e] == b'.' && b.get(e + 1).is_some_and(u8::is_ascii_digit))
    {
        e += 1;
    }
    let digits = &text[n.start..e];
    let mut parts = digits.split('.');
    let head = parts.next()?;
    let mut groups = 0;
    for g in parts {
        if g.len() != 3 {
            return None;
        }
        groups += 1;
    }
    if groups == 0 || head.is_empty() || head.len() > 3 || e != n.end {
        return None;
    }
    // "1.125 euros" may be a rate of exchange; "500.000 euros", "12.500 €" are not
    if code == "EUR" && head.parse::<u32>().ok()? < 2 {
        return None;
    }
    digits.replace('.', "").parse().ok()
}

/// Thousands grouped by spaces before the three digits at `start`, as the countries of
/// the decimal comma write them ("1 200 zł", "12 500 kr", "5 000 000 Ft"): the start of
/// the first group and the whole number the groups and the three digits at
/// `start..end` make.
pub(super) fn spaced_groups(text: &str, start: usize, end: usize) -> Option<(usize, f64)> {
    let b = text.as_bytes();
    if end != start + 3 || !b[start..end].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut s = start;
    loop {
        if s < 2 || b[s - 1] != b' ' || !b[s - 2].is_ascii_digit() {
            break;
        }
        let mut d = s - 1;
        while d > 0 && b[d - 1].is_ascii_digit() && s - 1 - d < 4 {
            d -= 1;
        }
        let len = s - 1 - d;
        let clean =
            d == 0 || !(b[d - 1].is_ascii_alphanumeric() || matches!(b[d - 1], b',' | b'.'));
        if len > 3 || !(clean || b[d - 1] == b' ') {
            break;
        }
        s = d;
        if len < 3 || d == 0 || b[d - 1] != b' ' {
            break;
        }
    }
    if s == start || (s > 0 && b[s - 1].is_ascii_digit()) {
        return None;
    }
    // a run that started inside a longer one ("2019 200") is no group
    let first_len = text[s..].bytes().take_while(u8::is_ascii_digit).count();
    if first_len > 3 {
        return None;
    }
    let digits: String = text[s..end]
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(char::from)
        .collect();
    Some((s, digits.parse().ok()?))
}

/// "MM" (or "mm"), the million of American finance, right after the digits of an amount
/// whose currency was written before it ("$5MM", "$2.5mm", "$5 MM"): its end. A bare
/// "5mm" stays millimetres.
pub(super) fn finance_million(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let len = if rest.starts_with("MM") || rest.starts_with("mm") {
        2
    } else if rest.starts_with(" MM") {
        3
    } else {
        return None;
    };
    ends_word(text, end + len).then_some(end + len)
}

/// Cents glued to digits after a verb of paying ("it cost 50c", "paid 20c each"): not
/// "grade 5c", "Section 10c". The end of the "c".
pub(super) fn glued_cents(text: &str, n: &Number, k: usize) -> Option<usize> {
    let b = text.as_bytes();
    if k != n.end || n.words || n.scaled || b.get(k) != Some(&b'c') || !ends_word(text, k + 1) {
        return None;
    }
    let whole = n.value.fract() == 0.0 && n.value < 100.0;
    (whole && super::around::cost_word_before(text, n.start)).then_some(k + 1)
}

/// Digits written after a point with no digit before it ("$.50", "$ .5 million"): the
/// factor that turns the number as read (50, 5 million) into its value (0.50, 500,000).
pub(super) fn leading_point(text: &str, n: &Number) -> Option<f64> {
    let b = text.as_bytes();
    if n.words || n.start < 2 || b[n.start - 1] != b'.' || b[n.start - 2].is_ascii_digit() {
        return None;
    }
    let digits = b[n.start..n.end]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let after = b.get(n.start + digits);
    if digits == 0 || digits > 3 || matches!(after, Some(b'.' | b',')) {
        return None;
    }
    Some(10f64.powi(-i32::try_from(digits).ok()?))
}
