//! Cleaning of the small pieces of text the other parts of the clean stage hand over: a
//! one-line value (a title, a meta tag's content), the text of one HTML block, a JSON-LD
//! `articleBody`; and [`settle`], which makes a clean text a fixed point of cleaning.
//!
//! These sit below the page parser ([`super::page`]) and the metadata reader
//! ([`super::meta`]), which both use them, so that neither imports the other's helpers.

use super::entities::decode_entities;
use super::{fragment, normalize};

/// Make the clean text a fixed point of cleaning. Removing invisible characters can
/// join the pieces of an entity (`&#x` ZWSP `3`), and text escaped twice over keeps an
/// entity after one decoding (`&amp;#39;`): decode what is left and tidy again, until
/// nothing changes (a few rounds at most; texts without `&` cost one scan).
pub(super) fn settle(mut s: String, sig_newlines: bool) -> String {
    for _ in 0..4 {
        if !s.contains('&') {
            break;
        }
        let d = decode_entities(&s);
        if d == s {
            break;
        }
        s = normalize::tidy(&d, sig_newlines, false);
    }
    s
}

/// Clean a short single-line string (a title, a meta value): tags and entities handled,
/// all whitespace collapsed to single spaces.
pub fn clean_inline(s: &str) -> String {
    let t = if s.contains(['<', '&']) {
        fragment::scan(s, false).text
    } else {
        s.to_string()
    };
    let t = settle(normalize::tidy(&t, false, false), false);
    if t.contains("\n\n") {
        t.replace("\n\n", " ")
    } else {
        t
    }
}

/// [`clean_inline`], `None` when nothing is left.
pub(super) fn one_line(s: &str) -> Option<String> {
    let t = clean_inline(s);
    if t.is_empty() {
        None
    } else {
        Some(t)
    }
}

/// Text of one HTML block from the page parser: entities already decoded by the parser,
/// but stray or escaped tags may remain in the text; newlines are insignificant.
pub(super) fn clean_block(s: &str) -> String {
    if s.contains(['<', '&']) {
        normalize::tidy(&fragment::scan(s, false).text, false, false)
    } else {
        normalize::tidy(s, false, false)
    }
}

/// A body known not to be a page (JSON-LD `articleBody`): fragment scan and tidy only.
pub(super) fn clean_fragment(body: &str) -> String {
    let scan = fragment::scan(body, true);
    normalize::tidy(&scan.text, true, scan.blocks == 0)
}
