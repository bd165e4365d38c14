//! An input to read, and the format its name asks for.

use std::path::{Path, PathBuf};

/// The formats we read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Html,
    Txt,
    Warc,
}

/// One input to read: a file with its format, or stdin.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: Option<PathBuf>,
    pub format: Option<Format>,
    /// Size on disk (compressed size for compressed files), for progress.
    pub bytes: u64,
}

impl Source {
    pub fn name(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "-".to_string(),
        }
    }
}

/// The format a file name asks for; `None` when the extension is unknown.
pub fn format_of(path: &Path) -> Option<Format> {
    // by bytes: a name need not be UTF-8
    let name = path.file_name()?.as_encoded_bytes().to_ascii_lowercase();
    let name = name
        .strip_suffix(b".gz")
        .or_else(|| name.strip_suffix(b".zst"))
        .unwrap_or(&name);
    let ext = name.rsplit(|&b| b == b'.').next()?;
    match ext {
        b"jsonl" | b"ndjson" | b"json" => Some(Format::Jsonl),
        b"html" | b"htm" | b"xhtml" => Some(Format::Html),
        b"txt" | b"text" => Some(Format::Txt),
        b"warc" => Some(Format::Warc),
        _ => None,
    }
}
