//! Boilerplate learned per run: paragraphs (and sentences at the article's edges) that
//! recur across many articles of the same source are template text — footers, sign-offs,
//! "related" lines, the site's standing notice — and are removed.
//!
//! # Design
//!
//! * **Units.** Every paragraph of the clean text, plus the last [`EDGE_SENTENCES`]
//!   sentences of the last paragraph and the first sentence of the first paragraph (a
//!   footer sentence glued to the story's last paragraph is common in fragments). A unit
//!   is hashed after normalisation (lower case, punctuation and spacing ignored). Digits
//!   are kept: folding them would make every "Shr 12 cts vs 10 cts" line one unit.
//! * **Sources.** Counts are kept per source: the URL's host (`www.` dropped), else the
//!   canonical URL's host, else the input file. Key = hash(source, unit).
//! * **Distinct articles.** A unit counts once per article, and its first occurrences are
//!   told apart by the article's fingerprint (the hash of all its paragraphs), so a story
//!   that appears three times in a dump does not turn its own paragraphs into
//!   boilerplate (near-duplicates are caught by the share rule below).
//! * **Rule.** A unit is boilerplate when it occurs in at least [`Config::min_docs`]
//!   distinct articles of its source *and* in at least [`Config::min_fraction`] of that
//!   source's articles seen so far (large sources need more than a few coincidences).
//!   Whole boilerplate paragraphs are removed wherever they are; boilerplate sentences
//!   only from the end of the last paragraph and the start of the first. If removal would
//!   leave less than a quarter of an article's text, the article is left whole (that is a
//!   near-duplicate, not a template).
//! * **Streaming.** The pipeline hands over its batches (up to 512 records, in input
//!   order) after the per-article clean, as [`Cleaned`] articles (pages the clean stage
//!   rejected left out). [`Learner::clean_batch`] first *learns* from the whole batch, in
//!   order, then *cleans* every article of it with the counts as they stand after the
//!   batch (hashing and rewriting run on rayon; only the counting is serial). The first
//!   batch is therefore a warm-up window that is learned before any of it is cleaned;
//!   later batches learn online. The counting runs on one thread (the pipeline's worker)
//!   in input order, so the output is a pure function of the input order (and of the
//!   batch size, itself fixed by the input).
//! * **Memory.** The table holds at most [`Config::max_units`] entries (~32 bytes each,
//!   ~30 MB at the default cap, checked after each batch). When over, the least-seen
//!   entries are dropped until it is at most half full; the bar is chosen from the counts
//!   alone (not from hash-map order), so the result stays deterministic. Sources are
//!   capped the same way.

use std::collections::HashMap;

use crate::article::Cleaned;

/// Sentences learned at the end of an article's last paragraph.
pub const EDGE_SENTENCES: usize = 3;

/// Thresholds and limits of the learner.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// A unit must occur in this many distinct articles of a source.
    pub min_docs: u32,
    /// … and in this share of the source's articles seen so far.
    pub min_fraction: f64,
    /// Units shorter than this (normalised characters) are never learned.
    pub min_chars: usize,
    /// Entries in the unit table before it is pruned.
    pub max_units: usize,
    /// Sources remembered before pruning.
    pub max_sources: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            min_docs: 3,
            min_fraction: 0.02,
            min_chars: 10,
            max_units: 1 << 20,
            max_sources: 1 << 16,
        }
    }
}

#[derive(Clone, Copy, Default)]
struct Entry {
    /// Distinct articles the unit occurred in (saturating).
    docs: u32,
    /// Fingerprints of the first articles, to count a repeated article once.
    seen: [u32; 2],
}

/// The per-run learner; see the module documentation.
#[derive(Default)]
pub struct Learner {
    cfg: Config,
    units: HashMap<u64, Entry>,
    sources: HashMap<u64, u32>,
    /// The source of articles without a URL (`--source`), instead of their input file.
    fallback: Option<String>,
    /// A model learned beforehand ([`super::boilerplate_model`]): the keys that are
    /// boilerplate. When set, nothing more is learned.
    frozen: Option<std::collections::HashSet<u64>>,
}

/// One article's units: (unit key, position) pairs and what removal needs.
struct Doc {
    source: u64,
    /// Paragraph keys, in order (0 = too short to learn).
    paras: Vec<u64>,
    /// Keys of the trailing sentences of the last paragraph, last first.
    tail: Vec<u64>,
    /// Key of the first sentence of the first paragraph.
    head: Option<u64>,
}

