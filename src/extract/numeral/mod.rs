//! NUMERAL: number parsing shared by the rule extractors (money, percent, time).
//!
//! Numbers come in three shapes in news text:
//! - digits with separators and decimals: `1,500`, `53.169`, `12,34,567.89`, `10000`
//!   (`digits.rs`);
//! - number words: `six`, `twenty-one`, `a hundred`, `one hundred and five` (`words.rs`);
//! - either of those followed by a scale word: `5 mln`, `3.2 billion`, `1.5m`, `5bn`.
//!
//! [`scan_number`] reads one such number at an offset, [`find_numbers`] every number of a
//! text; `tokens.rs` holds the word scanners the extractors share. Everything works on byte
//! offsets of the text and only looks at ASCII, so it never splits a code point. Its
//! example table is `numeral/corpus/en.tsv` (a phrase and the number it reads as).

mod digits;
mod tokens;
mod words;

pub use digits::{
    parse_digits, parse_digits_at, parse_digits_at_in, parse_digits_in, thousands_groups, Locale,
};
pub use tokens::{
    in_url, lower_buf, skip_spaces, word_after, word_after_dotted, word_before, Lower,
};
pub use words::{is_number_word, parse_words, scale_word, scale_word_in, unit_word};

use digits::digit_fraction;
use tokens::{is_word_byte, word_at, word_at_hyphen};
use words::{article_may_count, fraction_scale};

/// A number found in the text: `text[start..end]` reads as `value` (scale applied).
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// The number was written (at least partly) in words.
    pub words: bool,
    /// A scale word (million, bn, k…) was applied.
    pub scaled: bool,
    /// The digits are glued to 2–4 letters on their left (`USD115`, `RMB3.2bn`, `FY2019`), or to
    /// the rand's single `R` (`R50`).
    pub glued: bool,
}

/// Scan a full number at byte `i` (digits or words) with an optional scale word:
/// `5 mln`, `3.2 billion`, `1.5m`, `5bn`, `six million`, `half a million`,
/// `two and a half billion`. A single-letter scale (`m`, `k`, `b`) counts only glued to
/// the digits, as in `£1.5m` ("5 m" is five metres).
pub fn scan_number(text: &str, i: usize) -> Option<Number> {
    scan_number_in(text, i, Locale::default())
}

