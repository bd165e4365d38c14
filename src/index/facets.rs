//! Facet counting for search results.
//!
//! tantivy's `FacetCollector` walks the whole facet dictionary of every segment on every
//! query to map facet ordinals to the requested roots: with hundreds of thousands of
//! distinct people, organisations and places that costs tens of milliseconds per query,
//! whatever the number of hits. This collector counts ordinals in a flat array, finds
//! each root's ordinal range with one dictionary lookup per root (facet terms sort by
//! root, so a root's values are one contiguous range), and turns into names only the
//! ordinals it reports.
//!
//! Counts are exact whenever a root has at most `keep` distinct values among the matching
//! articles of a segment (at least [`MIN_KEEP`]: most queries). Beyond that each segment
//! reports only its `keep` most frequent values (as Elasticsearch's `shard_size` does): a
//! value cut in a segment is undercounted there by at most the count of the last value
//! kept, which is small for any root with that many values.

use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, Mutex};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::index::SegmentId;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Facet values by segment and ordinal, kept across the searches of one open index:
/// turning an ordinal into its name decodes a dictionary block, the costliest step of
/// counting facets. One slot per ordinal of each segment seen (16 bytes each).
#[derive(Default)]
pub struct NameCache {
    names: Mutex<std::collections::HashMap<SegmentId, Vec<Option<Arc<str>>>>>,
    /// Zeroed count arrays for reuse: allocating and faulting in a fresh one per segment
    /// and query costs more than clearing the entries a query touched.
    buffers: Mutex<Vec<Vec<u32>>>,
}

/// Count arrays kept for reuse.
const MAX_BUFFERS: usize = 16;

/// Per segment and root, at least this many values are resolved to names.
pub const MIN_KEEP: usize = 200;

/// Counts of the values under each root: `counts[root_index][name]`.
#[derive(Debug, Default)]
pub struct RootCounts {
    pub roots: Vec<&'static str>,
    pub counts: Vec<HashMap<Arc<str>, u64>>,
}

