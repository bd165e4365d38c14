//! The Spark recipe (contrib/spark/newsfacts_spark.py) run in local mode: the same
//! articles and rejects as one direct run, in 1, 4 and 32 partitions; a task whose tool is
//! killed is retried and nothing is lost or doubled; a fatal error fails the job (no
//! `_SUCCESS`); ingest per task + merge equals one ingest.
//!
//! Needs Java and a Python with pyspark (`NEWSFACTS_SPARK_PYTHON`, else
//! `target/spark-venv/bin/python`, which `.ci/run` makes). Without them the tests say so and
//! pass, unless `NEWSFACTS_REQUIRE_SPARK=1` (set by `.ci/run`): then they fail.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::*;

fn python() -> Option<PathBuf> {
    let py = std::env::var_os("NEWSFACTS_SPARK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("target/spark-venv/bin/python")
        });
    let java = Command::new("java").arg("-version").output();
    let why = if !java.is_ok_and(|o| o.status.success()) {
        "no Java on PATH".to_string()
    } else if !Command::new(&py)
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success())
    {
        format!("no pyspark in {}", py.display())
    } else {
        return Some(py);
    };
    if std::env::var_os("NEWSFACTS_REQUIRE_SPARK").is_some_and(|v| v == "1") {
        panic!("NEWSFACTS_REQUIRE_SPARK=1 but the Spark tests cannot run: {why}");
    }
    eprintln!("SKIPPED: the Spark recipe tests ({why}; .ci/run installs pyspark)");
    None
}

/// Run the job; its exit status and stderr.
fn spark(py: &Path, args: &[&str], env: &[(&str, &str)]) -> (bool, String) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib/spark/newsfacts_spark.py");
    let mut c = Command::new(py);
    c.arg(script)
        .args(args)
        .args([
            "--binary",
            env!("CARGO_BIN_EXE_newsfacts"),
            "--master",
            "local[2,4]",
        ])
        .env_remove("NEWSFACTS_INDEX");
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.output().expect("python runs");
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The part files of a Spark output directory, concatenated in order.
fn parts(dir: &Path) -> String {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("part-")
        })
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// One direct run: learn, then extract with the model; articles and rejects.
fn direct(input: &Path, source: &str, dir: &Path) -> (String, String) {
    let model = dir.join("direct-model.json");
    let rejects = dir.join("direct-rejects.jsonl");
    let data = std::fs::read(input).unwrap();
    let o = run_stdin(
        &[
            "boilerplate",
            "learn",
            "-",
            "--source",
            source,
            "-q",
            "-o",
            model.to_str().unwrap(),
        ],
        &data,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run_stdin(
        &[
            "extract",
            "-",
            "--source",
            source,
            "--boilerplate",
            model.to_str().unwrap(),
            "--rejects",
            rejects.to_str().unwrap(),
            "--rejects-ok",
            "-q",
        ],
        &data,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    (stdout(&o), std::fs::read_to_string(rejects).unwrap())
}

fn reuters_slice(dir: &Path, lines: usize) -> Option<PathBuf> {
    let dump =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bench/reuters21578.jsonl.gz");
    if !dump.exists() {
        eprintln!("SKIPPED: the Reuters slice ({} not found)", dump.display());
        return None;
    }
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::MultiGzDecoder::new(std::fs::File::open(dump).unwrap()),
        &mut text,
    )
    .unwrap();
    let slice: String = text.lines().take(lines).map(|l| format!("{l}\n")).collect();
    let p = dir.join("reuters.jsonl");
    std::fs::write(&p, slice).unwrap();
    Some(p)
}

#[test]
fn spark_job_equals_one_direct_run() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let corpus = corpus().join("articles.jsonl");
    let mut cases = vec![(corpus, "corpus", vec![1, 4])];
    if let Some(r) = reuters_slice(d, 3000) {
        cases.push((r, "reuters", vec![32]));
    }
    for (input, source, partitions) in cases {
        let (articles, rejects) = direct(&input, source, d);
        for n in partitions {
            let out = d.join(format!("{source}-{n}"));
            let (ok, err) = spark(
                &py,
                &[
                    "extract",
                    input.to_str().unwrap(),
                    out.to_str().unwrap(),
                    "--partitions",
                    &n.to_string(),
                    "--source",
                    source,
                ],
                &[],
            );
            assert!(ok, "{err}");
            assert!(out.join("articles/_SUCCESS").exists());
            assert!(
                parts(&out.join("articles")) == articles,
                "{source}, {n} partitions: articles differ"
            );
            assert_eq!(
                parts(&out.join("rejects")),
                rejects,
                "{source}, {n} partitions"
            );
        }
    }
}

