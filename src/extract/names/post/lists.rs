//! Coordinated lists of names ("A, B, C and D"): one post-processing rule, [`coordinations`].

use super::words::{is_cap, is_place, is_punct};
use crate::extract::names::gazetteer::{DEMONYM, GIVEN};
use crate::extract::names::hash::lower_hash;
use crate::extract::names::model::{NameType, Resources, TokenSpan};
use std::collections::HashMap;
use std::ops::Range;
use NameType::{Org, Person};

/// An item of a list.
#[derive(Clone, Copy, PartialEq)]
enum Item {
    /// index into the spans, number of lower-case words after the name
    Named(usize, usize),
    /// untagged capitalised word opening the item, number of lower-case words after it
    Cand(usize, usize),
    /// lower-case words only
    Lower,
    Other,
}

/// Coordinated lists ("A, B, C and D"): items take the list's name type.
/// - a one-word PERSON among ORG items, not part of a full name, is an ORG
///   ("sells to Sony, pear, Zhihu, and …");
/// - an untagged capitalised word (unknown in lower case) opening an item of a list whose
///   names all have one type takes that type ("X members, y members and Z e-cards");
/// - an acronym listed with lower-case words only is a common noun ("include FTP,
///   magnetic, electric donkey, etc.").
pub(super) fn coordinations(
    res: &Resources,
    words: &[&str],
    sents: &[Range<usize>],
    out: &mut Vec<TokenSpan>,
    person_parts: &HashMap<String, usize>,
) {
    let is_sep = |w: &str| matches!(w, "," | "and" | "or");
    let lower =
        |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-') || w == "etc.";
    let acronym = |w: &str| (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase());
    let unknown = |w: &str| {
        w.chars().all(|c| c.is_alphabetic())
            && w.chars().count() >= 3
            && w.chars().skip(1).any(|c| c.is_lowercase())
            && !res.lc.contains_key(&lower_hash(w))
            && !res.gaz.contains(DEMONYM, &[w])
            && !is_place(res, &[w])
    };
    let mut drop = vec![false; out.len()];
    let mut add: Vec<TokenSpan> = Vec::new();
    for s in sents {
        // segments between runs of separators
        let mut segs: Vec<Range<usize>> = Vec::new();
        let mut i = s.start;
        while i < s.end {
            let st = i;
            while i < s.end && !is_sep(words[i]) {
                i += 1;
            }
            let mut en = i;
            while en > st && is_punct(words[en - 1]) {
                en -= 1;
            }
            segs.push(st..en);
            while i < s.end && is_sep(words[i]) {
                i += 1;
            }
        }
        if segs.len() < 3 {
            continue;
        }
        let span_in = |r: &Range<usize>| -> Vec<usize> {
            out.iter()
                .enumerate()
                .filter(|(_, x)| x.0 >= r.start && x.1 <= r.end)
                .map(|(j, _)| j)
                .collect()
        };
        let item = |r: &Range<usize>, first: bool, last: bool| -> Item {
            if r.is_empty() {
                return Item::Other;
            }
            let sp = span_in(r);
            if first {
                // the end of the segment: a name, then at most two lower-case words
                if let Some(&j) = sp.last() {
                    let x = out[j];
                    if r.end - x.1 <= 2 && words[x.1..r.end].iter().all(|w| lower(w)) {
                        return Item::Named(j, r.end - x.1);
                    }
                }
                return Item::Other;
            }
            if last && r.len() > 4 {
                // the start of the segment: a name (what follows is open)
                return match sp.first() {
                    Some(&j) if out[j].0 == r.start => Item::Named(j, usize::MAX),
                    _ => Item::Other,
                };
            }
            match sp.as_slice() {
                [j] => {
                    let x = out[*j];
                    let rest_lower = words[r.start..x.0]
                        .iter()
                        .chain(&words[x.1..r.end])
                        .all(|w| lower(w));
                    if rest_lower && x.0 == r.start {
                        Item::Named(*j, r.end - x.1)
                    } else {
                        Item::Other
                    }
                }
                [] => {
                    if words[r.clone()].iter().all(|w| lower(w)) {
                        Item::Lower
                    } else if is_cap(words[r.start])
                        && r.start > s.start
                        && unknown(words[r.start])
                        && words[r.start + 1..r.end].iter().all(|w| lower(w))
                    {
                        Item::Cand(r.start, r.end - r.start - 1)
                    } else {
                        Item::Other
                    }
                }
                _ => Item::Other,
            }
        };
        // runs of segments whose interior ones are short
        let mut lists: Vec<Vec<Item>> = Vec::new();
        let mut k = 0;
        while k + 2 < segs.len() {
            let mut e = k + 1;
            while e + 1 < segs.len() && segs[e].len() <= 4 && !segs[e].is_empty() {
                e += 1;
            }
            // segments k..=e form a list (k and e may be long)
            if e >= k + 2 {
                lists.push((k..=e).map(|q| item(&segs[q], q == k, q == e)).collect());
            }
            k = e.max(k + 1);
        }
        for items in &lists {
            apply_list(
                words,
                out,
                items,
                person_parts,
                res,
                &mut drop,
                &mut add,
                acronym,
            );
        }
    }
    let mut j = 0;
    out.retain(|_| {
        j += 1;
        !drop[j - 1]
    });
    out.extend(add);
    out.sort_unstable();
}

