//! The averaged-perceptron BILOU tagger: run-time weights, constrained Viterbi decoding
//! (with the structured-perceptron update that training drives through it), and loading
//! the compact model file (training and writing it: [`super::train`]).
//!
//! Tags: 0 = O, then for each [`NameType`] (PERSON, ORG, LOC, in that order) B, I, L, U.
//! Weights are a hashed table of `2^bits` rows × 16 columns (13 tags + padding, one
//! 16-byte row at run time: the file stores `i16`, loading requantises to `i8`).

use super::aggregate::agg_contexts;
use super::clusters::Clusters;
use super::features::{
    dyn_feats, hist_feats, memo_key, row, static_feats, token_infos, trans_feat, Groups, LcStats,
    SplitSink, TokInfo, WordMemo, FEATURE_REACH, F_CAP, F_UPPER, NDYN,
};
use super::gazetteer::Gazetteer;
use super::hash::{finalize, FxMap};
use std::ops::Range;

pub const NTAGS: usize = 13;
pub const ROW: usize = 16;
pub const NTYPES: usize = 3;

/// The types of name the tagger finds, in the order of the tag encoding (and of the
/// model file: reordering them means training again).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameType {
    Person,
    Org,
    Loc,
}

impl NameType {
    /// Every type, by [`NameType::index`].
    pub const ALL: [NameType; NTYPES] = [NameType::Person, NameType::Org, NameType::Loc];

    /// The type's position in the tag encoding (and in per-type arrays).
    #[inline]
    pub fn index(self) -> usize {
        self as usize
    }

    /// The span kind of the extractors' output.
    pub fn kind(self) -> crate::extract::Kind {
        match self {
            NameType::Person => crate::extract::Kind::Person,
            NameType::Org => crate::extract::Kind::Org,
            NameType::Loc => crate::extract::Kind::Loc,
        }
    }

    /// `PERSON`, `ORG`, `LOC`.
    pub fn as_str(self) -> &'static str {
        match self {
            NameType::Person => "PERSON",
            NameType::Org => "ORG",
            NameType::Loc => "LOC",
        }
    }
}

/// A name found by the tagger: tokens `start..end` (token indices, end exclusive) and its
/// type.
pub type TokenSpan = (usize, usize, NameType);

#[inline]
pub fn tag_of(ty: NameType, pos: usize) -> u8 {
    (1 + ty.index() * 4 + pos) as u8
}
/// The type of a tag other than O.
#[inline]
pub fn tag_type(t: u8) -> NameType {
    NameType::ALL[type_index(t)]
}
#[inline]
fn type_index(t: u8) -> usize {
    (t as usize - 1) / 4
}
#[inline]
pub fn tag_pos(t: u8) -> usize {
    (t as usize - 1) % 4
}
#[inline]
fn is_open(t: u8) -> bool {
    t > 0 && tag_pos(t) < 2
}

/// Is `next` allowed after `prev` (BILOU); `last` = `next` ends the sentence.
#[inline]
pub fn valid(prev: u8, next: u8, last: bool) -> bool {
    if is_open(prev) {
        next > 0
            && type_index(next) == type_index(prev)
            && (tag_pos(next) == 2 || !last && tag_pos(next) == 1)
    } else {
        next == 0 || tag_pos(next) == 3 || !last && tag_pos(next) == 0
    }
}

/// The spans of a BILOU tag sequence, lenient about malformed sequences.
pub fn spans(tags: &[u8]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, NameType)> = None;
    for (i, &t) in tags.iter().enumerate() {
        if t == 0 {
            if let Some((s, ty)) = cur.take() {
                out.push((s, i, ty));
            }
            continue;
        }
        let (ty, pos) = (tag_type(t), tag_pos(t));
        match pos {
            0 | 3 => {
                if let Some((s, cty)) = cur.take() {
                    out.push((s, i, cty));
                }
                if pos == 3 {
                    out.push((i, i + 1, ty));
                } else {
                    cur = Some((i, ty));
                }
            }
            _ => {
                match cur {
                    Some((_, cty)) if cty == ty => {}
                    Some((s, cty)) => {
                        out.push((s, i, cty));
                        cur = Some((i, ty));
                    }
                    None => cur = Some((i, ty)),
                }
                if pos == 2 {
                    let (s, _) = cur.take().unwrap();
                    out.push((s, i + 1, ty));
                }
            }
        }
    }
    if let Some((s, ty)) = cur {
        out.push((s, tags.len(), ty));
    }
    out
}

