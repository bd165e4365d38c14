//! Post-processing of tagged spans (token level, per document):
//!
//! 1. clean ends: titles, lower-case words and punctuation before a PERSON ("former CEO",
//!    "Mr."), possessives and punctuation after any name;
//! 2. organisation heads: a name (or run of adjacent names / capitalised words) followed by
//!    a generic organisation head written in lower case, as machine translation does
//!    ("… law firm", "… venture capital", "… technology"), becomes one ORG;
//! 3. "ORG of (the) ORG/LOC" where the first ends in an institutional head word
//!    ("Information Office of the State Council") becomes one ORG;
//! 4. one type per name and document: a name tagged with several types takes the
//!    clear majority type; a one-word mention that is part of a PERSON's full name is
//!    that PERSON.

use super::features::is_pinyin;
use super::features::lower_hash;
use super::gazetteer::{DEMONYM, FAMILY, ORGWORD, PLACES, TITLE};
use super::model::{spans, Resources};
use std::collections::HashMap;
use std::ops::Range;

/// Generic organisation heads (lower-case forms) that close a name.
const ORG_HEADS: &[&[&str]] = &[
    &["law", "firm"],
    &["venture", "capital"],
    &["capital", "management"],
    &["technology", "co."],
    &["technology"],
    &["technologies"],
    &["international"],
    &["group"],
    &["holdings"],
    &["cloud"],
];

/// Legal forms that end a company name.
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "incorporated",
    "ltd",
    "ltd.",
    "limited",
    "co.",
    "plc",
    "llc",
    "gmbh",
    "ag",
    "s.a.",
    "n.v.",
    "s.p.a.",
    "b.v.",
];

/// Capitalised words that open a sentence without being part of a name.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "in", "at", "on", "of", "for", "and", "but", "or", "by", "from", "to",
    "with", "as", "if", "when", "while", "after", "before", "since", "shares", "unit",
];

/// Words that make what follows a common noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her", "my",
    "your", "new", "such", "any", "some", "no", "every", "each",
];

/// Lower-case particles inside personal names ("de Silva", "van Gogh").
const PARTICLES: &[&str] = &[
    "de", "da", "di", "do", "dos", "das", "du", "del", "della", "van", "von", "der", "den", "ter",
    "le", "la", "al", "el", "bin", "ibn", "abu", "y",
];

