use super::*;

#[test]
fn clean_body_table() {
    let cases: &[(&str, &str)] = &[
        // prose comparisons survive
        ("a < b and c > d", "a < b and c > d"),
        ("x<y and y>z", "x<y and y>z"),
        ("if 3<4 then", "if 3<4 then"),
        ("a <= b >= c", "a <= b >= c"),
        ("i <3 u", "i <3 u"),
        // space-mangled tags → paragraph breaks
        ("one. < / P > < p > two.", "one.\n\ntwo."),
        ("one. < p > < p > two.", "one.\n\ntwo."),
        ("one.< / p >two.", "one.\n\ntwo."),
        // real tags
        ("<p>one</p><p>two</p>", "one\n\ntwo"),
        (
            "one<br/>two<br />three<BR>four",
            "one\n\ntwo\n\nthree\n\nfour",
        ),
        ("<div class=\"story-body\">one</div>two", "one\n\ntwo"),
        ("<ul><li>a</li><li>b</li></ul>", "a\n\nb"),
        ("<h2>Head</h2>text", "Head\n\ntext"),
        // inline tags do not break
        (
            "a <b>bold</b> and <a href=\"x\">link</a> <span class=x>s</span><i>i</i><em>e</em>.",
            "a bold and link sie.",
        ),
        ("<p>Hello <strong>World</strong></p>", "Hello World"),
        // entities
        ("AT&amp;T", "AT&T"),
        ("it&#39;s", "it's"),
        ("it&#x2019;s", "it’s"),
        ("a&nbsp;b", "a b"),
        ("&amp;lt;p&amp;gt;one&amp;lt;/p&amp;gt;two", "one\n\ntwo"),
        ("&lt;p&gt;one&lt;/p&gt;two", "one\n\ntwo"),
        ("Standard Oil &lt;SRD> said", "Standard Oil <SRD> said"),
        (
            "Phillips &lt;P> and Sears &lt;S>",
            "Phillips <P> and Sears <S>",
        ),
        ("Reuter\n&#3;", "Reuter"),
        ("price &lt; 5 &amp; &gt; 3", "price < 5 & > 3"),
        ("fish &amp; chips &copy 2020", "fish & chips &copy 2020"),
        // script/style/noscript/comments dropped
        ("a<script>var x = '<p>';</script>b", "a b"),
        ("a<style>p{color:red}</style> b", "a b"),
        ("a<noscript><img src=x></noscript> b", "a b"),
        ("a<!-- <p>comment</p> -->b", "ab"),
        ("a&lt;script&gt;alert(1)&lt;/script&gt; b", "a b"),
        // whitespace, Unicode
        ("  lots   of\tspace  ", "lots of space"),
        (
            "hard\nwrapped\nlines\n\nnext para",
            "hard wrapped lines\n\nnext para",
        ),
        ("a\u{A0}b\u{200B}c\u{2009}d", "a bc d"),
        ("cafe\u{301}", "café"),
        ("\u{FEFF}BOM", "BOM"),
        ("ctl\u{1}\u{7}x", "ctlx"),
        // Reuters-style indented paragraphs
        (
            "    SALVADOR, Feb 26 - Showers\ncontinued.\n    The dry period.\n\n Reuter\n&#3;",
            "SALVADOR, Feb 26 - Showers continued.\n\nThe dry period.\n\nReuter",
        ),
        ("Word<o:p></o:p> paste", "Word paste"),
        ("cut off <a href=\"http://x.com/a", "cut off"),
        ("cut off < / P", "cut off"),
        ("one < / P two", "one\n\ntwo"),
        ("one </p two", "one\n\ntwo"),
        ("", ""),
        ("<p></p>", ""),
        ("<", "<"),
        ("&", "&"),
    ];
    for (input, want) in cases {
        assert_eq!(clean_body(input), *want, "input {input:?}");
    }
}

#[test]
fn no_tag_debris_in_seed_like_text() {
    let body = "\nXunlei and Chen Lei are in the news.\n\nalso said that. < / P > < p > this accusation. < / P > < p > what is Xunlei doing? < p > < p > on March 12, this year, revenue fell 21.9%; < p > < p > while the net loss";
    let out = clean_body(body);
    assert!(
        !out.contains('<') && !out.contains('>') && !out.contains("/ P"),
        "{out}"
    );
    let paras: Vec<_> = out.split("\n\n").collect();
    assert_eq!(paras.len(), 6, "{out}");
    assert!(!out.contains("\n\n\n"));
}

