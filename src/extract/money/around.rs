//! The English words around an amount: whether it is approximate ("about", "more than",
//! "up to"), whether it is per share ("a share", the "Shr" lines of results tables), and
//! whether "pounds" are money or weight (a British text, words of money talk before it).

use crate::extract::numeral;

/// Words before an amount that make it approximate.
pub(super) fn approx_before(text: &str, start: usize) -> Option<usize> {
    let (s1, w1) = numeral::word_before(text, start)?;
    match w1.as_str() {
        "about" | "around" | "approximately" | "approx." | "roughly" | "nearly" | "almost"
        | "some" | "over" | "circa" | "estimated" | "under" | "exceeding" => {
            // "an estimated", "just over", "just under"
            if let Some((s0, w0)) = numeral::word_before(text, s1) {
                if matches!(w0.as_str(), "an" | "just" | "well" | "slightly") {
                    return Some(s0);
                }
            }
            Some(s1)
        }
        "than" => {
            let (s0, w0) = numeral::word_before(text, s1)?;
            if !matches!(w0.as_str(), "more" | "less" | "fewer") {
                return None;
            }
            // "no more than", "not less than"
            match numeral::word_before(text, s0) {
                Some((s00, w00)) if matches!(w00.as_str(), "no" | "not") => Some(s00),
                _ => Some(s0),
            }
        }
        "to" => {
            let (s0, w0) = numeral::word_before(text, s1)?;
            // "up to 5 mln dlrs" is at most; "rose ... from 1.67 dlrs up to 1.77 dlrs" a
            // movement
            if w0 == "up" && up_to_is_movement(text, s0) {
                return None;
            }
            matches!(w0.as_str(), "up" | "close").then_some(s0)
        }
        "as" => {
            // "as much as", "as little as", "as high as"
            let (s0, w0) = numeral::word_before(text, s1)?;
            let (s00, w00) = numeral::word_before(text, s0)?;
            (w00 == "as" && matches!(w0.as_str(), "much" | "little" | "high" | "low" | "many"))
                .then_some(s00)
        }
        "least" | "most" => {
            let (s0, w0) = numeral::word_before(text, s1)?;
            (w0 == "at").then_some(s0)
        }
        _ => None,
    }
}

/// Words after an amount ending at `end` that make it approximate: "$10 or so", "10
/// dollars or more", "or less" (the span stays on the amount).
pub(super) fn approx_after(text: &str, end: usize) -> bool {
    let Some((s, e, w)) = numeral::word_after(text, end) else {
        return false;
    };
    if s != end + 1 || w != "or" {
        return false;
    }
    numeral::word_after(text, e).is_some_and(|(s2, e2, w2)| {
        s2 == e + 1 && matches!(w2.as_str(), "so" | "more" | "less") && closes_after(text, e2)
    })
}

/// Punctuation or the end of the text right after `e` (a space allowed).
fn closes_after(text: &str, e: usize) -> bool {
    let b = text.as_bytes();
    let q = numeral::skip_spaces(text, e);
    q >= b.len() || matches!(b[q], b'.' | b',' | b';' | b'!' | b'?' | b')' | b'"')
}

/// "up" at `up` in "went up to", "from 1.67 dlrs a lb up to 1.77 dlrs": a movement, not
/// a bound. A verb of movement right before, or a "from" earlier in the same clause.
fn up_to_is_movement(text: &str, up: usize) -> bool {
    if let Some((_, w)) = numeral::word_before(text, up) {
        if matches!(
            w.as_str(),
            "rose"
                | "risen"
                | "rise"
                | "rises"
                | "rising"
                | "went"
                | "gone"
                | "go"
                | "climbed"
                | "jumped"
                | "increased"
                | "raised"
                | "moved"
                | "revised"
                | "marked"
                | "shot"
                | "surged"
        ) {
            return true;
        }
    }
    let mut s = up.saturating_sub(100);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    let window = &text[s..up];
    let cut = [". ", "; ", "\n"]
        .iter()
        .filter_map(|p| window.rfind(p).map(|k| k + p.len()))
        .max()
        .unwrap_or(0);
    let clause = &window[cut..];
    clause.contains(" from ") || clause.starts_with("from ")
}

