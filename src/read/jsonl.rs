//! JSON Lines: one article object per line, with the field aliases of the spec.

use super::record::{decode, Item, Reject, MAX_RECORD_BYTES};
use crate::article::{Origin, RawArticle};
use serde_json::{Map, Value};
use std::io::BufRead;

pub const ID_FIELDS: &[&str] = &["id", "doc_id", "uuid"];
pub const URL_FIELDS: &[&str] = &["url", "link", "source_url"];
pub const TITLE_FIELDS: &[&str] = &["title", "headline"];
pub const DATE_FIELDS: &[&str] = &[
    "published",
    "date",
    "date_publish",
    "pub_date",
    "publish_date",
];
/// Ids longer than this are rejected: tantivy drops terms over 65,530 bytes, so such an
/// id could not be found again and every re-ingest would add the article once more.
pub const MAX_ID_BYTES: usize = 4096;
pub const BODY_FIELDS: &[&str] = &["html", "content", "body", "text", "maintext", "article"];

/// Read JSON Lines from `stream`; blank lines are skipped, every other line yields an
/// article or a reject.
pub fn read(name: &str, mut stream: Box<dyn BufRead + Send>, sink: &mut dyn FnMut(Item)) {
    let mut line_no = 0u64;
    let mut buf = Vec::with_capacity(64 * 1024);
    loop {
        buf.clear();
        line_no += 1;
        let origin = Origin {
            file: name.to_string(),
            line: Some(line_no),
        };
        // Read one line, but never hold more than the record limit in memory.
        let (n, oversized) = match read_line_limited(&mut stream, &mut buf, MAX_RECORD_BYTES) {
            Ok(x) => x,
            Err(e) => {
                sink(Err(Reject::new(&origin, format!("read error: {e}"))));
                return;
            }
        };
        if n == 0 {
            return;
        }
        if oversized {
            sink(Err(Reject::new(
                &origin,
                format!(
                    "record larger than {} MiB",
                    MAX_RECORD_BYTES / (1024 * 1024)
                ),
            )
            .with_record(&buf)));
            continue;
        }
        let line = trim_ascii(&buf);
        if line.is_empty() {
            continue;
        }
        sink(parse_line(line, origin));
    }
}

/// Read up to and including the next `\n`. Returns (bytes consumed, oversized); an
/// oversized line is consumed to its end but only its head is kept.
fn read_line_limited(
    r: &mut dyn BufRead,
    out: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<(usize, bool)> {
    let mut total = 0;
    let mut oversized = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok((total, oversized));
        }
        let (chunk, done) = match memchr_nl(avail) {
            Some(i) => (&avail[..=i], true),
            None => (avail, false),
        };
        let len = chunk.len();
        if !oversized && out.len() + len > limit {
            oversized = true;
        }
        if !oversized {
            out.extend_from_slice(chunk);
        } else if out.len() < 4096 {
            let keep = (4096 - out.len()).min(len);
            out.extend_from_slice(&chunk[..keep]);
        }
        r.consume(len);
        total += len;
        if done {
            return Ok((total, oversized));
        }
    }
}

fn memchr_nl(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &b[start..end]
}