/// BILOU tags from spans.
pub fn tags_from_spans(n: usize, spans: &[TokenSpan]) -> Vec<u8> {
    let mut t = vec![0u8; n];
    for &(s, e, ty) in spans {
        if e - s == 1 {
            t[s] = tag_of(ty, 3);
        } else {
            t[s] = tag_of(ty, 0);
            for x in &mut t[s + 1..e - 1] {
                *x = tag_of(ty, 1);
            }
            t[e - 1] = tag_of(ty, 2);
        }
    }
    t
}

/// Scoring (and, for training, updating) a weight table.
pub trait Weights {
    fn bits(&self) -> u32;
    fn score(&self, rows: &[u32], out: &mut [f32; ROW]);
    /// Hint that row `r` will be read soon.
    #[inline(always)]
    fn prefetch(&self, _r: u32) {}
    fn update(&mut self, _rows: &[u32], _gold: u8, _pred: u8) {}
    fn add(&mut self, _rows: &[u32], _tag: u8, _d: f32) {}
    /// Exact integer row sums, for weights whose scores do not depend on the order rows
    /// are added in: `Some(id)`, an id unique to these weights, lets the tagger remember
    /// the sum of a word's word features ([`Scratch`]). `None` (the float weights of
    /// training): every feature is scored, in order.
    fn memo_id(&self) -> Option<u64> {
        None
    }
    /// The integer sum of `rows` (only called when [`Weights::memo_id`] is `Some`).
    fn partial(&self, _rows: &[u32]) -> [i32; ROW] {
        [0; ROW]
    }
    /// [`Weights::score`] of `rows` plus a [`Weights::partial`] sum.
    fn score_from(&self, base: &[i32; ROW], rows: &[u32], out: &mut [f32; ROW]) {
        let _ = base;
        self.score(rows, out);
    }
}

/// Run-time weights: quantised to `i8` with one scale (16 bytes a row, so the 2^16-row
/// table is 1 MiB and stays in a core's L2 cache; `i16` rows measured slower, with the
/// same accuracy within 0.001 F1).
pub struct QWeights {
    pub bits: u32,
    pub table: Vec<i8>,
    pub scale: f32,
    /// Unique to this table (see [`Weights::memo_id`]).
    id: u64,
}

impl QWeights {
    /// Requantise an `i16` table to `i8`.
    pub fn from_i16(bits: u32, t16: &[i16]) -> QWeights {
        let max = t16
            .iter()
            .map(|w| w.unsigned_abs())
            .max()
            .unwrap_or(1)
            .max(1) as f32;
        let scale = max / 127.0;
        let table = t16
            .iter()
            .map(|&w| (w as f32 / scale).round().clamp(-127.0, 127.0) as i8)
            .collect();
        QWeights {
            bits,
            table,
            scale,
            id: next_id(),
        }
    }
}

impl Weights for &QWeights {
    fn bits(&self) -> u32 {
        self.bits
    }
    #[inline(always)]
    fn prefetch(&self, r: u32) {
        if let Some(x) = self.table.get(r as usize * ROW) {
            prefetch(x);
        }
    }
    #[inline]
    fn score(&self, rows: &[u32], out: &mut [f32; ROW]) {
        self.score_from(&[0; ROW], rows, out);
    }
    fn memo_id(&self) -> Option<u64> {
        Some(self.id)
    }
    #[inline]
    fn partial(&self, rows: &[u32]) -> [i32; ROW] {
        let mut acc = [0i32; ROW];
        for &r in rows {
            let base = r as usize * ROW;
            let w: &[i8; ROW] = self.table[base..base + ROW].try_into().unwrap();
            for k in 0..ROW {
                acc[k] += w[k] as i32;
            }
        }
        acc
    }
    #[inline]
    fn score_from(&self, base: &[i32; ROW], rows: &[u32], out: &mut [f32; ROW]) {
        let mut acc = *base;
        let p = self.partial(rows);
        for k in 0..ROW {
            acc[k] += p[k];
        }
        for k in 0..ROW {
            out[k] = acc[k] as f32 * self.scale;
        }
    }
}

