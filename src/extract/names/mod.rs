//! The statistical name tagger (PERSON / ORG / LOC).
//!
//! Text → tokens with byte offsets ([`tokenize`]) → sentences → a greedy, BILOU-constrained
//! averaged-perceptron tagger over hashed features ([`features`], [`model`]) → spans,
//! cleaned of titles and possessives. The weights (`models/ner.bin`) are embedded and
//! loaded once.
//!
//! Modules: [`tokenize`]; per-token features [`features`] (with [`pinyin`], [`gazetteer`],
//! [`clusters`], [`hash`]) and document-level ones [`aggregate`]; decoding [`model`]; the
//! file format [`model_file`]; rules after tagging [`post`]; training [`train`].

use super::{Context, Found};
use std::sync::LazyLock;

pub mod aggregate;
pub mod clusters;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod model;
pub mod model_file;
pub mod pinyin;
pub mod post;
pub mod tokenize;
pub mod train;

use model::{Model, Scratch};
use tokenize::{sentences, tokenize};

static MODEL_BYTES: &[u8] = include_bytes!("../../../models/ner.bin");

static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::load(MODEL_BYTES).ok());

/// The embedded model (None if the embedded file is missing or invalid).
pub fn model_ref() -> Option<&'static Model> {
    MODEL.as_ref()
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// The name tagger of the registry. It is trained on English news: it runs on English
/// text and on text whose language was not detected, and (in [`find`]) only when most of
/// the letters are Latin. On other languages it would mostly tag capitalised nouns.
pub struct Names;

impl super::Extractor for Names {
    fn name(&self) -> &'static str {
        "names"
    }
    fn applies(&self, ctx: &Context) -> bool {
        matches!(ctx.lang.as_deref(), None | Some("en"))
    }
    fn find(&self, text: &str, ctx: &Context, out: &mut Vec<Found>) {
        out.extend(find(text, ctx));
    }
}

/// Find PERSON / ORG / LOC names in clean text (byte offsets), whatever the language of
/// the context says ([`Names::applies`] decides where the tagger runs): nothing when most
/// letters of the text are not Latin, or when the text is German (its capitalised nouns
/// would be taken for names).
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    let Some(m) = model_ref() else {
        return Vec::new();
    };
    if ctx.lang.as_deref() == Some("de") || !mostly_latin(text) {
        return Vec::new();
    }
    find_with(m, text)
}

/// Are most letters of (the first 4 KB of) the text Latin?
fn mostly_latin(text: &str) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for c in text.chars().take(4096).filter(|c| c.is_alphabetic()) {
        if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    latin >= other
}

