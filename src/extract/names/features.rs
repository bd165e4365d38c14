//! Hashed features for the tagger. Feature parts are hashed directly (no strings are
//! built per feature): each token's word, lower-case form, shapes and affixes are hashed
//! once, then every feature is a mix of a template id with those part hashes.

use super::clusters::{count_bin, key as cluster_key, Cluster, Clusters};
use super::gazetteer::{Gazetteer, FAMILY, NG, NG_HAND};
use super::hash::{finalize, fx, hash_bytes, norm_lower, FxMap};
use super::pinyin::is_pinyin_memo;

pub const F_CAP: u8 = 1;
pub const F_ALLCAP: u8 = 2;
pub const F_DIGIT: u8 = 4;
pub const F_ALPHA: u8 = 8;
pub const F_PINYIN: u8 = 16;
pub const F_FIRST: u8 = 32;
pub const F_SENT_CAPS: u8 = 64;
/// An upper-case letter anywhere in the token ("eBay" too).
pub const F_UPPER: u8 = 128;

/// What is computed once per token.
#[derive(Clone, Default)]
pub struct TokInfo {
    pub w: u64,
    pub l: u64,
    pub shape: u64,
    pub sshape: u64,
    pub pre: [u64; 3],
    pub suf: [u64; 4],
    pub flags: u8,
    pub lcbin: u8,
    pub doccase: u8,
    pub gaz: [u8; NG],
    /// The word's cluster as written, and its lower-case form's (default: none).
    pub clu: Cluster,
    pub lclu: Cluster,
    /// [`Gazetteer::first_mask`] of the lower-case form.
    pub g1: u16,
}

/// What [`token_infos`] computed for recently seen word forms (everything in a
/// [`TokInfo`] that depends on the word alone, under one set of resources), direct-mapped
/// by the word's hash: most tokens of news are a few thousand frequent words.
#[derive(Default)]
pub struct WordMemo {
    /// The id of the resources (lower-case statistics, clusters) the entries were
    /// computed under.
    owner: u64,
    /// (hash of the word as written, its info); hash 0 = an empty slot.
    slots: Vec<(u64, TokInfo)>,
}

/// log2 of the slots of a [`WordMemo`] (2048 × 136 bytes).
const WORD_MEMO_BITS: u32 = 11;

/// Lower-case statistics: how often a word form is seen lower-case vs capitalised in
/// running text (not sentence-initial). bin 1 = mostly lower, 2 = mixed, 3 = mostly
/// capitalised; 0 = unseen.
pub type LcStats = FxMap<u64, u8>;

fn class_byte(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() {
        b'x'
    } else if c.is_ascii_digit() {
        b'd'
    } else if c.is_alphabetic() {
        b'a'
    } else if c.is_ascii() {
        c as u8
    } else {
        b'~'
    }
}

/// [`class_byte`] of every ASCII character.
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            c => c,
        };
        b += 1;
    }
    t
};

