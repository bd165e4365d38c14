//! The tense of the clause a date stands in, for the dates that name no year or week:
//! "The company said on Thursday" is the Thursday just past, "will meet on Thursday" the
//! coming one, and "rose in March" the last March. News reports the past, so the
//! resolvers take the past unless the clause points forward.
//!
//! The reading is local and cheap: the words of the same sentence around the date (up
//! to [`BACK`] words before it and [`AHEAD`] after it) are looked up as cues of the past
//! ("said", "was", "rose", regular "-ed" verbs, "ago", "since") or of the future
//! ("will", "plans", "is due to", "scheduled", "next", "until"); the cue nearest to the
//! date decides, one before it winning a tie. "said it will meet on Thursday" is
//! future ("will" is nearer), "said on Thursday that it will" is past.

use std::borrow::Cow;

/// The tense a date's clause points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// No cue in the clause: the resolvers' own default (the published date's side).
    Neutral,
}

/// How many words before the date are read.
const BACK: usize = 12;
/// How many words after the date are read.
const AHEAD: usize = 6;

/// Irregular past forms common in news (regular ones are read by their "-ed").
fn irregular_past(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "told"
            | "was"
            | "were"
            | "had"
            | "did"
            | "met"
            | "rose"
            | "fell"
            | "went"
            | "came"
            | "made"
            | "took"
            | "gave"
            | "began"
            | "left"
            | "held"
            | "won"
            | "lost"
            | "sold"
            | "bought"
            | "paid"
            | "saw"
            | "got"
            | "ran"
            | "led"
            | "spoke"
            | "wrote"
            | "found"
            | "thought"
            | "brought"
            | "kept"
            | "became"
            | "struck"
            | "broke"
            | "chose"
            | "fled"
            | "flew"
            | "grew"
            | "knew"
            | "shot"
            | "sent"
            | "spent"
            | "stood"
            | "threw"
            | "sank"
            | "sought"
            | "fought"
            | "caught"
            | "heard"
            | "felt"
            | "slid"
            | "swung"
            | "hit"
            | "ago"
            | "since"
            | "earlier"
            | "yesterday"
            | "wasn't"
            | "weren't"
            | "didn't"
            | "hadn't"
    )
}

/// "-ed" words that point forward, or are adjectives more often than verbs.
fn ed_not_past(w: &str) -> bool {
    matches!(
        w,
        "scheduled"
            | "expected"
            | "planned"
            | "slated"
            | "proposed"
            | "intended"
            | "delayed"
            | "postponed"
            | "needed"
            | "united"
            | "limited"
            | "based"
            | "red"
            | "bed"
            | "shed"
            | "fed"
            | "led"
            | "wed"
            | "need"
            | "speed"
            | "seed"
            | "feed"
            | "reed"
            | "hundred"
            | "related"
            | "detailed"
            | "advanced"
            | "armed"
            | "named"
            | "called"
            | "listed"
    )
}

/// Words that point to the future (a multi-word cue is read by its head: "is due to" by
/// "due", "going to" by "going", "set to" by "set" before "to", "as soon as" by "soon").
/// `next` is the word after `w` in the text, `prev` the one before it.
fn future_word(w: &str, next: &str, prev: &str) -> bool {
    match w {
        "will" | "shall" | "won't" | "would" | "should" | "due" | "coming" | "upcoming"
        | "tomorrow" | "until" | "soon" | "postponed" | "delayed" | "awaits" | "awaiting"
        | "ahead" => true,
        "next" => next != "to",
        w if w.ends_with("'ll") => true,
        "going" | "set" | "is" | "are" => next == "to",
        "early" => prev == "as",
        _ => false,
    }
}

/// Words of intention: the future of what they plan, only when the date comes after them
/// ("planned a rally on Saturday"; "On Friday, the government planned" is a past day).
fn intention(w: &str) -> bool {
    matches!(
        w,
        "plans"
            | "plan"
            | "planned"
            | "planning"
            | "scheduled"
            | "slated"
            | "expected"
            | "expects"
            | "expect"
            | "intends"
            | "aims"
            | "hopes"
    )
}

/// Verbs whose infinitive is later than they are: "decided to admit Poland in March",
/// "agreed to meet on Friday".
fn commits_to(w: &str) -> bool {
    matches!(
        w,
        "decided"
            | "agreed"
            | "voted"
            | "promised"
            | "vowed"
            | "pledged"
            | "threatened"
            | "wanted"
            | "asked"
            | "ordered"
            | "urged"
            | "invited"
            | "offered"
            | "prepared"
            | "likely"
            | "ready"
            | "hoped"
            | "sought"
    )
}

