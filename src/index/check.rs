//! Verifying an index: every file of every segment of the last commit is present and its
//! bytes match the CRC-32 that tantivy keeps in the file's footer.
//!
//! A damaged file otherwise gives wrong answers with exit 0 (a garbled `.term` file lost
//! two thirds of the hits of a query) or panics deep inside tantivy. `newsfacts check`
//! verifies everything; every open of the index (search, export, ingest) verifies the
//! files that changed since they were last verified. What was verified is remembered in
//! [`STAMP`]: each file's length, modification and change times and inode. Writing a
//! file changes its change time (which no user call can set back), so a file whose
//! identity matches the stamp holds the bytes that were verified; a copied or rewritten
//! file is verified again. Bit rot that leaves the inode alone is for `check` to find.

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file that remembers which segment files were verified (in the index directory).
pub const STAMP: &str = "newsfacts-verified.json";

/// What is wrong with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub what: String,
}

/// What a verification found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub segments: usize,
    pub files: usize,
    /// Files whose checksum was computed now (the others matched the stamp).
    pub checksummed: usize,
    pub bytes: u64,
    pub problems: Vec<Problem>,
}

/// Which files to checksum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every file (`newsfacts check`).
    All,
    /// The files that changed since they were last verified (every open).
    Changed,
}

/// A file's identity: (length, modification time, change time, inode), in nanoseconds.
type Identity = [u64; 4];

fn identity(m: &std::fs::Metadata) -> Identity {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let ns = |s: i64, n: i64| {
            (s as u64)
                .wrapping_mul(1_000_000_000)
                .wrapping_add(n as u64)
        };
        [
            m.len(),
            ns(m.mtime(), m.mtime_nsec()),
            ns(m.ctime(), m.ctime_nsec()),
            m.ino(),
        ]
    }
    #[cfg(not(unix))]
    {
        let t = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64);
        [m.len(), t, 0, 0]
    }
}

fn read_stamp(dir: &Path) -> BTreeMap<String, Identity> {
    std::fs::read(dir.join(STAMP))
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|v| {
            serde_json::from_value::<BTreeMap<String, Identity>>(v.get("files")?.clone()).ok()
        })
        .unwrap_or_default()
}

