//! Duckling-style example tables, one per dimension and language, beside the dimension's
//! code: `src/extract/DIMENSION/corpus/LANG.tsv`, written by `scripts/corpus/gen_*.py`
//! (CI regenerates them and fails on a diff: `scripts/check-corpus.sh`). Every extractor
//! of the registry is run over the rows of its tables; every failure is collected and
//! reported at once.
//!
//! Row format (tab-separated; `#` starts a comment line; blank lines are skipped):
//! `text  reference  expected`, where `reference` is the `YYYY-MM-DD` date relative
//! expressions resolve against (`-` for none), optionally followed by settings of the
//! context (`order=dmy url=https://www.bbc.co.uk/news lang=fr`: [`row_context`]), and
//! `expected` lists every mention the
//! extractor finds in `text` (before the overlap policy between extractors), joined by
//! ` | ` (`-` for none), each as
//!
//! - DATE: `span=value/grain` (`value` `null` when unresolved);
//! - MONEY: `span=value CUR[ approx][ share]`;
//! - PERCENT: `span=value`;
//! - PERSON / ORG / LOC: `span=TYPE`.
//!
//! The language of a file is its name (`en.tsv`, `de.tsv`, `zh.tsv`): the context's
//! `lang`. A last column `xfail: reason` marks a row the rules cannot do yet: it is
//! counted and reported, and must keep failing (a row that starts passing fails the test
//! until its marker is removed). A `\n` in a cell stands for a line break.
//!
//! The numeral table (`numeral/corpus/en.tsv`: `phrase  value`, the whole phrase read as
//! one number) is run here too, by [`super::numeral::scan_number`].

use super::{Context, Extractor, Found, Kind, REGISTRY};
use std::path::{Path, PathBuf};

/// A row of a table: its line number, columns and xfail reason.
pub struct Row {
    pub line: usize,
    pub cols: Vec<String>,
    pub xfail: Option<String>,
}

pub fn rows(table: &str) -> Vec<Row> {
    table
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let mut cols: Vec<String> = l.split('\t').map(|c| c.replace("\\n", "\n")).collect();
            let xfail = l
                .rsplit('\t')
                .next()
                .and_then(|c| c.trim().strip_prefix("xfail:"))
                .map(|c| c.trim().to_string());
            if xfail.is_some() {
                cols.pop();
            }
            Row {
                line: i + 1,
                cols,
                xfail,
            }
        })
        .collect()
}

pub fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// One found mention in the table's notation.
pub fn show(text: &str, f: &Found) -> String {
    let span = &text[f.start..f.end];
    match &f.kind {
        Kind::Percent { value } => format!("{span}={}", fmt_num(*value)),
        Kind::Money {
            value,
            currency,
            approx,
            per,
        } => {
            let mut s = format!("{span}={} {currency}", fmt_num(*value));
            if *approx {
                s.push_str(" approx");
            }
            if let Some(p) = per {
                s.push(' ');
                s.push_str(p);
            }
            s
        }
        Kind::Date { value, grain } => {
            format!("{span}={}/{grain}", value.as_deref().unwrap_or("null"))
        }
        Kind::Person | Kind::Org | Kind::Loc => {
            format!("{span}={}", f.kind.mention_type().as_str())
        }
    }
}

/// Normalise an expected cell: `-` or empty is no mention; numbers compare by value.
pub fn expected_list(cell: &str) -> Vec<String> {
    let cell = cell.trim();
    if cell.is_empty() || cell == "-" {
        return Vec::new();
    }
    cell.split(" | ").map(|s| canon(s.trim())).collect()
}

/// `span=1.50 USD` and `span=1.5 USD` are the same: re-format the number after `=`.
fn canon(item: &str) -> String {
    let Some((span, rest)) = item.rsplit_once('=') else {
        return item.to_string();
    };
    let (num, tail) = match rest.find([' ', '/']) {
        Some(k) => rest.split_at(k),
        None => (rest, ""),
    };
    match num.parse::<f64>() {
        Ok(v) => format!("{span}={}{tail}", fmt_num(v)),
        Err(_) => item.to_string(),
    }
}

/// What checking one table gave.
pub struct Outcome {
    pub rows: usize,
    pub xfails: usize,
    pub failures: Vec<String>,
}

/// Check every row with `run` (row columns → (got, expected)).
pub fn check(
    name: &str,
    table: &str,
    run: impl Fn(&[&str]) -> (Vec<String>, Vec<String>),
) -> Outcome {
    let mut o = Outcome {
        rows: 0,
        xfails: 0,
        failures: Vec::new(),
    };
    for row in rows(table) {
        o.rows += 1;
        let cols: Vec<&str> = row.cols.iter().map(String::as_str).collect();
        let (got, want) = run(&cols);
        match (got == want, &row.xfail) {
            (true, None) => {}
            (false, Some(_)) => o.xfails += 1,
            (false, None) => o.failures.push(format!(
                "{name}:{}: {:?}\n    want {want:?}\n    got  {got:?}",
                row.line, cols[0]
            )),
            (true, Some(why)) => o.failures.push(format!(
                "{name}:{}: {:?} passes now: remove its xfail ({why})",
                row.line, cols[0]
            )),
        }
    }
    o
}

