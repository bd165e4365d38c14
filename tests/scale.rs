//! Runs split over many tasks (issue 18): exit codes a runner can read, rejects that can be
//! traced, boilerplate learned in a pass of its own (the same output in 1, 4 and 32
//! parts), shard indexes merged into what one ingest gives, and the hand-off formats.

use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::util::*;

const SITES: [&str; 3] = ["alpha.example", "beta.example", "gamma.example"];

/// A story, different for every `n`, long enough to be fingerprinted.
fn story(n: usize) -> String {
    let topics = ["pumps", "turbines", "cables", "valves", "sensors"];
    let people = ["Jane Porter", "Omar Haddad", "Li Wei", "Anna Berg"];
    format!(
        "{} Holdings said on Tuesday that revenue rose {}% to {} million dollars in 2020, helped \
         by demand for its {} in Europe and Asia.\n\nChief executive {} told analysts in London \
         that margins would improve in item {n} of the plan, and the board raised the dividend.",
        ["Acme", "Borealis", "Cinder", "Dunmore"][n % 4],
        n % 17 + 1,
        n * 3 + 10,
        topics[n % 5],
        people[n % 4],
    )
}

/// A dump of `n` records from three sites with a footer each, with syndicated copies,
/// records without a URL, new versions of earlier ids, and two bad lines.
fn dump(n: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for i in 0..n {
        let site = SITES[i % 3];
        let footer = format!("Follow {site} for the latest business news, every day of the week.");
        let line = if i == 50 {
            "this line is not JSON".to_string()
        } else if i == 51 {
            json!({"id": "empty-51", "url": format!("https://{site}/e"), "body": "  "}).to_string()
        } else if i % 17 == 16 {
            // a copy of the story three records back (same site, so the same footer)
            json!({"id": format!("copy-{i}"), "url": format!("https://{site}/c/{i}"),
                   "title": "Copy", "body": format!("{}\n\n{footer}", story(i - 3))})
            .to_string()
        } else if i % 23 == 22 {
            json!({"id": format!("nourl-{i}"), "title": "No URL",
                   "body": format!("{}\n\nDistributed by the wire desk for subscribers only.", story(i))})
            .to_string()
        } else if i % 41 == 40 {
            // a new version of an earlier article (same id, new text)
            let j = i - 37;
            let site = SITES[j % 3];
            let footer =
                format!("Follow {site} for the latest business news, every day of the week.");
            json!({"id": format!("a-{j}"), "url": format!("https://{site}/a/{j}"),
                   "title": "Updated", "body": format!("{} (updated)\n\n{footer}", story(i))})
            .to_string()
        } else {
            json!({"id": format!("a-{i}"), "url": format!("https://{site}/a/{i}"),
                   "title": format!("Story {i}"), "published": "2021-05-04",
                   "body": format!("{}\n\n{footer}", story(i))})
            .to_string()
        };
        lines.push(line);
    }
    lines
}

/// `lines` cut into `parts` contiguous parts (as a cluster splits a file), each with the
/// number of lines before it.
fn parts(lines: &[String], parts: usize) -> Vec<(usize, String)> {
    let size = lines.len().div_ceil(parts);
    lines
        .chunks(size)
        .enumerate()
        .map(|(i, c)| (i * size, c.iter().map(|l| format!("{l}\n")).collect()))
        .collect()
}

fn ok(o: &std::process::Output) {
    no_panic(o);
    assert!(o.status.success(), "{}", stderr(o));
}

#[test]
fn rejects_ok_exits_zero_and_rejects_carry_id_source_and_global_line() {
    let dir = tempfile::tempdir().unwrap();
    let rejects = dir.path().join("rejects.jsonl");
    let input = dump(60)[45..55].join("\n") + "\n";
    let args = |ok: bool| {
        let mut a = vec![
            "extract",
            "-",
            "--source",
            "crawl-2021/part-7",
            "--line-offset",
            "45",
            "--rejects",
            rejects.to_str().unwrap(),
            "-q",
        ];
        if ok {
            a.push("--rejects-ok");
        }
        a
    };
    // without the flag, rejects are exit 2
    let o = run_stdin(&args(false), input.as_bytes());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = run_stdin(&args(true), input.as_bytes());
    ok(&o);
    assert_eq!(json_lines(&stdout(&o)).len(), 8);
    let rj = json_lines(&std::fs::read_to_string(&rejects).unwrap());
    assert_eq!(rj.len(), 2, "{rj:?}");
    // dump lines 51 and 52 (1-based): line 6 and 7 of the task's stdin, plus 45
    assert_eq!(rj[0]["file"], "crawl-2021/part-7");
    assert_eq!(rj[0]["line"], 51);
    assert!(rj[0]["reason"].as_str().unwrap().contains("not JSON"));
    assert_eq!(rj[1]["line"], 52);
    assert_eq!(rj[1]["id"], "empty-51");
    // a record whose text is all cleaned away names its id too
    let o = run_stdin(
        &[
            "extract",
            "-",
            "--rejects-ok",
            "--rejects",
            rejects.to_str().unwrap(),
            "-q",
        ],
        (json!({"id": "tags-only", "body": "<p> </p><br>"}).to_string() + "\n").as_bytes(),
    );
    ok(&o);
    let rj = json_lines(&std::fs::read_to_string(&rejects).unwrap());
    assert_eq!(rj[0]["id"], "tags-only", "{rj:?}");
    assert_eq!(rj[0]["file"], "-");
}

