//! Fuzz the clean stage: the fragment cleaner, the page parser, the inline cleaner and
//! the per-run boilerplate learner, on arbitrary bytes (decoded lossily, as the readers
//! do). Checks the invariants of the property tests in `src/clean/proptests.rs`.
//!
//!     cargo +nightly fuzz run clean -- -max_total_time=300      (from the crate root)
//!
//! CI only compiles it, on stable: `cargo check --manifest-path fuzz/Cargo.toml`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts::article::{BodyKind, Cleaned, Origin, RawArticle};
use newsfacts::clean::{boilerplate::Learner, clean_article, clean_body, clean_inline, page};
use unicode_normalization::is_nfc;

fn tidy(out: &str) {
    assert_eq!(out, out.trim(), "untrimmed");
    assert!(!out.contains("\n\n\n"), "{out:?}");
    assert!(!out.contains("  "), "{out:?}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert!(is_nfc(out), "not NFC: {out:?}");
}

/// `<` then (whitespace, `/`) then a letter: text a second clean would read as a tag (the
/// Reuters `&lt;P>` ticker convention keeps such text on purpose; so does a `<` whose
/// tag name was cut off by a control character, `<\t\0\n\n/s`).
fn tag_shaped(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b'<'
            && b[i + 1..]
                .iter()
                .take(8)
                .find(|&&x| !matches!(x, b' ' | b'\t' | b'\n' | b'\r' | b'/'))
                .is_some_and(|x| x.is_ascii_alphabetic() || *x == b'!')
    })
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let once = clean_body(&s);
    tidy(&once);
    if !tag_shaped(&once) {
        assert_eq!(clean_body(&once), once, "not idempotent on {s:?}");
    }
    let p = page(&s);
    tidy(&p.text);
    let i = clean_inline(&s);
    assert!(!i.contains('\n'));
    // The learner over the input cut into articles at 0x1E (record separator) bytes.
    let mut batch: Vec<Cleaned> = s
        .split('\u{1e}')
        .take(16)
        .enumerate()
        .filter_map(|(n, body)| {
            let r = RawArticle {
                id: None,
                url: Some(format!("https://s{}.example/", n % 2)),
                title: None,
                published: None,
                body: body.to_string(),
                // Every other piece as a whole page (an `.html` file), the rest as dump
                // records: both paths of the clean stage.
                kind: if n % 2 == 0 {
                    BodyKind::Record
                } else {
                    BodyKind::Page
                },
                origin: Origin {
                    file: "fuzz".into(),
                    line: None,
                },
                warnings: Vec::new(),
                meta: Default::default(),
            };
            clean_article(r).ok()
        })
        .collect();
    let before: Vec<bool> = batch.iter().map(|a| a.text.is_empty()).collect();
    Learner::default().clean_batch(&mut batch);
    for (a, was_empty) in batch.iter().zip(before) {
        assert_eq!(a.text.is_empty(), was_empty);
    }
});
