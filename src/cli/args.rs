//! The command line as clap reads it (derive), and its conversion into the library's
//! validated options: [`pipeline::Options`] for `extract` and `ingest`, a search
//! [`Request`] for `search`. A value clap cannot check alone (`--limit 0` without
//! `--json`) is refused here, as a user error.

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsfacts::extract::contract::DateOrder;
use newsfacts::index::search::Request;
use newsfacts::pipeline::Options;
use newsfacts::{Error, Result};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "newsfacts",
    version,
    about = "Turn dumps of scraped news articles into searchable, exportable facts."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Clean + extract, no index: one JSON object per article (JSON Lines).
    Extract(ExtractArgs),
    /// Clean + extract + index (idempotent by article id).
    Ingest(IngestArgs),
    /// Search the index: ranked hits with snippets, and facet counts.
    Search(SearchArgs),
    /// Write stored articles (all, or those matching --query) as JSON Lines.
    Export(ExportArgs),
    /// Learn boilerplate in a pass of its own (`learn`), add learned models up (`merge`).
    Boilerplate(BoilerplateArgs),
    /// Merge the indexes of shards (e.g. one per cluster task) into one.
    Merge(MergeArgs),
    /// Print the index mapping of a search cluster for `export --format`.
    Mapping(MappingArgs),
    /// The financial facts of the matching articles, one row per fact: a table, --json
    /// (JSON Lines) or --csv.
    Facts(FactsArgs),
    /// Verify every file of the index against the checksum in its footer (exit 3 when
    /// any is damaged or missing).
    Check(CheckArgs),
    /// Train the name tagger (PERSON / ORG / LOC).
    NerTrain(NerTrainArgs),
    /// Span-level P/R/F1 of the name tagger on CoNLL-style files.
    ///
    /// With NER_ERRORS=1 in the environment, every false positive and false negative is
    /// also printed on stderr, tab-separated: FP or FN, type, name, sentence.
    NerEval(NerEvalArgs),
}

#[derive(Args)]
pub struct InputArgs {
    /// Files, directories (recursed) or `-` for stdin. JSON Lines (.jsonl, .ndjson, also
    /// .gz/.zst), .html/.htm, .txt, .warc(.gz). Default: stdin.
    pub inputs: Vec<PathBuf>,
    /// Resolve relative dates ("this year") against this day when an article has no
    /// published date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub reference_date: Option<chrono::NaiveDate>,
    /// How a numeric day whose two parts could both be the month ("3/4/2020") is read:
    /// mdy (March 4), dmy (April 3), or auto: by the article's other numeric days
    /// ("13/4/2020" is day first), else its site's country (.uk .au .in .ie .nz .za …
    /// day first; .us .gov, and an English .com, month first), else its language; when
    /// nothing says, such a day has no value. A part over 12 is the day in every mode.
    #[arg(long, value_enum, value_name = "ORDER", default_value_t = DateOrderArg::Auto)]
    pub date_order: DateOrderArg,
    /// Also write every rejected record, with file, line and reason, as JSON Lines here.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    /// Print only errors (no per-record reports, no summary).
    #[arg(short, long)]
    pub quiet: bool,
    /// Rejected records are no failure: exit 0, not 2, when the run finished (they are
    /// still reported, counted and written to --rejects). For cluster runners that read
    /// every non-zero exit as a failed task.
    #[arg(long)]
    pub rejects_ok: bool,
    /// Name stdin's records NAME (in rejects and messages, instead of `-`), and make NAME
    /// the boilerplate source of records without a URL (instead of their input file).
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Add N to every record's line number: a task that reads lines N+1… of a dump on
    /// stdin reports the dump's own line numbers.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub line_offset: u64,
    /// Apply this boilerplate model (`newsfacts boilerplate learn` / `merge`) and learn
    /// nothing more: the output no longer depends on how the dump is split.
    #[arg(long, value_name = "MODEL")]
    pub boilerplate: Option<PathBuf>,
}

/// `--date-order`.
#[derive(Clone, Copy, ValueEnum)]
pub enum DateOrderArg {
    /// Month first: 3/4/2020 is March 4.
    Mdy,
    /// Day first: 3/4/2020 is April 3.
    Dmy,
    /// From the article.
    Auto,
}