impl Learner {
    pub fn new(cfg: Config) -> Learner {
        Learner {
            cfg,
            ..Learner::default()
        }
    }

    /// A learner that applies the boilerplate `keys` of a learned model and learns
    /// nothing more: the output of an article no longer depends on its neighbours.
    pub fn frozen(keys: std::collections::HashSet<u64>) -> Learner {
        Learner {
            frozen: Some(keys),
            ..Learner::default()
        }
    }

    /// Articles without a URL belong to the source `name` (not to their input file).
    pub fn with_source(mut self, name: Option<String>) -> Learner {
        self.fallback = name;
        self
    }

    /// The source an article counts under (see [`source_of`]).
    pub fn source(&self, a: &Cleaned) -> String {
        source_of_or(a, self.fallback.as_deref())
    }

    /// What a model learns from one article of `source`: its distinct unit keys and its
    /// fingerprint (the keys carry the source).
    pub fn keys(&self, source: &str, text: &str) -> (Vec<u64>, u32) {
        let (_, keys, fp) = self.units(source, text);
        (keys, fp)
    }

    /// Learn from a batch of cleaned articles, then remove the boilerplate from each.
    /// Units are hashed and texts rewritten in parallel (pure functions); the counts are
    /// updated on this thread in slice order, so the result does not depend on
    /// scheduling.
    pub fn clean_batch(&mut self, batch: &mut [Cleaned]) {
        use rayon::prelude::*;
        let docs: Vec<(Doc, Vec<u64>, u32)> = batch
            .par_iter()
            .map(|a| self.units(&self.source(a), &a.text))
            .collect();
        if self.frozen.is_none() {
            for (doc, keys, fp) in &docs {
                self.count(doc.source, keys, *fp);
            }
        }
        let this = &*self;
        batch.par_iter_mut().zip(&docs).for_each(|(a, (d, _, _))| {
            if let Some(t) = this.strip(&a.text, d) {
                a.text = t;
            }
        });
        self.prune();
    }

    /// The units of one text of `source`: its [`Doc`], the distinct unit keys to count,
    /// and the article's fingerprint.
    fn units(&self, source: &str, text: &str) -> (Doc, Vec<u64>, u32) {
        let src = fnv(FNV_OFFSET, source.as_bytes());
        let paras: Vec<&str> = text.split("\n\n").collect();
        let mut doc = Doc {
            source: src,
            paras: Vec::with_capacity(paras.len()),
            tail: Vec::new(),
            head: None,
        };
        // The article's fingerprint: all its paragraphs, in order.
        let mut whole = FNV_OFFSET;
        for p in &paras {
            let k = self.key(src, p);
            whole = fnv(whole, &k.to_le_bytes());
            doc.paras.push(k);
        }
        if let Some(last) = paras.last() {
            let sents = sentences(last);
            if sents.len() > 1 {
                for s in sents.iter().rev().take(EDGE_SENTENCES) {
                    doc.tail.push(self.key(src, s));
                }
            }
        }
        if let Some(first) = paras.first() {
            let sents = sentences(first);
            if sents.len() > 1 {
                doc.head = Some(self.key(src, sents[0])).filter(|&k| k != 0);
            }
        }
        let fp = (whole >> 32) as u32 | 1;
        let mut keys: Vec<u64> = doc
            .paras
            .iter()
            .chain(&doc.tail)
            .chain(&doc.head)
            .copied()
            .filter(|&k| k != 0)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        (doc, keys, fp)
    }

    /// Count one article of source `src` (its distinct unit keys, its fingerprint).
    fn count(&mut self, src: u64, keys: &[u64], fp: u32) {
        let n = self.sources.entry(src).or_insert(0);
        *n = n.saturating_add(1);
        let min_docs = self.cfg.min_docs;
        for &k in keys {
            let e = self.units.entry(k).or_default();
            if e.docs < min_docs && e.seen.contains(&fp) {
                continue;
            }
            if (e.docs as usize) < e.seen.len() {
                e.seen[e.docs as usize] = fp;
            }
            e.docs = e.docs.saturating_add(1);
        }
    }

