//! Boilerplate learned in two passes, for runs split over many tasks (Spark, Dask, shell
//! loops): `newsfacts boilerplate learn` counts, per source, how many articles hold each
//! unit (the units of [`super::boilerplate`]); `boilerplate merge` adds such counts up;
//! `extract` / `ingest --boilerplate MODEL` apply the merged model and learn nothing
//! more ([`Learner::frozen`]). The output of an article then depends on the whole dump
//! and on nothing else: the same in 1, 4 or 32 parts.
//!
//! # Why the counts add up exactly
//!
//! A model holds, per source, the number of articles, and per unit the number of
//! articles that hold it and the smallest [`Config::min_docs`] distinct fingerprints of
//! those articles (a bottom-k set). Counts add; the bottom-k of a union is the bottom-k
//! of the parts' bottom-k sets. So `merge(learn(A), learn(B)) == learn(A ++ B)` for any
//! split, in any order, and the file is the same byte for byte (sorted maps).
//!
//! # The rule
//!
//! A unit is boilerplate when it occurs in at least `min_docs` *distinct* articles of its
//! source (an article repeated in the dump counts once here, as in the online learner)
//! and in at least `min_fraction` of the source's articles. Unlike the online learner,
//! every article sees the counts of the whole dump, the first ones included.
//!
//! # Size
//!
//! A model of a part holds every unit it saw (about one per paragraph: a unit seen once
//! in each of three parts is boilerplate of the whole). `merge --final` keeps only the
//! units that are boilerplate: a small file to ship to the tasks of the second pass, that
//! can no longer be merged.

use super::boilerplate::{Config, Learner};
use crate::article::{Cleaned, RawArticle};
use crate::error::{Error, Result, ResultExt as _};
use crate::read::{self, Reject, Source};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// What the file says it is.
const FORMAT: &str = "newsfacts-boilerplate";
/// The version of the file format and of the unit keys (bumped when either changes).
pub const MODEL_VERSION: u32 = 1;

/// Learned counts; see the module documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    format: String,
    version: u32,
    /// The distinct articles a unit needs ([`Config::min_docs`]), which is also the size
    /// of the fingerprint sets.
    min_docs: u32,
    /// The share of a source's articles a unit needs ([`Config::min_fraction`]).
    min_fraction: f64,
    /// Only the boilerplate units are kept (`merge --final`): cannot be merged again.
    #[serde(rename = "final", default)]
    final_: bool,
    /// Per source (as [`Learner::source`] names it).
    sources: BTreeMap<String, SourceCounts>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct SourceCounts {
    articles: u64,
    /// By unit key (16 hex digits): [articles, [smallest distinct fingerprints]].
    units: BTreeMap<String, (u64, Vec<u32>)>,
}

impl Default for Model {
    fn default() -> Self {
        let cfg = Config::default();
        Model {
            format: FORMAT.into(),
            version: MODEL_VERSION,
            min_docs: cfg.min_docs,
            min_fraction: cfg.min_fraction,
            final_: false,
            sources: BTreeMap::new(),
        }
    }
}

/// What a learning pass read.
#[derive(Debug, Clone, Copy, Default)]
pub struct LearnSummary {
    /// Articles counted.
    pub articles: u64,
    /// Records that could not become an article (the extraction pass reports them).
    pub rejected: u64,
}

impl Model {
    /// Count one article of `source`: its distinct unit keys and its fingerprint.
    pub fn add(&mut self, source: &str, keys: &[u64], fp: u32) {
        let k = self.min_docs as usize;
        let s = self.sources.entry(source.to_string()).or_default();
        s.articles += 1;
        for key in keys {
            let (n, fps) = s.units.entry(format!("{key:016x}")).or_default();
            *n += 1;
            insert_bottom(fps, fp, k);
        }
    }

