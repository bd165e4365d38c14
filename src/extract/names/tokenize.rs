//! Tokenizer and sentence splitter that keep byte offsets.
//!
//! Tokenisation follows the CoNLL-2003 conventions the tagger was trained on:
//! possessives and contractions split off (`Chen Lei’s` → `Chen` `Lei` `’s`), initials and
//! known abbreviations keep their period (`U.S.`, `Mr.`, `Inc.`), numbers keep their
//! separators (`1,000.5`, `1996-08-22`), hyphenated words stay whole, and every quote or
//! other punctuation mark is a token of its own (`R & D` → `R` `&` `D`).

/// A token: `text[start..end]` (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "inc", "corp", "ltd", "co", "jr", "sr", "st", "gen", "sen",
    "rep", "gov", "lt", "col", "capt", "sgt", "mt", "ft", "vs", "etc", "no", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rev", "hon", "bros", "messrs",
    "mme", "mlle", "ave", "blvd", "dept", "univ", "assn", "adm", "cmdr", "maj", "pres", "supt",
    "det", "insp", "plc", "cie", "pty", "bhd", "nv", "ag", "sa", "esq", "fig", "approx", "est",
    "vol", "pp", "e.g", "i.e", "a.m", "p.m",
];

/// Is `word` (without its trailing period) an abbreviation that keeps the period?
pub fn is_abbreviation(word: &str) -> bool {
    let n = word.chars().count();
    if n == 0 {
        return false;
    }
    // Initials: "J", "U.S", "U.K", "a.m"
    if word.contains('.') {
        return word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(|c| c.is_alphabetic()));
    }
    if n == 1 {
        return word.chars().all(|c| c.is_uppercase());
    }
    if n > 6 {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}' || c == '\u{2018}' || c == '`' || c == '\u{02BC}'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{00AD}'
}

/// Length in bytes of a clitic starting at an apostrophe at `rest` (`’s`, `'re`, …), when
/// the clitic ends at a non-word character.
fn clitic_len(rest: &str) -> Option<usize> {
    let mut it = rest.char_indices();
    let (_, a) = it.next()?;
    if !is_apostrophe(a) {
        return None;
    }
    let after = &rest[a.len_utf8()..];
    for cl in ["s", "re", "ve", "ll", "d", "m"] {
        if after
            .as_bytes()
            .get(..cl.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(cl.as_bytes()))
        {
            let next = after[cl.len()..].chars().next();
            if next.is_none_or(|c| !is_word_char(c)) {
                return Some(a.len_utf8() + cl.len());
            }
        }
    }
    None
}

/// Split `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Split `text` into tokens, appending to `out`.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let mut i = 0;
    let n = text.len();
    while i < n {
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        let cl = c.len_utf8();
        if c.is_whitespace() || c.is_control() {
            i += cl;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let mut j = i + cl;
            while j < n {
                let d = text[j..].chars().next().unwrap();
                let dl = d.len_utf8();
                if is_word_char(d) {
                    j += dl;
                    continue;
                }
                let next = text[j + dl..].chars().next();
                let prev = text[..j].chars().next_back().unwrap();
                match d {
                    '.' if next.is_some_and(|x| x.is_alphanumeric()) => {
                        // 21.9, U.S, www.x.com — but not "end.Next" (a missing space)
                        let nx = next.unwrap();
                        if prev.is_ascii_digit() && nx.is_ascii_digit()
                            || prev.is_alphabetic()
                                && (nx.is_lowercase()
                                    || text[start..j]
                                        .rsplit('.')
                                        .next()
                                        .is_some_and(|p| p.chars().count() <= 2))
                        {
                            j += dl;
                            continue;
                        }
                        break;
                    }
                    ',' if prev.is_ascii_digit()
                        && next.is_some_and(|x| x.is_ascii_digit())
                        && b.get(j + 1..j + 4)
                            .is_some_and(|s| s.iter().all(|x| x.is_ascii_digit())) =>
                    {
                        j += dl;
                        continue;
                    }
                    '-' | '\u{2010}' | '\u{2011}' | '_' if next.is_some_and(is_word_char) => {
                        j += dl;
                        continue;
                    }
                    '&' if prev.is_uppercase() && next.is_some_and(|x| x.is_uppercase()) => {
                        j += dl;
                        continue;
                    }
                    d if is_apostrophe(d) => {
                        // n't
                        if (prev == 'n' || prev == 'N')
                            && next.is_some_and(|x| x == 't' || x == 'T')
                            && text[j + dl + 1..]
                                .chars()
                                .next()
                                .is_none_or(|x| !is_word_char(x))
                        {
                            let nstart = j - 1;
                            if nstart > start {
                                out.push(Token { start, end: nstart });
                            }
                            out.push(Token {
                                start: nstart,
                                end: j + dl + 1,
                            });
                            i = j + dl + 1;
                            j = usize::MAX;
                            break;
                        }
                        if clitic_len(&text[j..]).is_some() {
                            break;
                        }
                        if next.is_some_and(|x| x.is_alphabetic()) {
                            // O'Neil, d'Alene
                            j += dl;
                            continue;
                        }
                        break;
                    }
                    _ => break,
                }
            }
            if j == usize::MAX {
                continue;
            }
            // Abbreviation period
            if j < n && b[j] == b'.' && is_abbreviation(&text[start..j]) {
                j += 1;
            }
            out.push(Token { start, end: j });
            i = j;
            continue;
        }
        if is_apostrophe(c) {
            if let Some(l) = clitic_len(&text[i..]) {
                // Only a clitic after a word
                if i > 0
                    && text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|p| is_word_char(p) || p == '.')
                {
                    out.push(Token {
                        start: i,
                        end: i + l,
                    });
                    i += l;
                    continue;
                }
            }
        }
        // Runs of the same punctuation: "...", "--", "!!"
        if matches!(c, '.' | '-' | '!' | '?' | '*' | '=') {
            let mut j = i + cl;
            while j < n && b[j] == c as u8 {
                j += 1;
            }
            out.push(Token { start: i, end: j });
            i = j;
            continue;
        }
        out.push(Token {
            start: i,
            end: i + cl,
        });
        i += cl;
    }
}

