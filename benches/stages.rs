//! Per-stage throughput on a real dump (default: the Reuters-21578 dump of
//! `../shared/data/bench/`), one thread, release build, median of several runs:
//!
//!     cargo bench --bench stages [-- DUMP.jsonl[.gz] [RUNS]]
//!
//! Stages are timed separately (read + JSON, clean, language, each extractor, index) so the
//! slowest one is obvious; MB/s are of the bodies as read (decompressed).

use newsfacts::article::Origin;
use newsfacts::extract::{self, Context};
use std::time::Instant;

mod common;
use common::median;

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut secs = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        secs.push(t.elapsed().as_secs_f64());
    }
    median(secs)
}

fn main() {
    let (path, runs) = common::args(common::REUTERS, 3);
    let Some(raw) = common::read_dump(&path) else {
        return;
    };
    let lines: Vec<&[u8]> = raw
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let mb_input = raw.len() as f64 / 1e6;
    let origin = Origin {
        file: path.clone(),
        line: None,
    };

    let t_read = time(runs, || {
        lines
            .iter()
            .filter_map(|l| newsfacts::read::jsonl::parse_line(l, origin.clone()).ok())
            .count()
    });
    let articles: Vec<_> = lines
        .iter()
        .filter_map(|l| newsfacts::read::jsonl::parse_line(l, origin.clone()).ok())
        .collect();
    let bodies: f64 = articles.iter().map(|a| a.body.len()).sum::<usize>() as f64 / 1e6;
    let t_clean = time(runs, || {
        articles
            .iter()
            .map(|a| newsfacts::clean::clean_body(&a.body).len())
            .sum::<usize>()
    });
    let texts: Vec<String> = articles
        .iter()
        .map(|a| newsfacts::clean::clean_body(&a.body))
        .collect();
    let mb_text = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let ctx = Context {
        reference_date: chrono::NaiveDate::from_ymd_opt(1987, 3, 1),
        lang: Some("en".into()),
        ..Context::default()
    };
    let t_lang = time(runs, || {
        texts
            .iter()
            .filter_map(|t| newsfacts::lang::detect(t))
            .count()
    });
    // each extractor of the registry alone, in registry order
    let t_each: Vec<(&str, f64)> = extract::REGISTRY
        .iter()
        .map(|x| {
            let secs = time(runs, || {
                let mut out = Vec::new();
                for t in &texts {
                    if x.applies(&ctx) {
                        x.find(t, &ctx, &mut out);
                    }
                    out.clear();
                }
            });
            (x.name(), secs)
        })
        .collect();
    let t_all = time(runs, || {
        texts
            .iter()
            .map(|t| extract::extract(t, &ctx).mentions.len())
            .sum::<usize>()
    });
    let processed: Vec<_> = articles
        .iter()
        .cloned()
        .filter_map(|a| newsfacts::clean::clean_article(a).ok())
        .filter_map(|c| newsfacts::pipeline::process(c, None, false).ok())
        .collect();
    let t_index = time(1, || {
        let dir = tempfile::tempdir().unwrap();
        let idx = newsfacts::index::NewsIndex::open_or_create(&dir.path().join("i")).unwrap();
        let mut w =
            newsfacts::index::writer::Writer::new(&idx, newsfacts::index::writer::COMMIT_EVERY)
                .unwrap();
        for a in &processed {
            w.add(a).unwrap();
        }
        w.finish().unwrap();
    });

    println!("dump: {path}: {} records, {mb_input:.1} MB decompressed, {bodies:.1} MB of bodies, {mb_text:.1} MB clean text", lines.len());
    println!(
        "{:<34} {:>9} {:>10}",
        "stage (1 thread unless noted)", "seconds", "MB/s"
    );
    let row =
        |name: &str, secs: f64, mb: f64| println!("{name:<34} {secs:>9.3} {:>10.1}", mb / secs);
    row("read + JSON (input MB)", t_read, mb_input);
    row("clean (body MB)", t_clean, bodies);
    row("language (text MB)", t_lang, mb_text);
    for (name, secs) in &t_each {
        row(&format!("{name} (text MB)"), *secs, mb_text);
    }
    row("all extractors + merge (text MB)", t_all, mb_text);
    row("index, tantivy threads (text MB)", t_index, mb_text);
    // The ceiling of the whole pipeline: every stage once, one after the other, on one
    // core; n cores can at best divide that time by n (no stage is free on any core).
    let total = t_read + t_clean + t_lang + t_all + t_index;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    row("sum of the stages (input MB)", total, mb_input);
    println!(
        "ceiling on {cores} cores, no overhead: {:.1} MB/s of input (end-to-end ingest: scripts/bench-ingest.sh)",
        mb_input / total * cores as f64
    );
}