fn corpus_dir(dimension: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/extract")
        .join(dimension)
        .join("corpus")
}

/// The tables of a dimension: (language, path, contents), sorted by language.
fn tables(dimension: &str) -> Vec<(String, PathBuf, String)> {
    let Ok(dir) = std::fs::read_dir(corpus_dir(dimension)) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf, String)> = dir
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .map(|p| {
            let lang = p.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).expect("readable table");
            (lang, p, text)
        })
        .collect();
    out.sort();
    out
}

/// The context of a row from its reference cell: the date (or `-`), then optional
/// `key=value` words: `order=mdy|dmy|auto` (`--date-order`), `url=URL` (the article's),
/// `lang=CODE` (instead of the table's language). A word it does not know fails the row.
pub fn row_context<'a>(cell: Option<&'a str>, lang: &str) -> Result<Context<'a>, String> {
    use super::contract::DateOrder;
    let mut words = cell.unwrap_or("").split_whitespace();
    let mut ctx = Context {
        reference_date: words
            .next()
            .and_then(|r| chrono::NaiveDate::parse_from_str(r, "%Y-%m-%d").ok()),
        lang: Some(lang.to_string()),
        ..Context::default()
    };
    for w in words {
        match w.split_once('=') {
            Some(("order", "mdy")) => ctx.date_order = DateOrder::Mdy,
            Some(("order", "dmy")) => ctx.date_order = DateOrder::Dmy,
            Some(("order", "auto")) => ctx.date_order = DateOrder::Auto,
            Some(("url", u)) => ctx.url = Some(u),
            Some(("lang", l)) => ctx.lang = Some(l.to_string()),
            _ => return Err(format!("unknown setting {w:?} in the reference column")),
        }
    }
    Ok(ctx)
}

/// Run one extractor over the rows of one table.
pub fn check_extractor(x: &dyn Extractor, lang: &str, name: &str, table: &str) -> Outcome {
    check(name, table, |cols| {
        let text = cols[0];
        let ctx = match row_context(cols.get(1).copied(), lang) {
            Ok(c) => c,
            Err(e) => return (vec![e], Vec::new()),
        };
        let mut found = Vec::new();
        if x.applies(&ctx) {
            x.find(text, &ctx, &mut found);
        }
        let got = found.iter().map(|f| show(text, f)).collect();
        (got, expected_list(cols.get(2).copied().unwrap_or("")))
    })
}

fn report(outcomes: Vec<(String, Outcome)>) {
    let mut failures = Vec::new();
    for (name, o) in &outcomes {
        eprintln!("{name}: {} rows, {} known failing", o.rows, o.xfails);
        failures.extend(o.failures.iter().cloned());
    }
    assert!(
        failures.is_empty(),
        "{} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_extractor_passes_its_tables() {
    let mut outcomes = Vec::new();
    for x in REGISTRY {
        for (lang, path, table) in tables(x.name()) {
            let name = path
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap_or(&path)
                .display()
                .to_string();
            outcomes.push((name.clone(), check_extractor(*x, &lang, &name, &table)));
        }
    }
    report(outcomes);
}

#[test]
fn every_rule_extractor_has_a_table() {
    for x in REGISTRY.iter().filter(|x| x.name() != "names") {
        assert!(
            !tables(x.name()).is_empty(),
            "no table in {}",
            corpus_dir(x.name()).display()
        );
    }
}

#[test]
fn numeral_table() {
    let mut outcomes = Vec::new();
    for (_, path, table) in tables("numeral") {
        let name = path.display().to_string();
        let o = check(&name, &table, |cols| {
            let phrase = cols[0];
            let got = super::numeral::scan_number(phrase, 0)
                .filter(|n| n.end == phrase.len())
                .map(|n| fmt_num(n.value))
                .into_iter()
                .collect();
            let want = match cols.get(1).map(|c| c.trim()) {
                Some("-") | None => Vec::new(),
                Some(v) => vec![v.parse::<f64>().map_or(v.to_string(), fmt_num)],
            };
            (got, want)
        });
        outcomes.push((name, o));
    }
    assert!(!outcomes.is_empty(), "no numeral table");
    report(outcomes);
}

#[test]
fn a_wrong_row_is_reported_and_an_xfail_that_passes_too() {
    let x = super::extractor("percent").unwrap();
    let table = "# c\nUp 5% today.\t-\t5%=5\nUp 6% today.\t-\t6%=7\nUp 7%.\t-\t7%=7\txfail: no\n";
    let o = check_extractor(x, "en", "t", table);
    assert_eq!((o.rows, o.xfails), (3, 0));
    assert_eq!(o.failures.len(), 2, "{:?}", o.failures);
}
