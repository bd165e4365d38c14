//! Driver for the name tagger until the main CLI wires `ner-train` / `ner-eval`:
//!
//!     cargo run --release --example ner_tool -- train [--sets conll,finer,...]
//!     cargo run --release --example ner_tool -- eval FILE...
//!     cargo run --release --example ner_tool -- extract ARTICLES.jsonl > out.jsonl
use clap::{Parser, Subcommand};
use newsfacts::extract::names::cli::{run_eval, run_train, EvalArgs, TrainArgs};
use std::io::{BufRead, Write};

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    Train(TrainArgs),
    Eval(EvalArgs),
    /// Clean + extract a JSON Lines file of articles (fields id/title/published/html…).
    Extract {
        file: std::path::PathBuf,
    },
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().cmd {
        Cmd::Train(a) => run_train(&a),
        Cmd::Eval(a) => run_eval(&a),
        Cmd::Extract { file } => extract(&file),
    }
}

fn extract(file: &std::path::Path) -> anyhow::Result<()> {
    let f = std::io::BufReader::new(std::fs::File::open(file)?);
    let mut out = std::io::stdout().lock();
    for line in f.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let get = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| v.get(*k).and_then(|x| x.as_str()))
                .map(str::to_string)
        };
        let body =
            get(&["html", "content", "body", "text", "maintext", "article"]).unwrap_or_default();
        let published = get(&["published", "date"]);
        let text = newsfacts::clean::clean_body(&body);
        let ctx = newsfacts::extract::Context {
            reference_date: published
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok()),
            lang: Some("en".into()),
        };
        let ex = newsfacts::extract::extract(&text, &ctx);
        let art = newsfacts::article::Article {
            schema_version: newsfacts::article::SCHEMA_VERSION,
            id: get(&["id", "doc_id", "uuid"]).unwrap_or_default(),
            url: get(&["url", "link"]),
            title: get(&["title", "headline"]),
            published,
            lang: Some("en".into()),
            text,
            mentions: ex.mentions,
            entities: ex.entities,
            facts: vec![],
            copies: vec![],
            meta: Default::default(),
        };
        writeln!(out, "{}", serde_json::to_string(&art)?)?;
    }
    Ok(())
}
