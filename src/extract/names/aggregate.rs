//! Document-level features that read no labels: context aggregation.

use super::features::{f2, TokInfo, F_CAP, NONE};

/// How many other occurrences of a word [`agg_contexts`] reads.
const AGG_OCC: usize = 6;

/// Context aggregation over the document (Ratinov & Roth 2009): for each capitalised
/// token, the words before and after the other capitalised occurrences of its
/// lower-case form (the [`AGG_OCC`] nearest in the text, half before and half after where
/// there are; sentence edges count as a word), each distinct one once, as feature hashes
/// `out[off[i]..off[i + 1]]`. Labels play no part, so training and tagging see the same
/// features. `caps` is a buffer: (lower-case form, position, word before, word after) of
/// the capitalised tokens, sorted.
pub fn agg_contexts(
    infos: &[TokInfo],
    sents: &[std::ops::Range<usize>],
    caps: &mut Vec<(u64, u32, u64, u64)>,
    off: &mut Vec<u32>,
    out: &mut Vec<u64>,
) {
    caps.clear();
    off.clear();
    out.clear();
    for s in sents {
        for i in s.clone() {
            if infos[i].flags & F_CAP != 0 {
                let prev = if i > s.start { infos[i - 1].l } else { NONE };
                let next = if i + 1 < s.end { infos[i + 1].l } else { NONE };
                caps.push((infos[i].l, i as u32, prev, next));
            }
        }
    }
    caps.sort_unstable();
    for (i, t) in infos.iter().enumerate() {
        off.push(out.len() as u32);
        if t.flags & F_CAP == 0 {
            continue;
        }
        // the word's occurrences, in text order
        let first = caps.partition_point(|c| c.0 < t.l);
        let list = &caps[first..first + caps[first..].partition_point(|c| c.0 == t.l)];
        if list.len() < 2 {
            continue;
        }
        // the occurrences nearest to i: those around its place in the list
        let at = list.partition_point(|c| (c.1 as usize) < i);
        let lo = at.saturating_sub(AGG_OCC / 2);
        let hi = (lo + AGG_OCC + 1).min(list.len());
        let lo = hi.saturating_sub(AGG_OCC + 1).min(lo);
        let st = out.len();
        for &(_, p, a, b) in &list[lo..hi] {
            if p as usize != i {
                out.push(f2(47, 0, a));
                out.push(f2(47, 1, b));
            }
        }
        out[st..].sort_unstable();
        let mut k = st;
        for j in st..out.len() {
            if j == st || out[j] != out[k - 1] {
                out[k] = out[j];
                k += 1;
            }
        }
        out.truncate(k);
    }
    off.push(out.len() as u32);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aggregated_contexts_come_from_the_other_occurrences() {
        // l: the lower-case hash; F_CAP marks a capitalised token
        let tok = |l: u64, cap: bool| TokInfo {
            l,
            flags: if cap { F_CAP } else { 0 },
            ..TokInfo::default()
        };
        // "A x B" / "y A z" / "a": A twice capitalised, once in lower case
        let infos = vec![
            tok(10, true),
            tok(20, false),
            tok(30, true),
            tok(40, false),
            tok(10, true),
            tok(50, false),
            tok(10, false),
        ];
        let sents = [0..3, 3..6, 6..7];
        let (mut caps, mut off, mut out) = Default::default();
        agg_contexts(&infos, &sents, &mut caps, &mut off, &mut out);
        assert_eq!(off.len(), infos.len() + 1);
        fn at(off: &[u32], out: &[u64], i: usize) -> Vec<u64> {
            let mut v = out[off[i] as usize..off[i + 1] as usize].to_vec();
            v.sort_unstable();
            v
        }
        let want = |a: u64, b: u64| {
            let mut v = vec![f2(47, 0, a), f2(47, 1, b)];
            v.sort_unstable();
            v
        };
        // each A reads the neighbours of the other A, not its own
        assert_eq!(at(&off, &out, 0), want(40, 50));
        assert_eq!(at(&off, &out, 4), want(NONE, 20));
        // a word seen once, lower-case words, and the lower-case "a" read nothing
        for i in [1, 2, 3, 5, 6] {
            assert!(at(&off, &out, i).is_empty(), "{i}");
        }
        // many occurrences: only the nearest AGG_OCC are read, and equal contexts once
        let infos: Vec<TokInfo> = (0..40)
            .map(|i| {
                if i % 2 == 0 {
                    tok(10, true)
                } else {
                    tok(100 + i, false)
                }
            })
            .collect();
        let whole = 0..infos.len();
        let one = std::slice::from_ref(&whole);
        agg_contexts(&infos, one, &mut caps, &mut off, &mut out);
        let n = off[21] - off[20];
        assert_eq!(n as usize, 2 * AGG_OCC);
        // token 20's neighbours are 19 and 21: nearest occurrences 14..26 but itself
        let got = at(&off, &out, 20);
        assert!(got.contains(&f2(47, 0, 100 + 13)) && got.contains(&f2(47, 1, 100 + 27)));
        assert!(!got.contains(&f2(47, 0, 100 + 19)) && !got.contains(&f2(47, 0, 100 + 11)));
        let mut dedup = got.clone();
        dedup.dedup();
        assert_eq!(dedup, got);
    }
}
