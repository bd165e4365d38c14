//! Adding articles to the index, idempotently by article id.

use super::{Fields, NewsIndex};
use crate::article::{Article, MentionType};
use anyhow::{Context as _, Result};
use std::collections::HashSet;
use tantivy::schema::Facet;
use tantivy::{IndexWriter, TantivyDocument, Term};

/// Memory budget of the tantivy writer (split over its threads).
const WRITER_BUDGET: usize = 256 * 1024 * 1024;
/// Commit every so many documents so a long ingest that dies keeps most of its work.
const COMMIT_EVERY: u64 = 50_000;

pub struct Writer {
    writer: IndexWriter,
    fields: Fields,
    searcher: tantivy::Searcher,
    seen: HashSet<String>,
    since_commit: u64,
}

/// What adding one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    New,
    /// An article with this id was already indexed (or seen earlier in this run); it is
    /// replaced, so the index keeps one copy.
    Replaced,
}

impl Writer {
    pub fn new(index: &NewsIndex) -> Result<Writer> {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 4);
        let writer = index
            .index
            .writer_with_num_threads(threads, WRITER_BUDGET)
            .context("cannot open the index for writing (is another ingest running?)")?;
        let searcher = index
            .index
            .reader()
            .context("cannot read the index")?
            .searcher();
        Ok(Writer {
            writer,
            fields: index.fields.clone(),
            searcher,
            seen: HashSet::new(),
            since_commit: 0,
        })
    }

    pub fn add(&mut self, article: &Article) -> Result<Added> {
        let f = &self.fields;
        let id_term = Term::from_field_text(f.id, &article.id);
        let existed = !self.seen.insert(article.id.clone())
            || self.searcher.doc_freq(&id_term).unwrap_or(0) > 0;
        if existed {
            self.writer.delete_term(id_term);
        }
        self.writer.add_document(document(f, article)?)?;
        self.since_commit += 1;
        if self.since_commit >= COMMIT_EVERY {
            self.commit()?;
        }
        Ok(if existed { Added::Replaced } else { Added::New })
    }

    pub fn commit(&mut self) -> Result<()> {
        self.writer.commit().context("cannot commit the index")?;
        self.since_commit = 0;
        Ok(())
    }

    /// Commit and wait for merges to finish.
    pub fn finish(mut self) -> Result<()> {
        self.commit()?;
        self.writer
            .wait_merging_threads()
            .context("index merge failed")?;
        Ok(())
    }
}

/// The tantivy document of an article.
pub fn document(f: &Fields, a: &Article) -> Result<TantivyDocument> {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &a.id);
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
    if let Some(date) = a.published.as_deref().and_then(crate::pipeline::parse_date) {
        doc.add_facet(
            f.facet,
            Facet::from_path(["year", &date.format("%Y").to_string()]),
        );
        doc.add_date(f.published, super::schema::date_value(date));
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
