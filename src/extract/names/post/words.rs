//! Word tests shared by the post-processing rules.

use crate::extract::names::gazetteer::PLACES;
use crate::extract::names::hash::lower_hash;
use crate::extract::names::model::Resources;

/// No letter or digit.
pub(super) fn is_punct(w: &str) -> bool {
    !w.chars().any(|c| c.is_alphanumeric())
}

/// A possessive ending split off as a token.
pub(super) fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

/// Starts with an upper-case letter.
pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// A known place (the gazetteers' place classes).
pub(super) fn is_place(res: &Resources, words: &[&str]) -> bool {
    let hs: Vec<u64> = words.iter().map(|w| lower_hash(w)).collect();
    res.gaz.lookup(&hs) & PLACES != 0
}