/// Compute token infos for a document (`words`, split into `sents`). With
/// `detail_reach = Some(r)`, the parts that only [`static_feats`] reads (word hash,
/// affixes, pinyin flag, lower-case bin) are filled only within `r` tokens of a token
/// with an upper-case letter: the tagger decodes nothing farther (see
/// `model::live_segments`), and features look [`FEATURE_REACH`] tokens either way.
#[allow(clippy::too_many_arguments)]
pub fn token_infos(
    words: &[&str],
    sents: &[std::ops::Range<usize>],
    gaz: &Gazetteer,
    lc: &LcStats,
    clu: &Clusters,
    detail_reach: Option<usize>,
    (memo, owner): (&mut WordMemo, u64),
    out: &mut Vec<TokInfo>,
) {
    if memo.owner != owner || memo.slots.len() != 1 << WORD_MEMO_BITS {
        memo.slots.clear();
        memo.slots
            .resize(1 << WORD_MEMO_BITS, (0, TokInfo::default()));
        memo.owner = owner;
    }
    out.clear();
    out.reserve(words.len());
    let mut buf = String::with_capacity(32);
    let mut lowers: Vec<u64> = Vec::with_capacity(words.len());
    let mut firsts: Vec<u16> = Vec::with_capacity(words.len());
    // where features will be computed: every token, or those near an upper-case letter
    let mut need = vec![detail_reach.is_none(); words.len()];
    if let Some(r) = detail_reach {
        for (i, w) in words.iter().enumerate() {
            let upper = if w.is_ascii() {
                w.bytes().any(|b| b.is_ascii_uppercase())
            } else {
                w.chars().any(char::is_uppercase)
            };
            if upper {
                let hi = (i + r + 1).min(need.len());
                need[i.saturating_sub(r)..hi].fill(true);
            }
        }
    }
    for (w, &need) in words.iter().zip(&need) {
        // the word hash decides: a word seen recently has its info remembered (a
        // remembered info has every part, which is more than a token far from upper-case
        // letters needs, and the same as a near one gets)
        let wh = hash_bytes(1, w.as_bytes()).max(1);
        let slot = (finalize(wh) >> (64 - WORD_MEMO_BITS)) as usize;
        if memo.slots[slot].0 == wh {
            let t = memo.slots[slot].1.clone();
            lowers.push(t.l);
            firsts.push(t.g1);
            out.push(t);
            continue;
        }
        let mut t = TokInfo::default();
        norm_lower(w, &mut buf);
        t.l = hash_bytes(7, buf.as_bytes());
        lowers.push(t.l);
        // shapes
        let (mut sh, mut ssh) = (11u64, 13u64);
        let (mut last, mut run) = (0u8, 0u32);
        let (mut has_upper, mut has_lower) = (false, false);
        let mut step = |k: usize, cb: u8| {
            if k == 0 && cb == b'X' {
                t.flags |= F_CAP;
            }
            match cb {
                b'X' => has_upper = true,
                b'x' => has_lower = true,
                b'd' => t.flags |= F_DIGIT,
                _ => {}
            }
            if cb == last {
                run += 1;
            } else {
                run = 1;
                ssh = fx(ssh, cb as u64);
            }
            if run <= 4 {
                sh = fx(sh, cb as u64);
            }
            last = cb;
        };
        // character classes: plain-ASCII words (nearly all) by table
        if w.is_ascii() {
            for (k, b) in w.bytes().enumerate() {
                step(k, ASCII_CLASS[b as usize]);
            }
        } else {
            for (k, c) in w.chars().enumerate() {
                step(k, class_byte(c));
            }
        }
        t.shape = sh;
        t.sshape = ssh;
        t.g1 = gaz.first_mask(t.l);
        if has_upper || has_lower {
            t.flags |= F_ALPHA;
        }
        if has_upper {
            t.flags |= F_UPPER;
        }
        if has_upper && !has_lower {
            t.flags |= F_ALLCAP;
        }
        firsts.push(t.g1);
        if need {
            details(&mut t, w, &buf, lc, clu);
            if t.w == wh {
                memo.slots[slot] = (wh, t.clone());
            }
        }
        out.push(t);
    }
    // sentence flags, document case evidence
    let mut capset: FxMap<u64, ()> = FxMap::default();
    let mut lowset: FxMap<u64, ()> = FxMap::default();
    for s in sents {
        if s.is_empty() {
            continue;
        }
        out[s.start].flags |= F_FIRST;
        let mut alpha = 0;
        let mut caps = 0;
        for t in &out[s.clone()] {
            if t.flags & F_ALPHA != 0 {
                alpha += 1;
                if t.flags & F_ALLCAP != 0 {
                    caps += 1;
                }
            }
        }
        let all_caps = alpha >= 3 && caps * 10 >= alpha * 9;
        if all_caps {
            for t in &mut out[s.clone()] {
                t.flags |= F_SENT_CAPS;
            }
            continue;
        }
        for (k, t) in out[s.clone()].iter().enumerate() {
            if k == 0 || t.flags & F_ALPHA == 0 {
                continue;
            }
            if t.flags & F_CAP != 0 {
                if t.flags & F_ALLCAP == 0 || words[s.start + k].chars().count() <= 4 {
                    capset.insert(t.l, ());
                }
            } else {
                lowset.insert(t.l, ());
            }
        }
    }
    for t in out.iter_mut() {
        t.doccase = capset.contains_key(&t.l) as u8 | ((lowset.contains_key(&t.l) as u8) << 1);
    }
    let mut g = Vec::new();
    gaz.annotate(&lowers, &firsts, &mut g);
    for (t, g) in out.iter_mut().zip(g) {
        t.gaz = g;
    }
}

