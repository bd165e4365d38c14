//! What a reader yields for one record: an article, or a [`Reject`] saying why the
//! record could not become one; the size limit of a record and lossy UTF-8 decoding,
//! which every reader shares.

use crate::article::{Origin, RawArticle};
use serde::Serialize;

/// Records larger than this are rejected (not truncated): nothing is lost silently.
pub const MAX_RECORD_BYTES: usize = 32 * 1024 * 1024;

/// A record (or file) that could not become an article, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Reject {
    /// The record's id, when one could be read (its own, or the one its URL gives it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    pub reason: String,
    /// The start of the raw record, when there is one (for the rejects file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
}

impl Reject {
    pub fn new(origin: &Origin, reason: impl Into<String>) -> Reject {
        Reject {
            id: None,
            file: origin.file.clone(),
            line: origin.line,
            reason: reason.into(),
            record: None,
        }
    }
    /// The record's id, when known.
    pub fn with_id(mut self, id: Option<String>) -> Reject {
        self.id = id;
        self
    }

    pub fn with_record(mut self, raw: &[u8]) -> Reject {
        const KEEP: usize = 4096;
        let cut = raw.len().min(KEEP);
        self.record = Some(String::from_utf8_lossy(&raw[..cut]).into_owned());
        self
    }
}

impl std::fmt::Display for Reject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.reason),
            None => write!(f, "{}: {}", self.file, self.reason),
        }
    }
}

pub type Item = Result<RawArticle, Reject>;

/// Decode bytes as UTF-8, lossily when they are not, saying so.
pub fn decode(bytes: &[u8]) -> (String, Option<String>) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(e) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(format!(
                "invalid UTF-8 at byte {}: decoded lossily (U+FFFD)",
                e.valid_up_to()
            )),
        ),
    }
}

/// A stable id for a record without one: a hash of its url, else of its body.
pub fn stable_id(url: Option<&str>, body: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    match url {
        Some(u) if !u.trim().is_empty() => {
            h.update(b"url:");
            h.update(u.trim().as_bytes());
        }
        _ => {
            h.update(b"body:");
            h.update(body.as_bytes());
        }
    }
    let d = h.finalize();
    d[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossy_decoding_says_so() {
        let (s, w) = decode(b"ok \xff here");
        assert!(s.contains('\u{fffd}'));
        assert!(w.unwrap().contains("byte 3"));
    }
}