/// Learn on each part, merge the models, extract each part with the merged model: the
/// model and the concatenated output (articles and rejects) equal those of one run.
#[test]
fn the_same_dump_gives_the_same_output_in_1_4_and_32_parts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let lines = dump(400);
    let whole = write(d, "whole.jsonl", lines.join("\n") + "\n");
    let model = d.join("model.json").display().to_string();
    ok(&run(&[
        "boilerplate",
        "learn",
        &whole,
        "--source",
        "dump",
        "-o",
        &model,
        "-q",
    ]));
    // as a task reads its part: on stdin, named by --source
    let extract = |input: &str, offset: usize, rejects: &Path| {
        let o = run_stdin(
            &[
                "extract",
                "-",
                "--source",
                "dump",
                "--line-offset",
                &offset.to_string(),
                "--boilerplate",
                &model,
                "--rejects",
                rejects.to_str().unwrap(),
                "--rejects-ok",
                "-q",
            ],
            &std::fs::read(input).unwrap(),
        );
        ok(&o);
        (stdout(&o), std::fs::read_to_string(rejects).unwrap())
    };
    let (one, one_rejects) = extract(&whole, 0, &d.join("r.jsonl"));
    let articles = json_lines(&one);
    assert_eq!(articles.len(), 398);
    // the footers are learned as boilerplate of their sites
    assert!(articles
        .iter()
        .all(|a| !a["text"].as_str().unwrap().contains("Follow")));
    // ... and the URL-less records' standing line, of the source named by --source
    assert!(articles
        .iter()
        .all(|a| !a["text"].as_str().unwrap().contains("wire desk")));
    for n in [1, 4, 32] {
        let mut models = Vec::new();
        let mut inputs = Vec::new();
        for (i, (offset, text)) in parts(&lines, n).into_iter().enumerate() {
            let p = write(d, &format!("part-{n}-{i}.jsonl"), text);
            let m = d.join(format!("model-{n}-{i}.json")).display().to_string();
            ok(&run(&[
                "boilerplate",
                "learn",
                &p,
                "--source",
                "dump",
                "-o",
                &m,
                "-q",
            ]));
            models.push(m);
            inputs.push((p, offset));
        }
        let merged = d.join(format!("merged-{n}.json")).display().to_string();
        let mut args = vec!["boilerplate", "merge", "-o", &merged, "-q"];
        args.extend(models.iter().map(String::as_str));
        ok(&run(&args));
        assert_eq!(
            std::fs::read(&merged).unwrap(),
            std::fs::read(&model).unwrap(),
            "the model of {n} parts"
        );
        let (mut out, mut rejects) = (String::new(), String::new());
        for (p, offset) in &inputs {
            let (o, r) = extract(p, *offset, &d.join("r.jsonl"));
            out += &o;
            rejects += &r;
        }
        assert!(out == one, "the output of {n} parts differs from one run");
        assert_eq!(rejects, one_rejects, "{n} parts");
    }
}

#[test]
fn boilerplate_models_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let bad = write(d, "bad.json", "{\"format\": \"something else\"}");
    let o = run(&["extract", "--boilerplate", &bad, "-"]);
    no_panic(&o);
    assert_ne!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("not a newsfacts boilerplate model"),
        "{}",
        stderr(&o)
    );
    let input = write(d, "in.jsonl", dump(20).join("\n"));
    let fin = d.join("final.json").display().to_string();
    ok(&run(&[
        "boilerplate",
        "learn",
        &input,
        "--final",
        "-o",
        &fin,
        "-q",
    ]));
    let o = run(&["boilerplate", "merge", &fin, &fin]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot be merged"), "{}", stderr(&o));
}

/// The articles of an index by id, with their copies as a set.
fn export_by_id(index: &str) -> BTreeMap<String, (Value, BTreeSet<String>)> {
    let o = run(&["export", "--index", index]);
    ok(&o);
    json_lines(&stdout(&o))
        .into_iter()
        .map(|mut a| {
            let copies = a
                .as_object_mut()
                .unwrap()
                .remove("copies")
                .map(|c| {
                    c.as_array()
                        .unwrap()
                        .iter()
                        .map(|c| c["id"].as_str().unwrap().to_string())
                        .collect()
                })
                .unwrap_or_default();
            (a["id"].as_str().unwrap().to_string(), (a, copies))
        })
        .collect()
}

