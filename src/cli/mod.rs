//! The commands of the binary: each takes its parsed arguments ([`args`]), calls the
//! library, reports on stderr, and says how it finished ([`Finished`]); `main` turns that
//! or the error into the exit code.

pub mod args;
pub mod output;
pub mod render;
pub mod safe;
pub mod scale;

use args::{
    CheckArgs, ExportArgs, ExtractArgs, FactsArgs, FactsFormat, IngestArgs, InputArgs, NerEvalArgs,
    NerTrainArgs, SearchArgs,
};
use newsfacts::article::Article;
use newsfacts::error::ResultExt as _;
use newsfacts::index::{check, writer::Added, writer::Writer, NewsIndex};
use newsfacts::pipeline::{self, Summary};
use newsfacts::read::{Reject, Source};
use newsfacts::Result;
use output::{refuse_overwriting_inputs, Output};

/// How a command that did not fail finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finished {
    /// Exit 0.
    Done,
    /// Exit 2: the run finished, and some records were rejected.
    WithRejects,
}

impl Finished {
    /// Exit 2 when records were rejected, unless `--rejects-ok` says they are no failure.
    fn of(s: &Summary, input: &InputArgs) -> Finished {
        if s.rejected > 0 && !input.rejects_ok {
            Finished::WithRejects
        } else {
            Finished::Done
        }
    }
}

/// The inputs as sources, the paths that are not there as rejects; files in
/// directories that are not read (of unknown type, links to directories, FIFOs, a file
/// met twice) are skipped, and the first few said so, with why.
fn expand(input: &InputArgs) -> (Vec<Source>, Vec<Reject>, usize) {
    let (sources, rejects, skipped) = newsfacts::read::expand(&input.inputs);
    if !input.quiet {
        for s in skipped.iter().take(10) {
            let path = s.path.display().to_string();
            eprintln!("newsfacts: skipping {} ({})", safe::text(&path), s.why);
        }
        if skipped.len() > 10 {
            eprintln!("newsfacts: … and {} more files skipped", skipped.len() - 10);
        }
    }
    (sources, rejects, skipped.len())
}

pub fn extract(a: ExtractArgs) -> Result<Finished> {
    let (sources, rejects, skipped) = expand(&a.input);
    refuse_overwriting_inputs(&sources, &[a.output.as_deref(), a.input.rejects.as_deref()])?;
    let mut out = Output::new(a.output.as_deref())?;
    let summary = pipeline::run(
        sources,
        rejects,
        skipped,
        &a.options()?,
        &mut |article: Article| out.json_line(&article),
    )?;
    out.finish()?;
    if !a.input.quiet {
        eprintln!(
            "newsfacts: {} records read, {} extracted, {} rejected, {} warnings; {:.1} MB in {:.2} s ({:.1} MB/s)",
            summary.read,
            summary.written,
            summary.rejected,
            summary.warnings,
            summary.bytes as f64 / 1e6,
            summary.seconds,
            summary.mb_per_s()
        );
    }
    Ok(Finished::of(&summary, &a.input))
}

pub fn ingest(a: IngestArgs) -> Result<Finished> {
    // A mistyped input is the user's to fix before anything is written (an empty index
    // made from nothing would say the run went well).
    for p in a.input.inputs.iter().filter(|p| p.as_os_str() != "-") {
        if let Err(e) = std::fs::metadata(p) {
            let said = p.display().to_string();
            return Err(newsfacts::Error::user(format!(
                "cannot read the input {}: {e}; nothing was ingested",
                safe::text(&said)
            )));
        }
    }
    let (sources, rejects, skipped) = expand(&a.input);
    refuse_overwriting_inputs(&sources, &[a.input.rejects.as_deref()])?;
    let index = NewsIndex::open_or_create(&a.index.index)?;
    index.ensure_writable()?;
    let started = std::time::Instant::now();
    let mut writer = Writer::new(&index, a.commit_every)?;
    let (mut new, mut replaced, mut copies) = (0u64, 0u64, 0u64);
    let mut summary = pipeline::run(
        sources,
        rejects,
        skipped,
        &a.input.options()?,
        &mut |article: Article| {
            match writer.add(&article)? {
                Added::New => new += 1,
                Added::Replaced => replaced += 1,
                Added::CopyOf(_) => copies += 1,
            }
            Ok(())
        },
    )?;
    writer.finish()?;
    // the new files are verified once here, so that searches need not
    let verified = check::verify(&index.index, &index.dir, check::Scope::Changed)?;
    if !verified.problems.is_empty() {
        return Err(check::damaged(&index.dir, &verified.problems));
    }
    // the time of the final commit and merges counts too
    summary.seconds = started.elapsed().as_secs_f64();
    summary.duplicates = replaced + copies;
    let total = index.count()?;
    if !a.input.quiet {
        eprintln!(
            "newsfacts: {} records read: {} new, {} already indexed (replaced), {} copies of an indexed text (linked, not indexed again), {} rejected, {} warnings; {:.1} MB in {:.2} s ({:.1} MB/s, {:.0} articles/s); the index at {} holds {} articles",
            summary.read,
            new,
            replaced,
            copies,
            summary.rejected,
            summary.warnings,
            summary.bytes as f64 / 1e6,
            summary.seconds,
            summary.mb_per_s(),
            summary.read as f64 / summary.seconds.max(1e-9),
            a.index.index.display(),
            total
        );
    }
    Ok(Finished::of(&summary, &a.input))
}