#[test]
fn whole_page_goes_through_page_path() {
    let html = r##"<!DOCTYPE html><html><head><title>T | Site</title>
    <meta property="og:title" content="The &amp; Title">
    <meta property="article:published_time" content="2020-08-20T10:00:00Z">
    <script>var a = 1;</script></head>
    <body><nav><a href="/">Home</a> <a href="/x">World</a></nav>
    <header class="site-header">Site name</header>
    <div class="article-body">
      <h1>The Title</h1>
      <p>First paragraph of the article, long enough to count, with commas, and more text.</p>
      <p>Second paragraph, also long enough to be scored as content, truly, it is.</p>
      <div class="share-buttons"><a href="#">Share on Twitter</a></div>
      <p>Third paragraph: the end of the story, which closes things out nicely, yes.</p>
    </div>
    <aside>Related: other stories you might like to read about today</aside>
    <footer>Copyright 2020, all rights reserved, no reproduction, ever.</footer>
    </body></html>"##;
    let p = page(html);
    assert_eq!(p.title.as_deref(), Some("The & Title"));
    assert_eq!(p.published.as_deref(), Some("2020-08-20"));
    let want = "First paragraph of the article, long enough to count, with commas, and more text.\n\nSecond paragraph, also long enough to be scored as content, truly, it is.\n\nThird paragraph: the end of the story, which closes things out nicely, yes.";
    assert_eq!(p.text, want);
    assert_eq!(clean_body(html), want);
}

#[test]
fn page_dates() {
    let cases = [
        (
            r#"<html><head><meta itemprop="datePublished" content="2019-11-19"></head><body><p>x</p></body></html>"#,
            Some("2019-11-19"),
        ),
        (
            r#"<html><body><time datetime="2018-01-02T03:04">Jan 2</time><p>x</p></body></html>"#,
            Some("2018-01-02"),
        ),
        (
            r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2017-05-06T00:00:00+01:00"}</script></head><body></body></html>"#,
            Some("2017-05-06"),
        ),
        (
            r#"<html><head><meta name="parsely-pub-date" content="2016-12-31T23:00:00Z"></head></html>"#,
            Some("2016-12-31"),
        ),
        (
            r#"<html><head><meta name="dc.date" content="20150704"></head></html>"#,
            Some("2015-07-04"),
        ),
        (
            r#"<html><head><meta name="date" content="not a date"></head></html>"#,
            None,
        ),
    ];
    for (html, want) in cases {
        assert_eq!(page(html).published.as_deref(), want, "{html}");
    }
    assert_eq!(
        page("<html><head><title> A\n title </title></head></html>")
            .title
            .as_deref(),
        Some("A title")
    );
    assert_eq!(
        page("<html><body><h1>Only h1</h1></body></html>")
            .title
            .as_deref(),
        Some("Only h1")
    );
}

/// Cheap deterministic pseudo-random generator (no extra dependency).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn check_invariants(out: &str) {
    assert_eq!(out, out.trim(), "untrimmed: {out:?}");
    assert!(!out.contains("\n\n\n"), "{out:?}");
    assert!(!out.contains("  "), "{out:?}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    for p in out.split("\n\n") {
        assert!(!p.contains('\n'), "{out:?}");
    }
}

#[test]
fn no_panics_on_arbitrary_input() {
    let pieces = [
        "<",
        ">",
        "/",
        " ",
        "p",
        "P",
        "<p>",
        "< / P >",
        "&",
        "&amp;",
        "&lt;",
        "&gt;",
        "&#",
        "&#x",
        "3",
        ";",
        "\n",
        "\n\n",
        "\u{A0}",
        "é",
        "e\u{301}",
        "\u{200B}",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<div class=\"",
        "\"",
        "'",
        "=",
        "<!DOCTYPE html>",
        "<html>",
        "<body>",
        "text",
        "中文",
        "\u{1}",
        "\r",
        "\t",
        "&#0;",
        "&#xD800;",
        "<br/>",
        "<b>",
        "</",
    ];
    let mut rng = Rng(0x9E3779B97F4A7C15);
    for _ in 0..4000 {
        let n = (rng.next() % 24) as usize;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(pieces[(rng.next() % pieces.len() as u64) as usize]);
        }
        check_invariants(&clean_body(&s));
        let _ = page(&s);
        let _ = clean_inline(&s);
        // Every char-boundary slice of it too.
        let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
        if let (Some(&a), Some(&b)) = (bounds.get(1), bounds.get(bounds.len().saturating_sub(2))) {
            if a <= b {
                check_invariants(&clean_body(&s[a..b]));
            }
        }
    }
    // Raw random bytes, decoded lossily.
    for _ in 0..2000 {
        let n = (rng.next() % 64) as usize;
        let bytes: Vec<u8> = (0..n).map(|_| (rng.next() % 256) as u8).collect();
        let s = String::from_utf8_lossy(&bytes);
        check_invariants(&clean_body(&s));
    }
}

