//! `newsfacts merge OUT SHARD…`: the indexes of shards (one per cluster task, say) merged
//! into one that equals a single ingest of the same input, in shard order.
//!
//! 1. Every shard must be a newsfacts index of this schema version (the marker, then
//!    the tantivy schema itself).
//! 2. Every live article of every shard is read (id, URL, copies, the fingerprint of its
//!    text) and the kept ones are chosen as ingest would have chosen them:
//!    * **by id, the last shard wins** (re-ingest replaces an article, keeping the copies
//!      recorded in the old version);
//!    * then **by text fingerprint, the first wins** (in the order in which the ids first
//!      appear): a later article with the same text under another id is a copy of the
//!      first, linked to it (with the copies it had itself), not kept.
//! 3. The kept articles whose stored JSON stays as it is are merged by tantivy
//!    ([`tantivy::indexer::merge_filtered_segments`], one alive bitset per segment: no
//!    document is copied through our code). The few whose copies changed (copies across
//!    shards, versions replaced) are left out of the merge and added to the merged index
//!    again with their new copies, so the result has no deleted documents to skew
//!    scores. Finally all segments are merged into one.
//!
//! Ingest checks fingerprints against the articles indexed at the time: an article that a
//! later shard replaces by a version with another text is matched by its last text here.
//! Copies are listed in shard order (a single ingest lists them in input order): the
//! same set.

use super::schema::INDEX_FORMAT_VERSION;
use super::writer::{document, fingerprint};
use super::NewsIndex;
use crate::article::{Article, CopyRef};
use crate::error::{Error, Result, ResultExt as _};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tantivy::schema::Value as _;
use tantivy::{SegmentReader, TantivyDocument};

/// What a merge did.
#[derive(Debug, Clone, Default)]
pub struct MergeSummary {
    pub shards: usize,
    /// Live articles in the shards.
    pub read: u64,
    /// Articles in the merged index.
    pub kept: u64,
    /// Older versions dropped (the same id in a later shard).
    pub replaced: u64,
    /// Copies of a kept text under another id, linked to it.
    pub copies: u64,
    /// Kept articles written again because their copies changed.
    pub relinked: u64,
}

/// The part of a stored article the merge decides on.
#[derive(Deserialize)]
struct Head {
    id: String,
    #[serde(default)]
    url: Option<String>,
    text: String,
    #[serde(default)]
    copies: Vec<CopyRef>,
}

/// One live document of a shard.
struct Doc {
    /// Shard, segment (within the shard), doc id (within the segment).
    at: (usize, usize, u32),
    url: Option<String>,
    print: Option<String>,
    copies: Vec<CopyRef>,
}

/// A kept article: where its last version is, its copies, whether they changed.
type Kept = ((usize, usize, u32), Vec<CopyRef>, bool);

