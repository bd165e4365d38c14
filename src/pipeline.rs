//! Orchestration: read (one thread) → clean + detect language + extract (rayon, in
//! order-preserving batches) → a sink (JSON writer or index writer) on the calling thread.
//! Rejects are reported as they come, counted, and optionally written to a file.

use crate::article::{Article, BodyKind, Cleaned, RawArticle, ARTICLE_SCHEMA_VERSION};
use crate::error::{panic_message, Error, Result, ResultExt as _};
use crate::extract::contract::DateOrder;
use crate::read::{self, Reject, Source};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::io::Write;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// Articles per parallel batch (of the reader, and of the boilerplate learner's windows),
/// and the byte size at which a batch is cut early.
const BATCH_ARTICLES: usize = 512;
const BATCH_BYTES: usize = 2 * 1024 * 1024;
/// Extracted batches waiting for the index writer. While it commits (a second or more
/// on a large index) extraction goes on into this buffer instead of stopping: with 2
/// batches, 10 x Reuters took 54-58 s, with 32, 48-53 s. At most 32 x 2 MB of text.
const WAITING_BATCHES: usize = 32;
/// Rejects and warnings printed on stderr before the rest are only counted.
const MAX_PRINTED: u64 = 20;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Resolves relative dates of articles without a published date.
    pub reference_date: Option<NaiveDate>,
    /// Write every reject as a JSON line here.
    pub rejects: Option<PathBuf>,
    /// Draw a progress bar on stderr (callers pass "stderr is a terminal").
    pub progress: bool,
    /// Print rejects and warnings on stderr.
    pub quiet: bool,
    /// Each mention names the rule that made it (`extract --explain`).
    pub explain: bool,
    /// How numeric days ("3/4/2020") are read (`--date-order`).
    pub date_order: DateOrder,
    /// The name of stdin's records (instead of `-`) and the boilerplate source of
    /// records without a URL (instead of their input file): `--source NAME`.
    pub source: Option<String>,
    /// Added to every record's line number (`--line-offset N`: a task's slice of a dump).
    pub line_offset: u64,
    /// The boilerplate of a learned model (`--boilerplate MODEL`): applied, and nothing
    /// more learned, so the output does not depend on how the dump was split.
    pub boilerplate: Option<std::sync::Arc<std::collections::HashSet<u64>>>,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub files: usize,
    pub skipped_files: usize,
    /// Records read (articles and rejects).
    pub read: u64,
    /// Articles that went to the sink.
    pub written: u64,
    pub rejected: u64,
    pub warnings: u64,
    /// Set by the caller (ingest): articles already indexed under their id, and copies of
    /// an indexed text under another id.
    pub duplicates: u64,
    pub bytes: u64,
    pub seconds: f64,
}

impl Summary {
    pub fn mb_per_s(&self) -> f64 {
        if self.seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.seconds
        } else {
            0.0
        }
    }
}

/// Detect the language of one cleaned article and extract from it. A record with no text
/// left is a reject. With `explain`, each mention names the rule that made it. Numeric
/// days are read in the order the article shows ([`DateOrder::Auto`]).
pub fn process(
    cleaned: Cleaned,
    reference_date: Option<NaiveDate>,
    explain: bool,
) -> Result<Article, Reject> {
    process_in_order(cleaned, reference_date, explain, DateOrder::Auto)
}

/// [`process`], with numeric days read in `date_order` (`--date-order`).
pub fn process_in_order(
    cleaned: Cleaned,
    reference_date: Option<NaiveDate>,
    explain: bool,
    date_order: DateOrder,
) -> Result<Article, Reject> {
    let text = cleaned.text;
    if text.trim().is_empty() {
        // the id it would have had: its own, or its URL's (a body's hash needs a body)
        let id = cleaned.id.or_else(|| {
            cleaned
                .url
                .as_deref()
                .filter(|u| !u.trim().is_empty())
                .map(|u| read::stable_id(Some(u), ""))
        });
        return Err(Reject::new(&cleaned.origin, "no text left after cleaning").with_id(id));
    }
    let published_date = cleaned
        .published
        .as_deref()
        .and_then(crate::day::parse_published);
    let published = match (published_date, cleaned.published) {
        (Some(d), _) => Some(d.format("%Y-%m-%d").to_string()),
        (None, other) => other,
    };
    let lang = crate::lang::detect(&text).map(str::to_string);
    let ctx = crate::extract::Context {
        reference_date: published_date.or(reference_date),
        lang: lang.clone(),
        explain,
        title: cleaned.title.as_deref(),
        url: cleaned.url.as_deref(),
        date_order,
        ..Default::default()
    };
    let ex = crate::extract::extract(&text, &ctx);
    let id = cleaned
        .id
        .unwrap_or_else(|| read::stable_id(cleaned.url.as_deref(), &text));
    Ok(Article {
        schema_version: ARTICLE_SCHEMA_VERSION,
        id,
        url: cleaned.url,
        title: cleaned.title,
        published,
        lang,
        meta: cleaned.meta,
        text,
        mentions: ex.mentions,
        entities: ex.entities,
        facts: ex.facts,
        copies: Vec::new(),
    })
}