/// Find names with a given model.
pub fn find_with(m: &Model, text: &str) -> Vec<Found> {
    let toks = tokenize(text);
    let sents = sentences(text, &toks);
    let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
    let tags = SCRATCH.with(|sc| m.tag(&words, &sents, &mut sc.borrow_mut()));
    let mut sp = post::postprocess(&m.res, post::Rules::ALL, &words, &sents, &tags);
    let nested = post::nested_places(&m.res, &words, &sp);
    sp.extend(nested);
    sp.into_iter()
        .map(|(s, e, ty)| Found {
            start: toks[s].start,
            end: toks[e - 1].end,
            kind: ty.kind(),
            rule: "names.tagger",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Kind;

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

    fn names(text: &str) -> Vec<(&str, Kind)> {
        find_with(model_ref().unwrap(), text)
            .into_iter()
            .map(|f| (&text[f.start..f.end], f.kind))
            .collect()
    }

    #[test]
    fn titles_and_possessives_are_stripped() {
        let cases: &[(&str, &str)] = &[
            (
                "Xunlei accused former CEO Chen Lei of embezzlement.",
                "Chen Lei",
            ),
            ("Mr. Smith met Angela Merkel in Berlin.", "Smith"),
            ("It was Chen Lei’s decision, analysts said.", "Chen Lei"),
            ("It was Chen Lei's decision, analysts said.", "Chen Lei"),
            ("President Barack Obama arrived on Monday.", "Barack Obama"),
        ];
        for (text, want) in cases {
            let got = names(text);
            assert!(
                got.iter().any(|(s, k)| s == want && *k == Kind::Person),
                "{text}: {got:?}"
            );
            for (s, _) in &got {
                assert!(
                    !s.starts_with("Mr") && !s.ends_with('s') && !s.contains('’'),
                    "{s}"
                );
            }
        }
    }

    #[test]
    fn lower_case_company_heads_and_nested_places() {
        let text = "Sun Hongxia, a lawyer from Beijing Jia Dong law firm, spoke to the \
                    Shenzhen Municipal Government.";
        let got = names(text);
        assert!(
            got.contains(&("Beijing Jia Dong law firm", Kind::Org)),
            "{got:?}"
        );
        assert!(got.contains(&("Sun Hongxia", Kind::Person)), "{got:?}");
        assert!(got.contains(&("Shenzhen", Kind::Loc)), "{got:?}");
    }

    #[test]
    fn coordinated_lists_and_lower_cased_agencies() {
        let got = names(
            "The portal is managed by India foreign language publishing and Distribution Bureau.",
        );
        assert!(
            got.contains(&(
                "India foreign language publishing and Distribution Bureau",
                Kind::Org
            )),
            "{got:?}"
        );
        assert!(
            !got.contains(&("Distribution Bureau", Kind::Org)),
            "{got:?}"
        );
        let got =
            names("Files that can be fetched also include FTP, magnetic, electric donkey, etc.");
        assert!(got.is_empty(), "{got:?}");
        let got = names("Points buy Alibaba members, youku members and Meituan vouchers.");
        assert!(got.contains(&("Meituan", Kind::Org)), "{got:?}");
    }

    #[test]
    fn other_scripts_and_german_are_skipped() {
        let zh = Context {
            lang: Some("zh".into()),
            ..Context::default()
        };
        assert!(find("迅雷前CEO陈磊涉嫌职务侵占。", &zh).is_empty());
        let de = Context {
            lang: Some("de".into()),
            ..Context::default()
        };
        assert!(find(
            "Die Bundesregierung hat am Montag Angela Merkel gewählt.",
            &de
        )
        .is_empty());
        let en = Context::default();
        assert!(!find("Angela Merkel met Emmanuel Macron in Paris.", &en).is_empty());
    }

    #[test]
    fn a_rule_switched_off_is_off() {
        use post::{Rule, Rules};
        let m = model_ref().unwrap();
        let text = "Files that can be fetched also include FTP, magnetic, electric donkey, etc.";
        let toks = tokenize(text);
        let sents = sentences(text, &toks);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        let tags = m.tag(&words, &sents, &mut Scratch::default());
        let names = |rules| post::postprocess(&m.res, rules, &words, &sents, &tags);
        // the acronym among common nouns is dropped by the coordinated-list rule only
        assert!(names(Rules::ALL).is_empty());
        let without = names(Rules::ALL.without(Rule::Coordinations));
        assert!(
            without.iter().any(|x| words[x.0..x.1] == ["FTP"]),
            "{without:?}"
        );
    }

    #[test]
    fn company_before_legal_form_opening_a_text() {
        let got = names("Apple Inc. chief executive Tim Cook spoke on Tuesday.");
        assert!(got.contains(&("Apple Inc.", Kind::Org)), "{got:?}");
        assert!(got.contains(&("Tim Cook", Kind::Person)), "{got:?}");
    }

    #[test]
    fn offsets_are_char_boundaries() {
        let text = "« Wang Wei » a rencontré “Li Na” à Shanghai — ¥5 000.";
        for f in find_with(model_ref().unwrap(), text) {
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            assert!(f.start < f.end);
        }
    }

    #[test]
    fn random_texts_never_panic_and_spans_are_valid() {
        let alphabet: Vec<char> = "aZ Chen Lei’s U.S. R & D “”'\"‘ -–—.,;:!?()[]$%0123456789\n\n\
                                   éÉßçÇ中文한국어 \u{200b}\u{00ad}\t"
            .chars()
            .collect();
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let m = model_ref().unwrap();
        for _ in 0..300 {
            let mut text = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 200) as usize;
            for _ in 0..len {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.push(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            let toks = tokenize(&text);
            let mut last = 0;
            for t in &toks {
                assert!(t.start >= last && t.start < t.end, "{text:?}");
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                last = t.end;
            }
            for f in find_with(m, &text) {
                assert!(f.start < f.end && f.end <= text.len(), "{text:?}");
                assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            }
        }
    }

    /// Needs ../shared/data (skipped when absent): the shipped model meets its targets.
    #[test]
    fn dev_set_targets() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ner");
        let conll = root.join("conll2003/conllpp_dev.txt");
        let finer = root.join("finer_ord/val.csv");
        if !conll.exists() || !finer.exists() {
            eprintln!("skipped: no shared data");
            return;
        }
        let m = model_ref().unwrap();
        let c = train::eval_model(
            m,
            &train::data::load_conll(&conll, false).unwrap(),
            true,
            post::Rules::ALL,
        );
        assert!(c.micro().2 >= 0.90, "CoNLL dev F1 {}", c.micro().2);
        let f = train::eval_model(
            m,
            &train::data::load_finer(&finer).unwrap(),
            true,
            post::Rules::ALL,
        );
        assert!(f.micro().2 >= 0.80, "FiNER val F1 {}", f.micro().2);
    }
}