/// Parse one JSON line into an article.
pub fn parse_line(line: &[u8], origin: Origin) -> Item {
    let (text, warning) = decode(line);
    let mut warnings: Vec<String> = warning.into_iter().collect();
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => match fix_lone_surrogates(&text).and_then(|t| serde_json::from_str(&t).ok()) {
            // Scraped dumps often hold half of a UTF-16 pair; decode it as U+FFFD.
            Some(v) => {
                warnings.push("unpaired UTF-16 surrogate escape decoded as U+FFFD".into());
                v
            }
            None => {
                return Err(Reject::new(&origin, format!("not JSON: {e}")).with_record(line));
            }
        },
    };
    let Value::Object(obj) = value else {
        return Err(Reject::new(&origin, "not a JSON object").with_record(line));
    };
    let id = first_text(&obj, ID_FIELDS).filter(|s| !s.trim().is_empty());
    let url = first_text(&obj, URL_FIELDS).filter(|s| !s.trim().is_empty());
    // The id the article would have had, so that a reject can be traced.
    let known_id = || {
        id.clone().or_else(|| {
            url.as_deref()
                .map(|u| super::record::stable_id(Some(u), ""))
        })
    };
    let body = match first_text(&obj, BODY_FIELDS) {
        Some(b) if !b.trim().is_empty() => b,
        Some(_) => {
            return Err(Reject::new(&origin, "empty body")
                .with_id(known_id())
                .with_record(line))
        }
        None => {
            return Err(Reject::new(
                &origin,
                format!("no body (expected one of: {})", BODY_FIELDS.join(", ")),
            )
            .with_id(known_id())
            .with_record(line))
        }
    };
    // a number's JSON text as written: 30 digits as a float would merge two ids
    let id = ID_FIELDS
        .iter()
        .find_map(|n| match obj.get(*n) {
            Some(Value::Number(_)) => exact_number(&text, n),
            Some(_) => first_text(&obj, &[n]),
            None => None,
        })
        .filter(|s| !s.trim().is_empty());
    if let Some(id) = &id {
        if id.len() > MAX_ID_BYTES {
            let msg = format!(
                "id of {} bytes: at most {MAX_ID_BYTES} are allowed",
                id.len()
            );
            return Err(Reject::new(&origin, msg).with_record(line));
        }
    }
    Ok(RawArticle {
        id,
        url,
        title: first_text(&obj, TITLE_FIELDS).filter(|s| !s.trim().is_empty()),
        published: first_text(&obj, DATE_FIELDS).filter(|s| !s.trim().is_empty()),
        body,
        origin,
        warnings,
        kind: crate::article::BodyKind::Record,
        meta: Default::default(),
    })
}

/// The JSON text of the number in the id field `name` of the object `text`, exactly as
/// written (serde_json's numbers hold 64 bits at most).
fn exact_number(text: &str, name: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Ids<'a> {
        #[serde(borrow, default)]
        id: Option<&'a serde_json::value::RawValue>,
        #[serde(borrow, default)]
        doc_id: Option<&'a serde_json::value::RawValue>,
        #[serde(borrow, default)]
        uuid: Option<&'a serde_json::value::RawValue>,
    }
    let fixed;
    let text = match fix_lone_surrogates(text) {
        Some(t) => {
            fixed = t;
            &fixed
        }
        None => text,
    };
    let ids: Ids = serde_json::from_str(text).ok()?;
    let raw = match name {
        "id" => ids.id,
        "doc_id" => ids.doc_id,
        _ => ids.uuid,
    }?;
    Some(raw.get().trim().to_string())
}

/// Replace `\uD800`–`\uDFFF` escapes that are not part of a high+low pair with
/// `\uFFFD`; `None` when there are none (the text was bad for another reason).
fn fix_lone_surrogates(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let hex = |i: usize| -> Option<u32> {
        let h = text.get(i..i + 4)?;
        u32::from_str_radix(h, 16).ok()
    };
    let mut out = String::with_capacity(text.len());
    let mut fixed = false;
    let mut i = 0;
    let mut last = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        if b.get(i + 1) != Some(&b'u') {
            i += 2; // some other escape, e.g. \\ or \"
            continue;
        }
        let Some(cp) = hex(i + 2) else {
            i += 2;
            continue;
        };
        let low_follows = || {
            b.get(i + 6) == Some(&b'\\')
                && b.get(i + 7) == Some(&b'u')
                && hex(i + 8).is_some_and(|c| (0xDC00..0xE000).contains(&c))
        };
        if (0xD800..0xDC00).contains(&cp) && low_follows() {
            i += 12;
        } else if (0xD800..0xE000).contains(&cp) {
            out.push_str(&text[last..i]);
            out.push_str("\\uFFFD");
            i += 6;
            last = i;
            fixed = true;
        } else {
            i += 6;
        }
    }
    if !fixed {
        return None;
    }
    out.push_str(&text[last..]);
    Some(out)
}