#[inline(always)]
fn f1(t: u64, a: u64) -> u64 {
    fx(fx(t.wrapping_mul(0x2545_f491_4f6c_dd1d), a), 0x51)
}
#[inline(always)]
pub(super) fn f2(t: u64, a: u64, b: u64) -> u64 {
    fx(fx(fx(t.wrapping_mul(0x2545_f491_4f6c_dd1d), a), b), 0x52)
}
#[inline(always)]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    fx(
        fx(fx(fx(t.wrapping_mul(0x2545_f491_4f6c_dd1d), a), b), c),
        0x53,
    )
}

/// Which feature groups are on (for ablations).
#[derive(Debug, Clone, Copy)]
pub struct Groups {
    pub affix: bool,
    pub context2: bool,
    pub gaz: bool,
    pub doc: bool,
    pub lcstat: bool,
    pub shape_ctx: bool,
    /// The gazetteers from registry packages (classes from [`NG_HAND`] on).
    pub lists: bool,
    /// Word-cluster features ([`Clusters`]).
    pub clusters: bool,
    /// The neighbours of the word's other capitalised occurrences in the document
    /// ([`super::aggregate::agg_contexts`]).
    pub agg: bool,
}
impl Groups {
    pub const ALL: Groups = Groups {
        affix: true,
        context2: true,
        gaz: true,
        doc: true,
        lcstat: true,
        shape_ctx: true,
        lists: true,
        clusters: true,
        agg: true,
    };
    /// All groups but the named ones (`affix`, `context2`, `gaz`, `doc`, `lcstat`,
    /// `shape_ctx`, `lists`, `clusters`), for ablations; another name is a user error.
    pub fn without<'a>(names: impl IntoIterator<Item = &'a str>) -> crate::Result<Groups> {
        let mut groups = Groups::ALL;
        for g in names {
            match g {
                "affix" => groups.affix = false,
                "context2" => groups.context2 = false,
                "gaz" => groups.gaz = false,
                "doc" => groups.doc = false,
                "lcstat" => groups.lcstat = false,
                "shape_ctx" => groups.shape_ctx = false,
                "lists" => groups.lists = false,
                "clusters" => groups.clusters = false,
                "agg" => groups.agg = false,
                _ => return Err(crate::Error::user(format!("unknown feature group {g}"))),
            }
        }
        Ok(groups)
    }
    pub fn to_byte(self) -> u8 {
        self.affix as u8
            | (self.context2 as u8) << 1
            | (self.gaz as u8) << 2
            | (self.doc as u8) << 3
            | (self.lcstat as u8) << 4
            | (self.shape_ctx as u8) << 5
            | (self.lists as u8) << 6
            | (self.clusters as u8) << 7
    }
    /// The groups added after the first byte was full (bit 0: `agg`).
    pub fn to_byte2(self) -> u8 {
        self.agg as u8
    }
    /// The groups of [`Groups::to_byte`]'s byte `b` and [`Groups::to_byte2`]'s `b2`.
    pub fn from_bytes(b: u8, b2: u8) -> Groups {
        Groups {
            agg: b2 & 1 != 0,
            ..Groups::from_byte(b)
        }
    }
    /// The groups of [`Groups::to_byte`]'s byte (the later groups off).
    pub fn from_byte(b: u8) -> Groups {
        Groups {
            affix: b & 1 != 0,
            context2: b & 2 != 0,
            gaz: b & 4 != 0,
            doc: b & 8 != 0,
            lcstat: b & 16 != 0,
            shape_ctx: b & 32 != 0,
            lists: b & 64 != 0,
            clusters: b & 128 != 0,
            agg: false,
        }
    }
}

