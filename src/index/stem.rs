//! The `en_stem` analyzer of the title and body fields: tantivy's own (simple tokenizer,
//! tokens over 40 bytes dropped, lower-cased, English Snowball stemmer), with the stems
//! remembered. News text repeats its words (Zipf), so nearly every token is a word stemmed
//! before; the Snowball stemmer was ≈ 7 % of ingest CPU, a lookup is a fraction of that.
//!
//! It produces exactly the tokens of tantivy's `en_stem` (a test checks), so an index
//! written with either is searched alike, and it is registered under the same name.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    Token, TokenFilter, TokenStream, Tokenizer,
};

/// The name the schema's text fields use.
pub const NAME: &str = "en_stem";

/// Words remembered per thread (each indexing thread has its own memo); the memo starts
/// over when full, so memory stays bounded on any input.
const MEMO_WORDS: usize = 100_000;

/// The analyzer registered as [`NAME`] on every opened index.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(MemoStemmer)
        .build()
}

/// English Snowball stemming with a memo of the words seen.
#[derive(Clone, Copy, Debug)]
pub struct MemoStemmer;

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter { inner }
    }
}

#[derive(Clone)]
pub struct MemoStemmerFilter<T> {
    inner: T,
}

thread_local! {
    /// One memo per thread, kept across documents and segments (tantivy clones the
    /// analyzer for every new segment; a memo in the clone would start empty each time).
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

struct Memo {
    stems: FxHashMap<Box<str>, Box<str>>,
    /// Stems one word: the whole text as one token, through tantivy's stemmer.
    stemmer: TextAnalyzer,
}

impl Default for Memo {
    fn default() -> Self {
        Memo {
            stems: FxHashMap::with_capacity_and_hasher(4096, Default::default()),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
        }
    }
}

impl Memo {
    /// Replace `word` by its stem.
    fn stem(&mut self, word: &mut String) {
        // Snowball leaves words of one or two letters, and numbers, as they are.
        // Nor does it touch CJK terms (from [`super::cjk`]): no lookup for them.
        if word.len() <= 2 || word.bytes().all(|b| b.is_ascii_digit()) || word.as_bytes()[0] >= 0xE1
        {
            return;
        }
        if let Some(s) = self.stems.get(word.as_str()) {
            if **s != **word {
                word.clear();
                word.push_str(s);
            }
            return;
        }
        let mut stream = self.stemmer.token_stream(word);
        let stem: Box<str> = if stream.advance() {
            stream.token().text.as_str().into()
        } else {
            word.as_str().into()
        };
        drop(stream);
        if self.stems.len() >= MEMO_WORDS {
            self.stems.clear();
        }
        let key: Box<str> = word.as_str().into();
        word.clear();
        word.push_str(&stem);
        self.stems.insert(key, stem);
    }
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MemoStemmerStream {
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct MemoStemmerStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for MemoStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let word = &mut self.tail.token_mut().text;
        MEMO.with(|m| m.borrow_mut().stem(word));
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(a: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while s.advance() {
            let t = s.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    #[test]
    fn same_tokens_as_tantivys_en_stem() {
        let mut ours = analyzer();
        let mut theirs = tantivy::tokenizer::TokenizerManager::default()
            .get(NAME)
            .expect("tantivy has en_stem");
        let texts = [
            "Xunlei's founders were running; the runners ran. RUNNING Runs!",
            "Über-Größe café naïve résumé — 1987 shares, 4.5 pct, U.S. dlrs",
            "Chen Lei embezzlement embezzled embezzling generously generalization",
            "is as us ys ies a i 1987 12 0 42s 1980s ås ü",
            &"a".repeat(41),
            "",
            "   ",
        ];
        // Twice over, so the second pass reads every stem from the memo.
        for _ in 0..2 {
            for t in texts {
                assert_eq!(tokens(&mut ours, t), tokens(&mut theirs, t), "{t:?}");
            }
        }
    }

    #[test]
    fn memo_stays_bounded() {
        let mut m = Memo::default();
        for i in 0..MEMO_WORDS + 10 {
            let mut w = format!("word{i}s");
            m.stem(&mut w);
            assert_eq!(w, format!("word{i}"));
        }
        assert!(m.stems.len() <= MEMO_WORDS);
    }
}
