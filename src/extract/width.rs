//! Full-width digits, letters and punctuation (`１．０７５３美元`, `２０２０年`, `５％`) read
//! as their ASCII forms by the extractors that read values (money, percent, dates).
//!
//! The text itself is never changed: a value extractor runs on a folded copy, and the
//! offsets of what it finds are mapped back to the original text, so mentions point at
//! the characters as written.

use super::span::Found;

/// The ASCII form of a full-width character (U+FF01–U+FF5E; U+3000 is a space), or None.
/// The full-width comma `，` is Chinese's own comma, a mark of the sentence, not of
/// numbers: it stays.
#[inline]
pub fn ascii_of(c: char) -> Option<char> {
    match c as u32 {
        0xFF0C => None,
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0),
        0x3000 => Some(' '),
        _ => None,
    }
}

/// Does the text hold a character [`ascii_of`] folds? (Their UTF-8 starts with EF BC,
/// EF BD or E3 80 80.)
#[inline]
fn has_full_width(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(3).any(|w| match w {
        [0xEF, 0xBC, 0x8C] => false,
        [0xEF, 0xBC | 0xBD, _] => true,
        [0xE3, 0x80, 0x80] => true,
        _ => false,
    })
}

/// The folded copy of `text` and, for each byte offset of the copy (and its end), the
/// byte offset in `text` it came from.
pub fn fold(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        let d = ascii_of(c).unwrap_or(c);
        for _ in 0..d.len_utf8() {
            map.push(i);
        }
        out.push(d);
    }
    map.push(text.len());
    (out, map)
}

/// Run `find` over `text` with its full-width characters read as ASCII, adding what it
/// finds to `out` with offsets in `text`.
pub fn find_folded(text: &str, out: &mut Vec<Found>, find: impl FnOnce(&str) -> Vec<Found>) {
    if !has_full_width(text) {
        out.extend(find(text));
        return;
    }
    let (folded, map) = fold(text);
    out.extend(find(&folded).into_iter().map(|mut f| {
        f.start = map[f.start];
        f.end = map[f.end];
        f
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_to_the_text_as_written() {
        let text = "兑换１．０７５３美元，ab";
        let (folded, map) = fold(text);
        assert_eq!(folded, "兑换1.0753美元，ab");
        let s = folded.find('1').unwrap();
        assert_eq!(&text[map[s]..], "１．０７５３美元，ab");
        assert_eq!(map[folded.len()], text.len());
        assert!(has_full_width(text));
        assert!(has_full_width("a\u{3000}b"));
        assert!(!has_full_width("兑换1.0753美元，ab 「」"));
        let mut out = Vec::new();
        find_folded(text, &mut out, |t| {
            crate::extract::money::find(t, &Default::default())
        });
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(&text[out[0].start..out[0].end], "１．０７５３美元");
    }
}