fn top_hits(index: &str, query: &str) -> Vec<String> {
    let o = run(&["search", query, "--index", index, "--json", "--limit", "10"]);
    ok(&o);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn merged_shards_equal_one_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let lines = dump(300);
    let whole = write(d, "whole.jsonl", lines.join("\n") + "\n");
    let model = d.join("model.json").display().to_string();
    ok(&run(&[
        "boilerplate",
        "learn",
        &whole,
        "--source",
        "d",
        "-o",
        &model,
        "-q",
    ]));
    let ingest = |input: &str, index: &str| {
        ok(&run(&[
            "ingest",
            input,
            "--index",
            index,
            "--boilerplate",
            &model,
            "--source",
            "d",
            "--rejects-ok",
            "-q",
        ]))
    };
    let single = d.join("single").display().to_string();
    ingest(&whole, &single);
    let mut shards = Vec::new();
    for (i, (_, text)) in parts(&lines, 4).into_iter().enumerate() {
        let p = write(d, &format!("part-{i}.jsonl"), text);
        let idx = d.join(format!("shard-{i}")).display().to_string();
        ingest(&p, &idx);
        shards.push(idx);
    }
    let merged = d.join("merged").display().to_string();
    let mut args = vec!["merge", &merged];
    args.extend(shards.iter().map(String::as_str));
    let o = run(&args);
    ok(&o);
    assert!(stderr(&o).contains("copies linked"), "{}", stderr(&o));

    let (a, b) = (export_by_id(&single), export_by_id(&merged));
    let only = |x: &BTreeMap<String, _>, y: &BTreeMap<String, _>| -> Vec<String> {
        x.keys().filter(|k| !y.contains_key(*k)).cloned().collect()
    };
    assert_eq!(
        a.len(),
        b.len(),
        "doc count: {:?} {:?}",
        only(&a, &b),
        only(&b, &a)
    );
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (id, (art, copies)) in &a {
        assert_eq!(&b[id].0, art, "article {id}");
        assert_eq!(&b[id].1, copies, "copies of {id}");
    }
    // the dump has copies across shard borders and new versions of ids of earlier shards
    let links: usize = a.values().map(|(_, c)| c.len()).sum();
    assert!(links >= 15, "{links} copy links");
    assert!(a.values().any(|(x, _)| x["title"] == "Updated"));
    // a plain merge would not have deduplicated: the count of a shard sum is larger
    let summed: usize = shards.iter().map(|s| export_by_id(s).len()).sum();
    assert!(summed > a.len());
    let queries = [
        "revenue",
        "Acme",
        "Borealis pumps",
        "\"chief executive\"",
        "dividend",
        "London",
        "turbines OR cables",
        "Jane Porter",
        "Li Wei",
        "Europe Asia",
        "updated",
        "margins",
        "title:copy",
        "sensors -valves",
        "item 120",
        "Dunmore",
        "analysts",
        "board",
        "plan",
        "Omar Haddad revenue",
    ];
    for q in queries {
        assert_eq!(
            top_hits(&single, q),
            top_hits(&merged, q),
            "top hits of {q:?}"
        );
    }
    assert_eq!(
        search_json(&single, &[])["total"],
        search_json(&merged, &[])["total"]
    );
}

#[test]
fn merge_refuses_what_it_cannot_merge() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let input = write(d, "in.jsonl", dump(10).join("\n"));
    let shard = d.join("shard").display().to_string();
    ok(&run(&[
        "ingest",
        &input,
        "--index",
        &shard,
        "--rejects-ok",
        "-q",
    ]));
    // not an index
    let plain = d.join("plain");
    std::fs::create_dir(&plain).unwrap();
    std::fs::write(plain.join("x"), "x").unwrap();
    let out = d.join("out").display().to_string();
    let o = run(&["merge", &out, &shard, plain.to_str().unwrap()]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("not a newsfacts index"),
        "{}",
        stderr(&o)
    );
    // another schema version
    let old = d.join("old");
    std::fs::create_dir(&old).unwrap();
    for f in std::fs::read_dir(&shard).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, old.join(f.file_name().unwrap())).unwrap();
    }
    std::fs::write(old.join("newsfacts-index.json"), r#"{"schema_version": 1}"#).unwrap();
    let o = run(&["merge", &out, &shard, old.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("schema version 1"), "{}", stderr(&o));
    // an output that holds something
    let o = run(&["merge", plain.to_str().unwrap(), &shard]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not empty"), "{}", stderr(&o));
    assert!(!Path::new(&out).join("meta.json").exists());
}