fn starts_upper_or_digit(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "'" | "\u{201D}" | "\u{2019}" | ")" | "]" | "»")
}

fn is_opening(s: &str) -> bool {
    matches!(s, "\"" | "'" | "\u{201C}" | "\u{2018}" | "(" | "[" | "«")
}

/// Split tokens into sentences: returns token index ranges. Breaks at paragraph breaks
/// (a blank line), after `.`/`!`/`?` (and closing quotes) followed by a capital, digit or
/// opening quote, and after 150 tokens at most.
pub fn sentences(text: &str, toks: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut s = 0;
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let t = &text[toks[i].start..toks[i].end];
        let mut brk = false;
        let mut end = i + 1;
        if i + 1 < n {
            let gap = &text[toks[i].end..toks[i + 1].start];
            if gap.matches('\n').count() >= 2 {
                brk = true;
            } else if matches!(t, "." | "!" | "?" | "..." | "!!" | "??" | ";")
                || (t.ends_with('.') && t.len() > 2 && !is_abbreviation(&t[..t.len() - 1]))
            {
                // absorb closing quotes / brackets
                while end < n
                    && toks[end].start == toks[end - 1].end
                    && is_closing(&text[toks[end].start..toks[end].end])
                {
                    end += 1;
                }
                if end < n {
                    let nt = &text[toks[end].start..toks[end].end];
                    let spaced = toks[end].start > toks[end - 1].end;
                    brk = t != ";"
                        && spaced
                        && (starts_upper_or_digit(nt) || is_opening(nt) || gap.contains('\n'));
                }
            }
        }
        if !brk {
            end = i + 1;
        }
        if brk || end >= n || end - s >= 150 {
            out.push(s..end);
            s = end;
        }
        i = end;
    }
    if s < n {
        out.push(s..n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Chen Lei’s case", &["Chen", "Lei", "’s", "case"]),
            ("Chen Lei's case", &["Chen", "Lei", "'s", "case"]),
            (
                "the U.S. and U.K. economy",
                &["the", "U.S.", "and", "U.K.", "economy"],
            ),
            ("R & D spending", &["R", "&", "D", "spending"]),
            ("AT&T rose 21.9%", &["AT&T", "rose", "21.9", "%"]),
            (
                "“Hello,” he said.",
                &["“", "Hello", ",", "”", "he", "said", "."],
            ),
            ("Mr. Chen left.", &["Mr.", "Chen", "left", "."]),
            ("don't go", &["do", "n't", "go"]),
            ("O'Neil won $1,000.5", &["O'Neil", "won", "$", "1,000.5"]),
            ("year-on-year 1996-08-22", &["year-on-year", "1996-08-22"]),
            ("XUNLEI SHARES FALL", &["XUNLEI", "SHARES", "FALL"]),
            ("'quoted' text", &["'", "quoted", "'", "text"]),
            ("wait...what", &["wait", "...", "what"]),
            ("HK$5", &["HK", "$", "5"]),
            ("Ibrahim al-Jaafari", &["Ibrahim", "al-Jaafari"]),
            ("J. Smith", &["J.", "Smith"]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "{text}");
        }
    }

    #[test]
    fn offsets_slice_text() {
        let text = "« Ça va », dit M. Lefèvre — 5 €.";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(!text[t.start..t.end].trim().is_empty());
        }
    }

    #[test]
    fn sentence_split() {
        let text =
            "Mr. Chen left the U.S. on Monday. He returned. \"Why?\" she asked.\n\nNEW PARA here";
        let toks = tokenize(text);
        let ss = sentences(text, &toks);
        let got: Vec<String> = ss
            .iter()
            .map(|r| text[toks[r.start].start..toks[r.end - 1].end].to_string())
            .collect();
        assert_eq!(
            got,
            vec![
                "Mr. Chen left the U.S. on Monday.",
                "He returned.",
                "\"Why?\" she asked.",
                "NEW PARA here"
            ]
        );
    }
}
