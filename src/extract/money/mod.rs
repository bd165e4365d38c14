//! MONEY: amounts with a currency, Duckling style rules.
//!
//! Every number of the text (see [`crate::extract::numeral::find_numbers`]) is a
//! candidate; it becomes a MONEY mention when a currency sits right before it (`$`,
//! `US $`, `HK$`, `RMB`, `€`, `USD`) or right after it (`dollars`, `US dollars`, `dlrs`,
//! `yuan`, `cts`, `pence`, `euros`, `USD`). Values carry the scale word ("53.169 million"
//! → 53169000); cents and pence are converted to their main unit ("20 cts" → 0.20 USD).
//! `approx` comes from the words before ("about", "more than"…), `per: "share"` from the
//! words after ("a share").
//!
//! Every mention names the rule that read it ([`RULES`], `extract --explain`). The files:
//! `currencies.rs` (symbols, ISO codes, currency words, minor units), `en.rs` (the rules
//! of Latin-script text, English and the European forms), `range.rs` (ranges whose unit
//! is written once), `around.rs` (the English words around an amount), `zh.rs` (Chinese
//! numerals and units). The example tables are
//! `money/corpus/{en,de,fr,zh}.tsv`.

mod around;
mod currencies;
mod en;
mod range;
mod zh;

use super::span::Found;
use super::Context;

/// Every rule of the dimension, as `Found::rule` names it.
pub const RULES: &[&str] = &[
    en::SYMBOL_AMOUNT,
    en::CODE_AMOUNT,
    en::WORD_AMOUNT,
    en::AMOUNT_SYMBOL,
    en::AMOUNT_CODE,
    en::AMOUNT_WORD,
    en::AMOUNT_AND_MINOR,
    range::SHARED_SCALE,
    range::FIRST,
    range::SECOND,
    zh::NUMERAL_AMOUNT,
    zh::DIGITS_UNIT,
];

/// The MONEY extractor of the registry.
pub struct Money;

impl super::Extractor for Money {
    fn name(&self) -> &'static str {
        "money"
    }
    fn applies(&self, _: &Context) -> bool {
        true
    }
    fn find(&self, text: &str, ctx: &Context, out: &mut Vec<Found>) {
        out.extend(find(text, ctx));
    }
}

