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

use super::gazetteer::{DEMONYM, FAMILY, ORGWORD, PLACES, TITLE};
use super::hash::{lower_eq, lower_hash};
use super::model::{spans, NameType, Resources, TokenSpan};
use super::pinyin::is_pinyin;
use crate::words::{push_ascii_lowercase, WordSet};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;
use NameType::{Loc, Org, Person};

mod lists;
mod words;
use lists::coordinations;
use words::{is_cap, is_place, is_possessive, is_punct};

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

static LEGAL_FORMS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(LEGAL_FORMS));
static FUNCTION_WORDS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(FUNCTION_WORDS));
static DETERMINERS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(DETERMINERS));

/// Lower-case particles inside personal names ("de Silva", "van Gogh").
const PARTICLES: &[&str] = &[
    "de", "da", "di", "do", "dos", "das", "du", "del", "della", "van", "von", "der", "den", "ter",
    "le", "la", "al", "el", "bin", "ibn", "abu", "y",
];

/// A post-processing rule that can be switched off (for ablations), with its bit in the
/// `ner-eval --rules` mask. Cleaning the ends of names is always on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Coordinated lists: items take the list's name type ([`coordinations`]).
    Coordinations = 1,
    /// A name followed by a lower-case organisation head ("… law firm") is one ORG.
    OrgHeads = 2,
    /// "ORG of (the) ORG/LOC" after an institutional head word is one ORG.
    OfMerge = 4,
    /// One type per name and document: the clear majority type.
    OneTypePerName = 8,
    /// A one-word mention that is part of a PERSON's full name is that PERSON.
    PersonParts = 16,
    /// The name of an "X cloud / technology …" ORG alone elsewhere (untagged or LOC) is an
    /// ORG too.
    NameAlone = 32,
    /// Capitalised words right before a legal form ("Apple Inc.") are an ORG.
    LegalForms = 64,
    /// Lower-cased agency names ([`lower_cased_agencies`]).
    Agencies = 128,
}

impl Rule {
    /// Every rule, in the order of its bit.
    pub const EVERY: [Rule; 8] = [
        Rule::Coordinations,
        Rule::OrgHeads,
        Rule::OfMerge,
        Rule::OneTypePerName,
        Rule::PersonParts,
        Rule::NameAlone,
        Rule::LegalForms,
        Rule::Agencies,
    ];
}

/// A set of [`Rule`]s; its bits are the rules' values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules(u8);

impl Rules {
    /// Every rule on (what the pipeline runs).
    pub const ALL: Rules = Rules(0xff);

    /// The rules whose bits are set in `bits` (`ner-eval --rules`).
    pub const fn from_bits(bits: u8) -> Rules {
        Rules(bits)
    }

    /// The set as its bit mask.
    pub const fn bits(self) -> u8 {
        self.0
    }

    /// Whether `rule` is on.
    pub fn has(self, rule: Rule) -> bool {
        self.0 & rule as u8 != 0
    }

    /// These rules but `rule`.
    pub fn without(self, rule: Rule) -> Rules {
        Rules(self.0 & !(rule as u8))
    }
}