enum Msg {
    Batch(Vec<RawArticle>),
    Reject(Reject),
}

/// A processed batch: each article with the reader's warnings and where it came from.
type Processed = (Vec<String>, crate::article::Origin, Result<Article, Reject>);

enum Done {
    Batch(Vec<Processed>),
    Reject(Reject),
}

/// The clean stage of a run, the per-run boilerplate learner and extraction, on the
/// worker thread. Batches from the reader are cleaned in parallel; the cleaned articles
/// then fill the learner's windows, each learned from as a whole, stripped of its
/// boilerplate and extracted in parallel ([`crate::clean::boilerplate`]). A window holds
/// [`BATCH_ARTICLES`] articles or is cut after [`BATCH_BYTES`] of bodies as read (a page
/// counted by its clean text; pages the clean stage rejects not counted): what a
/// reader's batch held when the HTML reader cleaned pages itself, so the learner sees the
/// same windows, and gives the same output, for every input.
struct CleanStage {
    learner: crate::clean::boilerplate::Learner,
    window: Vec<Cleaned>,
    window_bytes: usize,
    reference_date: Option<NaiveDate>,
    explain: bool,
    date_order: DateOrder,
    /// The test hook: panic when extracting the record of this index.
    panic_at: Option<u64>,
    extracted: AtomicU64,
}

impl CleanStage {
    #[cfg(test)]
    fn new(reference_date: Option<NaiveDate>, explain: bool, panic_at: Option<u64>) -> CleanStage {
        Self::with_learner(Default::default(), reference_date, explain, panic_at)
    }

    fn with_learner(
        learner: crate::clean::boilerplate::Learner,
        reference_date: Option<NaiveDate>,
        explain: bool,
        panic_at: Option<u64>,
    ) -> CleanStage {
        CleanStage {
            learner,
            window: Vec::with_capacity(BATCH_ARTICLES),
            window_bytes: 0,
            reference_date,
            explain,
            date_order: DateOrder::Auto,
            panic_at,
            extracted: AtomicU64::new(0),
        }
    }

    /// Clean a batch from the reader; push the pages the clean stage rejects (at once,
    /// ahead of the window they would have been in) and every window filled to `out`.
    fn batch(&mut self, batch: Vec<RawArticle>, out: &mut Vec<Done>) {
        let cleaned: Vec<(Option<usize>, Result<Cleaned, Reject>)> = batch
            .into_par_iter()
            .map(|raw| {
                let read_bytes = (raw.kind == BodyKind::Record).then_some(raw.body.len());
                (read_bytes, crate::clean::clean_article(raw))
            })
            .collect();
        for (read_bytes, c) in cleaned {
            match c {
                Ok(c) => {
                    self.window_bytes += read_bytes.unwrap_or(c.text.len());
                    self.window.push(c);
                    if self.window.len() >= BATCH_ARTICLES || self.window_bytes >= BATCH_BYTES {
                        out.push(self.extract_window());
                    }
                }
                Err(r) => out.push(Done::Reject(r)),
            }
        }
    }

    /// The last window, when the input has ended.
    fn finish(mut self) -> Option<Done> {
        (!self.window.is_empty()).then(|| self.extract_window())
    }

