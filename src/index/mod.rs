//! The tantivy index: schema, opening, writing, searching, exporting.

pub mod check;
pub mod cjk;
mod create;
pub mod export_formats;
pub mod facets;
pub mod facts;
pub mod merge;
mod readonly;
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
    /// Open an existing index for reading; a clear error when there is none, and when
    /// its files are damaged (those changed since they were last verified are checked:
    /// [`check`]).
    pub fn open(dir: &Path) -> Result<NewsIndex> {
        let ix = Self::open_unverified(dir)?;
        let report = check::verify(&ix.index, dir, check::Scope::Changed)?;
        if !report.problems.is_empty() {
            return Err(check::damaged(dir, &report.problems));
        }
        Ok(ix)
    }

    /// Open an existing index without verifying its files (`check` does that itself).
    pub fn open_unverified(dir: &Path) -> Result<NewsIndex> {
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
        let opened = readonly::ReadableDir::open(dir).and_then(Index::open);
        let index =
            opened.with_context(|| format!("cannot open the index at {}", dir.display()))?;
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

    /// Open the index, creating it (and the directory) when absent. It is made in a
    /// temporary directory beside it and renamed into place when whole, so a run killed
    /// (or a disk that fills) while it is made leaves no half-made index; an empty
    /// directory, or one an older newsfacts left half-made (tantivy's empty start and no
    /// marker), is taken.
    pub fn open_or_create(dir: &Path) -> Result<NewsIndex> {
        if dir.join(MARKER).exists() {
            return Self::open(dir);
        }
        if dir.exists() {
            let leftovers = create::half_made(dir)
                .map_err(|e| Error::at_path(format_args!("cannot read {}", dir.display()), e))?;
            let Some(leftovers) = leftovers else {
                return Err(Error::user(format!(
                    "{} exists and is not a newsfacts index; refusing to write into it",
                    dir.display()
                )));
            };
            for f in leftovers {
                std::fs::remove_file(&f).map_err(|e| {
                    Error::at_path(format_args!("cannot remove {}", f.display()), e)
                })?;
            }
        }
        create::create(dir, MARKER, &|at: &Path| {
            let (schema, _) = schema::build();
            Index::create_in_dir(at, schema)
                .with_context(|| format!("cannot create an index in {}", at.display()))?;
            let marker = serde_json::json!({"schema_version": schema::INDEX_FORMAT_VERSION, "created_by": concat!("newsfacts ", env!("CARGO_PKG_VERSION"))});
            std::fs::write(at.join(MARKER), marker.to_string())
                .with_context(|| format!("cannot write {}", at.join(MARKER).display()))?;
            Ok(())
        })?;
        Self::open(dir)
    }

    /// Fail with a truthful message when the index directory cannot be written (ingest
    /// needs to; search and export do not).
    pub fn ensure_writable(&self) -> Result<()> {
        let probe = self
            .dir
            .join(format!(".newsfacts-write-test-{}", std::process::id()));
        match std::fs::write(&probe, b"") {
            Ok(()) => {
                let _ = std::fs::remove_file(&probe);
                Ok(())
            }
            Err(e) if readonly::is_read_only(&e) => Err(Error::user(format!(
                "the index at {} cannot be written ({e}): ingest needs write access; search and export only read it",
                self.dir.display()
            ))),
            Err(e) => Err(Error::at_path(
                format_args!("cannot write into the index at {}", self.dir.display()),
                e,
            )),
        }
    }

    /// Run `f`, which reads this index: a panic or a data error in it is reported as
    /// damage, with the advice to run `newsfacts check` ([`check::guarded`]).
    pub fn guarded<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        check::guarded(&self.dir, f)
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

/// Write the marker that makes `dir` a newsfacts index of this schema version.
pub(crate) fn write_marker(dir: &Path) -> Result<()> {
    let marker = serde_json::json!({"schema_version": schema::INDEX_FORMAT_VERSION, "created_by": concat!("newsfacts ", env!("CARGO_PKG_VERSION"))});
    std::fs::write(dir.join(MARKER), marker.to_string())
        .with_context(|| format!("cannot write {}", dir.join(MARKER).display()))
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
