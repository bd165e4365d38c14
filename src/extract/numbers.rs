//! Shared number parsing for the rule-based extractors (money, percent, dates).
//!
//! Numbers come in three shapes in news text:
//! - digits with separators and decimals: `1,500`, `53.169`, `12,34,567.89`, `10000`;
//! - number words: `six`, `twenty-one`, `a hundred`, `one hundred and five`;
//! - either of those followed by a scale word: `5 mln`, `3.2 billion`, `1.5m`, `5bn`.
//!
//! Everything here works on byte offsets of the text and only looks at ASCII, so it never
//! splits a code point.

/// How numbers are written: `1,234.5` (English) or `1.234,5` (German, French, Spanish…),
/// and which scale words apply (German "Mio.", "Mrd.", "Billion" = 10¹²).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Locale {
    pub comma_decimal: bool,
    pub german: bool,
}

impl Locale {
    /// The convention of an ISO 639-1 language code (English when unknown).
    pub fn from_lang(lang: Option<&str>) -> Self {
        let l = lang.unwrap_or("en");
        Locale {
            comma_decimal: matches!(
                l,
                "de" | "fr"
                    | "es"
                    | "it"
                    | "pt"
                    | "nl"
                    | "ru"
                    | "pl"
                    | "sv"
                    | "da"
                    | "nb"
                    | "no"
                    | "fi"
                    | "cs"
                    | "tr"
                    | "id"
                    | "ro"
                    | "hu"
                    | "uk"
            ),
            german: l == "de",
        }
    }
}

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
    /// The digits are glued to 2–3 letters on their left (`USD115`, `RMB3.2bn`, `FY2019`).
    pub glued: bool,
}

/// Parse a digit string with optional thousands separators and decimals:
/// `1,500` → 1500, `53.169` → 53.169, `12,34,567.89` → 1234567.89.
/// Returns `None` when the string is not such a number.
pub fn parse_digits(s: &str) -> Option<f64> {
    parse_digits_in(s, Locale::default())
}

