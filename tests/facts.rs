//! Facts through the real binary: `facts` (table, --json, --csv), `search --metric /
//! --subject` and the metric facet, on an index written by the library with facts made
//! by hand (so these tests do not depend on how well the fact extractor does).

use newsfacts::article::{
    Article, Change, Entity, Fact, MentionType, Share, ARTICLE_SCHEMA_VERSION,
};
use serde_json::Value;

use crate::util::*;

/// A fact of `text`: the clause is the whole text, the metric and value spans are where
/// `metric_text` and `value_text` first occur.
#[allow(clippy::too_many_arguments)]
fn fact(
    text: &str,
    metric: &str,
    metric_text: &str,
    subject: Option<&str>,
    period: Option<&str>,
    value: Option<(f64, &str)>,
    unit: &str,
) -> Fact {
    let cp = |needle: &str| {
        let b = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in {text:?}"));
        let s = text[..b].chars().count();
        (s, s + needle.chars().count())
    };
    let (ms, me) = cp(metric_text);
    let v = value.map(|(_, t)| cp(t));
    Fact {
        metric: metric.into(),
        metric_text: metric_text.into(),
        subject: subject.map(str::to_string),
        period: period.map(str::to_string),
        value: value.map(|(v, _)| v),
        unit: Some(unit.into()),
        approx: None,
        change: None,
        share: None,
        start: 0,
        end: text.chars().count(),
        value_start: v.map(|v| v.0),
        value_end: v.map(|v| v.1),
        metric_start: ms,
        metric_end: me,
    }
}

fn article(id: &str, title: &str, published: &str, text: &str, facts: Vec<Fact>) -> Article {
    let mut orgs: Vec<String> = facts.iter().filter_map(|f| f.subject.clone()).collect();
    orgs.sort();
    orgs.dedup();
    Article {
        schema_version: ARTICLE_SCHEMA_VERSION,
        id: id.into(),
        url: Some(format!("https://example.com/{id}")),
        title: Some(title.into()),
        published: Some(published.into()),
        lang: Some("en".into()),
        meta: Default::default(),
        text: text.into(),
        mentions: Vec::new(),
        entities: orgs
            .into_iter()
            .map(|name| Entity {
                kind: MentionType::Org,
                name,
                count: 1,
            })
            .collect(),
        facts,
        copies: Vec::new(),
    }
}

const XUNLEI: &str = "Xunlei's total revenue in 2019 was about 181 million US dollars, a year-on-year decrease of 21.9%; the net loss was 53.169 million US dollars, compared with a net loss of $39.278 million in 2018. Cloud computing revenue was 97.3 million dollars, accounting for 53.8% of total revenue.";
const ZURICH: &str = "Zürich Versicherung said revenue in the second quarter of 2020 was 1,234.5 million Swiss francs.";
const PLAIN: &str = "The weather in the park was fine on Sunday, and nobody reported any figure.";

fn articles() -> Vec<Article> {
    let mut revenue = fact(
        XUNLEI,
        "revenue",
        "total revenue",
        Some("Xunlei"),
        Some("2019"),
        Some((181e6, "181 million US dollars")),
        "USD",
    );
    revenue.approx = Some(true);
    let p = XUNLEI.find("21.9%").unwrap();
    revenue.change = Some(Change {
        value: -21.9,
        unit: Some("%".into()),
        basis: Some("yoy".into()),
        start: p,
        end: p + 5,
    });
    let mut cloud = fact(
        XUNLEI,
        "revenue",
        "Cloud computing revenue",
        Some("Xunlei"),
        Some("2019"),
        Some((97.3e6, "97.3 million dollars")),
        "USD",
    );
    cloud.share = Some(Share {
        value: 53.8,
        of: Some("revenue".into()),
    });
    vec![
        article(
            "xunlei-2020",
            "Xunlei: revenue, losses and \"cloud\", 2019",
            "2020-08-20",
            XUNLEI,
            vec![
                revenue,
                fact(
                    XUNLEI,
                    "net_income",
                    "net loss",
                    Some("Xunlei"),
                    Some("2019"),
                    Some((-53.169e6, "53.169 million US dollars")),
                    "USD",
                ),
                fact(
                    XUNLEI,
                    "net_income",
                    "net loss",
                    Some("Xunlei"),
                    Some("2018"),
                    Some((-39.278e6, "$39.278 million")),
                    "USD",
                ),
                cloud,
            ],
        ),
        article(
            "zurich-2020-q2",
            "Zürich Versicherung results",
            "2020-08-01",
            ZURICH,
            vec![fact(
                ZURICH,
                "revenue",
                "revenue",
                Some("Zürich Versicherung"),
                Some("2020-Q2"),
                Some((1_234_500_000.0, "1,234.5 million Swiss francs")),
                "CHF",
            )],
        ),
        article(
            "plain-weather",
            "Fine weather",
            "2020-06-07",
            PLAIN,
            Vec::new(),
        ),
    ]
}

