//! Expanding the command-line inputs into sources: directories are walked (sorted,
//! hidden entries left out), each file is read once, and nothing found in a directory
//! can hang the walk or make it run away:
//!
//! - a symbolic link to a directory inside a walk is not followed (a link loop, `sub/up
//!   -> ..`, would read the tree again and again); a directory reached twice anyway (a
//!   bind mount) is recognised by device and inode and read once;
//! - a FIFO, socket or device inside a directory is skipped (opening a FIFO blocks until
//!   someone writes to it); one named on the command line is read (`<(zcat x.gz)`);
//! - a file reached twice (a link to it, or named twice) is read once;
//! - file names need not be UTF-8.
//!
//! What is skipped is said, with why ([`Skipped`]).

use super::record::Reject;
use super::source::{format_of, Source};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A path found but not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub why: String,
}

/// The identity of a file: (device, inode).
type Key = (u64, u64);

fn key(m: &std::fs::Metadata) -> Option<Key> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        Some((m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        None
    }
}

/// What a file that is not a regular file is, in words.
fn kind_of(m: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let t = m.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = m;
    "not a regular file"
}

#[derive(Default)]
struct Walk {
    sources: Vec<Source>,
    rejects: Vec<Reject>,
    skipped: Vec<Skipped>,
    files: HashMap<Key, PathBuf>,
    dirs: HashSet<Key>,
}

/// Expand the command-line inputs into sources (`-` or nothing is stdin); see the module
/// documentation. A file named explicitly is always read (format sniffed when its
/// extension says nothing); files in directories of an unknown extension are skipped.
/// Paths that cannot be read become rejects.
pub fn expand(inputs: &[PathBuf]) -> (Vec<Source>, Vec<Reject>, Vec<Skipped>) {
    let mut w = Walk::default();
    let stdin = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() {
        &stdin[..]
    } else {
        inputs
    };
    for input in inputs {
        if input.as_os_str() == "-" {
            w.sources.push(Source {
                path: None,
                format: None,
                bytes: 0,
            });
            continue;
        }
        // A link named on the command line is followed: the user asked for it.
        match std::fs::metadata(input) {
            Err(e) => w.reject(input, format!("cannot read: {e}")),
            Ok(m) if m.is_dir() => w.dir(input, &m),
            Ok(m) => w.file(input, &m, true),
        }
    }
    (w.sources, w.rejects, w.skipped)
}

impl Walk {
    fn reject(&mut self, p: &Path, reason: String) {
        self.rejects.push(Reject {
            file: p.display().to_string(),
            line: None,
            reason,
            record: None,
            id: None,
        });
    }

    fn skip(&mut self, p: PathBuf, why: impl Into<String>) {
        self.skipped.push(Skipped {
            path: p,
            why: why.into(),
        });
    }

    fn dir(&mut self, dir: &Path, meta: &std::fs::Metadata) {
        if let Some(k) = key(meta) {
            if !self.dirs.insert(k) {
                self.skip(dir.to_path_buf(), "a directory already read");
                return;
            }
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => return self.reject(dir, format!("cannot read directory: {e}")),
        };
        let mut found: Vec<(PathBuf, std::io::Result<std::fs::FileType>)> = Vec::new();
        for e in entries {
            match e {
                Ok(e) => found.push((e.path(), e.file_type())),
                Err(e) => self.reject(dir, format!("cannot read directory: {e}")),
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        for (p, kind) in found {
            let hidden = p
                .file_name()
                .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
            if hidden {
                continue;
            }
            let link = kind.as_ref().is_ok_and(|t| t.is_symlink());
            // what the entry is (through a link: what it points at)
            let meta = match std::fs::metadata(&p) {
                Ok(m) => m,
                Err(e) if link => {
                    self.reject(&p, format!("cannot read (a broken symbolic link?): {e}"));
                    continue;
                }
                Err(e) => {
                    self.reject(&p, format!("cannot read: {e}"));
                    continue;
                }
            };
            if meta.is_dir() {
                if link {
                    self.skip(
                        p,
                        "a symbolic link to a directory: not followed (name it to read it)",
                    );
                } else {
                    self.dir(&p, &meta);
                }
            } else {
                self.file(&p, &meta, false);
            }
        }
    }

    fn file(&mut self, p: &Path, meta: &std::fs::Metadata, named: bool) {
        if meta.is_file() {
            if let Some(k) = key(meta) {
                if let Some(first) = self.files.get(&k) {
                    let why = format!("the same file as {}, read once", first.display());
                    self.skip(p.to_path_buf(), why);
                    return;
                }
                self.files.insert(k, p.to_path_buf());
            }
        } else if !named {
            let why = format!(
                "{}: only regular files are read in directories",
                kind_of(meta)
            );
            self.skip(p.to_path_buf(), why);
            return;
        }
        let format = format_of(p);
        if format.is_none() && !named {
            self.skip(p.to_path_buf(), "unknown file type");
            return;
        }
        self.sources.push(Source {
            path: Some(p.to_path_buf()),
            format,
            bytes: meta.len(),
        });
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt as _;

    fn names(s: &[Source]) -> Vec<String> {
        s.iter()
            .map(|s| {
                let p = s.path.as_ref().unwrap();
                p.file_name().unwrap().to_string_lossy().into_owned()
            })
            .collect()
    }

    #[test]
    fn links_loops_and_odd_files_are_walked_once_and_said() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("in");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("a.jsonl"), "{}\n").unwrap();
        std::fs::write(root.join("sub/b.jsonl"), "{}\n").unwrap();
        std::os::unix::fs::symlink("..", root.join("sub/up1")).unwrap();
        std::os::unix::fs::symlink("..", root.join("sub/up2")).unwrap();
        std::os::unix::fs::symlink("a.jsonl", root.join("c.jsonl")).unwrap();
        let fifo = root.join("pipe.jsonl");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        let (sources, rejects, skipped) = expand(std::slice::from_ref(&root));
        assert_eq!(names(&sources), ["a.jsonl", "b.jsonl"]);
        assert!(rejects.is_empty(), "{rejects:?}");
        let why: Vec<&str> = skipped.iter().map(|s| s.why.as_str()).collect();
        assert!(why[0].starts_with("the same file as"), "{why:?}");
        let mut n = 1;
        if made.is_ok_and(|s| s.success()) {
            assert!(why[n].starts_with("a FIFO"), "{why:?}");
            n += 1;
        }
        assert_eq!(why[n..].len(), 2, "{why:?}");
        assert!(
            why[n..].iter().all(|w| w.contains("not followed")),
            "{why:?}"
        );
        // the same directory named twice is read once
        let (sources, _, skipped) = expand(&[root.clone(), root.join("sub/up1")]);
        assert_eq!(sources.len(), 2);
        assert!(skipped.iter().any(|s| s.why == "a directory already read"));
    }

    #[test]
    fn names_that_are_not_utf8_are_read() {
        let d = tempfile::tempdir().unwrap();
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.jsonl");
        std::fs::write(d.path().join(name), "{}\n").unwrap();
        let (sources, _, skipped) = expand(&[d.path().to_path_buf()]);
        assert_eq!(sources.len(), 1, "{skipped:?}");
        assert_eq!(sources[0].format, Some(super::super::source::Format::Jsonl));
    }
}
