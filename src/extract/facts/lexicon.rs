//! The metric lexicon, in the style of XBRL concepts: the phrases news and filings name a
//! figure with, each mapped to a metric of the fixed vocabulary (SPEC.md, "Financial
//! facts") with how its values read. Matched over lowercased word tokens, one pass, the
//! longest phrase at each word (a first-word hash map), so "sales and marketing
//! expenses" is an expense and "sales" alone a revenue.
//!
//! The cue words the linker reads (changes, bases, forecasts, prior figures, "now") are
//! here too: every word list of the fact stage is in this file.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// How a metric's values read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    /// A loss: the value is negative (`net loss` → `net_income` −x).
    pub loss: bool,
    /// A rate, stake or margin: a percent value is the figure itself.
    pub rate: bool,
    /// A count of people or shares: a plain number is the figure (`unit`).
    pub count: Option<&'static str>,
    /// A per-share amount.
    pub per_share: bool,
}

#[derive(Debug)]
pub struct Entry {
    pub words: Vec<&'static str>,
    pub metric: &'static str,
    pub flags: Flags,
}

/// `phrase|metric|flags`: flags `-` loss, `%` rate, `p` people, `s` shares, `x` per share.
const TABLE: &str = "
revenue|revenue|
revenues|revenue|
total revenue|revenue|
total revenues|revenue|
net revenue|revenue|
net revenues|revenue|
operating revenue|revenue|
operating revenues|revenue|
revs|revenue|
sales|revenue|
net sales|revenue|
total sales|revenue|
turnover|revenue|
total net sales|revenue|
net income|net_income|
net profit|net_income|
net profits|net_income|
net earnings|net_income|
profit|net_income|
profits|net_income|
earnings|net_income|
net loss|net_income|-
net losses|net_income|-
net deficit|net_income|-
loss|other|-
losses|other|-
operating income|operating_income|
operating profit|operating_income|
operating profits|operating_income|
operating earnings|operating_income|
trading profit|operating_income|
operating loss|operating_income|-
operating losses|operating_income|-
income from operations|operating_income|
loss from operations|operating_income|-
gross profit|gross_profit|
gross margin|gross_profit|%
gross loss|gross_profit|-
ebitda|ebitda|
adjusted ebitda|ebitda|
earnings per share|eps|x
earnings a share|eps|x
diluted earnings per share|eps|x
basic earnings per share|eps|x
eps|eps|x
loss per share|eps|-x
net loss per share|eps|-x
expense|expense|
expenses|expense|
operating expenses|expense|
total expenses|expense|
cost|expense|
costs|expense|
total cost|expense|
total costs|expense|
r & d|expense|
r & d cost|expense|
r & d costs|expense|
r & d expense|expense|
r & d expenses|expense|
r & d spending|expense|
research and development|expense|
research and development expense|expense|
research and development expenses|expense|
research and development costs|expense|
selling and marketing expenses|expense|
sales and marketing expenses|expense|
sales and marketing expense|expense|
sales and marketing|expense|
selling general and administrative expenses|expense|
general and administrative expenses|expense|
marketing expenses|expense|
charge|expense|
charges|expense|
writedown|expense|
writedowns|expense|
write down|expense|
impairment|expense|
tax|expense|
taxes|expense|
income tax|expense|
income taxes|expense|
provision for income taxes|expense|
interest expense|expense|
interest payable|expense|
depreciation|expense|
amortization|expense|
depreciation and amortization|expense|
capital expenditure|expense|
capital expenditures|expense|
capital spending|expense|
spending|expense|
cash|cash|
cash and cash equivalents|cash|
cash and equivalents|cash|
cash flow|other|
free cash flow|other|
assets|assets|
total assets|assets|
debt|debt|
total debt|debt|
long term debt|debt|
senior debt|debt|
borrowings|debt|
net debt|debt|
market value|market_value|
market capitalisation|market_value|
market capitalization|market_value|
market cap|market_value|
valuation|market_value|
share price|share_price|
stock price|share_price|
shares traded|share_price|
dividend|dividend|
dividends|dividend|
quarterly dividend|dividend|
annual dividend|dividend|
final dividend|dividend|
interim dividend|dividend|
payout|dividend|
acquisition|deal_value|
deal|deal_value|
purchase|deal_value|
takeover|deal_value|
bid|deal_value|
offer|deal_value|
merger|deal_value|
order|deal_value|
orders|deal_value|
contract|deal_value|
contracts|deal_value|
investment|deal_value|
funding|deal_value|
financing|deal_value|
crowdfunding|deal_value|
crowdfunding amount|deal_value|
fine|deal_value|
penalty|deal_value|
settlement|deal_value|
loan|deal_value|
credit line|deal_value|
credit facility|deal_value|
project|deal_value|
scheme|deal_value|
employees|employees|p
staff|employees|p
workers|employees|p
headcount|employees|p
workforce|employees|p
jobs|employees|p
number of employees|employees|p
reserve|other|
reserves|other|
foreign exchange reserves|other|
deposits|other|
loans|other|
stake|other|%
interest|other|%
holding|other|%
fee|other|%
rate|other|%
interest rate|other|%
discount rate|other|%
prime rate|other|%
margin|other|%
operating margin|operating_income|%
market share|other|%
inflation|other|%
unemployment|other|%
yield|other|%
unit|other|%
gain|other|
gains|other|
extraordinary credit|other|
extraordinary credits|other|
extraordinary gain|other|
extraordinary loss|other|-
minorities|other|
pretax profit|other|
pre tax profit|other|
pretax income|other|
pretax loss|other|-
income|other|
interest income|other|
surplus|other|
trade surplus|other|
deficit|other|-
trade deficit|other|-
budget deficit|other|-
current account deficit|other|-
current account surplus|other|
liability|other|
liabilities|other|
contingent liability|other|
gdp|other|
gross domestic product|other|
exports|other|
imports|other|
inflows|other|
capital inflows|other|
intervention price|other|
shares outstanding|other|s
common shares outstanding|other|s
average shares|other|s
backlog|other|
tax loss carryforward|other|
tax loss carryforwards|other|
tax carryforward gains|other|
";