pub(super) const NONE: u64 = 0x5eed;

/// The parts of a token's info that only [`static_feats`] reads: word hash, affixes over
/// the lower-case form `buf` (in chars, for words of two chars or more), pinyin flag and
/// lower-case bin.
fn details(t: &mut TokInfo, w: &str, buf: &str, lc: &LcStats, clu: &Clusters) {
    t.w = hash_bytes(1, w.as_bytes());
    // affixes over the lower-case form (in chars), for words of two chars or more
    let n = w.chars().count();
    if n > 1 && buf.is_ascii() {
        // the common case: char positions are byte positions, nothing to collect
        let bytes = buf.as_bytes();
        let cn = bytes.len();
        for k in 1..=3usize {
            if cn > k {
                t.pre[k - 1] = hash_bytes(100 + k as u64, &bytes[..k]);
            }
        }
        for k in 1..=4usize {
            if cn > k {
                t.suf[k - 1] = hash_bytes(200 + k as u64, &bytes[cn - k..]);
            }
        }
    } else if n > 1 {
        let bytes = buf.as_bytes();
        let idx: Vec<usize> = buf.char_indices().map(|(i, _)| i).collect();
        let cn = idx.len();
        for k in 1..=3usize {
            if cn > k {
                t.pre[k - 1] = hash_bytes(100 + k as u64, &bytes[..idx[k]]);
            }
        }
        for k in 1..=4usize {
            if cn > k {
                t.suf[k - 1] = hash_bytes(200 + k as u64, &bytes[idx[cn - k]..]);
            }
        }
    }
    if t.flags & F_CAP != 0 && is_pinyin_memo(t.l, buf) {
        t.flags |= F_PINYIN;
    }
    t.lcbin = lc.get(&t.l).copied().unwrap_or(0);
    if !clu.is_empty() {
        t.clu = clu.of_word(w).unwrap_or_default();
        t.lclu = if buf == w {
            t.clu
        } else {
            clu.get(cluster_key(buf.as_bytes())).unwrap_or_default()
        };
    }
}

/// Where [`static_feats`] puts its feature hashes. A feature is either a *word* feature,
/// a function of the token's own form and of its sentence-initial / all-caps-sentence
/// flags only (see [`memo_key`]), or a *context* feature (neighbours, gazetteer matches,
/// document evidence). The tagger sums the rows of a word's word features once and
/// remembers the sum ([`super::model`]); training takes every feature in one list, in the
/// order they are computed.
pub trait FeatSink {
    /// Are word features wanted? (Not when their sum is already known.)
    fn wants_word(&self) -> bool;
    fn word(&mut self, h: u64);
    fn ctx(&mut self, h: u64);
}

impl FeatSink for Vec<u64> {
    #[inline(always)]
    fn wants_word(&self) -> bool {
        true
    }
    #[inline(always)]
    fn word(&mut self, h: u64) {
        self.push(h);
    }
    #[inline(always)]
    fn ctx(&mut self, h: u64) {
        self.push(h);
    }
}

/// Word features to one list (or nowhere), context features to another.
pub struct SplitSink<'a> {
    pub word: Option<&'a mut Vec<u64>>,
    pub ctx: &'a mut Vec<u64>,
}

impl FeatSink for SplitSink<'_> {
    #[inline(always)]
    fn wants_word(&self) -> bool {
        self.word.is_some()
    }
    #[inline(always)]
    fn word(&mut self, h: u64) {
        if let Some(w) = self.word.as_deref_mut() {
            w.push(h);
        }
    }
    #[inline(always)]
    fn ctx(&mut self, h: u64) {
        self.ctx.push(h);
    }
}