#[test]
fn idempotent_on_clean_text() {
    for s in ["a < b and c > d", "one\n\ntwo", "AT&T & co", "x<y"] {
        let once = clean_body(s);
        assert_eq!(clean_body(&once), once);
    }
}

#[test]
fn page_boilerplate_heuristics() {
    let para = |s: &str| {
        format!("<p>{s} is a sentence of the article body, long enough, with commas, and more words.</p>")
    };
    // A wrapper whose class looks like boilerplate ("pageRow", "widget") still yields its
    // article; a share block and a comments block inside the body are dropped; the h1 is
    // the title, subheads after body text stay; an embedded tweet stays.
    let html = format!(
        r#"<html><body><div class="PageBuilder-pageRow widget">
        <div class="article-body"><h1>Title</h1>{}{}<h2>Subhead</h2>{}
        <div class="social-share"><p>Share this on every social network you know, please, now.</p></div>
        <div class="social-media-embed"><p>Embedded tweet text, which gold bodies keep, is here too.</p></div>
        <div id="comments"><p>Reader comment: what a wonderful article, thanks, really, thank you.</p></div>
        <p>Advertisement</p>
        </div></div>
        <div class="sidebar"><p>Most read: something else entirely, elsewhere, with commas, commas, commas.</p></div>
        </body></html>"#,
        para("One"),
        para("Two"),
        para("Three")
    );
    let text = page(&html).text;
    let paras: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(paras.len(), 5, "{text}");
    assert!(paras[0].starts_with("One is"));
    assert_eq!(paras[2], "Subhead");
    assert!(paras[4].starts_with("Embedded tweet"));

    // An article split into sections of the same template is taken whole; a small
    // element with a content-ish class does not win on its name.
    let html = format!(
        r#"<html><body><div class="text">Small print</div>
        <section><div class="post__content">{}{}{}</div></section>
        <aside><p>Aside text that is long enough to be scored, with commas, and so on and so on.</p></aside>
        <section><div class="post__content">{}{}</div></section></body></html>"#,
        para("A"),
        para("B"),
        para("C"),
        para("D"),
        para("E")
    );
    let text = page(&html).text;
    let starts: Vec<char> = text
        .split("\n\n")
        .filter_map(|p| p.chars().next())
        .collect();
    assert_eq!(starts, vec!['A', 'B', 'C', 'D', 'E'], "{text}");

    // Only links: nothing is lost silently.
    let text = page(
        "<html><body><ul><li><a href=x>Link one</a></li></ul><p>Short text.</p></body></html>",
    )
    .text;
    assert_eq!(text, "Short text.");
}

#[test]
fn deeply_nested_page_does_not_overflow() {
    // Run on a small stack like a worker thread's.
    let html = format!(
        "<html><body>{}<p>deep text, deep text, deep text, deep text</p></body></html>",
        "<div><span>".repeat(5_000)
    );
    let t = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || page(&html).text)
        .unwrap();
    assert_eq!(
        t.join().unwrap(),
        "deep text, deep text, deep text, deep text"
    );
}

#[test]
fn tag_soup_without_html_uses_page_path() {
    let menu: String = (0..80)
        .map(|i| format!("<li class=\"menu-item\"><a href=\"/s/{i}\">Section {i}</a></li>"))
        .collect();
    let body = format!(
        "<ul class=\"menu\">{menu}</ul><div class=\"story\"><p>The real story text, with commas, goes here and is long enough.</p><p>And a second paragraph, with more commas, to be sure of it.</p></div>"
    );
    assert_eq!(
        clean_body(&body),
        "The real story text, with commas, goes here and is long enough.\n\nAnd a second paragraph, with more commas, to be sure of it."
    );
}

