//! Adding articles to the index: idempotent by article id (a new version of an article
//! replaces the old one and keeps the copies recorded in it), syndicated copies (the same
//! text under another id) linked to the indexed article instead of indexed twice, and
//! commits at intervals so that a run that dies keeps everything committed before.
//!
//! Crash safety comes from tantivy: a commit switches `meta.json` atomically, so after a
//! `kill -9` the index opens at the last commit and holds only whole articles. Running the
//! same ingest again replaces what was committed (same ids) and adds the rest.

use super::{Fields, NewsIndex};
use crate::article::{Article, CopyRef, MentionType};
use crate::error::{Error, Result, ResultExt as _};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};
use tantivy::schema::{Facet, IndexRecordOption, Value as _};
use tantivy::{
    DocAddress, DocSet, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term, TERMINATED,
};

/// Memory budget of the tantivy writer (split over its threads). Fixed: the writer flushes
/// a segment when its share is full, whatever the size of the dump.
const WRITER_BUDGET: usize = 256 * 1024 * 1024;
/// Default articles between commits.
pub const COMMIT_EVERY: u64 = 25_000;
/// Commit at least this often during a long ingest.
const COMMIT_INTERVAL: Duration = Duration::from_secs(30);
/// Texts shorter than this (in alphanumeric characters) are not fingerprinted: short
/// items ("Shr 10 cts vs 8 cts") are alike without being copies of each other.
const MIN_FINGERPRINT_CHARS: usize = 200;

pub struct Writer {
    writer: IndexWriter,
    fields: Fields,
    reader: IndexReader,
    searcher: tantivy::Searcher,
    /// Ids and fingerprints added since the last commit (the searcher sees the rest).
    recent_ids: HashSet<String>,
    recent_prints: HashMap<String, String>,
    /// Copies not yet recorded in their article, by the id of that article (see
    /// [`Writer::commit`]).
    links: BTreeMap<String, Vec<CopyRef>>,
    since_commit: u64,
    commit_every: u64,
    last_commit: Instant,
}

/// What adding one article did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    New,
    /// An article with this id was already indexed (or seen earlier in this run); it is
    /// replaced, so the index keeps one copy.
    Replaced,
    /// Its text is that of the indexed article with this id: linked to it as a copy,
    /// not indexed.
    CopyOf(String),
}

/// A fingerprint of an article's text for finding syndicated copies: SHA-256 of its
/// lower-cased alphanumeric characters (so whitespace, punctuation and case do not
/// matter), or `None` for short texts.
pub fn fingerprint(text: &str) -> Option<String> {
    use sha2::{Digest, Sha256};
    let mut folded = Vec::with_capacity(text.len());
    let mut n = 0usize;
    let mut buf = [0u8; 4];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            // the common case, byte by byte
            if b.is_ascii_alphanumeric() {
                folded.push(b.to_ascii_lowercase());
                n += 1;
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a char starts here");
        i += c.len_utf8();
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                folded.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
            }
            n += 1;
        }
    }
    if n < MIN_FINGERPRINT_CHARS {
        return None;
    }
    let d = Sha256::digest(&folded);
    Some(d[..16].iter().map(|b| format!("{b:02x}")).collect())
}

impl Writer {
    /// A writer committing every `commit_every` articles (and at least every 30 s).
    pub fn new(index: &NewsIndex, commit_every: u64) -> Result<Writer> {
        // One indexing thread per four cores: extraction takes about three quarters of
        // the CPU, and fewer threads make fewer, larger segments (less to merge). On 2
        // cores, 1 thread measured 4-13 % less CPU than 2 for the same wall time.
        let threads = (std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            / 4)
        .clamp(1, 4);
        let writer = index
            .index
            .writer_with_num_threads(threads, WRITER_BUDGET)
            .context("cannot open the index for writing")?;
        let reader = index
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .context("cannot read the index")?;
        let searcher = reader.searcher();
        Ok(Writer {
            writer,
            fields: index.fields.clone(),
            reader,
            searcher,
            recent_ids: HashSet::new(),
            recent_prints: HashMap::new(),
            links: BTreeMap::new(),
            since_commit: 0,
            commit_every: commit_every.max(1),
            last_commit: Instant::now(),
        })
    }

