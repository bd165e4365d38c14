//! Newswire earnings tables. Reuters prints results as short lines under period headers:
//!
//! ```text
//! 3rd qtr                                  (or the headline: "... 3RD QTR NET")
//! Shr profit two cts vs loss 2.60 dlrs
//! Net profit 111,000 vs loss 16.9 mln
//! Nine mths
//! Shr profit 19 cts vs loss 2.80 dlrs
//! ```
//!
//! Each line gives a metric (its label), this period's figure and, after `vs`, the same
//! period a year earlier: two facts. Bare figures are in the table's currency (dollars
//! unless a line says otherwise); cents are converted; "loss" makes a figure negative.

use super::draft::Draft;
use super::lexicon;
use super::period::{self, Span};
use crate::extract::numeral;
use chrono::NaiveDate;

/// A table label: the metric and whether its figures count shares.
fn label_metric(label: &[&str]) -> Option<(&'static str, Option<&'static str>)> {
    let joined = label.join(" ");
    let m = match joined.as_str() {
        "shr"
        | "shrs"
        | "shr primary"
        | "primary shr"
        | "shr diluted"
        | "shr fully diluted"
        | "fully diluted shr"
        | "oper shr"
        | "oper shr primary"
        | "oper shr diluted"
        | "shr basic"
        | "per shr"
        | "net per shr"
        | "earnings per shr"
        | "oper shr basic"
        | "shr before extraordinary"
        | "primary"
        | "diluted"
        | "fully diluted" => "eps",
        "net"
        | "oper net"
        | "net income"
        | "net earnings"
        | "oper earnings"
        | "earnings"
        | "net before extraordinary"
        | "income"
        | "profit"
        | "oper net income"
        | "net attributable"
        | "attributable" => "net_income",
        "revs" | "rev" | "revenue" | "revenues" | "sales" | "net sales" | "turnover"
        | "oper revs" | "total revs" | "total revenues" | "gross revs" | "net revs"
        | "operating revenues" => "revenue",
        "avg shrs"
        | "avg shares"
        | "shrs outstanding"
        | "shrs outstg"
        | "avg shrs primary"
        | "avg shrs diluted"
        | "shares"
        | "avg shrs fully diluted" => return Some(("other", Some("shares"))),
        "assets" | "total assets" => "assets",
        "deposits"
        | "loans"
        | "pretax"
        | "pre tax"
        | "pretax profit"
        | "pre tax profit"
        | "minorities"
        | "extraordinary"
        | "extraordinary items"
        | "gross"
        | "loan loss provision"
        | "reserves"
        | "investment income" => "other",
        "tax" | "taxes" | "int payable" | "interest payable" | "interest" => "expense",
        "oper profit" | "operating profit" | "trading profit" | "oper" | "operating income" => {
            "operating_income"
        }
        _ => {
            let (e, n) = lexicon::match_at(label, 0)?;
            if n != label.len() {
                return None;
            }
            return Some((e.metric, e.flags.count));
        }
    };
    Some((m, None))
}

/// A currency word of a table figure: (ISO code, factor).
fn currency_word(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "dlrs" | "dlr" | "dollars" | "dollar" => ("USD", 1.0),
        "cts" | "ct" | "cent" | "cents" => ("USD", 0.01),
        "stg" => ("GBP", 1.0),
        "p" | "pence" => ("GBP", 0.01),
        "lire" | "lira" => ("ITL", 1.0),
        "yen" => ("JPY", 1.0),
        "marks" | "mark" => ("DEM", 1.0),
        "pfennigs" | "pfennig" => ("DEM", 0.01),
        "guilders" => ("NLG", 1.0),
        "francs" => ("FRF", 1.0),
        "crowns" => ("SEK", 1.0),
        "ecus" => ("XEU", 1.0),
        _ => return None,
    })
}

/// One side of a table line: the figure, its byte range, an explicit currency.
struct Side {
    start: usize,
    end: usize,
    value: f64,
    loss: bool,
    cur: Option<(&'static str, f64)>,
}

/// Read one side at `i`: `[oper] [profit|loss] NUMBER [scale] [currency]`.
fn side(line: &str, mut i: usize, stop: usize) -> Option<Side> {
    let mut loss = false;
    while let Some((s, e, w)) = numeral::word_after(line, i) {
        if s >= stop {
            return None;
        }
        match w.as_str() {
            "oper" | "profit" | "income" | "gain" => i = e,
            "loss" => {
                loss = true;
                i = e
            }
            "nil" => {
                return Some(Side {
                    start: s,
                    end: e,
                    value: 0.0,
                    loss,
                    cur: None,
                })
            }
            _ => break,
        }
    }
    let s = numeral::skip_spaces(line, i);
    let n = numeral::scan_number(line, s)?;
    if n.end > stop {
        return None;
    }
    let mut end = n.end;
    let mut cur = None;
    if let Some((_, e, w)) = numeral::word_after(line, end) {
        if e <= stop {
            if let Some(c) = currency_word(w.as_str()) {
                cur = Some(c);
                end = e;
            }
        }
    }
    Some(Side {
        start: s,
        end,
        value: n.value,
        loss,
        cur,
    })
}

/// Lowercased words of `s` (letters, digits, `-` and `.` inside a word are dropped).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// The period phrase of a headline ("... 3RD QTR MAY 31 NET", "... YEAR NET").
pub fn title_span(title: &str) -> Option<Span> {
    let after = title.rfind('>').map_or(title, |i| &title[i + 1..]);
    let w = words(after);
    let w: Vec<&str> = w.iter().map(String::as_str).collect();
    (0..w.len()).find_map(|i| {
        let sp = period::table_span(&w[i..])?;
        // "year" only as the headline's period word, not inside a name
        (w[i] != "year"
            || w.get(i + 1).is_none_or(|n| {
                matches!(
                    *n,
                    "net" | "loss" | "profit" | "earnings" | "results" | "dec" | "ended" | "ends"
                )
            }))
        .then_some(sp)
    })
}

/// The company a headline names: before its ticker (`VICTORIA BANCKSHARES INC <VICT.O>`),
/// or the bracketed name (`<ACC CORP> 3RD QTR NET`), in title case.
pub fn title_company(title: &str) -> Option<String> {
    let t = title.trim();
    let name = if let Some(rest) = t.strip_prefix('<') {
        &rest[..rest.find('>')?]
    } else {
        let i = t.find(" <")?;
        &t[..i]
    };
    let name = name.trim();
    if name.is_empty() || name.len() > 80 {
        return None;
    }
    Some(title_case(name))
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_alphanumeric() || c == '\'' {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = true;
        }
    }
    out
}

