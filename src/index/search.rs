//! Queries: full text over title + body (AND by default, phrases, field syntax), filters
//! on facets / dates / amounts, ranked hits with snippets, facet counts; and export.

use super::facts::FactFilter;
use super::schema::FACET_ROOTS;
use super::NewsIndex;
use crate::article::{Article, Fact, MentionType};
use crate::error::{Error, Result, ResultExt as _};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

/// A search as the user asked for it.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub query: String,
    pub limit: usize,
    pub person: Vec<String>,
    pub org: Vec<String>,
    pub loc: Vec<String>,
    pub lang: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub min_amount: Option<f64>,
    pub currency: Option<String>,
    /// Only articles with a fact of this metric (a value of `article::METRICS`).
    pub metric: Option<String>,
    /// Only articles with a fact of this subject (case-insensitive).
    pub subject: Option<String>,
    /// How many values per facet to count.
    pub facet_limit: usize,
}

impl Request {
    /// The fact filter of a request with `metric` or `subject`: then the date and amount
    /// filters apply to the fact too (its period, value and unit), so that `--metric
    /// revenue --min-amount 1e8` means a revenue of at least 1e8. `None` otherwise, and
    /// they apply to the article (its published day, any amount of money in it).
    pub fn fact_filter(&self) -> Option<FactFilter> {
        if self.metric.is_none() && self.subject.is_none() {
            return None;
        }
        Some(FactFilter {
            metric: self.metric.clone(),
            subject: self.subject.clone(),
            from: self.from,
            to: self.to,
            min_amount: self.min_amount,
            currency: self.currency.clone(),
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Response {
    pub query: String,
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: BTreeMap<String, Vec<FacetCount>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub score: f32,
    pub snippet: String,
    /// Code-point ranges of `snippet` that matched the query.
    pub highlights: Vec<[usize; 2]>,
    pub entities: Vec<HitEntity>,
    /// The facts of the article, all of them (also those a fact filter did not ask for).
    pub facts: Vec<Fact>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HitEntity {
    #[serde(rename = "type")]
    pub kind: MentionType,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FacetCount {
    pub name: String,
    pub count: u64,
}

/// Entities shown per hit.
const HIT_ENTITIES: usize = 6;
const SNIPPET_CHARS: usize = 220;

impl NewsIndex {
    /// The text query of a search: all articles for an empty query or `*`.
    pub(crate) fn text_query(&self, query: &str) -> Result<Box<dyn Query>> {
        let f = &self.fields;
        let q = query.trim();
        Ok(if q.is_empty() || q == "*" {
            Box::new(AllQuery)
        } else {
            // Queries are analysed by their own script, with the query mode of the analyzer.
            let tokenizers = tantivy::tokenizer::TokenizerManager::default();
            tokenizers.register(super::cjk::NAME, super::cjk::query_analyzer());
            let mut parser =
                QueryParser::new(self.index.schema(), vec![f.title, f.body], tokenizers);
            parser.set_conjunction_by_default();
            parser.set_field_boost(f.title, 2.0);
            parser
                .parse_query(q)
                .map_err(|e| Error::user(format!("bad query {q:?}: {e}")))?
        })
    }

    /// Build the query of a request: the parsed text query AND every filter. With a fact
    /// filter ([`Request::fact_filter`]) the articles are those holding a fact that
    /// passes it, and the date and amount filters are the fact's.
    fn build_query(
        &self,
        searcher: &Searcher,
        req: &Request,
    ) -> Result<(Box<dyn Query>, Box<dyn Query>)> {
        let f = &self.fields;
        let text = self.text_query(&req.query)?;
        let facts = req.fact_filter();
        let mut must: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text.box_clone())];
        for (root, names) in [
            ("person", &req.person),
            ("org", &req.org),
            ("loc", &req.loc),
        ] {
            for name in names.iter() {
                must.push((Occur::Must, self.facet_filter(searcher, root, name)?));
            }
        }
        if let Some(lang) = &req.lang {
            must.push((Occur::Must, self.facet_filter(searcher, "lang", lang)?));
        }
        if let Some(filter) = &facts {
            for q in self.fact_prefilter(searcher, filter)? {
                must.push((Occur::Must, q));
            }
            let narrowed: Box<dyn Query> = Box::new(BooleanQuery::new(must));
            if !filter.needs_check() {
                // one metric or one subject: its facet says it all
                return Ok((narrowed, text));
            }
            let all = self.with_matching_facts(searcher, narrowed, filter)?;
            return Ok((all, text));
        }
        if req.from.is_some() || req.to.is_some() {
            // Dates are clamped into what the field holds, on both sides alike.
            let term =
                |d: NaiveDate| Term::from_field_date(f.published, super::schema::date_value(d));
            let lo = req
                .from
                .map_or(Bound::Unbounded, |d| Bound::Included(term(d)));
            let hi = req
                .to
                .map_or(Bound::Unbounded, |d| Bound::Included(term(d)));
            must.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
        }
        match (req.min_amount, &req.currency) {
            (Some(min), Some(cur)) if f.amount_field_for(cur).is_some() => {
                let field = f.amount_field_for(cur).expect("checked");
                let lo = Bound::Included(Term::from_field_f64(field, min));
                must.push((Occur::Must, Box::new(RangeQuery::new(lo, Bound::Unbounded))));
            }
            (min, cur) => {
                if let Some(min) = min {
                    let lo = Bound::Included(Term::from_field_f64(f.amount, min));
                    must.push((Occur::Must, Box::new(RangeQuery::new(lo, Bound::Unbounded))));
                }
                if let Some(cur) = cur {
                    must.push((
                        Occur::Must,
                        self.facet_filter(searcher, "currency", &cur.to_ascii_uppercase())?,
                    ));
                }
            }
        }
        let all: Box<dyn Query> = if must.len() == 1 {
            text.box_clone()
        } else {
            Box::new(BooleanQuery::new(must))
        };
        Ok((all, text))
    }

    /// A filter on one facet value, matching names case-insensitively ("chen lei" finds
    /// "Chen Lei"). A name that is nowhere in the index matches nothing.
    pub(crate) fn facet_filter(
        &self,
        searcher: &Searcher,
        root: &str,
        name: &str,
    ) -> Result<Box<dyn Query>> {
        let f = self.fields.facet;
        let wanted = name.trim().to_lowercase();
        let mut variants: Vec<Facet> = Vec::new();
        let prefix = Facet::from_path([root]);
        let mut lo = prefix.encoded_str().as_bytes().to_vec();
        lo.push(0);
        let mut hi = prefix.encoded_str().as_bytes().to_vec();
        hi.push(1);
        for seg in searcher.segment_readers() {
            let inv = seg.inverted_index(f)?;
            let mut stream = inv.terms().range().ge(&lo).lt(&hi).into_stream()?;
            while stream.advance() {
                let Ok(encoded) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                // Encoded facets separate path components with NUL.
                let Some(last) = encoded.rsplit('\0').next() else {
                    continue;
                };
                if last.to_lowercase() == wanted {
                    let facet = Facet::from_path([root, last]);
                    if !variants.contains(&facet) {
                        variants.push(facet);
                    }
                }
            }
        }
        if variants.is_empty() {
            variants.push(Facet::from_path([root, name.trim()]));
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = variants
            .into_iter()
            .map(|v| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_facet(f, &v),
                    IndexRecordOption::Basic,
                ));
                (Occur::Should, q)
            })
            .collect();
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// Run a search; a damaged index is said so ([`NewsIndex::guarded`]).
    pub fn search(&self, req: &Request) -> Result<Response> {
        self.guarded(|| self.search_unguarded(req))
    }

    fn search_unguarded(&self, req: &Request) -> Result<Response> {
        let searcher = self.searcher()?;
        let (query, text_query) = self.build_query(&searcher, req)?;
        let wide = facet_width(req.facet_limit);
        let facets =
            super::facets::FacetCounter::new("facet", FACET_ROOTS, wide, self.facet_names.clone());
        // Never ask for more hits than there are documents (a huge --limit would allocate).
        let limit = req.limit.min(searcher.num_docs() as usize);
        let top = TopDocs::with_limit(limit.max(1)).order_by_score();
        let (top, total, facet_counts) = searcher
            .search(&query, &(top, Count, facets))
            .context("search failed")?;
        let mut snippets = SnippetGenerator::create(&searcher, &*text_query, self.fields.body)?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut hits = Vec::new();
        let mut loaded = Vec::new();
        for (score, addr) in top.into_iter().take(limit) {
            let article = self.load(&searcher, addr)?;
            let snip = snippets.snippet(&article.text);
            let (snippet, highlights) = if snip.fragment().is_empty() {
                (lead(&article.text, SNIPPET_CHARS), Vec::new())
            } else {
                tidy_snippet(snip.fragment(), snip.highlighted())
            };
            hits.push(Hit {
                id: article.id.clone(),
                title: article.title.clone(),
                url: article.url.clone(),
                published: article.published.clone(),
                score,
                snippet,
                highlights,
                entities: top_entities(&article.entities),
                facts: article.facts.clone(),
            });
            loaded.push(article);
        }
        let facets = facet_table(&facet_counts, &loaded, req.facet_limit);
        Ok(Response {
            query: req.query.clone(),
            total,
            hits,
            facets,
        })
    }

    pub(crate) fn load(&self, searcher: &Searcher, addr: DocAddress) -> Result<Article> {
        self.load_stored(searcher, addr)
    }

    /// The stored article JSON of the document at `addr`, read as `T` (the whole
    /// [`Article`], or only the parts a caller needs).
    pub(crate) fn load_stored<T: serde::de::DeserializeOwned>(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
    ) -> Result<T> {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let json = doc
            .get_first(self.fields.article)
            .and_then(|v| v.as_str())
            .ok_or_else(|| {
                Error::input("the index is damaged: a document without its stored article")
            })?;
        serde_json::from_str(json)
            .context("the index is damaged: a stored article is not valid JSON")
    }

    /// Every stored article (all, or those matching `query`), in index order, passed to
    /// `sink`. Returns how many.
    pub fn export(
        &self,
        query: Option<&str>,
        sink: &mut dyn FnMut(&Article) -> Result<()>,
    ) -> Result<usize> {
        // Reading the index is guarded (a damaged index is said so); the sink is not:
        // its errors and panics are its own.
        let (searcher, addrs) = self.guarded(|| {
            let searcher = self.searcher()?;
            let req = Request {
                query: query.unwrap_or("").to_string(),
                ..Request::default()
            };
            let (q, _) = self.build_query(&searcher, &req)?;
            let mut addrs: Vec<DocAddress> =
                searcher.search(&q, &DocSetCollector)?.into_iter().collect();
            addrs.sort();
            Ok((searcher, addrs))
        })?;
        for addr in &addrs {
            let article = self.guarded(|| self.load(&searcher, *addr))?;
            sink(&article)?;
        }
        Ok(addrs.len())
    }

    /// How many articles the index holds.
    pub fn count(&self) -> Result<u64> {
        self.guarded(|| Ok(self.searcher()?.num_docs()))
    }
}

/// The facet counts of a search. Values with equal article counts are ordered by how
/// often the shown hits mention them, so a one-article result lists its main entities
/// first, not the alphabetically first ones. Years are listed newest first.
/// Values counted per facet root before the final ordering cuts them to `limit`.
fn facet_width(limit: usize) -> usize {
    limit.saturating_mul(10).clamp(100, 100_000)
}

fn facet_table(
    counts: &super::facets::RootCounts,
    hits: &[Article],
    limit: usize,
) -> BTreeMap<String, Vec<FacetCount>> {
    let mut weight: HashMap<(&str, &str), usize> = HashMap::new();
    for a in hits {
        for e in &a.entities {
            let Some(root) = super::schema::entity_root(e.kind) else {
                continue;
            };
            *weight.entry((root, e.name.as_str())).or_default() += e.count;
        }
    }
    let mut out = BTreeMap::new();
    for root in FACET_ROOTS {
        let mut values: Vec<(FacetCount, usize)> = counts
            .top_k(root, facet_width(limit))
            .into_iter()
            .map(|(name, count)| {
                let w = weight.get(&(*root, name.as_str())).copied().unwrap_or(0);
                (FacetCount { name, count }, w)
            })
            .collect();
        if *root == "year" {
            values.sort_by(|a, b| b.0.name.cmp(&a.0.name));
        } else {
            values.sort_by(|a, b| {
                b.0.count
                    .cmp(&a.0.count)
                    .then(b.1.cmp(&a.1))
                    .then_with(|| a.0.name.cmp(&b.0.name))
            });
        }
        values.truncate(limit);
        out.insert(
            (*root).to_string(),
            values.into_iter().map(|v| v.0).collect(),
        );
    }
    out
}

fn top_entities(entities: &[crate::article::Entity]) -> Vec<HitEntity> {
    let mut names: Vec<&crate::article::Entity> =
        entities.iter().filter(|e| e.kind.is_name()).collect();
    names.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    names
        .into_iter()
        .take(HIT_ENTITIES)
        .map(|e| HitEntity {
            kind: e.kind,
            name: e.name.clone(),
        })
        .collect()
}

/// The first `max` characters of the text, cut at a word, for hits without a match in
/// the body (e.g. a title match).
fn lead(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

/// Flatten newlines of a snippet to spaces and turn byte highlight ranges into
/// code-point ranges.
fn tidy_snippet(
    fragment: &str,
    highlighted: &[std::ops::Range<usize>],
) -> (String, Vec<[usize; 2]>) {
    let flat: String = fragment
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    // Same byte length per char except whitespace variants; recompute via char positions.
    let cp = |b: usize| fragment[..b].chars().count();
    let ranges = highlighted
        .iter()
        .filter(|r| {
            r.end <= fragment.len()
                && fragment.is_char_boundary(r.start)
                && fragment.is_char_boundary(r.end)
        })
        .map(|r| [cp(r.start), cp(r.end)]);
    // Chinese terms overlap (a word and its characters): merge touching ranges.
    let mut merged: Vec<[usize; 2]> = Vec::new();
    let mut sorted: Vec<[usize; 2]> = ranges.collect();
    sorted.sort();
    for r in sorted {
        match merged.last_mut() {
            Some(last) if r[0] <= last[1] => last[1] = last[1].max(r[1]),
            _ => merged.push(r),
        }
    }
    (flat, merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_cuts_at_a_word() {
        assert_eq!(lead("one two three", 100), "one two three");
        assert_eq!(lead("one two three", 9), "one two…");
    }
}
