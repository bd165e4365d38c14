//! Bulk ingestion: syndicated copies, crash safety with a real `kill -9`, search during
//! an ingest, and a dump with every kind of broken part. Each test drives the real binary.

use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::util::*;

/// A story long enough to be fingerprinted, different for every `n`.
fn story(n: usize) -> String {
    format!(
        "Acme Holdings said on Tuesday that quarterly revenue rose to {n} million dollars, \
         helped by strong demand for its industrial pumps in Europe and Asia. Chief executive \
         Jane Porter told analysts that margins would improve further in item {n} of the plan, \
         and the company raised its dividend for the {n}th time."
    )
}

fn line(id: &str, url: &str, body: &str) -> String {
    json!({"id": id, "url": url, "title": format!("Story {id}"), "published": "2021-05-04", "body": body})
        .to_string()
        + "\n"
}

fn export(index: &str) -> Vec<Value> {
    let o = run(&["export", "--index", index]);
    assert!(o.status.success(), "export failed: {}", stderr(&o));
    json_lines(&stdout(&o))
}

/// The ids of `articles`, sorted.
fn ids(articles: &[Value]) -> Vec<String> {
    let mut v: Vec<String> = articles
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

fn by_id<'a>(articles: &'a [Value], id: &str) -> &'a Value {
    articles.iter().find(|a| a["id"] == id).expect("article")
}

/// The ids of the copies recorded in article `id`, in order.
fn copy_ids<'a>(articles: &'a [Value], id: &str) -> Vec<&'a str> {
    by_id(articles, id)["copies"]
        .as_array()
        .expect("copies")
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect()
}

