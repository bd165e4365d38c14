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
        if kind != "response" || len as usize > MAX_RECORD_BYTES {
            let skipped = std::io::copy(&mut (&mut stream).take(len), &mut std::io::sink());
            if let Err(e) = skipped {
                sink(Err(Reject::new(&origin, format!("read error: {e}"))));
                return;
            }
            if kind == "response" {
                sink(Err(Reject::new(
                    &origin,
                    format!(
                        "record larger than {} MiB",
                        MAX_RECORD_BYTES / (1024 * 1024)
                    ),
                )));
            }
            continue;
        }
        let mut block = Vec::with_capacity(len as usize);
        if let Err(e) = (&mut stream).take(len).read_to_end(&mut block) {
            sink(Err(Reject::new(&origin, format!("read error: {e}"))));
            return;
        }
        if (block.len() as u64) < len {
            sink(Err(Reject::new(
                &origin,
                format!(
                    "truncated WARC record: {} of {len} bytes (the file ends)",
                    block.len()
                ),
            )));
            return;
        }
        // A Content-Length that runs into the next record: keep this record's own bytes;
        // the rest of the next record is skipped (and reported) by the resync above.
        if let Some(end) = find(&block, b"\r\n\r\nWARC/") {
            block.truncate(end);
        }
        sink(response(&block, url, date, origin));
    }
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
}
