//! Page metadata beyond title and date: JSON-LD (`NewsArticle` & co.), author, site name,
//! canonical URL. Everything here is optional: a page that says nothing yields `None`s.
//!
//! Sources, strongest first:
//! * JSON-LD blocks (`<script type="application/ld+json">`), also inside `@graph` arrays:
//!   the first object that looks like an article (`articleBody`, `datePublished` or an
//!   `*Article` / `BlogPosting` / `ReportageNewsArticle` type) gives headline, date,
//!   author(s), publisher name, URL and `articleBody`;
//! * meta tags: `author`, `article:author`, `og:site_name`, `application-name`, `og:url`;
//! * markup: `<link rel="canonical">`, `[itemprop=author]`, `[rel=author]`.
//!
//! The publication date a page states (meta tags, JSON-LD, markup) is read here too
//! ([`published`], with [`crate::day::page_date`]).

use crate::day::page_date;
use regex::Regex;
use scraper::{Html, Selector};
use serde_json::Value;
use std::sync::LazyLock;

use super::text::{clean_inline, one_line};
use crate::article::PageMeta;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

static LD_JSON: LazyLock<Selector> = LazyLock::new(|| sel("script[type='application/ld+json']"));
static META_AUTHOR: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "meta[name='author'], meta[property='article:author'], meta[name='article:author'], \
         meta[name='byl'], meta[name='parsely-author'], meta[name='sailthru.author'], \
         meta[name='dc.creator'], meta[name='DC.creator']",
    )
});
static ITEMPROP_AUTHOR: LazyLock<Selector> = LazyLock::new(|| {
    sel("[itemprop='author'] [itemprop='name'], [itemprop='author'], a[rel='author']")
});
static META_SITE: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "meta[property='og:site_name'], meta[name='og:site_name'], meta[name='application-name'], \
         meta[name='publisher']",
    )
});
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel='canonical']"));
static OG_URL: LazyLock<Selector> =
    LazyLock::new(|| sel("meta[property='og:url'], meta[name='og:url']"));

static DATE_META: LazyLock<Selector> = LazyLock::new(|| {
    sel("meta[property='article:published_time'], meta[name='article:published_time'], \
         meta[property='og:published_time'], meta[itemprop='datePublished'], \
         meta[name='datePublished'], meta[name='pubdate'], meta[name='publishdate'], \
         meta[name='publish-date'], meta[name='parsely-pub-date'], meta[name='sailthru.date'], \
         meta[name='dc.date'], meta[name='DC.date'], meta[name='dc.date.issued'], \
         meta[name='DC.date.issued'], meta[name='dcterms.created'], meta[name='date'], \
         meta[name='Date'], meta[property='article:published'], meta[name='OriginalPublicationDate'], \
         meta[name='cXenseParse:recs:publishtime']")
});
static DATE_ITEMPROP: LazyLock<Selector> =
    LazyLock::new(|| sel("[itemprop='datePublished'], time[pubdate], time[datetime]"));
