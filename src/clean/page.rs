//! Whole HTML pages: the title and the main article text with boilerplate removed (a
//! readability-like scorer over block elements); the publication date and the other
//! metadata come from [`super::meta`].

use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

use super::normalize::{tidy, BREAK};
use super::text::{clean_block, clean_fragment, one_line};
use crate::article::PageMeta;

/// What a full HTML page yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub title: Option<String>,
    /// `YYYY-MM-DD` from common meta tags when present.
    pub published: Option<String>,
    /// Author, site name, canonical URL when the page states them.
    pub meta: PageMeta,
    /// The clean main text (paragraphs separated by blank lines).
    pub text: String,
}

/// Parse a page and extract title, date and main text.
pub(crate) fn parse_page(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let ld = super::meta::json_ld(&doc);
    let meta = super::meta::page_meta(&doc, &ld);
    let mut text = main_text(&doc);
    if let Some(body) = &ld.body {
        // JSON-LD `articleBody` is the publisher's own statement of the story, but often
        // cut to a teaser (500 characters) or wrapped in markup. Trust it over the scorer
        // only when the scorer found much less text than a full-length articleBody holds.
        let ld_text = clean_fragment(body);
        let (n_ld, n_ours) = (ld_text.chars().count(), text.chars().count());
        if n_ld >= 600 && n_ours * 2 < n_ld {
            text = ld_text;
        }
    }
    Page {
        title: title(&doc).or(ld.headline),
        published: super::meta::published(&doc).or(ld.date_published),
        meta,
        text,
    }
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

static OG_TITLE: LazyLock<Selector> = LazyLock::new(|| {
    sel("meta[property='og:title'], meta[name='og:title'], meta[name='twitter:title']")
});
static SITE_NAME: LazyLock<Selector> = LazyLock::new(|| sel("meta[property='og:site_name']"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));

fn title(doc: &Html) -> Option<String> {
    for e in doc.select(&OG_TITLE) {
        if let Some(t) = e.value().attr("content").and_then(one_line) {
            // "Headline – TechCrunch": drop the site name when the page names it.
            let site = doc
                .select(&SITE_NAME)
                .find_map(|e| e.value().attr("content").and_then(one_line));
            if let Some(site) = site {
                for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
                    if let Some(head) = t.strip_suffix(&format!("{sep}{site}")) {
                        if !head.trim().is_empty() {
                            return Some(head.trim().to_string());
                        }
                    }
                }
            }
            return Some(t);
        }
    }
    let h1 = doc
        .select(&H1)
        .find_map(|e| one_line(&e.text().collect::<String>()));
    let title = doc
        .select(&TITLE)
        .find_map(|e| one_line(&e.text().collect::<String>()));
    match (title, h1) {
        (Some(t), Some(h)) if t.starts_with(&h) => Some(h),
        (Some(t), _) => Some(strip_site_name(t)),
        (None, h) => h,
    }
}

/// "Headline | Site Name" → "Headline" (also " - ", " – ", " — ", " :: ").
fn strip_site_name(t: String) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if tail.chars().count() <= 30 && head.chars().count() >= 15 {
                return head.to_string();
            }
        }
    }
    t
}

// ---------------------------------------------------------------------------------------
// Main text.

static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)-ad-|^ad-|\bads?\b|advert|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|foot|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|agegate|pagination|pager(?:$|[\s_-])|popup|share|sharing|cookie|newsletter|subscri|promo|signup|sign-up|modal|navbar|\bnav\b|masthead|recommend|outbrain|taboola|trending|most-?popular|tags|toolbar|paywall|hidden|print-only|visually-hidden|sr-only|byline|author|timestamp|caption",
    )
    .expect("regex")
});
static MAYBE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)and|article|body|column|content|main|shadow|story|entry|post-?text|text|embed|tweet",
    )
    .expect("regex")
});
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)article|body|content|entry|hentry|h-entry|main|pagination|post|text|blog|story|paragraph|prose").expect("regex")
});
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)-ad-|hidden|^hid$|\bhid\b|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|recommend|newsletter|subscri|caption|byline|author").expect("regex")
});