/// "a share", "per share", "a shr", "/share", "-a-share" right after `end`:
/// returns the new end.
pub(super) fn per_share(text: &str, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = end;
    // "-a-share", " - a - share"
    let mut j = numeral::skip_spaces(text, i);
    if j < b.len() && b[j] == b'/' {
        let (s, e, w) = numeral::word_after(text, j + 1)?;
        return (s == j + 1 && matches!(w.as_str(), "share" | "shr")).then_some(e);
    }
    if j < b.len() && b[j] == b'-' {
        i = j + 1;
        j = numeral::skip_spaces(text, i);
    }
    let (_, e1, w1) = numeral::word_after(text, j)?;
    let w1 = w1.as_str();
    let (e1, w1) = if let Some(rest) = w1.strip_prefix("a-") {
        // "-a-share" is one hyphenated word
        (e1, rest.to_string())
    } else {
        (e1, w1.to_string())
    };
    if matches!(w1.as_str(), "share" | "shr") {
        return Some(e1);
    }
    if !matches!(w1.as_str(), "a" | "per" | "an") {
        return None;
    }
    let mut k = numeral::skip_spaces(text, e1);
    if k < b.len() && b[k] == b'-' {
        k = numeral::skip_spaces(text, k + 1);
    }
    let (_, e2, w2) = numeral::word_after(text, k)?;
    matches!(
        w2.as_str(),
        "share" | "shr" | "diluted" | "ads" | "adr" | "ordinary" | "common"
    )
    .then_some(e2)
    .and_then(|e| {
        if matches!(w2.as_str(), "diluted" | "ordinary" | "common") {
            let (_, e3, w3) = numeral::word_after(text, e)?;
            (w3 == "share").then_some(e3)
        } else {
            Some(e)
        }
    })
}

/// Reuters-style results tables: "Shr profit 15 cts vs loss 10 cts", "Qtly div 20 cts vs
/// 20 cts": amounts on a line that starts with "Shr" or "Qtly div" are per share.
#[inline] // called in a hot loop of another file (codegen unit)
pub(super) fn share_line(text: &str, start: usize) -> bool {
    let b = text.as_bytes();
    let mut ls = start;
    while ls > 0 && b[ls - 1] != b'\n' {
        ls -= 1;
        if start - ls > 120 {
            return false;
        }
    }
    let line = text[ls..start].trim_start();
    if line.starts_with("Qtly div") {
        return true;
    }
    // "Shr 20 cts", "Oper shr loss 8 cts", "Shr diluted 1.18 dlrs", "Primary shr 5 cts":
    // a "shr" among the first three words (not "Avg shrs", a count)
    line.split([' ', '.'])
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| w.eq_ignore_ascii_case("shr"))
}

/// Does the text speak of Britain ("pounds" are then money more often than weight)?
pub(super) fn british(text: &str) -> bool {
    text.contains('£')
        || ["sterling", "Britain", "British", "London", "U.K.", " UK "]
            .iter()
            .any(|w| text.contains(w))
}

