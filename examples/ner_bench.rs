//! Throughput of the name tagger (release, one thread):
//!
//!     cargo run --release --example ner_bench -- [DUMP.jsonl.gz] [MAX_ARTICLES] [MODEL]
//!
//! Reads article bodies (default: ../shared/data/bench/reuters21578.jsonl.gz), then times
//! tokenisation + sentence splitting, and tagging, separately. Prints tokens/s.
use newsfacts::extract::names::{model::Scratch, model_ref, tokenize};
use std::io::{BufRead, BufReader};
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "../shared/data/bench/reuters21578.jsonl.gz".into());
    let max: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let f = std::fs::File::open(&path)?;
    let r: Box<dyn BufRead> = if path.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::GzDecoder::new(f)))
    } else {
        Box::new(BufReader::new(f))
    };
    let mut bodies = Vec::new();
    for line in r.lines().take(max) {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        for k in ["html", "content", "body", "text"] {
            if let Some(s) = v.get(k).and_then(|x| x.as_str()) {
                bodies.push(s.to_string());
                break;
            }
        }
    }
    let owned;
    let m = match args.next() {
        Some(p) => {
            owned = newsfacts::extract::names::model::Model::load(&std::fs::read(p)?)?;
            &owned
        }
        None => model_ref().ok_or_else(|| anyhow::anyhow!("no model"))?,
    };
    let bytes: usize = bodies.iter().map(|b| b.len()).sum();
    let t0 = Instant::now();
    let mut docs = Vec::with_capacity(bodies.len());
    let mut ntok = 0usize;
    for b in &bodies {
        let toks = tokenize::tokenize(b);
        let sents = tokenize::sentences(b, &toks);
        ntok += toks.len();
        docs.push((toks, sents));
    }
    let t_tok = t0.elapsed().as_secs_f64();
    let mut sc = Scratch::default();
    let t1 = Instant::now();
    let mut nent = 0usize;
    for (b, (toks, sents)) in bodies.iter().zip(&docs) {
        let words: Vec<&str> = toks.iter().map(|t| &b[t.start..t.end]).collect();
        let tags = m.tag(&words, sents, &mut sc);
        nent += tags.iter().filter(|&&t| t != 0).count();
    }
    let t_tag = t1.elapsed().as_secs_f64();
    let t2 = Instant::now();
    let ctx = newsfacts::extract::Context::default();
    let mut nfound = 0usize;
    for b in &bodies {
        nfound += newsfacts::extract::names::find(b, &ctx).len();
    }
    let t_find = t2.elapsed().as_secs_f64();
    println!(
        "{} articles, {:.1} MB, {ntok} tokens ({nent} tagged as names)",
        bodies.len(),
        bytes as f64 / 1e6
    );
    println!(
        "tokenize+split: {:.0} tokens/s ({:.1} MB/s)",
        ntok as f64 / t_tok,
        bytes as f64 / 1e6 / t_tok
    );
    println!(
        "tagging:        {:.0} tokens/s ({:.1} MB/s)",
        ntok as f64 / t_tag,
        bytes as f64 / 1e6 / t_tag
    );
    println!(
        "total:          {:.0} tokens/s",
        ntok as f64 / (t_tok + t_tag)
    );
    println!(
        "names::find (tokenize + tag + post-process, embedded model): {:.0} tokens/s \
         ({:.1} MB/s, {nfound} names)",
        ntok as f64 / t_find,
        bytes as f64 / 1e6 / t_find
    );
    Ok(())
}