    /// Learn from the window, drop the paragraphs learned as boilerplate, extract.
    fn extract_window(&mut self) -> Done {
        let mut window = std::mem::replace(&mut self.window, Vec::with_capacity(BATCH_ARTICLES));
        self.window_bytes = 0;
        self.learner.clean_batch(&mut window);
        let (reference_date, explain, panic_at) =
            (self.reference_date, self.explain, self.panic_at);
        let date_order = self.date_order;
        let extracted = &self.extracted;
        Done::Batch(
            window
                .into_par_iter()
                .map(|c| {
                    let warnings = c.warnings.clone();
                    let origin = c.origin.clone();
                    let out = on_record(&origin, || {
                        if panic_at.is_some() {
                            let seen = extracted.fetch_add(1, Ordering::Relaxed);
                            test_panic(panic_at, "extract", seen);
                        }
                        process_in_order(c, reference_date, explain, date_order)
                    });
                    (warnings, origin, out)
                })
                .collect(),
        )
    }
}

/// Run the pipeline over `sources`, passing each article to `sink` in input order.
/// Per-record problems are counted and reported; only sink errors stop the run, and
/// bugs: a panic in the reader thread, in the extraction worker (or one of its rayon
/// tasks) or in the sink ends the run with an [`Error::Internal`] naming what panicked,
/// on which record, and the panic's message (never as if the input had ended).
pub fn run(
    sources: Vec<Source>,
    early_rejects: Vec<Reject>,
    skipped_files: usize,
    opts: &Options,
    sink: &mut dyn FnMut(Article) -> Result<()>,
) -> Result<Summary> {
    let started = Instant::now();
    let hook = TestPanic::from_env()?;
    let mut summary = Summary {
        files: sources.len(),
        skipped_files,
        ..Summary::default()
    };
    let total_bytes: u64 = sources.iter().map(|s| s.bytes).sum();
    let bar = progress_bar(
        opts.progress,
        total_bytes,
        sources.iter().any(|s| s.path.is_none()),
    );
    let mut reporter = Reporter::new(opts, bar.clone())?;
    for r in early_rejects {
        summary.rejected += 1;
        reporter.reject(&r)?;
    }
    let counters = read::Counters::default();

    let (tx, rx) = crossbeam_channel::bounded::<Msg>(2);
    let reader_counters = counters.clone();
    let relabel = Relabel {
        name: opts.source.clone(),
        line_offset: opts.line_offset,
    };
    let reader = std::thread::Builder::new()
        .name("newsfacts-read".into())
        .spawn(move || {
            let mut batch: Vec<RawArticle> = Vec::with_capacity(BATCH_ARTICLES);
            let mut batch_bytes = 0usize;
            let mut records = 0u64;
            for source in &sources {
                let mut closed = false;
                on_record(&source.name(), || {
                    read::read_source(source, &reader_counters, &mut |item| {
                        if closed {
                            return;
                        }
                        test_panic(hook.read, "read", records);
                        records += 1;
                        let item = relabel.item(item);
                        match item {
                            Ok(a) => {
                                batch_bytes += a.body.len();
                                batch.push(a);
                                if batch.len() >= BATCH_ARTICLES || batch_bytes >= BATCH_BYTES {
                                    let full = std::mem::replace(
                                        &mut batch,
                                        Vec::with_capacity(BATCH_ARTICLES),
                                    );
                                    batch_bytes = 0;
                                    closed = tx.send(Msg::Batch(full)).is_err();
                                }
                            }
                            Err(r) => {
                                // The records before it go first: the clean stage may
                                // reject some of them (empty pages), and rejects are
                                // reported in order.
                                if !batch.is_empty() {
                                    let part = std::mem::replace(
                                        &mut batch,
                                        Vec::with_capacity(BATCH_ARTICLES),
                                    );
                                    batch_bytes = 0;
                                    closed = tx.send(Msg::Batch(part)).is_err();
                                }
                                closed = closed || tx.send(Msg::Reject(r)).is_err();
                            }
                        }
                    })
                });
                if closed {
                    return;
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(Msg::Batch(batch));
            }
        })
        .context("cannot start the reader thread")?;

    // Clean + extract on the rayon pool in a thread of its own, so that the sink (the
    // index writer) works on one batch while the next is being extracted.
    let reference_date = opts.reference_date;
    let explain = opts.explain;
    let date_order = opts.date_order;
    let learner = match &opts.boilerplate {
        Some(keys) => crate::clean::boilerplate::Learner::frozen(keys.as_ref().clone()),
        None => crate::clean::boilerplate::Learner::default(),
    }
    .with_source(opts.source.clone());
    let (done_tx, done_rx) = crossbeam_channel::bounded::<Done>(WAITING_BATCHES);
    let worker = std::thread::Builder::new()
        .name("newsfacts-extract".into())
        .spawn(move || {
            // Per-run boilerplate, learned in input order (so the worker owns it).
            let mut stage =
                CleanStage::with_learner(learner, reference_date, explain, hook.extract);
            stage.date_order = date_order;
            let mut out = Vec::new();
            for msg in rx.iter() {
                match msg {
                    Msg::Reject(r) => out.push(Done::Reject(r)),
                    Msg::Batch(batch) => stage.batch(batch, &mut out),
                }
                for done in out.drain(..) {
                    if done_tx.send(done).is_err() {
                        return;
                    }
                }
            }
            if let Some(done) = stage.finish() {
                let _ = done_tx.send(done);
            }
        })
        .context("cannot start the extraction thread")?;

    // The first error stops the run: a sink error, a reporting error, or a panic.
    let mut failure: Option<Error> = None;
    'receive: for done in done_rx.iter() {
        match done {
            Done::Reject(r) => {
                summary.read += 1;
                summary.rejected += 1;
                if let Err(e) = reporter.reject(&r) {
                    failure = Some(e);
                    break 'receive;
                }
            }
            Done::Batch(batch) => {
                summary.read += batch.len() as u64;
                for (warnings, origin, out) in batch {
                    for w in warnings {
                        summary.warnings += 1;
                        reporter.warning(&origin, &w);
                    }
                    match out {
                        Ok(article) => {
                            let seen = summary.written;
                            let sent = std::panic::catch_unwind(AssertUnwindSafe(|| {
                                test_panic(hook.sink, "sink", seen);
                                sink(article)
                            }));
                            match sent {
                                Ok(Ok(())) => summary.written += 1,
                                Ok(Err(e)) => {
                                    failure = Some(e);
                                    break 'receive;
                                }
                                Err(payload) => {
                                    failure = Some(Error::internal(format!(
                                        "the sink (JSON or index writer) panicked on {origin}: {}",
                                        panic_message(&*payload)
                                    )));
                                    break 'receive;
                                }
                            }
                        }
                        Err(r) => {
                            summary.rejected += 1;
                            if let Err(e) = reporter.reject(&r) {
                                failure = Some(e);
                                break 'receive;
                            }
                        }
                    }
                }
            }
        }
        if let Some(b) = &bar {
            b.set_position(counters.input.load(Ordering::Relaxed));
            let rate = summary.read as f64 / started.elapsed().as_secs_f64().max(1e-3);
            b.set_message(format!("{} articles, {rate:.0}/s", summary.read));
        }
    }
    drop(done_rx);
    // The results stopped coming: the input ended, the run failed, or a thread died. A
    // thread that panicked is an internal error, never a quiet end of input. The worker
    // ends soon in every case (its next send fails). The reader is only waited for when
    // all went well, so it had ended; after a failure it is left to end on its own (its
    // next send fails and it reads no further than the end of its current file).
    let worker_end = worker.join();
    if failure.is_none() {
        if let Err(payload) = worker_end {
            failure = Some(thread_panic("the extraction worker", payload));
        } else if let Err(payload) = reader.join() {
            failure = Some(thread_panic("the reader", payload));
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let finished = reporter.finish();
    if let Some(e) = failure {
        return Err(e);
    }
    finished?;
    summary.bytes = counters.decoded.load(Ordering::Relaxed);
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// `--source NAME --line-offset N`: stdin's records named NAME, line numbers shifted by N
/// (a task of a cluster job reads its slice of a dump on stdin).
struct Relabel {
    name: Option<String>,
    line_offset: u64,
}

impl Relabel {
    fn fix(&self, file: &mut String, line: &mut Option<u64>) {
        if let Some(l) = line {
            *l += self.line_offset;
        }
        if let Some(n) = &self.name {
            if file == "-" {
                n.clone_into(file);
            }
        }
    }

    fn item(&self, mut item: read::Item) -> read::Item {
        if self.name.is_some() || self.line_offset > 0 {
            match &mut item {
                Ok(a) => self.fix(&mut a.origin.file, &mut a.origin.line),
                Err(r) => self.fix(&mut r.file, &mut r.line),
            }
        }
        item
    }
}

/// A panic raised while one record (or one input file) was being handled, with its
/// place, so that the internal error names the record that set off the bug.
struct RecordPanic {
    origin: String,
    message: String,
}

/// Run `f` for the record at `origin`. If it panics, the panic goes on with the
/// record's place in its payload ([`RecordPanic`]); the panic hook has already printed
/// it once, and resuming does not print it again. Costs nothing unless it panics.
fn on_record<T>(origin: &dyn std::fmt::Display, f: impl FnOnce() -> T) -> T {
    match std::panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(payload) if payload.is::<RecordPanic>() => std::panic::resume_unwind(payload),
        Err(payload) => std::panic::resume_unwind(Box::new(RecordPanic {
            origin: origin.to_string(),
            message: panic_message(&*payload).to_string(),
        })),
    }
}

/// The internal error of a thread that panicked (`what` names it).
fn thread_panic(what: &str, payload: Box<dyn std::any::Any + Send>) -> Error {
    match payload.downcast::<RecordPanic>() {
        Ok(p) => Error::internal(format!("{what} panicked on {}: {}", p.origin, p.message)),
        Err(payload) => Error::panicked(what, &*payload),
    }
}

/// The test hook's environment variable (see [`TestPanic`]).
const TEST_PANIC_VAR: &str = "NEWSFACTS_TEST_PANIC_AFTER";

/// A test hook, for the integration tests only: `NEWSFACTS_TEST_PANIC_AFTER=[STAGE:]N`
/// makes one stage of a run panic when it has handled N records, so a test can check
/// that a panic stops the run as an internal error (exit 4) with its message. STAGE is
/// `read` (the reader thread), `extract` (a rayon task of the extraction worker, the
/// default) or `sink` (the caller's sink, on the calling thread). The variable is read
/// once, when a run starts; unset, the hook costs one test of an `Option` per record.
#[derive(Debug, Clone, Copy, Default)]
struct TestPanic {
    read: Option<u64>,
    extract: Option<u64>,
    sink: Option<u64>,
}

impl TestPanic {
    fn from_env() -> Result<TestPanic> {
        let Some(value) = std::env::var_os(TEST_PANIC_VAR) else {
            return Ok(TestPanic::default());
        };
        let value = value.to_string_lossy();
        let bad = || {
            Error::user(format!(
                "{TEST_PANIC_VAR} must be N, read:N, extract:N or sink:N, not '{value}'"
            ))
        };
        let (stage, n) = value.split_once(':').unwrap_or(("extract", &value));
        let n: u64 = n.parse().map_err(|_| bad())?;
        let mut hook = TestPanic::default();
        match stage {
            "read" => hook.read = Some(n),
            "extract" => hook.extract = Some(n),
            "sink" => hook.sink = Some(n),
            _ => return Err(bad()),
        }
        Ok(hook)
    }
}

/// The test hook's panic: when a stage's setting is `seen`, the records it handled.
fn test_panic(setting: Option<u64>, stage: &str, seen: u64) {
    if setting == Some(seen) {
        panic!("{TEST_PANIC_VAR}: a test panic in the {stage} stage after {seen} records");
    }
}

fn progress_bar(enabled: bool, total: u64, has_stdin: bool) -> Option<indicatif::ProgressBar> {
    if !enabled {
        return None;
    }
    let bar = if has_stdin || total == 0 {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {bytes} read, {msg} ({bytes_per_sec})",
            )
            .expect("valid template"),
        );
        b
    } else {
        let b = indicatif::ProgressBar::new(total);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {msg} ({bytes_per_sec}, eta {eta})",
            )
            .expect("valid template"),
        );
        b
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    Some(bar)
}

