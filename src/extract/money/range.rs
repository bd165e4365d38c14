//! Ranges whose unit is written once: "10 to 12 mln dlrs", "$10-12 million", "$10 to $12
//! million", "between 5 and 10 million yuan", "from $5 to $7 a share". Each end is a
//! mention; the bare end takes the scale, currency and per-share of the other.

use super::around::{approx_before, per_share};
use super::currencies::round_money;
use crate::extract::numeral::{self, Number};
use crate::extract::span::{Found, Kind};

/// The `$10` of `$10 to $12 million`, the `$10` of `$10-12 million`: an end of a range
/// that takes the scale word of the other end.
pub(super) const SHARED_SCALE: &str = "money.en.range_shared_scale";
/// The `10` of `10 to 12 mln dlrs`, the `5` of `between 5 and 10 million yuan`: a bare
/// first end that takes the scale and currency of the second.
pub(super) const FIRST: &str = "money.en.range_first";
/// The `12 million` of `$10-12 million`: a bare second end that takes the currency of
/// the first.
pub(super) const SECOND: &str = "money.en.range_second";

/// Rule [`FIRST`]: "10 to 12 mln dlrs", "between 5 and 10 million yuan": the bare
/// number `p` before amount `n` (found as `f`, starting at `n`) joined by "to" / "-" /
/// "and" (after "between") / "or" takes its scale and currency. Nothing before `floor`.
pub(super) fn first(
    text: &str,
    loc: numeral::Locale,
    p: &Number,
    n: &Number,
    f: &Found,
    floor: usize,
) -> Option<Found> {
    if p.start < floor || p.glued || p.scaled {
        return None;
    }
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
    let first = Found {
        start,
        end: p.end,
        kind: Kind::Money {
            value: v,
            currency: currency.clone(),
            approx,
            per: per.clone(),
        },
        rule: FIRST,
    };
    (first.start >= floor).then_some(first)
}

/// Rule [`SECOND`]: "$10-12 million", "$1.5 to 2 billion": the bare number `next` after
/// amount `f` (read from number `n`) carries the scale and shares the currency of the
/// first end, unless it has a currency of its own (`own_unit`).
pub(super) fn second(
    text: &str,
    n: &Number,
    f: &Found,
    next: Option<&Number>,
    own_unit: impl FnOnce(&Number) -> bool,
) -> Option<Found> {
    let m = next?;
    scale(text, n.end, m)?;
    (f.end == n.end && !m.glued).then_some(())?;
    let Kind::Money { currency, per, .. } = &f.kind else {
        return None;
    };
    if own_unit(m) {
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
        rule: SECOND,
    })
}

/// "from $5 to $7 a share": the first end `prev` of a range is per share when the
/// second end `f` is.
pub(super) fn share_the_share(text: &str, prev: &mut Found, f: &Found) {
    if let Kind::Money { per: Some(p), .. } = &f.kind {
        let mid = &text[prev.end..f.start];
        if matches!(mid, " to " | "-" | " - " | "–" | " and ") {
            if let Kind::Money { per: prev_per, .. } = &mut prev.kind {
                prev_per.get_or_insert_with(|| p.clone());
            }
        }
    }
}

/// For an unscaled amount ending at `end` followed by "to" / "-" / "and" / "or" and a
/// scaled number `next`: the scale of `next`.
pub(super) fn scale(text: &str, end: usize, next: &Number) -> Option<f64> {
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