pub static LEXICON: LazyLock<FxHashMap<&'static str, Vec<Entry>>> = LazyLock::new(|| {
    let mut m: FxHashMap<&'static str, Vec<Entry>> = FxHashMap::default();
    for line in TABLE.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.split('|');
        let (Some(phrase), Some(metric), flags) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let flags = flags.unwrap_or("");
        let words: Vec<&'static str> = phrase.split_whitespace().collect();
        let f = Flags {
            loss: flags.contains('-'),
            rate: flags.contains('%'),
            count: if flags.contains('p') {
                Some("people")
            } else if flags.contains('s') {
                Some("shares")
            } else {
                None
            },
            per_share: flags.contains('x'),
        };
        m.entry(words[0]).or_default().push(Entry {
            words,
            metric,
            flags: f,
        });
    }
    for v in m.values_mut() {
        v.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
    }
    m
});

/// The longest lexicon phrase starting at token `i` of `toks` (lowercased words):
/// the entry and how many tokens it spans.
pub fn match_at(toks: &[&str], i: usize) -> Option<(&'static Entry, usize)> {
    let cands = LEXICON.get(toks[i])?;
    cands
        .iter()
        .find(|e| {
            e.words.len() <= toks.len() - i && e.words.iter().zip(&toks[i..]).all(|(a, b)| a == b)
        })
        .map(|e| (e, e.words.len()))
}

/// A word that says a figure moved, and which way: `Some(true)` up, `Some(false)` down.
pub fn change_word(w: &str) -> Option<bool> {
    Some(match w {
        "up" | "rose" | "rise" | "rises" | "rising" | "risen" | "increase" | "increased"
        | "increases" | "increasing" | "gain" | "gained" | "gains" | "grew" | "grow" | "grows"
        | "growth" | "jump" | "jumped" | "jumps" | "climb" | "climbed" | "climbs" | "surge"
        | "surged" | "soared" | "higher" | "advanced" | "improved" | "expanded" | "boosted" => true,
        "down" | "fell" | "fall" | "falls" | "falling" | "fallen" | "decrease" | "decreased"
        | "decreases" | "decreasing" | "decline" | "declined" | "declines" | "declining"
        | "drop" | "dropped" | "drops" | "slipped" | "slid" | "plunged" | "plunge" | "lower"
        | "shrank" | "shrunk" | "reduced" | "reduction" | "cut" | "slump" | "slumped"
        | "tumbled" | "eased" | "contracted" => false,
        _ => return None,
    })
}

/// Words that make a figure a forecast, a target or a limit (not a realised figure).
pub fn forecast_word(w: &str) -> bool {
    matches!(
        w,
        "expect"
            | "expects"
            | "expected"
            | "expecting"
            | "expectation"
            | "expectations"
            | "forecast"
            | "forecasts"
            | "forecasting"
            | "projected"
            | "projection"
            | "projections"
            | "estimate"
            | "estimates"
            | "estimated"
            | "target"
            | "targets"
            | "targeted"
            | "guidance"
            | "outlook"
            | "predict"
            | "predicts"
            | "predicted"
            | "anticipate"
            | "anticipates"
            | "anticipated"
            | "sees"
            | "aims"
            | "budget"
            | "budgeted"
            | "would"
            | "could"
            | "might"
            | "ceiling"
            | "limit"
            | "limits"
            | "limiting"
            | "cap"
            | "maximum"
            | "minimum"
            | "hopes"
            | "plans"
            | "planned"
            | "proposed"
    )
}

/// Words before a figure that make it the prior figure of the one before it
/// ("compared with", "from", "vs", "versus", "against", "than").
pub fn prior_word(w: &str) -> bool {
    matches!(
        w,
        "from" | "vs" | "versus" | "against" | "than" | "compared" | "over"
    )
}

/// Words that date a figure to the published day ("current", "now").
pub fn now_word(w: &str) -> bool {
    matches!(w, "current" | "currently" | "now" | "presently" | "present")
}

/// Count words after a plain number that make it a figure (`400 employees`).
pub fn count_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "employees" | "people" | "workers" | "staff" | "staffers" | "jobs" => "people",
        "shares" | "shrs" => "shares",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_wins() {
        let toks = ["sales", "and", "marketing", "expenses", "were"];
        let (e, n) = match_at(&toks, 0).unwrap();
        assert_eq!((e.metric, n), ("expense", 4));
        let toks = ["sales", "rose"];
        assert_eq!(match_at(&toks, 0).unwrap().0.metric, "revenue");
        let toks = ["net", "loss"];
        let (e, _) = match_at(&toks, 0).unwrap();
        assert!(e.flags.loss && e.metric == "net_income");
        assert!(match_at(&["passengers"], 0).is_none());
        assert!(match_at(&["net"], 0).is_none());
    }
}
