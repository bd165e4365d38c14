//! Numbers written in words (`six`, `twenty-one`, `a hundred`, `one hundred and five`)
//! and the scale words that multiply a number (`million`, `mln`, `bn`, German `Mio.`,
//! `Mrd.`), with the fractions of a scale (`half a million`).

use super::digits::Locale;
use super::tokens::{lower_buf, skip_spaces, word_at, Lower};

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
pub(super) fn article_may_count(text: &str, e: usize) -> bool {
    let b = text.as_bytes();
    let j = skip_spaces(text, e);
    j > e
        && matches!(
            b.get(j).map(u8::to_ascii_lowercase),
            Some(b'h' | b't' | b'm' | b'b' | b'd' | b'q')
        )
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

/// After a fraction word ending at `e` ("half", "three quarters"): an optional "of",
/// an optional "a", and a scale word of a thousand or more. Returns (end, scale).
pub(super) fn fraction_scale(text: &str, e: usize) -> Option<(usize, f64)> {
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
