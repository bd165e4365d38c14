//! Helpers of the integration tests: run the real binary (in temp dirs), feed it, read
//! its output, check how it ended.

use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// The `newsfacts` binary with a clean environment (no index variable, no colour, no
/// backtraces).
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsfacts"));
    c.env_remove("NEWSFACTS_INDEX")
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE");
    c
}

pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

/// Run with `input` on stdin (fed from a thread, so a large input cannot block).
pub fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let data = input.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The run ended on its own, without a panic or a backtrace: success, rejects, or a user
/// or input error (not 4, an internal error, nor a signal, nor Rust's 101).
pub fn no_panic(o: &Output) {
    let e = stderr(o);
    assert!(
        !e.contains("panicked") && !e.contains("stack backtrace") && !e.contains("RUST_BACKTRACE"),
        "panic or backtrace on stderr: {e}"
    );
    assert!(
        matches!(o.status.code(), Some(0..=3)),
        "exit status {:?} (signal or panic); stderr: {e}",
        o.status
    );
}

/// Write `data` to `dir/name`; its path.
pub fn write(dir: &Path, name: &str, data: impl AsRef<[u8]>) -> String {
    let p = dir.join(name);
    std::fs::write(&p, data).unwrap();
    p.display().to_string()
}

/// One JSON Lines record (no newline).
pub fn record(id: &str, body: &str) -> String {
    json!({"id": id, "title": format!("T {id}"), "body": body}).to_string()
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// `search * --json` with `extra` flags: the response, after checking it succeeded.
pub fn search_json(index: &str, extra: &[&str]) -> Value {
    let mut args = vec!["search", "*", "--index", index, "--json"];
    args.extend_from_slice(extra);
    let o = run(&args);
    no_panic(&o);
    assert!(o.status.success(), "{extra:?}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

pub fn json_lines(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// Ingest the bundled corpus into a fresh temp index.
pub fn ingested() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx").display().to_string();
    let o = run(&[
        "ingest",
        corpus().to_str().unwrap(),
        "--index",
        &index,
        "-q",
    ]);
    // The corpus holds one malformed record on purpose: finished, with a reject.
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    (dir, index)
}

/// Run with a deadline; `None` when the process had to be killed.
pub fn run_with_timeout(args: &[&str], limit: Duration) -> Option<Output> {
    let child = bin()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let id = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(out) => Some(out.unwrap()),
        Err(_) => {
            // Kill only the child we started, by its id.
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
            None
        }
    }
}

/// The ids of a `search --json` answer's hits, sorted.
pub fn sorted_hit_ids(r: &Value) -> Vec<String> {
    let mut v: Vec<String> = r["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}
