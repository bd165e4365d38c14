//! Throughput of the rule extractors alone (every extractor of the registry but the name
//! tagger: DATE, MONEY, PERCENT) on the cleaned bodies of a real dump (default: Reuters-21578 in `../shared/data/bench/`), one thread,
//! release build; each figure is the median of several runs:
//!
//!     cargo bench --bench rules [-- DUMP.jsonl[.gz] [RUNS]]
//!
//! MB/s are of the clean text the extractors read. Reading, cleaning and language
//! detection are done once before timing; relative dates resolve against `published`.

use newsfacts::article::Origin;
use newsfacts::extract::{Context, Extractor, REGISTRY};
use std::time::Instant;

mod common;
use common::median;

fn main() {
    let (path, runs) = common::args(common::REUTERS, 7);
    let Some(raw) = common::read_dump(&path) else {
        return;
    };
    let origin = Origin {
        file: path.clone(),
        line: None,
    };
    let docs: Vec<(String, Context)> = raw
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .filter_map(|l| newsfacts::read::jsonl::parse_line(l, origin.clone()).ok())
        .map(|a| {
            let ctx = Context {
                reference_date: a
                    .published
                    .as_deref()
                    .and_then(newsfacts::day::parse_published),
                lang: Some("en".to_string()),
                ..Context::default()
            };
            (newsfacts::clean::clean_body(&a.body), ctx)
        })
        .collect();
    let mb = docs.iter().map(|d| d.0.len()).sum::<usize>() as f64 / 1e6;
    println!("{} docs, {mb:.1} MB of clean text, {runs} runs", docs.len());
    let rules: Vec<&dyn Extractor> = REGISTRY
        .iter()
        .copied()
        .filter(|x| x.name() != "names")
        .collect();
    let all = format!("all {}", rules.len());
    let mut stages: Vec<(&str, Vec<&dyn Extractor>)> = vec![(all.as_str(), rules.clone())];
    stages.extend(rules.iter().map(|x| (x.name(), vec![*x])));
    for (name, xs) in stages {
        let mut secs = Vec::with_capacity(runs);
        let mut found = 0;
        for _ in 0..runs {
            let t = Instant::now();
            found = docs
                .iter()
                .map(|(text, ctx)| {
                    let mut out = Vec::new();
                    for x in &xs {
                        if x.applies(ctx) {
                            x.find(text, ctx, &mut out);
                        }
                    }
                    std::hint::black_box(out).len()
                })
                .sum::<usize>();
            secs.push(t.elapsed().as_secs_f64());
        }
        let best = secs.iter().copied().fold(f64::INFINITY, f64::min);
        let s = median(secs);
        println!(
            "{name:10} {found:>7} found  {:>7.1} MB/s median  ({:.3} s; best run {:.1} MB/s)",
            mb / s,
            s,
            mb / best
        );
    }
}
