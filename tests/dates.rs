//! `--date-order` through the real binary: how `extract` and `ingest` read a numeric day
//! whose two parts could both be the month ("3/4/2020"), by the option or, by default,
//! from the article (its other numeric days, its site's country, its language).

use serde_json::{json, Value};

use crate::util::*;

/// Three articles with the same ambiguous day: no site, a British one, an American one;
/// and one that states the order itself ("25/12/2019").
fn dump() -> String {
    let body = "The deal closed on 3/4/2020, people said.";
    [
        json!({"id": "plain", "published": "2020-08-20", "body": body}),
        json!({"id": "uk", "url": "https://www.bbc.co.uk/news/business-1",
               "published": "2020-08-20", "body": body}),
        json!({"id": "us", "url": "https://www.nytimes.com/2020/08/20/business/x.html",
               "published": "2020-08-20", "body": body}),
        json!({"id": "own", "url": "https://www.nytimes.com/2020/08/20/business/y.html",
               "published": "2020-08-20",
               "body": "The deal filed on 25/12/2019 closed on 3/4/2020, people said."}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect()
}

/// The value of the DATE mention "3/4/2020" of each article, by id.
fn values(o: &std::process::Output) -> Vec<(String, Value)> {
    assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
    json_lines(&stdout(o))
        .iter()
        .map(|a| {
            let m = a["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["text"] == "3/4/2020")
                .unwrap_or_else(|| panic!("no 3/4/2020 in {a}"));
            assert_eq!(m["type"], "DATE");
            assert_eq!(m["grain"], "day");
            (a["id"].as_str().unwrap().to_string(), m["value"].clone())
        })
        .collect()
}

fn ids_values(pairs: &[(&str, Value)]) -> Vec<(String, Value)> {
    pairs
        .iter()
        .map(|(i, v)| (i.to_string(), v.clone()))
        .collect()
}

#[test]
fn date_order_auto_reads_the_article() {
    let o = run_stdin(&["extract", "-q"], dump().as_bytes());
    let want = [
        ("plain", Value::Null),
        ("uk", json!("2020-04-03")),
        ("us", json!("2020-03-04")),
        ("own", json!("2020-04-03")),
    ];
    assert_eq!(values(&o), ids_values(&want));
    let explicit = run_stdin(
        &["extract", "-q", "--date-order", "auto"],
        dump().as_bytes(),
    );
    assert_eq!(values(&explicit), ids_values(&want));
}

#[test]
fn date_order_mdy_and_dmy_decide_alone() {
    let o = run_stdin(&["extract", "-q", "--date-order", "mdy"], dump().as_bytes());
    let v = values(&o);
    assert!(v.iter().all(|(_, v)| v == "2020-03-04"), "{v:?}");
    let o = run_stdin(&["extract", "-q", "--date-order", "dmy"], dump().as_bytes());
    let v = values(&o);
    assert!(v.iter().all(|(_, v)| v == "2020-04-03"), "{v:?}");
    // a part over 12 is the day in every order
    let a = json!({"id": "x", "published": "2020-08-20", "body": "It closed on 25/12/2019."});
    let o = run_stdin(
        &["extract", "-q", "--date-order", "mdy"],
        (a.to_string() + "\n").as_bytes(),
    );
    let m = &json_lines(&stdout(&o))[0]["mentions"][0];
    assert_eq!(
        (&m["text"], &m["value"]),
        (&json!("25/12/2019"), &json!("2019-12-25"))
    );
}

#[test]
fn ingest_takes_the_date_order_and_a_bad_one_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let index = index.to_str().unwrap();
    let o = run_stdin(
        &["ingest", "-", "--index", index, "-q", "--date-order", "dmy"],
        dump().as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // the day first reading is the one stored
    let o = run(&["export", "--index", index]);
    let v = values(&o);
    assert_eq!(v.len(), 4);
    assert!(v.iter().all(|(_, v)| v == "2020-04-03"), "{v:?}");
    let o = run(&["extract", "--date-order", "ymd", "x.jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("mdy"), "{}", stderr(&o));
}
