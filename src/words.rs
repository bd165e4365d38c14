//! Fixed word lists looked up case-insensitively without allocating. Most words are
//! turned away by their length and first letter before any comparison: a plain scan of
//! `eq_ignore_ascii_case` over the list was a visible cost where every token is checked.

/// A set of short ASCII words, matched ASCII-case-insensitively.
pub struct WordSet {
    words: Vec<&'static str>,
    /// Bit `n`: some word has `n` bytes.
    lens: u64,
    /// Bit `b`: some word starts with byte `b` (lower case).
    firsts: u128,
}

impl WordSet {
    /// The set of `words`, which must be ASCII of at most 63 bytes (they are constants:
    /// anything else is a programming error).
    pub fn new(words: &[&'static str]) -> WordSet {
        let (mut lens, mut firsts) = (0u64, 0u128);
        for w in words {
            assert!(
                w.is_ascii() && !w.is_empty() && w.len() < 64,
                "word list entry {w:?}: not 1-63 ASCII bytes"
            );
            lens |= 1 << w.len();
            firsts |= 1 << w.as_bytes()[0].to_ascii_lowercase();
        }
        WordSet {
            words: words.to_vec(),
            lens,
            firsts,
        }
    }

    /// Is `w` one of the words, ignoring ASCII case? (A word with other letters is not.)
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let Some(&first) = b.first() else {
            return false;
        };
        b.len() < 64
            && self.lens & (1 << b.len()) != 0
            && first < 128
            && self.firsts & (1 << first.to_ascii_lowercase()) != 0
            && self.words.iter().any(|m| m.eq_ignore_ascii_case(w))
    }
}

/// Append `w` lower-cased to `out` if it is plain ASCII (the common case, no allocation);
/// `false`, and nothing appended, otherwise: the caller lower-cases it its own way.
#[inline]
pub fn push_ascii_lowercase(out: &mut String, w: &str) -> bool {
    if !w.is_ascii() {
        return false;
    }
    let at = out.len();
    out.push_str(w);
    out[at..].make_ascii_lowercase();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_like_a_case_insensitive_scan() {
        let list = ["the", "a", "inc.", "s.p.a.", "incorporated", "de"];
        let set = WordSet::new(&list);
        for w in [
            "the",
            "The",
            "THE",
            "them",
            "th",
            "a",
            "A",
            "",
            "Inc.",
            "inc",
            "S.P.A.",
            "Incorporated",
            "incorporatedx",
            "de",
            "DE",
            "dé",
            "\0a",
            "a\0",
            "ünd",
            "a_very_long_word_beyond_the_limit_of_sixty_four_bytes_that_a_set_holds_at_most",
        ] {
            let plain = list.iter().any(|m| m.eq_ignore_ascii_case(w));
            assert_eq!(set.contains(w), plain, "{w:?}");
        }
    }

    #[test]
    #[should_panic(expected = "not 1-63 ASCII bytes")]
    fn a_non_ascii_entry_is_refused() {
        WordSet::new(&["née"]);
    }

    #[test]
    fn ascii_words_are_appended_lower_cased_and_others_left_to_the_caller() {
        let mut out = String::from("x ");
        assert!(push_ascii_lowercase(&mut out, "Xunlei LTD."));
        assert_eq!(out, "x xunlei ltd.");
        assert!(!push_ascii_lowercase(&mut out, "Zürich"));
        assert_eq!(out, "x xunlei ltd.");
    }
}