/// `NEWSFACTS_CLEAN_DEBUG=1` prints skipped subtrees and candidate scores to stderr.
static DEBUG: LazyLock<bool> =
    LazyLock::new(|| std::env::var_os("NEWSFACTS_CLEAN_DEBUG").is_some());

#[derive(Default)]
struct NodeInfo {
    /// Hash of tag name + class attribute: repeated template sections share it.
    shape: u64,
    unlikely: bool,
    /// 1..=6 for h1..h6.
    level: u8,
    /// `tag.class#id`, only filled when debugging.
    label: String,
    parent: Option<usize>,
    children: Vec<usize>,
    tag: TagClass,
    weight: f32,
    score: f32,
    scored: bool,
    chars: usize,
    link_chars: usize,
}

#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum TagClass {
    #[default]
    Other,
    /// Paragraph-like: text owners that are never candidates themselves.
    Para,
    /// Containers that can be the article root.
    Container,
    Heading,
}

struct Block {
    owner: usize,
    text: String,
    chars: usize,
    link_chars: usize,
    /// Heading level (1..=6), 0 for body text.
    heading: u8,
    /// Inside an element whose class/id looks like boilerplate.
    unlikely: bool,
}

struct Walker {
    /// Depth of unlikely-looking (by class/id) ancestors of the current position.
    unlikely: usize,
    nodes: Vec<NodeInfo>,
    blocks: Vec<Block>,
    stack: Vec<usize>,
    cur: String,
    cur_link: usize,
    in_link: usize,
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "caption"
            | "blockquote"
            | "section"
            | "article"
            | "main"
            | "figure"
            | "figcaption"
            | "pre"
            | "hr"
            | "address"
            | "center"
            | "details"
            | "summary"
            | "form"
            | "fieldset"
            | "body"
            | "html"
            | "hgroup"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "dialog"
            | "legend"
    )
}

fn tag_class(name: &str) -> TagClass {
    match name {
        "p" | "pre" | "li" | "dd" | "dt" | "span" | "font" | "b" | "strong" | "em" | "i" | "a"
        | "u" | "code" | "small" | "big" | "sup" | "sub" | "q" | "cite" | "blockquote" => {
            TagClass::Para
        }
        "div" | "article" | "section" | "main" | "td" | "body" | "form" => TagClass::Container,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => TagClass::Heading,
        _ => TagClass::Other,
    }
}

fn always_skip(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "button"
            | "select"
            | "input"
            | "textarea"
            | "nav"
            | "footer"
            | "aside"
            | "header"
            | "head"
            | "figure"
            | "figcaption"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "canvas"
            | "map"
            | "dialog"
            | "menu"
            | "label"
            | "option"
            | "time"
    )
}

fn class_id(e: &scraper::node::Element) -> String {
    let mut s = String::new();
    if let Some(c) = e.attr("class") {
        s.push_str(c);
    }
    if let Some(i) = e.id() {
        s.push(' ');
        s.push_str(i);
    }
    s
}

