//! Clean-stage throughput on real pages: the 91 full HTML pages of the article-extraction
//! benchmark (`../shared/data/html/article-extraction/`), one thread, release build,
//! median of several runs (the machine is shared and noisy):
//!
//!     cargo bench --bench clean [-- DIR [RUNS]]
//!
//! Reports MB/s per core of page bytes for `clean::clean_document` (main text, title,
//! date, metadata, edge notices: what the pipeline runs per record), and for the per-run
//! boilerplate learner over the cleaned texts.

use newsfacts::article::{Cleaned, Origin};
use newsfacts::clean::{boilerplate::Learner, clean_document};
use std::io::Read;
use std::time::Instant;

mod common;
use common::median;

fn main() {
    let (dir, runs) = common::args("../shared/data/html/article-extraction", 7);
    let html_dir = std::path::Path::new(&dir).join("html");
    let Ok(entries) = std::fs::read_dir(&html_dir) else {
        eprintln!("no pages at {}: nothing to measure", html_dir.display());
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let pages: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            let f = std::fs::File::open(p).ok()?;
            let mut raw = Vec::new();
            if p.extension().is_some_and(|e| e == "gz") {
                flate2::read::MultiGzDecoder::new(f)
                    .read_to_end(&mut raw)
                    .ok()?;
            } else {
                std::io::BufReader::new(f).read_to_end(&mut raw).ok()?;
            }
            Some(String::from_utf8_lossy(&raw).into_owned())
        })
        .collect();
    let mb = pages.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    println!("{} pages, {mb:.1} MB, {runs} runs, 1 thread", pages.len());

    let mut secs = Vec::new();
    let mut texts = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        texts = pages.iter().map(|p| clean_document(p)).collect::<Vec<_>>();
        secs.push(t.elapsed().as_secs_f64());
    }
    let s = median(secs.clone());
    let min = secs.iter().copied().fold(f64::MAX, f64::min);
    println!(
        "clean_document (page path): median {s:.3} s = {:.1} MB/s per core (best {:.1} MB/s)",
        mb / s,
        mb / min
    );

    let make = || -> Vec<Cleaned> {
        texts
            .iter()
            .zip(&paths)
            .map(|(p, path)| Cleaned {
                id: None,
                url: p.meta.canonical_url.clone(),
                title: None,
                published: None,
                meta: Default::default(),
                text: p.text.clone(),
                origin: Origin {
                    file: path.display().to_string(),
                    line: None,
                },
                warnings: Vec::new(),
            })
            .collect()
    };
    let text_mb = texts.iter().map(|p| p.text.len()).sum::<usize>() as f64 / 1e6;
    let mut secs = Vec::new();
    for _ in 0..runs {
        let mut batch = make();
        let t = Instant::now();
        let mut l = Learner::default();
        l.clean_batch(&mut batch);
        secs.push(t.elapsed().as_secs_f64());
        std::hint::black_box(batch);
    }
    let s = median(secs);
    println!(
        "boilerplate learner: {text_mb:.2} MB of clean text, median {:.4} s = {:.0} MB/s of text, {:.0} MB/s of page bytes",
        s,
        text_mb / s,
        mb / s
    );
}
