//! Currencies: the symbols (`$`, `€`, `元`), ISO 4217 codes (`USD`, `RMB`, `MUSD`), the
//! currency words of news text ("dollars", "Swiss francs", "cts") with their minor units,
//! and which dollar or peso a bare name means in a text (the dateline's, the country's).

use super::iso4217::ISO4217;
use super::names::{NOUNS, PAIRS};
use crate::extract::numeral;
use std::sync::LazyLock;

/// Currency symbols (the whole symbol, as written) and their ISO code.
pub(super) const SYMBOLS: &[(&str, &str)] = &[
    ("E£", "EGP"),
    ("CN¥", "CNY"),
    ("JP¥", "JPY"),
    ("GH₵", "GHS"),
    ("₵", "GHS"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₺", "TRY"),
    ("₫", "VND"),
    ("฿", "THB"),
    ("₱", "PHP"),
    ("₦", "NGN"),
    ("₪", "ILS"),
    ("₡", "CRC"),
    ("₾", "GEL"),
    ("₭", "LAK"),
    ("₴", "UAH"),
    ("₸", "KZT"),
    ("₼", "AZN"),
    ("৳", "BDT"),
    ("₮", "MNT"),
    ("₨", "INR"),
    ("ரூ", "LKR"),
    ("රු", "LKR"),
    ("元", "CNY"),
    ("￥", "CNY"),
    ("人民币", "CNY"),
];

/// Letters written before a `$` and the dollar they mean (lowercase, dots removed).
pub(super) fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "usd" => "USD",
        "hk" | "hkd" => "HKD",
        "c" | "ca" | "can" | "cad" | "cdn" => "CAD",
        "a" | "au" | "aud" => "AUD",
        "nz" | "nzd" => "NZD",
        "s" | "sg" | "sgd" => "SGD",
        "r" => "BRL",
        "mex" | "mx" | "mxn" => "MXN",
        "nt" | "twd" => "TWD",
        "z" => "ZWD",
        _ => return None,
    })
}

/// ISO 4217 codes (and RMB) we accept written as words before or after a number.
pub(super) fn iso_code(w: &str) -> Option<&'static str> {
    let mut buf = [0u8; 16];
    let n = numeral::lower_buf(w, &mut buf)?;
    let lw = std::str::from_utf8(&buf[..n]).ok()?;
    Some(match lw {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "hkd" => "HKD",
        "chf" => "CHF",
        "aud" => "AUD",
        "cad" => "CAD",
        "nzd" => "NZD",
        "inr" => "INR",
        "krw" => "KRW",
        "sgd" => "SGD",
        "twd" => "TWD",
        "sek" => "SEK",
        "nok" => "NOK",
        "dkk" => "DKK",
        "rub" => "RUB",
        "brl" => "BRL",
        "mxn" => "MXN",
        "zar" => "ZAR",
        "try" => return None,
        "idr" => "IDR",
        "myr" => "MYR",
        "thb" => "THB",
        "php" => "PHP",
        "pln" => "PLN",
        "huf" => "HUF",
        "czk" => "CZK",
        "aed" => "AED",
        "sar" => "SAR",
        "ils" => "ILS",
        "ngn" => "NGN",
        "egp" => "EGP",
        _ => return None,
    })
}

/// Any active ISO 4217 code ([`ISO4217`]), written in capitals ("UAH", "KWD", "XOF"):
/// the codes that are also English words or common names in capitals ("ALL", "TOP",
/// "CUP", "AMD") are left out, and so are the units without a minor unit (gold, SDR).
pub(super) fn iso_upper(orig: &str) -> Option<&'static str> {
    if orig.len() != 3 || !orig.bytes().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    if matches!(
        orig,
        "ALL"
            | "TOP"
            | "CUP"
            | "MAD"
            | "BOB"
            | "SOS"
            | "TRY"
            | "GEL"
            | "MOP"
            | "BAM"
            | "BSD"
            | "PEN"
            | "AMD"
            | "CVE"
            | "SLE"
            | "LSL"
            | "ERN"
            | "NIO"
            | "BOV"
            | "COU"
            | "CHE"
            | "CHW"
    ) {
        return None;
    }
    let i = ISO4217.binary_search_by(|e| e.0.cmp(orig)).ok()?;
    let (code, _, exp) = ISO4217[i];
    (exp >= 0).then_some(code)
}

