//! A fast hand-written scanner for article bodies that are mostly text with some tags:
//! real tags, space-mangled tags (`< / P >`), entity-escaped tags (`&lt;p&gt;`), comments.
//!
//! It never eats prose: `a < b and c > d` and `x<y` survive because a `<` only starts a
//! tag when a known HTML tag name follows and the rest has tag shape.

use super::entities::{decode_at, push_decoded};
use super::normalize::BREAK;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    /// Paragraph break (p, div, br, li, h1…).
    Block,
    /// Nothing (b, a, span…).
    Inline,
    /// A space (td, th).
    Cell,
    /// Content dropped up to the matching close tag (script, style…).
    Raw,
    /// Marks a whole page (html, body, head, nav…): the caller should use the page path.
    Page,
}

/// Classify a lowercase tag name.
pub(crate) fn tag_kind(name: &[u8]) -> Option<Kind> {
    use Kind::*;
    Some(match name {
        b"p" | b"div" | b"br" | b"li" | b"ul" | b"ol" | b"dl" | b"dt" | b"dd" | b"h1" | b"h2"
        | b"h3" | b"h4" | b"h5" | b"h6" | b"tr" | b"table" | b"tbody" | b"thead" | b"tfoot"
        | b"caption" | b"blockquote" | b"section" | b"article" | b"main" | b"figure"
        | b"figcaption" | b"pre" | b"hr" | b"address" | b"center" | b"details" | b"summary"
        | b"dialog" | b"fieldset" | b"legend" | b"hgroup" | b"menu" | b"dir" | b"form"
        | b"option" | b"select" | b"frameset" | b"frame" | b"noframes" | b"picture" | b"video"
        | b"audio" | b"canvas" | b"font" => {
            if name == b"font" {
                Inline
            } else {
                Block
            }
        }
        b"td" | b"th" => Cell,
        b"a" | b"abbr" | b"acronym" | b"b" | b"bdi" | b"bdo" | b"big" | b"cite" | b"code"
        | b"data" | b"del" | b"dfn" | b"em" | b"i" | b"img" | b"input" | b"ins" | b"kbd"
        | b"label" | b"mark" | b"q" | b"s" | b"samp" | b"small" | b"span" | b"strike"
        | b"strong" | b"sub" | b"sup" | b"time" | b"tt" | b"u" | b"var" | b"wbr" | b"nobr"
        | b"source" | b"track" | b"map" | b"area" | b"col" | b"colgroup" | b"embed" | b"param"
        | b"o" | b"st1" => Inline,
        b"script" | b"style" | b"noscript" | b"template" | b"svg" | b"math" | b"iframe"
        | b"textarea" | b"object" | b"button" | b"title" => Raw,
        b"html" | b"head" | b"body" | b"nav" | b"header" | b"footer" | b"aside" | b"meta"
        | b"link" | b"base" => Page,
        _ => return None,
    })
}

pub(crate) struct Tag {
    /// Index just past the tag.
    pub end: usize,
    pub kind: Kind,
    pub closing: bool,
    pub self_closing: bool,
    pub name: [u8; 10],
    pub name_len: usize,
}

#[inline]
fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

