//! FACTS: who reported what figure, for which period, and how it changed
//! (`shared/SPEC.md`, "Financial facts"). A second stage over what the registry found:
//! it reads the MONEY, PERCENT and DATE spans, plain counts ("400 employees") and the
//! ORG entities, and links them to the metrics of a lexicon.
//!
//! - `table.rs`: newswire earnings tables ("Shr 71 cts vs 15 cts" under "4th qtr");
//! - `prose.rs`: running text, sentence by sentence, only the sentences holding a value;
//! - `lexicon.rs`: the metric phrases and cue words; `period.rs`: period arithmetic.
//!
//! Work is linear in the text: the table pass reads each short line once, the sentence
//! cutter each byte once, and only sentences with a value mention are tokenised (each
//! value looks at a bounded window of words around it).

#[cfg(test)]
mod corpus;
pub mod draft;
pub mod lexicon;
pub mod period;
pub mod prose;
pub(crate) mod sentence;
pub mod table;

use super::span::{Found, Kind};
use super::Context;
use crate::article::{Change, Entity, Fact, MentionType, Share};
pub use draft::{Draft, Input};

/// The article's main company: the headline's company of a table story, else the
/// organisation named most often (the agency's signature aside).
fn main_company(title: Option<&str>, entities: &[Entity]) -> Option<String> {
    if let Some(c) = title.and_then(table::title_company) {
        // the text's spelling of it when the tagger found it
        let key = super::aliases::norm_key(&c);
        if let Some(e) = entities.iter().find(|e| {
            e.kind == MentionType::Org && {
                let k = super::aliases::norm_key(&e.name);
                k.len() >= 3 && (key.starts_with(&k) || k.starts_with(&key))
            }
        }) {
            if e.name.len() >= c.len() {
                return Some(e.name.clone());
            }
        }
        return Some(c);
    }
    entities
        .iter()
        .filter(|e| e.kind == MentionType::Org && !sentence::is_agency(&e.name))
        .max_by_key(|e| (e.count, std::cmp::Reverse(e.name.len())))
        .map(|e| e.name.clone())
}

/// Every fact of `text`. `found` are the registry's spans (byte offsets, any order),
/// `entities` the merged names. Offsets of the facts are code points.
pub fn find(text: &str, ctx: &Context, found: &[Found], entities: &[Entity]) -> Vec<Fact> {
    if ctx
        .lang
        .as_deref()
        .is_some_and(|l| matches!(l, "zh" | "ja" | "ko"))
    {
        return Vec::new();
    }
    let published = ctx.reference_date;
    let mut drafts: Vec<Draft> = Vec::new();
    let mut table_lines: Vec<(usize, usize)> = Vec::new();
    table::find(text, ctx.title, published, &mut drafts, &mut table_lines);
    let is_table = !drafts.is_empty();
    let default_period = if is_table {
        ctx.title
            .and_then(table::title_span)
            .and_then(|sp| published.and_then(|p| period::resolve(sp, None, p)))
    } else {
        None
    };
    let inp = Input {
        text,
        published,
        entities,
        default_period,
    };
    let mut sorted: Vec<Found> = found.to_vec();
    sorted.sort_by_key(|f| f.start);
    let mut carry = prose::Carry { period: None };
    let mut toks = Vec::new();
    let mut fi = 0;
    for (n, (s, e)) in sentence::sentences(text).into_iter().enumerate() {
        if table_lines.iter().any(|&(a, b)| a <= s && e <= b + 1) {
            continue;
        }
        while fi < sorted.len() && sorted[fi].end <= s {
            fi += 1;
        }
        let mut fj = fi;
        let mut has_value = false;
        while fj < sorted.len() && sorted[fj].start < e {
            has_value |= matches!(sorted[fj].kind, Kind::Money { .. } | Kind::Percent { .. });
            fj += 1;
        }
        if !has_value && !text[s..e].bytes().any(|c| c.is_ascii_digit()) {
            continue;
        }
        prose::link(
            &inp,
            &sorted[fi..fj],
            s,
            e,
            n,
            &mut carry,
            &mut toks,
            &mut drafts,
        );
    }
    let main = main_company(ctx.title, entities);
    for d in &mut drafts {
        if d.subject.is_none() || d.table {
            d.subject = main.clone();
        }
    }
    merge_changes(&mut drafts);
    dedupe(&mut drafts);
    to_facts(text, drafts)
}

