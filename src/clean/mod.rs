//! The clean stage: HTML repair and text extraction, entity decoding, Unicode
//! normalisation, boilerplate removal. It turns a reader's [`RawArticle`] into a
//! [`Cleaned`] one ([`clean_article`]), once per record.
//!
//! Two paths:
//! * fragments (most dump bodies: text with a few real, space-mangled or escaped tags) go
//!   through a hand-written scanner ([`fragment`]) and the whitespace/Unicode tidy
//!   ([`normalize`]);
//! * whole pages (a fragment scan meets `<html`, `<body`, `<!doctype`, `<nav`…, and every
//!   body a reader marks as [`BodyKind::Page`]) are parsed with `scraper` and reduced to
//!   the main article text ([`page`]), with title, date, author, site name and canonical
//!   URL from its meta tags and JSON-LD ([`meta`]).
//!
//! Both paths then drop notice paragraphs at the article's edges ([`notice`]:
//! disclaimers, copyright and reprint notices, publisher blurbs, calls to action).
//! Boilerplate that only shows as repetition across the articles of one source is
//! learned per run by [`boilerplate::Learner`], which the pipeline runs over each batch
//! of [`Cleaned`] articles.
//!
//! Imports inside the stage run one way: `mod.rs` → `page` → `meta` → `text` →
//! `fragment` / `normalize` / `entities`.

pub mod boilerplate;
pub mod boilerplate_model;
mod entities;
mod fragment;
mod meta;
mod normalize;
mod notice;
mod page;
mod text;

pub use entities::decode_entities;
pub use page::Page;
pub use text::clean_inline;

use crate::article::{BodyKind, Cleaned, RawArticle};
use crate::read::Reject;
use text::settle;

/// The clean stage for one record: the clean text of its body, a clean one-line title,
/// and the title, date and page metadata a whole-page body states merged with the
/// record's (for a [`BodyKind::Record`] the record's own fields win and the page fills
/// what they lack; for a [`BodyKind::Page`] the page's win). A page with no text is a
/// reject ("no text in page"). A record whose text comes out empty is not rejected here:
/// it still counts in the boilerplate learner's statistics of its source, and extraction
/// rejects it ("no text left after cleaning").
pub fn clean_article(raw: RawArticle) -> Result<Cleaned, Reject> {
    let RawArticle {
        id,
        url,
        mut title,
        mut published,
        body,
        kind,
        origin,
        warnings,
        mut meta,
    } = raw;
    match kind {
        BodyKind::Record => {
            let p = clean_document(&body);
            if title.as_deref().is_none_or(|t| t.trim().is_empty()) {
                title = p.title.or(title);
            }
            if published.as_deref().is_none_or(|t| t.trim().is_empty()) {
                published = p.published.or(published);
            }
            meta.fill_from(p.meta);
            Ok(Cleaned {
                id,
                url,
                title: clean_title(title),
                published,
                meta,
                text: p.text,
                origin,
                warnings,
            })
        }
        BodyKind::Page => {
            let mut p = page(&body);
            if p.text.trim().is_empty() {
                return Err(Reject::new(&origin, "no text in page"));
            }
            p.meta.fill_from(meta);
            Ok(Cleaned {
                id,
                url,
                title: clean_title(p.title.or(title)),
                published: p.published.or(published),
                meta: p.meta,
                text: p.text,
                origin,
                warnings,
            })
        }
    }
}

/// The title on one line; `None` when nothing is left.
fn clean_title(title: Option<String>) -> Option<String> {
    title.map(|t| clean_inline(&t)).filter(|t| !t.is_empty())
}

/// Clean an article body as found in a dump: plain text, a fragment with stray or
/// space-mangled tags, or a whole page. Returns the clean text, paragraphs separated by
/// one blank line.
pub fn clean_body(body: &str) -> String {
    clean_document(body).text
}

/// [`clean_body`], keeping what a whole page says about itself: when `body` is a page,
/// the result has its title, date and metadata too (for records that lack them).
pub fn clean_document(body: &str) -> Page {
    let scan = fragment::scan(body, true);
    // A whole page, or a tag soup that is mostly markup (a page without its <html>):
    // the page path removes its boilerplate.
    if scan.page || (scan.tags > 200 && scan.text.len() * 3 < body.len()) {
        return page(body);
    }
    // Plain-text wire copy (no block tags) marks paragraphs by indentation.
    Page {
        text: notice::strip_edges(settle(
            normalize::tidy(&scan.text, true, scan.blocks == 0),
            true,
        )),
        ..Page::default()
    }
}

/// Parse a whole HTML page (`.html` files, WARC responses): title, date, main text.
pub fn page(html: &str) -> Page {
    if too_deep(html) {
        // html5ever's scope checks are quadratic in nesting depth (10^5 nested <div>s:
        // ~70 s). Pages that deep are broken or hostile: take their text as a fragment.
        let scan = fragment::scan(html, false);
        return Page {
            text: notice::strip_edges(settle(
                normalize::tidy(&scan.text, true, scan.blocks == 0),
                true,
            )),
            ..Page::default()
        };
    }
    let mut p = page::parse_page(html);
    p.text = notice::strip_edges(settle(p.text, true));
    p
}

/// Nesting deeper than any real page (browsers cap it at 512), estimated from a cheap
/// scan that counts open and close tags, ignoring void and auto-closing elements.
fn too_deep(html: &str) -> bool {
    const LIMIT: i64 = 1000;
    const NOT_NESTING: &[&[u8]] = &[
        b"br",
        b"img",
        b"meta",
        b"link",
        b"input",
        b"hr",
        b"area",
        b"base",
        b"col",
        b"embed",
        b"source",
        b"track",
        b"wbr",
        b"p",
        b"li",
        b"td",
        b"th",
        b"tr",
        b"option",
        b"dt",
        b"dd",
        b"param",
        b"!--",
        b"!doctype",
    ];
    let b = html.as_bytes();
    let mut depth: i64 = 0;
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        let close = b.get(i) == Some(&b'/');
        let start = if close { i + 1 } else { i };
        let len = b[start..]
            .iter()
            .take(16)
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'!' || **c == b'-')
            .count();
        if len == 0 {
            continue;
        }
        let name = b[start..start + len].to_ascii_lowercase();
        if NOT_NESTING.contains(&name.as_slice()) {
            continue;
        }
        depth += if close { -1 } else { 1 };
        if depth > LIMIT {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod proptests;
