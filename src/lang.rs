//! Language detection: whatlang on a prefix of the clean text → ISO 639-1 (639-3 where
//! no two-letter code exists).

use crate::words::WordSet;
use std::sync::LazyLock;

/// How much text whatlang sees: detection cost grows with length, accuracy barely.
const PREFIX_CHARS: usize = 500;

/// Detect the language of `text`; `None` for text too short or without letters.
pub fn detect(text: &str) -> Option<&'static str> {
    let head = &text.as_bytes()[..text.len().min(PREFIX_CHARS)];
    let end = if head.is_ascii() {
        head.len() // ASCII: the first PREFIX_CHARS chars are as many bytes
    } else {
        text.char_indices()
            .nth(PREFIX_CHARS)
            .map_or(text.len(), |(i, _)| i)
    };
    let prefix = &text[..end];
    // fewer than 3 letters: no language
    prefix.chars().filter(|c| c.is_alphabetic()).nth(2)?;
    if clearly_english(prefix) || english_without_foreign_words(prefix) {
        return Some("en");
    }
    let info = whatlang::detect(prefix)?;
    if info.is_reliable() || info.lang() == whatlang::Lang::Eng {
        return Some(iso639_1(info.lang().code()));
    }
    // An unreliable guess of another language on a short text ("Shr 34 cts vs 1.19 dlrs"
    // taken for Indonesian, a one-line English sentence for French) is no answer: plain
    // ASCII with an English function word is English, anything else stays unknown.
    if prefix.is_ascii() && has_english_marker(prefix) {
        return Some("en");
    }
    None
}

/// English words that Dutch, German and the Romance languages do not share.
const STRONG_ENGLISH: &[&str] = &[
    "the", "and", "that", "said", "with", "from", "which", "would", "this", "were", "have", "has",
];

fn has_english_marker(prefix: &str) -> bool {
    prefix
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.len() <= 6 && STRONG_ENGLISH_SET.contains(w))
}

static STRONG_ENGLISH_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STRONG_ENGLISH));
static FOREIGN_MARKERS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(FOREIGN_MARKERS));
static ENGLISH_MARKERS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ENGLISH_MARKERS));

/// Function words of other languages written in Latin letters (some are English words
/// too: a hit only sends the text on to whatlang).
const FOREIGN_MARKERS: &[&str] = &[
    "de", "la", "le", "les", "des", "du", "el", "los", "las", "del", "al", "der", "die", "das",
    "und", "ist", "nicht", "een", "het", "van", "og", "och", "et", "y", "que", "che", "di", "il",
    "una", "uno", "por", "para", "sur", "dans", "pour", "con", "da", "em", "um", "na", "no", "se",
    "yang", "dan", "ini", "itu", "ang", "ng", "mga", "ve", "bir", "bu", "ja", "az", "ett", "er",
    "en", "je", "za", "od", "w", "z", "i", "a", "e", "o", "si", "ki", "va",
];

/// The short and table-like texts the fast path leaves (Reuters: a third of all items):
/// plain ASCII with two or more of [`STRONG_ENGLISH`] and no function word of another
/// language is English.
fn english_without_foreign_words(prefix: &str) -> bool {
    if !prefix.is_ascii() {
        return false;
    }
    let mut strong = 0;
    for w in prefix
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 6)
    {
        if FOREIGN_MARKERS_SET.contains(w) {
            return false;
        }
        if STRONG_ENGLISH_SET.contains(w) {
            strong += 1;
        }
    }
    strong >= 2
}

/// English function words that no other language uses as words of its own.
const ENGLISH_MARKERS: &[&str] = &[
    "the", "of", "and", "to", "that", "is", "was", "with", "for", "said", "it", "by", "from",
    "has", "have", "were", "which", "this", "its", "would",
];

/// A fast path for the common case (whatlang costs ~100 µs a call, mostly fixed): a
/// prefix of at least 25 words where more than one word in six is an English function
/// word is English. Text that is not clearly English goes to whatlang.
fn clearly_english(prefix: &str) -> bool {
    let mut words = 0usize;
    let mut markers = 0usize;
    for w in prefix
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if w.len() <= 5 && ENGLISH_MARKERS_SET.contains(w) {
            markers += 1;
        }
    }
    words >= 25 && markers * 6 > words
}

/// whatlang's ISO 639-3 code → ISO 639-1 where one exists.
pub fn iso639_1(code3: &'static str) -> &'static str {
    match code3 {
        "epo" => "eo",
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        "cym" => "cy",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        let cases = [
            ("The company said on Monday that its revenue fell sharply in the fourth quarter.", "en"),
            ("Das Unternehmen teilte am Montag mit, dass der Umsatz im vierten Quartal deutlich gesunken ist.", "de"),
            ("La empresa dijo el lunes que sus ingresos cayeron bruscamente en el cuarto trimestre.", "es"),
            ("迅雷公司周一表示，第四季度收入大幅下降，净亏损进一步扩大。", "zh"),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), Some(want), "{text}");
        }
    }

    #[test]
    fn the_english_fast_path_leaves_other_languages_alone() {
        let en = "The company said on Monday that it would cut 500 jobs at its plant in Ohio, and that the decision was made with the approval of the board, which met last week.";
        assert!(clearly_english(en));
        let not_en = [
            "Das Unternehmen teilte am Montag mit, dass es 500 Stellen in seinem Werk in Ohio streichen werde und dass die Entscheidung mit Zustimmung des Vorstands getroffen wurde, der sich letzte Woche traf.",
            "La empresa dijo el lunes que recortaría 500 empleos en su planta de Ohio y que la decisión se tomó con la aprobación del consejo, que se reunió la semana pasada para discutir el tema.",
            "L'entreprise a déclaré lundi qu'elle supprimerait 500 emplois dans son usine de l'Ohio et que la décision avait été prise avec l'accord du conseil, qui s'est réuni la semaine dernière.",
            "Het bedrijf zei maandag dat het 500 banen zou schrappen in zijn fabriek in Ohio en dat het besluit was genomen met de goedkeuring van het bestuur, dat vorige week bijeenkwam om te praten.",
        ];
        for t in not_en {
            assert!(!clearly_english(t), "{t}");
            assert_ne!(detect(t), Some("en"), "{t}");
        }
    }

    #[test]
    fn short_texts_are_english_or_unknown_not_a_guess() {
        assert_eq!(detect("The deal is worth $ 12,345."), Some("en"));
        for t in [
            "Shr 34 cts vs 1.19 dlrs",
            "Net 807,000 vs 2,858,000 Revs 25.2 mln",
        ] {
            assert!(matches!(detect(t), Some("en") | None), "{t}");
        }
        assert_eq!(detect("Het bedrijf is groot."), None);
    }

    #[test]
    fn short_english_needs_two_english_words_and_no_foreign_one() {
        assert!(english_without_foreign_words(
            "Net profit rose to 5 mln dlrs from 4 mln, the company said."
        ));
        for t in [
            "Shr 34 cts vs 1.19 dlrs",
            "Bank of Tokyo said",
            "Het bedrijf zei dat the omzet steeg with 5 pct.",
            "Perusahaan itu mengatakan bahwa the laba naik with 5 persen dan said.",
            "Sinabi ng kumpanya na the kita ay tumaas with 5 porsyento.",
            "La empresa dijo que the ingresos with subieron.",
            "Die Firma sagte, the Umsatz sei with gestiegen.",
        ] {
            assert!(!english_without_foreign_words(t), "{t}");
        }
    }

    #[test]
    fn nothing_to_detect() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("12 345 — 6%"), None);
    }
}
