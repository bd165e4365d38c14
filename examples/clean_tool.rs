//! Developer tool for the clean stage.
//!
//! ```text
//! cargo run --release --example clean_tool -- show FILE.jsonl[.gz] [FIELD] [N]
//!     print the first N cleaned bodies (default field `html`, N = 3)
//! cargo run --release --example clean_tool -- bench FILE.jsonl[.gz] [FIELD]
//!     time clean_body over every record: MB/s of input body bytes
//! cargo run --release --example clean_tool -- learn FILE.jsonl[.gz] [FIELD] [URLFIELD]
//!     run the per-run boilerplate learner over the cleaned bodies (batches of 512, as
//!     the pipeline does): how many articles lost what, the most frequent removals
//! cargo run --release --example clean_tool -- page FILE.html[.gz]
//!     print what clean::page() makes of one page (NEWSFACTS_CLEAN_DEBUG=1: trace)
//! cargo run --release --example clean_tool -- bodies DIR OUT.jsonl
//!     DIR = article-extraction benchmark (html/<key>.html.gz + ground-truth.json);
//!     writes {"id", "title", "published", "text"} per page for bodyscore.py
//! ```

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use newsfacts::article::{BodyKind, Cleaned, Origin, RawArticle};
use newsfacts::clean::boilerplate::Learner;
use newsfacts::clean::{clean_article, clean_body, page};

fn open(path: &str) -> Result<Box<dyn BufRead>> {
    let f = File::open(path).with_context(|| format!("open {path}"))?;
    Ok(if path.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(f)))
    } else {
        Box::new(BufReader::new(f))
    })
}

fn bodies(path: &str, field: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for line in open(path)?.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        if let Some(s) = v.get(field).and_then(|x| x.as_str()) {
            out.push(s.to_string());
        }
    }
    Ok(out)
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("show") => {
            let path = args.get(1).context("FILE")?;
            let field = args.get(2).map(String::as_str).unwrap_or("html");
            let n: usize = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(3);
            for b in bodies(path, field)?.iter().take(n) {
                println!("{}\n----------", clean_body(b));
            }
        }
        Some("bench") => {
            let path = args.get(1).context("FILE")?;
            let field = args.get(2).map(String::as_str).unwrap_or("html");
            let docs = bodies(path, field)?;
            let bytes: usize = docs.iter().map(String::len).sum();
            let mut best = f64::MAX;
            let mut out_bytes = 0;
            for _ in 0..5 {
                let t = Instant::now();
                out_bytes = docs.iter().map(|d| clean_body(d).len()).sum::<usize>();
                best = best.min(t.elapsed().as_secs_f64());
            }
            println!(
                "{} docs, {:.1} MB in, {:.1} MB out, best of 5: {:.3} s = {:.0} MB/s (1 thread)",
                docs.len(),
                bytes as f64 / 1e6,
                out_bytes as f64 / 1e6,
                best,
                bytes as f64 / 1e6 / best
            );
        }
        Some("learn") => {
            let path = args.get(1).context("FILE")?;
            let field = args.get(2).map(String::as_str).unwrap_or("html");
            let url_field = args.get(3).map(String::as_str).unwrap_or("url");
            let mut arts = Vec::new();
            for (i, line) in open(path)?.lines().enumerate() {
                let line = line?;
                let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                    continue;
                };
                let Some(body) = v.get(field).and_then(|x| x.as_str()) else {
                    continue;
                };
                arts.push(RawArticle {
                    id: None,
                    url: v
                        .get(url_field)
                        .and_then(|x| x.as_str())
                        .map(str::to_string),
                    title: None,
                    published: None,
                    body: body.to_string(),
                    kind: BodyKind::Record,
                    origin: Origin {
                        file: path.clone(),
                        line: Some(i as u64 + 1),
                    },
                    warnings: Vec::new(),
                    meta: Default::default(),
                });
            }
            let mut arts: Vec<Cleaned> = arts
                .into_iter()
                .map(|a| clean_article(a).expect("a record is never rejected by the cleaner"))
                .collect();
            let before: Vec<String> = arts.iter().map(|a| a.text.clone()).collect();
            let mut learner = Learner::default();
            let t = Instant::now();
            for chunk in arts.chunks_mut(512) {
                learner.clean_batch(chunk);
            }
            let secs = t.elapsed().as_secs_f64();
            let mut removed: std::collections::HashMap<String, usize> = Default::default();
            let mut changed = 0;
            let (mut chars_before, mut chars_after) = (0usize, 0usize);
            for (b, a) in before.iter().zip(&arts) {
                chars_before += b.len();
                chars_after += a.text.len();
                if *b != a.text {
                    changed += 1;
                    for p in b.split("\n\n") {
                        if !a.text.contains(p) {
                            let key: String = p.chars().take(100).collect();
                            *removed.entry(key).or_default() += 1;
                        }
                    }
                }
            }
            let mut top: Vec<_> = removed.into_iter().collect();
            top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for (p, n) in top.iter().take(40) {
                println!("{n:6}  {p}");
            }
            println!(
                "{} articles, {changed} changed, {:.2}% of the text removed, {} units held, learner {:.0} MB/s",
                arts.len(),
                100.0 * (chars_before - chars_after) as f64 / chars_before.max(1) as f64,
                learner.len(),
                chars_before as f64 / 1e6 / secs
            );
        }
        Some("bodies") => {
            let dir = Path::new(args.get(1).context("DIR")?);
            let out_path = args.get(2).context("OUT")?;
            let gt: serde_json::Value =
                serde_json::from_reader(File::open(dir.join("ground-truth.json"))?)?;
            let gt = gt.as_object().context("ground-truth.json: object")?;
            let mut keys: Vec<&String> = gt.keys().collect();
            keys.sort();
            let mut w = BufWriter::new(File::create(out_path)?);
            let mut bytes = 0usize;
            let mut secs = 0f64;
            for key in keys {
                let mut raw = Vec::new();
                let f = File::open(dir.join("html").join(format!("{key}.html.gz")))?;
                flate2::read::MultiGzDecoder::new(f).read_to_end(&mut raw)?;
                let html = String::from_utf8_lossy(&raw);
                let t = Instant::now();
                let p = page(&html);
                secs += t.elapsed().as_secs_f64();
                bytes += html.len();
                let rec = serde_json::json!({
                    "id": key, "title": p.title, "published": p.published, "text": p.text,
                });
                writeln!(w, "{rec}")?;
            }
            w.flush()?;
            eprintln!(
                "{} pages, {:.1} MB, page() at {:.0} MB/s",
                gt.len(),
                bytes as f64 / 1e6,
                bytes as f64 / 1e6 / secs
            );
        }
        Some("page") => {
            // One page file (optionally .gz): title, date, text.
            let path = args.get(1).context("FILE")?;
            let mut raw = Vec::new();
            open(path)?.read_to_end(&mut raw)?;
            let p = page(&String::from_utf8_lossy(&raw));
            println!(
                "title: {:?}\npublished: {:?}\n\n{}",
                p.title, p.published, p.text
            );
        }
        _ => bail!("usage: clean_tool show|bench|bodies …"),
    }
    Ok(())
}
