//! The linker for running text: each sentence holding a value mention (MONEY, PERCENT,
//! a plain count) is cut into words once; the metric lexicon is matched over them in one
//! pass; each value takes the nearest metric on its left within its clause (or the one
//! right after it: "a 250 mln dlr loan"), a period from the DATE mentions around it,
//! a change or a share from the PERCENT mentions after it, and a subject from the ORG
//! mentions before it. Sentences without a value mention are never tokenised.

use super::draft::{Draft, Input};
use super::lexicon;
use super::period;
use super::sentence::{basis_near, is_agency, resolve_basis, tokens, Met, Tok, VKind, Val};
use crate::extract::numeral;
use crate::extract::span::{Found, Kind};

/// What [`link`] needs of the sentence's surroundings.
pub struct Carry {
    /// The period of the last income-statement fact and the sentence number it was in.
    pub period: Option<(String, usize)>,
}

fn is_income(m: &str) -> bool {
    matches!(
        m,
        "revenue"
            | "net_income"
            | "operating_income"
            | "gross_profit"
            | "ebitda"
            | "eps"
            | "expense"
    )
}

/// Link the values of one sentence `(s, e)` (number `n`) to metrics; append drafts.
#[allow(clippy::too_many_arguments)]
pub fn link(
    inp: &Input,
    found: &[Found],
    s: usize,
    e: usize,
    n: usize,
    carry: &mut Carry,
    toks: &mut Vec<Tok>,
    out: &mut Vec<Draft>,
) {
    let text = inp.text;
    // the value mentions of the sentence
    let in_sent: Vec<&Found> = found
        .iter()
        .filter(|f| f.start >= s && f.end <= e)
        .collect();
    let mut vals: Vec<Val> = Vec::new();
    for f in &in_sent {
        match &f.kind {
            Kind::Money {
                value,
                currency,
                approx,
                per,
            } => vals.push(Val {
                start: f.start,
                end: f.end,
                value: *value,
                unit: Some(currency.clone()),
                approx: *approx,
                per_share: per.as_deref() == Some("share"),
                kind: VKind::Money,
                t0: 0,
                t1: 0,
                _f: Some(f),
            }),
            Kind::Percent { value } => vals.push(Val {
                start: f.start,
                end: f.end,
                value: *value,
                unit: Some("%".into()),
                approx: false,
                per_share: false,
                kind: VKind::Percent,
                t0: 0,
                t1: 0,
                _f: Some(f),
            }),
            _ => {}
        }
    }
    // plain numbers: digit runs outside every mention
    let b = text.as_bytes();
    let mut i = s;
    while i < e {
        if b[i].is_ascii_digit()
            && (i == s || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'.' && b[i - 1] != b'$')
        {
            let inside = in_sent.iter().any(|f| f.start <= i && i < f.end);
            if !inside {
                if let Some(num) = numeral::scan_number(text, i) {
                    let end = num.end.min(e);
                    let unit = numeral::word_after(text, end)
                        .and_then(|(_, _, w)| lexicon::count_unit(w.as_str()));
                    let year_like = !num.scaled
                        && num.value.fract() == 0.0
                        && (1900.0..=2100.0).contains(&num.value)
                        && end - i == 4;
                    if !year_like && !num.glued {
                        vals.push(Val {
                            start: i,
                            end,
                            value: num.value,
                            unit: None,
                            approx: false,
                            per_share: false,
                            kind: VKind::Count(unit),
                            t0: 0,
                            t1: 0,
                            _f: None,
                        });
                    }
                    i = end.max(i + 1);
                    continue;
                }
            }
        }
        i += 1;
    }
    if vals.is_empty() {
        return;
    }
    vals.sort_by_key(|v| v.start);
    tokens(text, s, e, toks);
    if toks.is_empty() {
        return;
    }
    let low: Vec<&str> = toks.iter().map(|t| t.low.as_str()).collect();
    let tok_at = |pos: usize| toks.partition_point(|t| t.end <= pos);
    for v in vals.iter_mut() {
        v.t0 = tok_at(v.start).min(toks.len() - 1);
        v.t1 = tok_at(v.end).saturating_sub(1).max(v.t0);
        // "about 181 million": the approx words are inside MONEY spans; for the others
        if v.t0 > 0
            && matches!(
                low[v.t0 - 1],
                "about" | "around" | "nearly" | "almost" | "some" | "roughly" | "approximately"
            )
        {
            v.approx = true;
        }
        if v.t0 > 1
            && matches!(
                (low[v.t0 - 2], low[v.t0 - 1]),
                ("more", "than") | ("less", "than") | ("close", "to") | ("over", "the")
            )
        {
            v.approx = true;
        }
    }
    // token i is inside a value mention
    let mut in_val = vec![false; toks.len()];
    for v in &vals {
        for x in in_val.iter_mut().take(v.t1 + 1).skip(v.t0) {
            *x = true;
        }
    }
    // metric phrases, one pass
    let mut mets: Vec<Met> = Vec::new();
    let mut j = 0;
    while j < toks.len() {
        if !in_val[j] {
            if let Some((e, k)) = lexicon::match_at(&low, j) {
                if !(j..j + k).any(|x| in_val[x]) {
                    mets.push(Met {
                        t0: j,
                        t1: j + k,
                        e,
                    });
                    j += k;
                    continue;
                }
            }
        }
        j += 1;
    }
    // clause starts (token indexes): ';' and "while", "whereas", "but"
    // clause starts and ends per token (one pass each way): ';', "while", "whereas", "but"
    let is_cut = |x: usize| matches!(low[x], ";" | "while" | "whereas" | "but");
    let mut cstart = vec![0usize; toks.len() + 1];
    for x in 1..=toks.len() {
        cstart[x] = if is_cut(x - 1) { x } else { cstart[x - 1] };
    }
    let mut cend = vec![toks.len(); toks.len() + 1];
    for x in (0..toks.len()).rev() {
        cend[x] = if is_cut(x) { x } else { cend[x + 1] };
    }
    let clause_start = |t: usize| cstart[t.min(toks.len())];
    let clause_end = |t: usize| cend[t.min(toks.len())];
    // metrics ending at or before token t: mets[..left_of(t)]
    let left_of = |t: usize| mets.partition_point(|m| m.t1 <= t);
    let right_of = |t: usize| mets.partition_point(|m| m.t0 <= t);
    let dates: Vec<&Found> = in_sent
        .iter()
        .copied()
        .filter(|f| matches!(f.kind, Kind::Date { .. }))
        .collect();
    let respectively = low.contains(&"respectively");

    let first_draft = out.len();
    // index into `out` of the fact of each value
    let mut fact_of: Vec<Option<usize>> = vec![None; vals.len()];
    let mut last_fact: Option<(usize, usize)> = None;
    let mut region_from = 0usize; // token index the next metric search starts at
    let mut pending_change: Option<(f64, Option<&'static str>, (usize, usize))> = None;
    for vi in 0..vals.len() {
        let v = &vals[vi];
        let cs = clause_start(v.t0);
        let ce = clause_end(v.t1 + 1);
        let from = region_from.max(cs);
        if v.t0 < from {
            region_from = v.t1 + 1;
            continue;
        }
        // forecasts, targets and limits are not facts
        if (cs.max(v.t0.saturating_sub(6))..v.t0).any(|x| lexicon::forecast_word(low[x]))
            || (v.t0 >= 2
                && matches!(
                    (low[v.t0 - 2], low[v.t0 - 1]),
                    ("up", "to") | ("at", "least") | ("as", "much") | ("no", "more")
                ))
        {
            region_from = v.t1 + 1;
            continue;
        }
        // the previous fact of this clause
        let prev = last_fact.filter(|&(k, _)| vals[k].t0 >= cs);
        if v.kind == VKind::Percent {
            // a change: "down 8.3%", "a decrease of 21.9%", "a 14.6 pct rise"
            let before = (v.t0.saturating_sub(4).max(from)..v.t0)
                .rev()
                .find_map(|x| lexicon::change_word(low[x]).map(|u| (x, u)));
            let after = (v.t1 + 1..(v.t1 + 3).min(ce))
                .find_map(|x| lexicon::change_word(low[x]).map(|u| (x, u)));
            if let Some((_, up)) = before.or(after) {
                let val = if up { v.value.abs() } else { -v.value.abs() };
                let basis = basis_near(&low, v.t0.saturating_sub(6).max(cs), (v.t1 + 6).min(ce));
                let span = (v.start, v.end);
                match prev {
                    Some((_, d)) if out[d].change.is_none() && before.is_some() => {
                        let per = out[d].period.clone();
                        out[d].change =
                            Some((val, Some("%"), resolve_basis(basis, per.as_deref()), span));
                    }
                    _ => {
                        // a change before its figure, or a change of a figure not given
                        let right = mets[right_of(v.t1)..]
                            .first()
                            .filter(|m| m.t0 < ce && m.t0 <= v.t1 + 6);
                        let left = mets[..left_of(v.t0)].last().filter(|m| m.t0 >= from);
                        if vals[vi + 1..]
                            .iter()
                            .any(|w| w.t0 < ce && w.kind == VKind::Money)
                        {
                            pending_change = Some((val, basis, span));
                        } else if let Some(m) = right.or(left) {
                            let period = own_period(inp, &low, toks, &dates, m.t0, m.t1, ce)
                                .or_else(|| clause_period(inp, &low, toks, &dates, cs, m.t0));
                            let basis = resolve_basis(basis, period.as_deref());
                            out.push(Draft {
                                metric: m.e.metric,
                                metric_span: (toks[m.t0].start, toks[m.t1 - 1].end),
                                period,
                                change: Some((val, Some("%"), basis, span)),
                                span: (s, e),
                                sentence: n,
                                ..Draft::default()
                            });
                            fact_of[vi] = Some(out.len() - 1);
                            last_fact = Some((vi, out.len() - 1));
                        }
                    }
                }
                region_from = v.t1 + 1;
                continue;
            }
            // a share: "accounting for 37.8% of total revenue", "or 9.9% of total revenue"
            let share_cue = v.t0 >= 1
                && matches!(low[v.t0 - 1], "for" | "or" | "representing" | "to")
                && low.get(v.t1 + 1) == Some(&"of");
            if share_cue {
                let of_end = (v.t1 + 2..ce.min(v.t1 + 8))
                    .find(|&x| text[toks[x - 1].end..toks[x].start].contains(',') || in_val[x])
                    .unwrap_or(ce.min(v.t1 + 8));
                let mut w0 = v.t1 + 2;
                while w0 < of_end && matches!(low[w0], "the" | "its" | "a") {
                    w0 += 1;
                }
                let of =
                    (w0 < of_end).then(|| text[toks[w0].start..toks[of_end - 1].end].to_string());
                region_from = of_end;
                match prev {
                    Some((_, d)) if out[d].share.is_none() => out[d].share = Some((v.value, of)),
                    _ => {
                        if let Some(m) = mets[..left_of(v.t0)].last().filter(|m| m.t0 >= from) {
                            out.push(Draft {
                                metric: m.e.metric,
                                metric_span: (toks[m.t0].start, toks[m.t1 - 1].end),
                                period: clause_period(inp, &low, toks, &dates, cs, m.t0),
                                share: Some((v.value, of)),
                                span: (s, e),
                                sentence: n,
                                ..Draft::default()
                            });
                            fact_of[vi] = Some(out.len() - 1);
                            last_fact = Some((vi, out.len() - 1));
                        }
                    }
                }
                continue;
            }
        }
        // the metric: a prior figure takes the one before; else the nearest on the left;
        // else the one right after the value
        let cue = (v.t0.saturating_sub(3).max(from)..v.t0)
            .rev()
            .find(|&x| lexicon::prior_word(low[x]));
        let left = mets[..left_of(v.t0)]
            .last()
            .filter(|m| m.t0 >= from && v.t0 - m.t1 <= 16);
        let right = mets[right_of(v.t1)..].first().filter(|m| {
            m.t0 > v.t1
                && m.t0 <= v.t1 + 3
                && m.t0 < ce
                && (m.t0 == v.t1 + 1 || matches!(low[v.t1 + 1], "of" | "in"))
        });
        // "equipment worth 64 mln stg", "orders valued at eight mln stg": a deal
        let worth = (v.t0.saturating_sub(4).max(from)..v.t0)
            .find(|&x| matches!(low[x], "worth" | "valued"));
        let mut inherit = None;
        let mut same_period = false;
        if let (Some(c), Some((k, d))) = (cue, prev) {
            let kinds = vals[k].kind == v.kind
                || (vals[k].kind == VKind::Money && v.kind == VKind::Count(None));
            if left.is_none_or(|m| m.t1 <= c) && kinds {
                inherit = Some(d);
            }
        }
        // "67.6 mln dlrs, or 4.72 dlrs a share": the per-share amount of the figure before
        if let Some((_, d)) = prev {
            if v.per_share && v.t0 >= 1 && low[v.t0 - 1] == "or" && left.is_none_or(|m| m.t1 < v.t0)
            {
                inherit = Some(d);
                same_period = true;
            }
            // "16 pct of ..., from about 17.4 pct": a stake before
            if cue.is_some()
                && v.kind == VKind::Percent
                && (out[d].share.is_some() || out[d].flags.rate)
                && left.is_none_or(|m| cue.is_some_and(|c| m.t1 <= c))
            {
                inherit = Some(d);
            }
        }
        // "from A to B": B is the figure A became
        let mut from_to = false;
        if let Some((k, d)) = prev {
            let a = &vals[k];
            if v.t0 >= 1
                && low[v.t0 - 1] == "to"
                && a.t1 + 2 == v.t0
                && a.t0 >= 1
                && low[a.t0 - 1] == "from"
            {
                inherit = Some(d);
                from_to = true;
            }
        }
        // a count word after the number names the metric ("100 employees")
        let right = match v.kind {
            VKind::Count(Some(_)) => mets[right_of(v.t1)..]
                .first()
                .filter(|m| m.t0 == v.t1 + 1 && m.e.flags.count.is_some())
                .or(right),
            _ => right,
        };
        let left = match v.kind {
            VKind::Count(Some(_)) if right.is_some_and(|r| r.t0 == v.t1 + 1) => None,
            // a bare count needs its metric close and a linking word ("from 400", "was 200")
            VKind::Count(None) if inherit.is_none() => left.filter(|m| {
                v.t0 - m.t1 <= 8
                    && matches!(
                        low[v.t0 - 1],
                        "from"
                            | "to"
                            | "of"
                            | "was"
                            | "were"
                            | "is"
                            | "are"
                            | "totalled"
                            | "totaled"
                            | "reached"
                            | "at"
                            | "by"
                    )
            }),
            _ => left,
        };
        let (metric, mspan, flags) = if let Some(d) = inherit {
            (out[d].metric, out[d].metric_span, out[d].flags)
        } else {
            let m = match (left, right) {
                (Some(l), Some(r)) => Some(if v.t0 - l.t1 <= 2 { l } else { r }),
                (Some(l), None) => Some(l),
                (None, Some(r)) => Some(r),
                (None, None) => None,
            };
            match (m, worth, v.kind) {
                (Some(m), _, _) => (
                    m.e.metric,
                    (toks[m.t0].start, toks[m.t1 - 1].end),
                    m.e.flags,
                ),
                (None, Some(w), VKind::Money) => (
                    "deal_value",
                    (toks[w].start, toks[w].end),
                    lexicon::Flags::default(),
                ),
                _ => {
                    region_from = v.t1 + 1;
                    continue;
                }
            }
        };
        // the value kind must suit the metric
        let (unit, metric) = match v.kind {
            VKind::Money => (v.unit.clone(), metric),
            VKind::Percent if flags.rate => (Some("%".to_string()), metric),
            VKind::Percent => {
                region_from = v.t1 + 1;
                continue;
            }
            // "rose to 55 billion lire from 48 billion": the figure before's currency
            VKind::Count(None)
                if inherit.is_some_and(|d| {
                    out[d]
                        .unit
                        .as_deref()
                        .is_some_and(|u| u.len() == 3 && u.bytes().all(|c| c.is_ascii_uppercase()))
                }) =>
            {
                (inherit.and_then(|d| out[d].unit.clone()), metric)
            }
            VKind::Count(u) => match u.or(flags.count) {
                Some(u) if flags.count.is_none_or(|c| c == u) || u == "shares" => {
                    (Some(u.to_string()), metric)
                }
                _ => {
                    region_from = v.t1 + 1;
                    continue;
                }
            },
        };
        let mut metric = metric;
        let mut value = v.value;
        if flags.loss {
            value = -value.abs();
        }
        if v.per_share && !flags.per_share {
            // "67.6 mln dlrs, or 4.72 dlrs a share": the per-share amount of the figure before
            if metric == "net_income" {
                metric = "eps";
            }
            if let Some((_, d)) = prev {
                if out[d].value.is_some_and(|x| x < 0.0) {
                    value = -value.abs();
                }
            }
        }
        // the period
        let mut per = None;
        let mut own = false;
        if respectively {
            per = respectively_period(&vals, vi, &dates, inp);
        }
        let since = from_to && (cs.max(v.t0.saturating_sub(12))..v.t0).any(|x| low[x] == "since");
        if since {
            // "since May, from 400 to 200": 200 is the figure now
            per = inp.published.map(period::day);
        }
        if per.is_none() {
            let mt1 = toks.partition_point(|t| t.end <= mspan.1);
            let after = if mt1 > v.t1 && mt1 <= v.t1 + 4 {
                mt1
            } else {
                v.t1 + 1
            };
            per = own_period(inp, &low, toks, &dates, v.t0, after, ce);
            if per.is_none() {
                let mt0 = toks.partition_point(|t| t.end <= mspan.0);
                if mt0 < v.t0 {
                    per = dates_between(inp, &low, toks, &dates, mt0, v.t0);
                }
            }
            own = per.is_some();
        }
        if per.is_none() && same_period {
            per = inherit.and_then(|d| out[d].period.clone());
        }
        if per.is_none() {
            let before = (cs.max(v.t0.saturating_sub(5))..v.t0).any(|x| lexicon::now_word(low[x]));
            let after =
                (v.t1 + 1..(v.t1 + 3).min(ce)).any(|x| matches!(low[x], "presently" | "currently"));
            if before || after {
                per = inp.published.map(period::day);
            }
        }
        if per.is_none() && inherit.is_none() {
            per = clause_period(inp, &low, toks, &dates, cs, v.t0);
        }
        let prior_of = inherit;
        if per.is_none() && is_income(metric) {
            if let Some((p, at)) = &carry.period {
                if n - at <= 3 && prior_of.is_none() {
                    per = Some(p.clone());
                }
            }
        }
        if per.is_none() && prior_of.is_none() {
            per = inp.default_period.clone();
        }
        // "rose to C from P in 1985": C is the year after P
        if let Some(d) = prior_of {
            if own && out[d].period.is_none() {
                out[d].period = per.as_deref().and_then(|p| period::shift_years(p, 1));
            }
        }
        let change = pending_change
            .take()
            .map(|(val, basis, span)| (val, Some("%"), resolve_basis(basis, per.as_deref()), span));
        out.push(Draft {
            metric,
            metric_span: mspan,
            period: per.clone(),
            value: Some(value),
            unit,
            approx: v.approx,
            change,
            value_span: Some((v.start, v.end)),
            span: (s, e),
            sentence: n,
            flags,
            ..Draft::default()
        });
        fact_of[vi] = Some(out.len() - 1);
        last_fact = Some((vi, out.len() - 1));
        let prior_clause = (from..v.t0).any(|x| lexicon::prior_word(low[x]));
        if is_income(metric) && !prior_clause && inherit.is_none() {
            if let Some(p) = per {
                carry.period = Some((p, n));
            }
        }
        region_from = v.t1 + 1;
    }
    // subjects: the nearest organisation before the value in the sentence
    for d in &mut out[first_draft..] {
        let upto = d.value_span.map_or(d.metric_span.1, |v| v.0);
        d.subject = subject_before(inp, &in_sent, s, upto);
    }
}

/// The DATE right after the value (`$39.278 million in 2018`, `outstanding at December
/// 31, 1986`), before the clause ends: at most 4 words on, through linking words only.
fn own_period(
    inp: &Input,
    low: &[&str],
    toks: &[Tok],
    dates: &[&Found],
    t0: usize,
    t1: usize,
    ce: usize,
) -> Option<String> {
    let _ = t0;
    let mut x = t1;
    let mut skipped = 0;
    while x < ce && skipped <= 4 {
        let i = dates.partition_point(|d| d.end <= toks[x].start);
        if let Some(d) = dates.get(i).filter(|d| d.start <= toks[x].start) {
            return date_value(inp, low, toks, d);
        }
        if !matches!(
            low[x],
            "in" | "for"
                | "at"
                | "as"
                | "of"
                | "on"
                | "during"
                | "the"
                | "outstanding"
                | "a"
                | "share"
                | "per"
                | "and"
                | "by"
                | "end"
                | "ended"
                | "year"
                | "years"
                | "quarter"
                | "so"
                | "far"
        ) {
            return None;
        }
        x += 1;
        skipped += 1;
    }
    None
}

/// The last DATE between tokens a and b (`total revenue in 2019 was`).
fn dates_between(
    inp: &Input,
    low: &[&str],
    toks: &[Tok],
    dates: &[&Found],
    a: usize,
    b: usize,
) -> Option<String> {
    let (s, e) = (toks[a].start, toks[b].start);
    let d = dates[..dates.partition_point(|d| d.end <= e)]
        .last()
        .filter(|d| d.start >= s)?;
    date_value(inp, low, toks, d)
}

/// The nearest DATE of the clause before token `b`: not a day unless it is a point in
/// time ("at Dec 31", "as of") or the end of a fiscal span.
fn clause_period(
    inp: &Input,
    low: &[&str],
    toks: &[Tok],
    dates: &[&Found],
    cs: usize,
    b: usize,
) -> Option<String> {
    let s = toks.get(cs)?.start;
    let e = toks.get(b).map_or(usize::MAX, |t| t.start);
    let d = dates[..dates.partition_point(|d| d.end <= e)]
        .last()
        .filter(|d| d.start >= s)?;
    let t = toks.partition_point(|t| t.end <= d.start);
    if t > 0 && matches!(low[t - 1], "by" | "until" | "before" | "next" | "within") {
        return None;
    }
    if let Kind::Date { grain, .. } = &d.kind {
        if *grain == "day" {
            let surface = inp.text[d.start..d.end].to_ascii_lowercase();
            let relative =
                t >= 2 && (surface.starts_with("yesterday") || surface.starts_with("last "));
            let ok = relative || t > 0 && matches!(low[t - 1], "at" | "of" | "ended" | "ending");
            if !ok {
                return None;
            }
        }
    }
    date_value(inp, low, toks, d)
}

/// A DATE mention's value as a period: "year ended December 31, 2020" → `2020`.
fn date_value(inp: &Input, low: &[&str], toks: &[Tok], d: &Found) -> Option<String> {
    let Kind::Date { value, .. } = &d.kind else {
        return None;
    };
    let v = value.as_ref()?;
    let t = toks.partition_point(|t| t.end <= d.start);
    let _ = inp;
    // "1985's 4th qtr"
    let te = toks.partition_point(|t| t.end <= d.end);
    if v.len() == 4
        && te + 2 < toks.len()
        && low[te] == "s"
        && matches!(low[te + 2], "qtr" | "quarter")
    {
        let q = match low[te + 1] {
            "1st" | "first" => 1,
            "2nd" | "second" => 2,
            "3rd" | "third" => 3,
            "4th" | "fourth" => 4,
            _ => 0,
        };
        if q > 0 {
            return Some(format!("{v}-Q{q}"));
        }
    }
    if t >= 2 && matches!(low[t - 1], "ended" | "ending") {
        let months = match low[t - 2] {
            "year" | "years" => Some(12),
            "quarter" | "quarters" | "qtr" => Some(3),
            "months" | "mths" if t >= 3 => match low[t - 3] {
                "three" | "3" => Some(3),
                "six" | "6" => Some(6),
                "nine" | "9" => Some(9),
                "twelve" | "12" => Some(12),
                _ => None,
            },
            _ => None,
        };
        return Some(period::ended(v, months));
    }
    Some(v.clone())
}

/// "X, Y and Z in 2019, 2018 and 2017, respectively": the i-th value of a list takes the
/// i-th date of the sentence when the counts agree.
fn respectively_period(vals: &[Val], vi: usize, dates: &[&Found], inp: &Input) -> Option<String> {
    // the list of values vi belongs to: neighbours of the same kind
    let kind = vals[vi].kind;
    let mut a = vi;
    while a > 0 && vi - a < 12 && vals[a - 1].kind == kind && vals[a].t0 - vals[a - 1].t1 <= 3 {
        a -= 1;
    }
    let mut b = vi;
    while b + 1 < vals.len()
        && b - vi < 12
        && vals[b + 1].kind == kind
        && vals[b + 1].t0 - vals[b].t1 <= 3
    {
        b += 1;
    }
    let n = b - a + 1;
    if n < 2 {
        return None;
    }
    if n > 12 || dates.len() > 24 {
        return None;
    }
    let ds: Vec<&&Found> = dates
        .iter()
        .filter(|d| !(d.start >= vals[a].start && d.end <= vals[b].end))
        .collect();
    if ds.len() != n {
        return None;
    }
    let _ = inp;
    match &ds[vi - a].kind {
        Kind::Date { value, grain } => {
            let v = value.clone()?;
            // "the years ended December 31, 2018, 2019, and 2020": the days are year ends
            if *grain == "day" && v.ends_with("-12-31") {
                Some(v[..4].to_string())
            } else {
                Some(v)
            }
        }
        _ => None,
    }
}

/// The nearest organisation named in the sentence before byte `upto` (an analyst's or a
/// broker's firm is not the subject), or a country in the possessive ("Mexico's
/// reserves").
fn subject_before(inp: &Input, in_sent: &[&Found], s: usize, upto: usize) -> Option<String> {
    let text = inp.text;
    for f in in_sent.iter().rev() {
        if f.end > upto || f.start < s {
            continue;
        }
        let name = &text[f.start..f.end];
        let before = text[s..f.start].trim_end();
        let after = text[f.end..upto.max(f.end)].trim_start();
        let broker = before.ends_with(" at")
            || before.ends_with("analyst")
            || before.ends_with("analysts")
            || after.starts_with("analyst");
        match f.kind {
            Kind::Org if !broker && !is_agency(name) => return Some(inp.entity_name(name)),
            Kind::Loc if after.starts_with("'s") || after.starts_with("\u{2019}s") => {
                return Some(inp.entity_name(name))
            }
            _ => {}
        }
    }
    None
}