/// The minor-unit exponent of an ISO code (2 for USD, 3 for KWD, 0 for JPY); 2 when
/// unknown.
pub(super) fn exponent(code: &str) -> i32 {
    ISO4217
        .binary_search_by(|e| e.0.cmp(code))
        .map_or(2, |i| i32::from(ISO4217[i].2.max(0)))
}

/// An ISO currency noun as news writes it after an amount ("ringgit", "dinars",
/// "kroner"): (its singular, the currency a bare one means, guarded: also plain English).
pub(super) fn noun(w: &str) -> Option<(&'static str, &'static str, bool)> {
    // most words after a number are no currency: the first byte rules them out without
    // a search (the tables are sorted, so each first byte is one run of rows)
    let (lo, hi) = NOUN_RUNS[usize::from(*w.as_bytes().first()?)];
    let run = &NOUNS[usize::from(lo)..usize::from(hi)];
    let i = run.binary_search_by(|e| e.0.cmp(w)).ok()?;
    let (_, sing, code, guarded) = run[i];
    Some((sing, code, guarded))
}

/// For each first byte, the rows `lo..hi` of a sorted table whose key starts with it.
fn runs_by_first_byte<'a>(keys: impl Iterator<Item = &'a str>) -> [(u16, u16); 256] {
    let mut runs = [(0u16, 0u16); 256];
    for (i, k) in keys.enumerate() {
        let i = u16::try_from(i).expect("currency tables have fewer than 65,536 rows");
        let Some(&b) = k.as_bytes().first() else {
            continue;
        };
        let r = &mut runs[usize::from(b)];
        if r.0 == r.1 {
            *r = (i, i + 1);
        } else {
            r.1 = i + 1;
        }
    }
    runs
}

static NOUN_RUNS: LazyLock<[(u16, u16); 256]> =
    LazyLock::new(|| runs_by_first_byte(NOUNS.iter().map(|e| e.0)));
static PAIR_RUNS: LazyLock<[(u16, u16); 256]> =
    LazyLock::new(|| runs_by_first_byte(PAIRS.iter().map(|e| e.0)));

/// An adjective and a singular currency noun: "kuwaiti" + "dinar" is KWD.
fn pair(adj: &str, sing: &str) -> Option<&'static str> {
    let i = PAIRS
        .binary_search_by(|e| (e.0, e.1).cmp(&(adj, sing)))
        .ok()?;
    Some(PAIRS[i].2)
}

/// The minor units that news names in words, after the main amount or alone ("20
/// kopecks", "50 sen"), with the currency a bare one means; worth 10^-exponent of it.
pub(super) fn minor_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "kopiyka" | "kopiykas" | "kopiyok" | "kopiyky" => "UAH",
        "kopeck" | "kopecks" | "kopek" | "kopeks" | "kopeyka" | "kopeyki" => "RUB",
        "paise" | "paisa" => "INR",
        "halala" | "halalas" | "halalah" | "halalat" => "SAR",
        "fils" => "AED",
        "satang" => "THB",
        "agorot" | "agora" | "agoras" => "ILS",
        "kurus" | "kuruş" => "TRY",
        "groszy" | "grosz" | "grosze" => "PLN",
        "sen" => "MYR",
        "piastres" | "piasters" | "piastre" | "piaster" => "EGP",
        "centavos" | "centavo" => "MXN",
        "centimes" | "centime" | "rappen" => "CHF",
        "haleru" | "halers" | "haler" => "CZK",
        _ => return None,
    })
}

/// Local abbreviations written before an amount, case as written: "RM5 million"
/// (ringgit), "SR 100" (riyal), "Dh5m", "NIS 50", "LE 200", "Rp 5 trillion", "KSh 300",
/// "Tk 50", "TL 20". (`R` alone is the rand only glued to a scaled or
/// grouped amount; see the rule.)
pub(super) fn abbr_before(orig: &str) -> Option<&'static str> {
    Some(match orig {
        "RM" => "MYR",
        "SR" => "SAR",
        "Dh" | "Dhs" => "AED",
        "NIS" => "ILS",
        "LE" => "EGP",
        "Rp" => "IDR",
        "KSh" | "Ksh" => "KES",
        "Tk" => "BDT",
        "TL" => "TRY",
        "QR" => "QAR",
        "KD" => "KWD",
        "BD" => "BHD",
        "RO" => "OMR",
        "SFr" | "Sfr" => "CHF",
        "SKr" | "Skr" => "SEK",
        "NKr" | "Nkr" => "NOK",
        "DKr" | "Dkr" => "DKK",
        "Php" => "PHP",
        _ => return None,
    })
}