/// [`parse_digits`] with the locale's decimal mark: `1.234,5` → 1234.5 when
/// `comma_decimal`.
pub fn parse_digits_in(s: &str, loc: Locale) -> Option<f64> {
    let (dec, sep) = if loc.comma_decimal {
        (b',', b'.')
    } else {
        (b'.', b',')
    };
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    // the digits and the decimal point, on the stack: a serial number or a digit blob
    // longer than the buffer is not an amount
    let mut clean = [0u8; 24];
    let mut n = 0;
    let mut seen_dot = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' => {
                *clean.get_mut(n)? = c;
                n += 1;
            }
            _ if c == sep => {
                if seen_dot || i + 1 >= b.len() || !b[i + 1].is_ascii_digit() {
                    return None;
                }
            }
            _ if c == dec => {
                if seen_dot || i + 1 >= b.len() || !b[i + 1].is_ascii_digit() {
                    return None;
                }
                seen_dot = true;
                *clean.get_mut(n)? = b'.';
                n += 1;
            }
            _ => return None,
        }
    }
    // fast path (Clinger): up to 15 digits are exact as an integer, and dividing by an
    // exact power of ten rounds correctly, just as `parse` would
    let digits = &clean[..n];
    if n <= 16 {
        let (mut mant, mut frac, mut after) = (0u64, 0i32, false);
        for &c in digits {
            if c == b'.' {
                after = true;
            } else {
                mant = mant * 10 + u64::from(c - b'0');
                frac += i32::from(after);
            }
        }
        if mant < (1 << 53) {
            return Some(mant as f64 / 10f64.powi(frac));
        }
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

/// The multiplier of a scale word (lowercase ASCII expected, also accepts capitals).
pub fn scale_word(w: &str) -> Option<f64> {
    if w.len() > 9 {
        return None;
    }
    let lw = Lower::new(w);
    Some(match lw.as_str() {
        "thousand" | "thousands" | "k" => 1e3,
        "million" | "millions" | "mln" | "mn" | "mil" | "m" => 1e6,
        "billion" | "billions" | "bln" | "bn" | "b" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" | "tln" => 1e12,
        "lakh" | "lakhs" | "lac" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Value of a single number word (lowercase): units, teens, tens.
pub fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Lowercase a short ASCII word into a stack buffer (no allocation); `None` if longer
/// than 16 bytes.
pub fn lower_buf(w: &str, buf: &mut [u8; 16]) -> Option<usize> {
    let b = w.as_bytes();
    if b.len() > buf.len() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(b.len())
}

/// Is `w` (any case) the start of a number written in words?
pub fn is_number_word(w: &str) -> bool {
    // a cheap first filter on the first three letters of every number word ("the",
    // "that", "some" fail it without a lookup)
    let wb = w.as_bytes();
    if wb.len() < 3 {
        return false;
    }
    let tri = [
        wb[0].to_ascii_lowercase(),
        wb[1].to_ascii_lowercase(),
        wb[2].to_ascii_lowercase(),
    ];
    if !matches!(
        &tri,
        b"zer"
            | b"one"
            | b"two"
            | b"thr"
            | b"fou"
            | b"for"
            | b"fiv"
            | b"fif"
            | b"six"
            | b"sev"
            | b"eig"
            | b"nin"
            | b"ten"
            | b"ele"
            | b"twe"
            | b"thi"
            | b"hun"
            | b"doz"
            | b"hal"
            | b"qua"
    ) {
        return false;
    }
    let first = w.split('-').next().unwrap_or("");
    let mut buf = [0u8; 16];
    let Some(n) = lower_buf(first, &mut buf) else {
        return false;
    };
    let lw = std::str::from_utf8(&buf[..n]).unwrap_or("");
    unit_word(lw).is_some() || matches!(lw, "hundred" | "dozen" | "half" | "quarter")
}

/// After the article "a"/"an" ending at `e`: can a number follow ("a hundred", "a
/// million", "a half million", "a quarter of a billion", "a dozen")? A first-letter test.
fn article_may_count(text: &str, e: usize) -> bool {
    let b = text.as_bytes();
    let j = skip_spaces(text, e);
    j > e
        && matches!(
            b.get(j).map(u8::to_ascii_lowercase),
            Some(b'h' | b't' | b'm' | b'b' | b'd' | b'q')
        )
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// The ASCII word starting at `i` (letters and inner hyphens), as (end, word).
fn word_at(text: &str, i: usize) -> Option<(usize, &str)> {
    let b = text.as_bytes();
    if i >= b.len() || !b[i].is_ascii_alphabetic() {
        return None;
    }
    if i > 0 && is_word_byte(b[i - 1]) {
        return None;
    }
    let mut j = i;
    while j < b.len()
        && (b[j].is_ascii_alphabetic()
            || (b[j] == b'-' && j + 1 < b.len() && b[j + 1].is_ascii_alphabetic() && j > i))
    {
        j += 1;
    }
    if j < b.len() && is_word_byte(b[j]) {
        return None;
    }
    Some((j, &text[i..j]))
}

/// The ASCII letters starting at `i` up to the next non-letter (a hyphen ends it), as
/// (end, word); `i` must follow a hyphen.
fn word_at_hyphen(text: &str, i: usize) -> Option<(usize, &str)> {
    let b = text.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    Some((j, &text[i..j]))
}

/// Skip one run of spaces (ASCII space or tab, at most a few) starting at `i`.
pub fn skip_spaces(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut j = i;
    while j < b.len() && (b[j] == b' ' || b[j] == b'\t' || b[j] == b'\n') && j - i < 4 {
        j += 1;
    }
    j
}

/// The value of a compound number-word token like `twenty-one` or `six` (lowercase).
fn compound_word(w: &str) -> Option<f64> {
    if let Some(v) = unit_word(w) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    let (ta, ub) = (unit_word(a)?, unit_word(b)?);
    if ta >= 20.0 && ta % 10.0 == 0.0 && (1.0..10.0).contains(&ub) {
        Some(ta + ub)
    } else {
        None
    }
}

/// Parse a number written in words starting exactly at byte `i`: `six`, `twenty-one`,
/// `a hundred`, `one hundred and five`, `two thousand`, `a dozen`, `half a`.
/// Scale words million/billion are left to [`scan_number`]. Returns (end, value).
pub fn parse_words(text: &str, i: usize) -> Option<(usize, f64)> {
    let (end, w) = word_at(text, i)?;
    let lw = Lower::new(w);
    let current;
    if lw == "a" || lw == "an" || lw == "one" {
        // "a hundred", "a thousand", "a dozen"; plain "one" stays 1.
        let j = skip_spaces(text, end);
        if let Some((e2, w2)) = word_at(text, j) {
            let lw2 = Lower::new(w2);
            let m = match lw2.as_str() {
                "hundred" => Some(100.0),
                "thousand" => Some(1000.0),
                "dozen" => Some(12.0),
                _ => None,
            };
            if let Some(m) = m {
                return Some(continue_words(text, e2, 0.0, m));
            }
            // "a million", "a billion": one, scaled by the caller
            if matches!(lw2.as_str(), "million" | "billion" | "trillion") {
                return Some((end, 1.0));
            }
        }
        if lw != "one" {
            return None;
        }
        current = 1.0;
    } else if lw == "dozen" {
        return None;
    } else if let Some(v) = compound_word(&lw) {
        current = v;
    } else {
        // "one-yen", "five-year": the number is the first part of a hyphenated word
        let (first, _) = lw.split_once('-')?;
        let v = unit_word(first)?;
        return Some((i + first.len(), v));
    }
    Some(continue_words(text, end, 0.0, current))
}

/// Continue a number-word sequence after `end` with hundred / thousand / and / units.
fn continue_words(text: &str, mut end: usize, mut total: f64, mut current: f64) -> (usize, f64) {
    // the last word read was a bare tens word ("forty"): a unit word may follow it
    // without a hyphen ("forty five")
    let is_tens = |v: f64| (20.0..100.0).contains(&v) && v % 10.0 == 0.0;
    let mut tens = is_tens(current);
    loop {
        let j = skip_spaces(text, end);
        if j == end {
            break;
        }
        let Some((e2, w2)) = word_at(text, j) else {
            break;
        };
        let lw = Lower::new(w2);
        match lw.as_str() {
            "hundred" if current > 0.0 && current < 100.0 => {
                current *= 100.0;
                end = e2;
            }
            "thousand" if current > 0.0 => {
                total += current * 1000.0;
                current = 0.0;
                end = e2;
            }
            "dozen" if current > 0.0 && current < 100.0 => {
                current *= 12.0;
                end = e2;
            }
            "and" if current >= 100.0 || (current == 0.0 && total > 0.0) => {
                // "one hundred and five": only when a number word follows.
                let k = skip_spaces(text, e2);
                match word_at(text, k)
                    .and_then(|(e3, w3)| compound_word(&Lower::new(w3)).map(|v| (e3, v)))
                {
                    Some((e3, v)) if v < 100.0 => {
                        current += v;
                        end = e3;
                        tens = is_tens(v);
                        continue;
                    }
                    _ => break,
                }
            }
            _ => match compound_word(&lw) {
                // "hundred five", "thousand twenty"
                Some(v) if (current >= 100.0 || (current == 0.0 && total > 0.0)) && v < 100.0 => {
                    current += v;
                    end = e2;
                    tens = is_tens(v);
                    continue;
                }
                // "forty five", "two hundred twenty one"
                Some(v) if tens && (1.0..10.0).contains(&v) => {
                    current += v;
                    end = e2;
                }
                _ => break,
            },
        }
        tens = false;
    }
    (end, total + current)
}

/// Parse a digit number starting exactly at byte `i` (no sign): returns (end, value).
/// Rejects numbers glued to letters on the left, and dotted sequences like `1.2.3`.
pub fn parse_digits_at(text: &str, i: usize) -> Option<(usize, f64)> {
    parse_digits_at_in(text, i, Locale::default())
}

/// [`parse_digits_at`] with the locale's decimal mark.
pub fn parse_digits_at_in(text: &str, i: usize, loc: Locale) -> Option<(usize, f64)> {
    // the decimal mark; the other of ',' and '.' separates thousands
    let dot_byte = if loc.comma_decimal { b',' } else { b'.' };
    let b = text.as_bytes();
    if i >= b.len() || !b[i].is_ascii_digit() {
        return None;
    }
    if i > 0
        && (b[i - 1].is_ascii_digit()
            || ((b[i - 1] == b'.' || b[i - 1] == b',') && i > 1 && b[i - 2].is_ascii_digit()))
    {
        return None;
    }
    let mut j = i;
    let mut seen_dot = false;
    while j < b.len() {
        let c = b[j];
        if c.is_ascii_digit() {
            j += 1;
        } else if (c == b',' || c == b'.') && j + 1 < b.len() && b[j + 1].is_ascii_digit() {
            if c == dot_byte {
                if seen_dot {
                    return None;
                }
                seen_dot = true;
            } else {
                if seen_dot {
                    break;
                }
                // thousands groups have 2 (Indian) or 3 digits
                let mut k = j + 1;
                while k < b.len() && b[k].is_ascii_digit() {
                    k += 1;
                }
                let group = k - j - 1;
                let indian = !loc.comma_decimal && group == 2 && k < b.len() && b[k] == b',';
                if !(group == 3 || indian) {
                    if loc.comma_decimal && c == b'.' && !seen_dot {
                        // "1.5" in a German text: an English decimal after all
                        let v = parse_digits(&text[i..k])?;
                        return Some((k, v));
                    }
                    break;
                }
            }
            j += 1;
        } else {
            break;
        }
    }
    // "1.2.3" or "1,2" leftovers: reject sequences continuing with a dot and a digit.
    if j + 1 < b.len() && b[j] == dot_byte && b[j + 1].is_ascii_digit() {
        return None;
    }
    let v = parse_digits_in(&text[i..j], loc)?;
    Some((j, v))
}

/// Scan a full number at byte `i` (digits or words) with an optional scale word:
/// `5 mln`, `3.2 billion`, `1.5m`, `5bn`, `six million`, `half a million`,
/// `two and a half billion`. `attached_scale`: also accept single-letter scales (`m`, `k`,
/// `b`) glued to the digits, as in `£1.5m`.
pub fn scan_number(text: &str, i: usize) -> Option<Number> {
    scan_number_in(text, i, Locale::default())
}

/// Scale words of a locale: German "Mio", "Mrd", "Milliarden", "Billion" (10¹²).
pub fn scale_word_in(w: &str, loc: Locale) -> Option<f64> {
    if loc.german {
        let lw = Lower::new(w);
        let s = match lw.as_str() {
            "tsd" | "tausend" => Some(1e3),
            "mio" | "million" | "millionen" => Some(1e6),
            "mrd" | "milliarde" | "milliarden" => Some(1e9),
            "billion" | "billionen" => Some(1e12),
            _ => None,
        };
        if s.is_some() {
            return s;
        }
    }
    scale_word(w)
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

/// After a fraction word ending at `e` ("half", "three quarters"): an optional "of",
/// an optional "a", and a scale word of a thousand or more. Returns (end, scale).
fn fraction_scale(text: &str, e: usize) -> Option<(usize, f64)> {
    let mut j = skip_spaces(text, e);
    if j == e {
        return None;
    }
    for filler in ["of", "a"] {
        if let Some((e2, w2)) = word_at(text, j) {
            if w2.eq_ignore_ascii_case(filler) {
                j = skip_spaces(text, e2);
            }
        }
    }
    let (e3, w3) = word_at(text, j)?;
    let s = scale_word(w3).filter(|s| *s >= 1e3 && w3.len() > 2)?;
    Some((e3, s))
}

/// A fraction with digits at `i` whose first number ends at `e`: `5/8` (numerator at `i`),
/// `7-3/4` or `7 3/4` (a whole number and a fraction). Only small denominators (halves to
/// sixty-fourths, thirds) and proper fractions count, so dates (`3/12/87`) and ratios
/// (`24/7`) are left alone. Returns (end, value).
fn digit_fraction(text: &str, i: usize, e: usize) -> Option<(usize, f64)> {
    let b = text.as_bytes();
    if !b[i..e].iter().all(u8::is_ascii_digit) || e - i > 4 {
        return None;
    }
    // numerator, '/', denominator starting at `s`: (end, value)
    let frac = |s: usize| -> Option<(usize, f64)> {
        let mut k = s;
        while k < b.len() && b[k].is_ascii_digit() && k - s < 3 {
            k += 1;
        }
        if k == s || b.get(k) != Some(&b'/') {
            return None;
        }
        let num: f64 = text[s..k].parse().ok()?;
        let d0 = k + 1;
        let mut d = d0;
        while d < b.len() && b[d].is_ascii_digit() && d - d0 < 3 {
            d += 1;
        }
        if d == d0 || (d < b.len() && (b[d].is_ascii_alphanumeric() || b[d] == b'/')) {
            return None;
        }
        if d + 1 < b.len() && matches!(b[d], b'.' | b',') && b[d + 1].is_ascii_digit() {
            return None;
        }
        let den: f64 = text[d0..d].parse().ok()?;
        let ok_den = matches!(den as u32, 2 | 3 | 4 | 8 | 16 | 32 | 64);
        (ok_den && num > 0.0 && num < den).then_some((d, num / den))
    };
    if b.get(e) == Some(&b'/') {
        return frac(i);
    }
    let spaced_ok = b.get(e) == Some(&b'-') || e - i <= 3;
    if spaced_ok
        && matches!(b.get(e), Some(b'-' | b' '))
        && b.get(e + 1).is_some_and(u8::is_ascii_digit)
    {
        let whole: f64 = text[i..e].parse().ok()?;
        let (d, f) = frac(e + 1)?;
        return Some((d, whole + f));
    }
    None
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
                let glued_ok = b[i - 1].is_ascii_alphabetic()
                    && (2..=4).contains(&(i - k))
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

/// Is byte `i` inside a URL-like token (`http://…`, `www.…`, `?q=30%25`)?
pub fn in_url(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let mut s = i;
    while s > 0 && !b[s - 1].is_ascii_whitespace() && i - s < 200 {
        s -= 1;
    }
    while !text.is_char_boundary(s) {
        s += 1;
    }
    let tok = &text[s..i];
    // a plain word or number (the usual case) holds none of the URL marks
    if !tok
        .bytes()
        .any(|c| matches!(c, b':' | b'.' | b'?' | b'=' | b'%'))
    {
        return false;
    }
    tok.contains("://")
        || tok.contains("www.")
        || tok.contains('?')
        || tok.contains('=')
        || tok.contains("%2")
}

/// The lowercase ASCII word ending right before byte `end` (skipping spaces), as
/// (start, word). Used to look at left context.
/// A short lowercase ASCII word kept inline (no allocation); words longer than the
/// buffer keep their first 31 bytes, which matches no keyword.
#[derive(Clone, Copy)]
pub struct Lower {
    buf: [u8; 31],
    len: u8,
}

impl Lower {
    pub fn new(w: &str) -> Self {
        let mut buf = [0u8; 31];
        let n = w.len().min(31);
        for (d, s) in buf.iter_mut().zip(&w.as_bytes()[..n]) {
            *d = s.to_ascii_lowercase();
        }
        Lower { buf, len: n as u8 }
    }

    /// Keep the first `n` bytes.
    pub fn truncate(&mut self, n: usize) {
        self.len = self.len.min(n as u8);
    }

    pub fn as_str(&self) -> &str {
        // ASCII only (callers pass ASCII words)
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Lower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Lower {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

pub fn word_before(text: &str, end: usize) -> Option<(usize, Lower)> {
    let b = text.as_bytes();
    let mut j = end;
    let mut n = 0;
    while j > 0 && (b[j - 1] == b' ' || b[j - 1] == b'\t' || b[j - 1] == b'\n') && n < 3 {
        j -= 1;
        n += 1;
    }
    let e = j;
    while j > 0
        && (b[j - 1].is_ascii_alphabetic()
            || b[j - 1] == b'.' && j > 1 && b[j - 2].is_ascii_alphabetic())
    {
        j -= 1;
        if e - j > 40 {
            // no keyword is that long (and a letter blob must not make scans quadratic)
            return None;
        }
    }
    if j == e || (j > 0 && is_word_byte(b[j - 1])) {
        return None;
    }
    Some((j, Lower::new(&text[j..e])))
}

/// The ASCII word starting at byte `i` after optional spaces, as (start, end, lowercase).
pub fn word_after(text: &str, i: usize) -> Option<(usize, usize, Lower)> {
    let j = skip_spaces(text, i);
    let (e, w) = word_at(text, j)?;
    Some((j, e, Lower::new(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<f64> {
        scan_number(s, 0)
            .filter(|n| n.end == s.len())
            .map(|n| n.value)
    }

    #[test]
    fn numbers_table() {
        let table: &[(&str, f64)] = &[
            ("1,500", 1500.0),
            ("53.169", 53.169),
            ("10000", 10000.0),
            ("12,34,567.89", 1234567.89),
            ("53.169 million", 53169000.0),
            ("5 mln", 5e6),
            ("3.2 billion", 3.2e9),
            ("1.5m", 1.5e6),
            ("5bn", 5e9),
            ("10k", 1e4),
            ("six", 6.0),
            ("twenty-one", 21.0),
            ("a hundred", 100.0),
            ("one hundred and five", 105.0),
            ("two thousand", 2000.0),
            ("five million", 5e6),
            ("half a million", 5e5),
            ("quarter million", 2.5e5),
            ("two and a half billion", 2.5e9),
            ("a dozen", 12.0),
            ("a million", 1e6),
            ("1.5-billion", 1.5e9),
            ("a billion", 1e9),
            ("thirteen", 13.0),
        ];
        for (s, v) in table {
            assert_eq!(num(s), Some(*v), "{s}");
        }
    }

    #[test]
    fn not_numbers() {
        assert_eq!(num("a"), None);
        assert_eq!(num("someone"), None);
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
    use super::super::{money, percent, time, Context};

    /// Random texts glued from tricky pieces (multi-byte symbols, curly quotes, digits,
    /// unit words): no extractor may panic or return a span off a char boundary.
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
            for f in time::find(&text, ctx)
                .into_iter()
                .chain(money::find(&text, ctx))
                .chain(percent::find(&text, ctx))
            {
                assert!(f.start < f.end && f.end <= text.len(), "{text:?} {f:?}");
                assert!(
                    text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                    "{text:?} {f:?}"
                );
            }
        }
    }
}
