//! Helpers shared by the benchmarks: arguments, the dump, medians.
#![allow(dead_code)] // each bench uses its own subset

use std::io::Read;

pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The bench's own arguments: `[PATH [RUNS]]` (cargo's `--bench` flag left out).
pub fn args(default_path: &str, default_runs: usize) -> (String, usize) {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let path = args
        .first()
        .cloned()
        .unwrap_or_else(|| default_path.to_string());
    let runs = args
        .get(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(default_runs);
    (path, runs)
}

/// The Reuters dump of `../shared/data/bench/`, the default input of the text benches.
pub const REUTERS: &str = "../shared/data/bench/reuters21578.jsonl.gz";

/// The bytes of a JSON Lines dump (gzip or plain), or `None` with a note when it is
/// not there (the benches measure nothing without `../shared`).
pub fn read_dump(path: &str) -> Option<Vec<u8>> {
    let Ok(file) = std::fs::File::open(path) else {
        eprintln!("no dump at {path}: nothing to measure");
        return None;
    };
    let mut raw = Vec::new();
    if path.ends_with(".gz") {
        flate2::read::MultiGzDecoder::new(file)
            .read_to_end(&mut raw)
            .expect("read dump");
    } else {
        std::io::BufReader::new(file)
            .read_to_end(&mut raw)
            .expect("read dump");
    }
    Some(raw)
}