/// [`scan_number`] in a locale (decimal comma, German scale words).
pub fn scan_number_in(text: &str, i: usize, loc: Locale) -> Option<Number> {
    let b = text.as_bytes();
    let (mut end, mut value, words) = if b.get(i)?.is_ascii_digit() {
        let (e, v) = parse_digits_at_in(text, i, loc)?;
        // "5/8", "7-3/4", "7 3/4" (Reuters quotes, bond coupons)
        match digit_fraction(text, i, e) {
            Some((e, v)) => (e, v, false),
            None => (e, v, false),
        }
    } else {
        let (e0, w0) = word_at(text, i)?;
        let mut lw = Lower::new(w0);
        let mut base_start = e0;
        if matches!(lw.as_str(), "a" | "an" | "one") {
            // "a half million", "a quarter of a billion"
            if let Some((_, e1, w1)) = word_after(text, e0) {
                if matches!(w1.as_str(), "half" | "quarter") {
                    lw = w1;
                    base_start = e1;
                }
            }
        }
        if lw == "half" || lw == "quarter" {
            // "half a million", "half million", "quarter million", "a quarter of a billion"
            let base = if lw == "half" { 0.5 } else { 0.25 };
            let (e3, s) = fraction_scale(text, base_start)?;
            return Some(Number {
                start: i,
                end: e3,
                value: base * s,
                words: true,
                scaled: true,
                glued: false,
            });
        }
        let (e, v) = parse_words(text, i)?;
        // "three quarters billion", "two-thirds of a million"
        let k = if b.get(e) == Some(&b'-') {
            e + 1
        } else {
            skip_spaces(text, e)
        };
        if let Some((e1, w1)) = word_at_hyphen(text, k).filter(|(e1, _)| *e1 > k) {
            let part = match Lower::new(w1).as_str() {
                "quarter" | "quarters" => Some(0.25),
                "third" | "thirds" => Some(1.0 / 3.0),
                "half" | "halves" => Some(0.5),
                _ => None,
            };
            if let Some((e3, s)) = part.and_then(|p| {
                (v < 10.0).then_some(())?;
                fraction_scale(text, e1).map(|(e3, s)| (e3, s * p * v))
            }) {
                return Some(Number {
                    start: i,
                    end: e3,
                    value: s,
                    words: true,
                    scaled: true,
                    glued: false,
                });
            }
        }
        (e, v, true)
    };
    let mut scaled = false;
    // attached scale: 1.5m, 5bn, 10k, 3.2bln
    if !words && end < b.len() && b[end].is_ascii_alphabetic() {
        let mut k = end;
        while k < b.len() && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        if k < b.len() && is_word_byte(b[k]) {
            return None;
        }
        let w = &text[end..k];
        match scale_word(w) {
            Some(s) => {
                value *= s;
                end = k;
                scaled = true;
            }
            None => {
                // glued to a word that is not a scale ("3D", "4th"): let callers decide
                return Some(Number {
                    start: i,
                    end,
                    value,
                    words,
                    scaled,
                    glued: false,
                });
            }
        }
    }
    // "$1.5-billion", "a 20-million-dollar deal"
    if !scaled && b.get(end) == Some(&b'-') {
        let (e, w) = word_at_hyphen(text, end + 1)?;
        if w.len() > 2 {
            if let Some(s) = scale_word_in(w, loc) {
                value *= s;
                end = e;
                scaled = true;
            }
        }
    }
    if !scaled {
        // "two and a half billion", "1 and a half million"
        let j = skip_spaces(text, end);
        let mut frac = 0.0;
        let mut frac_end = end;
        let mut k = j;
        if let Some((e1, w1)) = word_at(text, j) {
            if w1.eq_ignore_ascii_case("and") {
                let j2 = skip_spaces(text, e1);
                if let Some((e2, w2)) = word_at(text, j2) {
                    if w2.eq_ignore_ascii_case("a") {
                        let j3 = skip_spaces(text, e2);
                        if let Some((e3, w3)) = word_at(text, j3) {
                            if w3.eq_ignore_ascii_case("half") {
                                frac = 0.5;
                            } else if w3.eq_ignore_ascii_case("quarter") {
                                frac = 0.25;
                            }
                            if frac > 0.0 {
                                k = skip_spaces(text, e3);
                                frac_end = e3;
                            }
                        }
                    }
                }
            }
        }
        if j > end || frac > 0.0 {
            if let Some((e, w)) = word_at(text, k) {
                // "1.5 billion-plus", "5 million-dollar": the scale before the hyphen
                let (e, w) = match w.split_once('-') {
                    Some((head, _)) if scale_word_in(w, loc).is_none() => (k + head.len(), head),
                    _ => (e, w),
                };
                // single letters need to be glued ("1.5m"), not "5 m" (metres)
                if w.len() > 1 {
                    if let Some(s) = scale_word_in(w, loc) {
                        value = (value + frac) * s;
                        end = e;
                        scaled = true;
                        // "Mio.", "Mrd.", "Tsd."
                        if loc.german && w.len() == 3 && b.get(e) == Some(&b'.') {
                            end = e + 1;
                        }
                    }
                }
            }
        }
        // "two and a half" with no scale word
        if frac > 0.0 && !scaled {
            value += frac;
            end = frac_end;
        }
    }
    Some(Number {
        start: i,
        end,
        value,
        words,
        scaled,
        glued: false,
    })
}

/// [`scan_number`] for digits glued to letters on their left.
fn scan_number_glued(text: &str, i: usize, loc: Locale) -> Option<Number> {
    // parse_digits_at only refuses a digit or a digit-separator on the left
    scan_number_in(text, i, loc)
}

/// The value of the number at `i` without any scale word ("12 mln" → 12).
pub fn scan_number_bare(text: &str, i: usize, loc: Locale) -> Option<f64> {
    if text.as_bytes().get(i)?.is_ascii_digit() {
        parse_digits_at_in(text, i, loc).map(|(_, v)| v)
    } else {
        parse_words(text, i).map(|(_, v)| v)
    }
}

/// Every number in the text, left to right, non-overlapping (digits anywhere; number
/// words only when they start a word). Cheap: a byte scan, no regex.
pub fn find_numbers(text: &str) -> Vec<Number> {
    find_numbers_in(text, Locale::default())
}

