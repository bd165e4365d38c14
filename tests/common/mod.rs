//! Helpers shared by the integration tests: run the real binary, read its output.
#![allow(dead_code)] // each test binary uses its own subset

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
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
