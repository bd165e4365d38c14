//! The clean stage through the real binary: per-run boilerplate learned from a dump,
//! notice paragraphs at article edges, page metadata in the output JSON.

use crate::util::*;

use std::io::Write;

fn write_dump(dir: &std::path::Path, name: &str, lines: &[serde_json::Value]) -> String {
    let path = dir.join(name);
    let mut f = std::fs::File::create(&path).unwrap();
    for l in lines {
        writeln!(f, "{l}").unwrap();
    }
    path.display().to_string()
}

const STORIES: &[&str] = &[
    "Alpha Corp said on Monday its quarterly profit rose 12% to $3.1 billion. Chief executive Jane Roe said demand in Asia was strong.",
    "Beta Bank will cut 400 jobs in London, a spokeswoman said on Tuesday. The bank is closing two offices.",
    "Gamma Motors recalled 2,000 cars over a brake fault, the regulator said. No injuries were reported.",
    "Delta Airlines added four routes to Asia from next spring. Tickets go on sale in January.",
    "Epsilon Foods bought a bakery chain in Ohio for $45 million, the company said.",
];
const FOOTER: &str =
    "Get the Daily Ledger briefing every morning, free of charge, straight to your inbox.";

#[test]
fn footer_shared_by_one_sites_articles_is_learned_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = Vec::new();
    for (i, s) in STORIES.iter().enumerate() {
        // Footer as its own paragraph in some articles, glued to the last one in others.
        let body = if i % 2 == 0 {
            format!("<p>{s}</p><p>Second paragraph {i}: more reporting.</p><p>{FOOTER}</p>")
        } else {
            format!("<p>{s}</p><p>Second paragraph {i}: more reporting. {FOOTER}</p>")
        };
        lines.push(serde_json::json!({
            "id": format!("a{i}"),
            "url": format!("https://www.dailyledger.example/news/{i}"),
            "html": body,
        }));
    }
    // The same footer on another site, once: not that site's boilerplate.
    lines.push(serde_json::json!({
        "id": "other",
        "url": "https://other.example/x",
        "html": format!("<p>Zeta Mining found copper in Chile.</p><p>{FOOTER}</p>"),
    }));
    let dump = write_dump(dir.path(), "dump.jsonl", &lines);
    for cmd in ["extract"] {
        let o = run(&[cmd, &dump, "-q"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let arts = json_lines(&stdout(&o));
        assert_eq!(arts.len(), STORIES.len() + 1);
        for (a, s) in arts.iter().zip(STORIES) {
            let text = a["text"].as_str().unwrap();
            assert!(!text.contains("Daily Ledger briefing"), "{text}");
            assert!(text.starts_with(s), "{text}");
            assert!(text.contains("more reporting."), "{text}");
            // Offsets refer to the final text.
            for m in a["mentions"].as_array().unwrap() {
                let (st, en) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
                let got: String = text
                    .chars()
                    .skip(st as usize)
                    .take((en - st) as usize)
                    .collect();
                assert_eq!(got, m["text"].as_str().unwrap());
            }
        }
        let other = arts.last().unwrap()["text"].as_str().unwrap();
        assert!(other.contains("Daily Ledger briefing"), "{other}");
    }
    // ingest cleans the same way: the footer is not searchable.
    let index = dir.path().join("idx").display().to_string();
    let o = run(&["ingest", &dump, "--index", &index, "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["search", "briefing inbox", "--index", &index, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["total"], 1, "{v}");
}

#[test]
fn edge_notices_dropped_story_kept() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Xunlei reported a net loss of 53.169 million yuan. < / P > < p > Revenue fell 21.9%. < p > < p > Disclaimer: this article is reprinted for information only and does not constitute investment advice. < p > < p > Example Net is a national key news website that releases information 24 hours a day.";
    let dump = write_dump(
        dir.path(),
        "one.jsonl",
        &[serde_json::json!({"id": "x", "html": body})],
    );
    let o = run(&["extract", &dump, "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let a = &json_lines(&stdout(&o))[0];
    assert_eq!(
        a["text"],
        "Xunlei reported a net loss of 53.169 million yuan.\n\nRevenue fell 21.9%."
    );
}

#[test]
fn page_metadata_fills_missing_fields() {
    let dir = tempfile::tempdir().unwrap();
    let page = r#"<!doctype html><html><head><title>Port strike ends | Harbour Times</title>
    <meta property="og:site_name" content="Harbour Times">
    <meta name="author" content="By Ann Lee">
    <link rel="canonical" href="https://harbourtimes.example/port-strike-ends">
    <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-03-04T05:06:07Z"}</script>
    </head><body><nav><a href="/">Home</a></nav><article>
    <h1>Port strike ends</h1>
    <p>Dock workers at the city's port returned to work on Thursday after a ten-day strike, the union said.</p>
    <p>The agreement raises wages by 4% a year for three years, according to a statement.</p>
    </article><footer>© 2021 Harbour Times. All rights reserved.</footer></body></html>"#;
    let dump = write_dump(
        dir.path(),
        "pages.jsonl",
        &[
            serde_json::json!({"id": "p1", "html": page}),
            serde_json::json!({"id": "p2", "title": "Own title", "published": "2020-01-01", "html": page}),
            serde_json::json!({"id": "p3", "html": "<p>A fragment, no metadata at all here.</p>"}),
        ],
    );
    let o = run(&["extract", &dump, "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let arts = json_lines(&stdout(&o));
    let a = &arts[0];
    assert_eq!(a["title"], "Port strike ends");
    assert_eq!(a["published"], "2021-03-04");
    assert_eq!(a["author"], "Ann Lee");
    assert_eq!(a["site_name"], "Harbour Times");
    assert_eq!(
        a["canonical_url"],
        "https://harbourtimes.example/port-strike-ends"
    );
    assert!(a["text"].as_str().unwrap().starts_with("Dock workers"));
    // The record's own fields win.
    assert_eq!(arts[1]["title"], "Own title");
    assert_eq!(arts[1]["published"], "2020-01-01");
    // Absent metadata is absent, not null.
    let p3 = arts[2].as_object().unwrap();
    for k in ["author", "site_name", "canonical_url"] {
        assert!(!p3.contains_key(k), "{k} in {p3:?}");
    }
}