/// Hint that `x` will be read soon (a no-op off x86-64).
#[inline(always)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint with no memory effects; the pointer is valid.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            (x as *const T).cast(),
        )
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// What the tagger needs besides weights.
pub struct Resources {
    pub gaz: Gazetteer,
    pub lc: LcStats,
    pub groups: Groups,
    /// Word clusters (empty when the model has no cluster features).
    pub clusters: Clusters,
    /// Unique to these resources: what a [`WordMemo`] remembered under them is valid
    /// for them only.
    id: u64,
}

/// Ids of [`Resources`] and of [`QWeights`] tables.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Resources {
    /// The embedded gazetteers and, when `groups` reads them, the embedded clusters.
    pub fn builtin(lc: LcStats, groups: Groups) -> Resources {
        let clusters = if groups.clusters {
            Clusters::builtin()
        } else {
            Clusters::default()
        };
        Resources::new(Gazetteer::builtin(), lc, groups, clusters)
    }
    pub fn new(gaz: Gazetteer, lc: LcStats, groups: Groups, clusters: Clusters) -> Resources {
        Resources {
            gaz,
            lc,
            groups,
            clusters,
            id: next_id(),
        }
    }
}

/// Reusable buffers.
#[derive(Default)]
pub struct Scratch {
    infos: Vec<TokInfo>,
    /// What [`token_infos`] remembers of the words it saw.
    words: WordMemo,
    hashes: Vec<u64>,
    rows: Vec<u32>,
    off: Vec<usize>,
    stat: Vec<f32>,
    delta: Vec<[f32; ROW]>,
    back: Vec<[u8; ROW]>,
    hist: FxMap<u64, u8>,
    /// [`agg_contexts`]: per token, its aggregated-context hashes
    /// `agg[agg_off[i]..agg_off[i + 1]]`, and the buffers that build them.
    agg: Vec<u64>,
    agg_off: Vec<u32>,
    agg_caps: Vec<(u64, u32, u64, u64)>,
    /// Word-feature hashes of one token (a memo miss).
    word: Vec<u64>,
    /// Rows of the word features of the segment's tokens whose sums are not remembered.
    word_rows: Vec<u32>,
    /// Per token of the segment: its memo key and slot.
    slots: Vec<(u64, usize)>,
    /// Tokens whose word-feature sum is not remembered: (token of the segment, its rows
    /// in `word_rows`).
    misses: Vec<(usize, Range<usize>)>,
    /// Per token of the segment: the sum of its word features' rows.
    base: Vec<[i32; ROW]>,
    /// Remembered sums of word features, direct-mapped by [`memo_key`]: (key, sum); key 0
    /// is an empty slot. Valid for the weights `memo_owner` only.
    memo: Vec<(u64, [i16; ROW])>,
    memo_owner: u64,
    /// Per token of the segment: the rows of its previous-tag features for each previous
    /// tag, computed and prefetched with its static rows, read by the Viterbi search.
    dynr: Vec<[[u32; NDYN]; NTAGS]>,
}

/// log2 of the slots of [`Scratch::memo`] (4096 × 40 bytes: fits a core's L2 cache
/// beside the weights' hot rows).
const MEMO_BITS: u32 = 12;

/// Where the word-feature sum of the token with memo key `key` is remembered.
#[inline]
fn memo_slot(key: u64) -> usize {
    (finalize(key) >> (64 - MEMO_BITS)) as usize
}

/// Previous tags kept at each step of the Viterbi search (of 13; the others are pruned).
pub const BEAM: usize = 4;