fn is_punct(w: &str) -> bool {
    !w.chars().any(|c| c.is_alphanumeric())
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// All rules on.
pub const ALL_RULES: u8 = 0xff;

/// Token spans `(start, end, type)` of a tagged document after post-processing
/// (`rules`: bit 1 org heads, 2 "of" merge, 3 one type per name, 4 person parts, 5 the
/// name of an "X cloud/technology…" alone, 6 names before legal forms; the end cleaning
/// is always on).
pub fn postprocess(
    res: &Resources,
    rules: u8,
    words: &[&str],
    sents: &[Range<usize>],
    tags: &[u8],
) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    let mut cores: Vec<String> = Vec::new();
    for s in sents {
        let mut sp: Vec<(usize, usize, usize)> = spans(&tags[s.clone()])
            .into_iter()
            .map(|(a, b, t)| (a + s.start, b + s.start, t))
            .collect();
        // 1. clean ends
        for x in sp.iter_mut() {
            let (ref mut a, ref mut b, ty) = *x;
            while *a < *b {
                let w = words[*a];
                let title = ty == 0 && res.gaz.contains(TITLE, &[w]);
                let lower = !is_cap(w) && !PARTICLES.contains(&w);
                if is_punct(w) || ty == 0 && (lower || title) {
                    *a += 1;
                } else {
                    break;
                }
            }
            while *b > *a {
                let w = words[*b - 1];
                if is_possessive(w) || is_punct(w) && !matches!(w, "." | "!" | ")") {
                    *b -= 1;
                } else {
                    break;
                }
            }
        }
        sp.retain(|x| x.0 < x.1);
        // a lone institutional word or news agency is no person ("… Reuter"); a Chinese
        // family name followed by a one- or two-syllable pinyin given name is a person
        for x in sp.iter_mut() {
            if x.2 != 0 && chinese_name(res, &words[x.0..x.1]) {
                x.2 = 0;
            }
            if x.2 == 0 && x.1 - x.0 == 1 && res.gaz.contains(ORGWORD, &[words[x.0]]) {
                x.2 = 1;
            }
        }
        if rules & 2 == 0 {
            out.extend(sp);
            continue;
        }
        // 2. lower-case organisation heads
        let mut k = 0;
        let mut merged: Vec<(usize, usize, usize)> = Vec::new();
        while k < sp.len() {
            // run of adjacent spans
            let mut j = k;
            while j + 1 < sp.len() && sp[j + 1].0 == sp[j].1 {
                j += 1;
            }
            let (ra, rb) = (sp[k].0, sp[j].1);
            let single_place = j == k && sp[k].2 == 2 && is_place(res, &words[ra..rb]);
            if !single_place {
                if let Some(hl) = head_at(words, rb, s.end) {
                    merged.push((ra, rb + hl, 1));
                    if rb - ra == 1 && !is_place(res, &words[ra..rb]) {
                        cores.push(words[ra].to_lowercase());
                    }
                    k = j + 1;
                    continue;
                }
            }
            merged.extend_from_slice(&sp[k..=j]);
            k = j + 1;
        }
        // untagged capitalised, unusual words before a head ("Xiaomi venture capital"), or
        // one unknown lower-case word without an article ("employee of netheart
        // technology" — machine translation lower-cases Chinese company names)
        let mut extra = Vec::new();
        let unknown = |w: &str| {
            !w.contains('-')
                && w.chars().all(|c| c.is_alphabetic())
                && !res.lc.contains_key(&lower_hash(w))
                && !res.gaz.contains(DEMONYM, &[w])
        };
        let mut i = s.start;
        while i < s.end {
            if merged.iter().any(|x| x.0 <= i && i < x.1) {
                i += 1;
                continue;
            }
            let mut e = i;
            if is_cap(words[i]) {
                while e < s.end
                    && is_cap(words[e])
                    && unknown(words[e])
                    && !merged.iter().any(|x| x.0 <= e && e < x.1)
                {
                    e += 1;
                }
            } else if words[i].chars().count() >= 3
                && unknown(words[i])
                && (i == s.start || !DETERMINERS.contains(&words[i - 1].to_lowercase().as_str()))
            {
                e = i + 1;
            }
            if e > i {
                if let Some(hl) = head_at(words, e, s.end) {
                    let generic = matches!(words[e], "group" | "holdings" | "cloud");
                    if is_cap(words[i]) || !generic {
                        extra.push((i, e + hl, 1));
                        if e - i == 1 && !is_place(res, &words[i..e]) {
                            cores.push(words[i].to_lowercase());
                        }
                    }
                }
            }
            i = e.max(i + 1);
        }
        // capitalised words right before a legal form, left untagged ("Apple Inc." opening
        // a text, where a common word starts the sentence)
        if rules & 64 != 0 {
            for i in s.clone() {
                if !LEGAL_FORMS.contains(&words[i].to_lowercase().as_str())
                    || merged.iter().chain(&extra).any(|x| x.0 <= i && i < x.1)
                {
                    continue;
                }
                let mut a = i;
                while a > s.start
                    && i - a < 4
                    && (is_cap(words[a - 1]) || words[a - 1] == "&")
                    && !merged.iter().chain(&extra).any(|x| x.0 < a && a - 1 < x.1)
                {
                    a -= 1;
                }
                while a < i && FUNCTION_WORDS.contains(&words[a].to_lowercase().as_str()) {
                    a += 1;
                }
                if a < i && is_cap(words[a]) {
                    extra.push((a, i + 1, 1));
                }
            }
        }
        merged.extend(extra);
        merged.sort_unstable();
        // 3. ORG of (the) ORG/LOC
        let mut k = 0;
        let mut fin: Vec<(usize, usize, usize)> = Vec::new();
        while k < merged.len() {
            let cur = merged[k];
            if rules & 4 != 0 && cur.2 == 1 && k + 1 < merged.len() {
                let nx = merged[k + 1];
                let gap: Vec<&str> = words[cur.1..nx.0].to_vec();
                let of = gap == ["of"] || gap == ["of", "the"];
                if of && nx.2 != 0 && res.gaz.contains(ORGWORD, &[words[cur.1 - 1]]) {
                    fin.push((cur.0, nx.1, 1));
                    k += 2;
                    continue;
                }
            }
            fin.push(cur);
            k += 1;
        }
        out.extend(fin);
    }
    // the name alone elsewhere: "Tencent cloud" … "benchmarked with Tencent"
    if rules & 32 != 0 && !cores.is_empty() {
        let mut covered = vec![false; words.len()];
        for x in &out {
            covered[x.0..x.1].iter_mut().for_each(|c| *c = true);
        }
        for (i, w) in words.iter().enumerate() {
            if !covered[i] && w.chars().count() >= 2 && cores.iter().any(|c| c == &w.to_lowercase())
            {
                out.push((i, i + 1, 1));
            }
        }
        out.sort_unstable();
    }
    if rules & 8 == 0 {
        return out;
    }
    // 4. one type per name
    let key = |x: &(usize, usize, usize)| -> String {
        words[x.0..x.1]
            .iter()
            .map(|w| w.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut votes: HashMap<String, [usize; 3]> = HashMap::new();
    for x in &out {
        votes.entry(key(x)).or_default()[x.2] += 1;
    }
    let mut person_parts: HashMap<String, usize> = HashMap::new();
    for x in &out {
        if x.2 == 0 && x.1 - x.0 >= 2 {
            for w in &words[x.0..x.1] {
                *person_parts.entry(w.to_lowercase()).or_default() += 1;
            }
        }
    }
    for x in out.iter_mut() {
        let k = key(x);
        let v = votes[&k];
        let total: usize = v.iter().sum();
        let (best, &n) = v.iter().enumerate().max_by_key(|(_, &c)| c).unwrap();
        if best != x.2 && n * 3 >= total * 2 && n >= 2 {
            x.2 = best;
        } else if rules & 16 != 0
            && x.1 - x.0 == 1
            && x.2 != 0
            && v[x.2] < 2
            && person_parts.contains_key(&k)
        {
            x.2 = 0;
        }
    }
    out
}

/// Length of a lower-case organisation head starting at token `i` (before `end`).
fn head_at(words: &[&str], i: usize, end: usize) -> Option<usize> {
    for h in ORG_HEADS {
        if i + h.len() <= end && h.iter().enumerate().all(|(k, w)| words[i + k] == *w) {
            return Some(h.len());
        }
    }
    None
}

/// Place names that open a government or institution name ("Shenzhen Municipal
/// Government" → "Shenzhen"): token spans of the nested LOC mentions.
pub fn nested_places(
    res: &Resources,
    words: &[&str],
    spans: &[(usize, usize, usize)],
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for &(a, b, ty) in spans {
        if ty != 1 || b - a < 2 || !res.gaz.contains(ORGWORD, &[words[b - 1]]) {
            continue;
        }
        for len in (1..=3.min(b - a - 1)).rev() {
            let hs: Vec<u64> = words[a..a + len].iter().map(|w| lower_hash(w)).collect();
            if res.gaz.lookup(&hs) & PLACES != 0 && words[a..a + len].iter().all(|w| is_cap(w)) {
                out.push((a, a + len, 2));
                break;
            }
        }
    }
    out
}

fn is_place(res: &Resources, words: &[&str]) -> bool {
    let hs: Vec<u64> = words.iter().map(|w| lower_hash(w)).collect();
    res.gaz.lookup(&hs) & PLACES != 0
}

/// "Sun Hongxia", "Li Jinbo": a family name from the list, then one or two capitalised
/// pinyin words, and not a known place ("Hong Kong").
fn chinese_name(res: &Resources, words: &[&str]) -> bool {
    (2..=3).contains(&words.len())
        && res.gaz.contains(FAMILY, &words[..1])
        && words[1..].iter().all(|w| {
            is_cap(w) && {
                let l = w.to_lowercase();
                is_pinyin(&l) && l.len() <= 7
            }
        })
        && !is_place(res, words)
        && !res.gaz.contains(ORGWORD, &words[words.len() - 1..])
}