    /// Add the counts of `other` (learned with the same settings).
    pub fn merge(&mut self, other: Model) -> Result<()> {
        if self.final_ || other.final_ {
            return Err(Error::user(
                "a final boilerplate model (merge --final) cannot be merged again: merge the models of the parts",
            ));
        }
        if (other.min_docs, other.min_fraction) != (self.min_docs, self.min_fraction) {
            return Err(Error::user(format!(
                "boilerplate models learned with other settings (min_docs {} / {}, min_fraction {} / {})",
                self.min_docs, other.min_docs, self.min_fraction, other.min_fraction
            )));
        }
        let k = self.min_docs as usize;
        for (name, theirs) in other.sources {
            let mine = self.sources.entry(name).or_default();
            mine.articles += theirs.articles;
            for (key, (n, fps)) in theirs.units {
                let (m, mine_fps) = mine.units.entry(key).or_default();
                *m += n;
                for fp in fps {
                    insert_bottom(mine_fps, fp, k);
                }
            }
        }
        Ok(())
    }

    /// Keep only the units that are boilerplate (a model for applying, not merging).
    pub fn finalize(&mut self) {
        let (min_docs, min_fraction) = (self.min_docs, self.min_fraction);
        for s in self.sources.values_mut() {
            let total = s.articles;
            s.units
                .retain(|_, (n, fps)| is_boiler(*n, fps, total, min_docs, min_fraction));
        }
        self.sources.retain(|_, s| !s.units.is_empty());
        self.final_ = true;
    }

    /// The keys of the units that are boilerplate, for [`Learner::frozen`].
    pub fn boiler_keys(&self) -> Result<HashSet<u64>> {
        let mut keys = HashSet::new();
        for s in self.sources.values() {
            for (key, (n, fps)) in &s.units {
                if is_boiler(*n, fps, s.articles, self.min_docs, self.min_fraction) {
                    let k = u64::from_str_radix(key, 16).map_err(|_| {
                        Error::input(format!("bad unit key {key:?} in a boilerplate model"))
                    })?;
                    keys.insert(k);
                }
            }
        }
        Ok(keys)
    }

    /// Sources, units and articles held (for messages).
    pub fn sizes(&self) -> (usize, usize, u64) {
        let units = self.sources.values().map(|s| s.units.len()).sum();
        let articles = self.sources.values().map(|s| s.articles).sum();
        (self.sources.len(), units, articles)
    }

    /// Read a model file; a file that is not one is an input error that says so.
    pub fn load(path: &Path) -> Result<Model> {
        let f = std::fs::File::open(path)
            .map_err(|e| Error::at_path(format_args!("cannot open {}", path.display()), e))?;
        let m: Model = serde_json::from_reader(std::io::BufReader::new(f)).map_err(|e| {
            Error::input(format!(
                "{} is not a newsfacts boilerplate model: {e}",
                path.display()
            ))
        })?;
        if m.format != FORMAT || m.version != MODEL_VERSION {
            return Err(Error::user(format!(
                "{} is a {} model of version {}; this newsfacts reads {FORMAT} version {MODEL_VERSION} (learn it again)",
                path.display(),
                m.format,
                m.version
            )));
        }
        Ok(m)
    }

    /// The model as JSON (one line, maps sorted: the same counts give the same bytes).
    pub fn write(&self, w: &mut dyn std::io::Write) -> Result<()> {
        serde_json::to_writer(&mut *w, self).context("cannot write the boilerplate model")?;
        w.write_all(b"\n")
            .context("cannot write the boilerplate model")?;
        Ok(())
    }
}

fn is_boiler(n: u64, fps: &[u32], total: u64, min_docs: u32, min_fraction: f64) -> bool {
    fps.len() >= min_docs as usize && n as f64 >= min_fraction * total as f64
}

/// Insert `fp` into the sorted set `fps`, keeping its `k` smallest values.
fn insert_bottom(fps: &mut Vec<u32>, fp: u32, k: usize) {
    if let Err(at) = fps.binary_search(&fp) {
        if at < k {
            fps.insert(at, fp);
            fps.truncate(k);
        }
    }
}

/// What the learning pass takes from one article: its source, unit keys, fingerprint.
type Counted = (String, Vec<u64>, u32);

/// Articles per parallel batch of the learning pass.
const BATCH: usize = 512;