static ANY_META: LazyLock<Selector> = LazyLock::new(|| sel("meta[content]"));
static LD_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""datePublished"\s*:\s*"([^"]{8,40})""#).expect("regex"));
/// The publication date a page states, as `YYYY-MM-DD`: common meta tags, a JSON-LD
/// `datePublished`, `itemprop` / `<time>` markup, then any meta name that says publish
/// or post date.
pub(super) fn published(doc: &Html) -> Option<String> {
    for e in doc.select(&DATE_META) {
        if let Some(d) = e.value().attr("content").and_then(page_date) {
            return Some(d);
        }
    }
    for e in doc.select(&LD_JSON) {
        let s: String = e.text().collect();
        if let Some(c) = LD_DATE.captures(&s) {
            if let Some(d) = page_date(&c[1]) {
                return Some(d);
            }
        }
    }
    for e in doc.select(&DATE_ITEMPROP) {
        let v = e.value();
        let cand = v.attr("datetime").or_else(|| v.attr("content"));
        if let Some(d) = cand.and_then(page_date) {
            return Some(d);
        }
        if v.attr("itemprop") == Some("datePublished") {
            let t: String = e.text().collect();
            if let Some(d) = page_date(&t) {
                return Some(d);
            }
        }
    }
    // Site-specific meta names: anything that says publish/post date.
    for e in doc.select(&ANY_META) {
        let v = e.value();
        let key = v
            .attr("name")
            .or_else(|| v.attr("property"))
            .unwrap_or("")
            .to_ascii_lowercase();
        if (key.contains("publish")
            || key.contains("pub-date")
            || key.contains("post-date")
            || key.contains("pubdate"))
            && !key.contains("publisher")
        {
            if let Some(d) = v.attr("content").and_then(page_date) {
                return Some(d);
            }
        }
    }
    None
}

/// What the JSON-LD of a page says about its article.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct LdArticle {
    pub headline: Option<String>,
    pub date_published: Option<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub body: Option<String>,
}

/// Parse every JSON-LD block of the page; the first article-like object wins, fields it
/// lacks are taken from later ones.
pub(crate) fn json_ld(doc: &Html) -> LdArticle {
    let mut out = LdArticle::default();
    for e in doc.select(&LD_JSON) {
        let raw: String = e.text().collect();
        // Some sites wrap the JSON in HTML comments or CDATA, or leave a trailing `;`.
        let raw = raw
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim()
            .trim_end_matches(';');
        let Ok(v) = serde_json::from_str::<Value>(raw) else {
            continue;
        };
        let mut objs = Vec::new();
        collect_articles(&v, 0, &mut objs);
        for o in objs {
            merge(&mut out, o);
        }
    }
    out
}

fn is_article_type(t: &Value) -> bool {
    let one = |s: &str| {
        s.ends_with("Article")
            || matches!(
                s,
                "BlogPosting" | "NewsArticle" | "Report" | "LiveBlogPosting" | "WebPage"
            )
    };
    match t {
        Value::String(s) => one(s),
        Value::Array(a) => a.iter().any(|x| x.as_str().is_some_and(one)),
        _ => false,
    }
}

/// Article-like objects, depth-first, in document order (depth-capped: JSON from pages
/// can be anything).
fn collect_articles<'a>(v: &'a Value, depth: usize, out: &mut Vec<&'a Value>) {
    if depth > 6 || out.len() > 16 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_articles(x, depth + 1, out)),
        Value::Object(m) => {
            let article = m.contains_key("articleBody")
                || m.contains_key("datePublished")
                || m.get("@type").is_some_and(is_article_type);
            if article {
                out.push(v);
            }
            if let Some(g) = m.get("@graph") {
                collect_articles(g, depth + 1, out);
            }
            if let Some(g) = m.get("mainEntity") {
                collect_articles(g, depth + 1, out);
            }
        }
        _ => {}
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => one_line(s),
        Value::Object(m) => m.get("name").and_then(text_of),
        Value::Array(a) => a.iter().find_map(text_of),
        _ => None,
    }
}

fn names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(a) => a.iter().take(8).for_each(|x| names(x, out)),
        other => {
            if let Some(n) = text_of(other) {
                if let Some(n) = author_name(&n) {
                    if !out.contains(&n) {
                        out.push(n);
                    }
                }
            }
        }
    }
}

fn merge(out: &mut LdArticle, o: &Value) {
    let get = |k: &str| o.get(k);
    // A `WebPage` holds the page's name, not the article's: only fill from it what an
    // article object has not given.
    if out.headline.is_none() {
        out.headline = get("headline").and_then(text_of);
    }
    if out.date_published.is_none() {
        out.date_published = get("datePublished")
            .or_else(|| get("dateCreated"))
            .and_then(|v| v.as_str())
            .and_then(page_date);
    }
    if out.authors.is_empty() {
        if let Some(a) = get("author").or_else(|| get("creator")) {
            names(a, &mut out.authors);
        }
    }
    if out.publisher.is_none() {
        out.publisher = get("publisher")
            .and_then(text_of)
            .filter(|s| s.chars().count() <= 80);
    }
    if out.url.is_none() {
        out.url = get("url")
            .or_else(|| get("mainEntityOfPage").and_then(|m| m.get("@id").or(Some(m))))
            .and_then(|v| v.as_str())
            .and_then(absolute_url);
    }
    if out.body.is_none() {
        out.body = get("articleBody")
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .filter(|s| !s.trim().is_empty());
    }
}