/// Local abbreviations written after an amount, case as written: "50 NIS", "20 TL",
/// "100 Dh", "5 million RM".
pub(super) fn abbr_after(orig: &str) -> Option<&'static str> {
    Some(match orig {
        "Rs" => "INR",
        "NIS" => "ILS",
        "TL" => "TRY",
        "Dh" | "Dhs" => "AED",
        "RM" => "MYR",
        "SR" => "SAR",
        "LE" => "EGP",
        _ => return None,
    })
}

/// The currency of a bare noun shared by several ("dinars", "kwacha", "shillings"): the
/// one whose country the text names ("Zambia" for the Zambian kwacha), else `default`.
pub(super) fn country_code(text: &str, sing: &str, default: &'static str) -> &'static str {
    let mut found: Option<&'static str> = None;
    let mut several = false;
    for &(adj, _, code) in PAIRS.iter().filter(|p| p.1 == sing) {
        // "zambian" -> "Zambia", "kuwaiti" -> "Kuwait", "iraqi" -> "Iraq"
        let mut stem = adj;
        for suf in ["ian", "ean", "ese", "an", "i", "e"] {
            if let Some(st) = adj.strip_suffix(suf).filter(|st| st.len() >= 4) {
                stem = st;
                break;
            }
        }
        if stem.len() < 4 || !stem.bytes().all(|c| c.is_ascii_lowercase()) {
            continue;
        }
        let mut cap = stem.to_string();
        cap[..1].make_ascii_uppercase();
        if text.contains(&cap) {
            match found {
                Some(c) if c != code => several = true,
                _ => found = Some(code),
            }
        }
    }
    match found {
        Some(c) if !several => c,
        _ => default,
    }
}

/// Is "adj sing" an ISO currency name ("kuwaiti dinar")?
pub(super) fn pair_exists(adj: &str, sing: &str) -> bool {
    pair(adj, sing).is_some()
}

/// Million-prefixed codes: `MUSD`, `MEUR` (lowercase).
pub(super) fn mega_code(w: &str) -> Option<&'static str> {
    if w.len() != 4 {
        return None;
    }
    let lw = numeral::Lower::new(w);
    let rest = lw.strip_prefix('m')?;
    if rest.len() != 3 {
        return None;
    }
    iso_code(rest)
}

/// A currency written in words after a number.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit {
    /// How many words it takes ("Hong Kong dollars": 3).
    pub words: usize,
    /// Its ISO code.
    pub code: &'static str,
    /// The multiplier to the main unit: 0.01 for cents and pence, 10⁶ for "MUSD".
    pub mult: f64,
    /// The word is the ISO code itself ("USD", "MUSD"), not a name.
    pub iso: bool,
}

impl Unit {
    fn named(words: usize, code: &'static str, mult: f64) -> Option<Self> {
        Some(Unit {
            words,
            code,
            mult,
            iso: false,
        })
    }
}