/// Find MONEY mentions.
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    let mut out = en::find_latin(text, ctx);
    if !text.is_ascii() {
        zh::cjk_amounts(text, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Kind;

    fn money(text: &str) -> Vec<(String, f64, String, bool, Option<String>)> {
        find(text, &Context::default())
            .into_iter()
            .map(|f| match f.kind {
                Kind::Money {
                    value,
                    currency,
                    approx,
                    per,
                } => (
                    text[f.start..f.end].to_string(),
                    value,
                    currency,
                    approx,
                    per,
                ),
                _ => unreachable!(),
            })
            .collect()
    }

    fn one(text: &str) -> (String, f64, String, bool, Option<String>) {
        let v = money(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn amounts_table() {
        // (text, span, value, currency)
        let table: &[(&str, &str, f64, &str)] = &[
            (
                "a loss of 53.169 million US dollars.",
                "53.169 million US dollars",
                53169000.0,
                "USD",
            ),
            (
                "net loss of $39.278 million in 2018",
                "$39.278 million",
                39278000.0,
                "USD",
            ),
            (
                "revenue was about 181 million US dollars,",
                "about 181 million US dollars",
                181e6,
                "USD",
            ),
            ("raised HK$5bn from", "HK$5bn", 5e9, "HKD"),
            ("profit 5 mln dlrs vs", "5 mln dlrs", 5e6, "USD"),
            ("sales of RMB 3.2 billion", "RMB 3.2 billion", 3.2e9, "CNY"),
            ("costs €20 now", "€20", 20.0, "EUR"),
            ("a £1.5m deal", "£1.5m", 1.5e6, "GBP"),
            ("fell to US $3 per share", "US $3", 3.0, "USD"),
            (
                "total revenue of US $44.3 million",
                "US $44.3 million",
                44.3e6,
                "USD",
            ),
            (
                "reached 10.88 million yuan",
                "10.88 million yuan",
                10.88e6,
                "CNY",
            ),
            ("a maximum of 9 yuan per piece", "9 yuan", 9.0, "CNY"),
            (
                "worth 323 million euros.",
                "323 million euros",
                323e6,
                "EUR",
            ),
            (
                "fined 10,000 swiss francs",
                "10,000 swiss francs",
                10000.0,
                "CHF",
            ),
            (
                "to hk $ 10.05 billion .",
                "hk $ 10.05 billion",
                10.05e9,
                "HKD",
            ),
            (
                "the price of c $ 16.4 million",
                "c $ 16.4 million",
                16.4e6,
                "CAD",
            ),
            (
                "received five million yen from",
                "five million yen",
                5e6,
                "JPY",
            ),
            ("down 34 cents", "34 cents", 0.34, "USD"),
            ("bid of 470 pence a share", "470 pence", 4.7, "GBP"),
            ("for USD 200.", "USD 200", 200.0, "USD"),
            ("USD115", "USD115", 115.0, "USD"),
            ("115.5USD", "115.5USD", 115.5, "USD"),
            ("lost 75 USD million in", "75 USD million", 75e6, "USD"),
            ("of 30 MUSD were", "30 MUSD", 30e6, "USD"),
            ("It costs half million usd.", "half million usd", 5e5, "USD"),
            (
                "125 million australian dollars of",
                "125 million australian dollars",
                125e6,
                "AUD",
            ),
            (
                "it only cost 3 dollars 50 cents.",
                "3 dollars 50 cents",
                3.5,
                "USD",
            ),
            (
                "It costs 15 dollars and 50.",
                "15 dollars and 50",
                15.5,
                "USD",
            ),
            (
                "a British firm's 361 million pounds profit",
                "361 million pounds",
                361e6,
                "GBP",
            ),
            ("sold for 5 million won", "5 million won", 5e6, "KRW"),
            (
                "375 mln Egyptian pounds",
                "375 mln Egyptian pounds",
                375e6,
                "EGP",
            ),
            (
                "raised 1.2 billion Hong Kong dollars",
                "1.2 billion Hong Kong dollars",
                1.2e9,
                "HKD",
            ),
            ("Give me 5 dollars", "5 dollars", 5.0, "USD"),
            ("the 100元!", "100元", 100.0, "CNY"),
            ("其中1000万元基本", "1000万元", 1e7, "CNY"),
            ("攀升至36.57亿元。", "36.57亿元", 3.657e9, "CNY"),
            ("净流出1200亿美元", "1200亿美元", 1.2e11, "USD"),
            ("每股1.95港元", "1.95港元", 1.95, "HKD"),
            ("8亿元人民币", "8亿元人民币", 8e8, "CNY"),
            ("人民币 8千元", "人民币 8千元", 8e3, "CNY"),
            ("十五美元", "十五美元", 15.0, "USD"),
            ("这台电脑两美元又三美分", "两美元又三美分", 2.03, "USD"),
            ("这个手机壳五元三毛", "五元三毛", 5.3, "CNY"),
            ("我有一千二百元", "一千二百元", 1200.0, "CNY"),
        ];
        for (text, span, value, cur) in table {
            let got = one(text);
            assert_eq!(got.0, *span, "{text}");
            assert!(
                (got.1 - value).abs() < 1e-6 * value.max(1.0),
                "{text}: {}",
                got.1
            );
            assert_eq!(got.2, *cur, "{text}");
        }
    }

    #[test]
    fn approx_and_per_share() {
        let g = one("After more than 100 million yuan of losses");
        assert_eq!((g.0.as_str(), g.3), ("more than 100 million yuan", true));
        let g = one("Shr 20 cts a share vs 10");
        assert_eq!((g.1, g.4.as_deref()), (0.2, Some("share")));
        let g = one("a dividend of $1.25 per share");
        assert_eq!(
            (g.0.as_str(), g.1, g.4.as_deref()),
            ("$1.25", 1.25, Some("share"))
        );
        let g = one("a higher , $ 70 - a - share price");
        assert_eq!(g.4.as_deref(), Some("share"));
        let v = money("It expects $10 to $12 million and 5-6 bln dlrs.");
        let vals: Vec<f64> = v.iter().map(|m| m.1).collect();
        assert_eq!(vals, vec![10e6, 12e6, 5e9, 6e9]);
        let v = money("between 5 and 10 million yuan, and 10 to 12 cts a share");
        let vals: Vec<(f64, Option<String>)> = v.into_iter().map(|m| (m.1, m.4)).collect();
        let share = Some("share".to_string());
        assert_eq!(
            vals,
            vec![
                (5e6, None),
                (1e7, None),
                (0.1, share.clone()),
                (0.12, share)
            ]
        );
        let g = one("Shr profit 15 cts vs loss");
        assert_eq!(g.4.as_deref(), Some("share"));
        let g = one("a 12-cent-a-share dividend");
        assert_eq!((g.1, g.4.as_deref()), (0.12, Some("share")));
        assert!(!one("paid $5 million").3);
        assert!(one("nearly $5 million").3);
        let g = one("it lost as much as a billion dollars");
        assert_eq!(
            (g.0.as_str(), g.1, g.3),
            ("as much as a billion dollars", 1e9, true)
        );
    }

    #[test]
    fn thousands_in_a_text_taken_for_french() {
        // language detection misfires on short English sentences: "12,345" is not 12.345
        let ctx = Context {
            reference_date: None,
            lang: Some("fr".to_string()),
            ..Default::default()
        };
        let got = find("accord prices start at $ 12,345 .", &ctx);
        assert!(
            matches!(&got[..], [Found { kind: Kind::Money { value, .. }, .. }] if *value == 12345.0)
        );
        let got = find("un bénéfice de 1,5 milliard d'euros", &ctx);
        assert!(got
            .iter()
            .all(|f| !matches!(f.kind, Kind::Money { value, .. } if value == 15.0)));
    }

    #[test]
    fn german_amounts() {
        let ctx = Context {
            reference_date: None,
            lang: Some("de".to_string()),
            ..Default::default()
        };
        let text = "Umsatz von 1,5 Milliarden Euro, Gewinn 340 Mio. Euro und 2.500 US-Dollar; 5 €.";
        let got: Vec<(String, f64, String)> = find(text, &ctx)
            .into_iter()
            .map(|f| match f.kind {
                Kind::Money {
                    value, currency, ..
                } => (text[f.start..f.end].to_string(), value, currency),
                _ => unreachable!(),
            })
            .collect();
        let want = [
            ("1,5 Milliarden Euro", 1.5e9, "EUR"),
            ("340 Mio. Euro", 340e6, "EUR"),
            ("2.500 US-Dollar", 2500.0, "USD"),
            ("5 €", 5.0, "EUR"),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for (g, w) in got.iter().zip(want) {
            assert_eq!((g.0.as_str(), g.1, g.2.as_str()), w);
        }
    }

    #[test]
    fn not_money() {
        for text in [
            "All 70 of us.",
            "I tried to call Bob 3 times already.",
            "He sold 1,500 shares in 2019.",
            "In 2019 marks were given",
            "Smith, 25, won the race",
            "The A320 and 3D models",
            "a 5 pound bag of rice",
            "bought 2.3 mln pounds of peanut products",
            "packages of 150 pounds and under",
            "grew 21.9% to 300",
            "五角大楼宣布了作战计划",
        ] {
            assert_eq!(money(text), vec![], "{text}");
        }
    }
}