impl RootCounts {
    /// The `k` most frequent values of `root`, by count, then name.
    pub fn top_k(&self, root: &str, k: usize) -> Vec<(String, u64)> {
        let Some(i) = self.roots.iter().position(|r| *r == root) else {
            return Vec::new();
        };
        let mut v: Vec<(&Arc<str>, u64)> = self.counts[i].iter().map(|(n, c)| (n, *c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        v.into_iter()
            .take(k)
            .map(|(n, c)| (n.to_string(), c))
            .collect()
    }
}

pub struct FacetCounter {
    cache: Arc<NameCache>,
    field: String,
    /// Roots to count (facet paths of depth 1, e.g. "person").
    roots: Vec<&'static str>,
    /// Values per root each segment reports at most.
    keep: usize,
}

impl FacetCounter {
    /// Count the values under `roots` of facet field `field`; `keep` is how many values
    /// per root the caller will look at (each segment reports twice as many).
    pub fn new(
        field: &str,
        roots: &[&'static str],
        keep: usize,
        cache: Arc<NameCache>,
    ) -> FacetCounter {
        FacetCounter {
            cache,
            field: field.to_string(),
            roots: roots.to_vec(),
            keep: keep.saturating_mul(2).max(MIN_KEEP),
        }
    }
}

pub struct SegmentCounter {
    cache: Arc<NameCache>,
    segment: SegmentId,
    reader: tantivy::fastfield::FacetReader,
    /// Counts by ordinal (a reused buffer: at least `num_terms` long, zero when handed out
    /// and when given back).
    counts: Vec<u32>,
    num_terms: usize,
    /// Ordinals counted at least once, in the order first seen.
    touched: Vec<u64>,
    /// Ordinal range of each root in this segment.
    ranges: Vec<std::ops::Range<u64>>,
    roots: Vec<&'static str>,
    keep: usize,
}

/// Encoded facet bytes of a root's children start with the root and a 0 separator.
fn child_prefix(root: &str) -> Vec<u8> {
    let mut p = root.as_bytes().to_vec();
    p.push(0);
    p
}

impl Collector for FacetCounter {
    type Fruit = RootCounts;
    type Child = SegmentCounter;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentCounter> {
        let facet_reader = segment.facet_reader(&self.field)?;
        let dict = facet_reader.facet_dict();
        let num_terms = dict.num_terms() as u64;
        // The ordinals of each root's children: from its first child to the first term
        // after them (a root not asked for may come next: it is not counted).
        let mut ranges = Vec::with_capacity(self.roots.len());
        for root in &self.roots {
            let mut stream = dict.prefix_range(child_prefix(root)).into_stream()?;
            if !stream.advance() {
                ranges.push(0..0);
                continue;
            }
            let lo = stream.term_ord();
            let mut past = root.as_bytes().to_vec();
            past.push(1);
            let mut after = dict.range().ge(&past).into_stream()?;
            let hi = if after.advance() {
                after.term_ord()
            } else {
                num_terms
            };
            ranges.push(lo..hi);
        }
        Ok(SegmentCounter {
            cache: self.cache.clone(),
            segment: segment.segment_id(),
            reader: facet_reader,
            counts: {
                let mut b = self
                    .cache
                    .buffers
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .pop()
                    .unwrap_or_default();
                if b.len() < num_terms as usize {
                    b.resize(num_terms as usize, 0);
                }
                b
            },
            num_terms: num_terms as usize,
            touched: Vec::new(),
            ranges,
            roots: self.roots.clone(),
            keep: self.keep,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<RootCounts>) -> tantivy::Result<RootCounts> {
        let mut out = RootCounts {
            roots: self.roots.clone(),
            counts: vec![HashMap::default(); self.roots.len()],
        };
        for f in fruits {
            for (i, m) in f.counts.into_iter().enumerate() {
                for (name, c) in m {
                    *out.counts[i].entry(name).or_default() += c;
                }
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for SegmentCounter {
    type Fruit = RootCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        // A document counts once per value, even if it holds the value twice (the
        // ordinals of a document come sorted).
        let mut last = u64::MAX;
        for ord in self.reader.facet_ords(doc) {
            if ord == last {
                continue;
            }
            last = ord;
            if let Some(c) = self.counts.get_mut(ord as usize) {
                if *c == 0 {
                    self.touched.push(ord);
                }
                *c += 1;
            }
        }
    }

    fn harvest(mut self) -> RootCounts {
        let dict = self.reader.facet_dict();
        let mut counts = Vec::with_capacity(self.roots.len());
        let mut by_root: Vec<Vec<(u64, u32)>> = vec![Vec::new(); self.roots.len()];
        for &o in &self.touched {
            if let Some(r) = self.ranges.iter().position(|r| r.contains(&o)) {
                by_root[r].push((o, self.counts[o as usize]));
            }
        }
        for ((root, _), mut found) in self.roots.iter().zip(&self.ranges).zip(by_root) {
            if found.len() > self.keep {
                found.select_nth_unstable_by(self.keep, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                found.truncate(self.keep);
            }
            found.sort_unstable_by_key(|x| x.0);
            let mut cache = self.cache.names.lock().unwrap_or_else(|e| e.into_inner());
            let slots = cache
                .entry(self.segment)
                .or_insert_with(|| vec![None; self.num_terms]);
            let missing: Vec<u64> = found
                .iter()
                .map(|x| x.0)
                .filter(|&o| slots[o as usize].is_none())
                .collect();
            if !missing.is_empty() {
                let skip = root.len() + 1;
                let mut fresh = missing.iter();
                let resolved = dict.sorted_ords_to_term_cb(&missing, |bytes| {
                    if let Some(&o) = fresh.next() {
                        let name = String::from_utf8_lossy(bytes.get(skip..).unwrap_or_default());
                        slots[o as usize] = Some(name.into());
                    }
                });
                if resolved.is_err() {
                    counts.push(HashMap::default());
                    continue;
                }
            }
            let mut m = HashMap::with_capacity_and_hasher(found.len(), Default::default());
            for (o, c) in &found {
                if let Some(name) = &slots[*o as usize] {
                    m.insert(name.clone(), *c as u64);
                }
            }
            drop(cache);
            counts.push(m);
        }
        for &o in &self.touched {
            self.counts[o as usize] = 0;
        }
        let mut pool = self.cache.buffers.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < MAX_BUFFERS {
            pool.push(std::mem::take(&mut self.counts));
        }
        drop(pool);
        RootCounts {
            roots: self.roots,
            counts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::FacetCollector;
    use tantivy::query::{AllQuery, TermQuery};
    use tantivy::schema::{Facet, FacetOptions, IndexRecordOption, Schema, STRING};
    use tantivy::{Index, TantivyDocument, Term};

    #[test]
    fn counts_match_tantivys_facet_collector_across_segments() {
        let mut b = Schema::builder();
        let facet = b.add_facet_field("facet", FacetOptions::default());
        let tag = b.add_text_field("tag", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w: tantivy::IndexWriter = index.writer_with_num_threads(1, 20_000_000).unwrap();
        let people = ["Ann Lee", "Bo Chen", "Chen Lei", "Dan / Ng"];
        for seg in 0..3 {
            for i in 0..40usize {
                let mut d = TantivyDocument::default();
                d.add_text(tag, if i % 3 == 0 { "x" } else { "y" });
                d.add_facet(facet, Facet::from_path(["person", people[(i + seg) % 4]]));
                if i % 2 == 0 {
                    d.add_facet(facet, Facet::from_path(["person", people[i % 3]]));
                }
                d.add_facet(
                    facet,
                    Facet::from_path(["year", &format!("{}", 2000 + i % 5)]),
                );
                if seg == 1 {
                    d.add_facet(facet, Facet::from_path(["org", "Acme"]));
                }
                // roots not counted, between and after the counted ones
                d.add_facet(facet, Facet::from_path(["pz", &format!("v{}", i % 4)]));
                d.add_facet(facet, Facet::from_path(["zz", "z"]));
                w.add_document(d).unwrap();
            }
            w.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 3);
        let roots = ["currency", "org", "person", "year"];
        let q = TermQuery::new(Term::from_field_text(tag, "x"), IndexRecordOption::Basic);
        // One cache for all searches, as an open index has: names and count buffers are
        // reused from one search to the next and must not carry counts over.
        let cache: Arc<NameCache> = Default::default();
        let queries = [&q as &dyn tantivy::query::Query, &AllQuery];
        for query in queries.iter().chain(&queries).copied() {
            let ours = searcher
                .search(
                    query,
                    &FacetCounter::new("facet", &roots, 10, cache.clone()),
                )
                .unwrap();
            let mut theirs = FacetCollector::for_field("facet");
            for r in roots {
                theirs.add_facet(Facet::from_path([r]));
            }
            let theirs = searcher.search(query, &theirs).unwrap();
            for r in roots {
                let mut want: Vec<(String, u64)> = theirs
                    .get(&format!("/{r}"))
                    .map(|(f, c)| (f.to_path().last().unwrap().to_string(), c))
                    .collect();
                want.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                assert_eq!(ours.top_k(r, 100), want, "root {r}");
            }
        }
    }
}