/// Currency words after a number. `words` are the next lowercase words (up to three).
pub(super) fn unit_words(words: &[&str]) -> Option<Unit> {
    let w0 = *words.first()?;
    let w1 = words.get(1).copied().unwrap_or("");
    let w2 = words.get(2).copied().unwrap_or("");
    let dollar = |w: &str| matches!(w, "dollars" | "dollar" | "dlrs" | "dlr");
    // "10 euro cents": the cent of the euro
    if w0 == "euro" && matches!(w1, "cents" | "cent") {
        return Unit::named(2, "EUR", 0.01);
    }
    // two/three-word names first
    let two = match (w0, w1) {
        ("us" | "u.s." | "u.s" | "american", d) if dollar(d) => Some("USD"),
        ("hk" | "h.k.", d) if dollar(d) => Some("HKD"),
        ("australian" | "aussie", d) if dollar(d) => Some("AUD"),
        ("canadian", d) if dollar(d) => Some("CAD"),
        ("singapore", d) if dollar(d) => Some("SGD"),
        ("taiwan", d) if dollar(d) => Some("TWD"),
        ("zimbabwe" | "zimbabwean", d) if dollar(d) => Some("ZWD"),
        ("chinese", "yuan") => Some("CNY"),
        ("swiss", "francs" | "franc") => Some("CHF"),
        ("cfa", "francs" | "franc") | ("francs" | "franc", "cfa") => Some("XOF"),
        ("french", "francs" | "franc") => Some("FRF"),
        ("belgian", "francs" | "franc") => Some("BEF"),
        ("german" | "deutsche", "marks" | "mark") => Some("DEM"),
        ("finnish", "markka" | "marks") => Some("FIM"),
        ("dutch", "guilders" | "guilder") => Some("NLG"),
        ("swedish", "crowns" | "kronor" | "krona") => Some("SEK"),
        ("norwegian", "crowns" | "kroner" | "krone") => Some("NOK"),
        ("danish", "crowns" | "kroner" | "krone") => Some("DKK"),
        ("turkish", "lira" | "liras") => Some("TRY"),
        ("italian", "lire" | "lira") => Some("ITL"),
        ("japanese", "yen") => Some("JPY"),
        ("mexican", "pesos" | "peso") => Some("MXN"),
        ("philippine", "pesos" | "peso") => Some("PHP"),
        ("chilean", "pesos" | "peso") => Some("CLP"),
        ("argentine", "pesos" | "peso") => Some("ARS"),
        ("colombian", "pesos" | "peso") => Some("COP"),
        ("indian", "rupees" | "rupee") => Some("INR"),
        ("british", "pounds" | "pound") => Some("GBP"),
        ("egyptian", "pounds" | "pound") => Some("EGP"),
        ("lebanese", "pounds" | "pound") => Some("LBP"),
        ("sudanese", "pounds" | "pound") => Some("SDG"),
        ("syrian", "pounds" | "pound") => Some("SYP"),
        ("pounds" | "pound", "sterling") => Some("GBP"),
        ("saudi", "riyals" | "riyal") => Some("SAR"),
        ("russian", "rubles" | "roubles") => Some("RUB"),
        ("south", "african") if w2 == "rand" => {
            return Unit::named(3, "ZAR", 1.0);
        }
        ("new", "zealand") if dollar(w2) => return Unit::named(3, "NZD", 1.0),
        ("hong", "kong") if dollar(w2) => return Unit::named(3, "HKD", 1.0),
        ("new", "taiwan") if dollar(w2) => return Unit::named(3, "TWD", 1.0),
        ("south", "korean") if w2 == "won" => return Unit::named(3, "KRW", 1.0),
        ("korean", "won") => Some("KRW"),
        _ => None,
    };
    if let Some(c) = two {
        return Unit::named(2, c, 1.0);
    }
    let one = match w0 {
        "dollars" | "dollar" | "dlrs" | "dlr" | "bucks" | "us-dollar" => ("USD", 1.0),
        "franken" => ("CHF", 1.0),
        "pfund" => ("GBP", 1.0),
        "cents" | "cent" | "cts" | "ct" => ("USD", 0.01),
        "eurocents" | "eurocent" => ("EUR", 0.01),
        "quid" => ("GBP", 1.0),
        "yuan" | "renminbi" | "rmb" | "kuai" => ("CNY", 1.0),
        "euros" | "euro" => ("EUR", 1.0),
        "pounds" | "pound" | "sterling" | "stg" | "stlg" => ("GBP", 1.0),
        "pence" | "penny" | "pennies" | "p" => ("GBP", 0.01),
        "yen" => ("JPY", 1.0),
        "rupees" | "rupee" => ("INR", 1.0),
        "francs" | "franc" | "ffr" => ("FRF", 1.0),
        "lire" => ("ITL", 1.0),
        "pesetas" | "peseta" => ("ESP", 1.0),
        "guilders" | "guilder" => ("NLG", 1.0),
        "markka" | "markkas" => ("FIM", 1.0),
        "roubles" | "rubles" | "rouble" | "ruble" => ("RUB", 1.0),
        "rand" => ("ZAR", 1.0),
        "ringgit" => ("MYR", 1.0),
        "baht" => ("THB", 1.0),
        "rupiah" => ("IDR", 1.0),
        "riyals" | "riyal" => ("SAR", 1.0),
        "dirhams" | "dirham" => ("AED", 1.0),
        "shekels" | "shekel" => ("ILS", 1.0),
        "naira" => ("NGN", 1.0),
        "zloty" | "zlotys" => ("PLN", 1.0),
        "forints" | "forint" => ("HUF", 1.0),
        "hryvnias" | "hryvnia" => ("UAH", 1.0),
        "escudos" => ("PTE", 1.0),
        "schillings" => ("ATS", 1.0),
        "drachmas" => ("GRD", 1.0),
        "reais" => ("BRL", 1.0),
        "won" => ("KRW", 1.0),
        "marks" | "dm" | "d-marks" | "dmk" => ("DEM", 1.0),
        "lira" | "liras" => ("TRY", 1.0),
        "pesos" | "peso" => ("MXN", 1.0),
        _ => return generated_units(w0, w1, w2),
    };
    Unit::named(1, one.0, one.1)
}

