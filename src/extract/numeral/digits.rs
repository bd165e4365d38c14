//! Numbers written with digits: thousands separators and decimal marks in the
//! convention of a [`Locale`] (`1,234.5` or `1.234,5`), Indian groups (`12,34,567`), and
//! the fractions of Reuters quotes and bond coupons (`5/8`, `7-3/4`).

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

/// `12,345` or `1,234,567`: groups of three digits after commas, no other mark.
#[inline] // called in a hot loop of another file (codegen unit)
pub fn thousands_groups(s: &str) -> bool {
    let mut parts = s.split(',');
    let head = parts.next().unwrap_or("");
    let mut n = 0;
    let groups_ok = parts.all(|g| {
        n += 1;
        g.len() == 3 && g.bytes().all(|c| c.is_ascii_digit())
    });
    n > 0 && groups_ok && (1..=3).contains(&head.len()) && head.bytes().all(|c| c.is_ascii_digit())
}

/// A fraction with digits at `i` whose first number ends at `e`: `5/8` (numerator at `i`),
/// `7-3/4` or `7 3/4` (a whole number and a fraction). Only small denominators (halves to
/// sixty-fourths, thirds) and proper fractions count, so dates (`3/12/87`) and ratios
/// (`24/7`) are left alone. Returns (end, value).
#[inline] // called in a hot loop of another file (codegen unit)
pub(super) fn digit_fraction(text: &str, i: usize, e: usize) -> Option<(usize, f64)> {
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
