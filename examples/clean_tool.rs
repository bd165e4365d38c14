//! Developer tool for the clean stage.
//!
//! ```text
//! cargo run --release --example clean_tool -- show FILE.jsonl[.gz] [FIELD] [N]
//!     print the first N cleaned bodies (default field `html`, N = 3)
//! cargo run --release --example clean_tool -- bench FILE.jsonl[.gz] [FIELD]
//!     time clean_body over every record: MB/s of input body bytes
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
use newsfacts::clean::{clean_body, page};

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
