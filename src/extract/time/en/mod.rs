//! The English DATE rules, in two files: [`absolute`] (month names, years, ISO and
//! numeric days, quarters and halves, fiscal years) and [`relative`] ("last month", "two
//! weeks ago", "yesterday", weekdays, holidays). Here: the readers of left and right
//! context they share.

pub mod absolute;
pub mod forms;
pub mod relative;

use super::guards::{is_word, quantity_noun};
// The one path of the DATE rules to the number readers (word_before, word_after, …):
// `absolute` and `relative` reach them through this import.
use crate::extract::numeral;

/// Extend `start` leftwards over date modifiers ("the end of", "early", "mid-", "late",
/// "the"), returning (new start, relative word "last"/"next"/"this" if any).
pub fn left_modifiers(text: &str, start: usize) -> (usize, Option<String>) {
    let b = text.as_bytes();
    let mut s = start;
    let mut rel = None;
    // "mid-March", "end-April"
    if s > 0 && b[s - 1] == b'-' {
        if let Some((ws, w)) = numeral::word_before(text, s - 1) {
            if matches!(w.as_str(), "mid" | "end" | "early" | "late") && ws + w.len() == s - 1 {
                s = ws;
            }
        }
    }
    if let Some((ws, w)) = numeral::word_before(text, s) {
        match w.as_str() {
            "last" | "next" | "this" | "coming" | "past" => {
                rel = Some(w.to_string());
                s = ws;
            }
            "early" | "late" | "mid" => {
                s = ws;
            }
            "of" => {
                // "the end of April", "the beginning of 2019", "the middle of May"
                if let Some((ws2, w2)) = numeral::word_before(text, ws) {
                    if matches!(
                        w2.as_str(),
                        "end" | "beginning" | "start" | "middle" | "half" | "part"
                    ) && w2 != "half"
                        && w2 != "part"
                    {
                        s = ws2;
                        if let Some((ws3, w3)) = numeral::word_before(text, ws2) {
                            if matches!(w3.as_str(), "the" | "early" | "late") {
                                s = ws3;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    (s, rel)
}

/// Parse "this/last/next year" at `i` (after optional spaces): (end, year offset).
pub fn rel_year_at(text: &str, i: usize) -> Option<(usize, i32)> {
    let (_, e1, w1) = numeral::word_after(text, i)?;
    let off = match w1.as_str() {
        "this" => 0,
        "last" => -1,
        "next" => 1,
        _ => return None,
    };
    let (_, e2, w2) = numeral::word_after(text, e1)?;
    (w2 == "year").then_some((e2, off))
}

/// A 4-digit year (1800–2099) at `i` exactly, not part of a larger number.
pub fn year_at(text: &str, i: usize) -> Option<(usize, i32)> {
    let b = text.as_bytes();
    if i + 4 > b.len() || !b[i..i + 4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if i + 4 < b.len() && is_word(b[i + 4]) {
        return None;
    }
    let y: i32 = text[i..i + 4].parse().ok()?;
    (1800..=2099).contains(&y).then_some((i + 4, y))
}

/// Include a "the" right before `start`.
pub fn start_with_the(text: &str, start: usize) -> usize {
    match numeral::word_before(text, start) {
        Some((ws, w)) if w == "the" => ws,
        _ => start,
    }
}

/// A word that a day is not followed by right after `end` (one space): a noun or "of"
/// ("the 21st century", "the 3rd floor", "on 4/5 attempts", "on 3/4 of the votes"); the
/// words of a clause that goes on ("that", "and", "was", "the") are no noun.
pub fn noun_after(text: &str, end: usize) -> bool {
    numeral::word_after(text, end).is_some_and(|(ws, _, w)| {
        ws == end + 1
            && !matches!(
                w.as_str(),
                "and"
                    | "or"
                    | "to"
                    | "at"
                    | "in"
                    | "when"
                    | "as"
                    | "after"
                    | "before"
                    | "for"
                    | "that"
                    | "with"
                    | "because"
                    | "but"
                    | "if"
                    | "until"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "will"
                    | "would"
                    | "has"
                    | "had"
                    | "the"
                    | "it"
                    | "they"
                    | "he"
                    | "she"
                    | "we"
                    | "said"
            )
    })
}

/// A day of 1 or 2 digits at `i` glued after a month by a hyphen ("Oct-2"), not part of a
/// longer number or word: (end, day).
pub fn hyphen_day_at(text: &str, i: usize) -> Option<(usize, u32)> {
    let b = text.as_bytes();
    let n = b[i.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let e = i + n;
    let glued = e < b.len() && (is_word(b[e]) || b[e] == b'%');
    let decimal =
        e + 1 < b.len() && matches!(b[e], b'.' | b',' | b':') && b[e + 1].is_ascii_digit();
    let quantity = numeral::word_after(text, e)
        .is_some_and(|(s, _, w)| s == e + 1 && (quantity_noun(&w) || w == "percent"));
    if !(1..=2).contains(&n) || glued || decimal || quantity {
        return None;
    }
    let d: u32 = text[i..e].parse().ok()?;
    (1..=31).contains(&d).then_some((e, d))
}
