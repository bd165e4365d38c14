//! PERCENT: a number followed by `%`, `percent`, `per cent`, `pct` (Reuters),
//! `percentage points`. The value is the number as written ("21.9%" → 21.9); a `%` with
//! no number right before it ("accounted for%.") is no mention, nor is a `%` inside a URL
//! escape ("%20"). Ranges give both ends: "5-10%", "10 to 25 percent".
//!
//! Every mention names its rule ([`RULES`]): [`SIGN`], [`WORD`], [`RANGE`], [`OF_NUMBER`].
//! The markers of other languages ("Prozent", "pour cent") are read by the same rules;
//! the example tables are `percent/corpus/{en,de,fr}.tsv`.

use super::numeral::{self, in_url, Number};
use super::span::{Found, Kind};
use super::Context;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// `21.9%`, `27 %`, `12％`: a number and a percent sign.
pub const SIGN: &str = "percent.sign";
/// `12 percent`, `5 pct`, `3,2 pour cent`, `0.25 percentage points`, `a 10-percent stake`:
/// a number and a percent word.
pub const WORD: &str = "percent.word";
/// The first end of a range whose marker is written once: the `5` of `5-10%`, of `10 to
/// 25 percent`, of `between 5 and 10 pct`.
pub const RANGE: &str = "percent.range";
/// `percent of 10`, `per cent of twenty-two`: the marker before its number.
pub const OF_NUMBER: &str = "percent.of_number";
/// Every rule of the dimension.
pub const RULES: &[&str] = &[SIGN, WORD, RANGE, OF_NUMBER];

const MARKERS: &[&str] = &[
    "%",
    "％",
    "percent",
    "Percent",
    "PERCENT",
    "per cent",
    "Per cent",
    "pct",
    "PCT",
    "Prozent",
    "prozent",
    "pour cent",
    "por ciento",
    "per cento",
    "procent",
    "pourcent",
];

static AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(MARKERS)
        .expect("percent markers")
});

/// The PERCENT extractor of the registry.
pub struct Percent;

impl super::Extractor for Percent {
    fn name(&self) -> &'static str {
        "percent"
    }
    fn applies(&self, _: &Context) -> bool {
        true
    }
    fn find(&self, text: &str, ctx: &Context, out: &mut Vec<Found>) {
        super::width::find_folded(text, out, |t| find(t, ctx));
    }
}