    fn key(&self, src: u64, unit: &str) -> u64 {
        let mut n = 0usize;
        let mut h = src ^ 0x9e37_79b9_7f4a_7c15;
        let mut space = false;
        let b = unit.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let m = NORM[b[i] as usize];
            if m == 0 {
                // ASCII punctuation or space.
                space = true;
                i += 1;
                continue;
            }
            if m != NON_ASCII {
                if space && n > 0 {
                    h = fnv_byte(h, b' ');
                }
                space = false;
                h = fnv_byte(h, m);
                n += 1;
                i += 1;
                continue;
            }
            // Other characters are decoded and lower-cased.
            let c = unit[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_alphanumeric() {
                if space && n > 0 {
                    h = fnv_byte(h, b' ');
                }
                space = false;
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    h = fnv(h, l.encode_utf8(&mut buf).as_bytes());
                    n += 1;
                }
            } else {
                space = true;
            }
        }
        if n < self.cfg.min_chars {
            0
        } else {
            h | 1
        }
    }

    fn is_boiler(&self, src: u64, key: u64) -> bool {
        if key == 0 {
            return false;
        }
        if let Some(keys) = &self.frozen {
            return keys.contains(&key);
        }
        let Some(e) = self.units.get(&key) else {
            return false;
        };
        let total = self.sources.get(&src).copied().unwrap_or(0) as f64;
        e.docs >= self.cfg.min_docs && e.docs as f64 >= self.cfg.min_fraction * total
    }

    /// The text without its learned boilerplate; `None` when nothing changes (or when
    /// too little would be left).
    fn strip(&self, text: &str, doc: &Doc) -> Option<String> {
        let src = doc.source;
        let keep: Vec<bool> = doc.paras.iter().map(|&k| !self.is_boiler(src, k)).collect();
        let last_kept = keep.last() == Some(&true);
        let first_kept = keep.first() == Some(&true);
        let tail_hit = last_kept && doc.tail.first().is_some_and(|&k| self.is_boiler(src, k));
        let head_hit = first_kept && doc.head.is_some_and(|k| self.is_boiler(src, k));
        if keep.iter().all(|&k| k) && !tail_hit && !head_hit {
            return None;
        }
        let paras: Vec<&str> = text.split("\n\n").collect();
        let mut kept: Vec<&str> = paras
            .iter()
            .zip(&keep)
            .filter(|(_, &k)| k)
            .map(|(p, _)| *p)
            .collect();
        // Sentences: only at the edges of the original text, and only while the edge
        // paragraph is still there.
        if tail_hit {
            let last = paras[paras.len() - 1];
            let sents = sentences(last);
            let mut cut = sents.len();
            for &k in &doc.tail {
                if cut > 1 && self.is_boiler(src, k) {
                    cut -= 1;
                } else {
                    break;
                }
            }
            if cut < sents.len() {
                let end = sents[cut - 1].as_ptr() as usize - last.as_ptr() as usize
                    + sents[cut - 1].len();
                if let Some(p) = kept.last_mut() {
                    *p = last[..end].trim_end();
                }
            }
        }
        if head_hit {
            let first = paras[0];
            let sents = sentences(first);
            if sents.len() > 1 {
                let start = sents[1].as_ptr() as usize - first.as_ptr() as usize;
                if let Some(p) = kept.first_mut() {
                    // The first paragraph may also have lost its tail (one paragraph).
                    *p = p.get(start.min(p.len())..).unwrap_or("").trim_start();
                }
            }
        }
        kept.retain(|p| !p.is_empty());
        let out = kept.join("\n\n");
        if out == text || out.chars().count() * 4 < text.chars().count() {
            return None;
        }
        Some(out)
    }

    /// Keep the tables within their caps: drop the least-seen entries down to half the
    /// cap. The bar depends only on the counts, not on hash-map order: deterministic.
    fn prune(&mut self) {
        fn bar(counts: impl Iterator<Item = u32>, keep: usize) -> u32 {
            let mut c: Vec<u32> = counts.collect();
            let drop = c.len().saturating_sub(keep).max(1);
            *c.select_nth_unstable(drop - 1).1
        }
        if self.units.len() > self.cfg.max_units {
            let b = bar(self.units.values().map(|e| e.docs), self.cfg.max_units / 2);
            self.units.retain(|_, e| e.docs > b);
        }
        if self.sources.len() > self.cfg.max_sources {
            let b = bar(self.sources.values().copied(), self.cfg.max_sources / 2);
            self.sources.retain(|_, n| *n > b);
        }
    }

    /// Units held (for tests and diagnostics).
    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Marks a byte that starts a non-ASCII character in [`NORM`].