impl From<DateOrderArg> for DateOrder {
    fn from(a: DateOrderArg) -> DateOrder {
        match a {
            DateOrderArg::Mdy => DateOrder::Mdy,
            DateOrderArg::Dmy => DateOrder::Dmy,
            DateOrderArg::Auto => DateOrder::Auto,
        }
    }
}

impl InputArgs {
    /// The pipeline's options: progress only when stderr is a terminal and not `-q`.
    pub fn options(&self) -> Result<Options> {
        let boilerplate = match &self.boilerplate {
            Some(p) => Some(std::sync::Arc::new(
                newsfacts::clean::boilerplate_model::Model::load(p)?.boiler_keys()?,
            )),
            None => None,
        };
        Ok(Options {
            reference_date: self.reference_date,
            date_order: self.date_order.into(),
            rejects: self.rejects.clone(),
            progress: !self.quiet && std::io::stderr().is_terminal(),
            quiet: self.quiet,
            explain: false,
            source: self.source.clone(),
            line_offset: self.line_offset,
            boilerplate,
        })
    }
}

#[derive(Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Each mention also names the rule that made it ("rule": "time.en.month_day"), to
    /// see why a value came out.
    #[arg(long)]
    pub explain: bool,
}

impl ExtractArgs {
    pub fn options(&self) -> Result<Options> {
        Ok(Options {
            explain: self.explain,
            ..self.input.options()?
        })
    }
}

#[derive(Args)]
pub struct IndexArg {
    /// Index directory.
    #[arg(
        long,
        env = "NEWSFACTS_INDEX",
        default_value = "newsfacts-index",
        value_name = "DIR"
    )]
    pub index: PathBuf,
}

#[derive(Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub index: IndexArg,
    /// Commit the index every N articles (and at least every 30 s): a run that is killed
    /// keeps everything committed; running it again completes it.
    #[arg(long, value_name = "N", default_value_t = newsfacts::index::writer::COMMIT_EVERY,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub commit_every: u64,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// Whether to colour: `auto` when stdout is a terminal and `NO_COLOR` is unset.
    pub fn enabled(self) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

#[derive(Args)]
pub struct SearchArgs {
    /// Query: words (all must match), "a phrase", -excluded, title:word, OR, *.
    pub query: String,
    #[command(flatten)]
    pub index: IndexArg,
    /// Number of hits to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// One JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Only articles mentioning this person (case-insensitive; repeatable).
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,
    /// Only articles mentioning this organisation (repeatable).
    #[arg(long, value_name = "NAME")]
    pub org: Vec<String>,
    /// Only articles mentioning this place (repeatable).
    #[arg(long, value_name = "NAME")]
    pub loc: Vec<String>,
    /// Only articles in this language (ISO 639-1, e.g. en).
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Published on or after (YYYY, YYYY-MM or YYYY-MM-DD). With --metric or --subject: a
    /// fact whose period overlaps this day or later.
    #[arg(long, value_name = "DATE", value_parser = |s: &str| parse_bound(s, false))]
    pub from: Option<chrono::NaiveDate>,
    /// Published on or before (YYYY, YYYY-MM or YYYY-MM-DD; a year or month is included
    /// whole). With --metric or --subject: a fact whose period overlaps this day or earlier.
    #[arg(long, value_name = "DATE", value_parser = |s: &str| parse_bound(s, true))]
    pub to: Option<chrono::NaiveDate>,
    /// Only articles with an amount of money of at least N (in --currency when given).
    /// With --metric or --subject: a fact's value of at least N.
    #[arg(long, value_name = "N")]
    pub min_amount: Option<f64>,
    /// Only articles with amounts in this currency (ISO 4217, e.g. USD). With --metric or
    /// --subject: a fact in this unit.
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    #[command(flatten)]
    pub facts: FactArgs,
    /// Values shown per facet.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub facets: usize,
    /// Colour: auto (when stdout is a terminal and NO_COLOR is unset), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Color,
}

