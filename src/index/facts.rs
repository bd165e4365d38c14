//! Facts in the index: the filter a fact must pass ([`FactFilter`]: `--metric`,
//! `--subject`, and with either of them the period, value and unit filters), the exact
//! check of candidate articles behind `search --metric/--subject`, and the rows of the
//! `facts` command ([`NewsIndex::facts`]).
//!
//! The index holds, per article, a facet `/metric/<metric>` for each metric of its facts
//! and `/subject/<name>` for each subject: they narrow a search to the articles that can
//! hold a matching fact. Whether one does (the same fact being revenue, of Xunlei, for
//! 2019, of at least 1e8 USD) is then checked on the facts stored with the article.

use super::NewsIndex;
use crate::article::{Fact, METRICS};
use crate::error::{Error, Result, ResultExt as _};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use tantivy::collector::{Count, DocSetCollector};
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{DocAddress, Searcher, Term};

/// A `--metric` value as the vocabulary spells it: case, spaces and hyphens do not
/// matter ("Net income" is `net_income`); anything else is a user error that lists the
/// vocabulary.
pub fn parse_metric(s: &str) -> Result<String> {
    let m: String = s
        .trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    if METRICS.contains(&m.as_str()) {
        Ok(m)
    } else {
        Err(Error::user(format!(
            "unknown metric {s:?}; --metric takes one of: {}",
            METRICS.join(", ")
        )))
    }
}

/// What a fact must be to count: each field that is set must hold.
///
/// - `metric`: the fact's metric (a value of [`METRICS`]);
/// - `subject`: the fact's subject, case-insensitively ("xunlei" finds "Xunlei");
/// - `from` / `to`: the fact's period overlaps these days; a fact with no period (or one
///   not on the calendar) is taken as of its article's published day;
/// - `min_amount`: the fact's value is at least this (a fact with no value fails);
/// - `currency`: the fact's unit is this (case-insensitively; any unit works: `%`,
///   `people`, `shares` as well as ISO 4217 codes).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FactFilter {
    pub metric: Option<String>,
    pub subject: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub min_amount: Option<f64>,
    pub currency: Option<String>,
}

impl FactFilter {
    /// Whether the facets of an article cannot tell alone if it holds a passing fact:
    /// when more than one thing is asked of the fact (a metric and a subject, a metric
    /// and a value…), they must hold for one and the same fact.
    pub fn needs_check(&self) -> bool {
        let asked = [
            self.metric.is_some(),
            self.subject.is_some(),
            self.from.is_some() || self.to.is_some(),
            self.min_amount.is_some(),
            self.currency.is_some(),
        ];
        asked.iter().filter(|&&a| a).count() > 1
    }

    /// Whether `f`, a fact of an article published on `published`, passes.
    pub fn matches(&self, f: &Fact, published: Option<NaiveDate>) -> bool {
        if self.metric.as_ref().is_some_and(|m| *m != f.metric) {
            return false;
        }
        if let Some(s) = &self.subject {
            match &f.subject {
                Some(fs) if same_name(fs, s) => {}
                _ => return false,
            }
        }
        if let Some(min) = self.min_amount {
            if !f.value.is_some_and(|v| v >= min) {
                return false;
            }
        }
        if let Some(c) = &self.currency {
            if !f.unit.as_deref().is_some_and(|u| u.eq_ignore_ascii_case(c)) {
                return false;
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let span = f
                .period
                .as_deref()
                .and_then(crate::day::period_span)
                .or_else(|| published.map(|d| (d, d)));
            let Some((lo, hi)) = span else {
                return false;
            };
            if self.from.is_some_and(|from| hi < from) || self.to.is_some_and(|to| lo > to) {
                return false;
            }
        }
        true
    }
}

/// Names equal but for case and surrounding spaces.
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    a.eq_ignore_ascii_case(b) || (!a.is_ascii() && a.to_lowercase() == b.to_lowercase())
}

/// The part of a stored article the fact filters and rows read (the rest of the JSON,
/// the text and mentions, is skipped over without being kept).
#[derive(Debug, Deserialize)]
pub(crate) struct StoredFacts {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub facts: Vec<Fact>,
}