#[inline]
fn dyn_rows(infos: &[TokInfo], i: usize, t1: u8, bits: u32) -> [u32; NDYN] {
    let mut h = [0u64; NDYN];
    dyn_feats(infos, i, t1, &mut h);
    h.map(|x| row(x, bits))
}

/// Tag one document (`words` split into `sents`) by first-order Viterbi decoding under
/// the BILOU constraints. With `gold`, apply the structured-perceptron update to every
/// sentence decoded wrongly. Returns the predicted tags.
pub fn tag_doc<W: Weights>(
    w: &mut W,
    res: &Resources,
    words: &[&str],
    sents: &[Range<usize>],
    gold: Option<&[u8]>,
    sc: &mut Scratch,
) -> Vec<u8> {
    let bits = w.bits();
    let g = res.groups;
    // training decodes every token, tagging only the live segments
    let detail_reach = gold.is_none().then_some(LIVE_REACH + FEATURE_REACH);
    token_infos(
        words,
        sents,
        &res.gaz,
        &res.lc,
        &res.clusters,
        detail_reach,
        (&mut sc.words, res.id),
        &mut sc.infos,
    );
    if g.agg {
        agg_contexts(
            &sc.infos,
            sents,
            &mut sc.agg_caps,
            &mut sc.agg_off,
            &mut sc.agg,
        );
    }
    sc.hist.clear();
    let mut tags = vec![0u8; words.len()];
    let mut trans = [[0f32; ROW]; NTAGS];
    for (t1, tr) in trans.iter_mut().enumerate() {
        w.score(&[row(trans_feat(t1 as u8), bits)], tr);
    }
    let mut cand: Vec<(f32, u8)> = Vec::with_capacity(NTAGS);
    let mut segs: Vec<Range<usize>> = Vec::new();
    for s in sents {
        if s.is_empty() {
            continue;
        }
        // Decoding skips the stretches of a sentence that cannot hold a name (tagging,
        // not training, which must see every token).
        segs.clear();
        if gold.is_some() {
            segs.push(s.clone());
        } else {
            live_segments(&sc.infos, s.clone(), &mut segs);
        }
        for seg in &segs {
            decode(w, res, &trans, seg.clone(), s, &mut cand, sc, &mut tags);
        }
        if let Some(gold) = gold {
            update(w, bits, gold, &tags, s.clone(), sc);
            for (t1, tr) in trans.iter_mut().enumerate() {
                w.score(&[row(trans_feat(t1 as u8), bits)], tr);
            }
        }
        if g.doc {
            for (a, b, ty) in spans(&tags[s.clone()]) {
                for k in s.start + a..s.start + b {
                    if sc.infos[k].flags & F_CAP != 0 {
                        *sc.hist.entry(sc.infos[k].l).or_insert(0) |= 1 << ty.index();
                    }
                }
            }
        }
    }
    tags
}

/// Tokens this far from any token with an upper-case letter are never part of a name
/// (names are capitalised; the lower-case words inside one, "Bank of England", sit next to
/// capitalised ones), and the tagger's features look two tokens either way.
const LIVE_REACH: usize = 2;

/// The parts of sentence `s` within [`LIVE_REACH`] tokens of an upper-case letter, in
/// order; the rest is tagged O without decoding.
fn live_segments(infos: &[TokInfo], s: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut cur: Option<Range<usize>> = None;
    for i in s.clone() {
        if infos[i].flags & F_UPPER == 0 {
            continue;
        }
        let lo = i.saturating_sub(LIVE_REACH).max(s.start);
        let hi = (i + LIVE_REACH + 1).min(s.end);
        match &mut cur {
            Some(c) if lo <= c.end => c.end = hi,
            _ => {
                if let Some(c) = cur.take() {
                    out.push(c);
                }
                cur = Some(lo..hi);
            }
        }
    }
    out.extend(cur);
}