/// The cue of word `w` (`next`, `prev`: its neighbours in the text; `before`: it stands
/// before the date). `passive`: `w` stands after "be" / "to" / "being" / "is" / "are",
/// maybe through "and", "or", adverbs and other participles ("will be dated and
/// delivered", "to be formally adopted"): a participle there is no past (after "was",
/// "were", "been" it is).
fn cue(w: &str, next: &str, prev: &str, before: bool, passive: bool) -> Option<Tense> {
    let committed = before && next == "to" && commits_to(w);
    if future_word(w, next, prev) || (before && intention(w)) || committed {
        // "up until Thursday" looks back
        if w == "until" && prev == "up" {
            return Some(Tense::Past);
        }
        return Some(Tense::Future);
    }
    // "will be released", "is released March 17": no past; "was enacted on February 27",
    // "has been paid": past
    if matches!(prev, "was" | "were" | "been") && w.len() >= 5 && w.ends_with("ed") {
        return Some(Tense::Past);
    }
    let passive = passive || matches!(prev, "be" | "to" | "being" | "is" | "are" | "am");
    if irregular_past(w) && !passive {
        // "were planning to", "was due to", "was to": the future of a past
        let aux = matches!(w, "was" | "were");
        if aux && (intention(next) || future_word(next, "to", w) || next == "to") {
            return Some(Tense::Future);
        }
        return Some(Tense::Past);
    }
    // a regular past: "announced", "agreed"; not after "be" / "to" ("will be released",
    // "will be held")
    if w.len() >= 5 && w.ends_with("ed") && !ed_not_past(w) && !intention(w) {
        return (!passive).then_some(Tense::Past);
    }
    None
}

/// The lowercase words of the sentence around `start..end`: up to `BACK` before and
/// `AHEAD` after, nearest first.
struct Words<'a> {
    /// Lower case; borrowed from the text when it is lower case already (most words), so
    /// reading the clause allocates only for capitalised words.
    before: Vec<Cow<'a, str>>,
    after: Vec<Cow<'a, str>>,
    /// The index in `after` of the first word past a comma or a quote mark: a
    /// reporting verb from there on ("…as soon as Tuesday, Castro said") is the frame,
    /// not the clause.
    frame: usize,
    /// The words before stop at the start of the sentence (not at the word limit).
    opens: bool,
}

/// Verbs that frame a quote or a report.
fn reporting(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "told" | "added" | "according" | "reported" | "announced" | "stated"
    )
}

fn is_letter(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'\''
}

fn ends_sentence(c: u8) -> bool {
    matches!(c, b'.' | b'!' | b'?' | b'\n' | b';')
}

fn words_around(text: &str, start: usize, end: usize) -> Words<'_> {
    let b = text.as_bytes();
    let mut before = Vec::with_capacity(BACK);
    let mut j = start;
    let mut opens = true;
    while before.len() < BACK && j > 0 {
        let c = b[j - 1];
        // not the dot of "U.S." or "a.m."
        let abbrev = c == b'.'
            && j >= 2
            && (b[j - 2].is_ascii_uppercase()
                || (j >= 3 && b[j - 3] == b'.')
                || b.get(j).is_some_and(u8::is_ascii_alphabetic));
        if ends_sentence(c) && !abbrev {
            break;
        }
        if !is_letter(c) {
            j -= 1;
            continue;
        }
        let e = j;
        while j > 0 && is_letter(b[j - 1]) {
            j -= 1;
        }
        before.push(lower(&text[j..e]));
        if before.len() == BACK {
            opens = false;
        }
    }
    let mut after = Vec::with_capacity(AHEAD);
    let mut frame = AHEAD;
    let mut k = end;
    while after.len() < AHEAD && k < b.len() {
        let c = b[k];
        let abbrev = c == b'.' && k >= 2 && b[k - 2] == b'.';
        if ends_sentence(c) && !abbrev {
            break;
        }
        if matches!(c, b',' | b'"' | b'`') || (c == b'\'' && k + 1 < b.len() && b[k + 1] == b'\'') {
            frame = frame.min(after.len());
        }
        if !is_letter(c) {
            k += 1;
            continue;
        }
        let s = k;
        while k < b.len() && is_letter(b[k]) {
            k += 1;
        }
        after.push(lower(&text[s..k]));
    }
    Words {
        before,
        after,
        frame,
        opens,
    }
}