impl SearchArgs {
    /// The search request; `--limit 0` is only allowed with `--json` (the counts alone).
    pub fn request(&self) -> Result<Request> {
        if self.limit == 0 && !self.json {
            return Err(Error::user("--limit must be at least 1"));
        }
        Ok(Request {
            query: self.query.clone(),
            limit: self.limit,
            person: self.person.clone(),
            org: self.org.clone(),
            loc: self.loc.clone(),
            lang: self.lang.as_ref().map(|l| l.to_ascii_lowercase()),
            from: self.from,
            to: self.to,
            min_amount: self.min_amount,
            currency: self.currency.as_ref().map(|c| c.to_ascii_uppercase()),
            metric: self.facts.metric()?,
            subject: self.facts.subject.clone(),
            facet_limit: self.facets,
        })
    }
}

/// The fact filters of `search` (and of `facts`).
#[derive(Args)]
pub struct FactArgs {
    /// Only articles with a fact of this metric: revenue, net_income, operating_income,
    /// gross_profit, ebitda, eps, expense, cash, assets, debt, market_value, share_price,
    /// dividend, deal_value, employees, other. With it (or --subject), --from/--to,
    /// --min-amount and --currency apply to that same fact: its period, value and unit.
    #[arg(long, value_name = "METRIC")]
    pub metric: Option<String>,
    /// Only articles with a fact whose subject is NAME (case-insensitive, like --org).
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,
}

impl FactArgs {
    /// `--metric` as the vocabulary spells it; a word outside it is a user error.
    pub fn metric(&self) -> Result<Option<String>> {
        self.metric
            .as_deref()
            .map(newsfacts::index::facts::parse_metric)
            .transpose()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FactsFormat {
    Table,
    Json,
    Csv,
}

#[derive(Args)]
pub struct FactsArgs {
    /// Only the facts of the articles matching this query (search syntax); all by default.
    #[arg(default_value = "*")]
    pub query: String,
    #[command(flatten)]
    pub index: IndexArg,
    #[command(flatten)]
    pub facts: FactArgs,
    /// Facts whose period overlaps this day or later (YYYY, YYYY-MM or YYYY-MM-DD); a
    /// fact without a period counts as of its article's published day.
    #[arg(long, value_name = "DATE", value_parser = |s: &str| parse_bound(s, false))]
    pub from: Option<chrono::NaiveDate>,
    /// Facts whose period overlaps this day or earlier (a year or month is included whole).
    #[arg(long, value_name = "DATE", value_parser = |s: &str| parse_bound(s, true))]
    pub to: Option<chrono::NaiveDate>,
    /// Facts with a value of at least N.
    #[arg(long, value_name = "N")]
    pub min_amount: Option<f64>,
    /// Facts in this unit (ISO 4217 code, or %, pp, shares, people).
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// At most N rows (default: 100 in the table, all with --json or --csv).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,
    /// JSON Lines, one object per fact (exact numbers).
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// CSV (RFC 4180: header row, UTF-8, exact numbers), for spreadsheets.
    #[arg(long)]
    pub csv: bool,
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Rows of the table when `--limit` is not given.
pub const TABLE_ROWS: usize = 100;

impl FactsArgs {
    pub fn format(&self) -> FactsFormat {
        if self.json {
            FactsFormat::Json
        } else if self.csv {
            FactsFormat::Csv
        } else {
            FactsFormat::Table
        }
    }

    /// The listing asked for.
    pub fn request(&self) -> Result<newsfacts::index::facts::FactsRequest> {
        let limit = match (self.limit, self.format()) {
            (Some(n), _) => Some(usize::try_from(n).unwrap_or(usize::MAX)),
            (None, FactsFormat::Table) => Some(TABLE_ROWS),
            (None, _) => None,
        };
        Ok(newsfacts::index::facts::FactsRequest {
            query: self.query.clone(),
            filter: newsfacts::index::facts::FactFilter {
                metric: self.facts.metric()?,
                subject: self.facts.subject.clone(),
                from: self.from,
                to: self.to,
                min_amount: self.min_amount,
                currency: self.currency.clone(),
            },
            limit,
        })
    }
}

#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub index: IndexArg,
    /// Only the articles matching this query (same syntax as `search`).
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// newsfacts (the article JSON), opensearch (`_bulk` NDJSON, also Elasticsearch) or
    /// quickwit (flat NDJSON); `newsfacts mapping` prints the matching index mapping.
    #[arg(long, value_enum, default_value = "newsfacts")]
    pub format: ExportFormat,
    /// The index name in the `_bulk` action lines (opensearch).
    #[arg(long, value_name = "NAME", default_value = "newsfacts")]
    pub index_name: String,
}

#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub index: IndexArg,
}

fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    newsfacts::day::parse_ymd(s).ok_or_else(|| format!("expected YYYY-MM-DD, got {s:?}"))
}

