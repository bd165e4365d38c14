//! Notice paragraphs at the edges of an article: disclaimers, reprint and copyright
//! notices, "not investment advice", the publisher's description of itself, and
//! calls to action ("click here", "follow us", "subscribe", share lines).
//!
//! Conservative by construction: only *whole paragraphs* are dropped, only while they sit
//! at the start or the end of the text (a notice in the middle of a story is left alone),
//! and never the last paragraph standing. The rules are phrasings of the notice genre, not
//! of any one site: each pattern names what the paragraph *does* (disclaims, claims
//! rights, advertises the publisher, asks the reader to click), and a paragraph must be
//! short enough to be a notice rather than a story paragraph that quotes one.
//!
//! Word boundaries are ASCII ones (`(?-u:\b)`): a Unicode `\b` sends the regex engine
//! off its DFA as soon as a text holds one non-ASCII letter.

use regex::Regex;
use std::sync::LazyLock;

/// Paragraphs that announce themselves as a notice by their first words.
static MARKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\W{0,3})(?:(?:legal |important |investment )?disclaimers?(?-u:\b)|disclosure:|copyright(?-u:\b)|©|\(c\) ?(?:19|20)\d\d|all rights reserved|免责声明|版权声明|声明[:：])",
    )
    .expect("regex")
});

/// Phrases that make an edge paragraph a notice wherever they occur in it.
static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?:does|do)\ not\ necessarily\ (?:represent|reflect)\ the\ (?:views?|opinions?|positions?)
      | (?:does|do)\ not\ (?:represent|reflect)\ the\ (?:views?|opinions?|positions?)(?:\ and\ \w+)?\ of\ (?:this|the|our)\ (?:website|web\ site|site|newspaper|publication|platform|publisher|editors?|editorial\ (?:board|team))
      | (?:do|does|shall)\ not\ constitute\ (?:an?\ |any\ )?(?:investment|financial|legal|professional)\ advice
      | (?:is|are)\ for\ (?:reference|informational\ purposes|information\ purposes)\ only
      | not\ (?:intended\ )?(?:as|to\ be)\ (?:investment|financial)\ advice
      | the\ views\ (?:and\ opinions\ )?expressed\ (?:here|herein|in\ this)
      | all\ rights\ reserved
      | (?:reproduction|redistribution|republication|reprinting|copying)(?-u:\b)[^.]{0,60}(?-u:\b)(?:prohibited|forbidden|not\ permitted|without\ (?:the\ )?(?:prior\ |express\ )?(?:written\ )?(?:permission|consent))
      | (?:reprinted|reproduced|republished)\ (?:with|by)\ (?:kind\ )?permission
      | (?:this|the)\ (?:article|story|content|post|piece)\ (?:was|is|has\ been)\ (?:originally\ )?(?:reprinted|reproduced|republished|syndicated)
      | (?:please\ )?(?:indicate|cite|credit)\ the\ source\ when\ (?:reprinting|reproducing)
      | copyright\ (?:©\ ?|\(c\)\ ?)?(?:19|20)\d\d
      | ©\ ?(?:19|20)\d\d
      | 本文(?:仅|不)代表 | 转载请注明 | 版权所有 | 不构成投资建议
    ",
    )
    .expect("regex")
});

/// Words of which every [`NOTICE`] phrase holds at least one (ASCII case ignored): a
/// paragraph without any is no notice, and the big case-insensitive regex is not run.
static NOTICE_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "necessarily",
            "represent",
            "reflect",
            "constitute",
            "reference",
            "purposes",
            "advice",
            "expressed",
            "reserved",
            "reproduc",
            "redistribut",
            "republi",
            "reprint",
            "copying",
            "permission",
            "syndicated",
            "source",
            "copyright",
            "©",
            "本文",
            "转载",
            "版权",
            "投资",
        ])
        .expect("literals")
});

