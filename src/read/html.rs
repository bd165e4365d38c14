//! `.html` / `.htm` files: a full page or a fragment. The reader only reads: the body is
//! the page as found, marked [`BodyKind::Page`], and the clean stage parses it (main
//! text, title, date, metadata) like any other page.

use super::record::{Item, Reject};
use crate::article::{BodyKind, Origin, RawArticle};

pub fn parse(html: &str, origin: Origin) -> Item {
    if html.trim().is_empty() {
        return Err(Reject::new(&origin, "empty file"));
    }
    Ok(RawArticle {
        id: None,
        url: None,
        title: None,
        published: None,
        body: html.to_string(),
        kind: BodyKind::Page,
        origin,
        warnings: Vec::new(),
        meta: Default::default(),
    })
}
