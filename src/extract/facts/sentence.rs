//! The words and sentences the prose linker works on: sentence cuts (abbreviations kept
//! whole), the tokens of a sentence, and the value and metric mentions found in it.

use super::lexicon::Entry;
use crate::extract::span::Found;

/// A word of a sentence: byte range in the text and its lowercased form.
pub struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) low: String,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum VKind {
    Money,
    Percent,
    Count(Option<&'static str>),
}

/// A value mention of a sentence.
pub(super) struct Val<'f> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) unit: Option<String>,
    pub(super) approx: bool,
    pub(super) per_share: bool,
    pub(super) kind: VKind,
    /// first and last token index (inclusive) of the mention
    pub(super) t0: usize,
    pub(super) t1: usize,
    pub(super) _f: Option<&'f Found>,
}

/// A metric phrase found in a sentence.
pub(super) struct Met {
    pub(super) t0: usize,
    pub(super) t1: usize, // exclusive
    pub(super) e: &'static Entry,
}

/// Sentence ranges of `text` (byte offsets): cut at line breaks and at `.`, `!`, `?`
/// followed by a space and a capital, digit or quote, unless the word before the stop
/// is an abbreviation ("Inc.", "U.S.", "Oct.").
pub(super) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut s = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let cut = match c {
            b'\n' => Some(i),
            b'.' | b'!' | b'?' => {
                let next_ok = b.get(i + 1) == Some(&b' ')
                    && b.get(i + 2).is_some_and(|&n| {
                        n.is_ascii_uppercase() || n.is_ascii_digit() || n == b'"' || n >= 0x80
                    });
                (next_ok && !(c == b'.' && abbreviation(&text[s..i]))).then_some(i + 1)
            }
            _ => None,
        };
        if let Some(e) = cut {
            if e > s {
                out.push((s, e));
            }
            s = if c == b'\n' { i + 1 } else { e };
        }
        i += 1;
    }
    if s < b.len() {
        out.push((s, b.len()));
    }
    out
}

pub(super) fn abbreviation(before: &str) -> bool {
    let w = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    if w.len() <= 1 || (w.len() <= 3 && w.contains('.')) {
        return true;
    }
    let core = w.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    matches!(
        core,
        "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Jr"
            | "Sr"
            | "U.S"
            | "U.K"
            | "No"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Aug"
            | "Sept"
            | "Sep"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Bros"
            | "vs"
            | "Cos"
            | "Mln"
            | "mln"
            | "Plc"
            | "Ave"
            | "Nos"
            | "approx"
            | "est"
            | "Fig"
            | "N.Z"
            | "H.K"
    )
}

pub(super) fn tokens(text: &str, s: usize, e: usize, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let mut i = s;
    while i < e {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            let st = i;
            while i < e
                && (b[i].is_ascii_alphanumeric()
                    || (b[i] == b'.' || b[i] == b',')
                        && i + 1 < e
                        && b[i + 1].is_ascii_digit()
                        && b[st].is_ascii_digit())
            {
                i += 1;
            }
            out.push(Tok {
                start: st,
                end: i,
                low: text[st..i].to_ascii_lowercase(),
            });
        } else {
            if c == b'&' || c == b';' || c == b'%' || c == b'$' {
                out.push(Tok {
                    start: i,
                    end: i + 1,
                    low: (c as char).to_string(),
                });
            }
            i += 1;
        }
    }
}

/// The basis a change's words name, if any: `yoy` or `mom` (a quarter's "month on
/// month" is read as `qoq` by [`resolve_basis`]), `qoq`.
pub(crate) fn basis_near(low: &[&str], a: usize, b: usize) -> Option<&'static str> {
    let w = &low[a..b.min(low.len())];
    for i in 0..w.len() {
        let next = w.get(i + 1).copied().unwrap_or("");
        match w[i] {
            "yoy" => return Some("yoy"),
            "qoq" | "sequentially" | "sequential" => return Some("qoq"),
            "mom" => return Some("mom"),
            "year" if matches!(next, "on" | "over" | "earlier" | "ago" | "before") => {
                return Some("yoy")
            }
            "month" if matches!(next, "on" | "over") => return Some("mom"),
            "quarter" if matches!(next, "on" | "over") => return Some("qoq"),
            "previous" | "prior" | "preceding" if matches!(next, "quarter") => return Some("qoq"),
            "previous" | "prior" | "preceding" | "last" if matches!(next, "year") => {
                return Some("yoy")
            }
            _ => {}
        }
    }
    None
}

pub(crate) fn resolve_basis(b: Option<&'static str>, period: Option<&str>) -> Option<&'static str> {
    let quarter = period.is_some_and(|p| p.contains("-Q"));
    match b {
        Some("mom") if quarter => Some("qoq"),
        Some(x) => Some(x),
        None if period.is_some() => Some("yoy"),
        None => None,
    }
}

/// The news agency's own signature is no subject.
pub(crate) fn is_agency(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "reuter" | "reuters" | "ap" | "afp" | "xinhua" | "bloomberg"
    )
}