/// What the word features of token `t` depend on, as one number: the word as written
/// (its hash, which fixes its lower-case form, shapes, affixes, pinyin flag, lower-case
/// bin and clusters under one model) and the sentence flags the word features read.
#[inline]
pub fn memo_key(t: &TokInfo) -> u64 {
    fx(t.w, (t.flags & (F_SENT_CAPS | F_FIRST)) as u64)
}

/// Static features of token `i` in sentence `s` (hashes; the caller maps them to rows).
pub fn static_feats(
    infos: &[TokInfo],
    s: &std::ops::Range<usize>,
    i: usize,
    g: Groups,
    out: &mut impl FeatSink,
) {
    let t = &infos[i];
    let prev = if i > s.start {
        Some(&infos[i - 1])
    } else {
        None
    };
    let next = if i + 1 < s.end {
        Some(&infos[i + 1])
    } else {
        None
    };
    let prev2 = if i > s.start + 1 {
        Some(&infos[i - 2])
    } else {
        None
    };
    let next2 = if i + 2 < s.end {
        Some(&infos[i + 2])
    } else {
        None
    };
    let lp = prev.map_or(NONE, |x| x.l);
    let ln = next.map_or(NONE, |x| x.l);
    let sp = prev.map_or(NONE, |x| x.sshape);
    let sn = next.map_or(NONE, |x| x.sshape);
    let caps = (t.flags & F_SENT_CAPS != 0) as u64;
    let first = (t.flags & F_FIRST != 0) as u64;
    let ww = out.wants_word();
    if ww {
        out.word(f1(1, 0));
        if caps == 0 {
            out.word(f1(2, t.w));
        }
        out.word(f1(3, t.l));
        out.word(f1(4, t.shape));
        out.word(f2(5, t.sshape, caps));
    }
    if ww && g.affix {
        for (k, &p) in t.pre.iter().enumerate() {
            if p != 0 {
                out.word(f1(6 + k as u64, p));
            }
        }
        for (k, &p) in t.suf.iter().enumerate() {
            if p != 0 {
                out.word(f1(9 + k as u64, p));
            }
        }
    }
    out.ctx(f1(13, lp));
    out.ctx(f1(14, ln));
    if g.context2 {
        out.ctx(f1(15, prev2.map_or(NONE, |x| x.l)));
        out.ctx(f1(16, next2.map_or(NONE, |x| x.l)));
        out.ctx(f2(20, lp, t.l));
        out.ctx(f2(21, t.l, ln));
    }
    if g.shape_ctx {
        out.ctx(f1(17, sp));
        out.ctx(f1(18, sn));
        out.ctx(f3(19, sp, t.sshape, sn));
        out.ctx(f2(32, lp, t.sshape));
        out.ctx(f2(33, t.sshape, ln));
        out.ctx(f2(34, next.map_or(NONE, |x| x.suf[2]), t.sshape));
    }
    if ww {
        out.word(f2(22, first, t.sshape));
    }
    if ww && g.lcstat {
        out.word(f3(25, t.lcbin as u64, t.sshape, caps * 2 + first));
    }
    if g.gaz {
        let ng = if g.lists { NG } else { NG_HAND };
        for c in 0..ng {
            let code = t.gaz[c];
            if code != 0 {
                out.ctx(f2(27, c as u64, code as u64));
                out.ctx(f3(
                    28,
                    c as u64,
                    code as u64,
                    (t.flags & (F_CAP | F_ALLCAP)) as u64,
                ));
            }
            if let Some(p) = prev {
                if p.gaz[c] != 0 {
                    out.ctx(f2(29, c as u64, (t.flags & F_CAP) as u64));
                }
            }
            if let Some(nx) = next {
                if nx.gaz[c] != 0 {
                    out.ctx(f2(30, c as u64, (t.flags & F_CAP) as u64));
                }
            }
        }
        // Chinese-style name: a family name followed by a capitalised pinyin word
        let pin = |x: &TokInfo| (x.flags & F_PINYIN != 0) as u64;
        let fam = |x: &TokInfo| (x.gaz[FAMILY] == 4) as u64;
        out.ctx(f3(
            35,
            pin(t) * 2 + fam(t),
            prev.map_or(9, |p| pin(p) * 2 + fam(p)),
            next.map_or(9, |p| pin(p) * 2 + fam(p)),
        ));
    }
    if g.clusters {
        let c = t.clu;
        if ww && c.len == 0 {
            out.word(f1(50, caps));
        } else if ww {
            for (k, bits) in [4u8, 6, 10, 20].into_iter().enumerate() {
                out.word(f1(51 + k as u64, c.prefix(bits)));
            }
        }
        out.ctx(f1(55, prev.map_or(NONE, |x| x.clu.prefix(10))));
        out.ctx(f1(56, next.map_or(NONE, |x| x.clu.prefix(10))));
        // a capitalised word whose lower-case form is a frequent word of the unlabelled
        // text ("Servicer", "Holder" in filings) is weak evidence of a name
        if ww && t.flags & F_CAP != 0 && t.flags & F_ALLCAP == 0 {
            out.word(f3(57, count_bin(t.lclu) as u64, count_bin(c) as u64, first));
            if t.lclu.len != 0 {
                out.word(f2(58, t.lclu.prefix(6), first));
            }
        }
    }
    if g.doc && (first != 0 || caps != 0 || t.flags & F_ALLCAP != 0) {
        out.ctx(f3(31, t.doccase as u64, first + 2 * caps, t.sshape));
    }
}