fn is_hidden(e: &scraper::node::Element) -> bool {
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(st) = e.attr("style") {
        let st = st.to_ascii_lowercase().replace(' ', "");
        if st.contains("display:none") || st.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

impl Walker {
    fn flush(&mut self) {
        if self.cur.trim().is_empty() {
            self.cur.clear();
            self.cur_link = 0;
            return;
        }
        let text = clean_block(&self.cur);
        self.cur.clear();
        let link_chars = std::mem::take(&mut self.cur_link);
        if text.is_empty() {
            return;
        }
        let owner = *self.stack.last().expect("stack");
        let chars = text.chars().count();
        let heading = self.nodes[owner].level;
        self.blocks.push(Block {
            owner,
            text,
            chars,
            link_chars: link_chars.min(chars),
            heading,
            unlikely: self.unlikely > 0,
        });
    }

    /// Open an element; `false` when its subtree is skipped (nothing to close).
    fn enter(&mut self, el: ElementRef) -> bool {
        let e = el.value();
        let name = e.name();
        if always_skip(name) || is_hidden(e) {
            if *DEBUG && !matches!(name, "script" | "style" | "head") {
                let t: String = el.text().collect();
                eprintln!("skip {name} {:?} {}", class_id(e), t.trim().len());
            }
            if is_block(name) || matches!(name, "script" | "style" | "time") {
                self.flush();
            }
            return false;
        }
        let ci = class_id(e);
        let protected = matches!(name, "body" | "html" | "article" | "main" | "a");
        // Boilerplate-looking class/id: walked (the class may lie), but discounted when
        // scoring and dropped from the output unless it wraps the chosen article root.
        let unlikely =
            !protected && !ci.is_empty() && UNLIKELY.is_match(&ci) && !MAYBE.is_match(&ci);
        if unlikely && *DEBUG {
            let t: String = el.text().collect();
            eprintln!("unlikely {name} {ci:?} {}", t.trim().len());
        }
        if e.attr("role").is_some_and(|r| {
            matches!(
                r,
                "navigation"
                    | "banner"
                    | "complementary"
                    | "contentinfo"
                    | "menu"
                    | "dialog"
                    | "alert"
            )
        }) {
            self.flush();
            return false;
        }
        let block = is_block(name);
        if block {
            self.flush();
        }
        let idx = self.nodes.len();
        let mut weight = 0.0;
        if !ci.is_empty() {
            if POSITIVE.is_match(&ci) {
                weight += 25.0;
            }
            if NEGATIVE.is_match(&ci) {
                weight -= 25.0;
            }
        }
        weight += match name {
            "div" => 5.0,
            "article" => 10.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        let parent = self.stack.last().copied();
        let level = match name.as_bytes() {
            [b'h', d @ b'1'..=b'6'] => d - b'0',
            _ => 0,
        };
        let shape = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            name.hash(&mut h);
            e.attr("class").unwrap_or("").hash(&mut h);
            h.finish()
        };
        self.nodes.push(NodeInfo {
            shape,
            level,
            unlikely,
            label: if *DEBUG {
                format!("{name}.{ci}")
            } else {
                String::new()
            },
            parent,
            tag: tag_class(name),
            weight,
            ..NodeInfo::default()
        });
        if let Some(p) = parent {
            self.nodes[p].children.push(idx);
        }
        self.stack.push(idx);
        if unlikely {
            self.unlikely += 1;
        }
        let link = name == "a";
        if link {
            self.in_link += 1;
        }
        if name == "br" {
            // Paragraph break, owned by the enclosing element.
            self.stack.pop();
            self.flush();
            self.stack.push(idx);
        }
        true
    }

    /// Close an element opened by [`Walker::enter`].
    fn leave(&mut self, el: ElementRef) {
        let name = el.value().name();
        if name == "a" {
            self.in_link -= 1;
        }
        if is_block(name) {
            self.flush();
        }
        let idx = self.stack.pop().expect("stack");
        if self.nodes[idx].unlikely {
            self.unlikely -= 1;
        }
    }

    fn text(&mut self, t: &str) {
        self.cur.push_str(t);
        if self.in_link > 0 {
            self.cur_link += t.chars().filter(|c| !c.is_whitespace()).count();
        }
    }

    /// Depth-first walk without recursion: broken pages nest thousands of levels deep.
    fn walk(&mut self, root: ElementRef) {
        // A macro, not a method: ego_tree's NodeRef type is not nameable from here.
        macro_rules! visit {
            ($n:expr) => {{
                let n = $n;
                match n.value() {
                    Node::Text(t) => {
                        self.text(t);
                        false
                    }
                    Node::Element(_) => match ElementRef::wrap(n) {
                        Some(el) => self.enter(el),
                        None => false,
                    },
                    _ => false,
                }
            }};
        }
        let root_id = root.id();
        let mut node = *root;
        let mut open = self.enter(root);
        loop {
            if open {
                if let Some(c) = node.first_child() {
                    node = c;
                    open = visit!(c);
                    continue;
                }
            }
            // Done with `node`: close it, then go to its next sibling or up.
            let mut entered = open;
            loop {
                if entered {
                    if let Some(el) = ElementRef::wrap(node) {
                        self.leave(el);
                    }
                }
                if node.id() == root_id {
                    return;
                }
                if let Some(s) = node.next_sibling() {
                    node = s;
                    open = visit!(s);
                    break;
                }
                match node.parent() {
                    Some(p) => node = p,
                    None => return,
                }
                entered = true;
            }
        }
    }
}

fn main_text(doc: &Html) -> String {
    let root = doc.root_element();
    let mut w = Walker {
        nodes: Vec::new(),
        blocks: Vec::new(),
        stack: Vec::new(),
        cur: String::new(),
        cur_link: 0,
        in_link: 0,
        unlikely: 0,
    };
    // A virtual root so every block has an owner.
    w.nodes.push(NodeInfo::default());
    w.stack.push(0);
    w.walk(root);
    w.flush();
    select_text(&mut w.nodes, &w.blocks)
}

/// Drop subheads too (gold article bodies keep them).
const DROP_HEADINGS: bool = false;

/// Whole blocks that are boilerplate wherever they appear.
static BOILER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:advert(?:isement)?|ad|sponsored(?: content)?|story continues below(?: advertisement)?|continue reading(?: below| the main story)?|this slideshow requires javascript\.?|\d* ?comments?|share(?: this)?(?: article| story| on \w+)?|read more|related(?: articles| stories| content)?|tell us what you think\.*|skip (?:to )?(?:main )?(?:content|ad(?:vertisement)?)|loading\.*|image|photo|video)[.:!]?$")
        .expect("regex")
});