    pub fn add(&mut self, article: &Article) -> Result<Added> {
        let f = &self.fields;
        let id_term = Term::from_field_text(f.id, &article.id);
        let print = fingerprint(&article.text);
        let existed = self.recent_ids.contains(&article.id)
            || self.searcher.doc_freq(&id_term).unwrap_or(0) > 0;
        if !existed {
            if let Some(orig) = print.as_deref().and_then(|p| self.indexed_with(p)) {
                if orig != article.id {
                    self.links.entry(orig.clone()).or_default().push(CopyRef {
                        id: article.id.clone(),
                        url: article.url.clone(),
                    });
                    return Ok(Added::CopyOf(orig));
                }
            }
        }
        // A new version of an indexed article keeps the copies recorded in the old one
        // (other runs may have found them).
        let kept = if existed {
            let kept = self.stored_copies(&article.id)?;
            self.writer.delete_term(id_term);
            kept
        } else {
            Vec::new()
        };
        let doc = if kept.is_empty() {
            document(f, article, print.as_deref())?
        } else {
            let mut a = article.clone();
            add_copies(&mut a, kept);
            document(f, &a, print.as_deref())?
        };
        self.writer.add_document(doc)?;
        self.recent_ids.insert(article.id.clone());
        if let Some(p) = print {
            self.recent_prints.insert(p, article.id.clone());
        }
        self.since_commit += 1;
        if self.since_commit >= self.commit_every || self.last_commit.elapsed() >= COMMIT_INTERVAL {
            self.commit()?;
        }
        Ok(if existed { Added::Replaced } else { Added::New })
    }

    /// The id of the indexed article with this fingerprint (added since the last commit,
    /// or committed).
    fn indexed_with(&self, print: &str) -> Option<String> {
        if let Some(id) = self.recent_prints.get(print) {
            return Some(id.clone());
        }
        // a read error only means a copy is not recognised: it is indexed as it is
        let term = Term::from_field_text(self.fields.body_hash, print);
        let stored = self.stored_with(&term).ok().flatten()?;
        stored
            .get_first(self.fields.id)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    }

    /// The stored document of the first live article (as of the last commit) with
    /// `term`: read straight from the postings of the term (a scored search per article
    /// cost more).
    fn stored_with(&self, term: &Term) -> Result<Option<TantivyDocument>> {
        for (ord, seg) in self.searcher.segment_readers().iter().enumerate() {
            let inverted = seg.inverted_index(term.field())?;
            let Some(mut postings) = inverted.read_postings(term, IndexRecordOption::Basic)? else {
                continue;
            };
            let alive = seg.alive_bitset();
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    return Ok(Some(self.searcher.doc(DocAddress::new(ord as u32, doc))?));
                }
                doc = postings.advance();
            }
        }
        Ok(None)
    }

    /// Commit what was added, with the copies found so far recorded in their articles,
    /// and make all of it visible to the lookups.
    ///
    /// A copy can only be recorded in an article the searcher sees, so the copies of
    /// articles added since the last commit wait for the next one (a run that is killed
    /// before then finds them again when it is re-run: copies are never indexed). Their
    /// own commit would flush a tiny segment each time, to be merged again.
    pub fn commit(&mut self) -> Result<()> {
        for (id, copies) in std::mem::take(&mut self.links) {
            if self.recent_ids.contains(&id) {
                self.links.insert(id, copies);
            } else {
                self.link(&id, copies)?;
            }
        }
        self.writer.commit().context("cannot commit the index")?;
        self.reload()?;
        self.since_commit = 0;
        self.last_commit = Instant::now();
        Ok(())
    }

    fn reload(&mut self) -> Result<()> {
        self.reader.reload().context("cannot reload the index")?;
        self.searcher = self.reader.searcher();
        self.recent_ids.clear();
        self.recent_prints.clear();
        Ok(())
    }

    /// The JSON of the stored article `id` as of the last commit, if there is one.
    fn stored_json(&self, id: &str) -> Result<Option<String>> {
        let Some(doc) = self.stored_with(&Term::from_field_text(self.fields.id, id))? else {
            return Ok(None);
        };
        let json = doc
            .get_first(self.fields.article)
            .and_then(|v| v.as_str())
            .ok_or_else(|| {
                Error::input("the index is damaged: a document without its stored article")
            })?;
        Ok(Some(json.to_string()))
    }

    /// The copies recorded in the stored article `id` (none if it is not committed).
    fn stored_copies(&self, id: &str) -> Result<Vec<CopyRef>> {
        match self.stored_json(id)? {
            // an article without copies has no such key (a quote inside a JSON string
            // is escaped, so text cannot match it): most replaced articles are not parsed
            Some(json) if json.contains("\"copies\":") => Ok(parse_stored(&json)?.copies),
            _ => Ok(Vec::new()),
        }
    }

    /// Add `copies` to the stored article `id` (once each) and re-index it.
    fn link(&mut self, id: &str, copies: Vec<CopyRef>) -> Result<()> {
        let Some(json) = self.stored_json(id)? else {
            return Ok(()); // not in the index: nothing to record them in
        };
        let mut article = parse_stored(&json)?;
        if !add_copies(&mut article, copies) {
            return Ok(());
        }
        let print = fingerprint(&article.text);
        self.writer
            .delete_term(Term::from_field_text(self.fields.id, id));
        self.writer
            .add_document(document(&self.fields, &article, print.as_deref())?)?;
        Ok(())
    }

    /// Commit (twice if copies of the last articles wait) and wait for merges to finish.
    pub fn finish(mut self) -> Result<()> {
        self.commit()?;
        if !self.links.is_empty() {
            self.commit()?;
        }
        self.writer
            .wait_merging_threads()
            .context("index merge failed")?;
        Ok(())
    }
}