/// A plausible author name from a byline-ish string: "By Jane Doe" → "Jane Doe"; URLs,
/// e-mail-only values and sentence-length strings are not names.
pub(crate) fn author_name(s: &str) -> Option<String> {
    let mut t = clean_inline(s);
    for p in ["By ", "by ", "BY ", "Von ", "Par "] {
        if let Some(r) = t.strip_prefix(p) {
            t = r.trim().to_string();
        }
    }
    // Bylines carry more than the name: "Jane Doe @jdoe Nov 18, 2019 at 9:24 pm ET •
    // 2 min read", "Jane Doe | November 18, 2019": keep what comes before a separator, a
    // handle or the first number (and a month name just before it).
    let mut end = t.len();
    for sep in [" | ", " •", "•", " @", " · ", "\t"] {
        if let Some(i) = t.find(sep) {
            end = end.min(i);
        }
    }
    if let Some(i) = t.find(|c: char| c.is_ascii_digit()) {
        end = end.min(i);
    }
    let mut head = t[..end].trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    if end < t.len() {
        if let Some((before, last)) = head.rsplit_once(' ') {
            if crate::day::month_by_prefix(last).is_some() {
                head = before;
            }
        }
    }
    let t = head.trim_matches(|c: char| c == ',' || c == '|' || c.is_whitespace());
    let lower = t.to_ascii_lowercase();
    if lower.ends_with("admin") || matches!(lower.as_str(), "administrator" | "webmaster") {
        return None;
    }
    if t.is_empty()
        || t.contains("://")
        || t.starts_with("www.")
        || t.starts_with('@')
        || t.chars().count() > 80
        || !t.chars().any(char::is_alphabetic)
        || (t.contains('@') && !t.contains(' '))
    {
        return None;
    }
    Some(t.to_string())
}

/// An absolute http(s) URL, trimmed; `None` for relative or odd values.
fn absolute_url(s: &str) -> Option<String> {
    let t = s.trim();
    let ok = (t.starts_with("https://") || t.starts_with("http://"))
        && t.len() > 10
        && t.len() <= 2048
        && !t.contains(char::is_whitespace);
    ok.then(|| t.to_string())
}

