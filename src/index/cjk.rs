//! The text analyzer of the title and body fields, by script: Latin, Cyrillic and the
//! other spaced scripts are split into words and stemmed as before ([`super::stem`]);
//! Chinese characters (Han) are segmented with jieba; Japanese kana and Korean hangul,
//! which jieba's dictionary does not cover, are cut into overlapping character bigrams.
//!
//! Positions count characters inside a CJK run, so a query is a phrase whose terms sit at
//! their character offsets:
//! - **Index mode** writes every Han character as a term, and every dictionary word that
//!   occurs at a character (jieba's full mode: all the words of its DAG) at that
//!   character's position.
//! - **Query mode** segments the query's Han text with jieba (no HMM) and asks for each
//!   dictionary word as a term and for each character outside one as a term of its own.
//!
//! So `迅雷营收` matches wherever those four characters stand together, whatever jieba
//! made of the sentence around them, while its words rank the hits. Text without CJK
//! takes tantivy's own simple tokenizer: English tokens are exactly as before.

use std::sync::LazyLock;
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// The name the schema's text fields use (the index of this analyzer, whose positions
/// differ from `en_stem`'s on CJK text, is format version 3).
pub const NAME: &str = "mixed";

/// jieba with its embedded dictionary, built on first use (≈ 0.1 s): a run on English
/// text never builds it.
static JIEBA: LazyLock<jieba_rs::Jieba> = LazyLock::new(jieba_rs::Jieba::new);

/// How a Han run is turned into terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Index,
    Query,
}

/// The analyzer of indexing (and snippets): registered on the index as [`NAME`].
pub fn analyzer() -> TextAnalyzer {
    build(Mode::Index)
}

/// The analyzer of query parsing, registered as [`NAME`] in the query parser's own
/// tokenizer manager.
pub fn query_analyzer() -> TextAnalyzer {
    build(Mode::Query)
}

fn build(mode: Mode) -> TextAnalyzer {
    TextAnalyzer::builder(Mixed {
        mode,
        simple: SimpleTokenizer::default(),
    })
    .filter(RemoveLongFilter::limit(40))
    .filter(LowerCaser)
    .filter(super::stem::MemoStemmer)
    .build()
}

/// The script class of a character, for splitting text into runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    /// Chinese characters (also in Japanese and Korean text): jieba.
    Han,
    /// Kana and hangul: bigrams.
    Bigram,
    /// Anything else.
    Other,
}

/// The script of a character.
#[inline]
pub fn script(c: char) -> Script {
    match c as u32 {
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F | 0x3007 => {
            Script::Han
        }
        0x3041..=0x3096 | 0x309D..=0x309F | 0x30A1..=0x30FA | 0x30FC..=0x30FF => Script::Bigram,
        0x31F0..=0x31FF | 0xFF66..=0xFF9D => Script::Bigram,
        0x1100..=0x11FF | 0x3131..=0x318E | 0xA960..=0xA97F | 0xAC00..=0xD7A3 => Script::Bigram,
        _ => Script::Other,
    }
}

/// Could the text hold a CJK character (or a full-width letter)? A byte test: no false
/// negatives, and false positives only cost the slower path.
#[inline]
fn maybe_cjk(text: &str) -> bool {
    text.bytes()
        .any(|b| b == 0xE1 || (0xE3..=0xF0).contains(&b))
}

/// Full-width ASCII (`１９９７`, `ＧＤＰ`) as ASCII, in terms only (offsets stay).
#[inline]
fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

#[derive(Clone)]
pub struct Mixed {
    mode: Mode,
    simple: SimpleTokenizer,
}

pub enum MixedStream<'a> {
    /// No CJK in the text: tantivy's simple tokenizer, as `en_stem` has.
    Simple(<SimpleTokenizer as Tokenizer>::TokenStream<'a>),
    /// Tokens computed up front.
    Listed { tokens: Vec<Token>, next: usize },
}

impl Tokenizer for Mixed {
    type TokenStream<'a> = MixedStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MixedStream<'a> {
        if !maybe_cjk(text) {
            return MixedStream::Simple(self.simple.token_stream(text));
        }
        MixedStream::Listed {
            tokens: tokens(text, self.mode),
            next: 0,
        }
    }
}