/// Write the stamp (atomically); a read-only index keeps the old one, silently: the
/// stamp only saves work.
fn write_stamp(dir: &Path, files: &BTreeMap<String, Identity>) {
    let body = serde_json::json!({
        "about": "files of this index verified by newsfacts: length, mtime, ctime, inode",
        "files": files,
    });
    let tmp = dir.join(format!("{STAMP}.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, body.to_string()).is_ok()
        && std::fs::rename(&tmp, dir.join(STAMP)).is_err()
    {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// The files each segment of the last commit must have, and the segment count.
fn segment_files(index: &tantivy::Index) -> Result<(Vec<PathBuf>, usize)> {
    let metas = index.load_metas()?;
    let mut files: Vec<PathBuf> = metas
        .list_segment_files()
        .into_iter()
        .filter(|p| {
            let name = p.to_string_lossy();
            // deletes and the temporary store are listed whether or not they exist
            !name.ends_with(".del") && !name.ends_with(".store.temp")
        })
        .collect();
    for seg in &metas.segments {
        if seg.has_deletes() {
            files.push(seg.relative_path(tantivy::index::SegmentComponent::Delete));
        }
    }
    files.sort();
    Ok((files, metas.segments.len()))
}

/// Verify the segment files of the index in `dir` (`scope` says which are checksummed)
/// and remember the sound ones in the stamp.
pub fn verify(index: &tantivy::Index, dir: &Path, scope: Scope) -> Result<Report> {
    // A commit of a concurrent ingest can delete the files of the commit read here: a
    // file that is missing is only damage if the commit is still the same.
    let mut attempt = 0;
    loop {
        let (files, segments) = segment_files(index)?;
        let report = verify_files(index, dir, &files, segments, scope);
        let only_missing = !report.problems.is_empty()
            && report
                .problems
                .iter()
                .all(|p| p.what.starts_with("missing"));
        attempt += 1;
        if only_missing && attempt < 3 && segment_files(index)?.0 != files {
            continue;
        }
        return Ok(report);
    }
}

fn verify_files(
    index: &tantivy::Index,
    dir: &Path,
    files: &[PathBuf],
    segments: usize,
    scope: Scope,
) -> Report {
    let stamp = read_stamp(dir);
    let mut sound: BTreeMap<String, Identity> = BTreeMap::new();
    let mut report = Report {
        segments,
        files: files.len(),
        ..Report::default()
    };
    for rel in files {
        let name = rel.to_string_lossy().into_owned();
        let problem = |what: String| Problem {
            file: name.clone(),
            what,
        };
        let meta = match std::fs::metadata(dir.join(rel)) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                report
                    .problems
                    .push(problem("missing (deleted?)".to_string()));
                continue;
            }
            Err(e) => {
                report
                    .problems
                    .push(problem(format!("cannot be read: {e}")));
                continue;
            }
        };
        let id = identity(&meta);
        if scope == Scope::Changed && stamp.get(&name) == Some(&id) {
            sound.insert(name, id);
            continue;
        }
        report.checksummed += 1;
        report.bytes += meta.len();
        match index.directory().validate_checksum(rel) {
            Ok(true) => {
                sound.insert(name, id);
            }
            Ok(false) => report.problems.push(problem(
                "its bytes do not match its checksum (overwritten or corrupted)".to_string(),
            )),
            Err(e) => report.problems.push(problem(footer_problem(&e))),
        }
    }
    if report.checksummed > 0 || sound.len() != stamp.len() {
        write_stamp(dir, &sound);
    }
    report
}

/// Why a file's footer (where its checksum is) cannot be read, in words (tantivy's own
/// message speaks of "tantivy 0.15" for any file cut short).
fn footer_problem(e: &tantivy::directory::error::OpenReadError) -> String {
    use tantivy::directory::error::OpenReadError as E;
    match e {
        E::FileDoesNotExist(_) => "missing (deleted?)".to_string(),
        E::IoError { io_error, .. } => match io_error.kind() {
            std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof => {
                "truncated or corrupted: its footer (with its checksum) cannot be read".to_string()
            }
            _ => format!("cannot be read: {io_error}"),
        },
        E::IncompatibleIndex(_) => "written by another version of the index format".to_string(),
    }
}

/// The error for an index with problems: the first files named, and what to run.
pub fn damaged(dir: &Path, problems: &[Problem]) -> Error {
    let mut said: Vec<String> = problems
        .iter()
        .take(3)
        .map(|p| format!("{}: {}", p.file, p.what))
        .collect();
    if problems.len() > 3 {
        said.push(format!("and {} more files", problems.len() - 3));
    }
    Error::input(format!(
        "index damaged at {}: {}; run `newsfacts check --index {}`",
        dir.display(),
        said.join("; "),
        dir.display()
    ))
}

/// Add the advice to run `check` to an error met while reading the index (an error of the
/// data; the user's errors, e.g. a bad query, are left as they are).
pub fn with_advice(e: Error, dir: &Path) -> Error {
    match e {
        Error::Input { msg, source } if !msg.contains("newsfacts check") => Error::Input {
            msg: format!(
                "{msg}: the index at {} may be damaged; run `newsfacts check --index {}`",
                dir.display(),
                dir.display()
            ),
            source,
        },
        e => e,
    }
}

thread_local! {
    /// Set while the index is read under [`guarded`]: a panic there is reported as damage,
    /// without the panic hook's backtrace text.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f`, which reads the index in `dir`: a panic inside it (tantivy panics on some
/// corrupt files: "mid > len") becomes an input error that says the index is damaged
/// and what to run; errors of the data get the same advice.
pub fn guarded<T>(dir: &Path, f: impl FnOnce() -> Result<T>) -> Result<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                previous(info)
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    match outcome {
        Ok(r) => r.map_err(|e| with_advice(e, dir)),
        Err(payload) => Err(Error::input(format!(
            "index damaged at {}: reading it failed ({}); run `newsfacts check --index {}`",
            dir.display(),
            crate::error::panic_message(&*payload),
            dir.display()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_reading_is_damage_with_advice() {
        let dir = Path::new("some/idx");
        let e = guarded::<()>(dir, || panic!("mid > len")).unwrap_err();
        assert_eq!(e.exit_code(), 3);
        assert_eq!(
            e.to_string(),
            "index damaged at some/idx: reading it failed (mid > len); run `newsfacts check --index some/idx`"
        );
        let e = guarded::<()>(dir, || Err(Error::user("bad query"))).unwrap_err();
        assert_eq!(e.to_string(), "bad query");
        let e = guarded::<()>(dir, || Err(Error::input("the index file a.idx is damaged")))
            .unwrap_err();
        assert!(e
            .to_string()
            .ends_with("run `newsfacts check --index some/idx`"));
        assert_eq!(guarded(dir, || Ok(7)).unwrap(), 7);
    }

    #[test]
    fn damage_names_the_first_files_and_the_command() {
        let p = |f: &str| Problem {
            file: f.into(),
            what: "missing (deleted?)".into(),
        };
        let e = damaged(
            Path::new("i"),
            &[p("a.pos"), p("b.pos"), p("c.pos"), p("d.pos")],
        );
        assert_eq!(
            e.to_string(),
            "index damaged at i: a.pos: missing (deleted?); b.pos: missing (deleted?); c.pos: missing (deleted?); and 1 more files; run `newsfacts check --index i`"
        );
    }
}
