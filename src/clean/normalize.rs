//! Whitespace tidy, odd-space and control-character removal, paragraph assembly, NFC.
//!
//! Input is text where block boundaries are marked with U+2029 (PARAGRAPH SEPARATOR).
//! Output: paragraphs separated by exactly one blank line, single spaces inside.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Marker the scanners insert for a block boundary.
pub(crate) const BREAK: char = '\u{2029}';

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Text,
    Space,
    Newline,
    Break,
    /// Zero-width, soft hyphen, control characters: removed without a trace.
    Drop,
}

#[inline]
fn classify(c: char) -> Class {
    match c {
        ' ' | '\t' | '\u{0B}' | '\u{0C}' => Class::Space,
        '\n' | '\r' | '\u{85}' | '\u{2028}' => Class::Newline,
        BREAK => Class::Break,
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Class::Space
        }
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' | '\u{180E}' | '\u{FFFE}' | '\u{FFFF}' => {
            Class::Drop
        }
        // Bidi embedding/override controls are invisible noise in scraped text.
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Class::Drop,
        c if c.is_control() => Class::Drop,
        _ => Class::Text,
    }
}

/// Tidy `s` into clean paragraphs.
///
/// * runs of spaces/tabs/odd spaces and single newlines become one space;
/// * a blank line (two newlines with only whitespace between) or a [`BREAK`] separates
///   paragraphs;
/// * with `indent_breaks`, a newline followed by an indentation of 2+ columns also starts
///   a new paragraph (plain-text wire copy such as Reuters marks paragraphs that way);
/// * control characters and zero-width characters vanish; the result is NFC.
pub(crate) fn tidy(s: &str, sig_newlines: bool, indent_breaks: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    // Whitespace-run state.
    let mut in_ws = false;
    let mut newlines = 0u32;
    let mut hard_break = false;
    let mut indent = 0u32;
    let mut prev_cr = false;
    while i < b.len() {
        let c0 = b[i];
        // Fast path: a run of printable ASCII.
        if (0x21..0x7F).contains(&c0) {
            let start = i;
            // Words joined by single spaces stay in one run: one copy per line, not per word.
            loop {
                while i < b.len() && (0x21..0x7F).contains(&b[i]) {
                    i += 1;
                }
                if i + 1 < b.len() && b[i] == b' ' && (0x21..0x7F).contains(&b[i + 1]) {
                    i += 1;
                    continue;
                }
                break;
            }
            flush_ws(
                &mut out,
                in_ws,
                newlines,
                hard_break,
                indent_breaks && newlines > 0 && indent >= 2,
            );
            in_ws = false;
            newlines = 0;
            hard_break = false;
            indent = 0;
            prev_cr = false;
            out.push_str(&s[start..i]);
            continue;
        }
        let c = if c0 < 0x80 {
            i += 1;
            c0 as char
        } else {
            let c = s[i..].chars().next().expect("char boundary");
            i += c.len_utf8();
            c
        };
        match classify(c) {
            Class::Text => {
                flush_ws(
                    &mut out,
                    in_ws,
                    newlines,
                    hard_break,
                    indent_breaks && newlines > 0 && indent >= 2,
                );
                in_ws = false;
                newlines = 0;
                hard_break = false;
                indent = 0;
                out.push(c);
            }
            Class::Space => {
                in_ws = true;
                indent += if c == '\t' { 4 } else { 1 };
            }
            Class::Newline => {
                in_ws = true;
                if sig_newlines && !(c == '\n' && prev_cr) {
                    newlines += 1;
                }
                indent = 0;
            }
            Class::Break => {
                in_ws = true;
                hard_break = true;
                indent = 0;
            }
            Class::Drop => {}
        }
        prev_cr = c == '\r';
    }
    nfc(out)
}

#[inline]
fn flush_ws(out: &mut String, in_ws: bool, newlines: u32, hard_break: bool, indented: bool) {
    if !in_ws || out.is_empty() {
        return;
    }
    if hard_break || newlines >= 2 || indented {
        out.push_str("\n\n");
    } else {
        out.push(' ');
    }
}

/// NFC-normalise, skipping the work when the quick check says it is already NFC.
pub(crate) fn nfc(s: String) -> String {
    if s.is_ascii() {
        return s;
    }
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s,
        _ => s.nfc().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_whitespace() {
        assert_eq!(tidy("a\n\n b\u{2029}c", false, false), "a b\n\nc");
    }

    #[test]
    fn table() {
        let cases: &[(&str, bool, &str)] = &[
            ("  a  b  ", false, "a b"),
            ("a\nb", false, "a b"),
            ("a\n\nb", false, "a\n\nb"),
            ("a\n  \n\n\n b", false, "a\n\nb"),
            ("a\r\nb", false, "a b"),
            ("a\r\n\r\nb", false, "a\n\nb"),
            ("a\u{2029}\u{2029}b", false, "a\n\nb"),
            ("\u{2029}a\u{2029}", false, "a"),
            ("a\u{A0}b", false, "a b"),
            ("a\u{200B}b", false, "ab"),
            ("a\u{3}b", false, "ab"),
            ("a \u{3} b", false, "a b"),
            (
                "    Para one\nwrapped.\n    Para two.",
                true,
                "Para one wrapped.\n\nPara two.",
            ),
            (
                "    Para one\nwrapped.\n    Para two.",
                false,
                "Para one wrapped. Para two.",
            ),
            ("e\u{301}", false, "é"),
            ("x\u{FEFF}", false, "x"),
            ("", false, ""),
            ("\u{2029}\n \t", false, ""),
        ];
        for (input, indent, want) in cases {
            assert_eq!(tidy(input, true, *indent), *want, "input {input:?}");
        }
    }
}