#[test]
fn syndicated_copies_are_linked_not_indexed_twice() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx").display().to_string();
    let body = story(7);
    // The same text republished: other id, other URL, other spacing, case and markup.
    let copy = format!(
        "<p>{}</p>",
        body.to_uppercase()
            .replace(", ", " ,  ")
            .replace(". ", ".\n\n")
    );
    let dump = dir.path().join("dump.jsonl");
    std::fs::write(
        &dump,
        line("orig", "https://a.example/orig", &body)
            + &line("copy", "https://b.example/copy", &copy)
            + &line("other", "https://a.example/other", &story(8)),
    )
    .unwrap();
    let dump = dump.display().to_string();

    let o = run(&["ingest", &dump, "--index", &index]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("3 records read: 2 new, 0 already indexed (replaced), 1 copies"),
        "{}",
        stderr(&o)
    );
    let arts = export(&index);
    assert_eq!(ids(&arts), ["orig", "other"]);
    assert_eq!(
        by_id(&arts, "orig")["copies"],
        json!([{"id": "copy", "url": "https://b.example/copy"}])
    );
    assert!(by_id(&arts, "other").get("copies").is_none());

    // Again: nothing new, the copy is found in the index and not linked twice.
    let o = run(&["ingest", &dump, "--index", &index]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("0 new, 2 already indexed (replaced), 1 copies"),
        "{}",
        stderr(&o)
    );
    let arts = export(&index);
    assert_eq!(ids(&arts), ["orig", "other"]);
    assert_eq!(by_id(&arts, "orig")["copies"].as_array().unwrap().len(), 1);

    // A copy arriving in a later run is linked to the article indexed before.
    let later = dir.path().join("later.jsonl");
    std::fs::write(&later, line("late", "https://c.example/late", &body)).unwrap();
    let o = run(&["ingest", later.to_str().unwrap(), "--index", &index]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let arts = export(&index);
    assert_eq!(ids(&arts), ["orig", "other"]);
    assert_eq!(copy_ids(&arts, "orig"), ["copy", "late"]);

    // Ingesting the first dump again replaces the article and keeps the copy found by the
    // other run.
    let o = run(&["ingest", &dump, "--index", &index, "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(copy_ids(&export(&index), "orig"), ["copy", "late"]);

    // Short items that happen to be equal are different stories, not copies.
    let short = dir.path().join("short.jsonl");
    std::fs::write(
        &short,
        line("s1", "", "Shr 10 cts vs 8 cts. Net 1.2 mln vs 1.0 mln.")
            + &line("s2", "", "Shr 10 cts vs 8 cts. Net 1.2 mln vs 1.0 mln."),
    )
    .unwrap();
    let o = run(&["ingest", short.to_str().unwrap(), "--index", &index, "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(export(&index).len(), 4);
}

#[test]
fn copies_are_linked_across_commits() {
    // A commit every two articles: some copies are found while their original is not
    // committed yet (they wait for a later commit, the last ones for a commit of their
    // own at the end), others after it was.
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx").display().to_string();
    let dump = dir.path().join("dump.jsonl");
    std::fs::write(
        &dump,
        line("a", "https://a.example/a", &story(1))
            + &line("a-copy1", "https://b.example/a1", &story(1))
            + &line("b", "https://a.example/b", &story(2))
            + &line("a-copy2", "https://c.example/a2", &story(1))
            + &line("b-copy", "https://b.example/b", &story(2))
            + &line("c", "https://a.example/c", &story(3))
            + &line("c-copy", "https://b.example/c", &story(3)),
    )
    .unwrap();
    let o = run(&[
        "ingest",
        dump.to_str().unwrap(),
        "--index",
        &index,
        "--commit-every",
        "2",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("7 records read: 3 new, 0 already indexed (replaced), 4 copies"),
        "{}",
        stderr(&o)
    );
    let arts = export(&index);
    assert_eq!(ids(&arts), ["a", "b", "c"]);
    assert_eq!(copy_ids(&arts, "a"), ["a-copy1", "a-copy2"]);
    assert_eq!(copy_ids(&arts, "b"), ["b-copy"]);
    assert_eq!(copy_ids(&arts, "c"), ["c-copy"]);
}

/// The committed segments of an index, read from tantivy's `meta.json`.
fn committed_segments(index: &Path) -> usize {
    std::fs::read_to_string(index.join("meta.json"))
        .ok()
        .and_then(|s| serde_json::from_str::<Value>(&s).ok())
        .and_then(|v| v["segments"].as_array().map(|a| a.len()))
        .unwrap_or(0)
}

#[test]
fn kill_9_mid_ingest_keeps_whole_articles_and_a_rerun_completes_it() {
    const N: usize = 40_000;
    let dir = tempfile::tempdir().unwrap();
    let index_path = dir.path().join("idx");
    let index = index_path.display().to_string();
    let dump = dir.path().join("dump.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&dump).unwrap());
        for i in 0..N {
            f.write_all(line(&format!("a{i}"), "", &story(i)).as_bytes())
                .unwrap();
        }
    }
    let dump = dump.display().to_string();
    let args = [
        "ingest",
        dump.as_str(),
        "--index",
        index.as_str(),
        "--commit-every",
        "500",
        "-q",
    ];
    let mut child = bin()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while committed_segments(&index_path) == 0 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the ingest ended before its first commit"
        );
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no commit seen"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    // Searching works while the ingest goes on in another process.
    let o = run(&["search", "Acme pumps", "--index", &index, "--json"]);
    assert!(o.status.success(), "search during ingest: {}", stderr(&o));
    let total = serde_json::from_str::<Value>(&stdout(&o)).unwrap()["total"]
        .as_u64()
        .unwrap();
    assert!(total > 0);

    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "the ingest finished before it could be killed; make the dump larger"
    );

    // The index opens and holds only whole, distinct articles.
    let arts = export(&index);
    assert!(
        !arts.is_empty() && arts.len() < N,
        "{} articles",
        arts.len()
    );
    let seen: BTreeSet<String> = ids(&arts).into_iter().collect();
    assert_eq!(seen.len(), arts.len(), "duplicate ids after the kill");
    for a in &arts {
        let i: usize = a["id"].as_str().unwrap()[1..].parse().unwrap();
        assert_eq!(a["text"].as_str().unwrap(), story(i));
    }

    // The same command again completes the index: everything, once.
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let arts = export(&index);
    assert_eq!(arts.len(), N);
    let seen: BTreeSet<String> = ids(&arts).into_iter().collect();
    let want: BTreeSet<String> = (0..N).map(|i| format!("a{i}")).collect();
    assert_eq!(seen, want);
}

fn warc_record(url: &str, body: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>{body}</p></article></body></html>");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2022-01-02T03:04:05Z\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
    .into_bytes()
}

#[test]
fn a_dump_with_broken_parts_finishes_and_keeps_every_good_record() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("dump");
    std::fs::create_dir(&dump).unwrap();
    let index = dir.path().join("idx").display().to_string();
    let rejects = dir.path().join("rejects.jsonl");
    let mut good = BTreeSet::new();

    // A gzip whose tail is cut off: the lines before the break are read.
    let lines: String = (0..200)
        .map(|i| line(&format!("gz{i}"), "", &story(i)))
        .collect();
    let mut gz = gzip(lines.as_bytes());
    gz.truncate(gz.len() - 40);
    std::fs::write(dump.join("a-broken.jsonl.gz"), gz).unwrap();
    good.extend((0..150).map(|i| format!("gz{i}")));

    // A WARC whose second record is truncated.
    let mut warc = warc_record("https://w.example/1", &story(1001));
    let second = warc_record("https://w.example/2", &story(1002));
    warc.extend_from_slice(&second[..second.len() / 2]);
    std::fs::write(dump.join("b-truncated.warc"), warc).unwrap();

    // A 50 MB record between two good ones.
    let mut big = line("before-big", "", &story(2001));
    big.push_str(&line("big", "", &"word ".repeat(10_000_000)));
    big.push_str(&line("after-big", "", &story(2002)));
    std::fs::write(dump.join("c-big.jsonl"), big).unwrap();
    good.extend(["before-big".to_string(), "after-big".to_string()]);

    // Binary junk under a JSON Lines name, and a good file after all of it.
    let junk: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(dump.join("d-junk.jsonl"), junk).unwrap();
    std::fs::write(dump.join("e-good.jsonl"), line("last", "", &story(3001))).unwrap();
    good.insert("last".to_string());

    let o = run(&[
        "ingest",
        dump.to_str().unwrap(),
        "--index",
        &index,
        "--rejects",
        rejects.to_str().unwrap(),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let arts = export(&index);
    let have: BTreeSet<String> = ids(&arts).into_iter().collect();
    let missing: Vec<&String> = good.difference(&have).collect();
    assert!(missing.is_empty(), "good records lost: {missing:?}");
    assert!(
        arts.iter()
            .any(|a| a["url"] == "https://w.example/1" && a["published"] == "2022-01-02"),
        "the whole WARC record is indexed with the URL and date of its headers"
    );
    assert!(!have.contains("big"));

    let reasons: Vec<Value> = json_lines(&std::fs::read_to_string(&rejects).unwrap());
    let from = |name: &str| {
        reasons
            .iter()
            .filter(|r| r.to_string().contains(name))
            .count()
    };
    for name in [
        "a-broken.jsonl.gz",
        "b-truncated.warc",
        "c-big.jsonl",
        "d-junk.jsonl",
    ] {
        assert!(from(name) > 0, "no reject reported for {name}");
    }
}
