//! What the example tables (`corpus/{en,de,zh}.tsv`, run by `extract::corpus`) cannot
//! say: that every rule has a name listed in [`RULES`], and that each one is seen at work
//! on some table row.

use super::*;
use crate::extract::corpus::rows;
use std::collections::BTreeSet;

const TABLES: [(&str, &str); 3] = [
    ("en", include_str!("corpus/en.tsv")),
    ("de", include_str!("corpus/de.tsv")),
    ("zh", include_str!("corpus/zh.tsv")),
];

/// The rules behind the mentions of every passing table row.
fn rules_on_table_rows() -> BTreeSet<&'static str> {
    let mut seen = BTreeSet::new();
    for (lang, table) in TABLES {
        for row in rows(table).iter().filter(|r| r.xfail.is_none()) {
            let ctx = Context {
                reference_date: row
                    .cols
                    .get(1)
                    .and_then(|c| crate::day::parse_ymd(c.trim())),
                lang: Some(lang.to_string()),
                ..Context::default()
            };
            for f in find(&row.cols[0], &ctx) {
                assert!(
                    RULES.contains(&f.rule),
                    "{lang}.tsv:{}: rule {:?} is not in RULES",
                    row.line,
                    f.rule
                );
                seen.insert(f.rule);
            }
        }
    }
    seen
}

#[test]
fn every_rule_is_seen_on_a_table_row() {
    let seen = rules_on_table_rows();
    let unseen: Vec<&str> = RULES
        .iter()
        .copied()
        .filter(|r| !seen.contains(r))
        .collect();
    assert!(unseen.is_empty(), "rules on no table row: {unseen:?}");
}

#[test]
fn rule_names_are_distinct_and_name_the_dimension() {
    let distinct: BTreeSet<&str> = RULES.iter().copied().collect();
    assert_eq!(distinct.len(), RULES.len(), "{RULES:?}");
    for r in RULES {
        assert!(r.starts_with("time."), "{r}");
    }
}