/// An index holding [`articles`], written through the library.
fn fact_index() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("idx");
    let index = newsfacts::index::NewsIndex::open_or_create(&path).unwrap();
    let mut w = newsfacts::index::writer::Writer::new(&index, 100).unwrap();
    for a in articles() {
        w.add(&a).unwrap();
    }
    w.finish().unwrap();
    (dir, path.display().to_string())
}

/// Parse CSV as RFC 4180 says (quoted fields, doubled quotes, CRLF records); panics on
/// anything else, so a test sees a malformed file.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => panic!("a quote inside an unquoted field: {s:?}"),
            ',' => {
                row.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            '\n' => panic!("a bare LF ends a record: {s:?}"),
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && row.is_empty(),
        "the last record has no CRLF"
    );
    rows
}

#[test]
fn facts_lists_one_row_per_fact_sorted() {
    let (_dir, index) = fact_index();
    let o = run(&["facts", "--index", &index, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = json_lines(&stdout(&o));
    let key: Vec<(String, String, String, Value)> = rows
        .iter()
        .map(|r| {
            (
                r["subject"].as_str().unwrap().to_string(),
                r["metric"].as_str().unwrap().to_string(),
                r["period"].as_str().unwrap().to_string(),
                r["value"].clone(),
            )
        })
        .collect();
    let v = |s: &str, m: &str, p: &str, x: Value| (s.to_string(), m.to_string(), p.to_string(), x);
    assert_eq!(
        key,
        [
            v("Xunlei", "net_income", "2018", (-39278000).into()),
            v("Xunlei", "net_income", "2019", (-53169000).into()),
            v("Xunlei", "revenue", "2019", 181000000.into()),
            v("Xunlei", "revenue", "2019", 97300000.into()),
            v(
                "Zürich Versicherung",
                "revenue",
                "2020-Q2",
                1234500000.into()
            ),
        ]
    );
    let first = &rows[2];
    assert_eq!(first["article_id"], "xunlei-2020");
    assert_eq!(first["published"], "2020-08-20");
    assert_eq!(first["metric_text"], "total revenue");
    assert_eq!(first["change"]["basis"], "yoy");
    assert_eq!(first["approx"], true);
    assert_eq!(rows[3]["share"]["value"], 53.8);
    // the offsets still slice the article's text
    let s = first["value_start"].as_u64().unwrap() as usize;
    let e = first["value_end"].as_u64().unwrap() as usize;
    let got: String = XUNLEI.chars().skip(s).take(e - s).collect();
    assert_eq!(got, "181 million US dollars");
}

#[test]
fn facts_filters_by_metric_subject_period_and_query() {
    let (_dir, index) = fact_index();
    let count = |args: &[&str]| {
        let mut all = vec!["facts", "--index", &index, "--json"];
        all.extend_from_slice(args);
        let o = run(&all);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        json_lines(&stdout(&o)).len()
    };
    assert_eq!(count(&["--metric", "revenue"]), 3);
    assert_eq!(count(&["Xunlei", "--metric", "revenue"]), 2);
    assert_eq!(count(&["--metric", "Net income"]), 2);
    assert_eq!(count(&["--subject", "xunlei"]), 4);
    assert_eq!(count(&["--subject", "zürich versicherung"]), 1);
    assert_eq!(count(&["--metric", "revenue", "--from", "2020"]), 1);
    assert_eq!(count(&["--from", "2019", "--to", "2019"]), 3);
    assert_eq!(count(&["--metric", "revenue", "--min-amount", "1e8"]), 2);
    assert_eq!(count(&["--metric", "revenue", "--currency", "chf"]), 1);
    assert_eq!(count(&["--limit", "2"]), 2);
    assert_eq!(count(&["cloud"]), 4);
    assert_eq!(count(&["weather"]), 0);
}

#[test]
fn facts_csv_opens_cleanly_in_a_spreadsheet() {
    let (_dir, index) = fact_index();
    let o = run(&["facts", "--index", &index, "--csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), 6, "{text}");
    let header = &rows[0];
    assert_eq!(
        &header[..6],
        [
            "subject",
            "metric",
            "metric_text",
            "period",
            "value",
            "unit"
        ]
    );
    assert!(rows.iter().all(|r| r.len() == header.len()), "{text}");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let xunlei_revenue = &rows[3];
    assert_eq!(xunlei_revenue[col("value")], "181000000");
    assert_eq!(xunlei_revenue[col("change")], "-21.9");
    assert_eq!(xunlei_revenue[col("change_basis")], "yoy");
    assert_eq!(xunlei_revenue[col("approx")], "true");
    // a title with a comma and quotes survives the quoting
    assert_eq!(
        xunlei_revenue[col("title")],
        "Xunlei: revenue, losses and \"cloud\", 2019"
    );
    assert_eq!(rows[1][col("value")], "-39278000");
    assert_eq!(rows[4][col("share")], "53.8");
    assert_eq!(rows[5][col("subject")], "Zürich Versicherung");
    assert_eq!(rows[5][col("value")], "1234500000");
    // -o writes the same bytes into a file
    let out = _dir.path().join("facts.csv");
    let o = run(&[
        "facts",
        "--index",
        &index,
        "--csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text);
}

#[test]
fn facts_table_is_aligned_and_readable() {
    let (_dir, index) = fact_index();
    let o = run(&["facts", "Xunlei", "--index", &index, "--metric", "revenue"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("SUBJECT"), "{text}");
    assert!(text.contains("~181M"), "{text}");
    assert!(text.contains("97.3M"), "{text}");
    assert!(text.contains("-21.9% yoy"), "{text}");
    assert!(text.contains("53.8% of revenue"), "{text}");
    assert!(text.contains("2 facts in 1 article"), "{text}");
    // columns line up: the ARTICLE column starts at the same place on every row
    let at = lines[0].find("ARTICLE").unwrap();
    for l in &lines[1..3] {
        let from: String = l.chars().skip(at).collect();
        assert!(from.starts_with("xunlei-2020"), "{text}");
    }
    // a --limit under the number of facts says so
    let o = run(&["facts", "--index", &index, "--limit", "1"]);
    assert!(stdout(&o).contains("1 fact of 5 shown"), "{}", stdout(&o));
}

#[test]
fn no_matching_fact_is_said_not_an_error() {
    let (_dir, index) = fact_index();
    let o = run(&["facts", "weather", "--index", &index]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o)
            .contains("1 article matches the query \"weather\", and none holds a financial fact"),
        "{}",
        stderr(&o)
    );
    let o = run(&["facts", "nothinglikethis", "--index", &index, "--csv"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("no article matches"), "{}", stderr(&o));
    assert_eq!(parse_csv(&stdout(&o)).len(), 1, "the header row alone");
    let o = run(&["facts", "--index", &index, "--metric", "eps", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains("none holds a fact that passes the filters"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_unknown_metric_is_a_user_error_that_lists_the_vocabulary() {
    let (_dir, index) = fact_index();
    for cmd in ["facts", "search"] {
        let o = run(&[cmd, "*", "--index", &index, "--metric", "profits"]);
        assert_eq!(o.status.code(), Some(1), "{cmd}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(e.contains("unknown metric \"profits\""), "{e}");
        assert!(e.contains("net_income"), "{e}");
    }
    let o = run(&["facts", "--index", &index, "--json", "--csv"]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["facts", "--index", "/nonexistent/idx"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no index at"), "{}", stderr(&o));
}

#[test]
fn search_filters_on_facts_counts_metrics_and_shows_facts() {
    let (_dir, index) = fact_index();
    let search = |args: &[&str]| -> Value {
        let mut all = vec!["search", "--index", &index, "--json"];
        all.extend_from_slice(args);
        let o = run(&all);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let r = search(&["*"]);
    assert_eq!(r["total"], 3);
    let metric: Vec<(String, u64)> = r["facets"]["metric"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        metric,
        [("revenue".to_string(), 2), ("net_income".to_string(), 1)]
    );
    assert_eq!(search(&["*", "--metric", "net_income"])["total"], 1);
    assert_eq!(search(&["*", "--subject", "XUNLEI"])["total"], 1);
    // the amount and the date filters are those of the same fact
    assert_eq!(
        search(&["*", "--metric", "revenue", "--min-amount", "1e9"])["total"],
        1
    );
    assert_eq!(
        search(&["*", "--metric", "net_income", "--min-amount", "0"])["total"],
        0
    );
    let r = search(&["*", "--metric", "revenue", "--from", "2019", "--to", "2019"]);
    assert_eq!(r["total"], 1);
    assert_eq!(r["hits"][0]["id"], "xunlei-2020");
    assert_eq!(r["hits"][0]["facts"].as_array().unwrap().len(), 4);
    assert_eq!(r["facets"]["metric"][0]["name"], "net_income");
    // the text shows the facts that pass the filter, one line each
    let o = run(&[
        "search",
        "revenue",
        "--index",
        &index,
        "--metric",
        "net_income",
    ]);
    let text = stdout(&o);
    assert!(
        text.contains("* net_income 2018: -39.278M USD (Xunlei: \"net loss\")"),
        "{text}"
    );
    assert!(!text.contains("* revenue 2019"), "{text}");
    assert!(text.contains("metric"), "{text}");
    let o = run(&["search", "revenue", "--index", &index]);
    assert!(
        stdout(&o).contains("* revenue 2019: ~181M USD, -21.9% yoy (Xunlei: \"total revenue\")"),
        "{}",
        stdout(&o)
    );
}

/// A fact filter narrows the hits without changing how the text ranks them.
#[test]
fn fact_filters_do_not_change_scores() {
    let (_dir, index) = fact_index();
    let score = |extra: &[&str]| -> f64 {
        let mut args = vec!["search", "revenue", "--index", &index, "--json"];
        args.extend_from_slice(extra);
        let o = run(&args);
        let r: Value = serde_json::from_str(&stdout(&o)).unwrap();
        let hit = r["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["id"] == "xunlei-2020")
            .cloned()
            .unwrap();
        hit["score"].as_f64().unwrap()
    };
    let plain = score(&[]);
    assert_eq!(
        score(&["--metric", "revenue", "--min-amount", "1e8"]),
        plain
    );
    assert_eq!(score(&["--subject", "Xunlei"]), plain);
}