#[test]
fn spark_job_retries_a_killed_task_and_fails_on_a_fatal_error() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let input = reuters_slice(d, 2000).unwrap_or_else(|| corpus().join("articles.jsonl"));
    let (articles, _) = direct(&input, "dump", d);
    // the first attempt of partition 0 is killed (SIGKILL) after 3 articles
    let out = d.join("killed");
    let (ok, err) = spark(
        &py,
        &[
            "extract",
            input.to_str().unwrap(),
            out.to_str().unwrap(),
            "--partitions",
            "4",
            "--source",
            "dump",
        ],
        &[("NEWSFACTS_SPARK_TEST_KILL_AFTER", "3")],
    );
    assert!(ok, "{err}");
    assert!(
        err.contains("exited with -9"),
        "the kill was not seen: {err}"
    );
    assert!(
        parts(&out.join("articles")) == articles,
        "a retried task lost or doubled articles"
    );
    // a fatal error (an internal error, exit 4, in every attempt): the job fails
    let out = d.join("fatal");
    let (ok, err) = spark(
        &py,
        &[
            "extract",
            input.to_str().unwrap(),
            out.to_str().unwrap(),
            "--partitions",
            "2",
            "--source",
            "dump",
        ],
        &[("NEWSFACTS_TEST_PANIC_AFTER", "extract:1")],
    );
    assert!(!ok, "the job succeeded despite a fatal error");
    assert!(err.contains("exited with 4"), "{err}");
    assert!(!out.join("articles/_SUCCESS").exists());
}

#[test]
fn spark_ingest_then_merge_equals_one_ingest() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let input = reuters_slice(d, 2000).unwrap_or_else(|| corpus().join("articles.jsonl"));
    let merged = d.join("merged");
    let (ok, err) = spark(
        &py,
        &[
            "ingest",
            input.to_str().unwrap(),
            merged.to_str().unwrap(),
            "--partitions",
            "4",
            "--source",
            "dump",
            "--shards-dir",
            d.join("shards").to_str().unwrap(),
        ],
        &[],
    );
    assert!(ok, "{err}");
    let model = d.join("m.json");
    let data = std::fs::read(&input).unwrap();
    let o = run_stdin(
        &[
            "boilerplate",
            "learn",
            "-",
            "--source",
            "dump",
            "-q",
            "-o",
            model.to_str().unwrap(),
        ],
        &data,
    );
    assert!(o.status.success());
    let single = d.join("single");
    let o = run_stdin(
        &[
            "ingest",
            "-",
            "--index",
            single.to_str().unwrap(),
            "--source",
            "dump",
            "--boilerplate",
            model.to_str().unwrap(),
            "--rejects-ok",
            "-q",
        ],
        &data,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let sorted = |idx: &Path| {
        let o = run(&["export", "--index", idx.to_str().unwrap()]);
        let mut v = json_lines(&stdout(&o));
        for a in &mut v {
            if let Some(c) = a.get_mut("copies").and_then(|c| c.as_array_mut()) {
                c.sort_by_key(|x| x["id"].as_str().unwrap().to_string());
            }
        }
        v.sort_by_key(|a| a["id"].as_str().unwrap().to_string());
        v
    };
    let (a, b) = (sorted(&single), sorted(&merged));
    assert_eq!(a.len(), b.len());
    assert!(a == b, "the merged index differs from one ingest");
}