fn parse_stored(json: &str) -> Result<Article> {
    serde_json::from_str(json).context("the index is damaged: a stored article is not valid JSON")
}

/// Add `copies` to `article`, each once and never the article itself; whether any was new.
fn add_copies(article: &mut Article, copies: Vec<CopyRef>) -> bool {
    let before = article.copies.len();
    for c in copies {
        if c.id != article.id && !article.copies.iter().any(|x| x.id == c.id) {
            article.copies.push(c);
        }
    }
    article.copies.len() > before
}

/// The tantivy document of an article.
pub fn document(f: &Fields, a: &Article, print: Option<&str>) -> Result<TantivyDocument> {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &a.id);
    if let Some(p) = print {
        doc.add_text(f.body_hash, p);
    }
    if let Some(t) = &a.title {
        doc.add_text(f.title, t);
    }
    doc.add_text(f.body, &a.text);
    doc.add_text(f.article, serde_json::to_string(a)?);
    for e in &a.entities {
        let Some(root) = super::schema::entity_root(e.kind) else {
            continue;
        };
        doc.add_facet(f.facet, Facet::from_path([root, e.name.as_str()]));
    }
    if let Some(lang) = &a.lang {
        doc.add_facet(f.facet, Facet::from_path(["lang", lang.as_str()]));
    }
    if let Some(date) = a.published.as_deref().and_then(crate::day::parse_published) {
        doc.add_facet(
            f.facet,
            Facet::from_path(["year", &date.format("%Y").to_string()]),
        );
        doc.add_date(f.published, super::schema::date_value(date));
    }
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for fact in &a.facts {
        let subject = fact.subject.as_deref().map(|s| ("subject", s));
        for (root, value) in std::iter::once(("metric", fact.metric.as_str())).chain(subject) {
            if !value.is_empty() && !seen.contains(&(root, value)) {
                seen.push((root, value));
                doc.add_facet(f.facet, Facet::from_path([root, value]));
            }
        }
    }
    let mut currencies: Vec<&str> = Vec::new();
    for m in &a.mentions {
        if m.kind != MentionType::Money {
            continue;
        }
        let (Some(v), Some(c)) = (
            m.value.as_ref().and_then(|v| v.as_f64()),
            m.currency.as_deref(),
        ) else {
            continue;
        };
        doc.add_f64(f.amount, v);
        if let Some(field) = f.amount_field_for(c) {
            doc.add_f64(field, v);
        }
        if !currencies.contains(&c) {
            currencies.push(c);
            doc.add_facet(f.facet, Facet::from_path(["currency", c]));
        }
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn fingerprints_ignore_case_spacing_and_punctuation_but_not_words() {
        let a = "Acme Holdings said on Tuesday that revenue rose. ".repeat(6);
        let b = a.to_uppercase().replace(' ', "\n  ").replace('.', " ;");
        assert!(fingerprint(&a).is_some());
        assert_eq!(fingerprint(&a), fingerprint(&b));
        assert_ne!(
            fingerprint(&a),
            fingerprint(&a.replace("Tuesday", "Monday"))
        );
        assert_eq!(fingerprint("Shr 10 cts vs 8 cts"), None);
        let de = "Die Höhe des Übernahmeangebots überraschte die Börse in Zürich. ".repeat(5);
        assert_eq!(fingerprint(&de), fingerprint(&de.to_uppercase()));
    }
}