impl StoredFacts {
    pub fn published_day(&self) -> Option<NaiveDate> {
        self.published
            .as_deref()
            .and_then(crate::day::parse_published)
    }
}

/// One row of the `facts` command: a fact with the article it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactRow {
    pub article_id: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    #[serde(flatten)]
    pub fact: Fact,
}

/// A `facts` listing: the articles matching `query` (search syntax), their facts that
/// pass `filter`, at most `limit` rows (all when `None`).
#[derive(Debug, Clone, Default)]
pub struct FactsRequest {
    pub query: String,
    pub filter: FactFilter,
    pub limit: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct FactsResult {
    /// Articles matching the query (before the fact filters).
    pub articles: usize,
    /// Articles with at least one fact that passes the filter.
    pub articles_with_facts: usize,
    /// Facts that pass the filter (the rows before `limit`).
    pub total: usize,
    /// Sorted by subject, metric, period; at most `limit`.
    pub rows: Vec<FactRow>,
}

impl NewsIndex {
    /// The query narrowing a search to the articles that can hold a fact passing
    /// `filter`: a facet of its metric (any metric when none is given) and of its subject.
    pub(crate) fn fact_prefilter(
        &self,
        searcher: &Searcher,
        filter: &FactFilter,
    ) -> Result<Vec<Box<dyn Query>>> {
        let f = self.fields.facet;
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        let metric = match &filter.metric {
            Some(m) => Facet::from_path(["metric", m.as_str()]),
            // a facet term stands for its children too: any article with a fact
            None => Facet::from_path(["metric"]),
        };
        out.push(Box::new(TermQuery::new(
            Term::from_facet(f, &metric),
            IndexRecordOption::Basic,
        )));
        if let Some(s) = &filter.subject {
            out.push(self.facet_filter(searcher, "subject", s)?);
        }
        // filters: they do not change how the text query ranks the articles
        Ok(out
            .into_iter()
            .map(|q| Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>)
            .collect())
    }

    /// The stored facts of the article at `addr`.
    pub(crate) fn load_facts(&self, searcher: &Searcher, addr: DocAddress) -> Result<StoredFacts> {
        self.load_stored(searcher, addr)
    }

    /// `query` restricted to the articles among its matches that hold a fact passing
    /// `filter` (checked on each candidate's stored facts), scored as `query` scores.
    pub(crate) fn with_matching_facts(
        &self,
        searcher: &Searcher,
        query: Box<dyn Query>,
        filter: &FactFilter,
    ) -> Result<Box<dyn Query>> {
        let candidates = searcher
            .search(&*query, &DocSetCollector)
            .context("search failed")?;
        let mut ids = Vec::new();
        for addr in candidates {
            let stored = self.load_facts(searcher, addr)?;
            let day = stored.published_day();
            if stored.facts.iter().any(|f| filter.matches(f, day)) {
                ids.push(Term::from_field_text(self.fields.id, &stored.id));
            }
        }
        let only: Box<dyn Query> =
            Box::new(ConstScoreQuery::new(Box::new(TermSetQuery::new(ids)), 0.0));
        Ok(Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            (Occur::Must, only),
        ])))
    }

    /// The facts of the articles matching `req.query` that pass `req.filter`, one row
    /// each, sorted by subject (case-insensitively, none last), metric, period (by its
    /// last day, then the longer period after the shorter: 2019-Q4 before 2019; none
    /// last), then article date and id and the fact's place in the text.
    pub fn facts(&self, req: &FactsRequest) -> Result<FactsResult> {
        let searcher = self.searcher()?;
        let text = self.text_query(&req.query)?;
        let articles = searcher.search(&*text, &Count).context("search failed")?;
        let mut must: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text)];
        for q in self.fact_prefilter(&searcher, &req.filter)? {
            must.push((Occur::Must, q));
        }
        let mut addrs: Vec<DocAddress> = searcher
            .search(&BooleanQuery::new(must), &DocSetCollector)
            .context("search failed")?
            .into_iter()
            .collect();
        addrs.sort();
        let mut rows = Vec::new();
        let mut articles_with_facts = 0;
        for addr in addrs {
            let stored = self.load_facts(&searcher, addr)?;
            let day = stored.published_day();
            let before = rows.len();
            for fact in stored.facts {
                if req.filter.matches(&fact, day) {
                    rows.push(FactRow {
                        article_id: stored.id.clone(),
                        title: stored.title.clone(),
                        published: stored.published.clone(),
                        url: stored.url.clone(),
                        fact,
                    });
                }
            }
            if rows.len() > before {
                articles_with_facts += 1;
            }
        }
        sort_rows(&mut rows);
        let total = rows.len();
        if let Some(limit) = req.limit {
            rows.truncate(limit);
        }
        Ok(FactsResult {
            articles,
            articles_with_facts,
            total,
            rows,
        })
    }
}