/// [`unit_words`] past the hand-written names: the ISO names of [`NOUNS`] and [`PAIRS`],
/// the minor units, the codes.
fn generated_units(w0: &str, w1: &str, w2: &str) -> Option<Unit> {
    // the ISO names: "Kuwaiti dinars", "Sri Lanka rupees", "Czech korunas" (first: is
    // w0 the first word of an adjective at all? most words after a number are not)
    let adjective = w0.as_bytes().first().is_some_and(|&b| {
        let (lo, hi) = PAIR_RUNS[usize::from(b)];
        let run = &PAIRS[usize::from(lo)..usize::from(hi)];
        run.get(run.partition_point(|e| e.0 < w0)).is_some_and(|e| {
            e.0.strip_prefix(w0)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        })
    });
    if adjective {
        if let Some((sing, _, _)) = noun(w1) {
            if let Some(c) = pair(w0, sing) {
                return Unit::named(2, c, 1.0);
            }
        }
        if let Some((sing, _, _)) = noun(w2) {
            let adj = format!("{w0} {w1}");
            if let Some(c) = pair(&adj, sing) {
                return Unit::named(3, c, 1.0);
            }
        }
    }
    if let Some((_, code, _)) = noun(w0).filter(|n| !n.1.is_empty()) {
        return Unit::named(1, code, 1.0);
    }
    if let Some(c) = minor_word(w0) {
        return Unit::named(1, c, 10f64.powi(-exponent(c)));
    }
    {
        let (code, mult) = if let Some(c) = iso_code(w0) {
            (c, 1.0)
        } else if let Some(c) = mega_code(w0) {
            (c, 1e6)
        } else {
            return None;
        };
        Some(Unit {
            words: 1,
            code,
            mult,
            iso: true,
        })
    }
}

/// Currency words that are also common English words: only a currency after a scaled
/// amount ("5 million won") or a written unit.
pub(super) fn ambiguous_unit(w: &str) -> bool {
    matches!(
        w,
        "won" | "marks" | "pound" | "pounds" | "p" | "rand" | "lira" | "dm" | "sen" | "fils"
    ) || noun(w).is_some_and(|n| n.2)
}

/// The minor unit of `currency` written as a word after the main amount ("3 dollars 50
/// cents", "one kuai and five mao"): its value in the main unit.
pub(super) fn minor_unit(currency: &str, w: &str) -> Option<f64> {
    match (currency, w) {
        ("GBP", "pence" | "penny" | "p") => Some(0.01),
        ("CNY", "mao" | "jiao") => Some(0.1),
        ("CNY", "fen") => Some(0.01),
        ("GBP" | "CNY" | "JPY", _) => None,
        (_, "cents" | "cent") => Some(0.01),
        _ => minor_word(w)
            .filter(|c| {
                *c == currency
                    || matches!(
                        (w, currency),
                        ("kopecks" | "kopeks" | "kopeck" | "kopek", "UAH" | "BYN")
                            | ("paise" | "paisa", "PKR" | "NPR")
                            | ("fils", "KWD" | "BHD" | "JOD" | "IQD")
                            | ("halalas" | "halala", "QAR")
                            | (
                                "centavos" | "centavo",
                                "BRL" | "PHP" | "ARS" | "COP" | "CLP"
                            )
                            | ("centimes" | "centime", "EUR")
                    )
            })
            .map(|_| 10f64.powi(-exponent(currency))),
    }
}

/// The peso of the country the text speaks of ("Philippine pesos", "Chilean pesos"…):
/// Mexico's unless another peso country is named and Mexico is not.
pub(super) fn peso_code(text: &str) -> &'static str {
    const COUNTRIES: &[(&str, &str)] = &[
        ("Philippine", "PHP"),
        ("Manila", "PHP"),
        ("Chile", "CLP"),
        ("Argentin", "ARS"),
        ("Colombia", "COP"),
        ("Uruguay", "UYU"),
        ("Dominican", "DOP"),
        ("Cuba", "CUP"),
    ];
    if text.contains("Mexic") {
        return "MXN";
    }
    let mut found = COUNTRIES
        .iter()
        .filter(|(c, _)| text.contains(c))
        .map(|x| x.1);
    match (found.next(), found.next()) {
        (Some(a), None) => a,
        (Some(a), Some(b)) if a == b => a,
        _ => "MXN",
    }
}