/// Merge `shards` (in this order) into a new index at `out`.
pub fn merge(out: &Path, shards: &[PathBuf]) -> Result<MergeSummary> {
    if shards.is_empty() {
        return Err(Error::user("merge needs at least one shard index"));
    }
    let (schema, fields) = super::schema::build();
    let mut opened = Vec::with_capacity(shards.len());
    for dir in shards {
        if dir.canonicalize().ok() == out.canonicalize().ok() {
            return Err(Error::user(format!(
                "{} is both a shard and the output",
                dir.display()
            )));
        }
        let idx = NewsIndex::open(dir)?;
        if idx.index.schema() != schema {
            return Err(Error::user(format!(
                "{} has another schema than this newsfacts writes (index format {INDEX_FORMAT_VERSION}); ingest it again",
                dir.display()
            )));
        }
        opened.push(idx);
    }
    let settings = opened[0].index.settings().clone();
    if opened.iter().any(|i| i.index.settings() != &settings) {
        return Err(Error::user(
            "the shards were written with different index settings",
        ));
    }

    // 1. Read every live document: id, URL, fingerprint, copies.
    let mut summary = MergeSummary {
        shards: shards.len(),
        ..MergeSummary::default()
    };
    let mut segments = Vec::new();
    let mut order: Vec<String> = Vec::new(); // ids in order of first appearance
    let mut versions: HashMap<String, Vec<Doc>> = HashMap::new();
    for (s, idx) in opened.iter().enumerate() {
        let segs = idx
            .index
            .searchable_segments()
            .with_context(|| format!("cannot read the index at {}", shards[s].display()))?;
        for seg in segs {
            let g = segments.len();
            let reader = SegmentReader::open(&seg)
                .with_context(|| format!("cannot read a segment of {}", shards[s].display()))?;
            let store = reader
                .get_store_reader(64)
                .with_context(|| format!("cannot read the store of {}", shards[s].display()))?;
            for doc in reader.doc_ids_alive() {
                let stored: TantivyDocument = store.get(doc).with_context(|| {
                    format!("cannot read a document of {}", shards[s].display())
                })?;
                let json = stored
                    .get_first(fields.article)
                    .and_then(|v| v.as_str())
                    .ok_or_else(|| {
                        Error::input(format!(
                            "the index at {} is damaged: a document without its stored article",
                            shards[s].display()
                        ))
                    })?;
                let head: Head = serde_json::from_str(json).map_err(|e| {
                    Error::input(format!(
                        "the index at {} is damaged: a stored article is not valid JSON ({e})",
                        shards[s].display()
                    ))
                })?;
                summary.read += 1;
                let list = versions.entry(head.id.clone()).or_default();
                if list.is_empty() {
                    order.push(head.id.clone());
                }
                list.push(Doc {
                    at: (s, g, doc),
                    url: head.url,
                    print: fingerprint(&head.text),
                    copies: head.copies,
                });
            }
            segments.push((seg, reader.max_doc()));
        }
    }

    // 2. Choose: the last version of each id; the first id of each fingerprint.
    let mut first_with: HashMap<String, String> = HashMap::new();
    // kept id -> (where its last version is, its copies, whether they changed)
    let mut kept: HashMap<String, Kept> = HashMap::new();
    let mut kept_order: Vec<String> = Vec::new();
    for id in &order {
        let vs = versions.remove(id).expect("every id has versions");
        summary.replaced += vs.len() as u64 - 1;
        let last = vs.last().expect("at least one version");
        let (at, url, print) = (last.at, last.url.clone(), last.print.clone());
        let stored_copies = last.copies.clone();
        let mut copies: Vec<CopyRef> = Vec::new();
        for v in &vs {
            add_copies(id, &mut copies, v.copies.iter().cloned());
        }
        if let Some(orig) = print.as_ref().and_then(|p| first_with.get(p)) {
            summary.copies += 1;
            let entry = kept
                .get_mut(orig)
                .expect("a fingerprint names a kept article");
            let before = entry.1.len();
            let mut more = vec![CopyRef {
                id: id.clone(),
                url,
            }];
            more.extend(copies);
            add_copies(orig, &mut entry.1, more.into_iter());
            entry.2 |= entry.1.len() != before;
            continue;
        }
        if let Some(p) = print {
            first_with.insert(p, id.clone());
        }
        let changed = copies != stored_copies;
        kept.insert(id.clone(), (at, copies, changed));
        kept_order.push(id.clone());
    }

    // 3. Alive bitsets: kept documents whose stored JSON stays as it is.
    let mut alive: Vec<tantivy::BitSet> = segments
        .iter()
        .map(|(_, max)| tantivy::BitSet::with_max_value(*max))
        .collect();
    let mut rewrite: Vec<(usize, usize, u32, Vec<CopyRef>)> = Vec::new();
    for id in &kept_order {
        let (at, copies, changed) = kept.remove(id).expect("kept");
        if changed {
            rewrite.push((at.0, at.1, at.2, copies));
        } else {
            alive[at.1].insert(at.2);
        }
    }
    summary.relinked = rewrite.len() as u64;
    summary.kept = kept_order.len() as u64;
    let filters = alive
        .iter()
        .map(|b| {
            let mut bytes = Vec::new();
            tantivy::fastfield::write_alive_bitset(b, &mut bytes)?;
            Ok(Some(tantivy::fastfield::AliveBitSet::open(
                tantivy::directory::OwnedBytes::new(bytes),
            )))
        })
        .collect::<std::io::Result<Vec<_>>>()
        .context("cannot build the merge filters")?;

    prepare_out(out)?;
    if !segments.is_empty() {
        let dir = tantivy::directory::MmapDirectory::open(out)
            .map_err(|e| Error::input(format!("cannot open {}: {e}", out.display())))?;
        let segs: Vec<tantivy::Segment> = segments.iter().map(|(s, _)| s.clone()).collect();
        tantivy::indexer::merge_filtered_segments(&segs, settings, filters, dir)
            .context("the tantivy merge failed")?;
        super::write_marker(out)?;
    }
    let merged = NewsIndex::open_or_create(out)?;

    // 4. Articles with new copies, written again; then one segment.
    let mut writer: tantivy::IndexWriter = merged
        .index
        .writer_with_num_threads(1, 128 * 1024 * 1024)
        .context("cannot open the merged index for writing")?;
    let mut stores: HashMap<usize, tantivy::store::StoreReader> = HashMap::new();
    for (_, g, doc, copies) in rewrite {
        if let std::collections::hash_map::Entry::Vacant(e) = stores.entry(g) {
            let reader = SegmentReader::open(&segments[g].0).context("cannot read a segment")?;
            e.insert(reader.get_store_reader(64).context("cannot read a store")?);
        }
        let stored: TantivyDocument = stores[&g].get(doc).context("cannot read a document")?;
        let json = stored
            .get_first(fields.article)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let mut article: Article = serde_json::from_str(json)
            .context("the index is damaged: a stored article is not valid JSON")?;
        article.copies = copies;
        let print = fingerprint(&article.text);
        writer.add_document(document(&fields, &article, print.as_deref())?)?;
    }
    writer.commit().context("cannot commit the merged index")?;
    let ids = merged
        .index
        .searchable_segment_ids()
        .context("cannot read the merged index")?;
    if ids.len() > 1 {
        writer
            .merge(&ids)
            .wait()
            .context("cannot merge the segments of the merged index")?;
    }
    writer
        .wait_merging_threads()
        .context("index merge failed")?;
    Ok(summary)
}

/// Append `more` to `copies`, each once and never `id` itself.
fn add_copies(id: &str, copies: &mut Vec<CopyRef>, more: impl Iterator<Item = CopyRef>) {
    for c in more {
        if c.id != id && !copies.iter().any(|x| x.id == c.id) {
            copies.push(c);
        }
    }
}

/// The output must be new or an empty directory: a merge never writes into an index.
fn prepare_out(out: &Path) -> Result<()> {
    if out.exists() {
        let empty = std::fs::read_dir(out)
            .map_err(|e| Error::at_path(format_args!("cannot read {}", out.display()), e))?
            .next()
            .is_none();
        if !empty {
            return Err(Error::user(format!(
                "{} exists and is not empty; merge writes a new index",
                out.display()
            )));
        }
    }
    std::fs::create_dir_all(out)
        .map_err(|e| Error::at_path(format_args!("cannot create {}", out.display()), e))
}
