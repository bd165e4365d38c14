//! Duckling-style example tables for the rule extractors: one TSV per family under
//! `src/extract/tables/`, each row a phrase with what must be found in it (or nothing).
//! The tests read every row, collect every failure, and report them all at once.
//!
//! Row format (tab-separated; `#` starts a comment line; blank lines are skipped):
//!
//! - `numbers.tsv`: `phrase  value` — the whole phrase reads as one number (scale words
//!   applied); `value` `-` means no number covers the whole phrase.
//! - `percent.tsv`: `text  expected` — every PERCENT mention as `span=value`, joined by
//!   ` | `; empty (or `-`) for none.
//! - `money.tsv`: `text  expected` — every MONEY mention as
//!   `span=value CUR[ approx][ share]`, joined by ` | `; `-` for none.
//! - `dates.tsv`: `text  reference  expected` — every DATE mention as `span=value/grain`
//!   (`value` `null` when unresolved), joined by ` | `; `-` for none; `reference` is a
//!   `YYYY-MM-DD` date or `-` for none.
//!
//! A last column `xfail: reason` marks a row the rules cannot do yet: it is counted and
//! reported, and must keep failing (a row that starts passing fails the test until its
//! marker is removed). A `\\n` in a cell stands for a line break.

use super::{dates, money, numbers, percent, Context, Found, Kind};

const NUMBERS: &str = include_str!("tables/numbers.tsv");
const PERCENT: &str = include_str!("tables/percent.tsv");
const MONEY: &str = include_str!("tables/money.tsv");
const DATES: &str = include_str!("tables/dates.tsv");

/// Rows of a table: (line number, columns, xfail reason).
fn rows(table: &str) -> Vec<(usize, Vec<String>, Option<&str>)> {
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
                .map(str::trim);
            if xfail.is_some() {
                cols.pop();
            }
            (i + 1, cols, xfail)
        })
        .collect()
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// One found mention in the table's notation.
fn show(text: &str, f: &Found) -> String {
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
        _ => String::new(),
    }
}

/// Normalise an expected cell: `-` or empty is no mention; numbers compare by value.
fn expected_list(cell: &str) -> Vec<String> {
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

/// Check every row with `run` (row columns → (got, expected)); panic with every failure.
fn check(name: &str, table: &str, run: impl Fn(&[&str]) -> (Vec<String>, Vec<String>)) {
    let (mut n, mut xfails, mut failures) = (0, 0, Vec::new());
    for (line, cols, xfail) in rows(table) {
        n += 1;
        let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
        let (got, want) = run(&cols);
        let ok = got == want;
        match (ok, xfail) {
            (true, None) => {}
            (false, Some(_)) => xfails += 1,
            (false, None) => failures.push(format!(
                "{name}.tsv:{line}: {:?}\n    want {want:?}\n    got  {got:?}",
                cols[0]
            )),
            (true, Some(why)) => failures.push(format!(
                "{name}.tsv:{line}: {:?} passes now: remove its xfail ({why})",
                cols[0]
            )),
        }
    }
    eprintln!("{name}: {n} rows, {xfails} known failing");
    assert!(
        failures.is_empty(),
        "{} of {n} {name} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn ctx(reference: Option<&str>) -> Context {
    Context {
        reference_date: reference
            .and_then(|r| chrono::NaiveDate::parse_from_str(r, "%Y-%m-%d").ok()),
        lang: Some("en".to_string()),
    }
}

fn found_list(text: &str, found: &[Found]) -> Vec<String> {
    found.iter().map(|f| show(text, f)).collect()
}

#[test]
fn numbers_table() {
    check("numbers", NUMBERS, |cols| {
        let phrase = cols[0];
        let got = numbers::scan_number(phrase, 0)
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
}

#[test]
fn percent_table() {
    check("percent", PERCENT, |cols| {
        let text = cols[0];
        let got = found_list(text, &percent::find(text, &ctx(None)));
        (got, expected_list(cols.get(1).copied().unwrap_or("")))
    });
}

#[test]
fn money_table() {
    check("money", MONEY, |cols| {
        let text = cols[0];
        let got = found_list(text, &money::find(text, &ctx(None)));
        (got, expected_list(cols.get(1).copied().unwrap_or("")))
    });
}

#[test]
fn dates_table() {
    check("dates", DATES, |cols| {
        let text = cols[0];
        let reference = cols.get(1).map(|c| c.trim()).filter(|c| *c != "-");
        let got = found_list(text, &dates::find(text, &ctx(reference)));
        (got, expected_list(cols.get(2).copied().unwrap_or("")))
    });
}
