//! `.html` / `.htm` files: a full page or a fragment. The page is parsed once here for
//! title and date; the body stays HTML and is cleaned by the clean stage like any other.

use super::{Item, Reject};
use crate::article::{Origin, RawArticle};

pub fn parse(html: &str, origin: Origin) -> Item {
    if html.trim().is_empty() {
        return Err(Reject::new(&origin, "empty file"));
    }
    let page = crate::clean::page(html);
    if page.text.trim().is_empty() {
        return Err(Reject::new(&origin, "no text in page"));
    }
    Ok(RawArticle {
        id: None,
        url: None,
        title: page.title,
        published: page.published,
        body: page.text,
        origin,
        warnings: Vec::new(),
        pre_cleaned: true,
        meta: page.meta,
    })
}