/// Calls to action: a short paragraph that asks the reader to do something other than read.
static CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        ^\W{0,3}(?:click|tap)\ here(?-u:\b)
      | ^\W{0,3}(?:follow|like)\ us(?-u:\b)
      | ^\W{0,3}(?:subscribe|sign\ up|register)\ (?:to|for|now|today|here)(?-u:\b)
      | ^\W{0,3}share\ (?:this|on)(?-u:\b)
      | ^\W{0,3}download\ (?:our|the)\ (?:\w+\ )?app(?-u:\b)
      | ^\W{0,3}(?:join|get)\ (?:us|our)\ (?:\w+\ )?(?:newsletter|on\ )
      | (?-u:\b)(?:follow|like)\ us\ on\ (?:twitter|facebook|instagram|linkedin|youtube|telegram|whatsapp|weibo|wechat|x)(?-u:\b)
      | (?-u:\b)(?:click|tap)\ here\ (?:to|for)(?-u:\b)
      | (?-u:\b)subscribe\ to\ our\ (?:\w+\ )?(?:newsletter|channel|feed|podcast)
      | (?-u:\b)sign\ up\ for\ (?:our|the)\ (?:\w+\ ){0,2}newsletter
    ",
    )
    .expect("regex")
});

/// "<Name> is a … news website / news agency / media group …": the publisher's blurb.
/// The subject is a capitalised name of at most six words at the paragraph's start.
static PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:About\ [^.:]{1,60}[.:]\s*)?(?:The\ )?\p{Lu}[\p{L}\p{N}.&'’-]*(?:\ (?:of|and|for|the|\p{Lu}[\p{L}\p{N}.&'’-]*)){0,5},?\ (?:is|was\ founded\ as|has\ been)\ (?:a|an|the|one\ of\ the)\ [^.]{0,120}?(?i:(?-u:\b)(?:news|online|internet|digital|media)\ (?:website|web\ ?site|site|portal|agency|service|network|outlet|platform|organi[sz]ation|group|company|publisher|brand|provider)s?(?-u:\b)|(?-u:\b)media\ (?:group|company|conglomerate|house)(?-u:\b)|(?-u:\b)news\ and\ information(?-u:\b))",
    )
    .expect("regex")
});

/// Longest paragraph (in chars) that can be a notice, a call to action, a blurb.
const MAX_NOTICE: usize = 700;
const MAX_CALL: usize = 200;
const MAX_BLURB: usize = 800;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

fn is_notice(p: &str, edge: Edge) -> bool {
    let n = p.chars().count();
    if n <= MAX_CALL && CALL.is_match(p) {
        return true;
    }
    if n <= MAX_NOTICE && (MARKED.is_match(p) || (NOTICE_WORDS.is_match(p) && NOTICE.is_match(p))) {
        return true;
    }
    edge == Edge::End && n <= MAX_BLURB && PUBLISHER.is_match(p) && !pronoun_start(p)
}

/// "It is a news website…" describes something named earlier: story text.
fn pronoun_start(p: &str) -> bool {
    let first = p.split(' ').next().unwrap_or("");
    matches!(
        first,
        "It" | "This" | "That" | "He" | "She" | "They" | "We" | "Which" | "There" | "Here"
    )
}

