//! Run the extractors of the registry (all but the name tagger, by default) over a JSON
//! Lines dump and print spec-shaped JSON Lines (id, published, text, mentions), or time
//! them. Spans are not overlap-resolved: each extractor's own output is shown.
//!
//!     cargo run --release --example rules_tool -- INPUT.jsonl[.gz] [--bench] [--raw]
//!         [--skip NAME,NAME]   (extractors to leave out; default `names`)
//!
//! Each input line is an article with the spec's field names (id / published / html,
//! body, text…). The body goes through `clean::clean_body` (skip that with `--raw`) and
//! relative dates resolve against `published`, read as the pipeline reads it
//! (`day::parse_published`). With `--bench`, nothing is printed but the throughput of
//! each extractor (MB/s of text).

use newsfacts::extract::{Context, Extractor, REGISTRY};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::time::{Duration, Instant};

fn first_str<'a>(v: &'a Value, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| v.get(*k).and_then(Value::as_str))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bench = args.iter().any(|a| a == "--bench");
    let raw = args.iter().any(|a| a == "--raw");
    let skip_at = args.iter().position(|a| a == "--skip").map(|i| i + 1);
    let skip = skip_at
        .and_then(|i| args.get(i))
        .map_or("names", String::as_str);
    let Some(path) = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && Some(*i) != skip_at)
        .map(|(_, a)| a)
    else {
        eprintln!("usage: rules_tool INPUT.jsonl[.gz] [--bench] [--raw] [--skip NAME,NAME]");
        std::process::exit(1);
    };
    let extractors: Vec<&dyn Extractor> = REGISTRY
        .iter()
        .copied()
        .filter(|x| !skip.split(',').any(|s| s == x.name()))
        .collect();
    let file = std::fs::File::open(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let reader: Box<dyn Read> = if path.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let (mut bytes, mut n_docs) = (0usize, 0usize);
    let mut counts = vec![0usize; extractors.len()];
    let mut times = vec![Duration::ZERO; extractors.len()];
    for line in BufReader::new(reader).lines() {
        let Ok(line) = line else { continue };
        let Ok(v) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let body = first_str(
            &v,
            &["html", "content", "body", "text", "maintext", "article"],
        )
        .unwrap_or("");
        let text = if raw {
            body.to_string()
        } else {
            newsfacts::clean::clean_body(body)
        };
        let published = first_str(
            &v,
            &[
                "published",
                "date",
                "date_publish",
                "pub_date",
                "publish_date",
            ],
        );
        let ctx = Context {
            reference_date: published.and_then(newsfacts::day::parse_published),
            lang: None,
            ..Context::default()
        };
        let mut found = Vec::new();
        for (k, x) in extractors.iter().enumerate() {
            let before = found.len();
            let t = Instant::now();
            if x.applies(&ctx) {
                x.find(&text, &ctx, &mut found);
            }
            times[k] += t.elapsed();
            counts[k] += found.len() - before;
        }
        bytes += text.len();
        n_docs += 1;
        if bench {
            continue;
        }
        let mentions = newsfacts::extract::to_mentions(&text, &found, false);
        let id = v
            .get("id")
            .map(|x| {
                x.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| x.to_string())
            })
            .unwrap_or_default();
        let o = json!({"id": id, "published": published, "text": text, "mentions": mentions});
        if writeln!(out, "{o}").is_err() {
            return;
        }
    }
    if bench {
        let mb = bytes as f64 / 1e6;
        let total: f64 = times.iter().map(Duration::as_secs_f64).sum();
        for (k, x) in extractors.iter().enumerate() {
            let s = times[k].as_secs_f64();
            println!(
                "{:8} {:>8} found  {:>8.1} MB/s",
                x.name(),
                counts[k],
                mb / s.max(1e-9)
            );
        }
        println!(
            "all      {n_docs} docs, {mb:.1} MB, {:.2} s, {:.1} MB/s",
            total,
            mb / total.max(1e-9)
        );
    }
}