impl TokenStream for MixedStream<'_> {
    fn advance(&mut self) -> bool {
        match self {
            MixedStream::Simple(s) => s.advance(),
            MixedStream::Listed { tokens, next } => {
                if *next < tokens.len() {
                    *next += 1;
                    true
                } else {
                    false
                }
            }
        }
    }

    fn token(&self) -> &Token {
        match self {
            MixedStream::Simple(s) => s.token(),
            MixedStream::Listed { tokens, next } => &tokens[*next - 1],
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self {
            MixedStream::Simple(s) => s.token_mut(),
            MixedStream::Listed { tokens, next } => &mut tokens[*next - 1],
        }
    }
}

/// The tokens of a text that may hold CJK, in position order (tokens at one position:
/// the character first, then the words that start there, shortest first).
pub fn tokens(text: &str, mode: Mode) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut pos = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        let class = script(c);
        if class == Script::Other && !c.is_alphanumeric() {
            chars.next();
            continue;
        }
        // The run of this class (for Other: of alphanumeric characters).
        let mut end = start;
        let mut n = 0usize;
        while let Some(&(i, d)) = chars.peek() {
            let same = match class {
                Script::Other => script(d) == Script::Other && d.is_alphanumeric(),
                k => script(d) == k,
            };
            if !same {
                break;
            }
            end = i + d.len_utf8();
            n += 1;
            chars.next();
        }
        let run = &text[start..end];
        match class {
            Script::Other => {
                out.push(Token {
                    offset_from: start,
                    offset_to: end,
                    position: pos,
                    text: run.chars().map(fold_width).collect(),
                    position_length: 1,
                });
                pos += 1;
            }
            Script::Han => {
                han(run, start, pos, mode, &mut out);
                pos += n;
            }
            Script::Bigram => {
                bigrams(run, start, pos, &mut out);
                pos += n.saturating_sub(1).max(1);
            }
        }
    }
    out
}

fn push(out: &mut Vec<Token>, word: &str, from: usize, position: usize) {
    out.push(Token {
        offset_from: from,
        offset_to: from + word.len(),
        position,
        text: word.to_string(),
        position_length: 1,
    });
}

/// Terms of a Han run starting at byte `base` and position `pos`.
fn han(run: &str, base: usize, pos: usize, mode: Mode, out: &mut Vec<Token>) {
    let jieba = &*JIEBA;
    match mode {
        Mode::Index => {
            let mut words = jieba.cut_all(run);
            words.retain(|t| t.end - t.start >= 2);
            // cut_all lists words by start; stable sort keeps the shorter first.
            words.sort_by_key(|t| (t.start, t.end));
            let mut w = words.iter().peekable();
            for (k, (i, c)) in run.char_indices().enumerate() {
                push(out, &run[i..i + c.len_utf8()], base + i, pos + k);
                while let Some(t) = w.peek() {
                    if t.start != k {
                        break;
                    }
                    push(out, t.word, base + t.byte_start, pos + k);
                    w.next();
                }
            }
        }
        Mode::Query => {
            for t in jieba.cut(run, false) {
                if t.end - t.start >= 2 && jieba.has_word(t.word) {
                    push(out, t.word, base + t.byte_start, pos + t.start);
                } else {
                    for (k, (i, c)) in t.word.char_indices().enumerate() {
                        let from = base + t.byte_start + i;
                        push(out, &t.word[i..i + c.len_utf8()], from, pos + t.start + k);
                    }
                }
            }
        }
    }
}