/// Parse a tag whose opener (`<`, `&lt;`…) ends just before `j`; `close` is the closer
/// (`>`, `&gt;`…). `None` when this is not a tag (prose like `a < b`).
pub(crate) fn parse_tag(b: &[u8], mut j: usize, close: &[u8]) -> Option<Tag> {
    let n = b.len();
    let mut mangled = false;
    let mut k = 0;
    while j < n && is_ws(b[j]) && k < 3 {
        j += 1;
        k += 1;
        mangled = true;
    }
    let closing = b.get(j) == Some(&b'/');
    if closing {
        j += 1;
        let mut k = 0;
        while j < n && is_ws(b[j]) && k < 3 {
            j += 1;
            k += 1;
            mangled = true;
        }
    }
    let start = j;
    if j >= n || !b[j].is_ascii_alphabetic() {
        return None;
    }
    let mut name = [0u8; 10];
    while j < n && b[j].is_ascii_alphanumeric() {
        if j - start >= 10 {
            return None;
        }
        name[j - start] = b[j].to_ascii_lowercase();
        j += 1;
    }
    let name_len = j - start;
    // Namespaced (`<o:p>`, `<st1:place>`) and custom (`<amp-img>`) elements: inline.
    let kind = if !mangled
        && j + 1 < n
        && (b[j] == b':' || b[j] == b'-')
        && b[j + 1].is_ascii_alphabetic()
    {
        j += 1;
        while j < n && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'-' | b'_' | b':')) {
            if j - start > 40 {
                return None;
            }
            j += 1;
        }
        Kind::Inline
    } else {
        tag_kind(&name[..name_len])?
    };
    let after_name = j;
    while j < n && is_ws(b[j]) {
        j += 1;
    }
    let tag = |end, self_closing| {
        Some(Tag {
            end,
            kind,
            closing,
            self_closing,
            name,
            name_len,
        })
    };
    if b[j..].starts_with(close) {
        return tag(j + close.len(), false);
    }
    if j < n && b[j] == b'/' {
        let mut m = j + 1;
        while m < n && is_ws(b[m]) {
            m += 1;
        }
        if b[m..].starts_with(close) {
            return tag(m + close.len(), true);
        }
    }
    // A closing tag never has attributes, and `</p` / `< / P` never occur in prose: accept
    // one whose `>` went missing.
    if closing && (j == n || j > after_name) {
        return tag(j, false);
    }
    // Attributes: need whitespace after the name, and the shape `name=...` somewhere.
    if j == after_name || j >= n {
        return None;
    }
    if mangled {
        // `< div class = "x" >`: accept only when an attribute assignment follows.
        let mut m = j;
        while m < n && (b[m].is_ascii_alphanumeric() || b[m] == b'-' || b[m] == b'_') {
            m += 1;
        }
        while m < n && is_ws(b[m]) {
            m += 1;
        }
        if m == j || b.get(m) != Some(&b'=') {
            return None;
        }
    }
    let mut quote: Option<u8> = None;
    let mut last_non_ws = 0u8;
    let mut saw_eq = false;
    let limit = (j + 4000).min(n);
    while j < limit {
        let c = b[j];
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                    last_non_ws = c;
                }
            }
            None => {
                if (c == b'"' || c == b'\'') && last_non_ws == b'=' {
                    quote = Some(c);
                } else if b[j..].starts_with(close) {
                    return if saw_eq {
                        tag(j + close.len(), false)
                    } else {
                        None
                    };
                } else if c == b'<' {
                    return None;
                } else if c == b'=' {
                    saw_eq = true;
                }
                if !is_ws(c) {
                    last_non_ws = c;
                }
            }
        }
        j += 1;
    }
    // A tag cut off by the end of the body (`<a href="http://…`): drop the debris.
    if j == n && (saw_eq || quote.is_some()) {
        return tag(n, false);
    }
    None
}

/// Find the end of the close tag `</name` (opener `open` = `<` or `&lt;`) from `from`,
/// case-insensitively; returns the index past its closer, or `b.len()` when absent.
fn skip_raw(b: &[u8], from: usize, name: &[u8], open: &[u8], close: &[u8]) -> usize {
    let mut i = from;
    while i < b.len() {
        if b[i..].starts_with(open) {
            let mut j = i + open.len();
            if b.get(j) == Some(&b'/') {
                j += 1;
                if b.len() >= j + name.len() && b[j..j + name.len()].eq_ignore_ascii_case(name) {
                    let after = j + name.len();
                    if let Some(p) = find(&b[after..], close) {
                        return after + p + close.len();
                    }
                    return b.len();
                }
            }
        }
        i += 1;
    }
    b.len()
}

fn find(h: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || h.len() < needle.len() {
        return None;
    }
    h.windows(needle.len()).position(|w| w == needle)
}

