//! Search latency over an existing index: a fixed set of two-word queries, each with the
//! facet counts of `newsfacts search`, run in one process (the index opened once, as a
//! server would), several rounds; prints p50 / p99 / max in milliseconds.
//!
//!     cargo run --release --example search_bench -- INDEX_DIR [ROUNDS]

use newsfacts::index::search::Request;
use newsfacts::index::NewsIndex;
use std::time::Instant;

/// Two-word queries of the kind analysts type on a news archive (Reuters vocabulary).
const QUERIES: &[&str] = &[
    "oil prices",
    "trade deficit",
    "interest rates",
    "bank loans",
    "crude oil",
    "wheat exports",
    "stock split",
    "net loss",
    "coffee quota",
    "money supply",
    "dollar yen",
    "gold reserves",
    "takeover bid",
    "federal reserve",
    "sugar production",
    "debt crisis",
    "share offering",
    "quarterly dividend",
    "tax reform",
    "grain shipments",
];

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        anyhow::bail!("usage: search_bench INDEX_DIR [ROUNDS]");
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(20);
    let index = NewsIndex::open(std::path::Path::new(dir))?;
    let docs = index.count()?;
    let mut ms = Vec::new();
    let mut totals = 0usize;
    for round in 0..=rounds {
        for q in QUERIES {
            let req = Request {
                query: q.to_string(),
                limit: 10,
                facet_limit: 10,
                ..Request::default()
            };
            let t = Instant::now();
            let resp = index.search(&req)?;
            let elapsed = t.elapsed().as_secs_f64() * 1e3;
            if round > 0 {
                // round 0 warms the page cache
                ms.push(elapsed);
                totals += resp.total;
            }
        }
    }
    ms.sort_by(|a, b| a.total_cmp(b));
    println!(
        "search over {docs} articles: {} queries ({} two-word queries x {rounds} rounds, 10 hits + facet counts each), {:.1} matches per query; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms.len(),
        QUERIES.len(),
        totals as f64 / ms.len().max(1) as f64,
        percentile(&ms, 0.50),
        percentile(&ms, 0.99),
        ms.last().copied().unwrap_or(0.0)
    );
    Ok(())
}
