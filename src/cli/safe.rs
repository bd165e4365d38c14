//! Text from the data made safe for a terminal: control characters (C0, DEL, C1: the
//! escape sequences that retitle or clear a terminal) and the bidirectional overrides
//! that reorder what is shown are written as visible `\u{…}` escapes. Every field of the
//! text output goes through [`text`]; `--json` output is escaped by JSON itself.

use std::borrow::Cow;

fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe character written as `\u{…}` (borrowed when there is none).
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn escapes_and_overrides_are_made_visible() {
        assert_eq!(text("plain Zürich 東京"), "plain Zürich 東京");
        assert_eq!(
            text("evil\u{1b}]0;PWNED\u{7}\u{1b}[2J"),
            "evil\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J"
        );
        assert_eq!(text("a\u{9b}b\u{202e}c\nd"), "a\\u{9b}b\\u{202e}c\\u{a}d");
    }
}
