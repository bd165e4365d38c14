//! placeholder: HTML repair and text extraction (owned by the cleaning work)

/// What a full HTML page yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub title: Option<String>,
    /// `YYYY-MM-DD` from common meta tags when present.
    pub published: Option<String>,
    /// The clean main text (paragraphs separated by blank lines).
    pub text: String,
}

/// Clean an article body as found in a dump: plain text, a fragment with stray or
/// space-mangled tags, or a whole page. Returns the clean text, paragraphs separated by
/// one blank line.
pub fn clean_body(body: &str) -> String {
    body.to_string()
}

/// Parse a whole HTML page (`.html` files, WARC responses): title, date, main text.
pub fn page(html: &str) -> Page {
    Page {
        text: clean_body(html),
        ..Page::default()
    }
}
