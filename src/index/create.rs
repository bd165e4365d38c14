//! Making a new index directory whole or not at all: it is made in a temporary directory
//! beside it and renamed into place, so a run killed (or a disk that fills) while it is
//! made leaves no directory that later runs refuse as "not a newsfacts index".

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// The files tantivy writes when it starts an empty index (and its locks): all an older
/// newsfacts killed between creating the index and writing its marker left behind.
const START_FILES: &[&str] = &[
    "meta.json",
    ".managed.json",
    ".tantivy-meta.lock",
    ".tantivy-writer.lock",
];

/// `Some(files to remove)` when `dir` is empty or holds only the start of an index with
/// no segments and no marker (a half-made index of ours: nothing in it to lose); `None`
/// when it holds anything else.
pub fn half_made(dir: &Path) -> std::io::Result<Option<Vec<PathBuf>>> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let known = e
            .file_name()
            .to_str()
            .is_some_and(|n| START_FILES.contains(&n));
        if !known || !e.file_type()?.is_file() {
            return Ok(None);
        }
        files.push(e.path());
    }
    let meta = dir.join("meta.json");
    if meta.exists() {
        let segments = std::fs::read(&meta)
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .and_then(|v| v.get("segments").and_then(|s| s.as_array()).map(Vec::len));
        if segments.is_some_and(|n| n > 0) {
            return Ok(None);
        }
    }
    Ok(Some(files))
}

/// Create the index directory `dir` (absent or empty) with `make`, which fills the
/// directory it is given and writes `marker` in it last.
pub fn create(dir: &Path, marker: &str, make: &dyn Fn(&Path) -> Result<()>) -> Result<()> {
    let cannot = |e: std::io::Error| {
        Error::at_path(
            format_args!("cannot create the index directory {}", dir.display()),
            e,
        )
    };
    let name = match dir.file_name().and_then(|n| n.to_str()) {
        Some(n) => n.to_string(),
        // `.`, `..` or a name that is not UTF-8: no sibling to make, made in place
        None => {
            std::fs::create_dir_all(dir).map_err(cannot)?;
            return make(dir);
        }
    };
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(cannot)?;
    let prefix = format!(".{name}.newsfacts-new-");
    remove_stale(&parent, &prefix);
    let tmp = parent.join(format!("{prefix}{}", std::process::id()));
    std::fs::create_dir(&tmp).map_err(cannot)?;
    if let Err(e) = make(&tmp) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if let Ok(d) = std::fs::File::open(&tmp) {
        let _ = d.sync_all();
    }
    match std::fs::rename(&tmp, dir) {
        Ok(()) => {
            if let Ok(d) = std::fs::File::open(&parent) {
                let _ = d.sync_all();
            }
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            if dir.join(marker).exists() {
                return Ok(()); // another ingest made it first: it is used as it is
            }
            // a directory that cannot be replaced (a mount point, a link to one): in place
            let empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none());
            if empty {
                make(dir)
            } else {
                Err(cannot(e))
            }
        }
    }
}

/// Remove the temporary directories of runs that died while making the index (their
/// process is gone; known only where `/proc` lists processes).
fn remove_stale(parent: &Path, prefix: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(prefix)) else {
            continue;
        };
        if pid.parse::<u32>().is_ok() && !Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_empty_start_without_segments_is_half_made() {
        let d = tempfile::tempdir().unwrap();
        assert_eq!(half_made(d.path()).unwrap(), Some(vec![]));
        std::fs::write(d.path().join("meta.json"), r#"{"segments": []}"#).unwrap();
        std::fs::write(d.path().join(".managed.json"), "[]").unwrap();
        assert_eq!(half_made(d.path()).unwrap().map(|f| f.len()), Some(2));
        std::fs::write(d.path().join("meta.json"), r#"{"segments": [{}]}"#).unwrap();
        assert_eq!(half_made(d.path()).unwrap(), None);
        std::fs::write(d.path().join("meta.json"), "").unwrap();
        std::fs::write(d.path().join("notes.txt"), "mine").unwrap();
        assert_eq!(half_made(d.path()).unwrap(), None);
    }

    #[test]
    fn a_failed_make_leaves_nothing_and_stale_leftovers_go() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path().join("idx");
        let stale = d.path().join(".idx.newsfacts-new-4000000000");
        std::fs::create_dir(&stale).unwrap();
        let e = create(&dir, "m", &|_| Err(Error::input("disk full"))).unwrap_err();
        assert_eq!(e.to_string(), "disk full");
        let left: Vec<_> = std::fs::read_dir(d.path()).unwrap().flatten().collect();
        assert!(left.is_empty(), "{left:?}");
        create(&dir, "m", &|at| {
            std::fs::write(at.join("m"), "{}").map_err(Error::from)
        })
        .unwrap();
        assert!(dir.join("m").exists());
    }
}