const NON_ASCII: u8 = 0xFF;

/// Unit normalisation of a byte: ASCII letters and digits lower-cased, other ASCII 0
/// (a separator), bytes of non-ASCII characters [`NON_ASCII`].
static NORM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            0
        };
        i += 1;
    }
    t
};

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = fnv_byte(h, b);
    }
    h
}

#[inline]
fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
}

/// The source an article belongs to: its URL's host, else its canonical URL's host, else
/// its input file.
pub fn source_of(a: &Cleaned) -> String {
    source_of_or(a, None)
}

/// [`source_of`], with `fallback` (`--source NAME`) instead of the input file.
pub fn source_of_or(a: &Cleaned, fallback: Option<&str>) -> String {
    a.url
        .as_deref()
        .and_then(host)
        .or_else(|| a.meta.canonical_url.as_deref().and_then(host))
        .unwrap_or_else(|| match fallback {
            Some(name) => format!("source:{name}"),
            None => format!("file:{}", a.origin.file),
        })
}

/// Lower-case host of an absolute URL, without `www.` and port.
pub fn host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let auth = &rest[..end];
    let auth = auth.rsplit_once('@').map_or(auth, |(_, h)| h);
    let h = auth.split(':').next().unwrap_or("").to_ascii_lowercase();
    let h = h.strip_prefix("www.").unwrap_or(&h).to_string();
    (!h.is_empty()).then_some(h)
}

