//! Word clusters from unlabelled news text (`models/clusters.txt`, embedded; written by
//! `scripts/names/clusters.py`): each word's path in a binary tree of words, whose
//! prefixes are clusters of growing granularity, and how often the word was seen.
//!
//! Words are keyed case-sensitively, digits folded to `0` (the script folds them the
//! same way), so "Servicer" and "servicer" are two entries: the tagger compares a
//! capitalised word with its lower-case form's entry to tell a capitalised common noun
//! from a name.

use super::hash::{hash_bytes, FxMap};

/// A word's cluster: its tree path (first step in the highest bit of `path`), the path's
/// length, and the word's count in the unlabelled text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cluster {
    pub path: u32,
    pub len: u8,
    pub count: u32,
}

impl Cluster {
    /// The first `k` steps of the path (fewer if the path is shorter), with the length,
    /// as one number: distinct for distinct prefixes of distinct lengths.
    #[inline]
    pub fn prefix(self, k: u8) -> u64 {
        let k = k.min(self.len);
        let p = if k == 0 {
            0
        } else {
            self.path >> (32 - k as u32)
        };
        ((k as u64) << 32) | p as u64
    }
}

/// The word → cluster table.
#[derive(Clone, Default)]
pub struct Clusters {
    map: FxMap<u64, Cluster>,
}

const SEED: u64 = 3;

/// The table's key of a word form (already digit-folded).
#[inline]
pub fn key(form: &[u8]) -> u64 {
    hash_bytes(SEED, form)
}

impl Clusters {
    /// The embedded table.
    pub fn builtin() -> Clusters {
        Clusters::parse(include_str!("../../../models/clusters.txt"))
    }

    /// Parse `word<TAB>bits<TAB>count` lines (`#` starts a comment line); malformed lines
    /// are skipped.
    pub fn parse(text: &str) -> Clusters {
        let mut map = FxMap::default();
        map.reserve(text.len() / 24);
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut it = line.split('\t');
            let (Some(w), Some(bits), Some(n)) = (it.next(), it.next(), it.next()) else {
                continue;
            };
            if bits.is_empty() || bits.len() > 32 || !bits.bytes().all(|b| b == b'0' || b == b'1') {
                continue;
            }
            let Ok(count) = n.parse::<u32>() else {
                continue;
            };
            let mut path = 0u32;
            for (i, b) in bits.bytes().enumerate() {
                if b == b'1' {
                    path |= 1 << (31 - i);
                }
            }
            map.insert(
                key(w.as_bytes()),
                Cluster {
                    path,
                    len: bits.len() as u8,
                    count,
                },
            );
        }
        Clusters { map }
    }

    /// The cluster of the word with this [`key`].
    #[inline]
    pub fn get(&self, k: u64) -> Option<Cluster> {
        self.map.get(&k).copied()
    }

    /// The cluster of word form `w` as written (digits folded to `0`).
    pub fn of_word(&self, w: &str) -> Option<Cluster> {
        if self.map.is_empty() {
            return None;
        }
        if w.bytes().any(|b| b.is_ascii_digit()) {
            let folded: Vec<u8> = w
                .bytes()
                .map(|b| if b.is_ascii_digit() { b'0' } else { b })
                .collect();
            self.get(key(&folded))
        } else {
            self.get(key(w.as_bytes()))
        }
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// A count in the unlabelled text as a bin: 0 unseen, 1 under 10, 2 under 100, 3 under
/// 1,000, 4 more.
#[inline]
pub fn count_bin(c: Cluster) -> u8 {
    match c.count {
        0 => 0,
        1..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_prefixes() {
        let c = Clusters::parse(
            "# comment\nServicer\t0110\t5\nservicer\t1011001\t230\nbad line\nx\t012\t3\n",
        );
        assert_eq!(c.len(), 2);
        let up = c.of_word("Servicer").unwrap();
        assert_eq!((up.len, up.count), (4, 5));
        assert_eq!(up.prefix(2), (2 << 32) | 0b01);
        assert_eq!(up.prefix(10), (4 << 32) | 0b0110);
        let lo = c.of_word("servicer").unwrap();
        assert_eq!(lo.prefix(4), (4 << 32) | 0b1011);
        assert_eq!(count_bin(lo), 3);
        assert_eq!(count_bin(Cluster::default()), 0);
        assert!(c.of_word("x").is_none());
    }

    #[test]
    fn digits_fold_to_zero() {
        let c = Clusters::parse("B00\t10\t40\n");
        assert_eq!(c.of_word("B52").map(|x| x.count), Some(40));
    }

    #[test]
    fn builtin_table_loads() {
        let c = Clusters::builtin();
        assert!(c.len() > 10_000, "{}", c.len());
        assert!(c.of_word("the").is_some());
    }
}
