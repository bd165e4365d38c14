//! The command line only: parse flags, validate them, call the library, map errors to
//! exit codes (0 ok, 1 usage or fatal error, 2 finished with rejected records).

use anyhow::{bail, Context as _, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use newsfacts::article::Article;
use newsfacts::index::search::{self, Request, Response};
use newsfacts::index::{writer::Added, writer::Writer, NewsIndex};
use newsfacts::pipeline::{self, Options, Summary};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "newsfacts",
    version,
    about = "Turn dumps of scraped news articles into searchable, exportable facts."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Clean + extract, no index: one JSON object per article (JSON Lines).
    Extract(ExtractArgs),
    /// Clean + extract + index (idempotent by article id).
    Ingest(IngestArgs),
    /// Search the index: ranked hits with snippets, and facet counts.
    Search(SearchArgs),
    /// Write stored articles (all, or those matching --query) as JSON Lines.
    Export(ExportArgs),
    /// Train the name tagger (PERSON / ORG / LOC).
    NerTrain(NerTrainArgs),
    /// Span-level P/R/F1 of the name tagger on CoNLL-style files.
    NerEval(NerEvalArgs),
}

/// Train the name tagger.
#[derive(Args)]
struct NerTrainArgs {
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    out: PathBuf,
    /// Folder of the NER data sets (shared/data/ner).
    #[arg(long, default_value = "../shared/data/ner")]
    data: PathBuf,
    /// Training sets, comma-separated: conll, finer, wikigold, sec, re3d, gum, gmb.
    #[arg(long, default_value = "conll,finer,wikigold,sec")]
    sets: String,
    /// Number of passes over the training data (the best epoch on dev is kept).
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    /// log2 of the number of rows of the hashed weight table.
    #[arg(long, default_value_t = 20)]
    bits: u32,
    /// Drop quantised weights whose magnitude is at most this.
    #[arg(long, default_value_t = 2)]
    prune: i16,
    /// Seeds of the shuffling of documents: one model per seed, weights averaged.
    #[arg(long, default_value = "7")]
    seeds: String,
    /// Switch off feature groups (ablation): affix, context2, gaz, doc, lcstat, shape_ctx.
    #[arg(long, default_value = "")]
    without: String,
    /// Extra sets whose text (not labels) feeds the lower-case statistics.
    #[arg(long, default_value = "")]
    lc_extra: String,
    /// GMB/re3d "gpe" labels count as LOC.
    #[arg(long)]
    gpe_as_loc: bool,
}

/// Print span-level P/R/F1 per type on CoNLL-style files or FiNER-ORD CSV files.
#[derive(Args)]
struct NerEvalArgs {
    /// CoNLL file(s) (or FiNER `.csv`) to evaluate on.
    files: Vec<PathBuf>,
    /// Model file to use instead of the embedded one.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Score the tagger's raw spans (no post-processing).
    #[arg(long)]
    raw: bool,
    /// Post-processing rules (bit mask of `post::Rule`: 1 lists, 2 org heads, 4 "of",
    /// 8 one type per name, 16 person parts, 32 name alone, 64 legal forms, 128 agencies).
    #[arg(long, default_value_t = newsfacts::extract::names::post::Rules::ALL.bits())]
    rules: u8,
}

impl NerTrainArgs {
    fn options(self) -> Result<newsfacts::extract::names::train::TrainOptions> {
        let list = |s: &str| -> Vec<String> {
            s.split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        };
        let seeds = list(&self.seeds)
            .iter()
            .map(|s| s.trim().parse::<u64>().context("bad --seeds"))
            .collect::<Result<_>>()?;
        let groups = newsfacts::extract::names::features::Groups::without(
            list(&self.without).iter().map(String::as_str),
        )?;
        Ok(newsfacts::extract::names::train::TrainOptions {
            out: self.out,
            data: self.data,
            sets: list(&self.sets),
            epochs: self.epochs,
            bits: self.bits,
            prune: self.prune,
            seeds,
            groups,
            lc_extra: list(&self.lc_extra),
            gpe_as_loc: self.gpe_as_loc,
        })
    }
}