/// The first of `names` present with a usable value: strings as they are, numbers as
/// text, arrays of strings joined as paragraphs.
fn first_text(obj: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match obj.get(*n)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(x) => Some(x.to_string()),
        Value::Array(items) => {
            let parts: Vec<&str> = items.iter().filter_map(|v| v.as_str()).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o() -> Origin {
        Origin {
            file: "t.jsonl".into(),
            line: Some(1),
        }
    }

    #[test]
    fn aliases_first_present_wins() {
        let a = parse_line(
            br#"{"doc_id": 7, "link": "http://x", "headline": "H", "pub_date": "2020-01-02", "maintext": "Body", "text": "other"}"#,
            o(),
        )
        .unwrap();
        assert_eq!(a.id.as_deref(), Some("7"));
        assert_eq!(a.url.as_deref(), Some("http://x"));
        assert_eq!(a.title.as_deref(), Some("H"));
        assert_eq!(a.published.as_deref(), Some("2020-01-02"));
        assert_eq!(a.body, "other");
    }

    #[test]
    fn numeric_ids_keep_their_exact_text_and_long_ids_are_rejected() {
        let a = |line: &str| parse_line(line.as_bytes(), o());
        let one = a(r#"{"id": 123456789012345678901234567890, "body": "x"}"#).unwrap();
        let two = a(r#"{"id": 123456789012345678901234567891, "body": "x"}"#).unwrap();
        assert_eq!(one.id.as_deref(), Some("123456789012345678901234567890"));
        assert_ne!(one.id, two.id);
        let f = a(r#"{"doc_id": 1.50, "id": null, "body": "x"}"#).unwrap();
        assert_eq!(f.id.as_deref(), Some("1.50"));
        assert_eq!(
            a(r#"{"id": 7, "body": "x"}"#).unwrap().id.as_deref(),
            Some("7")
        );
        let long = format!(r#"{{"id": "{}", "body": "x"}}"#, "i".repeat(70_000));
        let r = a(&long).unwrap_err();
        assert_eq!(r.reason, "id of 70000 bytes: at most 4096 are allowed");
    }

    #[test]
    fn rejects_say_why() {
        let r = parse_line(b"{not json", o()).unwrap_err();
        assert!(r.reason.starts_with("not JSON"), "{}", r.reason);
        let r = parse_line(br#"{"id": "x", "title": "t"}"#, o()).unwrap_err();
        assert!(r.reason.starts_with("no body"), "{}", r.reason);
        let r = parse_line(br#"[1,2]"#, o()).unwrap_err();
        assert_eq!(r.reason, "not a JSON object");
        let r = parse_line(br#"{"body": "   "}"#, o()).unwrap_err();
        assert_eq!(r.reason, "empty body");
    }

    #[test]
    fn oversized_lines_are_cut_off_and_the_next_line_survives() {
        let data = format!("{}\n{{\"body\": \"next\"}}\n", "x".repeat(100_000));
        let mut r =
            std::io::BufReader::with_capacity(1024, std::io::Cursor::new(data.into_bytes()));
        let mut buf = Vec::new();
        let (n, over) = read_line_limited(&mut r, &mut buf, 10_000).unwrap();
        assert_eq!((n, over), (100_001, true));
        assert!(buf.len() <= 10_000);
        buf.clear();
        let (_, over) = read_line_limited(&mut r, &mut buf, 10_000).unwrap();
        assert!(!over);
        assert!(parse_line(trim_ascii(&buf), o()).is_ok());
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let a = parse_line(
            br#"{"body": "a \ud800 b \ud83d\ude00 c \udc00 \\ud800"}"#,
            o(),
        )
        .unwrap();
        assert_eq!(a.body, "a \u{fffd} b \u{1f600} c \u{fffd} \\ud800");
        assert_eq!(a.warnings.len(), 1);
        assert!(parse_line(br#"{"body": "\ud800"#, o()).is_err());
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let a = parse_line(b"{\"body\": \"caf\xe9 au lait\"}", o()).unwrap();
        assert!(a.body.contains('\u{fffd}'));
        assert_eq!(a.warnings.len(), 1);
    }
}