/// Features of the document history (entity types this word had earlier).
#[inline]
pub fn hist_feats(infos: &[TokInfo], i: usize, hist: u8, g: Groups, out: &mut Vec<u64>) {
    if g.doc && hist != 0 {
        out.push(f1(45, hist as u64));
        out.push(f2(46, hist as u64, infos[i].sshape));
    }
}

/// How many tokens either way [`static_feats`] looks.
pub const FEATURE_REACH: usize = 2;

/// Number of features [`dyn_feats`] pushes.
pub const NDYN: usize = 2;

/// The previous-tag (transition) feature.
#[inline]
pub fn trans_feat(t1: u8) -> u64 {
    f1(40, t1 as u64)
}

/// Features of the previous tag with the current word (first-order: exact Viterbi
/// decoding stays possible).
#[inline]
pub fn dyn_feats(infos: &[TokInfo], i: usize, t1: u8, out: &mut [u64; NDYN]) {
    let t = &infos[i];
    out[0] = f2(42, t1 as u64, t.l);
    out[1] = f2(43, t1 as u64, t.sshape);
}

/// Map a feature hash to a row of a table with `2^bits` rows.
#[inline(always)]
pub fn row(h: u64, bits: u32) -> u32 {
    (finalize(h) >> (64 - bits)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn ascii_class_table_is_class_byte() {
        for b in 0..128u8 {
            assert_eq!(ASCII_CLASS[b as usize], class_byte(b as char), "{b}");
        }
    }

    #[test]
    fn feature_groups_switched_off_by_name() {
        let g = Groups::without(["doc", "gaz"]).unwrap();
        assert!(!g.doc && !g.gaz && g.affix && g.context2 && g.lcstat && g.shape_ctx);
        assert!(g.lists && g.clusters);
        let old = Groups::without(["lists", "clusters"]).unwrap();
        assert_eq!(Groups::from_byte(old.to_byte()).to_byte(), 0b11_1111);
        assert_eq!(
            Groups::without([]).unwrap().to_byte(),
            Groups::ALL.to_byte()
        );
        let g = Groups::without(["agg"]).unwrap();
        assert!(!g.agg && g.doc);
        for g in [Groups::ALL, g] {
            let back = Groups::from_bytes(g.to_byte(), g.to_byte2());
            assert_eq!(
                (back.to_byte(), back.to_byte2()),
                (g.to_byte(), g.to_byte2())
            );
        }
        let e = Groups::without(["affix", "nope"]).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::User);
        assert_eq!(e.to_string(), "unknown feature group nope");
    }
}