#[derive(Args)]
struct InputArgs {
    /// Files, directories (recursed) or `-` for stdin. JSON Lines (.jsonl, .ndjson, also
    /// .gz/.zst), .html/.htm, .txt, .warc(.gz). Default: stdin.
    inputs: Vec<PathBuf>,
    /// Resolve relative dates ("this year") against this day when an article has no
    /// published date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    reference_date: Option<chrono::NaiveDate>,
    /// Also write every rejected record, with file, line and reason, as JSON Lines here.
    #[arg(long, value_name = "FILE")]
    rejects: Option<PathBuf>,
    /// Print only errors (no per-record reports, no summary).
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Each mention also names the rule that made it ("rule": "time.en.month_day"), to
    /// see why a value came out.
    #[arg(long)]
    explain: bool,
}

#[derive(Args)]
struct IndexArg {
    /// Index directory.
    #[arg(
        long,
        env = "NEWSFACTS_INDEX",
        default_value = "newsfacts-index",
        value_name = "DIR"
    )]
    index: PathBuf,
}

#[derive(Args)]
struct IngestArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    index: IndexArg,
    /// Commit the index every N articles (and at least every 30 s): a run that is killed
    /// keeps everything committed; running it again completes it.
    #[arg(long, value_name = "N", default_value_t = newsfacts::index::writer::COMMIT_EVERY,
          value_parser = clap::value_parser!(u64).range(1..))]
    commit_every: u64,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Args)]
struct SearchArgs {
    /// Query: words (all must match), "a phrase", -excluded, title:word, OR, *.
    query: String,
    #[command(flatten)]
    index: IndexArg,
    /// Number of hits to show.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// One JSON object instead of text.
    #[arg(long)]
    json: bool,
    /// Only articles mentioning this person (case-insensitive; repeatable).
    #[arg(long, value_name = "NAME")]
    person: Vec<String>,
    /// Only articles mentioning this organisation (repeatable).
    #[arg(long, value_name = "NAME")]
    org: Vec<String>,
    /// Only articles mentioning this place (repeatable).
    #[arg(long, value_name = "NAME")]
    loc: Vec<String>,
    /// Only articles in this language (ISO 639-1, e.g. en).
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = |s: &str| parse_bound(s, false))]
    from: Option<chrono::NaiveDate>,
    /// Published on or before (YYYY, YYYY-MM or YYYY-MM-DD; a year or month is included whole).
    #[arg(long, value_name = "DATE", value_parser = |s: &str| parse_bound(s, true))]
    to: Option<chrono::NaiveDate>,
    /// Only articles with an amount of money of at least N (in --currency when given).
    #[arg(long, value_name = "N")]
    min_amount: Option<f64>,
    /// Only articles with amounts in this currency (ISO 4217, e.g. USD).
    #[arg(long, value_name = "CODE")]
    currency: Option<String>,
    /// Values shown per facet.
    #[arg(long, default_value_t = 10, value_name = "N")]
    facets: usize,
    /// Colour: auto (when stdout is a terminal and NO_COLOR is unset), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
}

#[derive(Args)]
struct ExportArgs {
    #[command(flatten)]
    index: IndexArg,
    /// Only the articles matching this query (same syntax as `search`).
    #[arg(long, value_name = "QUERY")]
    query: Option<String>,
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("expected YYYY-MM-DD, got {s:?}"))
}

fn parse_bound(s: &str, end: bool) -> Result<chrono::NaiveDate, String> {
    search::date_bound(s, end)
        .ok_or_else(|| format!("expected YYYY, YYYY-MM or YYYY-MM-DD, got {s:?}"))
}

/// mimalloc: extraction makes many small strings, and glibc's malloc and free were
/// ≈ 6 % of ingest CPU.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsfacts: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Extract(a) => extract(a),
        Command::Ingest(a) => ingest(a),
        Command::Search(a) => search_cmd(a),
        Command::Export(a) => export(a),
        Command::NerTrain(a) => {
            newsfacts::extract::names::train::run_train(&a.options()?)?;
            Ok(0)
        }
        Command::NerEval(a) => {
            newsfacts::extract::names::train::run_eval(
                &newsfacts::extract::names::train::EvalOptions {
                    files: a.files,
                    model: a.model,
                    post: !a.raw,
                    rules: newsfacts::extract::names::post::Rules::from_bits(a.rules),
                },
            )?;
            Ok(0)
        }
    }
}

/// Where output goes: stdout, or a file written under a temporary name beside it and
/// renamed into place by [`Output::finish`], so a run that fails (a bad query, a full
/// disk) never leaves a truncated file where a good one was. A destination that is not a
/// regular file (`/dev/null`, a named pipe, `/dev/stdout`) is written directly: renaming
/// over it would replace the device or pipe with a plain file. A symbolic link is
/// followed, so the file it points to is replaced and the link stays.
enum Output {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    Direct(std::io::BufWriter<std::fs::File>),
    File {
        w: std::io::BufWriter<std::fs::File>,
        tmp: PathBuf,
        dest: PathBuf,
    },
}

