//! The statistical name tagger (PERSON / ORG / LOC).
//!
//! Text → tokens with byte offsets ([`tokenize`]) → sentences → a greedy, BILOU-constrained
//! averaged-perceptron tagger over hashed features ([`features`], [`model`]) → spans,
//! cleaned of titles and possessives. The weights (`models/ner.bin`) are embedded and
//! loaded once.

use super::{Context, Found, Kind};
use once_cell::sync::Lazy;

pub mod cli;
pub mod data;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod tokenize;

use gazetteer::TITLE;
use model::{spans, Model, Scratch};
use tokenize::{sentences, tokenize, Token};

static MODEL_BYTES: &[u8] = include_bytes!("../../../models/ner.bin");

static MODEL: Lazy<Option<Model>> = Lazy::new(|| Model::load(MODEL_BYTES).ok());

/// The embedded model (None if the embedded file is missing or invalid).
pub fn model_ref() -> Option<&'static Model> {
    MODEL.as_ref()
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Find PERSON / ORG / LOC names in clean text (byte offsets).
pub fn find(text: &str, _ctx: &Context) -> Vec<Found> {
    let Some(m) = model_ref() else {
        return Vec::new();
    };
    find_with(m, text)
}

/// Tokens, sentences and tags of `text` with the given model.
pub fn tag_text(m: &Model, text: &str) -> (Vec<Token>, Vec<u8>) {
    let toks = tokenize(text);
    let sents = sentences(text, &toks);
    let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
    let tags = SCRATCH.with(|sc| m.tag(&words, &sents, &mut sc.borrow_mut()));
    (toks, tags)
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

/// Find names with a given model.
pub fn find_with(m: &Model, text: &str) -> Vec<Found> {
    let (toks, tags) = tag_text(m, text);
    let word = |i: usize| &text[toks[i].start..toks[i].end];
    let mut out = Vec::new();
    for (mut s, mut e, ty) in spans(&tags) {
        // Strip titles and lower-case words in front of a person's name ("former CEO",
        // "Mr."), possessives and stray punctuation at either end.
        while s < e {
            let w = word(s);
            let lower_start = w.chars().next().is_some_and(|c| !c.is_uppercase());
            let title = ty == 0 && m.res.gaz.contains(TITLE, &[w]);
            let punct = !w.chars().any(|c| c.is_alphanumeric());
            if (ty == 0 && (lower_start || title)) || punct {
                s += 1;
            } else {
                break;
            }
        }
        while e > s {
            let w = word(e - 1);
            if is_possessive(w) || !w.chars().any(|c| c.is_alphanumeric()) && w != "." {
                e -= 1;
            } else {
                break;
            }
        }
        if s >= e {
            continue;
        }
        let kind = match ty {
            0 => Kind::Person,
            1 => Kind::Org,
            _ => Kind::Loc,
        };
        out.push(Found {
            start: toks[s].start,
            end: toks[e - 1].end,
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_loads_and_tags_a_sentence() {
        let Some(m) = model_ref() else {
            panic!("embedded model did not load");
        };
        let text = "Former CEO Chen Lei left Beijing for the United States, Xunlei Ltd. said.";
        let found = find_with(m, text);
        let got: Vec<(&str, &Kind)> = found
            .iter()
            .map(|f| (&text[f.start..f.end], &f.kind))
            .collect();
        assert!(got.contains(&("Chen Lei", &Kind::Person)), "{got:?}");
        assert!(got.contains(&("Beijing", &Kind::Loc)), "{got:?}");
        assert!(got.contains(&("United States", &Kind::Loc)), "{got:?}");
    }

    #[test]
    fn titles_and_possessives_are_stripped() {
        let m = model_ref().unwrap();
        let text =
            "Mr. Smith met Angela Merkel in Berlin. Mr. Smith’s plan was praised by Mrs. Merkel.";
        let found = find_with(m, text);
        for f in &found {
            let s = &text[f.start..f.end];
            assert!(
                !s.starts_with("Mr") && !s.ends_with('s') || s == "Mrs",
                "{s}"
            );
            assert!(!s.contains('’'), "{s}");
        }
        assert!(found
            .iter()
            .any(|f| &text[f.start..f.end] == "Smith" && f.kind == Kind::Person));
    }
}
