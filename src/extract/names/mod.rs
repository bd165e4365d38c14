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
pub mod post;
pub mod tokenize;

use model::{Model, Scratch};
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

/// Find names with a given model.
pub fn find_with(m: &Model, text: &str) -> Vec<Found> {
    let toks = tokenize(text);
    let sents = sentences(text, &toks);
    let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
    let tags = SCRATCH.with(|sc| m.tag(&words, &sents, &mut sc.borrow_mut()));
    post::postprocess(&m.res, post::ALL_RULES, &words, &sents, &tags)
        .into_iter()
        .map(|(s, e, ty)| Found {
            start: toks[s].start,
            end: toks[e - 1].end,
            kind: match ty {
                0 => Kind::Person,
                1 => Kind::Org,
                _ => Kind::Loc,
            },
        })
        .collect()
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