#[allow(clippy::too_many_arguments)]
fn apply_list(
    words: &[&str],
    out: &mut [TokenSpan],
    items: &[Item],
    person_parts: &HashMap<String, usize>,
    res: &Resources,
    drop: &mut [bool],
    add: &mut Vec<TokenSpan>,
    acronym: impl Fn(&str) -> bool,
) {
    let named: Vec<usize> = items
        .iter()
        .filter_map(|it| match it {
            Item::Named(j, _) => Some(*j),
            _ => None,
        })
        .collect();
    let n_lower = items.iter().filter(|it| **it == Item::Lower).count();
    let n_other = items.iter().filter(|it| **it == Item::Other).count();
    // an acronym among common nouns
    if named.len() == 1
        && n_lower >= 2
        && n_other == 0
        && !items.iter().any(|it| matches!(it, Item::Cand(..)))
    {
        let x = out[named[0]];
        if x.1 - x.0 == 1 && acronym(words[x.0]) && (x.0 == 0 || words[x.0 - 1] != "(") {
            drop[named[0]] = true;
            return;
        }
    }
    let types: Vec<NameType> = named.iter().map(|&j| out[j].2).collect();
    let count = |t: NameType, skip: usize| {
        named
            .iter()
            .zip(&types)
            .filter(|(&j, &ty)| j != skip && ty == t)
            .count()
    };
    // a lone one-word PERSON among ORGs
    for &j in &named {
        let x = out[j];
        if x.2 == Person
            && x.1 - x.0 == 1
            && count(Org, j) >= 1
            && count(Person, j) == 0
            && !person_parts.contains_key(&words[x.0].to_lowercase())
            && !res.gaz.contains(GIVEN, &[words[x.0]])
        {
            out[j].2 = Org;
        }
    }
    // untagged unknown capitalised words take the list's single type
    if let Some(&j0) = named.first() {
        let t = out[j0].2;
        if named.iter().all(|&j| out[j].2 == t) {
            for it in items {
                // in the same shape as a name of the list ("X members, … Z e-cards")
                let parallel = |tail: usize| {
                    items
                        .iter()
                        .any(|o| matches!(*o, Item::Named(_, t) if t == tail))
                };
                if let Item::Cand(i, tail) = *it {
                    if !parallel(tail) {
                        continue;
                    }
                    add.push((i, i + 1, t));
                }
            }
        }
    }
}
