//! Alias merging: one entry per distinct PERSON / ORG / LOC of an article.
//!
//! Mentions arrive clean (titles and possessives already stripped by the name tagger).
//! Within a type, mentions with the same normalised text are one entity; a person's
//! one-word mention ("Chen", from "Mr. Chen") joins the full name that contains it
//! ("Chen Lei"), the most frequent one when several do; an organisation's shorter form
//! joins a longer one that starts with it when the rest is a legal-form suffix or a
//! generic head ("Xunlei" ~ "Xunlei Ltd."). The canonical name is the longest full form.

use super::{Found, Kind};
use crate::article::{Entity, MentionType};
use std::collections::hash_map::Entry;
use std::collections::HashMap;

/// Normalised comparison key of a mention: case folded, spaces collapsed, curly
/// apostrophes folded, a leading "the" dropped.
pub fn norm_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if crate::words::push_ascii_lowercase(&mut out, w) {
            continue;
        }
        for c in w.chars() {
            match c {
                '\u{2019}' | '\u{2018}' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    // a leading "the", then the punctuation at either end, removed in place
    let punct = |c: char| matches!(c, '.' | ',' | ';' | ':' | '"' | '\'');
    let skip = if out.starts_with("the ") { 4 } else { 0 };
    let rest = &out[skip..];
    let start = skip + (rest.len() - rest.trim_start_matches(punct).len());
    let end = skip + rest.trim_end_matches(punct).len();
    if start >= end {
        out.clear();
    } else {
        out.truncate(end);
        out.drain(..start);
    }
    out
}

fn display_form(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const ORG_TAILS: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "co",
    "co.",
    "company",
    "ltd",
    "ltd.",
    "limited",
    "llc",
    "plc",
    "ag",
    "sa",
    "nv",
    "group",
    "holdings",
    "holding",
    "technology",
    "technologies",
    "international",
    "co.,",
    "ltd.,",
];

struct Group {
    kind: MentionType,
    key: String,
    name: String,
    count: usize,
    first: usize,
}

/// Merge name mentions into entities with counts (other kinds are ignored).
pub fn merge(text: &str, found: &[Found]) -> Vec<Entity> {
    // 1. Exact groups by (type, normalised text)
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<(MentionType, String), usize> = HashMap::new();
    for f in found {
        let kind = match f.kind {
            Kind::Person => MentionType::Person,
            Kind::Org => MentionType::Org,
            Kind::Loc => MentionType::Loc,
            _ => continue,
        };
        let Some(surface) = text.get(f.start..f.end) else {
            continue;
        };
        let key = norm_key(surface);
        if key.is_empty() {
            continue;
        }
        let gi = match index.entry((kind, key)) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                groups.push(Group {
                    kind,
                    key: e.key().1.clone(),
                    name: display_form(surface),
                    count: 0,
                    first: f.start,
                });
                *e.insert(groups.len() - 1)
            }
        };
        let g = &mut groups[gi];
        g.count += 1;
        // Prefer a capitalised display form
        if g.name.chars().next().is_some_and(|c| c.is_lowercase())
            && surface
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
        {
            g.name = display_form(surface);
        }
    }
    // 2. Attach short forms to longer ones.
    let n = groups.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // the words of every key, split once (not once per pair)
    let words: Vec<Vec<&str>> = groups.iter().map(|g| g.key.split(' ').collect()).collect();
    for i in 0..n {
        let gi = &groups[i];
        let words_i = &words[i];
        let mut best: Option<usize> = None;
        for (j, gj) in groups.iter().enumerate() {
            if i == j || gj.kind != gi.kind || gj.key.len() <= gi.key.len() {
                continue;
            }
            let words_j = &words[j];
            let ok = match gi.kind {
                MentionType::Person => {
                    words_i.len() == 1 && words_j.len() >= 2 && words_j.contains(&words_i[0])
                        || words_i.len() >= 2
                            && words_j.len() > words_i.len()
                            && words_j.ends_with(words_i)
                }
                MentionType::Org => {
                    words_j.len() > words_i.len()
                        && words_j.starts_with(words_i)
                        && words_j[words_i.len()..]
                            .iter()
                            .all(|w| ORG_TAILS.contains(w))
                }
                _ => false,
            };
            if ok
                && best.is_none_or(|b| {
                    let gb = &groups[b];
                    (gj.count, std::cmp::Reverse(gj.first))
                        > (gb.count, std::cmp::Reverse(gb.first))
                })
            {
                best = Some(j);
            }
        }
        if let Some(b) = best {
            parent[i] = b;
        }
    }
    fn root(parent: &[usize], mut i: usize) -> usize {
        let mut steps = 0;
        while parent[i] != i && steps < parent.len() {
            i = parent[i];
            steps += 1;
        }
        i
    }
    let mut total: HashMap<usize, (usize, usize)> = HashMap::new();
    for (i, g) in groups.iter().enumerate() {
        let r = root(&parent, i);
        let e = total.entry(r).or_insert((0, usize::MAX));
        e.0 += g.count;
        e.1 = e.1.min(g.first);
    }
    let mut out: Vec<(usize, Entity)> = total
        .into_iter()
        .map(|(r, (count, first))| {
            (
                first,
                Entity {
                    kind: groups[r].kind,
                    name: groups[r].name.clone(),
                    count,
                },
            )
        })
        .collect();
    // Fully ordered (nested names can share a first offset): the output is deterministic.
    out.sort_by(|a, b| {
        b.1.count
            .cmp(&a.1.count)
            .then(a.0.cmp(&b.0))
            .then(a.1.kind.cmp(&b.1.kind))
            .then_with(|| a.1.name.cmp(&b.1.name))
    });
    out.into_iter().map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `norm_key` as first written: char by char, then strip and trim into new strings.
    fn norm_key_reference(s: &str) -> String {
        let mut out = String::new();
        for w in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            for c in w.chars() {
                match c {
                    '\u{2019}' | '\u{2018}' => out.push('\''),
                    c => out.extend(c.to_lowercase()),
                }
            }
        }
        let out = out.strip_prefix("the ").map(str::to_string).unwrap_or(out);
        out.trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '"' | '\''))
            .to_string()
    }

    #[test]
    fn norm_key_is_the_reference() {
        for s in [
            "Chen Lei",
            "  The   Xunlei  Ltd. ",
            "THE BANK",
            "the",
            "the .",
            "...",
            "",
            "\"Acme,\"",
            "Xunlei Ltd.,",
            "O’Brien’s",
            "ÉTAT Français",
            "Theodore Roosevelt",
            "the the Band",
            "İstanbul Σ",
            "'s",
        ] {
            assert_eq!(norm_key(s), norm_key_reference(s), "{s:?}");
        }
    }

    fn found(text: &str, items: &[(&str, Kind)]) -> Vec<Found> {
        let mut out = Vec::new();
        let mut from = 0;
        for (s, k) in items {
            let start = from + text[from..].find(s).unwrap();
            out.push(Found {
                start,
                end: start + s.len(),
                kind: k.clone(),
                rule: "test",
            });
            from = start + s.len();
        }
        out
    }

    #[test]
    fn alias_table() {
        let text = "Chen Lei met Li Jinbo. Chen said Mr. Chen’s firm, Xunlei Ltd., and \
                    Xunlei were fine. Li left Beijing; beijing and Beijing again. Lei?";
        let f = found(
            text,
            &[
                ("Chen Lei", Kind::Person),
                ("Li Jinbo", Kind::Person),
                ("Chen", Kind::Person),
                ("Chen", Kind::Person),
                ("Xunlei Ltd.", Kind::Org),
                ("Xunlei", Kind::Org),
                ("Li", Kind::Person),
                ("Beijing", Kind::Loc),
                ("beijing", Kind::Loc),
                ("Beijing", Kind::Loc),
                ("Lei", Kind::Person),
            ],
        );
        let e = merge(text, &f);
        let get = |name: &str| e.iter().find(|x| x.name == name).map(|x| (x.kind, x.count));
        assert_eq!(get("Chen Lei"), Some((MentionType::Person, 4)), "{e:?}");
        assert_eq!(get("Li Jinbo"), Some((MentionType::Person, 2)), "{e:?}");
        assert_eq!(get("Xunlei Ltd."), Some((MentionType::Org, 2)), "{e:?}");
        assert_eq!(get("Beijing"), Some((MentionType::Loc, 3)), "{e:?}");
        assert_eq!(e.len(), 4, "{e:?}");
        assert_eq!(e[0].name, "Chen Lei");
    }

    #[test]
    fn ignores_non_names_and_keeps_types_apart() {
        let text = "Georgia sued Georgia Pacific in Georgia.";
        let f = found(
            text,
            &[
                ("Georgia", Kind::Loc),
                ("Georgia Pacific", Kind::Org),
                ("Georgia", Kind::Loc),
            ],
        );
        let e = merge(text, &f);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].name, "Georgia");
        assert_eq!(e[0].count, 2);
    }
}
