//! The tantivy index: schema, opening, writing, searching, exporting.

pub mod cjk;
pub mod facets;
pub mod schema;
pub mod search;
pub mod stem;
pub mod writer;

use crate::error::{Error, Result, ResultExt as _};
use std::path::{Path, PathBuf};
use tantivy::Index;

pub use schema::Fields;

/// The marker file that says a directory is a newsfacts index, and of which schema.
const MARKER: &str = "newsfacts-index.json";

/// An open index with its fields.
pub struct NewsIndex {
    pub index: Index,
    pub fields: Fields,
    pub dir: PathBuf,
    /// Opened on first use and kept: a program that searches many times pays once.
    reader: std::sync::OnceLock<tantivy::IndexReader>,
    /// Facet names resolved by earlier searches.
    pub(crate) facet_names: std::sync::Arc<facets::NameCache>,
}

impl NewsIndex {
    /// Open an existing index for reading; a clear error when there is none.
    pub fn open(dir: &Path) -> Result<NewsIndex> {
        if !dir.join(MARKER).exists() {
            if dir.exists() {
                return Err(Error::user(format!(
                    "{} is not a newsfacts index (no {MARKER}); run `newsfacts ingest --index {}` first",
                    dir.display(),
                    dir.display()
                )));
            }
            return Err(Error::user(format!(
                "no index at {} (run `newsfacts ingest` first, or point --index / NEWSFACTS_INDEX at one)",
                dir.display()
            )));
        }
        check_marker(dir)?;
        let index = Index::open_in_dir(dir)
            .with_context(|| format!("cannot open the index at {}", dir.display()))?;
        register_analyzers(&index);
        let (_, fields) = schema::build();
        Ok(NewsIndex {
            index,
            fields,
            dir: dir.to_path_buf(),
            reader: std::sync::OnceLock::new(),
            facet_names: Default::default(),
        })
    }

    /// Open the index, creating it (and the directory) when absent.
    pub fn open_or_create(dir: &Path) -> Result<NewsIndex> {
        if dir.join(MARKER).exists() {
            return Self::open(dir);
        }
        if dir.exists() {
            let empty = std::fs::read_dir(dir)
                .map_err(|e| Error::at_path(format_args!("cannot read {}", dir.display()), e))?
                .next()
                .is_none();
            if !empty {
                return Err(Error::user(format!(
                    "{} exists and is not a newsfacts index; refusing to write into it",
                    dir.display()
                )));
            }
        }
        std::fs::create_dir_all(dir).map_err(|e| {
            Error::at_path(
                format_args!("cannot create the index directory {}", dir.display()),
                e,
            )
        })?;
        let (schema, fields) = schema::build();
        let index = Index::create_in_dir(dir, schema)
            .with_context(|| format!("cannot create an index in {}", dir.display()))?;
        register_analyzers(&index);
        let marker = serde_json::json!({"schema_version": schema::INDEX_FORMAT_VERSION, "created_by": concat!("newsfacts ", env!("CARGO_PKG_VERSION"))});
        std::fs::write(dir.join(MARKER), marker.to_string())
            .with_context(|| format!("cannot write {}", dir.join(MARKER).display()))?;
        Ok(NewsIndex {
            index,
            fields,
            dir: dir.to_path_buf(),
            reader: std::sync::OnceLock::new(),
            facet_names: Default::default(),
        })
    }
}

impl NewsIndex {
    /// A searcher over the last commit (as of the first call).
    pub fn searcher(&self) -> Result<tantivy::Searcher> {
        if let Some(r) = self.reader.get() {
            return Ok(r.searcher());
        }
        let r: tantivy::IndexReader = self
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .context("cannot read the index")?;
        Ok(self.reader.get_or_init(|| r).searcher())
    }
}

/// Our analyzers, registered on every opened index (tantivy keeps them in memory only).
fn register_analyzers(index: &Index) {
    index.tokenizers().register(cjk::NAME, cjk::analyzer());
}

/// The marker must name our schema version: an index of another version is the user's
/// to replace (exit 1); a marker that cannot be read or parsed is a damaged index.
fn check_marker(dir: &Path) -> Result<()> {
    let path = dir.join(MARKER);
    let raw = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let found = serde_json::from_str::<serde_json::Value>(&raw)
        .ok()
        .and_then(|v| v.get("schema_version").and_then(|x| x.as_u64()));
    match found {
        None => Err(Error::input(format!(
            "the index at {} is damaged: {} does not hold a schema version",
            dir.display(),
            path.display()
        ))),
        Some(v) if v != schema::INDEX_FORMAT_VERSION as u64 => Err(Error::user(format!(
            "the index at {} has schema version {v}, this newsfacts needs {}; ingest again into a new directory",
            dir.display(),
            schema::INDEX_FORMAT_VERSION
        ))),
        Some(_) => Ok(()),
    }
}