/// Prints rejects and warnings on stderr (the first few of each), and writes every reject
/// to the rejects file.
struct Reporter {
    quiet: bool,
    /// Messages are printed around the progress bar, not through it.
    bar: Option<indicatif::ProgressBar>,
    printed_rejects: u64,
    printed_warnings: u64,
    /// The rejects file, with its path for messages.
    file: Option<(PathBuf, std::io::BufWriter<std::fs::File>)>,
}

impl Reporter {
    fn new(opts: &Options, bar: Option<indicatif::ProgressBar>) -> Result<Reporter> {
        let file = match &opts.rejects {
            Some(p) => {
                let f = std::fs::File::create(p).map_err(|e| {
                    Error::at_path(format_args!("cannot create {}", p.display()), e)
                })?;
                Some((p.clone(), std::io::BufWriter::new(f)))
            }
            None => None,
        };
        Ok(Reporter {
            quiet: opts.quiet,
            bar,
            printed_rejects: 0,
            printed_warnings: 0,
            file,
        })
    }

    fn say(&self, line: &str) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn reject(&mut self, r: &Reject) -> Result<()> {
        self.printed_rejects += 1;
        if !self.quiet && self.printed_rejects <= MAX_PRINTED {
            self.say(&format!("newsfacts: rejected {r}"));
        }
        if let Some((path, f)) = &mut self.file {
            serde_json::to_writer(&mut *f, r)
                .with_context(|| format!("cannot write {}", path.display()))?;
            f.write_all(b"\n")
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        Ok(())
    }

    fn warning(&mut self, origin: &crate::article::Origin, w: &str) {
        self.printed_warnings += 1;
        if !self.quiet && self.printed_warnings <= MAX_PRINTED {
            self.say(&format!("newsfacts: warning: {origin}: {w}"));
        }
    }

    fn finish(&mut self) -> Result<()> {
        if !self.quiet {
            let more_r = self.printed_rejects.saturating_sub(MAX_PRINTED);
            let more_w = self.printed_warnings.saturating_sub(MAX_PRINTED);
            if more_r > 0 {
                eprintln!("newsfacts: … and {more_r} more rejected records (use --rejects FILE to keep them all)");
            }
            if more_w > 0 {
                eprintln!("newsfacts: … and {more_w} more warnings");
            }
        }
        if let Some((path, f)) = &mut self.file {
            f.flush()
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(body: String, kind: BodyKind) -> RawArticle {
        RawArticle {
            id: None,
            url: Some("https://example.com/a".into()),
            title: None,
            published: None,
            body,
            kind,
            origin: crate::article::Origin {
                file: "t".into(),
                line: None,
            },
            warnings: Vec::new(),
            meta: Default::default(),
        }
    }

    /// What came out of the stage: batch sizes, and `0` for a reject.
    fn shapes(out: &[Done]) -> Vec<usize> {
        out.iter()
            .map(|d| match d {
                Done::Batch(b) => b.len(),
                Done::Reject(_) => 0,
            })
            .collect()
    }

    #[test]
    fn learner_windows_weigh_records_as_read_and_pages_by_their_text() {
        let html = |i: usize| {
            format!(
                "<html><head><script>{}</script></head><body><p>Story {i} is long enough \
                 to be an article, with commas, and more words.</p></body></html>",
                "x".repeat(10_000)
            )
        };
        // 600 pages of 10 KB of HTML (6 MB as read, 40 KB of text), fed in reader
        // batches of 100, one empty page among them: windows of 512 pages, then the rest.
        let mut stage = CleanStage::new(None, false, None);
        let mut out = Vec::new();
        for b in 0..6 {
            let mut batch: Vec<RawArticle> = (0..100)
                .map(|i| raw(html(b * 100 + i), BodyKind::Page))
                .collect();
            if b == 1 {
                batch.push(raw("<html><body></body></html>".into(), BodyKind::Page));
            }
            stage.batch(batch, &mut out);
        }
        out.extend(stage.finish());
        assert_eq!(shapes(&out), [0, 512, 88]);
        // The same bodies as dump records count as read: cut after 2 MB of them.
        let mut stage = CleanStage::new(None, false, None);
        let mut out = Vec::new();
        let batch: Vec<RawArticle> = (0..300).map(|i| raw(html(i), BodyKind::Record)).collect();
        let first = (0..300)
            .scan(0, |bytes, i| {
                *bytes += html(i).len();
                Some(*bytes)
            })
            .position(|bytes| bytes >= BATCH_BYTES)
            .unwrap()
            + 1;
        stage.batch(batch, &mut out);
        out.extend(stage.finish());
        assert_eq!(shapes(&out), [first, 300 - first]);
    }
}
