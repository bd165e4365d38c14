//! The hashing under the tagger's features and gazetteers: a small, fast, deterministic
//! hasher (and the map built on it), byte-string and token-sequence hashes, and the
//! lower-case normalisation a token is hashed by. Features ([`super::features`]) and
//! gazetteers ([`super::gazetteer`]) both build on it, so neither imports the other for
//! it. The model file depends on every value computed here: changing one means training
//! again.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, deterministic hasher for u64/u32 keys.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);
const K: u64 = 0x517c_c1b7_2722_0a95;
impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = fx(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = fx(self.0, v);
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = fx(self.0, v as u64);
    }
}
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[inline(always)]
pub fn fx(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

#[inline(always)]
pub(super) fn finalize(mut h: u64) -> u64 {
    h ^= h >> 31;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 29;
    h
}

#[inline]
pub fn hash_bytes(seed: u64, b: &[u8]) -> u64 {
    let mut h = fx(seed, b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = fx(h, u64::from_le_bytes(c.try_into().unwrap()));
    }
    let rem = chunks.remainder();
    if !rem.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rem.len()].copy_from_slice(rem);
        h = fx(h, u64::from_le_bytes(buf));
    }
    h
}

pub fn seq_step(h: u64, v: u64) -> u64 {
    fx(h ^ 0x9e37, v)
}
pub fn seq_finish(h: u64, len: usize) -> u64 {
    finalize(fx(h, len as u64))
}
pub fn seq_hash(hs: &[u64]) -> u64 {
    let mut h = 0;
    for &v in hs {
        h = seq_step(h, v);
    }
    seq_finish(h, hs.len())
}

/// Normalise a token for its lower-case form: lower case, digits → 0, typographic quotes
/// and apostrophes folded.
pub fn norm_lower(s: &str, buf: &mut String) {
    buf.clear();
    if s.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_digit() && b != b'`')
    {
        // the common case: only lower-casing to do
        buf.push_str(s);
        buf.make_ascii_lowercase();
    } else {
        norm_lower_chars(s, buf);
    }
    if buf == "``" || buf == "''" {
        buf.clear();
        buf.push('"');
    }
}

fn norm_lower_chars(s: &str, buf: &mut String) {
    for c in s.chars() {
        match c {
            '0'..='9' => buf.push('0'),
            'A'..='Z' => buf.push(c.to_ascii_lowercase()),
            '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}' => buf.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '«' | '»' => buf.push('"'),
            '\u{2013}' | '\u{2014}' => buf.push('-'),
            c if c.is_ascii() => buf.push(c),
            c => buf.extend(c.to_lowercase()),
        }
    }
}

pub fn lower_hash(s: &str) -> u64 {
    thread_local! {
        static BUF: std::cell::RefCell<String> = std::cell::RefCell::new(String::with_capacity(32));
    }
    BUF.with(|b| {
        let mut buf = b.borrow_mut();
        norm_lower(s, &mut buf);
        hash_bytes(7, buf.as_bytes())
    })
}

/// `w.to_lowercase() == lower`, without allocating for ASCII words.
pub fn lower_eq(w: &str, lower: &str) -> bool {
    if w.is_ascii() {
        lower.eq_ignore_ascii_case(w)
    } else {
        w.to_lowercase() == lower
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_normalisation_is_the_general_one() {
        for w in [
            "Chen", "XUNLEI", "1,234.5", "``", "''", "`quoted`", "O'Brien", "a-b_c", "",
        ] {
            let (mut fast, mut slow) = (String::new(), String::new());
            norm_lower(w, &mut fast);
            norm_lower_chars(w, &mut slow);
            if slow == "``" || slow == "''" {
                slow = "\"".to_string();
            }
            assert_eq!(fast, slow, "{w}");
        }
    }
}
