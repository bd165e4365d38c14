//! The commands for runs that one machine cannot hold (README, "When one machine is not
//! enough"): `boilerplate learn|merge` (a learning pass any engine can split),
//! `merge OUT SHARD…` (task indexes into one), `export --format opensearch|quickwit` and
//! `mapping` (the hand-off to a search cluster).

use super::output::{refuse_overwriting_inputs, Output};
use super::Finished;
use clap::{Args, Subcommand, ValueEnum};
use newsfacts::clean::boilerplate_model::{self, Model};
use newsfacts::error::ResultExt as _;
use newsfacts::index::{export_formats, NewsIndex};
use newsfacts::{Error, Result};
use std::io::Write as _;
use std::path::PathBuf;

#[derive(Args)]
pub struct BoilerplateArgs {
    #[command(subcommand)]
    pub command: BoilerplateCommand,
}

#[derive(Subcommand)]
pub enum BoilerplateCommand {
    /// Count the units of every article per source (paragraphs, edge sentences) into a
    /// model that `merge` can add to others; apply it with `extract/ingest --boilerplate`.
    Learn(LearnArgs),
    /// Add models learned on parts of a dump: the sum is the model of the whole.
    Merge(ModelMergeArgs),
}

#[derive(Args)]
pub struct LearnArgs {
    /// Files, directories (recursed) or `-` for stdin, as for `extract`. Default: stdin.
    pub inputs: Vec<PathBuf>,
    /// Where to write the model (JSON). Default: stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The source of records without a URL (as `extract --source`): give the same name to
    /// every part of one dump.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Keep only the units that are boilerplate (a model for applying that cannot be
    /// merged again).
    #[arg(long = "final")]
    pub final_: bool,
    /// No summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args)]
pub struct ModelMergeArgs {
    /// Models from `boilerplate learn` (or earlier merges).
    #[arg(required = true)]
    pub models: Vec<PathBuf>,
    /// Where to write the sum. Default: stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Keep only the units that are boilerplate: a small model to ship to the tasks that
    /// apply it, which cannot be merged again.
    #[arg(long = "final")]
    pub final_: bool,
    /// No summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args)]
pub struct MergeArgs {
    /// The new index (a directory that does not exist or is empty).
    pub out: PathBuf,
    /// Shard indexes, in input order: a later shard's version of an article replaces an
    /// earlier one's; the first of the same texts is kept and the others linked to it.
    #[arg(required = true)]
    pub shards: Vec<PathBuf>,
    /// No summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct MappingArgs {
    /// The OpenSearch / Elasticsearch index body (settings + mappings, JSON) for
    /// `export --format opensearch`.
    #[arg(long)]
    pub opensearch: bool,
    /// The Quickwit index config (YAML) for `export --format quickwit`.
    #[arg(long)]
    pub quickwit: bool,
    /// The index id written in the Quickwit config.
    #[arg(long, value_name = "NAME", default_value = "newsfacts", group = "name")]
    pub index_name: String,
}

/// What `export` writes.
#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// The article JSON of the spec, one per line.
    Newsfacts,
    /// OpenSearch / Elasticsearch `_bulk` NDJSON (an action line with `_id`, a document).
    Opensearch,
    /// Quickwit NDJSON: flat documents, nested parts as JSON text.
    Quickwit,
}

pub fn boilerplate(a: BoilerplateArgs) -> Result<Finished> {
    match a.command {
        BoilerplateCommand::Learn(a) => learn(a),
        BoilerplateCommand::Merge(a) => merge_models(a),
    }
}

fn learn(a: LearnArgs) -> Result<Finished> {
    let (sources, early, _skipped) = newsfacts::read::expand(&a.inputs);
    refuse_overwriting_inputs(&sources, &[a.output.as_deref()])?;
    let started = std::time::Instant::now();
    let mut rejected = early.len() as u64;
    let (mut model, summary) = boilerplate_model::learn(&sources, a.source.clone(), &mut |_| {});
    rejected += summary.rejected;
    if a.final_ {
        model.finalize();
    }
    write_model(&model, a.output.as_deref())?;
    if !a.quiet {
        let (s, u, _) = model.sizes();
        eprintln!(
            "newsfacts: boilerplate learned from {} articles ({} records not usable: `extract` reports them) in {:.2} s: {s} sources, {u} units",
            summary.articles,
            rejected,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(Finished::Done)
}

fn merge_models(a: ModelMergeArgs) -> Result<Finished> {
    let mut sum = Model::default();
    for p in &a.models {
        sum.merge(Model::load(p)?)
            .map_err(|e| Error::user(format!("{}: {}", p.display(), e.chain())))?;
    }
    if a.final_ {
        sum.finalize();
    }
    write_model(&sum, a.output.as_deref())?;
    if !a.quiet {
        let (s, u, n) = sum.sizes();
        eprintln!(
            "newsfacts: {} models merged: {n} articles, {s} sources, {u} units",
            a.models.len()
        );
    }
    Ok(Finished::Done)
}

fn write_model(m: &Model, path: Option<&std::path::Path>) -> Result<()> {
    let mut out = Output::new(path)?;
    m.write(&mut out)?;
    out.finish()
}

pub fn merge(a: MergeArgs) -> Result<Finished> {
    let started = std::time::Instant::now();
    let s = newsfacts::index::merge::merge(&a.out, &a.shards)?;
    if !a.quiet {
        eprintln!(
            "newsfacts: {} shards merged into {} in {:.2} s: {} articles read, {} kept, {} older versions replaced, {} copies linked, {} articles re-linked",
            s.shards,
            a.out.display(),
            started.elapsed().as_secs_f64(),
            s.read,
            s.kept,
            s.replaced,
            s.copies,
            s.relinked
        );
    }
    Ok(Finished::Done)
}

pub fn mapping(a: MappingArgs) -> Result<Finished> {
    let mut out = Output::new(None)?;
    let text = if a.opensearch {
        serde_json::to_string_pretty(&export_formats::opensearch_mapping())? + "\n"
    } else {
        export_formats::quickwit_index_config(&a.index_name)
    };
    out.write_all(text.as_bytes())
        .context("cannot write to stdout")?;
    out.finish()?;
    Ok(Finished::Done)
}

/// `export`: the stored articles in the asked format; how many.
pub fn export(index: &NewsIndex, a: &super::args::ExportArgs, out: &mut Output) -> Result<usize> {
    let q = a.query.as_deref();
    match a.format {
        ExportFormat::Newsfacts => index.export(q, &mut |article| out.json_line(article)),
        ExportFormat::Opensearch => index.export(q, &mut |article| {
            let (action, doc) = export_formats::opensearch(article, &a.index_name)?;
            line(out, &action)?;
            line(out, &doc)
        }),
        ExportFormat::Quickwit => index.export(q, &mut |article| {
            line(out, &export_formats::quickwit(article)?)
        }),
    }
}

fn line(out: &mut Output, s: &str) -> Result<()> {
    out.write_all(s.as_bytes())
        .and_then(|_| out.write_all(b"\n"))
        .context("cannot write the export")
}
