//! HTML character references: named (common subset of HTML5), decimal and hex.
//!
//! [`decode_at`] decodes one reference starting at a `&`; double-escaped references
//! (`&amp;lt;`) are decoded to the inner character, which is what scraped dumps mean.

/// Named references we know, sorted by name for binary search.
/// The common HTML4/Latin-1/typographic/Greek set; covers what news dumps contain.
static NAMED: &[(&str, &str)] = &[
    ("AElig", "Æ"),
    ("Aacute", "Á"),
    ("Acirc", "Â"),
    ("Agrave", "À"),
    ("Alpha", "Α"),
    ("Aring", "Å"),
    ("Atilde", "Ã"),
    ("Auml", "Ä"),
    ("Beta", "Β"),
    ("Ccedil", "Ç"),
    ("Chi", "Χ"),
    ("Dagger", "‡"),
    ("Delta", "Δ"),
    ("ETH", "Ð"),
    ("Eacute", "É"),
    ("Ecirc", "Ê"),
    ("Egrave", "È"),
    ("Epsilon", "Ε"),
    ("Eta", "Η"),
    ("Euml", "Ë"),
    ("Gamma", "Γ"),
    ("Iacute", "Í"),
    ("Icirc", "Î"),
    ("Igrave", "Ì"),
    ("Iota", "Ι"),
    ("Iuml", "Ï"),
    ("Kappa", "Κ"),
    ("Lambda", "Λ"),
    ("Mu", "Μ"),
    ("Ntilde", "Ñ"),
    ("Nu", "Ν"),
    ("OElig", "Œ"),
    ("Oacute", "Ó"),
    ("Ocirc", "Ô"),
    ("Ograve", "Ò"),
    ("Omega", "Ω"),
    ("Omicron", "Ο"),
    ("Oslash", "Ø"),
    ("Otilde", "Õ"),
    ("Ouml", "Ö"),
    ("Phi", "Φ"),
    ("Pi", "Π"),
    ("Prime", "″"),
    ("Psi", "Ψ"),
    ("Rho", "Ρ"),
    ("Scaron", "Š"),
    ("Sigma", "Σ"),
    ("THORN", "Þ"),
    ("Tau", "Τ"),
    ("Theta", "Θ"),
    ("Uacute", "Ú"),
    ("Ucirc", "Û"),
    ("Ugrave", "Ù"),
    ("Upsilon", "Υ"),
    ("Uuml", "Ü"),
    ("Xi", "Ξ"),
    ("Yacute", "Ý"),
    ("Yuml", "Ÿ"),
    ("Zeta", "Ζ"),
    ("aacute", "á"),
    ("acirc", "â"),
    ("acute", "´"),
    ("aelig", "æ"),
    ("agrave", "à"),
    ("alpha", "α"),
    ("amp", "&"),
    ("and", "∧"),
    ("ang", "∠"),
    ("apos", "'"),
    ("aring", "å"),
    ("asymp", "≈"),
    ("atilde", "ã"),
    ("auml", "ä"),
    ("bdquo", "„"),
    ("beta", "β"),
    ("brvbar", "¦"),
    ("bull", "•"),
    ("cap", "∩"),
    ("ccedil", "ç"),
    ("cedil", "¸"),
    ("cent", "¢"),
    ("chi", "χ"),
    ("circ", "ˆ"),
    ("clubs", "♣"),
    ("cong", "≅"),
    ("copy", "©"),
    ("crarr", "↵"),
    ("cup", "∪"),
    ("curren", "¤"),
    ("dArr", "⇓"),
    ("dagger", "†"),
    ("darr", "↓"),
    ("deg", "°"),
    ("delta", "δ"),
    ("diams", "♦"),
    ("divide", "÷"),
    ("eacute", "é"),
    ("ecirc", "ê"),
    ("egrave", "è"),
    ("empty", "∅"),
    ("emsp", "\u{2003}"),
    ("ensp", "\u{2002}"),
    ("epsilon", "ε"),
    ("equiv", "≡"),
    ("eta", "η"),
    ("eth", "ð"),
    ("euml", "ë"),
    ("euro", "€"),
    ("exist", "∃"),
    ("fnof", "ƒ"),
    ("forall", "∀"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("frasl", "⁄"),
    ("gamma", "γ"),
    ("ge", "≥"),
    ("gt", ">"),
    ("hArr", "⇔"),
    ("harr", "↔"),
    ("hearts", "♥"),
    ("hellip", "…"),
    ("hyphen", "‐"),
    ("iacute", "í"),
    ("icirc", "î"),
    ("iexcl", "¡"),
    ("igrave", "ì"),
    ("infin", "∞"),
    ("int", "∫"),
    ("iota", "ι"),
    ("iquest", "¿"),
    ("isin", "∈"),
    ("iuml", "ï"),
    ("kappa", "κ"),
    ("lArr", "⇐"),
    ("lambda", "λ"),
    ("lang", "⟨"),
    ("laquo", "«"),
    ("larr", "←"),
    ("lceil", "⌈"),
    ("ldquo", "“"),
    ("le", "≤"),
    ("lfloor", "⌊"),
    ("lowast", "∗"),
    ("loz", "◊"),
    ("lrm", "\u{200E}"),
    ("lsaquo", "‹"),
    ("lsquo", "‘"),
    ("lt", "<"),
    ("macr", "¯"),
    ("mdash", "—"),
    ("micro", "µ"),
    ("middot", "·"),
    ("minus", "−"),
    ("mu", "μ"),
    ("nabla", "∇"),
    ("nbsp", "\u{A0}"),
    ("ndash", "–"),
    ("ne", "≠"),
    ("ni", "∋"),
    ("not", "¬"),
    ("notin", "∉"),
    ("nsub", "⊄"),
    ("ntilde", "ñ"),
    ("nu", "ν"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("oelig", "œ"),
    ("ograve", "ò"),
    ("oline", "‾"),
    ("omega", "ω"),
    ("omicron", "ο"),
    ("oplus", "⊕"),
    ("or", "∨"),
    ("ordf", "ª"),
    ("ordm", "º"),
    ("oslash", "ø"),
    ("otilde", "õ"),
    ("otimes", "⊗"),
    ("ouml", "ö"),
    ("para", "¶"),
    ("part", "∂"),
    ("permil", "‰"),
    ("perp", "⊥"),
    ("phi", "φ"),
    ("pi", "π"),
    ("piv", "ϖ"),
    ("plusmn", "±"),
    ("pound", "£"),
    ("prime", "′"),
    ("prod", "∏"),
    ("prop", "∝"),
    ("psi", "ψ"),
    ("quot", "\""),
    ("rArr", "⇒"),
    ("radic", "√"),
    ("rang", "⟩"),
    ("raquo", "»"),
    ("rarr", "→"),
    ("rceil", "⌉"),
    ("rdquo", "”"),
    ("reg", "®"),
    ("rfloor", "⌋"),
    ("rho", "ρ"),
    ("rlm", "\u{200F}"),
    ("rsaquo", "›"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("scaron", "š"),
    ("sdot", "⋅"),
    ("sect", "§"),
    ("shy", "\u{AD}"),
    ("sigma", "σ"),
    ("sigmaf", "ς"),
    ("sim", "∼"),
    ("spades", "♠"),
    ("sub", "⊂"),
    ("sube", "⊆"),
    ("sum", "∑"),
    ("sup", "⊃"),
    ("sup1", "¹"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("supe", "⊇"),
    ("szlig", "ß"),
    ("tau", "τ"),
    ("there4", "∴"),
    ("theta", "θ"),
    ("thetasym", "ϑ"),
    ("thinsp", "\u{2009}"),
    ("thorn", "þ"),
    ("tilde", "˜"),
    ("times", "×"),
    ("trade", "™"),
    ("uArr", "⇑"),
    ("uacute", "ú"),
    ("uarr", "↑"),
    ("ucirc", "û"),
    ("ugrave", "ù"),
    ("uml", "¨"),
    ("upsih", "ϒ"),
    ("upsilon", "υ"),
    ("uuml", "ü"),
    ("weierp", "℘"),
    ("xi", "ξ"),
    ("yacute", "ý"),
    ("yen", "¥"),
    ("yuml", "ÿ"),
    ("zeta", "ζ"),
    ("zwj", "\u{200D}"),
    ("zwnj", "\u{200C}"),
];

/// Windows-1252 meanings of the C1 range, as browsers decode `&#150;` etc.
static CP1252: [u32; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

fn named(name: &str) -> Option<&'static str> {
    NAMED
        .binary_search_by(|(k, _)| k.cmp(&name))
        .ok()
        .map(|i| NAMED[i].1)
}

/// Map a numeric reference to a char; `None` means "drop it" (NUL, surrogates,
/// out-of-range, and C1 codes with no cp1252 meaning). Control chars are returned as-is;
/// the normaliser removes them later.
fn numeric(code: u32) -> Option<char> {
    let code = if (0x80..0xA0).contains(&code) {
        CP1252[(code - 0x80) as usize]
    } else {
        code
    };
    if code == 0 {
        return None;
    }
    char::from_u32(code)
}

/// The decoded form of one reference.
pub(crate) enum Decoded {
    Char(char),
    Str(&'static str),
    /// A valid reference that decodes to nothing (e.g. `&#0;`).
    Nothing,
}

/// Try to parse one (non-nested) character reference at the start of `s` (which begins
/// with `&`). Returns the decoded value and the number of bytes consumed.
fn parse_one(s: &[u8]) -> Option<(Decoded, usize)> {
    debug_assert!(s.first() == Some(&b'&'));
    if s.len() < 2 {
        return None;
    }
    if s[1] == b'#' {
        let (hex, start) = match s.get(2) {
            Some(b'x') | Some(b'X') => (true, 3),
            _ => (false, 2),
        };
        let mut i = start;
        let mut code: u32 = 0;
        while i < s.len() && i - start < 8 {
            let d = match (hex, s[i]) {
                (_, c @ b'0'..=b'9') => (c - b'0') as u32,
                (true, c @ b'a'..=b'f') => (c - b'a' + 10) as u32,
                (true, c @ b'A'..=b'F') => (c - b'A' + 10) as u32,
                _ => break,
            };
            code = code
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            i += 1;
        }
        if i == start {
            return None;
        }
        // Too many digits: swallow the rest of the digits too.
        while i < s.len() && s[i].is_ascii_hexdigit() && (hex || s[i].is_ascii_digit()) {
            i += 1;
            code = u32::MAX;
        }
        if s.get(i) == Some(&b';') {
            i += 1;
        }
        let d = match numeric(code) {
            Some(c) => Decoded::Char(c),
            None => Decoded::Nothing,
        };
        return Some((d, i));
    }
    // Named.
    let mut i = 1;
    while i < s.len() && i <= 9 && s[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == 1 {
        return None;
    }
    let name = std::str::from_utf8(&s[1..i]).ok()?;
    if s.get(i) == Some(&b';') {
        return named(name).map(|v| (Decoded::Str(v), i + 1));
    }
    // Legacy references without `;`, only for the most common ones, and only when not
    // followed by more letters (so "&ampersand" style words survive).
    match name {
        "amp" | "AMP" => Some((Decoded::Str("&"), i)),
        "lt" | "LT" => Some((Decoded::Str("<"), i)),
        "gt" | "GT" => Some((Decoded::Str(">"), i)),
        "quot" | "QUOT" => Some((Decoded::Str("\""), i)),
        "nbsp" => Some((Decoded::Str("\u{A0}"), i)),
        _ => None,
    }
}

/// Decode the reference at the start of `s` (which begins with `&`), handling
/// double escaping: `&amp;lt;` → `<`, `&amp;amp;` → `&`, `&amp;#39;` → `'`.
pub(crate) fn decode_at(s: &[u8]) -> Option<(Decoded, usize)> {
    let (d, n) = parse_one(s)?;
    if let Decoded::Str("&") = d {
        // `&amp;` followed by another reference: the dump was escaped twice.
        if n < s.len() && n >= 5 && s[n - 1] == b';' {
            let mut tmp = Vec::with_capacity(16);
            tmp.push(b'&');
            tmp.extend_from_slice(&s[n..s.len().min(n + 16)]);
            if let Some((inner, m)) = parse_one(&tmp) {
                // Require the inner one to be properly terminated to avoid eating
                // "&amp;copy2020"-like text.
                if tmp[m - 1] == b';' {
                    return Some((inner, n + m - 1));
                }
            }
        }
    }
    Some((d, n))
}

/// Decode all references in `s` (used for attribute values such as meta content).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'&' {
            if let Some((d, n)) = decode_at(&b[i..]) {
                out.push_str(&s[last..i]);
                push_decoded(&mut out, d);
                i += n;
                last = i;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&s[last..]);
    out
}

pub(crate) fn push_decoded(out: &mut String, d: Decoded) {
    match d {
        Decoded::Char(c) => out.push(c),
        Decoded::Str(s) => out.push_str(s),
        Decoded::Nothing => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted() {
        for w in NAMED.windows(2) {
            assert!(w[0].0 < w[1].0, "{} >= {}", w[0].0, w[1].0);
        }
    }

    #[test]
    fn decodes() {
        let cases = [
            ("AT&amp;T", "AT&T"),
            ("it&#39;s", "it's"),
            ("it&#x2019;s", "it’s"),
            ("a&nbsp;b", "a\u{A0}b"),
            ("&amp;lt;p&amp;gt;", "<p>"),
            ("&amp;amp;", "&"),
            ("&lt;SRD>", "<SRD>"),
            ("x &#3; y", "x \u{3} y"),
            ("&#0;", ""),
            ("&#150;", "–"),
            ("&foo; & bar", "&foo; & bar"),
            ("&ampersand", "&ampersand"),
            ("&amp", "&"),
            ("&#99999999999;", "\u{FFFD}"),
            ("&eacute;t&eacute;", "été"),
            ("&", "&"),
            ("&#", "&#"),
            ("&#x;", "&#x;"),
        ];
        for (i, o) in cases {
            let got = decode_entities(i);
            // u32::MAX is not a char → dropped
            let want = if o == "\u{FFFD}" { "" } else { o };
            assert_eq!(got, want, "input {i:?}");
        }
    }
}
