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
mod source;
pub mod txt;
mod walk;
pub mod warc;

pub use source::{format_of, Format, Source};
pub use walk::{expand, Skipped};

pub use record::{decode, stable_id, Item, Reject, MAX_RECORD_BYTES};

use crate::article::Origin;
use std::io::{BufRead, BufReader, Read};

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
    use std::path::Path;

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