/// Sentences of a paragraph: cut after `.`, `!`, `?` (and their CJK forms) that end a
/// word and are followed by a space and a capital letter, digit or quote, or by the end.
/// Slices of `p`, trimmed, never empty.
fn sentences(p: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = p.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let end = i + c.len_utf8();
        let cut = match c {
            '。' | '！' | '？' => true,
            '.' | '!' | '?' => {
                // Closing quotes and brackets stay with the sentence.
                let rest = &p[end..];
                let rest_trim = rest.trim_start_matches(['"', '\'', '”', '’', ')']);
                let after = rest_trim.strip_prefix(' ').map(|r| r.chars().next());
                match after {
                    Some(Some(n)) => n.is_uppercase() || n.is_numeric() || "\"“'‘(".contains(n),
                    _ => false,
                }
            }
            _ => false,
        };
        if cut {
            // Include trailing closing quotes.
            let mut e = end;
            while let Some(&(j, q)) = it.peek() {
                if matches!(q, '"' | '\'' | '”' | '’' | ')') {
                    e = j + q.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let s = p[start..e].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = e;
        }
    }
    let s = p[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Origin, PageMeta};

    fn raw(url: &str, body: &str) -> Cleaned {
        Cleaned {
            id: None,
            url: Some(url.to_string()),
            title: None,
            published: None,
            meta: PageMeta::default(),
            text: body.to_string(),
            origin: Origin {
                file: "dump.jsonl".into(),
                line: None,
            },
            warnings: Vec::new(),
        }
    }

    const FOOTER: &str = "Follow Example Times for the latest updates on business and markets.";

    fn stories() -> Vec<String> {
        [
            "Alpha Corp said on Monday its profit rose 12% to $3.1 billion.",
            "Beta Bank cut 400 jobs in London, a spokeswoman said.",
            "Gamma Motors recalled 2,000 cars over a brake fault.",
            "Delta Airlines added four routes to Asia from next spring.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    #[test]
    fn footer_paragraph_removed_from_every_article() {
        let mut batch: Vec<Cleaned> = stories()
            .iter()
            .enumerate()
            .map(|(i, s)| {
                raw(
                    &format!("https://www.example.com/a/{i}"),
                    &format!("{s}\n\nSecond paragraph number {i} of the story.\n\n{FOOTER}"),
                )
            })
            .collect();
        let mut l = Learner::default();
        l.clean_batch(&mut batch);
        for (a, s) in batch.iter().zip(stories()) {
            assert!(!a.text.contains("Follow Example"), "{}", a.text);
            assert!(a.text.starts_with(&s), "{}", a.text);
        }
    }

    #[test]
    fn footer_sentence_glued_to_last_paragraph() {
        let mut batch: Vec<Cleaned> = stories()
            .iter()
            .map(|s| raw("http://example.com/x", &format!("{s} {FOOTER}")))
            .collect();
        let mut l = Learner::new(Config::default());
        l.clean_batch(&mut batch);
        for (a, s) in batch.iter().zip(stories()) {
            assert_eq!(a.text, s);
        }
    }

    #[test]
    fn other_sources_and_rare_units_untouched() {
        let mut batch = vec![
            raw("https://a.com/1", &format!("Story one here.\n\n{FOOTER}")),
            raw("https://b.com/1", &format!("Story two here.\n\n{FOOTER}")),
            raw("https://c.com/1", &format!("Story three here.\n\n{FOOTER}")),
            raw("https://a.com/2", &format!("Story four here.\n\n{FOOTER}")),
        ];
        let before: Vec<String> = batch.iter().map(|a| a.text.clone()).collect();
        Learner::new(Config::default()).clean_batch(&mut batch);
        let after: Vec<String> = batch.iter().map(|a| a.text.clone()).collect();
        assert_eq!(before, after);
    }

    #[test]
    fn repeated_article_is_not_boilerplate() {
        let body = "The same story, word for word.\n\nIts second paragraph, also the same.\n\nAnd a third one, for good measure.";
        let mut batch: Vec<Cleaned> = (0..5).map(|_| raw("https://x.org/s", body)).collect();
        Learner::new(Config::default()).clean_batch(&mut batch);
        assert!(batch.iter().all(|a| a.text == body));
    }

    #[test]
    fn online_learning_across_batches() {
        let mut l = Learner::new(Config::default());
        let mut first: Vec<Cleaned> = stories()[..2]
            .iter()
            .map(|s| raw("https://ex.com/", &format!("{s}\n\n{FOOTER}")))
            .collect();
        l.clean_batch(&mut first);
        // Two articles only: not yet boilerplate.
        assert!(first.iter().all(|a| a.text.contains("Follow Example")));
        let mut second: Vec<Cleaned> = stories()[2..]
            .iter()
            .map(|s| raw("https://ex.com/", &format!("{s}\n\n{FOOTER}")))
            .collect();
        l.clean_batch(&mut second);
        assert!(second.iter().all(|a| !a.text.contains("Follow Example")));
    }

    #[test]
    fn fraction_threshold_protects_large_sources() {
        let cfg = Config {
            min_fraction: 0.5,
            ..Config::default()
        };
        let mut l = Learner::new(cfg);
        let mut batch: Vec<Cleaned> = (0..10)
            .map(|i| {
                let tail = if i < 3 { FOOTER } else { "Unique ending." };
                raw(
                    "https://ex.com/",
                    &format!(
                        "Story {i} is here, about topic {i}x{i}.\n\n{tail} {}",
                        "z".repeat(i)
                    ),
                )
            })
            .collect();
        l.clean_batch(&mut batch);
        assert!(batch[0].text.contains("Follow Example"));
    }

    #[test]
    fn table_is_capped() {
        let cfg = Config {
            max_units: 64,
            ..Config::default()
        };
        let mut l = Learner::new(cfg);
        for i in 0..50 {
            let mut b = vec![raw(
                "https://ex.com/",
                &format!("Paragraph alpha {i} unique words.\n\nParagraph beta {i} more words.\n\n{FOOTER}"),
            )];
            l.clean_batch(&mut b);
            assert!(l.len() <= 64);
        }
    }

    #[test]
    fn deterministic() {
        let make = || -> Vec<Cleaned> {
            (0..40)
                .map(|i| {
                    raw(
                        &format!("https://s{}.com/", i % 3),
                        &format!("Story {i} text.\n\nShared line for site {}.", i % 3),
                    )
                })
                .collect()
        };
        let run = || {
            let mut l = Learner::new(Config::default());
            let mut b = make();
            l.clean_batch(&mut b);
            b.into_iter().map(|a| a.text).collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
    }

    #[test]
    fn hosts_and_sentences() {
        assert_eq!(
            host("https://www.Example.com:8080/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            host("http://user@news.site.org#x").as_deref(),
            Some("news.site.org")
        );
        assert_eq!(host("not a url"), None);
        assert_eq!(
            sentences("One thing. Two things! \"Three?\" Mr. x 3.5 4. 5 ok"),
            vec![
                "One thing.",
                "Two things!",
                "\"Three?\"",
                "Mr. x 3.5 4.",
                "5 ok"
            ]
        );
        assert_eq!(sentences("你好。世界"), vec!["你好。", "世界"]);
        assert!(sentences("").is_empty());
    }
}
