//! Readers: one per input format. Each yields `Result<RawArticle, Reject>` in input order,
//! with the file and line every record came from.
//!
//! | input                         | reader                 |
//! |-------------------------------|------------------------|
//! | `.jsonl` `.ndjson` `.json` (+ `.gz` / `.zst`) | [`jsonl`] |
//! | `.html` `.htm`                | [`html`]               |
//! | `.txt`                        | [`txt`]                |
//! | `.warc` `.warc.gz`            | [`warc`]               |
//! | a directory                   | every file below it, sorted |
//! | `-`                           | stdin, format sniffed from its first bytes |

pub mod html;
pub mod jsonl;
mod record;
pub mod txt;
pub mod warc;

pub use record::{decode, stable_id, Item, Reject, MAX_RECORD_BYTES};

use crate::article::Origin;
use std::io::{BufRead, BufReader, Read};
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
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(&name);
    let ext = name.rsplit('.').next()?;
    match ext {
        "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "txt" | "text" => Some(Format::Txt),
        "warc" => Some(Format::Warc),
        _ => None,
    }
}

/// Expand the command-line inputs into sources: directories are walked (sorted, hidden
/// files skipped); files in directories with an unknown extension are skipped and
/// reported in `skipped`; a file named explicitly is always read (format sniffed when
/// its extension says nothing). Paths that do not exist become rejects.
pub fn expand(inputs: &[PathBuf]) -> (Vec<Source>, Vec<Reject>, Vec<PathBuf>) {
    let mut sources = Vec::new();
    let mut rejects = Vec::new();
    let mut skipped = Vec::new();
    let inputs: Vec<PathBuf> = if inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        inputs.to_vec()
    };
    for input in inputs {
        if input.as_os_str() == "-" {
            sources.push(Source {
                path: None,
                format: None,
                bytes: 0,
            });
            continue;
        }
        match std::fs::metadata(&input) {
            Err(e) => rejects.push(Reject {
                id: None,
                file: input.display().to_string(),
                line: None,
                reason: format!("cannot read: {e}"),
                record: None,
            }),
            Ok(m) if m.is_dir() => walk(&input, &mut sources, &mut rejects, &mut skipped),
            Ok(m) => sources.push(Source {
                format: format_of(&input),
                path: Some(input),
                bytes: m.len(),
            }),
        }
    }
    (sources, rejects, skipped)
}

fn walk(
    dir: &Path,
    sources: &mut Vec<Source>,
    rejects: &mut Vec<Reject>,
    skipped: &mut Vec<PathBuf>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            rejects.push(Reject {
                id: None,
                file: dir.display().to_string(),
                line: None,
                reason: format!("cannot read directory: {e}"),
                record: None,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, sources, rejects, skipped),
            Ok(m) => match format_of(&p) {
                Some(f) => sources.push(Source {
                    path: Some(p),
                    format: Some(f),
                    bytes: m.len(),
                }),
                None => skipped.push(p),
            },
            Err(e) => rejects.push(Reject {
                id: None,
                file: p.display().to_string(),
                line: None,
                reason: format!("cannot read: {e}"),
                record: None,
            }),
        }
    }
}

/// Counts bytes as they are read (compressed bytes for compressed files), for progress.
pub struct Counting<R> {
    inner: R,
    pub counter: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

/// Byte counters shared with the reader thread: `input` counts bytes as stored (what
/// progress is measured in), `decoded` bytes after decompression (what throughput is
/// measured in).
#[derive(Debug, Clone, Default)]
pub struct Counters {
    pub input: std::sync::Arc<std::sync::atomic::AtomicU64>,
    pub decoded: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

/// Open a source as a buffered byte stream, decompressing `.gz` / `.zst` (by magic bytes,
/// whatever the name says).
pub fn open(source: &Source, counters: &Counters) -> std::io::Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = match &source.path {
        Some(p) => Box::new(std::fs::File::open(p)?),
        None => Box::new(std::io::stdin()),
    };
    let mut buf = BufReader::with_capacity(
        256 * 1024,
        Counting {
            inner: raw,
            counter: counters.input.clone(),
        },
    );
    let magic = buf.fill_buf()?;
    let decoded: Box<dyn Read + Send> = if magic.starts_with(&[0x1f, 0x8b]) {
        Box::new(flate2::bufread::MultiGzDecoder::new(buf))
    } else if magic.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Box::new(zstd::stream::read::Decoder::with_buffer(buf)?)
    } else {
        Box::new(buf)
    };
    Ok(Box::new(BufReader::with_capacity(
        256 * 1024,
        Counting {
            inner: decoded,
            counter: counters.decoded.clone(),
        },
    )))
}