/// A change reported without its figure ("a 14.6 pct rise in 1986 net profit") joins
/// the fact of the same metric and period that has no change; it stays a fact of its own
/// when there is none.
fn merge_changes(d: &mut Vec<Draft>) {
    let orphans = d
        .iter()
        .filter(|x| x.value.is_none() && x.share.is_none() && x.change.is_some())
        .count();
    if orphans == 0 || orphans > 64 {
        return;
    }
    let mut i = 0;
    while i < d.len() {
        if d[i].value.is_none() && d[i].share.is_none() && d[i].change.is_some() {
            let target = (0..d.len()).find(|&j| {
                j != i
                    && d[j].value.is_some()
                    && d[j].change.is_none()
                    && d[j].metric == d[i].metric
                    && (d[j].period == d[i].period || d[j].sentence == d[i].sentence)
            });
            if let Some(j) = target {
                d[j].change = d[i].change;
                d.remove(i);
                continue;
            }
        }
        i += 1;
    }
}

/// The same figure of the same metric and period read twice from one span.
fn dedupe(d: &mut Vec<Draft>) {
    let mut seen: rustc_hash::FxHashSet<(usize, usize)> = Default::default();
    d.retain(|x| x.value_span.is_none_or(|v| seen.insert(v)));
}

/// Drafts to facts, byte offsets to code points (one pass over the text).
fn to_facts(text: &str, drafts: Vec<Draft>) -> Vec<Fact> {
    let mut offs: Vec<usize> = Vec::with_capacity(drafts.len() * 8);
    for d in &drafts {
        offs.extend([d.span.0, d.span.1, d.metric_span.0, d.metric_span.1]);
        if let Some((a, b)) = d.value_span {
            offs.extend([a, b]);
        }
        if let Some((_, _, _, (a, b))) = d.change {
            offs.extend([a, b]);
        }
    }
    offs.sort_unstable();
    offs.dedup();
    let mut map: Vec<(usize, usize)> = Vec::with_capacity(offs.len());
    let mut chars = 0usize;
    let mut last = 0usize;
    for &o in &offs {
        let o = o.min(text.len());
        chars += text[last..o].chars().count();
        last = o;
        map.push((o, chars));
    }
    let cp = |b: usize| -> usize {
        let b = b.min(text.len());
        let i = map.partition_point(|&(o, _)| o < b);
        map.get(i).map_or(0, |&(_, c)| c)
    };
    drafts
        .into_iter()
        .map(|d| {
            let mt = text
                .get(d.metric_span.0..d.metric_span.1)
                .unwrap_or("")
                .to_string();
            Fact {
                metric: d.metric.to_string(),
                metric_text: mt,
                subject: d.subject,
                period: d.period,
                value: d.value,
                unit: d.unit,
                approx: d.approx.then_some(true),
                change: d.change.map(|(value, unit, basis, (a, b))| Change {
                    value,
                    unit: unit.map(str::to_string),
                    basis: basis.map(str::to_string),
                    start: cp(a),
                    end: cp(b),
                }),
                share: d.share.map(|(value, of)| Share { value, of }),
                start: cp(d.span.0),
                end: cp(d.span.1),
                value_start: d.value_span.map(|v| cp(v.0)),
                value_end: d.value_span.map(|v| cp(v.1)),
                metric_start: cp(d.metric_span.0),
                metric_end: cp(d.metric_span.1),
            }
        })
        .collect()
}
