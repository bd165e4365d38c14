//! How runs fail: the exit code and the message of each kind of error (README, "Exit
//! codes"): 1 for usage and user errors (bad flags, a bad query, no index, an output path
//! that cannot be created, an input as the output), 3 when the data or the machine fails
//! (a damaged index, a full disk), 4 for a bug: a panic in any thread of a run, made here
//! with the pipeline's test hook. Writing into a closed pipe is no error. Each test drives
//! the real binary.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Output, Stdio};

use crate::util::*;

// ---------------------------------------------------------------- usage and user errors (1)

#[test]
fn usage_errors_exit_1() {
    let o = run(&["search"]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["extract", "--reference-date", "yesterday", "x.jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("YYYY-MM-DD"));
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn bad_query_and_missing_index_are_clear_errors() {
    let (_dir, index) = ingested();
    let o = run(&["search", "revenue AND (", "--index", &index]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("bad query"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));

    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here");
    let o = run(&["search", "x", "--index", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no index at"), "{}", stderr(&o));
    let o = run(&["export", "--index", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn query_syntax_errors_are_clear_usage_errors() {
    let (_dir, index) = ingested();
    for q in [
        "\"unclosed",
        "title:",
        "AND",
        "-",
        "foo:bar",
        "OR",
        "(",
        ")",
        "a AND",
        "NOT",
        "+",
        "[1 TO",
    ] {
        let o = run(&["search", q, "--index", &index, "--json"]);
        no_panic(&o);
        assert_eq!(o.status.code(), Some(1), "{q:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("query"), "{q:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{q:?}");
    }
    for q in ["*foo", "\"\"", "", "~", "\\"] {
        let o = run(&["search", q, "--index", &index, "--json"]);
        no_panic(&o);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{q:?}");
    }
}

#[test]
fn limit_zero_is_a_usage_error_in_text_mode_and_counts_only_in_json() {
    let (_dir, index) = ingested();
    let o = run(&["search", "*", "--index", &index, "--limit", "0"]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    let r = search_json(&index, &["--limit", "0"]);
    assert!(r["hits"].as_array().unwrap().is_empty());
    assert_eq!(r["total"], 6);
}

#[test]
fn index_dir_that_is_a_file_empty_or_missing_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "afile", "");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let missing = dir.path().join("missing");
    for idx in [
        file.as_str(),
        empty.to_str().unwrap(),
        missing.to_str().unwrap(),
    ] {
        for args in [
            &["search", "x", "--index", idx][..],
            &["export", "--index", idx][..],
        ] {
            let o = run(args);
            no_panic(&o);
            assert_eq!(o.status.code(), Some(1), "{args:?}");
            assert!(stderr(&o).contains("index"), "{args:?}: {}", stderr(&o));
        }
    }
    assert!(!missing.exists(), "search/export must not create an index");
    let data = write(dir.path(), "a.jsonl", record("a", "text") + "\n");
    let o = run(&["ingest", &data, "--index", &file]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn output_in_a_missing_directory_is_a_clear_error() {
    let (dir, index) = ingested();
    let nowhere = dir.path().join("no/such/dir/out.jsonl");
    let nowhere = nowhere.to_str().unwrap();
    let data = write(dir.path(), "a.jsonl", record("a", "text") + "\n");
    for args in [
        &["export", "--index", &index, "-o", nowhere][..],
        &["extract", &data, "-o", nowhere][..],
        &["extract", &data, "--rejects", nowhere][..],
    ] {
        let o = run(args);
        no_panic(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).contains("cannot create"), "{}", stderr(&o));
    }
}

#[test]
fn output_onto_an_input_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = format!(
        "{}\n{}\n",
        record("a", "Story in Paris."),
        record("b", "Story in Rome.")
    );
    for flag in ["-o", "--rejects"] {
        let f = write(dir.path(), "in.jsonl", &data);
        let o = run(&["extract", &f, flag, &f]);
        no_panic(&o);
        let left = std::fs::read_to_string(&f).unwrap();
        assert!(
            o.status.code() == Some(1) || json_lines(&left).len() == 2,
            "{flag}: exit {:?}, the input now holds {:?}; {}",
            o.status.code(),
            left,
            stderr(&o)
        );
    }
}

#[test]
fn export_with_a_bad_query_leaves_the_output_file_alone() {
    let (dir, index) = ingested();
    let out = write(dir.path(), "hits.jsonl", "previous export\n");
    let o = run(&[
        "export", "--index", &index, "--query", "foo:bar", "-o", &out,
    ]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous export\n");
}

#[test]
fn concurrent_ingests_into_one_index_fail_cleanly_or_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx").display().to_string();
    let seed = write(
        dir.path(),
        "seed.jsonl",
        record("seed", "Seed story.") + "\n",
    );
    assert_eq!(
        run(&["ingest", &seed, "--index", &index, "-q"])
            .status
            .code(),
        Some(0)
    );
    let files: Vec<String> = (0..2)
        .map(|k| {
            let data: String = (0..300)
                .map(|i| record(&format!("c{k}-{i}"), &format!("Story {i} about Apple.")) + "\n")
                .collect();
            write(dir.path(), &format!("c{k}.jsonl"), data)
        })
        .collect();
    let children: Vec<Child> = files
        .iter()
        .map(|f| {
            bin()
                .args(["ingest", f, "--index", &index, "-q"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outs: Vec<Output> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let mut expected = 1;
    for o in &outs {
        no_panic(o);
        match o.status.code() {
            Some(0) => expected += 300,
            Some(1) => assert!(stderr(o).contains("index"), "{}", stderr(o)),
            other => panic!("exit {other:?}: {}", stderr(o)),
        }
    }
    assert!(expected > 1, "neither ingest succeeded");
    let o = run(&["export", "--index", &index]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(json_lines(&stdout(&o)).len(), expected);
}

// ---------------------------------------------------------------- input errors (3)

/// A damaged index is an input error, said in words (tantivy's messages print Rust debug
/// text: `IoError { io_error: Custom { kind: UnexpectedEof, … } }`).
#[test]
fn a_damaged_index_is_an_input_error_in_words() {
    let (dir, index) = ingested();
    let idx = std::path::Path::new(&index);
    let copy = |name: &str| {
        let to = dir.path().join(name);
        std::fs::create_dir(&to).unwrap();
        for f in std::fs::read_dir(idx).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, to.join(f.file_name().unwrap())).unwrap();
        }
        to
    };
    let garbled = copy("garbled-meta");
    std::fs::write(garbled.join("meta.json"), "garbage\n").unwrap();
    let emptied = copy("emptied-files");
    for f in std::fs::read_dir(&emptied).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|e| e == "store" || e == "idx") {
            std::fs::write(&f, "").unwrap();
        }
    }
    let no_version = copy("marker-without-version");
    std::fs::write(no_version.join("newsfacts-index.json"), "{}").unwrap();
    for (bad, said) in [
        (&garbled, "the index file meta.json is damaged"),
        (
            &emptied,
            "truncated or corrupted: its footer (with its checksum) cannot be read",
        ),
        (&no_version, "is damaged"),
    ] {
        let bad = bad.to_str().unwrap();
        for args in [
            &["search", "Chen Lei", "--index", bad][..],
            &["export", "--index", bad][..],
        ] {
            let o = run(args);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(3), "{args:?}: {err}");
            assert!(err.contains(said), "{args:?}: {err}");
            for debug in ["Some(", "IoError", "Custom {", "kind:", "`\""] {
                assert!(
                    !err.contains(debug),
                    "{args:?}: debug text {debug:?}: {err}"
                );
            }
            assert!(o.stdout.is_empty(), "{args:?}");
        }
    }
}

/// An index of another schema version is the user's to replace: exit 1, in words.
#[test]
fn an_index_of_another_schema_version_is_a_user_error() {
    let (_dir, index) = ingested();
    let marker = std::path::Path::new(&index).join("newsfacts-index.json");
    std::fs::write(&marker, r#"{"schema_version": 1}"#).unwrap();
    let o = run(&["search", "x", "--index", &index]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("has schema version 1, this newsfacts needs"),
        "{}",
        stderr(&o)
    );
}

/// A full disk is an input error, and the message names the file.
#[test]
fn a_full_disk_is_an_input_error() {
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("no /dev/full: skipped");
        return;
    }
    let o = run(&[
        "extract",
        corpus().to_str().unwrap(),
        "-q",
        "-o",
        "/dev/full",
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cannot write /dev/full: No space left on device"),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------- internal errors (4)

/// `n` short stories as JSON Lines: more than two of the pipeline's batches (512).
fn stories(dir: &std::path::Path, n: usize) -> String {
    let data: String = (0..n)
        .map(|i| {
            record(
                &format!("s{i}"),
                &format!("Story {i} about Apple in Paris."),
            ) + "\n"
        })
        .collect();
    write(dir, "stories.jsonl", data)
}

/// Run with the pipeline's test hook set: a panic in one stage, after `when` records.
fn run_panicking(when: &str, args: &[&str]) -> Output {
    bin()
        .args(args)
        .env("NEWSFACTS_TEST_PANIC_AFTER", when)
        .output()
        .expect("binary runs")
}

/// Exit 4 with an internal error naming what panicked, on which record (`on`, a regex:
/// rayon tasks run in no fixed order, so which record of the file is the n-th extracted
/// varies), and the panic's message; and no summary of a finished run.
fn assert_internal(o: &Output, what: &str, on: &str, stage: &str, after: u64) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(4), "{err}");
    let said = format!(
        r"(?m)^newsfacts: error: internal error: {} panicked on {on}: NEWSFACTS_TEST_PANIC_AFTER: a test panic in the {stage} stage after {after} records \(a bug in newsfacts; please report it\)$",
        regex::escape(what)
    );
    assert!(
        regex::Regex::new(&said).unwrap().is_match(&err),
        "wanted {said:?} in: {err}"
    );
    assert!(
        !err.contains("records read"),
        "a summary as if it ended well: {err}"
    );
}

/// The extraction worker (here a rayon task of it) panics in the middle of a run: the
/// run stops as an internal error, never as if the input had ended (exit 0 or 2 with
/// articles missing, as before); the output file is not put in place, the old one stays.
#[test]
fn a_panicking_extraction_worker_stops_extract_with_exit_4() {
    let dir = tempfile::tempdir().unwrap();
    let data = stories(dir.path(), 1200);
    let out = write(dir.path(), "out.jsonl", "the previous output\n");
    let o = run_panicking("700", &["extract", &data, "-o", &out]);
    let on = format!(r"{}:\d+", regex::escape(&data));
    assert_internal(&o, "the extraction worker", &on, "extract", 700);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "the previous output\n"
    );
    // on stdout the articles before the panic went out; the exit code says it failed
    let o = run_panicking("extract:700", &["extract", &data]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(json_lines(&stdout(&o)).len() < 1200);
}

/// The same in `ingest`: exit 4; what was committed before stays, and the same command
/// without the panic completes the index.
#[test]
fn a_panicking_extraction_worker_stops_ingest_with_exit_4_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = stories(dir.path(), 1200);
    let index = dir.path().join("idx").display().to_string();
    let args = ["ingest", &data, "--index", &index, "--commit-every", "100"];
    let o = run_panicking("700", &args);
    let on = format!(r"{}:\d+", regex::escape(&data));
    assert_internal(&o, "the extraction worker", &on, "extract", 700);
    let count = || json_lines(&stdout(&run(&["export", "--index", &index]))).len();
    let kept = count();
    assert!(kept < 1200, "{kept} articles");
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(count(), 1200);
}

/// The reader thread and the sink (on the calling thread) panicking are internal errors
/// too, each named; so is a panic while the last, short batch is read.
#[test]
fn a_panicking_reader_or_sink_stops_the_run_with_exit_4() {
    let dir = tempfile::tempdir().unwrap();
    let data = stories(dir.path(), 1200);
    let index = dir.path().join("idx").display().to_string();
    let file = regex::escape(&data);
    let o = run_panicking("read:1100", &["extract", &data, "-q"]);
    assert_internal(&o, "the reader", &file, "read", 1100);
    let o = run_panicking("read:3", &["ingest", &data, "--index", &index]);
    assert_internal(&o, "the reader", &file, "read", 3);
    // the sink takes the articles in input order
    let o = run_panicking("sink:5", &["ingest", &data, "--index", &index]);
    let on = format!("{file}:6");
    assert_internal(&o, "the sink (JSON or index writer)", &on, "sink", 5);
    let o = run_panicking("extract:1199", &["extract", &data, "-q"]);
    let on = format!(r"{file}:\d+");
    assert_internal(&o, "the extraction worker", &on, "extract", 1199);
}

/// A test hook set to nonsense is refused, not ignored.
#[test]
fn a_bad_test_hook_setting_is_a_user_error() {
    let dir = tempfile::tempdir().unwrap();
    let data = stories(dir.path(), 3);
    for when in ["soon", "write:3", "-1"] {
        let o = run_panicking(when, &["extract", &data]);
        assert_eq!(o.status.code(), Some(1), "{when}: {}", stderr(&o));
        assert!(stderr(&o).contains("NEWSFACTS_TEST_PANIC_AFTER must be"));
    }
}

// ---------------------------------------------------------------- closed pipes (0)

#[test]
fn closed_pipe_is_not_an_error() {
    let mut child = bin()
        .args(["extract", corpus().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    // 2: the corpus's malformed record; what matters is no crash from the closed pipe.
    assert!(matches!(status.code(), Some(0) | Some(2)), "{status:?}");
}

#[test]
fn closed_stdout_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let data: String = (0..3000)
        .map(|i| {
            record(
                &format!("p{i}"),
                &format!("Story {i} about Apple in Paris, up {i}%."),
            ) + "\n"
        })
        .collect();
    let f = write(dir.path(), "many.jsonl", data);
    let index = dir.path().join("idx").display().to_string();
    assert_eq!(
        run(&["ingest", &f, "--index", &index, "-q"]).status.code(),
        Some(0)
    );
    for args in [
        &["extract", &f][..],
        &["export", "--index", &index][..],
        &["search", "*", "--index", &index, "--limit", "3000"][..],
    ] {
        let mut child = bin()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        out.read_line(&mut first).unwrap();
        assert!(!first.is_empty(), "{args:?}");
        drop(out);
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("error"),
            "{args:?}: {err}"
        );
    }
}
