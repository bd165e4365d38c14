//! Search results as text for a person at a terminal: hits with title, date, url, id, a
//! snippet with the query words marked, the main entities and facts, then the facet
//! counts. In colour when asked ([`super::args::Color`]); `--json` output is not made
//! here. And the rows of `facts`: an aligned table with human-readable numbers, or CSV
//! (RFC 4180) with exact ones.

use super::safe::text;
use newsfacts::article::Fact;
use newsfacts::index::facts::{FactFilter, FactRow, FactsRequest, FactsResult};
use newsfacts::index::search::Response;
use std::io::Write;

/// Facts shown under a search hit.
const HIT_FACTS: usize = 5;

const BOLD: &str = "\x1b[1m";
const HIT: &str = "\x1b[1;31m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Write `r` as text.
/// Write `r` as text; with a fact filter, a hit lists the facts that pass it.
pub fn response(
    out: &mut dyn Write,
    r: &Response,
    filter: Option<&FactFilter>,
    color: bool,
) -> std::io::Result<()> {
    let paint = |style: &str, s: &str| {
        if color {
            format!("{style}{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    let (plural, verb) = if r.total == 1 {
        ("", "matches")
    } else {
        ("s", "match")
    };
    writeln!(out, "{} article{plural} {verb} {:?}", r.total, r.query)?;
    for (i, h) in r.hits.iter().enumerate() {
        writeln!(out)?;
        let title = text(h.title.as_deref().unwrap_or("(no title)"));
        writeln!(
            out,
            "{}. {}  {}",
            i + 1,
            paint(BOLD, &title),
            paint(DIM, &format!("[{:.2}]", h.score))
        )?;
        let meta: Vec<std::borrow::Cow<str>> = [
            h.published.as_deref(),
            h.url.as_deref(),
            Some(h.id.as_str()),
        ]
        .into_iter()
        .flatten()
        .map(text)
        .collect();
        writeln!(out, "   {}", paint(DIM, &meta.join("  ")))?;
        writeln!(out, "   {}", highlight(&h.snippet, &h.highlights, color))?;
        if !h.entities.is_empty() {
            let names: Vec<String> = h
                .entities
                .iter()
                .map(|e| format!("{} ({})", text(&e.name), e.kind.as_str()))
                .collect();
            writeln!(out, "   {}", paint(DIM, &names.join(", ")))?;
        }
        let day = h
            .published
            .as_deref()
            .and_then(newsfacts::day::parse_published);
        let shown: Vec<&Fact> = h
            .facts
            .iter()
            .filter(|f| filter.is_none_or(|flt| flt.matches(f, day)))
            .collect();
        for f in shown.iter().take(HIT_FACTS) {
            writeln!(out, "   * {}", fact_line(f))?;
        }
        if shown.len() > HIT_FACTS {
            writeln!(out, "   * … and {} more facts", shown.len() - HIT_FACTS)?;
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
                .map(|c| format!("{} ({})", text(&c.name), c.count))
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
        return text(snippet).into_owned();
    }
    let safe = |cs: &[char]| text(&cs.iter().collect::<String>()).into_owned();
    let chars: Vec<char> = snippet.chars().collect();
    let mut s = String::with_capacity(snippet.len() + ranges.len() * 12);
    let mut at = 0;
    for &[a, b] in ranges {
        if a < at || b > chars.len() {
            continue;
        }
        s.push_str(&safe(&chars[at..a]));
        s.push_str(HIT);
        s.push_str(&safe(&chars[a..b]));
        s.push_str(RESET);
        at = b;
    }
    s.push_str(&safe(&chars[at..]));
    s
}

/// One fact on one line: `revenue 2019: ~181M USD, -21.9% yoy (Xunlei: "total revenue")`.
pub fn fact_line(f: &Fact) -> String {
    let mut s = f.metric.clone();
    if let Some(p) = &f.period {
        s.push(' ');
        s.push_str(p);
    }
    s.push_str(": ");
    let value = value_text(f);
    s.push_str(if value.is_empty() { "-" } else { &value });
    if let Some(c) = change_text(f) {
        s.push_str(", ");
        s.push_str(&c);
    }
    if let Some(sh) = share_text(f) {
        s.push_str(", ");
        s.push_str(&sh);
    }
    s.push_str(" (");
    if let Some(subject) = &f.subject {
        s.push_str(subject);
        s.push_str(": ");
    }
    s.push_str(&format!("{:?})", f.metric_text));
    s
}

/// The value with its unit, `~` in front when approximate: `~181M USD`, `37.8%`.
fn value_text(f: &Fact) -> String {
    let Some(v) = f.value else {
        return String::new();
    };
    let approx = if f.approx == Some(true) { "~" } else { "" };
    format!("{approx}{}", with_unit(v, f.unit.as_deref(), false))
}

fn with_unit(v: f64, unit: Option<&str>, signed: bool) -> String {
    let n = human(v);
    let n = if signed && v > 0.0 {
        format!("+{n}")
    } else {
        n
    };
    match unit {
        Some("%") => format!("{n}%"),
        Some("pp") => format!("{n}pp"),
        Some(u) => format!("{n} {u}"),
        None => n,
    }
}

/// The change: `-21.9% yoy`, `+5M USD prior`.
fn change_text(f: &Fact) -> Option<String> {
    let c = f.change.as_ref()?;
    let mut s = with_unit(c.value, c.unit.as_deref(), true);
    if let Some(b) = &c.basis {
        s.push(' ');
        s.push_str(b);
    }
    Some(s)
}

/// The share: `37.8% of revenue`.
fn share_text(f: &Fact) -> Option<String> {
    let sh = f.share.as_ref()?;
    Some(match &sh.of {
        Some(of) => format!("{}% of {of}", human(sh.value)),
        None => format!("{}%", human(sh.value)),
    })
}

/// A number for people: 181M, 53.169M, 1.2B, 16,744, 0.15; millions and up keep at
/// most three decimals (exact figures are in --json and --csv).
pub fn human(v: f64) -> String {
    let a = v.abs();
    let sign = if v < 0.0 { "-" } else { "" };
    let scaled = |div: f64, suffix: &str| {
        let t = format!("{:.3}", a / div);
        let t = t.trim_end_matches('0').trim_end_matches('.');
        format!("{sign}{t}{suffix}")
    };
    if a >= 1e12 {
        scaled(1e12, "T")
    } else if a >= 1e9 {
        scaled(1e9, "B")
    } else if a >= 1e6 {
        scaled(1e6, "M")
    } else if a >= 1e4 {
        let whole = a.trunc() as u64;
        let frac = plain(a - a.trunc());
        let mut digits = whole.to_string();
        let mut i = digits.len();
        while i > 3 {
            i -= 3;
            digits.insert(i, ',');
        }
        let frac = frac.strip_prefix('0').filter(|f| f.starts_with('.'));
        // a fraction of a number this large is noise in a table: kept to 2 places
        let frac = frac.map(|f| &f[..f.len().min(3)]).unwrap_or("");
        format!("{sign}{digits}{frac}")
    } else {
        let t = format!("{a:.4}");
        let t = t.trim_end_matches('0').trim_end_matches('.');
        let t = if t.is_empty() { "0" } else { t };
        if t == "0" {
            plain(v)
        } else {
            format!("{sign}{t}")
        }
    }
}

/// A number as written for machines: whole numbers without a fraction, others in the
/// shortest form that reads back the same, never an exponent or a thousands separator.
pub fn plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Longest cell of a column in the table before it is cut with `…`.
const MAX_CELL: usize = 40;

/// The rows as an aligned table, numbers right-aligned, and a line saying how many there
/// are (and how many more `--limit` left out).
pub fn facts_table(out: &mut dyn Write, r: &FactsResult) -> std::io::Result<()> {
    let any = |p: &dyn Fn(&FactRow) -> bool| r.rows.iter().any(p);
    let with_change = any(&|x| x.fact.change.is_some());
    let with_share = any(&|x| x.fact.share.is_some());
    let mut head = vec!["SUBJECT", "METRIC", "PERIOD", "VALUE", "UNIT"];
    if with_change {
        head.push("CHANGE");
    }
    if with_share {
        head.push("SHARE");
    }
    head.extend(["ARTICLE", "AS WRITTEN"]);
    let mut table: Vec<Vec<String>> = vec![head.iter().map(|h| h.to_string()).collect()];
    for row in &r.rows {
        let f = &row.fact;
        let mut cells = vec![
            f.subject.clone().unwrap_or_else(|| "-".into()),
            f.metric.clone(),
            f.period.clone().unwrap_or_else(|| "-".into()),
            match f.value {
                Some(v) => format!(
                    "{}{}",
                    if f.approx == Some(true) { "~" } else { "" },
                    human(v)
                ),
                None => "-".into(),
            },
            f.unit.clone().unwrap_or_else(|| "-".into()),
        ];
        if with_change {
            cells.push(change_text(f).unwrap_or_else(|| "-".into()));
        }
        if with_share {
            cells.push(share_text(f).unwrap_or_else(|| "-".into()));
        }
        cells.push(row.article_id.clone());
        cells.push(f.metric_text.clone());
        table.push(cells.into_iter().map(|c| cell(&c)).collect());
    }
    if !r.rows.is_empty() {
        let cols = table[0].len();
        let width: Vec<usize> = (0..cols)
            .map(|c| {
                table
                    .iter()
                    .map(|row| row[c].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in &table {
            let mut line = String::new();
            for (c, text) in row.iter().enumerate() {
                let pad = width[c] - text.chars().count();
                if c > 0 {
                    line.push_str("  ");
                }
                if c == 3 {
                    line.extend(std::iter::repeat_n(' ', pad));
                    line.push_str(text);
                } else {
                    line.push_str(text);
                    if c + 1 < cols {
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out)?;
    }
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    if r.rows.len() < r.total {
        writeln!(
            out,
            "{} of {} shown (--limit N for more, --csv or --json for all)",
            plural(r.rows.len(), "fact"),
            r.total
        )?;
    } else {
        writeln!(
            out,
            "{} in {}",
            plural(r.total, "fact"),
            plural(r.articles_with_facts, "article")
        )?;
    }
    Ok(())
}

/// A table cell on one line, cut at [`MAX_CELL`] characters.
fn cell(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= MAX_CELL {
        return flat;
    }
    let mut cut: String = flat.chars().take(MAX_CELL - 1).collect();
    cut.push('…');
    cut
}

/// The columns of `facts --csv`.
pub const CSV_HEADER: &[&str] = &[
    "subject",
    "metric",
    "metric_text",
    "period",
    "value",
    "unit",
    "approx",
    "change",
    "change_unit",
    "change_basis",
    "share",
    "share_of",
    "article_id",
    "published",
    "title",
    "url",
];

/// The rows as CSV (RFC 4180): a header row, CRLF line ends, a field quoted when it holds
/// a comma, a quote or a line break (quotes doubled), numbers plain (no thousands
/// separators, no exponent), empty fields for what is unknown.
pub fn facts_csv(out: &mut dyn Write, rows: &[FactRow]) -> std::io::Result<()> {
    csv_line(out, CSV_HEADER.iter().map(|h| h.to_string()))?;
    for row in rows {
        let f = &row.fact;
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        let num = |v: Option<f64>| v.map(plain).unwrap_or_default();
        let change = f.change.as_ref();
        let share = f.share.as_ref();
        csv_line(
            out,
            [
                opt(&f.subject),
                f.metric.clone(),
                f.metric_text.clone(),
                opt(&f.period),
                num(f.value),
                opt(&f.unit),
                if f.approx == Some(true) {
                    "true".into()
                } else {
                    String::new()
                },
                num(change.map(|c| c.value)),
                change.and_then(|c| c.unit.clone()).unwrap_or_default(),
                change.and_then(|c| c.basis.clone()).unwrap_or_default(),
                num(share.map(|s| s.value)),
                share.and_then(|s| s.of.clone()).unwrap_or_default(),
                row.article_id.clone(),
                opt(&row.published),
                opt(&row.title),
                opt(&row.url),
            ],
        )?;
    }
    Ok(())
}

fn csv_line(out: &mut dyn Write, fields: impl IntoIterator<Item = String>) -> std::io::Result<()> {
    let mut line = String::new();
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        if f.contains([',', '"', '\r', '\n']) {
            line.push('"');
            line.push_str(&f.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&f);
        }
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
}

/// Why a `facts` listing is empty, in words.
pub fn no_facts_reason(req: &FactsRequest, r: &FactsResult) -> String {
    let q = if req.query.trim().is_empty() || req.query.trim() == "*" {
        "the index".to_string()
    } else {
        format!("the query {:?}", req.query)
    };
    if r.articles == 0 {
        return format!("no facts: no article matches {q}");
    }
    let n = match r.articles {
        1 => "1 article matches".to_string(),
        n => format!("{n} articles match"),
    };
    if req.filter == FactFilter::default() {
        format!("no facts: {n} {q}, and none holds a financial fact")
    } else {
        format!("no facts match: {n} {q}, and none holds a fact that passes the filters")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well_in_a_table_and_exactly_in_csv() {
        assert_eq!(human(181_000_000.0), "181M");
        assert_eq!(human(-53_169_000.0), "-53.169M");
        assert_eq!(human(4.7e9), "4.7B");
        assert_eq!(human(1_234_567.0), "1.235M");
        assert_eq!(human(16_744.0), "16,744");
        assert_eq!(human(-123_456.75), "-123,456.75");
        assert_eq!(human(400.0), "400");
        assert_eq!(human(0.15), "0.15");
        assert_eq!(human(21.9), "21.9");
        assert_eq!(human(0.0), "0");
        assert_eq!(human(0.00002), "0.00002");
        assert_eq!(plain(181_000_000.0), "181000000");
        assert_eq!(plain(-39_278_000.0), "-39278000");
        assert_eq!(plain(0.15), "0.15");
        assert_eq!(plain(1e20), "100000000000000000000");
        assert_eq!(plain(53.169e6 + 0.5), "53169000.5");
    }

    #[test]
    fn csv_fields_are_quoted_as_rfc_4180_says() {
        let mut out = Vec::new();
        csv_line(
            &mut out,
            ["plain", "a,b", "say \"hi\"", "two\nlines", "", "Zürich"].map(String::from),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,Zürich\r\n"
        );
    }
}