/// `w` in lower case, borrowed when it is already.
fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().any(|c| c.is_ascii_uppercase()) {
        Cow::Owned(w.to_ascii_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// Whether the word before the date at `before[i]` follows a passive auxiliary: the words
/// further back (`before[i + 1..]`), through "and", "or", adverbs in "-ly" and "-ed"
/// words, reach "be", "to", "being", "is", "are" or "am".
fn after_be(before: &[Cow<'_, str>], i: usize) -> bool {
    for w in before.iter().skip(i + 1).take(4) {
        match w.as_ref() {
            "be" | "to" | "being" | "is" | "are" | "am" => return true,
            "and" | "or" => {}
            w if w.ends_with("ly") || (w.len() >= 5 && w.ends_with("ed")) => {}
            _ => return false,
        }
    }
    false
}

/// The tense of the clause around the date at `start..end` (see the module doc).
pub fn tense(text: &str, start: usize, end: usize) -> Tense {
    let w = words_around(text, start, end);
    fn get<'a>(v: &'a [Cow<'_, str>], i: usize) -> &'a str {
        v.get(i).map_or("", |w| w.as_ref())
    }
    // before the date: words[i] with its next word (nearer the date) and the one before
    let back = (0..w.before.len()).find_map(|i| {
        let next = if i == 0 { "" } else { get(&w.before, i - 1) };
        // "Until Thursday, they had not…" opens a sentence looking back
        if i == 0 && w.before.len() == 1 && w.before[0] == "until" && w.opens {
            return None;
        }
        let passive = after_be(&w.before, i);
        cue(&w.before[i], next, get(&w.before, i + 1), true, passive).map(|t| (i, t))
    });
    let ahead = (0..w.after.len()).find_map(|i| {
        let prev = if i == 0 {
            get(&w.before, 0)
        } else {
            get(&w.after, i - 1)
        };
        if i >= w.frame && reporting(&w.after[i]) {
            return None;
        }
        cue(&w.after[i], get(&w.after, i + 1), prev, false, false).map(|t| (i, t))
    });
    // the date as the subject of its own clause: "said April 30 will be the record
    // date", "said April 10 is the redemption date" — that clause's verb decides, not the
    // report's
    if reporting(get(&w.before, 0)) {
        if matches!(get(&w.after, 0), "will" | "would" | "should" | "shall") {
            return Tense::Future;
        }
        if matches!(get(&w.after, 0), "is" | "are" | "remains") {
            return Tense::Neutral;
        }
    }
    match (back, ahead) {
        (Some((i, t)), Some((j, u))) => {
            if i <= j {
                t
            } else {
                u
            }
        }
        (Some((_, t)), None) | (None, Some((_, t))) => t,
        (None, None) => Tense::Neutral,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str, date: &str) -> Tense {
        let i = s.find(date).unwrap();
        tense(s, i, i + date.len())
    }

    #[test]
    fn the_nearest_cue_decides() {
        use Tense::*;
        let t = "The company said on Thursday that profit rose.";
        assert_eq!(at(t, "Thursday"), Past);
        assert_eq!(at("They will meet on Thursday.", "Thursday"), Future);
        assert_eq!(at("He said it will meet on Thursday.", "Thursday"), Future);
        assert_eq!(at("It said Thursday it will cut jobs.", "Thursday"), Past);
        assert_eq!(
            at("The vote is due to take place Thursday.", "Thursday"),
            Future
        );
        assert_eq!(at("The results will be released Friday.", "Friday"), Future);
        assert_eq!(at("Sales rose in March.", "March"), Past);
        assert_eq!(at("Talks in March.", "March"), Neutral);
        assert_eq!(
            at("A service planned for Saturday was canceled.", "Saturday"),
            Past
        );
        assert_eq!(at("Prices held up until Friday.", "Friday"), Past);
        assert_eq!(at("They were planning to vote Friday.", "Friday"), Future);
        assert_eq!(
            at("It could come as soon as Tuesday, Castro said.", "Tuesday"),
            Future
        );
        assert_eq!(
            at("It will leave at 4 a.m. EDT Thursday.", "Thursday"),
            Future
        );
        assert_eq!(
            at("The blasts next to the embassy on Friday.", "Friday"),
            Neutral
        );
        assert_eq!(
            at("On Friday, the government planned cuts.", "Friday"),
            Neutral
        );
        assert_eq!(
            at("Until Thursday, they had not named him.", "Thursday"),
            Past
        );
        assert_eq!(
            at("It extended the deadline until Tuesday.", "Tuesday"),
            Future
        );
        assert_eq!(
            at("NATO decided to admit Poland in March.", "March"),
            Future
        );
        // a participle after "be", through "and" or an adverb, is no past
        assert_eq!(
            at(
                "The issues will be dated and delivered on April 1.",
                "April 1"
            ),
            Future
        );
        assert_eq!(
            at(
                "It is expected to be formally adopted on March 20.",
                "March 20"
            ),
            Future
        );
        assert_eq!(at("It was delivered on April 1.", "April 1"), Past);
        assert_eq!(at("The budget is released March 17.", "March 17"), Neutral);
        let t = "The law was enacted on February 27 and will remain.";
        assert_eq!(at(t, "February 27"), Past);
        let t = "Earnings in the year ended January 31 will decline.";
        assert_eq!(at(t, "January 31"), Past);
        // the date as the subject of its own clause
        assert_eq!(
            at("It said April 30 will be the record date.", "April 30"),
            Future
        );
        assert_eq!(
            at("It said April 10 is the redemption date.", "April 10"),
            Neutral
        );
        // the sentence ends the clause: the cue of the one before is not read
        assert_eq!(at("Sales rose. Talks on Friday.", "Friday"), Neutral);
    }
}