/// Words of money talk right before an amount: "profit of 361 million pounds" is money,
/// "2.3 mln pounds of peanuts" weight.
pub(super) fn money_words_before(text: &str, start: usize) -> bool {
    let mut p = start;
    for _ in 0..6 {
        let Some((s, w)) = numeral::word_before(text, p) else {
            return false;
        };
        if matches!(
            w.as_str(),
            "profit"
                | "profits"
                | "loss"
                | "losses"
                | "revenue"
                | "revenues"
                | "turnover"
                | "earnings"
                | "income"
                | "cost"
                | "costs"
                | "costing"
                | "worth"
                | "fined"
                | "fine"
                | "paid"
                | "pay"
                | "price"
                | "priced"
                | "bid"
                | "offer"
                | "deal"
                | "debt"
                | "debts"
                | "dividend"
                | "valued"
                | "valuing"
                | "budget"
                | "salary"
                | "funding"
                | "raised"
                | "invest"
                | "invested"
                | "investment"
                | "sold"
                | "bought"
                | "spent"
                | "spend"
                | "capital"
                | "fund"
                | "borrowing"
                | "loan"
                | "loans"
                | "sales"
        ) {
            return true;
        }
        p = s;
    }
    false
}

pub(super) fn has_number_word(text: &str) -> bool {
    // cheap check for amounts written in words ("five million yen", "one penny")
    const WORDS: &[&str] = &[
        "million", "billion", "thousand", "hundred", "dollar", "yuan", "euro", "pound", "yen",
        "cent", "penn", "rupee", "franc", "kuai", "dlr", "cts", "stg", "mln", "bln", "peso",
        "buck", "grand", "quid",
    ];
    WORDS.iter().any(|w| text.contains(w))
}

/// Does a unit word ending at `e` close its phrase: punctuation or the end, or a word
/// like "a", "per", "or", "for", "more" ("a dollar a gallon", "5 grand for it"), so that
/// "a dollar index", "a pound of" and "5 grand slams" are not amounts?
pub(super) fn closes_phrase(text: &str, e: usize) -> bool {
    let b = text.as_bytes();
    let q = numeral::skip_spaces(text, e);
    q >= b.len()
        || matches!(b[q], b'.' | b',' | b';' | b'!' | b'?' | b')' | b'"')
        || numeral::word_after(text, e).is_some_and(|(_, _, nw)| {
            matches!(
                nw.as_str(),
                "a" | "an"
                    | "per"
                    | "each"
                    | "apiece"
                    | "or"
                    | "and"
                    | "for"
                    | "more"
                    | "less"
                    | "than"
                    | "at"
                    | "to"
                    | "in"
                    | "on"
                    | "from"
                    | "last"
                    | "this"
                    | "next"
                    | "higher"
                    | "lower"
                    | "cheaper"
            )
        })
}

/// A verb or noun of paying right before an amount ("it cost 120 pounds", "paid about 5
/// pounds", "a fee of 50 pounds"): an unscaled "pounds" is then money, not weight.
pub(super) fn cost_word_before(text: &str, start: usize) -> bool {
    let mut p = start;
    for _ in 0..3 {
        let Some((s, w)) = numeral::word_before(text, p) else {
            return false;
        };
        match w.as_str() {
            "about" | "around" | "nearly" | "almost" | "roughly" | "some" | "over" | "just"
            | "only" | "than" | "more" | "less" | "under" => {}
            "of" | "for" => {
                return numeral::word_before(text, s).is_some_and(|(_, w0)| {
                    matches!(
                        w0.as_str(),
                        "fee"
                            | "fine"
                            | "price"
                            | "cost"
                            | "bill"
                            | "salary"
                            | "wage"
                            | "charge"
                            | "sum"
                            | "reward"
                            | "bonus"
                            | "ticket"
                            | "tickets"
                            | "rent"
                    )
                });
            }
            _ => {
                return matches!(
                    w.as_str(),
                    "cost"
                        | "costs"
                        | "costing"
                        | "paid"
                        | "pay"
                        | "pays"
                        | "paying"
                        | "worth"
                        | "fined"
                        | "spent"
                        | "spend"
                        | "spending"
                        | "charged"
                        | "charges"
                        | "charge"
                        | "earned"
                        | "earns"
                        | "earning"
                        | "priced"
                        | "sold"
                        | "bought"
                        | "raised"
                        | "owed"
                        | "owes"
                )
            }
        }
        p = s;
    }
    false
}