/// Author, site name and canonical URL of a page (`ld` is its parsed JSON-LD).
pub(crate) fn page_meta(doc: &Html, ld: &LdArticle) -> PageMeta {
    let author = if !ld.authors.is_empty() {
        Some(ld.authors.join(", "))
    } else {
        doc.select(&META_AUTHOR)
            .find_map(|e| e.value().attr("content").and_then(author_name))
            .or_else(|| {
                doc.select(&ITEMPROP_AUTHOR).find_map(|e| {
                    let v = e.value();
                    v.attr("content")
                        .map(str::to_string)
                        .or_else(|| Some(e.text().collect::<String>()))
                        .as_deref()
                        .and_then(author_name)
                })
            })
    };
    let site_name = doc
        .select(&META_SITE)
        .filter_map(|e| e.value().attr("content").and_then(one_line))
        // A handle ("@nytimes") is not a name.
        .find(|s| !s.starts_with('@') && s.chars().count() <= 80)
        .or_else(|| ld.publisher.clone());
    let canonical_url = doc
        .select(&CANONICAL)
        .find_map(|e| e.value().attr("href").and_then(absolute_url))
        .or_else(|| {
            doc.select(&OG_URL)
                .find_map(|e| e.value().attr("content").and_then(absolute_url))
        })
        .or_else(|| ld.url.clone());
    PageMeta {
        author,
        site_name,
        canonical_url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> (LdArticle, PageMeta) {
        let doc = Html::parse_document(html);
        let ld = json_ld(&doc);
        let m = page_meta(&doc, &ld);
        (ld, m)
    }

    #[test]
    fn json_ld_graph_and_authors() {
        let html = r#"<html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Example News","url":"https://example.com/"},
          {"@type":"NewsArticle","headline":"Big &amp; news","datePublished":"2019-11-19T07:09:00Z",
           "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"By John Roe"}],
           "publisher":{"@type":"Organization","name":"Example News"},
           "mainEntityOfPage":{"@id":"https://example.com/a/1"},
           "articleBody":"First. Second."}]}
        </script></head><body></body></html>"#;
        let (ld, m) = meta(html);
        assert_eq!(ld.headline.as_deref(), Some("Big & news"));
        assert_eq!(ld.date_published.as_deref(), Some("2019-11-19"));
        assert_eq!(ld.body.as_deref(), Some("First. Second."));
        assert_eq!(m.author.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(m.site_name.as_deref(), Some("Example News"));
        assert_eq!(m.canonical_url.as_deref(), Some("https://example.com/a/1"));
    }

    #[test]
    fn meta_tags() {
        let html = r#"<html><head>
        <meta name="author" content="By Ann Lee">
        <meta property="og:site_name" content="The Daily">
        <meta name="twitter:site" content="@daily">
        <link rel="canonical" href="https://daily.example/story">
        <meta property="og:url" content="https://daily.example/other">
        </head><body><p>x</p></body></html>"#;
        let (_, m) = meta(html);
        assert_eq!(m.author.as_deref(), Some("Ann Lee"));
        assert_eq!(m.site_name.as_deref(), Some("The Daily"));
        assert_eq!(
            m.canonical_url.as_deref(),
            Some("https://daily.example/story")
        );
    }

    #[test]
    fn markup_author_and_bad_values() {
        let html = r#"<html><head>
        <meta property="article:author" content="https://facebook.com/someone">
        <link rel="canonical" href="/relative/path">
        <script type="application/ld+json">{ not json </script>
        </head><body><span itemprop="author"><span itemprop="name">Li Wei</span></span>
        <p>x</p></body></html>"#;
        let (ld, m) = meta(html);
        assert_eq!(ld, LdArticle::default());
        assert_eq!(m.author.as_deref(), Some("Li Wei"));
        assert_eq!(m.site_name, None);
        assert_eq!(m.canonical_url, None);
    }

    #[test]
    fn nothing_on_a_bare_page() {
        let (_, m) = meta("<p>just text</p>");
        assert_eq!(m, PageMeta::default());
    }

    #[test]
    fn author_names() {
        assert_eq!(author_name("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(author_name(" Jane Doe, ").as_deref(), Some("Jane Doe"));
        assert_eq!(author_name("https://x.com/jane"), None);
        assert_eq!(author_name("jane@example.com"), None);
        assert_eq!(author_name("@jane"), None);
        assert_eq!(author_name("1234"), None);
        assert_eq!(
            author_name("Bryan DeArdo @BryanDeArdo Nov 18, 2019 at 9:24 pm ET • 2 min read")
                .as_deref(),
            Some("Bryan DeArdo")
        );
        assert_eq!(
            author_name("JERUSALEM POST STAFF NOVEMBER 20, 2019 10:43").as_deref(),
            Some("JERUSALEM POST STAFF")
        );
        assert_eq!(
            author_name("Madeline Fry | November 18, 2019 12:01 PM Print this article").as_deref(),
            Some("Madeline Fry")
        );
        assert_eq!(
            author_name("Ilana Muhlstein, MS, RDN").as_deref(),
            Some("Ilana Muhlstein, MS, RDN")
        );
        assert_eq!(author_name("jdadmin"), None);
        assert_eq!(author_name(&"long ".repeat(40)), None);
    }
}