/// Index of the next `<` or `&` at or after `from`, eight bytes at a time (SWAR).
fn find_special(b: &[u8], from: usize) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
        let x = w ^ (LO * b'<' as u64);
        let y = w ^ (LO * b'&' as u64);
        // Lowest zero byte of x or y is exact (borrows only run upwards).
        let z = (x.wrapping_sub(LO) & !x & HI) | (y.wrapping_sub(LO) & !y & HI);
        if z != 0 {
            return Some(i + (z.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b[i..]
        .iter()
        .position(|&c| c == b'<' || c == b'&')
        .map(|p| i + p)
}

/// Result of scanning a fragment.
pub(crate) struct Scan {
    /// Text with entities decoded, tags removed and block boundaries as [`BREAK`].
    pub text: String,
    /// Number of block-level tags seen.
    pub blocks: usize,
    /// Number of tags seen (any kind).
    pub tags: usize,
    /// Set when a whole-page tag (html, body, nav…) was seen; `text` is then incomplete.
    pub page: bool,
}

/// Escaped tag openers and their closers.
const ESCAPED: &[(&[u8], &[u8])] = &[
    (b"&lt;", b"&gt;"),
    (b"&amp;lt;", b"&amp;gt;"),
    (b"&#60;", b"&#62;"),
    (b"&#x3c;", b"&#x3e;"),
    (b"&#x3C;", b"&#x3E;"),
];

/// Scan a fragment. With `stop_on_page`, stop at the first whole-page tag and report it.
pub(crate) fn scan(body: &str, stop_on_page: bool) -> Scan {
    let b = body.as_bytes();
    let n = b.len();
    let mut out = String::with_capacity(n + 16);
    let mut blocks = 0;
    let mut tags = 0;
    let mut last = 0; // start of pending literal text
    let mut i = 0;
    while i < n {
        // Find the next '<' or '&'.
        match find_special(b, i) {
            Some(p) => i = p,
            None => break,
        }
        out.push_str(&body[last..i]);
        last = i;
        if b[i] == b'<' {
            // Comments, doctype, processing instructions.
            if b[i..].starts_with(b"<!--") {
                i = match find(&b[i + 4..], b"-->") {
                    Some(p) => i + 4 + p + 3,
                    None => n,
                };
                last = i;
                continue;
            }
            if matches!(b.get(i + 1), Some(b'!') | Some(b'?'))
                && b.get(i + 2)
                    .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'[')
            {
                if let Some(p) = b[i + 2..(i + 2000).min(n)].iter().position(|&c| c == b'>') {
                    if stop_on_page
                        && b[i + 2..].len() >= 7
                        && b[i + 2..i + 9].eq_ignore_ascii_case(b"doctype")
                    {
                        return Scan {
                            text: out,
                            blocks,
                            tags,
                            page: true,
                        };
                    }
                    i = i + 2 + p + 1;
                    last = i;
                    continue;
                }
            }
            if let Some(t) = parse_tag(b, i + 1, b">") {
                if t.kind == Kind::Page && stop_on_page {
                    return Scan {
                        text: out,
                        blocks,
                        tags,
                        page: true,
                    };
                }
                tags += 1;
                i = apply(b, &t, &mut out, &mut blocks, b"<", b">");
                last = i;
                continue;
            }
            // Literal '<': left in `last..` and copied with the next chunk.
            i += 1;
            continue;
        }
        // '&': an escaped tag, or a character reference.
        let mut handled = false;
        for (open, close) in ESCAPED {
            if b[i..].starts_with(open) {
                if let Some(t) = parse_tag(b, i + open.len(), close) {
                    tags += 1;
                    i = apply(b, &t, &mut out, &mut blocks, open, close);
                    last = i;
                    handled = true;
                }
                break;
            }
        }
        if handled {
            continue;
        }
        match decode_at(&b[i..]) {
            Some((d, len)) => {
                push_decoded(&mut out, d);
                i += len;
                last = i;
            }
            None => i += 1,
        }
    }
    out.push_str(&body[last..]);
    Scan {
        text: out,
        blocks,
        tags,
        page: false,
    }
}

/// Apply a parsed tag to the output; returns the index to continue from.
fn apply(
    b: &[u8],
    t: &Tag,
    out: &mut String,
    blocks: &mut usize,
    open: &[u8],
    close: &[u8],
) -> usize {
    match t.kind {
        Kind::Block | Kind::Page => {
            *blocks += 1;
            out.push(BREAK);
            t.end
        }
        Kind::Cell => {
            out.push(' ');
            t.end
        }
        Kind::Inline => t.end,
        Kind::Raw => {
            // Keep words apart where a dropped element sat.
            out.push(' ');
            if t.closing || t.self_closing {
                t.end
            } else {
                skip_raw(b, t.end, &t.name[..t.name_len], open, close)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(s: &str) -> bool {
        parse_tag(s.as_bytes(), 1, b">").is_some()
    }

    #[test]
    fn swar_search_matches_naive() {
        let s = b"abcdefgh<ijklmnop&qrstuvwxyz0123456789<&<<&&x\xff\x80<";
        for from in 0..s.len() {
            let naive = s[from..]
                .iter()
                .position(|&c| c == b'<' || c == b'&')
                .map(|p| from + p);
            assert_eq!(find_special(s, from), naive, "from {from}");
        }
        for n in 0..40 {
            let mut v = vec![b'a'; n];
            v.push(b'&');
            assert_eq!(find_special(&v, 0), Some(n));
            v.pop();
            assert_eq!(find_special(&v, 0), None);
        }
    }

    #[test]
    fn tag_shapes() {
        for s in [
            "<p>",
            "</p>",
            "< p >",
            "< / P >",
            "<br/>",
            "<br />",
            "<BR>",
            "<div class=\"x y\">",
            "<div class='a>b'>",
            "<a href=x>",
            "< div class = \"c\" >",
            "<p\n>",
            "<img src=\"a.png\"/>",
            "<o:p>",
            "</o:p>",
            "<st1:place w:st=\"on\">",
            "<amp-img src=x>",
            "<a href=\"http://cut.off",
        ] {
            assert!(tagged(s), "{s} should be a tag");
        }
        for s in [
            "< b and c > d",
            "<y",
            "<TICKER>",
            "<p",
            "<b and c>",
            "< p and q >",
            "<3",
            "<",
            "< / >",
            "<pp>",
            "<div class=x <p>",
        ] {
            assert!(!tagged(s), "{s} should not be a tag");
        }
    }
}