pub fn search(a: SearchArgs) -> Result<Finished> {
    let req = a.request()?;
    let index = NewsIndex::open(&a.index.index)?;
    let resp = index.search(&req)?;
    let mut out = Output::new(None)?;
    if a.json {
        out.json_line(&resp)?;
    } else {
        render::response(
            &mut out,
            &resp,
            req.fact_filter().as_ref(),
            a.color.enabled(),
        )
        .context("cannot write to stdout")?;
    }
    out.finish()?;
    Ok(Finished::Done)
}

pub fn export(a: ExportArgs) -> Result<Finished> {
    let index = NewsIndex::open(&a.index.index)?;
    let mut out = Output::new(a.output.as_deref())?;
    let n = scale::export(&index, &a, &mut out)?;
    out.finish()?;
    eprintln!("newsfacts: exported {n} articles");
    Ok(Finished::Done)
}

/// The facts of the matching articles as a table, JSON Lines or CSV. No fact matching is
/// not an error: the table says so, and stderr says why (no article matches the query, or
/// none of the matching ones holds such a fact).
pub fn facts(a: FactsArgs) -> Result<Finished> {
    let req = a.request()?;
    let index = NewsIndex::open(&a.index.index)?;
    let result = index.facts(&req)?;
    let mut out = Output::new(a.output.as_deref())?;
    match a.format() {
        FactsFormat::Json => {
            for row in &result.rows {
                out.json_line(row)?;
            }
        }
        FactsFormat::Csv => render::facts_csv(&mut out, &result.rows)
            .with_context(|| format!("cannot write {}", out_name(&a)))?,
        FactsFormat::Table => render::facts_table(&mut out, &result)
            .with_context(|| format!("cannot write {}", out_name(&a)))?,
    }
    out.finish()?;
    if result.total == 0 {
        eprintln!("newsfacts: {}", render::no_facts_reason(&req, &result));
    } else if result.rows.len() < result.total && a.format() != FactsFormat::Table {
        eprintln!(
            "newsfacts: {} of {} facts written (--limit)",
            result.rows.len(),
            result.total
        );
    }
    Ok(Finished::Done)
}

fn out_name(a: &FactsArgs) -> String {
    match &a.output {
        Some(p) if p.as_os_str() != "-" => p.display().to_string(),
        _ => "stdout".to_string(),
    }
}

/// Verify every file of the index ([`check`]): exit 0 when sound, 3 when not.
pub fn check(a: CheckArgs) -> Result<Finished> {
    let dir = &a.index.index;
    let index = NewsIndex::open_unverified(dir)?;
    let report = check::verify(&index.index, dir, check::Scope::All)?;
    let shown = dir.display().to_string();
    let shown = safe::text(&shown);
    if !report.problems.is_empty() {
        for p in &report.problems {
            println!("damaged: {}: {}", safe::text(&p.file), p.what);
        }
        return Err(newsfacts::Error::input(format!(
            "the index at {shown} is damaged: {} of its {} files; ingest the inputs again into a new directory",
            report.problems.len(),
            report.files,
        )));
    }
    let articles = index.count()?;
    println!(
        "the index at {shown} is sound: {articles} articles in {} segment{}; {} files, {:.1} MB verified",
        report.segments,
        if report.segments == 1 { "" } else { "s" },
        report.files,
        report.bytes as f64 / 1e6
    );
    Ok(Finished::Done)
}

/// Train the name tagger (`extract::names::train`).
pub fn ner_train(a: NerTrainArgs) -> Result<Finished> {
    newsfacts::extract::names::train::run_train(&a.options()?)?;
    Ok(Finished::Done)
}

/// Span P/R/F1 of the name tagger on CoNLL / FiNER files.
pub fn ner_eval(a: NerEvalArgs) -> Result<Finished> {
    newsfacts::extract::names::train::run_eval(&newsfacts::extract::names::train::EvalOptions {
        files: a.files,
        model: a.model,
        post: !a.raw,
        rules: newsfacts::extract::names::post::Rules::from_bits(a.rules),
    })?;
    Ok(Finished::Done)
}