/// Drop notice paragraphs from both edges of `text` (paragraphs separated by `\n\n`).
/// Returns `text` unchanged when nothing is a notice or when everything would go.
pub(crate) fn strip_edges(text: String) -> String {
    if text.is_empty() {
        return text;
    }
    let paras: Vec<&str> = text.split("\n\n").collect();
    let (mut lo, mut hi) = (0, paras.len());
    while hi > lo + 1 && is_notice(paras[hi - 1], Edge::End) {
        hi -= 1;
    }
    while hi > lo + 1 && is_notice(paras[lo], Edge::Start) {
        lo += 1;
    }
    if lo == 0 && hi == paras.len() {
        return text;
    }
    paras[lo..hi].join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_phrase_passes_the_word_filter() {
        let phrases = [
            "It does not necessarily reflect the views of the site.",
            "This does not represent the opinions of our website.",
            "The above does not constitute investment advice.",
            "All content is for informational purposes only.",
            "This is not intended as financial advice.",
            "The views expressed here are the author's.",
            "ALL RIGHTS RESERVED.",
            "Redistribution of this content is prohibited.",
            "Copying of this material without written permission is forbidden.",
            "Reprinted with kind permission of the author.",
            "This story was originally syndicated by a partner.",
            "Please credit the source when reprinting.",
            "Copyright 2020 Example News",
            "© 2021 Example",
            "本文仅代表作者观点",
            "转载请注明出处",
            "版权所有",
            "以上内容不构成投资建议",
        ];
        for p in phrases {
            assert!(NOTICE.is_match(p), "the regex misses {p:?}");
            assert!(NOTICE_WORDS.is_match(p), "the word filter drops {p:?}");
        }
    }

    #[test]
    fn trailing_notices() {
        let story = "Revenue fell 21.9% in the quarter, the company said.";
        let cases = [
            "Disclaimer: the purpose of this article reprinted by finance and economics is to convey more information and does not represent the views and positions of the website.",
            "The content of this page is for reference only and does not constitute investment advice.",
            "Copyright 2020 Example Media. All rights reserved.",
            "© 2019 Some Newspaper Ltd",
            "This article was originally republished from The Conversation under a Creative Commons license.",
            "Reproduction in whole or in part without written permission is prohibited.",
            "Click here to subscribe to our newsletter.",
            "Follow us on Twitter and Facebook for the latest news.",
            "Sign up for our daily newsletter",
            "Share this article",
            "Example Net is a national key news website under the leadership of the Information Office. Through 11 versions in 10 languages, the website releases information 24 hours a day.",
            "About Foo Daily: Foo Daily is the leading online news platform of the region.",
            "免责声明：本文仅代表作者个人观点。",
        ];
        for c in cases {
            let t = format!("{story}\n\n{c}");
            assert_eq!(strip_edges(t), story, "not dropped: {c}");
        }
        // Chains of notices go together.
        let t = format!("{story}\n\n{}\n\n{}", cases[0], cases[10]);
        assert_eq!(strip_edges(t), story);
    }

    #[test]
    fn story_text_kept() {
        let keep = [
            // Story paragraphs that talk about the same things.
            "The company is a media group with interests in newspapers and television, and said on Monday it would sell its radio arm.",
            "He said the report does not represent the views of the board, and that a vote would follow. The board has 12 members, several of whom spoke to reporters after the meeting, which ran late into the evening and ended without agreement on the main issues before it, including pay, hiring and the budget for next year, a source said.",
            "Xunlei is a company that has been looking for a new growth point.",
            "Readers were asked to click on a link that installed malware, police said.",
            "Police said the suspect would follow them to the station.",
        ];
        for k in keep {
            let t = format!("First paragraph of the story.\n\n{k}");
            assert_eq!(strip_edges(t.clone()), t, "dropped: {k}");
        }
        // A notice in the middle stays (it is not at an edge).
        let t = "Story one.\n\nShare this article\n\nStory two.".to_string();
        assert_eq!(strip_edges(t.clone()), t);
        // Never everything.
        let t = "Share this article".to_string();
        assert_eq!(strip_edges(t.clone()), t);
        assert_eq!(strip_edges(String::new()), "");
    }

    #[test]
    fn leading_notices() {
        let t = "Follow us on Twitter\n\nThe story begins here, with a sentence.".to_string();
        assert_eq!(strip_edges(t), "The story begins here, with a sentence.");
        // A publisher blurb only counts at the end.
        let t = "Example Net is a news website that reported first.\n\nMore story.".to_string();
        assert_eq!(strip_edges(t.clone()), t);
    }

    #[test]
    fn idempotent() {
        let t = "Click here\n\nStory.\n\nDisclaimer: x.\n\nAll rights reserved.".to_string();
        let once = strip_edges(t);
        assert_eq!(once, "Story.");
        assert_eq!(strip_edges(once.clone()), once);
    }
}

#[cfg(test)]
mod survey {
    /// Diagnostic: edge paragraphs dropped from the Reuters dump (run with --ignored).
    #[test]
    #[ignore]
    fn reuters_survey() {
        use std::io::BufRead;
        let Ok(f) = std::fs::File::open("../shared/data/bench/reuters21578.jsonl.gz") else {
            return;
        };
        let r = std::io::BufReader::new(flate2::read::MultiGzDecoder::new(f));
        let (mut n, mut dropped) = (0, 0);
        for line in r.lines() {
            let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
            let body = v["html"].as_str().unwrap_or("");
            let scan = super::super::fragment::scan(body, true);
            let t = super::super::normalize::tidy(&scan.text, true, scan.blocks == 0);
            let s = super::strip_edges(t.clone());
            n += 1;
            if s != t {
                dropped += 1;
                for p in t.split("\n\n") {
                    if !s.contains(p) {
                        println!("DROP {}", p.chars().take(200).collect::<String>());
                    }
                }
            }
        }
        println!("{dropped} of {n} changed");
    }
}
