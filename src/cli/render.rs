//! Search results as text for a person at a terminal: hits with title, date, url, id, a
//! snippet with the query words marked, the main entities, then the facet counts. In
//! colour when asked ([`super::args::Color`]); `--json` output is not made here.

use super::safe::text;
use newsfacts::index::search::Response;
use std::io::Write;

const BOLD: &str = "\x1b[1m";
const HIT: &str = "\x1b[1;31m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Write `r` as text.
pub fn response(out: &mut dyn Write, r: &Response, color: bool) -> std::io::Result<()> {
    let paint = |style: &str, s: &str| {
        if color {
            format!("{style}{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    let (plural, verb) = if r.total == 1 {
        ("", "matches")
    } else {
        ("s", "match")
    };
    writeln!(out, "{} article{plural} {verb} {:?}", r.total, r.query)?;
    for (i, h) in r.hits.iter().enumerate() {
        writeln!(out)?;
        let title = text(h.title.as_deref().unwrap_or("(no title)"));
        writeln!(
            out,
            "{}. {}  {}",
            i + 1,
            paint(BOLD, &title),
            paint(DIM, &format!("[{:.2}]", h.score))
        )?;
        let meta: Vec<std::borrow::Cow<str>> = [
            h.published.as_deref(),
            h.url.as_deref(),
            Some(h.id.as_str()),
        ]
        .into_iter()
        .flatten()
        .map(text)
        .collect();
        writeln!(out, "   {}", paint(DIM, &meta.join("  ")))?;
        writeln!(out, "   {}", highlight(&h.snippet, &h.highlights, color))?;
        if !h.entities.is_empty() {
            let names: Vec<String> = h
                .entities
                .iter()
                .map(|e| format!("{} ({})", text(&e.name), e.kind.as_str()))
                .collect();
            writeln!(out, "   {}", paint(DIM, &names.join(", ")))?;
        }
    }
    if r.total > 0 {
        writeln!(out)?;
        writeln!(out, "{}", paint(BOLD, "facets"))?;
        for root in newsfacts::index::schema::FACET_ROOTS {
            let Some(counts) = r.facets.get(*root) else {
                continue;
            };
            if counts.is_empty() {
                continue;
            }
            let vals: Vec<String> = counts
                .iter()
                .map(|c| format!("{} ({})", text(&c.name), c.count))
                .collect();
            writeln!(out, "  {root:9} {}", vals.join(", "))?;
        }
    }
    Ok(())
}

/// Mark the highlighted code-point ranges of a snippet: colour on a terminal, plain
/// otherwise.
fn highlight(snippet: &str, ranges: &[[usize; 2]], color: bool) -> String {
    if !color || ranges.is_empty() {
        return text(snippet).into_owned();
    }
    let safe = |cs: &[char]| text(&cs.iter().collect::<String>()).into_owned();
    let chars: Vec<char> = snippet.chars().collect();
    let mut s = String::with_capacity(snippet.len() + ranges.len() * 12);
    let mut at = 0;
    for &[a, b] in ranges {
        if a < at || b > chars.len() {
            continue;
        }
        s.push_str(&safe(&chars[at..a]));
        s.push_str(HIT);
        s.push_str(&safe(&chars[a..b]));
        s.push_str(RESET);
        at = b;
    }
    s.push_str(&safe(&chars[at..]));
    s
}