fn parse_bound(s: &str, end: bool) -> Result<chrono::NaiveDate, String> {
    newsfacts::day::bound(s, end)
        .ok_or_else(|| format!("expected YYYY, YYYY-MM or YYYY-MM-DD, got {s:?}"))
}

/// Train the name tagger.
#[derive(Args)]
pub struct NerTrainArgs {
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    pub out: PathBuf,
    /// Folder of the NER data sets (shared/data/ner).
    #[arg(long, default_value = "../shared/data/ner")]
    pub data: PathBuf,
    /// Training sets, comma-separated: conll, finer, wikigold, sec, re3d, gum, gmb.
    #[arg(long, default_value = "conll,finer,wikigold,sec")]
    pub sets: String,
    /// Number of passes over the training data (the best epoch on dev is kept).
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// log2 of the number of rows of the hashed weight table.
    #[arg(long, default_value_t = 20)]
    pub bits: u32,
    /// Drop quantised weights whose magnitude is at most this.
    #[arg(long, default_value_t = 2)]
    pub prune: i16,
    /// Seeds of the shuffling of documents: one model per seed, weights averaged.
    #[arg(long, default_value = "7")]
    pub seeds: String,
    /// Switch off feature groups (ablation): affix, context2, gaz, doc, lcstat, shape_ctx,
    /// lists, clusters.
    #[arg(long, default_value = "")]
    pub without: String,
    /// Extra sets whose text (not labels) feeds the lower-case statistics.
    #[arg(long, default_value = "")]
    pub lc_extra: String,
    /// GMB/re3d "gpe" labels count as LOC.
    #[arg(long)]
    pub gpe_as_loc: bool,
    /// Keep each seed's last epoch (the epoch count chosen by cross-validation) instead
    /// of its best epoch on CoNLL dev + FiNER val.
    #[arg(long)]
    pub last_epoch: bool,
    /// K-fold cross-validation on the training sets instead of training (K > 1; first
    /// seed only; prints pooled F1 per set and epoch, writes no model).
    #[arg(long, default_value_t = 0)]
    pub cv: usize,
    /// With --cv: folds are contiguous blocks of each set's documents (the later ones held
    /// out together, like a test period) instead of every K-th document.
    #[arg(long)]
    pub cv_blocked: bool,
}

/// Print span-level P/R/F1 per type on CoNLL-style files or FiNER-ORD CSV files.
#[derive(Args)]
pub struct NerEvalArgs {
    /// CoNLL file(s) (or FiNER `.csv`) to evaluate on.
    pub files: Vec<PathBuf>,
    /// Model file to use instead of the embedded one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Score the tagger's raw spans (no post-processing).
    #[arg(long)]
    pub raw: bool,
    /// Post-processing rules (bit mask of `post::Rule`: 1 lists, 2 org heads, 4 "of",
    /// 8 one type per name, 16 person parts, 32 name alone, 64 legal forms, 128 agencies).
    #[arg(long, default_value_t = newsfacts::extract::names::post::Rules::ALL.bits())]
    pub rules: u8,
}

impl NerTrainArgs {
    /// The training options these arguments say.
    pub fn options(self) -> Result<newsfacts::extract::names::train::TrainOptions> {
        let list = |s: &str| -> Vec<String> {
            s.split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        };
        let seeds = list(&self.seeds)
            .iter()
            .map(|s| {
                s.trim()
                    .parse::<u64>()
                    .map_err(|_| Error::user(format!("bad --seeds: {s:?} is not a number")))
            })
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
            select: if self.last_epoch {
                newsfacts::extract::names::train::Select::Last
            } else {
                newsfacts::extract::names::train::Select::BestOnDev
            },
            cv: self.cv,
            cv_blocked: self.cv_blocked,
        })
    }
}

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