fn raw(body: &str, kind: crate::article::BodyKind) -> crate::article::RawArticle {
    crate::article::RawArticle {
        id: None,
        url: None,
        title: None,
        published: None,
        body: body.to_string(),
        kind,
        origin: crate::article::Origin {
            file: "t".into(),
            line: Some(3),
        },
        warnings: vec!["a warning".into()],
        meta: Default::default(),
    }
}

const PAGE: &str = r#"<html><head><title>Page &amp; title</title>
<meta property="article:published_time" content="2020-08-20T10:00:00Z">
<meta name="author" content="Jane Doe"></head>
<body><div class="article-body"><p>First paragraph of the article, long enough to count, with commas, and more text.</p>
<p>Second paragraph, also long enough to be scored as content, truly, it is.</p></div></body></html>"#;

#[test]
fn a_record_keeps_its_own_fields_and_a_page_body_fills_the_rest() {
    use crate::article::BodyKind;
    let mut r = raw(PAGE, BodyKind::Record);
    r.title = Some("Record <b>title</b>".into());
    let c = clean_article(r).unwrap();
    assert_eq!(c.title.as_deref(), Some("Record title"));
    assert_eq!(c.published.as_deref(), Some("2020-08-20"));
    assert_eq!(c.meta.author.as_deref(), Some("Jane Doe"));
    assert_eq!(c.text, page(PAGE).text);
    assert_eq!(c.warnings, ["a warning"]);
    let mut r = raw(PAGE, BodyKind::Record);
    r.published = Some("1987-02-26".into());
    r.title = Some("   ".into());
    let c = clean_article(r).unwrap();
    assert_eq!(c.title.as_deref(), Some("Page & title"));
    assert_eq!(c.published.as_deref(), Some("1987-02-26"));
}

#[test]
fn a_page_comes_before_the_readers_fields() {
    use crate::article::BodyKind;
    // A WARC response: the crawl date is only a fallback for the page's own date.
    let mut r = raw(PAGE, BodyKind::Page);
    r.published = Some("2021-03-04T05:06:07Z".into());
    r.url = Some("http://example.com/a".into());
    let c = clean_article(r).unwrap();
    assert_eq!(c.published.as_deref(), Some("2020-08-20"));
    assert_eq!(c.title.as_deref(), Some("Page & title"));
    assert_eq!(c.url.as_deref(), Some("http://example.com/a"));
    let undated = PAGE.replace("article:published_time", "x");
    let mut r = raw(&undated, BodyKind::Page);
    r.published = Some("2021-03-04T05:06:07Z".into());
    let c = clean_article(r).unwrap();
    assert_eq!(c.published.as_deref(), Some("2021-03-04T05:06:07Z"));
}

#[test]
fn an_html_file_is_read_as_a_page_even_when_it_is_a_fragment() {
    use crate::article::BodyKind;
    // No <html>: as a dump record's body this is a fragment, whose menu stays.
    let frag = "<div class=\"menu\">Home World Business</div>\
                <div class=\"story\"><p>The real story text, with commas, goes here and is long enough.</p>\
                <p>And a second paragraph, with more commas, to be sure of it.</p></div>";
    let as_page = clean_article(raw(frag, BodyKind::Page)).unwrap();
    let as_record = clean_article(raw(frag, BodyKind::Record)).unwrap();
    assert_eq!(as_page.text, page(frag).text);
    assert_eq!(as_record.text, clean_body(frag));
    assert!(!as_page.text.contains("Home World"), "{}", as_page.text);
    assert!(as_record.text.contains("Home World"), "{}", as_record.text);
}

#[test]
fn a_page_without_text_is_a_reject_and_a_record_is_not() {
    use crate::article::BodyKind;
    let empty = "<html><head><title>Nothing</title></head><body><div></div></body></html>";
    let r = clean_article(raw(empty, BodyKind::Page)).unwrap_err();
    assert_eq!((r.file.as_str(), r.line), ("t", Some(3)));
    assert_eq!(r.reason, "no text in page");
    // A record's empty text is rejected later, by extraction, after the learner saw it.
    let c = clean_article(raw(empty, BodyKind::Record)).unwrap();
    assert_eq!(c.text, "");
}