/// [`find_numbers`] in a locale.
pub fn find_numbers_in(text: &str, loc: Locale) -> Vec<Number> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            if i > 0 && (b[i - 1].is_ascii_alphabetic() || b[i - 1].is_ascii_digit()) {
                // "USD115", "RMB3.2bn", "FY2019": 2-3 letters glued on the left
                let mut k = i;
                while k > 0 && b[k - 1].is_ascii_alphabetic() {
                    k -= 1;
                }
                // one letter only as the rand's "R50 million" (the money rules guard it)
                let glued_ok = b[i - 1].is_ascii_alphabetic()
                    && ((2..=4).contains(&(i - k)) || i - k == 1 && b[k] == b'R')
                    && (k == 0 || !is_word_byte(b[k - 1]));
                if glued_ok {
                    if let Some(mut n) = scan_number_glued(text, i, loc) {
                        n.glued = true;
                        i = n.end.max(i + 1);
                        out.push(n);
                        continue;
                    }
                }
                // part of a token like "A320" or "3D": skip the run
                while i < b.len() && (b[i].is_ascii_alphanumeric()) {
                    i += 1;
                }
                continue;
            }
            match scan_number_in(text, i, loc) {
                Some(n) => {
                    i = n.end.max(i + 1);
                    out.push(n);
                }
                None => {
                    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.' || b[i] == b',') {
                        i += 1;
                    }
                }
            }
        } else if c.is_ascii_alphabetic() {
            if i > 0 && is_word_byte(b[i - 1]) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            // number words and the article start with one of these letters
            if !matches!(
                c | 0x20,
                b'a' | b'd' | b'e' | b'f' | b'h' | b'n' | b'o' | b'q' | b's' | b't' | b'z'
            ) {
                i = j;
                continue;
            }
            let w = &text[i..j];
            let candidate = w.len() >= 3 && is_number_word(w)
                || (w.len() <= 2
                    && (w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
                    && article_may_count(text, j));
            if candidate {
                if let Some(n) = scan_number_in(text, i, loc) {
                    // "a"/"an" alone only count with hundred/thousand/dozen
                    if n.end > j || !(w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an")) {
                        i = n.end;
                        out.push(n);
                        continue;
                    }
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the numeral table (whole phrases) cannot say: no number at all, and the
    /// number a phrase starts with.
    #[test]
    fn not_numbers() {
        assert!(scan_number("1.2.3", 0).is_none());
        // "5 m" with a space is not five million (metres)
        assert_eq!(scan_number("5 m", 0).unwrap().value, 5.0);
    }

    #[test]
    fn finds_numbers_in_text() {
        let t = "Revenue rose to 181 million from six, A320 jets and 1,500 shares.";
        let v: Vec<f64> = find_numbers(t).iter().map(|n| n.value).collect();
        assert_eq!(v, vec![181e6, 6.0, 1500.0]);
    }
}

#[cfg(test)]
mod robustness {
    use super::super::{Context, REGISTRY};

    /// Random texts glued from tricky pieces (multi-byte symbols, curly quotes, digits,
    /// unit words): no rule extractor of the registry may panic or return a span off a
    /// char boundary.
    #[test]
    fn random_texts_never_panic() {
        const PIECES: &[&str] = &[
            "$",
            "€",
            "£",
            "¥",
            "元",
            "％",
            "%",
            "’",
            "“",
            "é",
            "—",
            "-",
            "–",
            ",",
            ".",
            " ",
            " ",
            "\n",
            "5",
            "12",
            "2019",
            "1,500",
            "3.2",
            "0",
            "31",
            "million",
            "bn",
            "m",
            "k",
            "mln",
            "dlrs",
            "cts",
            "a share",
            "per cent",
            "pct",
            "percent",
            "US",
            "HK",
            "RMB",
            "USD",
            "yuan",
            "March",
            "May",
            "Monday",
            "Q4",
            "4Q",
            "the",
            "fourth quarter",
            "of",
            "this year",
            "last",
            "ago",
            "years",
            "six",
            "twenty-one",
            "a",
            "hundred",
            "and",
            "Thanksgiving",
            "年",
            "月",
            "日",
            "万",
            "亿",
            "美元",
            "去年",
            "人民币",
            "12月31日",
            "十",
            "五",
            "两",
            "美分",
            "毛",
            "Prozent",
            "März",
            "1,5",
            "fiscal",
            "FY",
            "'",
            "s",
            "/",
            "about",
            "more than",
            "minus",
        ];
        let ctxs: Vec<Context> = [None, Some("de"), Some("zh")]
            .iter()
            .map(|l| Context {
                reference_date: chrono::NaiveDate::from_ymd_opt(2020, 8, 20),
                lang: l.map(str::to_string),
                ..Default::default()
            })
            .collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for round in 0..3000 {
            let ctx = &ctxs[round % ctxs.len()];
            let mut text = String::new();
            let n = 1 + (seed >> 60) as usize;
            for _ in 0..n * 3 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            let mut found = Vec::new();
            for x in REGISTRY.iter().filter(|x| x.name() != "names") {
                if x.applies(ctx) {
                    x.find(&text, ctx, &mut found);
                }
            }
            for f in found {
                assert!(f.start < f.end && f.end <= text.len(), "{text:?} {f:?}");
                assert!(
                    text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                    "{text:?} {f:?}"
                );
            }
        }
    }
}
