//! `.txt` files: the first non-empty line is the title, the rest the body.

use super::record::{Item, Reject};
use crate::article::{Origin, RawArticle};

pub fn parse(text: &str, origin: Origin) -> Item {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    let title = lines.by_ref().map(str::trim).find(|l| !l.is_empty());
    let body: String = lines.collect::<Vec<_>>().join("\n");
    match title {
        None => Err(Reject::new(&origin, "empty file")),
        // A one-line file is all body: better a text without a title than no text.
        Some(t) if body.trim().is_empty() => Ok(RawArticle {
            id: None,
            url: None,
            title: None,
            published: None,
            body: t.to_string(),
            origin,
            warnings: Vec::new(),
            kind: crate::article::BodyKind::Record,
            meta: Default::default(),
        }),
        Some(t) => Ok(RawArticle {
            id: None,
            url: None,
            title: Some(t.to_string()),
            published: None,
            body,
            origin,
            warnings: Vec::new(),
            kind: crate::article::BodyKind::Record,
            meta: Default::default(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_title() {
        let o = Origin {
            file: "a.txt".into(),
            line: None,
        };
        let a = parse("\n  Title here \nBody one.\n\nBody two.", o.clone()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Title here"));
        assert_eq!(a.body, "Body one.\n\nBody two.");
        assert!(parse(" \n\n", o).is_err());
    }
}