/// The learning pass: read every source, clean each record (as `extract` would) and
/// count its units under its source (`fallback`: the source of records without a URL,
/// `--source`). Records that cannot become articles are counted and passed to `reject`.
pub fn learn(
    sources: &[Source],
    fallback: Option<String>,
    reject: &mut dyn FnMut(Reject),
) -> (Model, LearnSummary) {
    use rayon::prelude::*;
    let learner = Learner::default().with_source(fallback);
    let mut model = Model::default();
    let mut summary = LearnSummary::default();
    let counters = read::Counters::default();
    let mut batch: Vec<RawArticle> = Vec::with_capacity(BATCH);
    let count = |batch: &mut Vec<RawArticle>, model: &mut Model, s: &mut LearnSummary| {
        let cleaned: Vec<Result<Counted, Reject>> = std::mem::take(batch)
            .into_par_iter()
            .map(|raw| {
                let c: Cleaned = crate::clean::clean_article(raw)?;
                let source = learner.source(&c);
                let (keys, fp) = learner.keys(&source, &c.text);
                Ok((source, keys, fp))
            })
            .collect();
        for c in cleaned {
            match c {
                Ok((source, keys, fp)) => {
                    s.articles += 1;
                    model.add(&source, &keys, fp);
                }
                Err(_) => s.rejected += 1,
            }
        }
    };
    for source in sources {
        read::read_source(source, &counters, &mut |item| match item {
            Ok(a) => {
                batch.push(a);
                if batch.len() >= BATCH {
                    count(&mut batch, &mut model, &mut summary);
                }
            }
            Err(r) => {
                summary.rejected += 1;
                reject(r);
            }
        });
    }
    count(&mut batch, &mut model, &mut summary);
    (model, summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model_of(articles: &[(&str, Vec<u64>, u32)]) -> Model {
        let mut m = Model::default();
        for (s, keys, fp) in articles {
            m.add(s, keys, *fp);
        }
        m
    }

    #[test]
    fn merged_parts_equal_the_whole_in_any_split_and_order() {
        let arts: Vec<(&str, Vec<u64>, u32)> = (0..40u32)
            .map(|i| {
                let site = if i % 3 == 0 { "a.com" } else { "b.com" };
                (
                    site,
                    vec![1, u64::from(i % 5) + 10, u64::from(i) + 100],
                    i * 7 % 13,
                )
            })
            .collect();
        let whole = model_of(&arts);
        for parts in [2, 3, 7, 40] {
            let size = arts.len().div_ceil(parts);
            let mut chunks: Vec<Model> = arts.chunks(size).map(model_of).collect();
            chunks.reverse();
            let mut merged = Model::default();
            for c in chunks {
                merged.merge(c).unwrap();
            }
            assert_eq!(merged, whole, "{parts} parts");
            let (mut a, mut b) = (Vec::new(), Vec::new());
            merged.write(&mut a).unwrap();
            whole.write(&mut b).unwrap();
            assert_eq!(a, b);
        }
    }

    #[test]
    fn a_repeated_article_counts_once_toward_min_docs() {
        // the same article (same fingerprint) five times: never boilerplate
        let m = model_of(&vec![("s", vec![7], 42); 5]);
        assert!(m.boiler_keys().unwrap().is_empty());
        // three distinct articles: boilerplate
        let m = model_of(&[("s", vec![7], 1), ("s", vec![7], 2), ("s", vec![7], 3)]);
        assert_eq!(m.boiler_keys().unwrap(), HashSet::from([7]));
    }

    #[test]
    fn final_models_keep_the_boilerplate_and_refuse_merging() {
        let mut m = model_of(&[("s", vec![7, 8], 1), ("s", vec![7], 2), ("s", vec![7], 3)]);
        let keys = m.boiler_keys().unwrap();
        m.finalize();
        assert_eq!(m.sizes().1, 1);
        assert_eq!(m.boiler_keys().unwrap(), keys);
        assert!(m.clone().merge(Model::default()).is_err());
    }
}