/// Overlapping bigrams of a kana or hangul run (its one character when alone).
fn bigrams(run: &str, base: usize, pos: usize, out: &mut Vec<Token>) {
    let idx: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain([run.len()])
        .collect();
    if idx.len() == 2 {
        push(out, run, base, pos);
        return;
    }
    for k in 0..idx.len() - 2 {
        push(out, &run[idx[k]..idx[k + 2]], base + idx[k], pos + k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(a: &mut TextAnalyzer, text: &str) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while s.advance() {
            let t = s.token();
            assert_eq!(
                text[t.offset_from..t.offset_to]
                    .chars()
                    .map(fold_width)
                    .collect::<String>()
                    .to_lowercase(),
                t.text.to_lowercase(),
                "{text:?}"
            );
            out.push((t.text.clone(), t.position));
        }
        out
    }

    fn all(a: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while s.advance() {
            let t = s.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    #[test]
    fn english_as_en_stem() {
        let mut ours = analyzer();
        let mut q = query_analyzer();
        let mut theirs = super::super::stem::analyzer();
        for t in [
            "Xunlei's founders were running; the runners ran. RUNNING Runs!",
            "Über-Größe café naïve résumé — “1987” shares, 4.5 pct, U.S. dlrs",
            "",
        ] {
            assert_eq!(all(&mut ours, t), all(&mut theirs, t), "{t:?}");
            assert_eq!(all(&mut q, t), all(&mut theirs, t), "{t:?}");
        }
        // The slow path gives the same English tokens as the fast one.
        let mixed = tokens("Xunlei revenue rose 迅雷", Mode::Index);
        let words: Vec<&str> = mixed.iter().map(|t| t.text.as_str()).take(3).collect();
        assert_eq!(words, ["Xunlei", "revenue", "rose"]);
        assert_eq!(mixed[3].position, 3);
    }

    #[test]
    fn han_index_has_characters_and_every_word() {
        let mut a = analyzer();
        let got = terms(&mut a, "迅雷公司");
        for want in [
            ("迅", 0),
            ("雷", 1),
            ("公", 2),
            ("司", 3),
            ("迅雷", 0),
            ("公司", 2),
        ] {
            assert!(
                got.contains(&(want.0.to_string(), want.1)),
                "{want:?} in {got:?}"
            );
        }
    }

    #[test]
    fn a_query_is_found_inside_any_segmentation() {
        // Every query term must be an index term at the same relative position.
        let texts = [
            "迅雷公司前首席执行官陈磊涉嫌职务侵占，被深圳警方立案侦查。",
            "中华人民共和国国务院发布了新的规定",
            "他说研究生命起源很有意思，和服务员聊天",
        ];
        let queries = [
            "陈磊",
            "迅雷营收",
            "人民共和",
            "生命起源",
            "和服务",
            "深圳警方立案",
        ];
        let mut ix = analyzer();
        let mut qa = query_analyzer();
        for text in texts {
            let index = terms(&mut ix, text);
            for q in queries {
                if !text.contains(q) {
                    continue;
                }
                let qt = terms(&mut qa, q);
                assert!(!qt.is_empty());
                // Punctuation takes no position: find the query's first character.
                let found = index.iter().filter(|t| qt[0].0.starts_with(&t.0)).any(|t| {
                    let shift = t.1 - qt[0].1;
                    qt.iter()
                        .all(|(w, p)| index.contains(&(w.clone(), p + shift)))
                });
                assert!(found, "{q:?} ({qt:?}) not in {text:?}");
            }
        }
    }

    #[test]
    fn query_mixes_scripts() {
        let mut qa = query_analyzer();
        let got: Vec<String> = terms(&mut qa, "迅雷Xunlei公司")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(got, ["迅雷", "xunlei", "公司"]);
        // A word outside jieba's dictionary is asked for as its characters.
        let got: Vec<String> = terms(&mut qa, "营收").into_iter().map(|t| t.0).collect();
        assert_eq!(got, ["营", "收"]);
    }

    #[test]
    fn kana_and_hangul_bigrams() {
        let got: Vec<(String, usize)> = tokens("ソフトバンク 삼성전자", Mode::Query)
            .into_iter()
            .map(|t| (t.text, t.position))
            .collect();
        assert_eq!(got[0], ("ソフ".to_string(), 0));
        assert_eq!(got[4], ("ンク".to_string(), 4));
        assert_eq!(got[5], ("삼성".to_string(), 5));
        assert_eq!(tokens("が", Mode::Index)[0].text, "が");
    }

    #[test]
    fn full_width_letters_fold() {
        let got: Vec<String> = tokens("１９９７年ＧＤＰ", Mode::Index)
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(got[0], "1997");
        assert!(got.contains(&"GDP".to_string()), "{got:?}");
    }
}