impl Output {
    fn new(path: Option<&Path>) -> Result<Output> {
        match path {
            Some(p) if p.as_os_str() != "-" => {
                // Follow a link to what it names; a missing file is created as given.
                let p = &std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
                if std::fs::metadata(p).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
                    let f = std::fs::OpenOptions::new()
                        .write(true)
                        .open(p)
                        .with_context(|| format!("cannot open {}", p.display()))?;
                    return Ok(Output::Direct(std::io::BufWriter::new(f)));
                }
                let name = p
                    .file_name()
                    .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
                let tmp = p.with_file_name(format!(".{name}.newsfacts-{}.tmp", std::process::id()));
                let f = std::fs::File::create(&tmp)
                    .with_context(|| format!("cannot create {}", p.display()))?;
                Ok(Output::File {
                    w: std::io::BufWriter::new(f),
                    tmp,
                    dest: p.to_path_buf(),
                })
            }
            _ => Ok(Output::Stdout(std::io::BufWriter::new(
                std::io::stdout().lock(),
            ))),
        }
    }

    fn finish(mut self) -> Result<()> {
        self.flush()?;
        if let Output::File { tmp, dest, .. } = &self {
            std::fs::rename(tmp, dest)
                .with_context(|| format!("cannot write {}", dest.display()))?;
        }
        Ok(())
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::Direct(w) => w.write(buf),
            Output::File { w, .. } => w.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::Direct(w) => w.flush(),
            Output::File { w, .. } => w.flush(),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // Still there only when finish() did not run or failed: the run failed.
        if let Output::File { tmp, .. } = self {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Refuse to write over an input: `extract in.jsonl -o in.jsonl` would lose it.
fn refuse_overwriting_inputs(
    sources: &[newsfacts::read::Source],
    outputs: &[Option<&Path>],
) -> Result<()> {
    for out in outputs.iter().flatten() {
        let Ok(out_real) = std::fs::canonicalize(out) else {
            continue; // does not exist yet: cannot be an input
        };
        for s in sources {
            if let Some(p) = &s.path {
                if std::fs::canonicalize(p).is_ok_and(|r| r == out_real) {
                    bail!(
                        "{} is also an input; refusing to overwrite it",
                        out.display()
                    );
                }
            }
        }
    }
    Ok(())
}

fn options(input: &InputArgs) -> Options {
    Options {
        reference_date: input.reference_date,
        rejects: input.rejects.clone(),
        progress: !input.quiet && std::io::stderr().is_terminal(),
        quiet: input.quiet,
        explain: false,
    }
}

fn expand(
    input: &InputArgs,
) -> Result<(
    Vec<newsfacts::read::Source>,
    Vec<newsfacts::read::Reject>,
    usize,
)> {
    let (sources, rejects, skipped) = newsfacts::read::expand(&input.inputs);
    if !input.quiet {
        for p in skipped.iter().take(10) {
            eprintln!("newsfacts: skipping {} (unknown file type)", p.display());
        }
        if skipped.len() > 10 {
            eprintln!(
                "newsfacts: … and {} more files of unknown type skipped",
                skipped.len() - 10
            );
        }
    }
    Ok((sources, rejects, skipped.len()))
}

fn exit_code(s: &Summary) -> u8 {
    if s.rejected > 0 {
        2
    } else {
        0
    }
}

fn extract(a: ExtractArgs) -> Result<u8> {
    let (sources, rejects, skipped) = expand(&a.input)?;
    refuse_overwriting_inputs(&sources, &[a.output.as_deref(), a.input.rejects.as_deref()])?;
    let mut out = Output::new(a.output.as_deref())?;
    let summary = pipeline::run(
        sources,
        rejects,
        skipped,
        &Options {
            explain: a.explain,
            ..options(&a.input)
        },
        &mut |article: Article| {
            serde_json::to_writer(&mut out, &article)?;
            out.write_all(b"\n")?;
            Ok(())
        },
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
    Ok(exit_code(&summary))
}

fn ingest(a: IngestArgs) -> Result<u8> {
    let (sources, rejects, skipped) = expand(&a.input)?;
    refuse_overwriting_inputs(&sources, &[a.input.rejects.as_deref()])?;
    let index = NewsIndex::open_or_create(&a.index.index)?;
    let started = std::time::Instant::now();
    let mut writer = Writer::new(&index, a.commit_every)?;
    let (mut new, mut replaced, mut copies) = (0u64, 0u64, 0u64);
    let mut summary = pipeline::run(
        sources,
        rejects,
        skipped,
        &options(&a.input),
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
    Ok(exit_code(&summary))
}

fn search_cmd(a: SearchArgs) -> Result<u8> {
    if a.limit == 0 && !a.json {
        bail!("--limit must be at least 1");
    }
    let index = NewsIndex::open(&a.index.index)?;
    let req = Request {
        query: a.query.clone(),
        limit: a.limit,
        person: a.person,
        org: a.org,
        loc: a.loc,
        lang: a.lang.map(|l| l.to_ascii_lowercase()),
        from: a.from,
        to: a.to,
        min_amount: a.min_amount,
        currency: a.currency.map(|c| c.to_ascii_uppercase()),
        facet_limit: a.facets,
    };
    let resp = index.search(&req)?;
    let mut out = Output::new(None)?;
    if a.json {
        serde_json::to_writer(&mut out, &resp)?;
        out.write_all(b"\n")?;
    } else {
        let color = match a.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        print_response(&mut out, &resp, color)?;
    }
    out.finish()?;
    Ok(0)
}

const BOLD: &str = "\x1b[1m";
const HIT: &str = "\x1b[1;31m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

fn print_response(out: &mut dyn Write, r: &Response, color: bool) -> Result<()> {
    let paint = |style: &str, s: &str| {
        if color {
            format!("{style}{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    let plural = if r.total == 1 { "" } else { "s" };
    writeln!(out, "{} article{plural} match {:?}", r.total, r.query)?;
    for (i, h) in r.hits.iter().enumerate() {
        writeln!(out)?;
        let title = h.title.as_deref().unwrap_or("(no title)");
        writeln!(
            out,
            "{}. {}  {}",
            i + 1,
            paint(BOLD, title),
            paint(DIM, &format!("[{:.2}]", h.score))
        )?;
        let meta: Vec<&str> = [
            h.published.as_deref(),
            h.url.as_deref(),
            Some(h.id.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        writeln!(out, "   {}", paint(DIM, &meta.join("  ")))?;
        writeln!(out, "   {}", highlight(&h.snippet, &h.highlights, color))?;
        if !h.entities.is_empty() {
            let names: Vec<String> = h
                .entities
                .iter()
                .map(|e| format!("{} ({})", e.name, e.kind.as_str()))
                .collect();
            writeln!(out, "   {}", paint(DIM, &names.join(", ")))?;
        }
    }
    if r.total > 0 {
        writeln!(out)?;
        writeln!(out, "{}", paint(BOLD, "facets"))?;
        for root in newsfacts::index::schema::FACET_ROOTS {
            let Some(counts) = r.facets.get(*root) else {
                continue;
            };
            if counts.is_empty() {
                continue;
            }
            let vals: Vec<String> = counts
                .iter()
                .map(|c| format!("{} ({})", c.name, c.count))
                .collect();
            writeln!(out, "  {root:9} {}", vals.join(", "))?;
        }
    }
    Ok(())
}

/// Mark the highlighted code-point ranges of a snippet: colour on a terminal, plain
/// otherwise.
fn highlight(snippet: &str, ranges: &[[usize; 2]], color: bool) -> String {
    if !color || ranges.is_empty() {
        return snippet.to_string();
    }
    let chars: Vec<char> = snippet.chars().collect();
    let mut s = String::with_capacity(snippet.len() + ranges.len() * 12);
    let mut at = 0;
    for &[a, b] in ranges {
        if a < at || b > chars.len() {
            continue;
        }
        s.extend(&chars[at..a]);
        s.push_str(HIT);
        s.extend(&chars[a..b]);
        s.push_str(RESET);
        at = b;
    }
    s.extend(&chars[at..]);
    s
}

fn export(a: ExportArgs) -> Result<u8> {
    let index = NewsIndex::open(&a.index.index)?;
    let mut out = Output::new(a.output.as_deref())?;
    let n = index.export(a.query.as_deref(), &mut |article| {
        serde_json::to_writer(&mut out, article)?;
        out.write_all(b"\n")?;
        Ok(())
    })?;
    out.finish()?;
    eprintln!("newsfacts: exported {n} articles");
    Ok(0)
}
