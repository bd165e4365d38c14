//! Gazetteers (`models/gazetteers/*.txt`, embedded) and their multi-token matching.

use super::hash::{lower_hash, seq_finish, seq_hash, seq_step, FxMap};
use super::tokenize::tokenize;

/// Gazetteer classes, in feature order.
pub const CLASSES: &[(&str, &str)] = &[
    (
        "country",
        include_str!("../../../models/gazetteers/countries.txt"),
    ),
    (
        "city",
        include_str!("../../../models/gazetteers/cities.txt"),
    ),
    (
        "region",
        include_str!("../../../models/gazetteers/regions.txt"),
    ),
    (
        "family",
        include_str!("../../../models/gazetteers/family_names.txt"),
    ),
    (
        "given",
        include_str!("../../../models/gazetteers/given_names.txt"),
    ),
    (
        "suffix",
        include_str!("../../../models/gazetteers/company_suffixes.txt"),
    ),
    (
        "orgword",
        include_str!("../../../models/gazetteers/org_words.txt"),
    ),
    (
        "title",
        include_str!("../../../models/gazetteers/titles.txt"),
    ),
    (
        "demonym",
        include_str!("../../../models/gazetteers/demonyms.txt"),
    ),
    // from registry packages (scripts/names/gazetteers.py): the `lists` feature group
    (
        "pkg_country",
        include_str!("../../../models/gazetteers/pkg_countries.txt"),
    ),
    (
        "pkg_city",
        include_str!("../../../models/gazetteers/pkg_cities.txt"),
    ),
    (
        "pkg_region",
        include_str!("../../../models/gazetteers/pkg_regions.txt"),
    ),
    (
        "pkg_company",
        include_str!("../../../models/gazetteers/pkg_companies.txt"),
    ),
    (
        "pkg_ticker",
        include_str!("../../../models/gazetteers/pkg_tickers.txt"),
    ),
];
pub const NG: usize = 14;
/// The hand-written lists come first; the classes from this one on are the package
/// lists (feature group `lists`).
pub const NG_HAND: usize = 9;
/// Class mask of the place lists (country, city, region).
pub const PLACES: u16 = 0b111;
pub const FAMILY: usize = 3;
pub const GIVEN: usize = 4;
pub const SUFFIX: usize = 5;
pub const ORGWORD: usize = 6;
pub const TITLE: usize = 7;
pub const DEMONYM: usize = 8;

/// A bit of the map's values beside the class bits: some entry continues this sequence.
const GOES_ON: u16 = 1 << 15;

/// Token-sequence gazetteer: hash of the lower-cased token sequence → class bit mask
/// (and [`GOES_ON`] for the beginnings of longer entries, so that a scan stops as soon
/// as no entry can match).
#[derive(Clone)]
pub struct Gazetteer {
    map: FxMap<u64, u16>,
    maxlen: usize,
}

impl Gazetteer {
    pub fn builtin() -> Self {
        let mut map: FxMap<u64, u16> = FxMap::default();
        let mut maxlen = 1;
        for (ci, (_, body)) in CLASSES.iter().enumerate() {
            for line in body.lines() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let toks = tokenize(line);
                let hs: Vec<u64> = toks
                    .iter()
                    .map(|t| lower_hash(&line[t.start..t.end]))
                    .collect();
                maxlen = maxlen.max(hs.len());
                *map.entry(seq_hash(&hs)).or_insert(0) |= 1 << ci;
                for k in 1..hs.len() {
                    *map.entry(seq_hash(&hs[..k])).or_insert(0) |= GOES_ON;
                }
            }
        }
        Gazetteer { map, maxlen }
    }

    /// Class mask of exactly this sequence of lower-case hashes.
    pub fn lookup(&self, hs: &[u64]) -> u16 {
        self.map.get(&seq_hash(hs)).map_or(0, |&m| m & !GOES_ON)
    }

    /// What the map holds for the one-token sequence of this lower-case hash: its classes
    /// and [`GOES_ON`] bit, 0 if no entry starts with it. (The tagger remembers it per
    /// word and passes it to [`Gazetteer::annotate`].)
    #[inline]
    pub fn first_mask(&self, lower: u64) -> u16 {
        self.map
            .get(&seq_finish(seq_step(0, lower), 1))
            .copied()
            .unwrap_or(0)
    }

    /// For every token (lower-case hashes `lower`, and their [`Gazetteer::first_mask`]s
    /// `first`), its BILOU code (1=B, 2=I, 3=L, 4=U, 0=none) per class, from the longest
    /// match of each class covering it.
    pub fn annotate(&self, lower: &[u64], first: &[u16], out: &mut Vec<[u8; NG]>) {
        out.clear();
        out.resize(lower.len(), [0; NG]);
        let n = lower.len();
        for i in 0..n {
            if first[i] == 0 {
                // no entry starts here (most tokens)
                continue;
            }
            let mut h = 0u64;
            let mut found: [usize; NG] = [0; NG];
            for len in 1..=self.maxlen.min(n - i) {
                h = seq_step(h, lower[i + len - 1]);
                let mask = if len == 1 {
                    first[i]
                } else {
                    self.map.get(&seq_finish(h, len)).copied().unwrap_or(0)
                };
                if mask == 0 {
                    break;
                }
                for (c, f) in found.iter_mut().enumerate() {
                    if mask & (1 << c) != 0 {
                        *f = len;
                    }
                }
                if mask & GOES_ON == 0 {
                    break;
                }
            }
            for (c, &len) in found.iter().enumerate() {
                if len == 0 {
                    continue;
                }
                for k in 0..len {
                    let code = if len == 1 {
                        4
                    } else if k == 0 {
                        1
                    } else if k == len - 1 {
                        3
                    } else {
                        2
                    };
                    let slot = &mut out[i + k][c];
                    // keep codes of longer matches that started earlier
                    if *slot == 0 || code != 4 {
                        *slot = code;
                    }
                }
            }
        }
    }

    pub fn contains(&self, class: usize, words: &[&str]) -> bool {
        let hs: Vec<u64> = words.iter().map(|w| lower_hash(w)).collect();
        self.lookup(&hs) & (1 << class) != 0
    }
}
