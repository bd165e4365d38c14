//! Whether a lower-case word is a sequence of Mandarin pinyin syllables ("hongxia",
//! "jinbo"): a feature of the tagger and a test of the Chinese-name rule.

use super::hash::FxMap;

const PINYIN_FINALS: &[&str] = &[
    "iang", "iong", "uang", "ang", "eng", "ing", "ong", "ian", "iao", "uai", "uan", "ai", "ei",
    "ao", "ou", "an", "en", "in", "un", "ia", "ie", "iu", "ua", "uo", "ui", "ue", "er", "a", "o",
    "e", "i", "u", "v",
];
#[cfg(test)]
const PINYIN_INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w", "",
];

#[cfg(test)]
fn pinyin_syllables(s: &[u8], depth: u32) -> bool {
    if s.is_empty() {
        return depth > 0;
    }
    if depth >= 3 {
        return false;
    }
    for ini in PINYIN_INITIALS {
        if !s.starts_with(ini.as_bytes()) {
            continue;
        }
        let rest = &s[ini.len()..];
        for fin in PINYIN_FINALS {
            if ini.is_empty() && !matches!(fin.as_bytes()[0], b'a' | b'e' | b'o') {
                continue;
            }
            if rest.starts_with(fin.as_bytes()) {
                let after = &rest[fin.len()..];
                // a following syllable may not start with a vowel unless the text
                // ends here (avoids "an|a" ambiguity being counted twice)
                if pinyin_syllables(after, depth + 1) {
                    return true;
                }
            }
        }
    }
    false
}

/// [`pinyin_syllables`] with the initial of each syllable chosen at once: every final
/// starts with a vowel and no initial does, so a syllable opening with a consonant can
/// only take its longest initial ("zh", not "z" before "h"), and one opening with a
/// vowel only the empty initial (then its final must start with a, e or o). Same
/// answers, without trying all 24 initials at every syllable.
fn pinyin_fast(s: &[u8], depth: u32) -> bool {
    if s.is_empty() {
        return depth > 0;
    }
    if depth >= 3 {
        return false;
    }
    let ini = match s {
        [b'z' | b'c' | b's', b'h', ..] => 2,
        [b'a' | b'e' | b'o', ..] => 0,
        [c, ..] if b"bpmfdtnlgkhjqxrzcsyw".contains(c) => 1,
        _ => return false,
    };
    let rest = &s[ini..];
    let Some(&r0) = rest.first() else {
        return false;
    };
    PINYIN_FINALS.iter().any(|fin| {
        let f = fin.as_bytes();
        f[0] == r0 && rest.starts_with(f) && pinyin_fast(&rest[f.len()..], depth + 1)
    })
}

/// Can this lower-case ASCII word be read as one to three Hanyu Pinyin syllables?
pub fn is_pinyin(lower: &str) -> bool {
    let b = lower.as_bytes();
    b.len() >= 2 && b.len() <= 14 && b.iter().all(|c| c.is_ascii_lowercase()) && {
        pinyin_fast(b, 0)
    }
}

thread_local! {
    /// [`is_pinyin`] by lower-case hash: capitalised words repeat, and the syllable
    /// search was ≈ 10 % of tagging. Cleared when full.
    static PINYIN_MEMO: std::cell::RefCell<FxMap<u64, bool>> = Default::default();
}
const PINYIN_MEMO_WORDS: usize = 50_000;

/// [`is_pinyin`] of `lower`, whose lower-case hash is `l`, remembered.
pub(super) fn is_pinyin_memo(l: u64, lower: &str) -> bool {
    PINYIN_MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if let Some(&p) = m.get(&l) {
            return p;
        }
        if m.len() >= PINYIN_MEMO_WORDS {
            m.clear();
        }
        let p = is_pinyin(lower);
        m.insert(l, p);
        p
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_pinyin_search_is_the_full_one() {
        // every word of the embedded lists and clusters, and some made-up strings
        let mut words: Vec<String> = include_str!("../../../models/clusters.txt")
            .lines()
            .filter_map(|l| l.split('\t').next())
            .map(|w| w.to_lowercase())
            .collect();
        for (_, body) in super::super::gazetteer::CLASSES {
            words.extend(body.split_whitespace().map(|w| w.to_lowercase()));
        }
        words.extend(
            [
                "zhzh",
                "ngan",
                "aaa",
                "eer",
                "vvv",
                "shi",
                "sh",
                "zhuangzhuang",
            ]
            .map(String::from),
        );
        let mut yes = 0;
        for w in &words {
            let b = w.as_bytes();
            if b.is_empty() || !b.iter().all(|c| c.is_ascii_lowercase()) {
                continue;
            }
            let full = pinyin_syllables(b, 0);
            assert_eq!(pinyin_fast(b, 0), full, "{w}");
            yes += full as usize;
        }
        assert!(
            yes > 100 && words.len() > 10_000,
            "{yes} of {}",
            words.len()
        );
    }

    #[test]
    fn pinyin_words() {
        for w in ["hongxia", "jinbo", "lei", "xue", "zhang", "xiaoming", "wei"] {
            assert!(is_pinyin(w), "{w}");
        }
        for w in ["street", "smith", "brown", "microsoft", "x"] {
            assert!(!is_pinyin(w), "{w}");
        }
    }
}