/// The dollar of the place a story is datelined ("OTTAWA, March 13 -", "SYDNEY
/// (Reuters) -"): newswires write a bare "dlrs" or "$" in the local dollar and spell out
/// "U.S." for the American one. `None` outside a dollar country, or without a dateline.
pub(super) fn home_dollar(text: &str) -> Option<&'static str> {
    let mut cut = text.len().min(80);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    // " - " or " -" at the end of the dateline line
    let dash = head
        .match_indices(" -")
        .find(|(k, _)| matches!(head.as_bytes().get(k + 2), None | Some(b' ' | b'\n')))?;
    let head = head.get(..dash.0)?;
    let mut parts = head.split([',', '(']);
    let city = parts.next()?.trim();
    if city.is_empty() || city.len() > 24 || city.bytes().any(|c| c.is_ascii_lowercase()) {
        return None;
    }
    // "OAKVILLE, Ontario, March 3", "NEWCASTLE, N.S.W., March 3"
    let region = parts.next().map(str::trim).unwrap_or("");
    let by_region = match region {
        "Ontario" | "Ont." | "Quebec" | "Que." | "Alberta" | "Alta." | "British Columbia"
        | "B.C." | "Manitoba" | "Man." | "Saskatchewan" | "Sask." | "Nova Scotia" | "N.S."
        | "New Brunswick" | "N.B." | "Newfoundland" | "Nfld." => Some("CAD"),
        "N.S.W." | "New South Wales" | "Victoria" | "Queensland" | "Western Australia"
        | "South Australia" | "Tasmania" => Some("AUD"),
        _ => None,
    };
    if by_region.is_some() {
        return by_region;
    }
    Some(match city {
        "TORONTO" | "OTTAWA" | "MONTREAL" | "VANCOUVER" | "CALGARY" | "EDMONTON" | "WINNIPEG"
        | "HALIFAX" | "REGINA" | "QUEBEC" | "QUEBEC CITY" => "CAD",
        "SYDNEY" | "MELBOURNE" | "CANBERRA" | "PERTH" | "BRISBANE" | "ADELAIDE" => "AUD",
        "WELLINGTON" | "AUCKLAND" | "CHRISTCHURCH" => "NZD",
        "HONG KONG" => "HKD",
        "SINGAPORE" => "SGD",
        "TAIPEI" => "TWD",
        "HARARE" => "ZWD",
        _ => return None,
    })
}

/// Is the dollar of this span a bare one ("dlrs", "dollars", "$"), not "U.S. dlrs",
/// "US$", "USD", "American dollars"?
pub(super) fn bare_dollar(span: &str) -> bool {
    let l = span.to_ascii_lowercase();
    !(l.contains("u.s")
        || l.contains("us$")
        || l.contains("us ")
        || l.contains("usd")
        || l.contains("us-")
        || l.contains("american"))
}

/// Round away float noise (0.1 * 3 = 0.30000000000000004).
pub(super) fn round_money(v: f64) -> f64 {
    // large amounts are whole units ("1.2345 billion"); small ones keep 6 decimals
    let r = if v.abs() >= 1e6 {
        v.round()
    } else {
        (v * 1e6).round() / 1e6
    };
    if (r - v).abs() < 1e-9 * v.abs().max(1.0) {
        r
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_tables_are_sorted_and_every_row_is_found() {
        // the lookups binary-search runs of rows by first byte: both need sorted tables
        assert!(
            NOUNS.windows(2).all(|w| w[0].0 < w[1].0),
            "NOUNS not sorted"
        );
        assert!(
            PAIRS
                .windows(2)
                .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)),
            "PAIRS not sorted"
        );
        for &(form, sing, code, guarded) in NOUNS {
            assert_eq!(noun(form), Some((sing, code, guarded)), "{form}");
        }
        for &(adj, sing, code) in PAIRS {
            assert_eq!(pair(adj, sing), Some(code), "{adj} {sing}");
        }
        for w in ["", "the", "shares", "zzz", "dinarsx", "é"] {
            assert_eq!(noun(w), None, "{w}");
        }
    }
}