/// Viterbi-decode the tokens `seg` of sentence `s` (features see the whole sentence) into
/// `tags`, as if the token before `seg` were tagged O.
#[allow(clippy::too_many_arguments)]
fn decode<W: Weights>(
    w: &mut W,
    res: &Resources,
    trans: &[[f32; ROW]; NTAGS],
    seg: Range<usize>,
    s: &Range<usize>,
    cand: &mut Vec<(f32, u8)>,
    sc: &mut Scratch,
    tags: &mut [u8],
) {
    let bits = w.bits();
    let g = res.groups;
    let mut scores = [0f32; ROW];
    let n = seg.len();
    {
        sc.rows.clear();
        sc.off.clear();
        sc.stat.clear();
        sc.base.clear();
        sc.dynr.clear();
        let memo = w.memo_id();
        if let Some(id) = memo {
            if sc.memo_owner != id || sc.memo.len() != 1 << MEMO_BITS {
                sc.memo.clear();
                sc.memo.resize(1 << MEMO_BITS, (0, [0; ROW]));
                sc.memo_owner = id;
            }
        }
        sc.slots.clear();
        sc.word_rows.clear();
        sc.misses.clear();
        if memo.is_some() {
            // the memo slots of the segment, on their way to the cache
            for i in seg.clone() {
                let key = memo_key(&sc.infos[i]).max(1);
                let slot = memo_slot(key);
                prefetch(&sc.memo[slot]);
                sc.slots.push((key, slot));
            }
        }
        for i in seg.clone() {
            sc.hashes.clear();
            if memo.is_some() {
                // word features: their remembered sum, or their rows (summed and
                // remembered below, once they are in the cache)
                let (key, slot) = sc.slots[i - seg.start];
                let hit = sc.memo[slot].0 == key;
                sc.word.clear();
                let mut sink = SplitSink {
                    word: (!hit).then_some(&mut sc.word),
                    ctx: &mut sc.hashes,
                };
                static_feats(&sc.infos, s, i, g, &mut sink);
                if hit {
                    sc.base.push(sc.memo[slot].1.map(i32::from));
                } else {
                    let st = sc.word_rows.len();
                    sc.word_rows.extend(sc.word.iter().map(|&h| row(h, bits)));
                    for &r in &sc.word_rows[st..] {
                        w.prefetch(r);
                    }
                    sc.misses.push((i - seg.start, st..sc.word_rows.len()));
                    sc.base.push([0; ROW]);
                }
            } else {
                static_feats(&sc.infos, s, i, g, &mut sc.hashes);
            }
            if g.doc {
                let hist = sc.hist.get(&sc.infos[i].l).copied().unwrap_or(0);
                hist_feats(&sc.infos, i, hist, g, &mut sc.hashes);
            }
            if g.agg {
                let r = sc.agg_off[i] as usize..sc.agg_off[i + 1] as usize;
                sc.hashes.extend_from_slice(&sc.agg[r]);
            }
            let st = sc.rows.len();
            sc.off.push(st);
            sc.rows.extend(sc.hashes.iter().map(|&h| row(h, bits)));
            for &r in &sc.rows[st..] {
                w.prefetch(r);
            }
            // the previous-tag rows (only O comes before a segment's first token)
            let mut d = [[0u32; NDYN]; NTAGS];
            let nt1 = if i == seg.start { 1 } else { NTAGS };
            for (t1, dr) in d.iter_mut().enumerate().take(nt1) {
                *dr = dyn_rows(&sc.infos, i, t1 as u8, bits);
                for &r in dr.iter() {
                    w.prefetch(r);
                }
            }
            sc.dynr.push(d);
        }
        sc.off.push(sc.rows.len());
        for (k, r) in &sc.misses {
            let sum = w.partial(&sc.word_rows[r.clone()]);
            // (a sum outside i16 is not remembered: ≈ 20 word features of at most 127
            // each never get there)
            if sum.iter().all(|&x| i16::try_from(x).is_ok()) {
                sc.memo[sc.slots[*k].1] = (sc.slots[*k].0, sum.map(|x| x as i16));
            }
            sc.base[*k] = sum;
        }
        // score once the rows of the whole segment are on their way to the cache
        for k in 0..n {
            let rows = &sc.rows[sc.off[k]..sc.off[k + 1]];
            match sc.base.get(k) {
                Some(base) => w.score_from(base, rows, &mut scores),
                None => w.score(rows, &mut scores),
            }
            sc.stat.extend_from_slice(&scores);
        }
        sc.delta.clear();
        sc.delta.resize(n, [f32::NEG_INFINITY; ROW]);
        sc.back.clear();
        sc.back.resize(n, [0; ROW]);
        for k in 0..n {
            let last = k + 1 == n;
            let stat = &sc.stat[k * ROW..(k + 1) * ROW];
            let mut best = [f32::NEG_INFINITY; ROW];
            let mut back = [0u8; ROW];
            cand.clear();
            if k == 0 {
                cand.push((0.0, 0));
            } else {
                for t1 in 0..NTAGS as u8 {
                    let d = sc.delta[k - 1][t1 as usize];
                    if d > f32::NEG_INFINITY {
                        cand.push((d, t1));
                    }
                }
                if cand.len() > BEAM {
                    cand.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
                    cand.truncate(BEAM);
                }
            }
            for &(base, t1) in cand.iter() {
                w.score(&sc.dynr[k][t1 as usize], &mut scores);
                let tr = &trans[t1 as usize];
                for t in 0..NTAGS as u8 {
                    if valid(t1, t, last) {
                        let c = base + scores[t as usize] + tr[t as usize];
                        if c > best[t as usize] {
                            best[t as usize] = c;
                            back[t as usize] = t1;
                        }
                    }
                }
            }
            for t in 0..NTAGS {
                if best[t] > f32::NEG_INFINITY {
                    best[t] += stat[t];
                }
            }
            sc.delta[k] = best;
            sc.back[k] = back;
        }
        let mut bt = 0u8;
        for t in 0..NTAGS as u8 {
            if sc.delta[n - 1][t as usize] > sc.delta[n - 1][bt as usize] {
                bt = t;
            }
        }
        for k in (0..n).rev() {
            tags[seg.start + k] = bt;
            bt = sc.back[k][bt as usize];
        }
    }
}