/// The names of a tagged document after post-processing with `rules` (the end cleaning
/// is always on).
pub fn postprocess(
    res: &Resources,
    rules: Rules,
    words: &[&str],
    sents: &[Range<usize>],
    tags: &[u8],
) -> Vec<TokenSpan> {
    let mut out: Vec<TokenSpan> = Vec::new();
    let mut cores: Vec<String> = Vec::new();
    // which tokens of the sentence the merged spans cover
    let mut covered: Vec<bool> = Vec::new();
    for s in sents {
        let mut sp: Vec<TokenSpan> = spans(&tags[s.clone()])
            .into_iter()
            .map(|(a, b, t)| (a + s.start, b + s.start, t))
            .collect();
        // 1. clean ends
        for x in sp.iter_mut() {
            let (ref mut a, ref mut b, ty) = *x;
            while *a < *b {
                let w = words[*a];
                let title = ty == Person && res.gaz.contains(TITLE, &[w]);
                let lower = !is_cap(w) && !PARTICLES.contains(&w);
                if is_punct(w) || ty == Person && (lower || title) {
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
            if x.2 != Person && chinese_name(res, &words[x.0..x.1]) {
                x.2 = Person;
            }
            if x.2 == Person && x.1 - x.0 == 1 && res.gaz.contains(ORGWORD, &[words[x.0]]) {
                x.2 = Org;
            }
        }
        if !rules.has(Rule::OrgHeads) {
            out.extend(sp);
            continue;
        }
        // 2. lower-case organisation heads
        let mut k = 0;
        let mut merged: Vec<TokenSpan> = Vec::new();
        while k < sp.len() {
            // run of adjacent spans
            let mut j = k;
            while j + 1 < sp.len() && sp[j + 1].0 == sp[j].1 {
                j += 1;
            }
            let (ra, rb) = (sp[k].0, sp[j].1);
            let single_place = j == k && sp[k].2 == Loc && is_place(res, &words[ra..rb]);
            if !single_place {
                if let Some(hl) = head_at(words, rb, s.end) {
                    merged.push((ra, rb + hl, Org));
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
        // Nothing comes of this pass unless a head follows the word or run: most
        // sentences hold no head at all and are skipped.
        let has_head = (s.start + 1..s.end).any(|p| head_at(words, p, s.end).is_some());
        covered.clear();
        covered.resize(s.len(), false);
        for x in &merged {
            covered[x.0 - s.start..x.1 - s.start].fill(true);
        }
        let mut i = if has_head { s.start } else { s.end };
        while i < s.end {
            if covered[i - s.start] {
                i += 1;
                continue;
            }
            let mut e = i;
            if is_cap(words[i]) {
                while e < s.end && is_cap(words[e]) && unknown(words[e]) && !covered[e - s.start] {
                    e += 1;
                }
            } else if head_at(words, i + 1, s.end).is_some()
                && words[i].chars().count() >= 3
                && unknown(words[i])
                && (i == s.start || !DETERMINERS_SET.contains(words[i - 1]))
            {
                e = i + 1;
            }
            if e > i {
                if let Some(hl) = head_at(words, e, s.end) {
                    let generic = matches!(words[e], "group" | "holdings" | "cloud");
                    if is_cap(words[i]) || !generic {
                        extra.push((i, e + hl, Org));
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
        if rules.has(Rule::LegalForms) {
            for i in s.clone() {
                if !LEGAL_FORMS_SET.contains(words[i])
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
                while a < i && FUNCTION_WORDS_SET.contains(words[a]) {
                    a += 1;
                }
                if a < i && is_cap(words[a]) {
                    extra.push((a, i + 1, Org));
                }
            }
        }
        merged.extend(extra);
        merged.sort_unstable();
        // 3. ORG of (the) ORG/LOC
        let mut k = 0;
        let mut fin: Vec<TokenSpan> = Vec::new();
        while k < merged.len() {
            let cur = merged[k];
            if rules.has(Rule::OfMerge) && cur.2 == Org && k + 1 < merged.len() {
                let nx = merged[k + 1];
                let gap: Vec<&str> = words[cur.1..nx.0].to_vec();
                let of = gap == ["of"] || gap == ["of", "the"];
                if of && nx.2 != Person && res.gaz.contains(ORGWORD, &[words[cur.1 - 1]]) {
                    fin.push((cur.0, nx.1, Org));
                    k += 2;
                    continue;
                }
            }
            fin.push(cur);
            k += 1;
        }
        out.extend(fin);
    }
    // the name alone elsewhere: "Tencent cloud" … "benchmarked with Tencent", untagged or
    // typed LOC (not PERSON: people head groups too, "Redstone group" … "Redstone said")
    if rules.has(Rule::NameAlone) && !cores.is_empty() {
        let mut covered = vec![false; words.len()];
        for x in out.iter_mut() {
            covered[x.0..x.1].iter_mut().for_each(|c| *c = true);
            if x.2 == Loc && x.1 - x.0 == 1 && cores.iter().any(|c| lower_eq(words[x.0], c)) {
                x.2 = Org;
            }
        }
        for (i, w) in words.iter().enumerate() {
            if !covered[i] && w.chars().count() >= 2 && cores.iter().any(|c| lower_eq(w, c)) {
                out.push((i, i + 1, Org));
            }
        }
        out.sort_unstable();
    }
    if rules.has(Rule::Agencies) {
        lower_cased_agencies(words, &mut out);
    }
    if !rules.has(Rule::OneTypePerName) {
        if rules.has(Rule::Coordinations) {
            coordinations(res, words, sents, &mut out, &HashMap::new());
        }
        return out;
    }
    // 4. one type per name
    // the lower-case words of a span, space-separated
    let keys: Vec<String> = out
        .iter()
        .map(|x| {
            let mut k = String::new();
            for (n, w) in words[x.0..x.1].iter().enumerate() {
                if n > 0 {
                    k.push(' ');
                }
                if !push_ascii_lowercase(&mut k, w) {
                    k.push_str(&w.to_lowercase());
                }
            }
            k
        })
        .collect();
    // mentions per type, by NameType::index
    let mut votes: HashMap<&str, [usize; NameType::ALL.len()]> = HashMap::new();
    for (x, k) in out.iter().zip(&keys) {
        votes.entry(k).or_default()[x.2.index()] += 1;
    }
    let mut person_parts: HashMap<String, usize> = HashMap::new();
    for x in &out {
        if x.2 == Person && x.1 - x.0 >= 2 {
            for w in &words[x.0..x.1] {
                *person_parts.entry(w.to_lowercase()).or_default() += 1;
            }
        }
    }
    for (x, k) in out.iter_mut().zip(&keys) {
        let v = votes[k.as_str()];
        let total: usize = v.iter().sum();
        let (best, &n) = v.iter().enumerate().max_by_key(|(_, &c)| c).unwrap();
        let best = NameType::ALL[best];
        if best != x.2 && n * 3 >= total * 2 && n >= 2 {
            x.2 = best;
        } else if rules.has(Rule::PersonParts)
            && x.1 - x.0 == 1
            && x.2 != Person
            && v[x.2.index()] < 2
            && person_parts.contains_key(k)
        {
            x.2 = Person;
        }
    }
    if rules.has(Rule::Coordinations) {
        coordinations(res, words, sents, &mut out, &person_parts);
    }
    out
}

/// Head words of public bodies.
const AGENCY_HEADS: &[&str] = &[
    "Bureau",
    "Office",
    "Administration",
    "Ministry",
    "Commission",
    "Department",
    "Agency",
];

/// "managed by India foreign language publishing and Distribution Bureau": machine
/// translation lower-cases the inner words of an agency name; an ORG ending in an agency
/// head right after "and" + lower-case words + a capitalised name is one ORG from there.
fn lower_cased_agencies(words: &[&str], out: &mut Vec<TokenSpan>) {
    let mut k = 0;
    while k < out.len() {
        let (a, b, ty) = out[k];
        if ty != Org || a < 3 || !AGENCY_HEADS.contains(&words[b - 1]) || words[a - 1] != "and" {
            k += 1;
            continue;
        }
        let mut p = a - 1;
        while p > 0
            && a - 1 - p < 4
            && words[p - 1].chars().all(|c| c.is_lowercase())
            && words[p - 1] != "and"
            && words[p - 1] != "the"
        {
            p -= 1;
        }
        if p == a - 1 || p == 0 || !is_cap(words[p - 1]) || is_punct(words[p - 1]) {
            k += 1;
            continue;
        }
        // the capitalised name right before: a span ending there, or one word
        let start = match out[..k].iter().rposition(|x| x.1 == p) {
            Some(j) => out[j].0,
            None => p - 1,
        };
        if start > 0 && is_cap(words[start - 1]) {
            k += 1;
            continue;
        }
        out.retain(|x| !(x.0 >= start && x.1 <= b));
        out.push((start, b, Org));
        out.sort_unstable();
        k = out.iter().position(|x| x.0 == start).unwrap() + 1;
    }
}

/// Length of a lower-case organisation head starting at token `i` (before `end`).
fn head_at(words: &[&str], i: usize, end: usize) -> Option<usize> {
    // every head starts with one of these letters: most words are turned away here
    if i >= end
        || !matches!(
            words[i].as_bytes().first(),
            Some(b'c' | b'g' | b'h' | b'i' | b'l' | b't' | b'v')
        )
    {
        return None;
    }
    for h in ORG_HEADS {
        if i + h.len() <= end && h.iter().enumerate().all(|(k, w)| words[i + k] == *w) {
            return Some(h.len());
        }
    }
    None
}

/// Place names that open a government or institution name ("Shenzhen Municipal
/// Government" → "Shenzhen"): token spans of the nested LOC mentions.
pub fn nested_places(res: &Resources, words: &[&str], spans: &[TokenSpan]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    for &(a, b, ty) in spans {
        if ty != Org || b - a < 2 || !res.gaz.contains(ORGWORD, &[words[b - 1]]) {
            continue;
        }
        for len in (1..=3.min(b - a - 1)).rev() {
            let hs: Vec<u64> = words[a..a + len].iter().map(|w| lower_hash(w)).collect();
            if res.gaz.lookup(&hs) & PLACES != 0 && words[a..a + len].iter().all(|w| is_cap(w)) {
                out.push((a, a + len, Loc));
                break;
            }
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_alone_takes_the_org_of_its_head() {
        use super::super::model::tags_from_spans;
        let res = &super::super::model_ref().expect("embedded model").res;
        let text = "He came from Tencent cloud . Pay was benchmarked with Tencent . \
                    Redstone group bid . Redstone said .";
        let words: Vec<&str> = text.split_whitespace().collect();
        let sents = [0..6, 6..12, 12..16, 16..19];
        // the tagger's types: "Tencent" LOC twice, "Redstone" PERSON twice
        let tags = tags_from_spans(
            words.len(),
            &[
                (3, 4, Loc),
                (10, 11, Loc),
                (12, 13, Person),
                (16, 17, Person),
            ],
        );
        let got = postprocess(res, Rules::ALL, &words, &sents, &tags);
        // "Tencent cloud" is an ORG, so "Tencent" alone is too; a person heading a
        // group stays a person
        assert_eq!(
            got,
            vec![(3, 5, Org), (10, 11, Org), (12, 14, Org), (16, 17, Person)]
        );
        let off = postprocess(
            res,
            Rules::ALL.without(Rule::NameAlone),
            &words,
            &sents,
            &tags,
        );
        assert_eq!(off[1], (10, 11, Loc));
    }

    #[test]
    fn rules_have_one_bit_each() {
        use Rule::*;
        let all = [
            Coordinations,
            OrgHeads,
            OfMerge,
            OneTypePerName,
            PersonParts,
            NameAlone,
            LegalForms,
            Agencies,
        ];
        let bits: u16 = all.iter().map(|&r| r as u16).sum();
        assert_eq!(bits, 0xff);
        for r in all {
            assert!(Rules::ALL.has(r) && !Rules::ALL.without(r).has(r));
            assert!(Rules::from_bits(r as u8).has(r));
            assert_eq!(Rules::ALL.without(r).bits(), 0xff ^ r as u8);
        }
        assert!(!Rules::from_bits(0).has(Coordinations));
    }

    #[test]
    fn head_at_sees_every_head() {
        // `head_at` turns words away by their first letter: each head must pass it
        for h in ORG_HEADS {
            let mut words: Vec<&str> = vec!["Xiaomi"];
            words.extend_from_slice(h);
            assert_eq!(head_at(&words, 1, words.len()), Some(h.len()), "{h:?}");
            // a head is not read past the end given
            let cut = head_at(&words, 1, words.len() - 1);
            assert!(cut.is_none_or(|n| n < h.len()), "{h:?}");
        }
        assert_eq!(head_at(&["Xiaomi", "Group"], 1, 2), None);
        assert_eq!(head_at(&["Xiaomi", "group"], 2, 2), None);
    }
}
