//! The context checks of the DATE rules: the words around a number or a month name that
//! make it a quantity ("2019 shares"), an identifier ("Flight 2019"), part of a larger
//! number ("1,2019", "555-2019"), or a name ("Theresa May"). Whether a date looks back or
//! forward is read by `tense`.

/// A byte of a word: ASCII letter or digit, or any byte of a non-ASCII character.
pub fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// Words that often come before a bare month or year used as a date.
pub fn date_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "of"
            | "by"
            | "until"
            | "till"
            | "from"
            | "to"
            | "through"
            | "during"
            | "before"
            | "after"
            | "early"
            | "mid"
            | "late"
            | "last"
            | "next"
            | "this"
            | "that"
            | "end"
            | "beginning"
            | "between"
            | "and"
            | "or"
            | "for"
            | "on"
            | "at"
            | "as"
            | "each"
            | "every"
            | "throughout"
            | "around"
            | "about"
            | "past"
            | "coming"
            | "within"
            | "start"
            | "middle"
            | "mid-"
            | "end-"
            | "early-"
            | "late-"
    )
}

/// Counted nouns after a 4-digit number that make it a quantity, not a year.
pub fn quantity_noun(w: &str) -> bool {
    matches!(
        w,
        "shares"
            | "share"
            | "people"
            | "persons"
            | "employees"
            | "workers"
            | "jobs"
            | "units"
            | "tons"
            | "tonnes"
            | "barrels"
            | "cars"
            | "vehicles"
            | "points"
            | "votes"
            | "troops"
            | "soldiers"
            | "students"
            | "members"
            | "customers"
            | "users"
            | "pieces"
            | "items"
            | "copies"
            | "acres"
            | "hectares"
            | "km"
            | "kilometers"
            | "kilometres"
            | "miles"
            | "meters"
            | "metres"
            | "feet"
            | "dollars"
            | "dlrs"
            | "yuan"
            | "euros"
            | "pounds"
            | "yen"
            | "cents"
            | "cts"
            | "percent"
            | "pct"
            | "stores"
            | "homes"
            | "houses"
            | "households"
            | "patients"
            | "cases"
            | "deaths"
            | "residents"
            | "passengers"
            | "companies"
            | "firms"
            | "words"
            | "pages"
            | "mln"
            | "million"
            | "billion"
            | "bln"
            | "thousand"
            | "times"
            | "hours"
            | "minutes"
            | "seconds"
            | "days"
            | "weeks"
            | "months"
            | "years"
            | "children"
            | "women"
            | "men"
            | "families"
            | "tonne"
            | "ton"
            | "kg"
            | "lb"
            | "lbs"
            | "ounces"
            | "oz"
            | "mw"
            | "gw"
            | "kw"
            | "bpd"
            | "ha"
            | "sq"
            | "square"
            | "cubic"
            | "degrees"
            | "rooms"
            | "beds"
            | "flights"
            | "aircraft"
            | "planes"
            | "ships"
            | "vessels"
            | "machines"
            | "lots"
            | "contracts"
            | "outlets"
            | "branches"
            | "banks"
            | "schools"
            | "villages"
            | "delegates"
            | "candidates"
            | "seats"
            | "participants"
            | "visitors"
            | "tourists"
            | "refugees"
            | "prisoners"
            | "victims"
            | "others"
            | "more"
            | "kilograms"
            | "kilogrammes"
            | "grams"
            | "litres"
            | "liters"
            | "gallons"
            | "bushels"
            | "bales"
            | "calories"
            | "yards"
            | "inches"
            | "horsepower"
            | "megawatts"
    )
}

/// A measure glued to a number with a hyphen: "a 2019-page report", "a 2000-strong
/// crowd" (only after a hyphen: "in 2019 member states" is a year).
pub fn hyphen_measure(w: &str) -> bool {
    quantity_noun(w)
        || matches!(
            w,
            "page"
                | "strong"
                | "member"
                | "seat"
                | "mile"
                | "word"
                | "acre"
                | "room"
                | "bed"
                | "foot"
                | "metre"
                | "meter"
                | "point"
                | "unit"
                | "ton"
                | "tonne"
                | "kilogram"
                | "gram"
                | "pound"
                | "litre"
                | "liter"
                | "gallon"
                | "yard"
                | "inch"
                | "megawatt"
        )
}

/// Numbers-and-names words before a 4-digit number that make it an identifier.
pub fn identifier_before(w: &str) -> bool {
    matches!(
        w,
        "no" | "no."
            | "number"
            | "page"
            | "pages"
            | "flight"
            | "route"
            | "room"
            | "article"
            | "section"
            | "model"
            | "version"
            | "code"
            | "box"
            | "suite"
            | "highway"
            | "interstate"
            | "resolution"
            | "item"
            | "rule"
            | "form"
            | "chapter"
            | "bill"
            | "act"
            | "about"
            | "some"
            | "nearly"
            | "almost"
            | "than"
            | "over"
            | "only"
            | "just"
            | "least"
            | "total"
            | "totaling"
            | "totalling"
    )
}

/// Is the number at `s..e` part of a larger numeric token (1,2019 / 2019.5 / 555-2019)?
pub fn numeric_neighbour(b: &[u8], s: usize, e: usize) -> bool {
    if s > 0 {
        let p = b[s - 1];
        if matches!(p, b',' | b'.' | b'-' | b'/' | b':') && s > 1 && b[s - 2].is_ascii_digit() {
            return true;
        }
        if matches!(p, b'$' | b'#' | b'+') {
            return true;
        }
        // "€2019", "£2019"
        if p >= 0x80 && s >= 2 && (b[s - 2] == 0x82 || b[s - 2] == 0xC2) {
            return true;
        }
    }
    if e < b.len() {
        let n = b[e];
        if matches!(n, b',' | b'.' | b':' | b'/') && e + 1 < b.len() && b[e + 1].is_ascii_digit() {
            return true;
        }
        if n == b'%' {
            return true;
        }
        if n == b'-' && e + 1 < b.len() && b[e + 1].is_ascii_digit() {
            // "2019-20" ranges are years; "2019-555" is not
            let mut k = e + 1;
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
            let len = k - e - 1;
            if !(len == 2 || len == 4) {
                return true;
            }
        }
    }
    false
}

/// Is the word before `start` a capitalised word (a name like "Theresa May")?
pub fn capitalised_before(text: &str, start: usize) -> bool {
    let b = text.as_bytes();
    let mut j = start;
    while j > 0 && b[j - 1] == b' ' {
        j -= 1;
    }
    if j == start || j == 0 {
        return false;
    }
    let mut k = j;
    while k > 0 && b[k - 1].is_ascii_alphabetic() {
        k -= 1;
    }
    k < j && b[k].is_ascii_uppercase() && !(k > 0 && b[k - 1] == b'.') && {
        // sentence start: the word before it ends a sentence
        let mut p = k;
        while p > 0 && b[p - 1] == b' ' {
            p -= 1;
        }
        !(p == 0 || matches!(b[p - 1], b'.' | b'!' | b'?' | b'\n' | b'"'))
    }
}
