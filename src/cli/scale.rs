//! The commands for runs that one machine cannot hold (README, "When one machine is not
//! enough"): `boilerplate learn|merge` (a learning pass any engine can split),
//! `merge OUT SHARD…` (task indexes into one), `export --format opensearch|quickwit` and
//! `mapping` (the hand-off to a search cluster).

use super::args::{
    BoilerplateArgs, BoilerplateCommand, ExportArgs, ExportFormat, LearnArgs, MappingArgs,
    MergeArgs, ModelMergeArgs,
};
use super::output::{refuse_overwriting_inputs, Output};
use newsfacts::clean::boilerplate_model::{self, Model};
use newsfacts::error::ResultExt as _;
use newsfacts::index::{export_formats, NewsIndex};
use newsfacts::{Error, Result};
use std::io::Write as _;

pub fn boilerplate(a: BoilerplateArgs) -> Result<()> {
    match a.command {
        BoilerplateCommand::Learn(a) => learn(a),
        BoilerplateCommand::Merge(a) => merge_models(a),
    }
}

fn learn(a: LearnArgs) -> Result<()> {
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
    Ok(())
}

fn merge_models(a: ModelMergeArgs) -> Result<()> {
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
    Ok(())
}

fn write_model(m: &Model, path: Option<&std::path::Path>) -> Result<()> {
    let mut out = Output::new(path)?;
    m.write(&mut out)?;
    out.finish()
}

pub fn merge(a: MergeArgs) -> Result<()> {
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
    Ok(())
}

pub fn mapping(a: MappingArgs) -> Result<()> {
    let mut out = Output::new(None)?;
    let text = if a.opensearch {
        serde_json::to_string_pretty(&export_formats::opensearch_mapping())? + "\n"
    } else {
        export_formats::quickwit_index_config(&a.index_name)
    };
    out.write_all(text.as_bytes())
        .context("cannot write to stdout")?;
    out.finish()?;
    Ok(())
}

/// `export`: the stored articles in the asked format; how many.
pub fn export(index: &NewsIndex, a: &ExportArgs, out: &mut Output) -> Result<usize> {
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
