//! Words and spaces at byte offsets of a text: the small scanners every rule extractor
//! uses to look left and right of a number (`word_before`, `word_after`, `skip_spaces`),
//! a lowercase word kept on the stack ([`Lower`]), and the URL test. ASCII only, so they
//! never split a code point.

/// Lowercase a short ASCII word into a stack buffer (no allocation); `None` if longer
/// than 16 bytes.
pub fn lower_buf(w: &str, buf: &mut [u8; 16]) -> Option<usize> {
    let b = w.as_bytes();
    if b.len() > buf.len() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(b.len())
}

pub(super) fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// The ASCII word starting at `i` (letters and inner hyphens), as (end, word).
pub(super) fn word_at(text: &str, i: usize) -> Option<(usize, &str)> {
    let b = text.as_bytes();
    if i >= b.len() || !b[i].is_ascii_alphabetic() {
        return None;
    }
    if i > 0 && is_word_byte(b[i - 1]) {
        return None;
    }
    let mut j = i;
    while j < b.len()
        && (b[j].is_ascii_alphabetic()
            || (b[j] == b'-' && j + 1 < b.len() && b[j + 1].is_ascii_alphabetic() && j > i))
    {
        j += 1;
    }
    if j < b.len() && is_word_byte(b[j]) {
        return None;
    }
    Some((j, &text[i..j]))
}

/// The ASCII letters starting at `i` up to the next non-letter (a hyphen ends it), as
/// (end, word); `i` must follow a hyphen.
#[inline] // called in a hot loop of another file (codegen unit)
pub(super) fn word_at_hyphen(text: &str, i: usize) -> Option<(usize, &str)> {
    let b = text.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    Some((j, &text[i..j]))
}

/// Skip one run of spaces (ASCII space or tab, at most a few) starting at `i`.
pub fn skip_spaces(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut j = i;
    while j < b.len() && (b[j] == b' ' || b[j] == b'\t' || b[j] == b'\n') && j - i < 4 {
        j += 1;
    }
    j
}

/// Is byte `i` inside a URL-like token (`http://…`, `www.…`, `?q=30%25`)?
pub fn in_url(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let mut s = i;
    while s > 0 && !b[s - 1].is_ascii_whitespace() && i - s < 200 {
        s -= 1;
    }
    while !text.is_char_boundary(s) {
        s += 1;
    }
    let tok = &text[s..i];
    // a plain word or number (the usual case) holds none of the URL marks
    if !tok
        .bytes()
        .any(|c| matches!(c, b':' | b'.' | b'?' | b'=' | b'%'))
    {
        return false;
    }
    tok.contains("://")
        || tok.contains("www.")
        || tok.contains('?')
        || tok.contains('=')
        || tok.contains("%2")
}

/// A short lowercase ASCII word kept inline (no allocation); words longer than the
/// buffer keep their first 31 bytes, which matches no keyword.
///
/// Its small methods are `#[inline]`: the rules of other files (other codegen units)
/// call them in their hot loops.
#[derive(Clone, Copy)]
pub struct Lower {
    buf: [u8; 31],
    len: u8,
}

impl Lower {
    #[inline]
    pub fn new(w: &str) -> Self {
        let mut buf = [0u8; 31];
        let n = w.len().min(31);
        for (d, s) in buf.iter_mut().zip(&w.as_bytes()[..n]) {
            *d = s.to_ascii_lowercase();
        }
        Lower { buf, len: n as u8 }
    }

    /// Keep the first `n` bytes.
    pub fn truncate(&mut self, n: usize) {
        self.len = self.len.min(n as u8);
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        // ASCII only (callers pass ASCII words)
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Lower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl PartialEq<&str> for Lower {
    #[inline]
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Lower {
    #[inline]
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// The lowercase ASCII word ending right before byte `end` (skipping spaces), as
/// (start, word). Used to look at left context.
pub fn word_before(text: &str, end: usize) -> Option<(usize, Lower)> {
    let b = text.as_bytes();
    let mut j = end;
    let mut n = 0;
    while j > 0 && (b[j - 1] == b' ' || b[j - 1] == b'\t' || b[j - 1] == b'\n') && n < 3 {
        j -= 1;
        n += 1;
    }
    let e = j;
    while j > 0
        && (b[j - 1].is_ascii_alphabetic()
            || b[j - 1] == b'.' && j > 1 && b[j - 2].is_ascii_alphabetic())
    {
        j -= 1;
        if e - j > 40 {
            // no keyword is that long (and a letter blob must not make scans quadratic)
            return None;
        }
    }
    if j == e || (j > 0 && is_word_byte(b[j - 1])) {
        return None;
    }
    Some((j, Lower::new(&text[j..e])))
}

/// The ASCII word starting at byte `i` after optional spaces, as (start, end, lowercase).
pub fn word_after(text: &str, i: usize) -> Option<(usize, usize, Lower)> {
    let j = skip_spaces(text, i);
    let (e, w) = word_at(text, j)?;
    Some((j, e, Lower::new(w)))
}

/// The word after `i` (spaces allowed), allowing inner dots ("u.s.") and hyphens
/// ("us-dollar"), as (start, end, lowercase); none when it is glued to a non-ASCII letter.
pub fn word_after_dotted(text: &str, i: usize) -> Option<(usize, usize, Lower)> {
    let b = text.as_bytes();
    let s = skip_spaces(text, i);
    let mut e = s;
    while e < b.len()
        && (b[e].is_ascii_alphabetic()
            || ((b[e] == b'.' || b[e] == b'-')
                && e > s
                && e + 1 < b.len()
                && b[e + 1].is_ascii_alphabetic()))
    {
        e += 1;
    }
    // keep a trailing dot of "u.s."
    if e > s && e < b.len() && b[e] == b'.' && text[s..e].contains('.') {
        e += 1;
    }
    if e == s || (e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] >= 0x80) && b[e] != 0xE2) {
        if e == s {
            return None;
        }
        // glued to something else (non-ASCII letters): not a word we know
        if b[e] >= 0x80 {
            return None;
        }
    }
    Some((s, e, Lower::new(&text[s..e])))
}