/// Find PERCENT mentions.
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    let loc = numeral::Locale::from_lang(ctx.lang.as_deref());
    let b = text.as_bytes();
    let mut out: Vec<Found> = Vec::new();
    for m in AC.find_iter(text) {
        let (ms, me) = (m.start(), m.end());
        let sym = b[ms] == b'%' || text[ms..].starts_with('％');
        let mut end = me;
        if sym {
            // URL escapes: "%20", "%2D"
            if end < b.len() && b[end].is_ascii_alphanumeric() {
                continue;
            }
        } else {
            // a whole word: "percent", "percents", "percentage", "percentage points"
            if ms > 0 && b[ms - 1].is_ascii_alphabetic() {
                continue;
            }
            let rest = &text[end..];
            if rest.starts_with("age") {
                end += 3;
            } else if rest.starts_with("punkte") {
                // "Prozentpunkte"
                end += 6;
            } else if rest.starts_with('s')
                && !text[end + 1..].starts_with(|c: char| c.is_ascii_alphabetic())
            {
                end += 1;
            }
            if end < b.len() && b[end].is_ascii_alphanumeric() {
                continue;
            }
        }
        // "percentage point(s)", "% points", "pct points"
        if let Some((s, e, w)) = numeral::word_after(text, end) {
            if s <= end + 1 && (w == "points" || w == "point") {
                end = e;
            }
        }
        // the number right before the marker (a space allowed, none needed for "%")
        let mut ne = ms;
        if ne > 0 && (b[ne - 1] == b' ' || (!sym && b[ne - 1] == b'-')) {
            // "12 percent", "a 10-percent stake"
            ne -= 1;
        } else if !sym && ne > 0 && b[ne - 1].is_ascii_digit() {
            // "5pct" glued is fine
        } else if !sym {
            if let Some((s, e, v)) = reversed(text, ms, end) {
                push(&mut out, s, e, v, OF_NUMBER);
            }
            continue;
        }
        let Some((n, prev)) = number_ending_at(text, ne, loc) else {
            // "percent of 10", "per cent of twenty-two": the number after the marker
            if !sym {
                if let Some((s, e, v)) = reversed(text, ms, end) {
                    push(&mut out, s, e, v, OF_NUMBER);
                }
            }
            continue;
        };
        if n.glued || in_url(text, n.start) {
            continue;
        }
        let mut start = n.start;
        let mut value = n.value;
        // a decimal split by tokenisation: "6 . 2 %" is 6.2, not 2
        if let Some((s, v)) = split_decimal(text, &n).or_else(|| split_fraction(text, &n)) {
            start = s;
            value = v;
        }
        // sign: "-3%", "−3%", "minus five percent", "negative 2 pct"
        let sb = &text[..start];
        if (sb.ends_with('-') || sb.ends_with('−'))
            && sb[..sb.len() - if sb.ends_with('-') { 1 } else { 3 }]
                .bytes()
                .next_back()
                .is_none_or(|c| c == b' ' || c == b'(' || c == b'\n' || c == b':')
        {
            value = -value;
            start -= if sb.ends_with('-') { 1 } else { 3 };
        } else if sb.ends_with('+') {
            start -= 1;
        } else if let Some((ws, w)) = numeral::word_before(text, start) {
            if w == "minus" || w == "negative" {
                value = -value;
                start = ws;
            }
        }
        // the other end of a range: "5-10%", "10 to 25 percent", "between 5 and 10 pct"
        if let Some(p) = prev {
            if !p.glued && !p.scaled && p.value < 1000.0 && p.value <= n.value {
                let between = &text[p.end..n.start];
                let joined = between == "-"
                    || between == " to "
                    || between == " - "
                    || between == "–"
                    || between == " and " && {
                        numeral::word_before(text, p.start).is_some_and(|(_, w)| w == "between")
                    };
                if joined && !in_url(text, p.start) {
                    push(&mut out, p.start, p.end, p.value, RANGE);
                }
            }
        }
        push(&mut out, start, end, value, if sym { SIGN } else { WORD });
    }
    out
}

/// "percent of 10": marker at `ms..end`, no number before it, " of " and a number after
/// it that ends the clause. Returns (start, end, value).
fn reversed(text: &str, ms: usize, end: usize) -> Option<(usize, usize, f64)> {
    let b = text.as_bytes();
    if let Some((_, w)) = numeral::word_before(text, ms) {
        // "a small percent of the", "the percent of"
        if !matches!(
            w.as_str(),
            "is" | "was" | "be" | "of" | "by" | "at" | "to" | "need"
        ) {
            return None;
        }
    }
    let (_, e1, w1) = numeral::word_after(text, end)?;
    if w1 != "of" {
        return None;
    }
    let s2 = numeral::skip_spaces(text, e1);
    if s2 == e1 || s2 >= b.len() {
        return None;
    }
    let n = numeral::scan_number(text, s2)?;
    let q = n.end;
    let closes = q >= b.len() || matches!(b[q], b'.' | b',' | b';' | b'!' | b'?' | b')' | b'\n');
    (closes && !n.scaled).then_some((ms, n.end, n.value))
}

/// "6 . 2": digits, " . ", and the digits of `n` (tokenised text, as in Penn Treebank
/// style corpora). Returns (start, value) of the whole decimal.
fn split_decimal(text: &str, n: &Number) -> Option<(usize, f64)> {
    let b = text.as_bytes();
    if n.words || n.scaled || !b[n.start..n.end].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let head = text[..n.start].strip_suffix(" . ")?;
    let hb = head.as_bytes();
    let mut s = hb.len();
    while s > 0 && hb[s - 1].is_ascii_digit() && hb.len() - s < 6 {
        s -= 1;
    }
    if s == hb.len() || (s > 0 && hb[s - 1] != b' ') {
        return None;
    }
    let v: f64 = format!("{}.{}", &head[s..], &text[n.start..n.end])
        .parse()
        .ok()?;
    Some((s, v))
}