/// The table lines of `text`: facts for each side of each `vs` line, under the period of
/// its block. `lines` gets the byte ranges of the lines read (the prose linker skips
/// them). Lines longer than a table line are not looked at.
pub fn find(
    text: &str,
    title: Option<&str>,
    published: Option<NaiveDate>,
    out: &mut Vec<Draft>,
    lines: &mut Vec<(usize, usize)>,
) {
    let first = title.and_then(title_span);
    let block_end = first.and_then(|s| s.end_month.or(s.quarter.map(|q| q * 3)));
    let mut cur: Option<Span> = first;
    let mut default_cur: Option<(&'static str, f64)> = None;
    let mut pos = 0;
    let mut seen_vs = false;
    for raw in text.split_inclusive('\n') {
        let ls = pos;
        pos += raw.len();
        let line = raw.trim_end();
        if line.is_empty() || line.len() > 160 {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let (ls, line) = (ls + lead, line.trim_start());
        let Some(vs) = find_vs(line) else {
            // a period header of the table: "Nine mths", "Year", "4th qtr"
            if line.len() <= 40 && (seen_vs || first.is_none()) {
                let w = words(line);
                let w: Vec<&str> = w.iter().map(String::as_str).collect();
                if let Some(sp) = period::table_span(&w) {
                    if w.len() <= 6 && !w.iter().any(|x| lexicon::forecast_word(x)) {
                        cur = Some(sp);
                        lines.push((ls, ls + line.len()));
                    }
                }
            }
            continue;
        };
        // the label: the words before the first figure or sign word
        let mut label: Vec<String> = Vec::new();
        let mut i = 0;
        let mut label_end = 0;
        while let Some((s, e, w)) = numeral::word_after(line, i) {
            if s >= vs
                || matches!(w.as_str(), "profit" | "loss" | "nil")
                || line.as_bytes()[s].is_ascii_digit()
                || numeral::is_number_word(w.as_str())
            {
                break;
            }
            label.push(w.as_str().to_string());
            label_end = e;
            i = e;
        }
        if label.is_empty() || label.len() > 5 {
            continue;
        }
        let lw: Vec<&str> = label.iter().map(String::as_str).collect();
        let Some((metric, count)) = label_metric(&lw) else {
            continue;
        };
        let Some(left) = side(line, label_end, vs) else {
            continue;
        };
        let Some(right) = side(line, vs + 2, line.len()) else {
            continue;
        };
        seen_vs = true;
        lines.push((ls, ls + line.len()));
        if default_cur.is_none() {
            default_cur = left.cur.or(right.cur).filter(|c| c.1 == 1.0);
        }
        let per = cur.and_then(|sp| published.and_then(|p| period::resolve(sp, block_end, p)));
        let prior = per.as_deref().and_then(|p| period::shift_years(p, -1));
        for (sd, per) in [(left, per.clone()), (right, prior)] {
            let (unit, factor) = if let Some(c) = count {
                (c, 1.0)
            } else {
                match sd.cur {
                    Some((code, f)) => (code, f),
                    None => (default_cur.map_or("USD", |c| c.0), 1.0),
                }
            };
            let mut v = sd.value * factor;
            if sd.loss {
                v = -v.abs();
            }
            out.push(Draft {
                metric,
                value: Some(v),
                unit: Some(unit.to_string()),
                period: per,
                value_span: Some((ls + sd.start, ls + sd.end)),
                metric_span: (ls, ls + label_end),
                span: (ls, ls + line.len()),
                table: true,
                ..Draft::default()
            });
        }
    }
}

/// The byte offset of a ` vs ` (or ` vs. `) in a table line.
fn find_vs(line: &str) -> Option<usize> {
    let i = line.find(" vs ").or_else(|| line.find(" vs. "))?;
    Some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines() {
        assert_eq!(
            title_company("VICTORIA BANCKSHARES INC <VICT.O> 3RD QTR NET").as_deref(),
            Some("Victoria Banckshares Inc")
        );
        assert_eq!(
            title_company("<ACC CORP> 3RD QTR NET").as_deref(),
            Some("Acc Corp")
        );
        assert_eq!(title_company("ALITALIA REPORTS HIGHER NET PROFITS"), None);
        let s = title_span("PENWEST INC <PENW.O> 3RD QTR MAY 31 NET").unwrap();
        assert_eq!((s.months, s.end_month), (3, Some(5)));
        let s = title_span("EMPIRE OF CAROLINA INC <EMP> 4TH QTR NET").unwrap();
        assert_eq!((s.months, s.quarter), (3, Some(4)));
        assert!(title_span("NEW YEAR INDUSTRIES <NYI> SETS PAYOUT").is_none());
    }
}
