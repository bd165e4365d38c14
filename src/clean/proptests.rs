//! Property tests of the clean stage (proptest): on arbitrary strings and arbitrary tag
//! soup it never panics, its output is tidy NFC text without tag debris, cleaning its own
//! output changes nothing, and the offsets extraction computes on it are valid.
//!
//! One deliberate exception: an escaped opener with a raw closer (`&lt;P>`, `&lt;SRD>`) is
//! the Reuters way of writing a ticker symbol and stays text (`<P>`); cleaning that output
//! again reads `<P>` as a tag. So idempotence is checked on outputs with no tag-shaped
//! text (`<` then a letter), and tag debris on soup whose `&lt;` / `&gt;` come in
//! consistent pairs.
//!
//! `PROPTEST_CASES=20000 cargo test --release --lib clean::proptests` for a long run.

use super::*;
use proptest::prelude::*;
use regex::Regex;
use std::sync::LazyLock;
use unicode_normalization::is_nfc;

/// Pieces of the markup found in dumps: real, mangled and escaped tags, entities, odd
/// spaces, combining marks, notices, and words.
const PIECES: &[&str] = &[
    "<",
    ">",
    "/",
    " ",
    "p",
    "P",
    "<p>",
    "</p>",
    "< p >",
    "< / P >",
    "<P >",
    "<br>",
    "<br/>",
    "< br / >",
    "<div class=\"story\">",
    "</div>",
    "<a href=\"x\">",
    "</a>",
    "<b>",
    "</b>",
    "<span>",
    "&",
    "&amp;",
    "&lt;",
    "&gt;",
    "&lt;p&gt;",
    "&lt;/p&gt;",
    "&amp;lt;p&amp;gt;",
    "&#",
    "&#x",
    "&#39;",
    "&#x2019;",
    "&nbsp;",
    "&#0;",
    "&#xD800;",
    "&copy",
    ";",
    "3",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{A0}",
    "\u{2029}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{1}",
    "é",
    "e\u{301}",
    "\u{301}",
    "中文",
    "。",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!DOCTYPE html>",
    "<html>",
    "<body>",
    "<nav>",
    "</nav>",
    "<h1>",
    "</h1>",
    "<title>",
    "</title>",
    "<meta property=\"og:title\" content=\"T\">",
    "\"",
    "'",
    "=",
    "Disclaimer: not investment advice.",
    "Follow us on Twitter",
    "All rights reserved.",
    "Share this article",
    "Chen Lei",
    "Xunlei",
    " said ",
    "21.9%",
    "$3 million",
    ".",
    ",",
    "the",
    "March 12, 2020",
    "x<y",
    "a < b",
    "c > d",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

/// Soup where angle brackets only come as whole tags (raw, mangled or escaped): no bare
/// `<` / `>` / `&lt;` that could meet a stray letter and a bracket to spell a new tag.
fn consistent_soup() -> impl Strategy<Value = String> {
    let pieces: Vec<&str> = PIECES
        .iter()
        .copied()
        .filter(|p| {
            !matches!(
                *p,
                "&lt;" | "&gt;" | "&" | "&amp;" | "<" | ">" | "a < b" | "c > d"
            )
        })
        .collect();
    prop::collection::vec(prop::sample::select(pieces), 0..40).prop_map(|v| v.concat())
}

/// Text that a second clean would read as a tag.
static TAG_SHAPED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<\s{0,3}/?\s{0,3}[A-Za-z!]").expect("regex"));

/// Any string: arbitrary chars, plus soup with arbitrary chars mixed in.
fn anything() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        soup(),
        (soup(), any::<String>(), soup()).prop_map(|(a, b, c)| format!("{a}{b}{c}")),
    ]
}

/// A tag of the fragment scanner's vocabulary left in the text: `<p>`, `< / P >`, `<br/>`…
static TAG_DEBRIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<[ ]{0,3}/?[ ]{0,3}(?:p|br|div|span|b|a|li|ul|h1|script|style|body|html|nav|title)[ ]{0,3}/?[ ]{0,3}>")
        .expect("regex")
});

