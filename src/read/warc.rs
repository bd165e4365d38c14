//! WARC (`.warc`, `.warc.gz`): HTTP response records holding HTML, as news crawls store
//! them. Other record types (warcinfo, request, metadata) are not articles and are passed
//! over; responses that are not HTML are rejected with their content type.

use super::record::{decode, Item, Reject, MAX_RECORD_BYTES};
use crate::article::Origin;
use std::io::{BufRead, Read};

pub fn read(name: &str, mut stream: Box<dyn BufRead + Send>, sink: &mut dyn FnMut(Item)) {
    let mut record_no = 0u64;
    loop {
        // Skip blank lines between records.
        let mut first = String::new();
        loop {
            first.clear();
            match read_line(&mut stream, &mut first) {
                Ok(0) => return,
                Ok(_) if first.trim().is_empty() => continue,
                Ok(_) => break,
                Err(e) => {
                    sink(Err(Reject::new(
                        &Origin {
                            file: name.to_string(),
                            line: None,
                        },
                        format!("read error: {e}"),
                    )));
                    return;
                }
            }
        }
        record_no += 1;
        // The record number stands in for a line number.
        let origin = Origin {
            file: name.to_string(),
            line: Some(record_no),
        };
        if !first.starts_with("WARC/") {
            // A wrong Content-Length upstream: skip to the next record header, say so.
            let mut skipped = first.len();
            loop {
                first.clear();
                match read_line(&mut stream, &mut first) {
                    Ok(0) | Err(_) => {
                        sink(Err(Reject::new(
                            &origin,
                            format!("{skipped} bytes at the end are not a WARC record"),
                        )));
                        return;
                    }
                    Ok(n) if !first.starts_with("WARC/") => skipped += n,
                    Ok(_) => break,
                }
            }
            sink(Err(Reject::new(
                &origin,
                format!(
                    "{skipped} bytes that are not a WARC record skipped (a wrong Content-Length before them?)"
                ),
            )));
        }
        let mut headers = Vec::new();
        let mut line = String::new();
        loop {
            line.clear();
            match read_line(&mut stream, &mut line) {
                Ok(0) => break,
                Ok(_) if line.trim().is_empty() => break,
                Ok(_) => {
                    if let Some((k, v)) = line.split_once(':') {
                        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                    }
                }
                Err(e) => {
                    sink(Err(Reject::new(&origin, format!("read error: {e}"))));
                    return;
                }
            }
        }
        let get = |k: &str| {
            headers
                .iter()
                .find(|(h, _)| h == k)
                .map(|(_, v)| v.as_str())
        };
        let Some(len) = get("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            // Its block is skipped by the resync at the next record.
            sink(Err(Reject::new(
                &origin,
                "WARC record without Content-Length",
            )));
            continue;
        };
        let kind = get("warc-type").unwrap_or("").to_ascii_lowercase();
        let url = get("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
        // The crawl date: the published date when the page itself names none.
        let date = get("warc-date").map(str::to_string);
        let limit = if kind == "response" {
            MAX_RECORD_BYTES
        } else {
            0
        };
        let block = match read_block(&mut stream, len, limit) {
            Ok(b) => b,
            Err(e) => {
                sink(Err(Reject::new(&origin, format!("read error: {e}"))));
                return;
            }
        };
        if block.read < len && !block.cut {
            if kind == "response" {
                sink(Err(Reject::new(
                    &origin,
                    format!(
                        "truncated WARC record: {} of {len} bytes (the file ends)",
                        block.read
                    ),
                )));
            }
            return;
        }
        if kind != "response" {
            continue;
        }
        if block.over {
            sink(Err(Reject::new(
                &origin,
                format!(
                    "record larger than {} MiB",
                    MAX_RECORD_BYTES / (1024 * 1024)
                ),
            )));
            continue;
        }
        // A Content-Length that runs into the next record: this record keeps its own
        // bytes (with a warning) and the next record is read from its header on.
        let cut = block.cut.then(|| {
            format!(
                "WARC Content-Length {len} runs into the next record: the record was cut at {} bytes",
                block.read
            )
        });
        let block = block.bytes;
        let item = response(&block, url, date, origin).map(|mut a| {
            a.warnings.extend(cut);
            a
        });
        sink(item);
        continue;
    }
}

/// The block of a record as read: its bytes (when kept), how many there were, whether
/// it was cut at the header of a next record, and whether it was larger than it may be.
struct Block {
    bytes: Vec<u8>,
    read: u64,
    cut: bool,
    over: bool,
}

/// Where a next record starts: the end of a record, then a WARC header.
const NEXT_RECORD: &[u8] = b"\r\n\r\nWARC/1.";

/// Read the `len` bytes of a record's block, keeping at most `limit` of them (a block
/// larger than that is passed over, `over`), but stop at a next record's header inside
/// them: a Content-Length too large would swallow the records after it. The bytes from
/// that header on are put back in front of the stream, to be read as the next record.
fn read_block(
    stream: &mut Box<dyn BufRead + Send>,
    len: u64,
    limit: usize,
) -> std::io::Result<Block> {
    let mut window: Vec<u8> = Vec::with_capacity(len.min(limit as u64).min(1 << 20) as usize);
    let mut over = limit == 0;
    let mut chunk = vec![0u8; 64 * 1024];
    let mut read = 0u64;
    while read < len {
        let want = (len - read).min(chunk.len() as u64) as usize;
        let n = match stream.read(&mut chunk[..want]) {
            Ok(0) => break, // the file ends
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let from = window.len().saturating_sub(NEXT_RECORD.len() - 1);
        window.extend_from_slice(&chunk[..n]);
        read += n as u64;
        if let Some(i) = find(&window[from..], NEXT_RECORD) {
            let at = from + i;
            let rest = window.split_off(at + 4);
            window.truncate(at);
            let read = read - rest.len() as u64 - 4;
            let tail = std::mem::replace(stream, Box::new(std::io::empty()));
            *stream = Box::new(std::io::Cursor::new(rest).chain(tail));
            if over {
                window.clear();
            }
            return Ok(Block {
                bytes: window,
                read,
                cut: true,
                over,
            });
        }
        if read > limit as u64 {
            over = true;
        }
        if over {
            // only the bytes a header split across two chunks needs
            let drop = window.len().saturating_sub(NEXT_RECORD.len() - 1);
            window.drain(..drop);
        }
    }
    if over {
        window.clear();
    }
    Ok(Block {
        bytes: window,
        read,
        cut: false,
        over,
    })
}

fn read_line(r: &mut dyn BufRead, out: &mut String) -> std::io::Result<usize> {
    let mut bytes = Vec::new();
    let n = r.read_until(b'\n', &mut bytes)?;
    out.push_str(&String::from_utf8_lossy(&bytes));
    Ok(n)
}

/// An HTTP response block → an article, when it holds HTML.
fn response(block: &[u8], url: Option<String>, date: Option<String>, origin: Origin) -> Item {
    let split = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)));
    let Some((head_end, body_start)) = split else {
        return Err(Reject::new(&origin, "HTTP response without headers"));
    };
    let head = String::from_utf8_lossy(&block[..head_end]).to_ascii_lowercase();
    let ctype = head
        .lines()
        .find_map(|l| l.strip_prefix("content-type:"))
        .map(|v| v.trim().to_string())
        .unwrap_or_default();
    if !ctype.is_empty() && !ctype.contains("html") {
        return Err(Reject::new(&origin, format!("not HTML ({ctype})")));
    }
    let (html, warning) = decode(&block[body_start..]);
    let mut art = super::html::parse(&html, origin)?;
    art.url = url;
    if art.published.is_none() {
        art.published = date;
    }
    art.warnings.extend(warning);
    Ok(art)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_response_records_and_passes_over_others() {
        let html = "<html><head><title>Big news</title></head><body><p>Acme Corp said on Monday it would buy a plant.</p></body></html>";
        let http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        let warc = format!(
            "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\ninfo\r\n\r\n\
             WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/a\r\nWARC-Date: 2021-03-04T05:06:07Z\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        );
        let mut items = Vec::new();
        read(
            "t.warc",
            Box::new(std::io::Cursor::new(warc.into_bytes())),
            &mut |i| items.push(i),
        );
        assert_eq!(items.len(), 1);
        let a = items.pop().unwrap().unwrap();
        assert_eq!(a.url.as_deref(), Some("http://example.com/a"));
        assert!(a.body.contains("Acme Corp"));
        assert_eq!(a.published.as_deref(), Some("2021-03-04T05:06:07Z"));
    }

    fn record(body: &str, length: Option<usize>) -> String {
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>{body}</p></body></html>"
        );
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            length.unwrap_or(http.len())
        )
    }

    fn bodies(data: String) -> Vec<Result<String, String>> {
        let mut out = Vec::new();
        let stream = std::io::BufReader::with_capacity(64, std::io::Cursor::new(data.into_bytes()));
        read("t.warc", Box::new(stream), &mut |i| {
            out.push(i.map(|a| a.body).map_err(|r| r.reason))
        });
        out
    }

    #[test]
    fn a_content_length_too_large_does_not_swallow_the_next_records() {
        for wrong in [10_000, 40_000_000, 1 << 40] {
            let data = [
                record("First story of the crawl.", Some(wrong)),
                record("Second story of the crawl.", None),
                record("Third story of the crawl.", None),
            ]
            .concat();
            let got = bodies(data);
            assert_eq!(got.len(), 3, "{wrong}: {got:?}");
            assert!(got[1].as_ref().unwrap().contains("Second story"), "{got:?}");
            assert!(got[2].as_ref().unwrap().contains("Third story"), "{got:?}");
            match &got[0] {
                Ok(b) => assert!(b.contains("First story") && !b.contains("WARC")),
                Err(r) => assert!(r.contains("larger than"), "{wrong}: {r}"),
            }
        }
        // a warcinfo record with a wrong length neither
        let info = "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 99999\r\n\r\ninfo\r\n\r\n";
        let got = bodies(format!("{info}{}", record("After the info.", None)));
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].as_ref().unwrap().contains("After the info"));
    }
}