/// The structured-perceptron update for sentence `s` decoded as `tags` (the rows of
/// `sc` are those of `s`: training decodes whole sentences).
fn update<W: Weights>(
    w: &mut W,
    bits: u32,
    gold: &[u8],
    tags: &[u8],
    s: Range<usize>,
    sc: &mut Scratch,
) {
    if gold[s.clone()] == tags[s.clone()] {
        return;
    }
    for k in 0..s.len() {
        let i = s.start + k;
        let (gi, pi) = (gold[i], tags[i]);
        let (g1, p1) = if k == 0 {
            (0, 0)
        } else {
            (gold[i - 1], tags[i - 1])
        };
        if gi != pi {
            w.update(&sc.rows[sc.off[k]..sc.off[k + 1]], gi, pi);
        }
        if (g1, gi) != (p1, pi) {
            w.add(&dyn_rows(&sc.infos, i, g1, bits), gi, 1.0);
            w.add(&dyn_rows(&sc.infos, i, p1, bits), pi, -1.0);
            w.add(&[row(trans_feat(g1), bits)], gi, 1.0);
            w.add(&[row(trans_feat(p1), bits)], pi, -1.0);
        }
    }
}

/// A loaded model.
pub struct Model {
    pub weights: QWeights,
    pub res: Resources,
}

impl Model {
    /// Tag a tokenised document.
    pub fn tag(&self, words: &[&str], sents: &[Range<usize>], sc: &mut Scratch) -> Vec<u8> {
        let mut w = &self.weights;
        tag_doc(&mut w, &self.res, words, sents, None, sc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn bilou_roundtrip() {
        use NameType::*;
        let sp = vec![(0, 2, Person), (3, 4, Loc), (5, 8, Org)];
        let t = tags_from_spans(9, &sp);
        assert_eq!(spans(&t), sp);
        for w in t.windows(2) {
            assert!(valid(w[0], w[1], false));
        }
    }
}