fn tidy_text(out: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(out, out.trim());
    prop_assert!(!out.contains("\n\n\n"), "{:?}", out);
    prop_assert!(!out.contains("  "), "{:?}", out);
    prop_assert!(
        !out.chars().any(|c| c.is_control() && c != '\n'),
        "{:?}",
        out
    );
    for p in out.split("\n\n") {
        prop_assert!(!p.contains('\n'), "{:?}", out);
    }
    prop_assert!(is_nfc(out), "not NFC: {:?}", out);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn clean_body_is_tidy_and_idempotent(s in anything()) {
        let once = clean_body(&s);
        tidy_text(&once)?;
        if !TAG_SHAPED.is_match(&once) {
            let twice = clean_body(&once);
            prop_assert_eq!(&twice, &once, "input {:?}", s);
        }
    }

    #[test]
    fn no_tag_debris_from_soup(s in consistent_soup()) {
        let out = clean_body(&s);
        prop_assert!(!TAG_DEBRIS.is_match(&out), "{:?} -> {:?}", s, out);
    }

    #[test]
    fn page_and_inline_never_panic(s in anything()) {
        let p = page(&s);
        tidy_text(&p.text)?;
        let i = clean_inline(&s);
        prop_assert!(!i.contains('\n'), "{:?}", i);
        if !TAG_SHAPED.is_match(&i) {
            prop_assert_eq!(clean_inline(&i), i);
        }
    }

    #[test]
    fn notice_stripping_keeps_a_contiguous_run(paras in prop::collection::vec(
        prop_oneof![
            Just("Disclaimer: for reference only.".to_string()),
            Just("Follow us on Twitter".to_string()),
            Just("Example Net is a leading news website.".to_string()),
            "[A-Za-z ,.]{1,60}",
        ], 1..8)) {
        let text = clean_body(&paras.join("\n\n"));
        let out = notice::strip_edges(text.clone());
        prop_assert!(text.contains(&out), "{:?} -> {:?}", text, out);
        prop_assert_eq!(text.is_empty(), out.is_empty());
        prop_assert_eq!(notice::strip_edges(out.clone()), out);
    }
}

proptest! {
    // Extraction is slower: fewer cases.
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn mention_offsets_slice_the_clean_text(s in anything()) {
        let raw = crate::article::RawArticle {
            id: Some("p".into()),
            url: None,
            title: None,
            published: None,
            body: s,
            origin: crate::article::Origin { file: "-".into(), line: None },
            kind: crate::article::BodyKind::Record,
            warnings: Vec::new(),
            meta: Default::default(),
        };
        let cleaned = clean_article(raw).expect("a record is never rejected by the cleaner");
        if let Ok(a) = crate::pipeline::process(cleaned, None, false) {
            let chars: Vec<char> = a.text.chars().collect();
            for m in &a.mentions {
                prop_assert!(m.start <= m.end && m.end <= chars.len());
                let got: String = chars[m.start..m.end].iter().collect();
                prop_assert_eq!(&got, &m.text);
            }
        }
    }

    #[test]
    fn learner_keeps_text_and_is_deterministic(
        bodies in prop::collection::vec((0u8..3, soup()), 1..24)
    ) {
        let make = || -> Vec<crate::article::Cleaned> {
            bodies.iter().map(|(site, b)| {
                let r = crate::article::RawArticle {
                    id: None,
                    url: Some(format!("https://s{site}.example/")),
                    title: None,
                    published: None,
                    body: b.clone(),
                    kind: crate::article::BodyKind::Record,
                    origin: crate::article::Origin { file: "-".into(), line: None },
                    warnings: Vec::new(),
                    meta: Default::default(),
                };
                clean_article(r).expect("a record is never rejected by the cleaner")
            }).collect()
        };
        let run = || {
            let mut l = boilerplate::Learner::default();
            let mut b = make();
            for chunk in b.chunks_mut(5) {
                l.clean_batch(chunk);
            }
            b.into_iter().map(|a| a.text).collect::<Vec<_>>()
        };
        let (a, b) = (run(), run());
        prop_assert_eq!(&a, &b);
        for (before, after) in make().iter().zip(&a) {
            // Text is only ever removed, never emptied.
            prop_assert_eq!(before.text.is_empty(), after.is_empty());
            prop_assert!(after.len() <= before.text.len());
        }
    }
}