/// Rows in the order of [`NewsIndex::facts`].
pub fn sort_rows(rows: &mut [FactRow]) {
    rows.sort_by_cached_key(|r| {
        let f = &r.fact;
        let subject = f.subject.as_deref().map(str::to_lowercase);
        let span = f.period.as_deref().and_then(crate::day::period_span);
        (
            subject.is_none(),
            subject,
            f.metric.clone(),
            f.period.is_none(),
            span.is_none(),
            span.map(|(lo, hi)| (hi, Reverse(lo))),
            f.period.clone(),
            r.published.as_deref().and_then(crate::day::parse_published),
            r.article_id.clone(),
            f.start,
            f.value_start,
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn fact(
        metric: &str,
        subject: Option<&str>,
        period: Option<&str>,
        value: Option<f64>,
        unit: &str,
    ) -> Fact {
        Fact {
            metric: metric.into(),
            metric_text: metric.replace('_', " "),
            subject: subject.map(str::to_string),
            period: period.map(str::to_string),
            value,
            unit: Some(unit.into()),
            approx: None,
            change: None,
            share: None,
            start: 0,
            end: 10,
            value_start: value.map(|_| 2),
            value_end: value.map(|_| 5),
            metric_start: 0,
            metric_end: 1,
        }
    }

    fn day(s: &str) -> Option<NaiveDate> {
        crate::day::parse_ymd(s)
    }

    #[test]
    fn metrics_are_read_loosely_and_checked_against_the_vocabulary() {
        assert_eq!(parse_metric("revenue").unwrap(), "revenue");
        assert_eq!(parse_metric(" Net income ").unwrap(), "net_income");
        assert_eq!(parse_metric("deal-value").unwrap(), "deal_value");
        let e = parse_metric("profits").unwrap_err();
        assert_eq!(e.exit_code(), 1);
        assert!(e.to_string().contains("unknown metric \"profits\""), "{e}");
        assert!(e.to_string().contains("revenue, net_income,"), "{e}");
        assert!(parse_metric("").is_err());
    }

    #[test]
    fn a_filter_holds_for_one_and_the_same_fact() {
        let rev = fact("revenue", Some("Xunlei"), Some("2019"), Some(181e6), "USD");
        let loss = fact(
            "net_income",
            Some("Xunlei"),
            Some("2018"),
            Some(-39.278e6),
            "USD",
        );
        let pub_day = day("2020-08-20");
        let f = FactFilter {
            metric: Some("revenue".into()),
            min_amount: Some(1e8),
            ..Default::default()
        };
        assert!(f.matches(&rev, pub_day));
        assert!(!f.matches(&loss, pub_day));
        let big = FactFilter {
            min_amount: Some(2e8),
            ..f.clone()
        };
        assert!(!big.matches(&rev, pub_day));
        let subj = FactFilter {
            subject: Some("XUNLEI".into()),
            ..Default::default()
        };
        assert!(subj.matches(&rev, pub_day) && subj.matches(&loss, pub_day));
        let other = FactFilter {
            subject: Some("Xunle".into()),
            ..Default::default()
        };
        assert!(!other.matches(&rev, pub_day));
        let usd = FactFilter {
            currency: Some("usd".into()),
            ..Default::default()
        };
        assert!(usd.matches(&rev, pub_day));
        let cny = FactFilter {
            currency: Some("CNY".into()),
            ..Default::default()
        };
        assert!(!cny.matches(&rev, pub_day));
        assert!(f.needs_check() && !subj.needs_check() && !FactFilter::default().needs_check());
        let metric_only = FactFilter {
            metric: Some("revenue".into()),
            ..Default::default()
        };
        assert!(!metric_only.needs_check());
        let mut no_value = rev.clone();
        no_value.value = None;
        assert!(!f.matches(&no_value, pub_day));
        assert!(FactFilter::default().matches(&no_value, pub_day));
    }

    #[test]
    fn dates_filter_on_the_period_else_on_the_published_day() {
        let q4 = fact("revenue", None, Some("2019-Q4"), Some(1.0), "USD");
        let f = |from: &str, to: &str| FactFilter {
            from: crate::day::bound(from, false),
            to: crate::day::bound(to, true),
            ..Default::default()
        };
        let pub_day = day("2020-03-01");
        assert!(f("2019", "2019").matches(&q4, pub_day));
        assert!(f("2019-12", "2020").matches(&q4, pub_day));
        // a period that holds the whole range overlaps it
        assert!(f("2019-11-01", "2019-11-02").matches(&q4, pub_day));
        assert!(!f("2020", "2020").matches(&q4, pub_day));
        assert!(!f("2018", "2019-09").matches(&q4, pub_day));
        let undated = fact("revenue", None, None, Some(1.0), "USD");
        assert!(f("2020", "2020").matches(&undated, pub_day));
        assert!(!f("2019", "2019").matches(&undated, pub_day));
        assert!(!f("2019", "2019").matches(&undated, None));
        let odd = fact("revenue", None, Some("FY-ish"), Some(1.0), "USD");
        assert!(f("2020-03", "2020-03").matches(&odd, pub_day));
    }

    #[test]
    fn rows_sort_by_subject_metric_and_period() {
        let row = |id: &str, f: Fact| FactRow {
            article_id: id.into(),
            title: None,
            published: Some("2020-08-20".into()),
            url: None,
            fact: f,
        };
        let mut rows = vec![
            row("a", fact("revenue", None, Some("2019"), Some(1.0), "USD")),
            row(
                "a",
                fact("revenue", Some("xunlei"), Some("2019"), Some(2.0), "USD"),
            ),
            row("a", fact("revenue", Some("Xunlei"), None, Some(3.0), "USD")),
            row(
                "b",
                fact("revenue", Some("Xunlei"), Some("2019-Q4"), Some(4.0), "USD"),
            ),
            row(
                "a",
                fact("net_income", Some("Xunlei"), Some("2018"), Some(5.0), "USD"),
            ),
            row(
                "a",
                fact("revenue", Some("Xunlei"), Some("2019-Q3"), Some(6.0), "USD"),
            ),
            row(
                "a",
                fact("revenue", Some("Acme"), Some("2021"), Some(7.0), "USD"),
            ),
            row(
                "a",
                fact("revenue", Some("Xunlei"), Some("2019-H1"), Some(8.0), "USD"),
            ),
        ];
        sort_rows(&mut rows);
        let order: Vec<f64> = rows.iter().map(|r| r.fact.value.unwrap()).collect();
        assert_eq!(order, [7.0, 5.0, 8.0, 6.0, 4.0, 2.0, 3.0, 1.0]);
    }

    /// An article with these facts (text and mentions made up around them).
    pub(crate) fn article(
        id: &str,
        published: &str,
        text: &str,
        facts: Vec<Fact>,
    ) -> crate::article::Article {
        use crate::article::{Article, Entity, MentionType, ARTICLE_SCHEMA_VERSION};
        let mut subjects: Vec<&str> = facts.iter().filter_map(|f| f.subject.as_deref()).collect();
        subjects.dedup();
        Article {
            schema_version: ARTICLE_SCHEMA_VERSION,
            id: id.into(),
            url: Some(format!("https://example.com/{id}")),
            title: Some(format!("Title of {id}")),
            published: Some(published.into()),
            lang: Some("en".into()),
            meta: Default::default(),
            text: text.into(),
            mentions: Vec::new(),
            entities: subjects
                .iter()
                .map(|s| Entity {
                    kind: MentionType::Org,
                    name: s.to_string(),
                    count: 1,
                })
                .collect(),
            facts,
            copies: Vec::new(),
        }
    }

    fn index_of(articles: &[crate::article::Article]) -> (tempfile::TempDir, NewsIndex) {
        let dir = tempfile::tempdir().unwrap();
        let index = NewsIndex::open_or_create(&dir.path().join("idx")).unwrap();
        let mut w = crate::index::writer::Writer::new(&index, 2).unwrap();
        for a in articles {
            w.add(a).unwrap();
        }
        w.finish().unwrap();
        let index = NewsIndex::open(&dir.path().join("idx")).unwrap();
        (dir, index)
    }

    fn sample() -> Vec<crate::article::Article> {
        vec![
            article(
                "xunlei",
                "2020-08-20",
                "Xunlei reported revenue and a net loss for 2019.",
                vec![
                    fact("revenue", Some("Xunlei"), Some("2019"), Some(181e6), "USD"),
                    fact(
                        "net_income",
                        Some("Xunlei"),
                        Some("2019"),
                        Some(-53.169e6),
                        "USD",
                    ),
                    fact(
                        "net_income",
                        Some("Xunlei"),
                        Some("2018"),
                        Some(-39.278e6),
                        "USD",
                    ),
                ],
            ),
            article(
                "acme",
                "1987-03-02",
                "Acme revenue rose to 5 mln dlrs in the fourth quarter.",
                vec![
                    fact("revenue", Some("Acme"), Some("1986-Q4"), Some(5e6), "USD"),
                    fact(
                        "net_income",
                        Some("Acme"),
                        Some("1986-Q4"),
                        Some(2e8),
                        "USD",
                    ),
                ],
            ),
            article(
                "plain",
                "2020-01-01",
                "A story about revenue with no figures at all.",
                Vec::new(),
            ),
        ]
    }

    fn ids(index: &NewsIndex, req: crate::index::search::Request) -> (usize, Vec<String>) {
        let r = index
            .search(&crate::index::search::Request {
                limit: 10,
                facet_limit: 10,
                ..req
            })
            .unwrap();
        let mut ids: Vec<String> = r.hits.iter().map(|h| h.id.clone()).collect();
        ids.sort();
        (r.total, ids)
    }

    #[test]
    fn facts_are_stored_and_come_back_with_their_article() {
        let articles = sample();
        let (_dir, index) = index_of(&articles);
        let mut back = Vec::new();
        index
            .export(None, &mut |a| {
                back.push(a.clone());
                Ok(())
            })
            .unwrap();
        back.sort_by(|a, b| a.id.cmp(&b.id));
        let mut want = articles.clone();
        want.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(back, want);
    }

    #[test]
    fn search_filters_on_one_and_the_same_fact() {
        use crate::index::search::Request;
        let (_dir, index) = index_of(&sample());
        let req = |metric: Option<&str>, subject: Option<&str>| Request {
            query: "*".into(),
            metric: metric.map(str::to_string),
            subject: subject.map(str::to_string),
            ..Request::default()
        };
        assert_eq!(ids(&index, req(None, None)).0, 3);
        assert_eq!(
            ids(&index, req(Some("revenue"), None)),
            (2, vec!["acme".into(), "xunlei".into()])
        );
        assert_eq!(ids(&index, req(Some("eps"), None)), (0, vec![]));
        assert_eq!(
            ids(&index, req(None, Some("XUNLEI"))),
            (1, vec!["xunlei".into()])
        );
        assert_eq!(ids(&index, req(Some("revenue"), Some("nobody"))).0, 0);
        // revenue of at least 1e8: Acme has 2e8, but of net income
        let big = Request {
            min_amount: Some(1e8),
            ..req(Some("revenue"), None)
        };
        assert_eq!(ids(&index, big), (1, vec!["xunlei".into()]));
        // the period of the fact, not the published day
        let in_2019 = Request {
            from: crate::day::bound("2019", false),
            to: crate::day::bound("2019", true),
            ..req(Some("net_income"), None)
        };
        assert_eq!(ids(&index, in_2019), (1, vec!["xunlei".into()]));
        let eighties = Request {
            to: crate::day::bound("1986-12", true),
            ..req(None, None)
        };
        // without --metric/--subject the dates are the published day's
        assert_eq!(ids(&index, eighties).0, 0);
        let eighties = Request {
            to: crate::day::bound("1986-12", true),
            ..req(Some("revenue"), None)
        };
        assert_eq!(ids(&index, eighties), (1, vec!["acme".into()]));
        let in_cny = Request {
            currency: Some("CNY".into()),
            ..req(Some("revenue"), None)
        };
        assert_eq!(ids(&index, in_cny).0, 0);
        // the text query still holds
        let text = Request {
            query: "quarter".into(),
            ..req(Some("revenue"), None)
        };
        assert_eq!(ids(&index, text), (1, vec!["acme".into()]));
    }

    #[test]
    fn metric_facet_counts_articles_and_hits_carry_their_facts() {
        use crate::index::search::Request;
        let (_dir, index) = index_of(&sample());
        let r = index
            .search(&Request {
                query: "*".into(),
                limit: 10,
                facet_limit: 10,
                ..Request::default()
            })
            .unwrap();
        let metric: Vec<(String, u64)> = r.facets["metric"]
            .iter()
            .map(|c| (c.name.clone(), c.count))
            .collect();
        assert_eq!(
            metric,
            [("net_income".to_string(), 2), ("revenue".to_string(), 2)]
        );
        // subjects are filtered on, not counted, and do not leak into other roots
        assert!(!r.facets.contains_key("subject"));
        let orgs: Vec<&str> = r.facets["org"].iter().map(|c| c.name.as_str()).collect();
        assert_eq!(orgs, ["Acme", "Xunlei"]);
        let x = r.hits.iter().find(|h| h.id == "xunlei").unwrap();
        assert_eq!(x.facts.len(), 3);
        let json = serde_json::to_value(&r).unwrap();
        let facts_of = |id: &str| {
            json["hits"]
                .as_array()
                .unwrap()
                .iter()
                .find(|h| h["id"] == id)
                .map(|h| h["facts"].as_array().unwrap().len())
        };
        assert_eq!((facts_of("xunlei"), facts_of("plain")), (Some(3), Some(0)));
    }

    #[test]
    fn the_facts_listing_filters_and_sorts_rows() {
        let (_dir, index) = index_of(&sample());
        let all = index
            .facts(&FactsRequest {
                query: "*".into(),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(
            (all.articles, all.articles_with_facts, all.total),
            (3, 2, 5)
        );
        let order: Vec<(&str, &str, &str)> = all
            .rows
            .iter()
            .map(|r| {
                (
                    r.fact.subject.as_deref().unwrap(),
                    r.fact.metric.as_str(),
                    r.fact.period.as_deref().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            order,
            [
                ("Acme", "net_income", "1986-Q4"),
                ("Acme", "revenue", "1986-Q4"),
                ("Xunlei", "net_income", "2018"),
                ("Xunlei", "net_income", "2019"),
                ("Xunlei", "revenue", "2019"),
            ]
        );
        assert_eq!(all.rows[4].article_id, "xunlei");
        assert_eq!(all.rows[4].title.as_deref(), Some("Title of xunlei"));
        let losses = index
            .facts(&FactsRequest {
                query: "xunlei".into(),
                filter: FactFilter {
                    metric: Some("net_income".into()),
                    ..Default::default()
                },
                limit: Some(1),
            })
            .unwrap();
        assert_eq!((losses.total, losses.rows.len()), (2, 1));
        assert_eq!(losses.rows[0].fact.period.as_deref(), Some("2018"));
        let none = index
            .facts(&FactsRequest {
                query: "figures".into(),
                ..Default::default()
            })
            .unwrap();
        assert_eq!((none.articles, none.total), (1, 0));
    }
}