/// Whether `a` and `b` are the same node or one contains the other.
fn related(nodes: &[NodeInfo], a: usize, b: usize) -> bool {
    let is_anc = |x: usize, y: usize| {
        let mut n = Some(y);
        while let Some(i) = n {
            if i == x {
                return true;
            }
            n = nodes[i].parent;
        }
        false
    };
    is_anc(a, b) || is_anc(b, a)
}

fn commas(s: &str) -> usize {
    s.chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
        .count()
}

fn select_text(nodes: &mut [NodeInfo], blocks: &[Block]) -> String {
    if blocks.is_empty() {
        return String::new();
    }
    // Totals for link density.
    for b in blocks {
        let mut n = Some(b.owner);
        while let Some(i) = n {
            nodes[i].chars += b.chars;
            nodes[i].link_chars += b.link_chars;
            n = nodes[i].parent;
        }
    }
    // Readability-like scores.
    for b in blocks {
        if b.chars < 25 || b.heading > 0 {
            continue;
        }
        let plain = b.chars.saturating_sub(b.link_chars);
        if plain * 2 < b.chars {
            continue;
        }
        let mut s = 1.0 + commas(&b.text) as f32 + (b.chars as f32 / 100.0).min(3.0);
        if b.unlikely {
            s *= 0.25;
        }
        // Skip paragraph-like owners, then container levels get 1, 1/2, 1/6, 1/9...
        let mut n = Some(b.owner);
        while let Some(i) = n {
            if nodes[i].tag != TagClass::Para {
                break;
            }
            n = nodes[i].parent;
        }
        let mut level = 0;
        while let Some(i) = n {
            if level > 5 {
                break;
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            if !nodes[i].scored {
                nodes[i].scored = true;
            }
            nodes[i].score += s / div;
            n = nodes[i].parent;
            level += 1;
        }
    }
    let final_score = |n: &NodeInfo| -> f32 {
        if !n.scored || n.chars == 0 {
            return f32::MIN;
        }
        let ld = n.link_chars as f32 / n.chars as f32;
        // Class/tag hints count fully only for nodes holding a real amount of text, so a
        // tiny `div.text` cannot beat the article body on its name alone.
        let w = n.weight * (n.chars as f32 / 1000.0).min(1.0);
        (n.score + w) * (1.0 - ld)
    };
    let mut top = None;
    let mut best = f32::MIN;
    for (i, n) in nodes.iter().enumerate() {
        if i == 0 || !n.scored {
            continue;
        }
        let f = final_score(n);
        if f > best {
            best = f;
            top = Some(i);
        }
    }
    if *DEBUG {
        let mut c: Vec<(f32, usize)> = (1..nodes.len())
            .filter(|&i| nodes[i].scored)
            .map(|i| (final_score(&nodes[i]), i))
            .collect();
        c.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (f, i) in c.iter().take(8) {
            let n = &nodes[*i];
            eprintln!(
                "cand {f:.1} raw={:.1} w={} chars={} links={} {}",
                n.score, n.weight, n.chars, n.link_chars, n.label
            );
        }
    }
    let mut include = vec![false; nodes.len()];
    match top {
        None => include[0] = true,
        Some(t) => {
            include[t] = true;
            // Articles split into several sections of the same template (same tag and
            // class) elsewhere in the page: take each of them too.
            if nodes[t].weight > 0.0 {
                let shape = nodes[t].shape;
                for i in 1..nodes.len() {
                    if i != t
                        && nodes[i].shape == shape
                        && nodes[i].scored
                        && final_score(&nodes[i]) >= (best * 0.1).max(5.0)
                        && !related(nodes, i, t)
                    {
                        include[i] = true;
                    }
                }
            }
            if let Some(p) = nodes[t].parent {
                let threshold = (best * 0.2).max(10.0);
                for &s in &nodes[p].children {
                    if s == t {
                        continue;
                    }
                    let n = &nodes[s];
                    let ld = if n.chars > 0 {
                        n.link_chars as f32 / n.chars as f32
                    } else {
                        1.0
                    };
                    let bonus = if nodes[t].weight > 0.0 && n.weight >= nodes[t].weight {
                        best * 0.2
                    } else {
                        0.0
                    };
                    let good = n.scored && final_score(n) + bonus >= threshold;
                    let para = n.tag == TagClass::Para && ld < 0.25 && n.chars > 80;
                    if good || para {
                        include[s] = true;
                    }
                }
            }
        }
    }
    let mut out = String::new();
    for b in blocks {
        let mut n = Some(b.owner);
        let mut inside = false;
        let mut boiler = false;
        while let Some(i) = n {
            if include[i] {
                inside = true;
                break;
            }
            boiler |= nodes[i].unlikely;
            n = nodes[i].parent;
        }
        if !inside || boiler {
            continue;
        }
        if b.link_chars * 2 > b.chars || (b.chars < 60 && BOILER_LINE.is_match(&b.text)) {
            continue;
        }
        // The h1 is the title (reported separately); subheads count once body text began.
        if b.heading == 1 || (b.heading > 0 && (DROP_HEADINGS || out.is_empty())) {
            continue;
        }
        if !out.is_empty() {
            out.push(BREAK);
        }
        out.push_str(&b.text);
    }
    if out.is_empty() {
        // Nothing survived selection (e.g. a link-heavy index page): rather than lose the
        // page's text, keep every block that is not mostly links or boilerplate.
        for b in blocks {
            let boiler = {
                let mut n = Some(b.owner);
                let mut u = false;
                while let Some(i) = n {
                    u |= nodes[i].unlikely;
                    n = nodes[i].parent;
                }
                u
            };
            if b.link_chars * 2 <= b.chars && !boiler && b.heading != 1 {
                if !out.is_empty() {
                    out.push(BREAK);
                }
                out.push_str(&b.text);
            }
        }
    }
    tidy(&out, true, false)
}
