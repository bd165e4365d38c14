//! Language detection: whatlang on a prefix of the clean text → ISO 639-1 (639-3 where
//! no two-letter code exists).

/// How much text whatlang sees: detection cost grows with length, accuracy barely.
const PREFIX_CHARS: usize = 1200;

/// Detect the language of `text`; `None` for text too short or without letters.
pub fn detect(text: &str) -> Option<&'static str> {
    let end = text
        .char_indices()
        .nth(PREFIX_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let prefix = &text[..end];
    if prefix.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let info = whatlang::detect(prefix)?;
    Some(iso639_1(info.lang().code()))
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
    fn nothing_to_detect() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("12 345 — 6%"), None);
    }
}