/// Guess the format of a stream from its first bytes (stdin, unknown extensions).
pub fn sniff(head: &[u8]) -> Format {
    let s = String::from_utf8_lossy(&head[..head.len().min(2048)]);
    let t = s.trim_start_matches('\u{feff}').trim_start();
    let lower = t.get(..t.len().min(512)).unwrap_or(t).to_ascii_lowercase();
    if t.starts_with('{') {
        Format::Jsonl
    } else if lower.starts_with("warc/") {
        Format::Warc
    } else if lower.starts_with("<!doctype")
        || lower.starts_with("<html")
        || lower.contains("<body")
        || lower.contains("<head")
    {
        Format::Html
    } else {
        Format::Txt
    }
}

/// Read every record of one source, calling `sink` for each, in order. Errors opening
/// or reading the stream become rejects; the function itself never fails.
pub fn read_source(source: &Source, counters: &Counters, sink: &mut dyn FnMut(Item)) {
    let name = source.name();
    let mut stream = match open(source, counters) {
        Ok(s) => s,
        Err(e) => {
            sink(Err(Reject {
                id: None,
                file: name,
                line: None,
                reason: format!("cannot open: {e}"),
                record: None,
            }));
            return;
        }
    };
    let format = match source.format {
        Some(f) => f,
        None => match stream.fill_buf() {
            // Empty stdin (e.g. `grep … | newsfacts extract`) is no records, not an error.
            Ok([]) => return,
            Ok(head) => sniff(head),
            Err(e) => {
                sink(Err(Reject {
                    id: None,
                    file: name,
                    line: None,
                    reason: format!("cannot read: {e}"),
                    record: None,
                }));
                return;
            }
        },
    };
    match format {
        Format::Jsonl => jsonl::read(&name, stream, sink),
        Format::Warc => warc::read(&name, stream, sink),
        Format::Html | Format::Txt => {
            let origin = Origin {
                file: name.clone(),
                line: None,
            };
            match read_all_limited(stream) {
                Err(e) => sink(Err(Reject::new(&origin, e))),
                Ok(bytes) => {
                    let (text, warning) = decode(&bytes);
                    let mut art = if format == Format::Html {
                        html::parse(&text, origin)
                    } else {
                        txt::parse(&text, origin)
                    };
                    if let Ok(a) = &mut art {
                        a.warnings.extend(warning);
                    }
                    sink(art)
                }
            }
        }
    }
}

fn read_all_limited(mut r: impl Read) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    (&mut r)
        .take(MAX_RECORD_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() > MAX_RECORD_BYTES {
        return Err(format!(
            "record larger than {} MiB",
            MAX_RECORD_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name() {
        assert_eq!(format_of(Path::new("a/b.jsonl.gz")), Some(Format::Jsonl));
        assert_eq!(format_of(Path::new("x.NDJSON.zst")), Some(Format::Jsonl));
        assert_eq!(format_of(Path::new("x.htm")), Some(Format::Html));
        assert_eq!(format_of(Path::new("x.warc.gz")), Some(Format::Warc));
        assert_eq!(format_of(Path::new("x.txt")), Some(Format::Txt));
        assert_eq!(format_of(Path::new("x.pdf")), None);
        assert_eq!(format_of(Path::new("README")), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"  {\"id\": 1}"), Format::Jsonl);
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(sniff(b"A title\n\nbody"), Format::Txt);
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(stable_id(Some("u"), "a"), stable_id(Some("u"), "b"));
        assert_ne!(stable_id(None, "a"), stable_id(None, "b"));
        assert_eq!(stable_id(None, "a").len(), 16);
    }
}