/// A coupon's fraction split by tokenisation: "7 3 / 4 %" is 7.75, not 4 (the
/// denominator `n`, a numerator, and maybe a whole number before it). The start and value.
fn split_fraction(text: &str, n: &Number) -> Option<(usize, f64)> {
    let b = text.as_bytes();
    if n.words || n.scaled || !b[n.start..n.end].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let den: f64 = text[n.start..n.end].parse().ok()?;
    if !matches!(den as u32, 2 | 3 | 4 | 8 | 16 | 32 | 64) {
        return None;
    }
    let head = text[..n.start].strip_suffix(" / ")?;
    let digits_before = |h: &str| {
        let hb = h.as_bytes();
        let mut s = hb.len();
        while s > 0 && hb[s - 1].is_ascii_digit() && hb.len() - s < 3 {
            s -= 1;
        }
        (s < hb.len() && (s == 0 || hb[s - 1] == b' ')).then_some(s)
    };
    let ns = digits_before(head)?;
    let num: f64 = head[ns..].parse().ok()?;
    if num <= 0.0 || num >= den {
        return None;
    }
    let frac = num / den;
    match head[..ns]
        .strip_suffix(' ')
        .and_then(|h| digits_before(h).map(|s| (s, h)))
    {
        Some((ws, h)) => Some((ws, h[ws..].parse::<f64>().ok()? + frac)),
        None => Some((ns, frac)),
    }
}

/// Keep a mention unless it overlaps the one before (a range end already pushed).
fn push(out: &mut Vec<Found>, start: usize, end: usize, value: f64, rule: &'static str) {
    if out.last().is_some_and(|l| l.end > start) {
        return;
    }
    out.push(Found {
        start,
        end,
        kind: Kind::Percent { value },
        rule,
    });
}

/// The number whose last byte is right before `end`, with the number before it (for
/// ranges). Looks at a small window only.
fn number_ending_at(
    text: &str,
    end: usize,
    loc: numeral::Locale,
) -> Option<(Number, Option<Number>)> {
    let b = text.as_bytes();
    if end == 0 {
        return None;
    }
    let last = b[end - 1];
    if !(last.is_ascii_alphanumeric()) {
        return None;
    }
    let mut w0 = end.saturating_sub(64);
    while w0 > 0 && !text.is_char_boundary(w0) {
        w0 += 1;
    }
    if w0 > 0 {
        // start at a word start
        while w0 < end && b[w0] != b' ' && b[w0] != b'\n' {
            w0 += 1;
        }
    }
    let window = &text[w0..end];
    let nums = numeral::find_numbers_in(window, loc);
    let k = nums.iter().rposition(|n| n.end == window.len())?;
    let shift = |mut n: Number| {
        n.start += w0;
        n.end += w0;
        n
    };
    let n = shift(nums[k].clone());
    // a number glued to letters on its left window edge ("A320%") was skipped by the scan
    if n.start > 0
        && (b[n.start - 1].is_ascii_alphanumeric()
            || matches!(b[n.start - 1], b'%' | b'=' | b'/' | b'&' | b'.'))
        && !n.glued
    {
        return None;
    }
    let prev = (k > 0).then(|| shift(nums[k - 1].clone()));
    Some((n, prev))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The rules that the rows of the example tables show (the rows not marked xfail;
    /// `corpus.rs` checks their values).
    fn rules_shown(tables: &[(&str, &str)]) -> BTreeSet<&'static str> {
        let mut seen = BTreeSet::new();
        for (lang, table) in tables {
            let ctx = Context {
                lang: Some(lang.to_string()),
                ..Context::default()
            };
            for row in crate::extract::corpus::rows(table) {
                if row.xfail.is_none() {
                    seen.extend(find(&row.cols[0], &ctx).iter().map(|f| f.rule));
                }
            }
        }
        seen
    }

    #[test]
    fn every_rule_shows_up_on_a_table_row() {
        let tables = [
            ("en", include_str!("corpus/en.tsv")),
            ("de", include_str!("corpus/de.tsv")),
            ("fr", include_str!("corpus/fr.tsv")),
        ];
        let seen = rules_shown(&tables);
        let listed: BTreeSet<&str> = RULES.iter().copied().collect();
        assert_eq!(listed.len(), RULES.len(), "a rule listed twice");
        assert_eq!(seen, listed, "rules shown by the tables vs percent::RULES");
    }
}
