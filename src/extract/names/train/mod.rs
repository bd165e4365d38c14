//! Training and evaluating the name tagger, driven by `newsfacts ner-train` and
//! `newsfacts ner-eval` (`models/README.md`, `scripts/train-ner.sh`). Nothing here is on
//! the run path of `extract` / `ingest`, which only load the embedded model.
//!
//! The corpus readers and span scoring are in [`data`], the training weights and the
//! model file writer in [`weights`]; the options are plain structs (the command line
//! builds them from its flags).

pub mod data;
pub mod weights;

use super::clusters::Clusters;
use super::features::{Groups, LcStats};
use super::gazetteer::Gazetteer;
use super::hash::lower_hash;
use super::model::{tag_doc, tags_from_spans, Model, Resources, Scratch};
use super::post::{Rule, Rules};
use crate::error::{Error, Result, ResultExt as _};
use data::{load_conll, load_finer, load_gmb, Counts, Doc};
use std::path::{Path, PathBuf};
use weights::{save, FWeights, TrainWeights};

/// What to train (`newsfacts ner-train`).
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Where to write the model.
    pub out: PathBuf,
    /// Folder of the NER data sets (`shared/data/ner`).
    pub data: PathBuf,
    /// Training sets, in order (a set named twice counts twice): conll, finer,
    /// wikigold, sec, re3d, gum, gmb.
    pub sets: Vec<String>,
    /// Passes over the training data (the best epoch on dev is kept).
    pub epochs: usize,
    /// log2 of the number of rows of the hashed weight table.
    pub bits: u32,
    /// Drop quantised weights whose magnitude is at most this.
    pub prune: i16,
    /// Seeds of the shuffling of documents: one model per seed, weights averaged.
    pub seeds: Vec<u64>,
    /// The feature groups on (ablations switch some off; see [`Groups::without`]).
    pub groups: Groups,
    /// Extra sets whose text (not labels) feeds the lower-case statistics.
    pub lc_extra: Vec<String>,
    /// GMB/re3d "gpe" labels count as LOC.
    pub gpe_as_loc: bool,
    /// Which epoch's weights each seed keeps.
    pub select: Select,
    /// With `k > 1`: no model is written; instead `k`-fold cross-validation on the
    /// training sets (first seed only), reporting every epoch's pooled F1 on the
    /// held-out folds of each named set.
    pub cv: usize,
    /// Cross-validation folds are contiguous blocks of each set's documents (in the
    /// set's order: the later documents of a time-ordered set are held out together, as
    /// a test period is) instead of every `cv`-th document.
    pub cv_blocked: bool,
}

/// Which epoch's weights a seed keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Select {
    /// The best epoch on CoNLL dev + FiNER val (F1 of CoNLL + half that of FiNER).
    BestOnDev,
    /// The last epoch: the number of epochs is chosen beforehand (by cross-validation
    /// on train), so the dev sets only report.
    Last,
}

/// What to evaluate (`newsfacts ner-eval`): span P/R/F1 per type.
#[derive(Debug, Clone)]
pub struct EvalOptions {
    /// CoNLL-style files, or FiNER-ORD `.csv` files.
    pub files: Vec<PathBuf>,
    /// A model file to use instead of the embedded one.
    pub model: Option<PathBuf>,
    /// Score the tagger's spans after post-processing (else its raw spans).
    pub post: bool,
    /// The post-processing rules on, when `post`.
    pub rules: Rules,
}

/// Load one named training set.
pub fn load_set(data: &Path, name: &str, gpe_as_loc: bool) -> Result<Vec<Doc>> {
    let dir_files = |d: PathBuf| -> Result<Vec<Doc>> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&d)
            .with_context(|| format!("reading {}", d.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "md"))
            .collect();
        files.sort();
        let mut out = Vec::new();
        for f in files {
            out.extend(load_conll(&f, gpe_as_loc)?);
        }
        Ok(out)
    };
    Ok(match name {
        "conll" => load_conll(&data.join("conll2003/conllpp_train.txt"), false)?,
        "finer" => load_finer(&data.join("finer_ord/train.csv"))?,
        "wikigold" => load_conll(
            &data.join("open/wikigold/CONLL-format/data/wikigold.conll.txt"),
            false,
        )?,
        "sec" => dir_files(data.join("open/SEC-filings/CONLL-format/data/train"))?,
        "re3d" => dir_files(data.join("open/re3d/CONLL-format/data/train"))?,
        "gum" => load_conll(
            &data.join("open/GUM/CONLL-format/data/train/gum-train.conll"),
            false,
        )?,
        "gmb" => load_gmb(&data.join("gmb/ner_dataset.csv.gz"), gpe_as_loc)?,
        _ => return Err(Error::user(format!("unknown training set {name}"))),
    })
}

/// Lower-case statistics over running text (sentence-initial tokens skipped).
pub fn lc_stats(docs: &[Doc]) -> LcStats {
    let mut counts: std::collections::HashMap<u64, (u32, u32)> = Default::default();
    for d in docs {
        for s in &d.sents {
            let caps = s
                .words
                .iter()
                .filter(|w| w.chars().any(|c| c.is_lowercase()))
                .count();
            if caps * 3 < s.words.len() {
                continue; // mostly upper-case: no evidence
            }
            for w in s.words.iter().skip(1) {
                let Some(c0) = w.chars().next() else { continue };
                if !c0.is_alphabetic() {
                    continue;
                }
                let e = counts.entry(lower_hash(w)).or_default();
                if c0.is_lowercase() {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
        }
    }
    let mut lc = LcStats::default();
    for (k, (lo, up)) in counts {
        let n = lo + up;
        if n < 2 {
            continue;
        }
        let r = lo as f64 / n as f64;
        let bin = if r > 0.9 {
            1
        } else if r < 0.1 {
            3
        } else {
            2
        };
        lc.insert(k, bin);
    }
    lc
}

fn doc_words(d: &Doc) -> (Vec<&str>, Vec<std::ops::Range<usize>>, Vec<u8>) {
    let mut words = Vec::new();
    let mut sents = Vec::new();
    let mut tags = Vec::new();
    for s in &d.sents {
        let st = words.len();
        words.extend(s.words.iter().map(|w| w.as_str()));
        tags.extend_from_slice(&s.tags);
        sents.push(st..words.len());
    }
    (words, sents, tags)
}

/// Evaluate float weights on documents.
fn eval_f(w: &FWeights, res: &Resources, docs: &[Doc]) -> Counts {
    eval_f_cv(w, res, docs, &Default::default(), &[]).all
}

/// The lower-cased strings of the gold names of `docs` (any type).
fn gold_names(docs: &[Doc]) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for d in docs {
        for s in &d.sents {
            for (a, b, _) in super::model::spans(&s.tags) {
                out.insert(s.words[a..b].join(" ").to_lowercase());
            }
        }
    }
    out
}

/// What [`eval_f_cv`] counts on held-out documents.
struct CvCounts {
    /// every name
    all: Counts,
    /// only the names (gold or predicted) whose string is not among the `seen` names
    novel: Counts,
    /// every name after each post-processing variant
    post: Vec<Counts>,
}

/// Evaluate float weights on documents, each tagged once: all names; only the names
/// (gold or predicted) whose string is not among `seen`, the gold names of the training
/// part (how the tagger does on names it has not memorised, the bulk of a held-out test
/// set); and all names after each post-processing variant (`None`: the tagger's output).
fn eval_f_cv(
    w: &FWeights,
    res: &Resources,
    docs: &[Doc],
    seen: &std::collections::HashSet<String>,
    variants: &[(String, Option<Rules>)],
) -> CvCounts {
    let mut out = CvCounts {
        all: Counts::default(),
        novel: Counts::default(),
        post: vec![Counts::default(); variants.len()],
    };
    let mut sc = Scratch::default();
    let mut wr = w;
    for d in docs {
        let (words, sents, gold) = doc_words(d);
        let pred = tag_doc(&mut wr, res, &words, &sents, None, &mut sc);
        for s in &sents {
            out.all.add(&gold[s.clone()], &pred[s.clone()]);
            let keep = |tags: &[u8]| -> Vec<_> {
                super::model::spans(tags)
                    .into_iter()
                    .filter(|&(a, b, _)| {
                        seen.is_empty()
                            || !seen
                                .contains(&words[s.start + a..s.start + b].join(" ").to_lowercase())
                    })
                    .collect()
            };
            out.novel
                .add_spans(&keep(&gold[s.clone()]), &keep(&pred[s.clone()]));
        }
        for ((_, rules), c) in variants.iter().zip(out.post.iter_mut()) {
            let fixed;
            let tags = match rules {
                None => &pred,
                Some(r) => {
                    let spans = super::post::postprocess(res, *r, &words, &sents, &pred);
                    fixed = tags_from_spans(pred.len(), &spans);
                    &fixed
                }
            };
            for s in &sents {
                c.add(&gold[s.clone()], &tags[s.clone()]);
            }
        }
    }
    out
}

/// The post-processing variants [`run_cv`] scores on the held-out folds: none (the
/// tagger alone), every rule, and every rule but one.
fn rule_variants() -> Vec<(String, Option<Rules>)> {
    let mut v = vec![
        ("raw".to_string(), None),
        ("all".to_string(), Some(Rules::ALL)),
    ];
    for r in Rule::EVERY {
        v.push((format!("-{r:?}"), Some(Rules::ALL.without(r))));
    }
    v
}

/// Evaluate a loaded model on documents.
pub fn eval_model(m: &Model, docs: &[Doc], post: bool, rules: Rules) -> Counts {
    let errors = std::env::var_os("NER_ERRORS").is_some();
    let mut c = Counts::default();
    let mut sc = Scratch::default();
    for d in docs {
        let (words, sents, gold) = doc_words(d);
        let tags = m.tag(&words, &sents, &mut sc);
        let pred = if post {
            let pp = super::post::postprocess(&m.res, rules, &words, &sents, &tags);
            if std::env::var_os("NER_DEBUG").is_some() {
                let raw = super::model::spans(&tags);
                for x in &pp {
                    if !raw.contains(x) {
                        eprintln!("post {:?} {:?}", words[x.0..x.1].join(" "), x.2);
                    }
                }
                for x in &raw {
                    if !pp.contains(x) {
                        eprintln!("raw  {:?} {:?}", words[x.0..x.1].join(" "), x.2);
                    }
                }
            }
            tags_from_spans(tags.len(), &pp)
        } else {
            tags
        };
        for s in &sents {
            if errors {
                print_errors(&words[s.clone()], &gold[s.clone()], &pred[s.clone()]);
            }
            c.add(&gold[s.clone()], &pred[s.clone()]);
        }
    }
    c
}

/// The false positives and false negatives of one sentence on stderr, tab-separated:
/// `FP`/`FN`, type, name, the sentence (`NER_ERRORS=1 newsfacts ner-eval FILE`).
fn print_errors(words: &[&str], gold: &[u8], pred: &[u8]) {
    let (g, p) = (super::model::spans(gold), super::model::spans(pred));
    let sentence = words.join(" ");
    for (kind, these, other) in [("FP", &p, &g), ("FN", &g, &p)] {
        for x in these.iter().filter(|x| !other.contains(x)) {
            let name = words[x.0..x.1].join(" ");
            eprintln!("{kind}\t{:?}\t{name}\t{sentence}", x.2);
        }
    }
}

fn load_eval_file(p: &Path) -> Result<Vec<Doc>> {
    if p.extension().is_some_and(|e| e == "csv") {
        load_finer(p)
    } else {
        load_conll(p, false)
    }
}

/// Train one averaged perceptron on `train` (documents shuffled by `seed` every
/// epoch); `each_epoch` sees the averaged weights after every epoch.
fn train_seed(
    opts: &TrainOptions,
    res: &Resources,
    train: &[Doc],
    seed: u64,
    each_epoch: &mut dyn FnMut(usize, &FWeights),
) {
    let mut w = TrainWeights::new(opts.bits);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut sc = Scratch::default();
    for epoch in 1..=opts.epochs {
        // Fisher-Yates with xorshift
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errs = 0usize;
        let mut ntok = 0usize;
        for &di in &order {
            let (words, sents, gold) = doc_words(&train[di]);
            let pred = tag_doc(&mut w, res, &words, &sents, Some(&gold), &mut sc);
            errs += pred.iter().zip(&gold).filter(|(a, b)| a != b).count();
            ntok += words.len();
            w.c += words.len() as f64;
        }
        eprintln!(
            "seed {seed} epoch {epoch}: train err {:.4}",
            errs as f64 / ntok.max(1) as f64
        );
        let fw = FWeights {
            bits: opts.bits,
            w: w.averaged(),
        };
        each_epoch(epoch, &fw);
    }
}

/// The fold of document `k` of a set of `n` documents: every `folds`-th document, or with
/// `blocked` the `k * folds / n`-th contiguous block.
fn fold_of(k: usize, n: usize, folds: usize, blocked: bool) -> usize {
    if blocked {
        k * folds / n.max(1)
    } else {
        k % folds
    }
}

/// `opts.cv`-fold cross-validation on the training documents (`set_of`: each one's set
/// and index in it; document `k` of a set is in fold `k % folds`, or with
/// `opts.cv_blocked` in fold `k * folds / documents`; either way a set named twice keeps
/// both copies in one fold). Trains on the other folds with the first seed,
/// scores every epoch on the held-out fold, and prints per set and epoch the F1 of
/// the pooled counts of all folds.
fn run_cv(
    opts: &TrainOptions,
    train: &[Doc],
    set_of: &[(usize, usize)],
    gaz: &Gazetteer,
    clusters: &Clusters,
) -> Result<()> {
    let folds = opts.cv;
    let seed = opts.seeds[0];
    let t0 = std::time::Instant::now();
    let mut sets: Vec<usize> = set_of.iter().map(|s| s.0).collect();
    sets.sort_unstable();
    sets.dedup();
    // documents per set (a set named twice: its copies share indices)
    let mut size = vec![0usize; opts.sets.len()];
    for &(si, k) in set_of {
        size[si] = size[si].max(k + 1);
    }
    let fold_of = |si: usize, k: usize| fold_of(k, size[si], folds, opts.cv_blocked);
    // counts[epoch][set position]
    let mut counts: Vec<Vec<Counts>> = vec![vec![Counts::default(); sets.len()]; opts.epochs];
    // the same, names not seen in the training part only
    let mut novel: Vec<Vec<Counts>> = vec![vec![Counts::default(); sets.len()]; opts.epochs];
    // the last epoch after each post-processing variant: post[variant][set position]
    let variants = rule_variants();
    let mut post: Vec<Vec<Counts>> = vec![vec![Counts::default(); sets.len()]; variants.len()];
    for f in 0..folds {
        let mut part = Vec::new();
        let mut held: Vec<Vec<Doc>> = vec![Vec::new(); sets.len()];
        let mut seen = std::collections::HashSet::new();
        for (d, &(si, k)) in train.iter().zip(set_of) {
            if fold_of(si, k) != f {
                part.push(d.clone());
            } else if seen.insert((si, k)) {
                let pos = sets.iter().position(|&x| x == si).unwrap_or(0);
                held[pos].push(d.clone());
            }
        }
        let lc = if opts.groups.lcstat {
            lc_stats(&part)
        } else {
            LcStats::default()
        };
        let res = Resources::new(gaz.clone(), lc, opts.groups, clusters.clone());
        let seen_names = gold_names(&part);
        train_seed(opts, &res, &part, seed, &mut |epoch, fw| {
            let mut line = format!("fold {f} epoch {epoch}:");
            for (pos, docs) in held.iter().enumerate() {
                // the post-processing variants at the last epoch only
                let last = if epoch == opts.epochs {
                    &variants[..]
                } else {
                    &[]
                };
                let c = eval_f_cv(fw, &res, docs, &seen_names, last);
                line += &format!("  {} {:.4}", opts.sets[sets[pos]], c.all.micro().2);
                counts[epoch - 1][pos].merge(&c.all);
                novel[epoch - 1][pos].merge(&c.novel);
                for (v, pc) in c.post.iter().enumerate() {
                    post[v][pos].merge(pc);
                }
            }
            eprintln!("{line}  ({:.0}s)", t0.elapsed().as_secs_f64());
        });
    }
    println!(
        "{folds}-fold cross-validation, seed {seed}: pooled span F1 per epoch \
         (new: names whose string is no gold name of the training part)"
    );
    for (e, row) in counts.iter().enumerate() {
        let mut line = format!("epoch {}:", e + 1);
        for (pos, c) in row.iter().enumerate() {
            line += &format!("  cv.{}={:.4}", opts.sets[sets[pos]], c.micro().2);
        }
        for (pos, c) in novel[e].iter().enumerate() {
            line += &format!("  cv.{}_new={:.4}", opts.sets[sets[pos]], c.micro().2);
        }
        println!("{line}");
    }
    println!(
        "post-processing on the held-out folds, epoch {} (raw: the tagger alone; \
         -Rule: every rule but that one)",
        opts.epochs
    );
    for ((name, _), row) in variants.iter().zip(&post) {
        let mut line = format!("rules {name}:");
        for (pos, c) in row.iter().enumerate() {
            line += &format!("  cv.{}={:.4}", opts.sets[sets[pos]], c.micro().2);
        }
        println!("{line}");
    }
    Ok(())
}

/// Train a model as `opts` say and write it; report each epoch and the quantised
/// model's figures on stderr.
pub fn run_train(opts: &TrainOptions) -> Result<()> {
    let t0 = std::time::Instant::now();
    let groups = opts.groups;
    let mut train: Vec<Doc> = Vec::new();
    // per training document: (index of its set's first naming in opts.sets, index in set)
    let mut set_of: Vec<(usize, usize)> = Vec::new();
    for (si, name) in opts.sets.iter().enumerate() {
        let d = load_set(&opts.data, name, opts.gpe_as_loc)?;
        let ntok: usize = d.iter().flat_map(|d| &d.sents).map(|s| s.words.len()).sum();
        eprintln!("{name}: {} docs, {ntok} tokens", d.len());
        let first = opts.sets.iter().position(|n| n == name).unwrap_or(si);
        set_of.extend((0..d.len()).map(|k| (first, k)));
        train.extend(d);
    }
    let dev_conll = load_conll(&opts.data.join("conll2003/conllpp_dev.txt"), false)?;
    let dev_finer = load_finer(&opts.data.join("finer_ord/val.csv"))?;
    let lc = if groups.lcstat {
        let mut extra = Vec::new();
        for name in &opts.lc_extra {
            extra.extend(load_set(&opts.data, name, false)?);
        }
        if extra.is_empty() {
            lc_stats(&train)
        } else {
            extra.extend(train.iter().cloned());
            lc_stats(&extra)
        }
    } else {
        LcStats::default()
    };
    let res = Resources::builtin(lc, groups);
    let seeds = &opts.seeds;
    if seeds.is_empty() {
        return Err(Error::user("no seeds"));
    }
    if opts.cv > 1 {
        return run_cv(opts, &train, &set_of, &res.gaz, &res.clusters);
    }
    // One averaged perceptron per seed (document order), then the mean of their weights.
    let mut avg: Vec<f32> = Vec::new();
    for &seed in seeds {
        let mut best: Option<(f64, usize, Vec<f32>)> = None;
        train_seed(opts, &res, &train, seed, &mut |epoch, fw| {
            let cd = eval_f(fw, &res, &dev_conll);
            let fd = eval_f(fw, &res, &dev_finer);
            let (f_c, f_f) = (cd.micro().2, fd.micro().2);
            eprintln!(
                "seed {seed} epoch {epoch}: conll dev F1 {f_c:.4}  finer val F1 {f_f:.4}  ({:.0}s)",
                t0.elapsed().as_secs_f64()
            );
            let score = match opts.select {
                Select::BestOnDev => f_c + 0.5 * f_f,
                Select::Last => epoch as f64,
            };
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, epoch, fw.w.clone()));
            }
        });
        let (_, epoch, wv) = best.ok_or_else(|| Error::user("no epochs"))?;
        eprintln!("seed {seed}: kept epoch {epoch}");
        if avg.is_empty() {
            avg = wv;
        } else {
            avg.iter_mut().zip(&wv).for_each(|(a, b)| *a += b);
        }
    }
    let k = seeds.len() as f32;
    avg.iter_mut().for_each(|a| *a /= k);
    let (size, nnz) = save(&opts.out, opts.bits, &avg, &res.lc, groups, opts.prune)?;
    eprintln!(
        "wrote {} ({:.1} MB, {nnz} weights)",
        opts.out.display(),
        size as f64 / 1e6
    );
    let m = Model::load(&std::fs::read(&opts.out)?)?;
    let cd = eval_model(&m, &dev_conll, true, Rules::ALL);
    let fd = eval_model(&m, &dev_finer, true, Rules::ALL);
    eprintln!("quantised model, CoNLL dev:\n{}", cd.report());
    eprintln!("quantised model, FiNER val:\n{}", fd.report());
    Ok(())
}

/// Print span P/R/F1 per type of the embedded model (or `opts.model`) on each file.
pub fn run_eval(opts: &EvalOptions) -> Result<()> {
    let owned;
    let m: &Model = match &opts.model {
        Some(p) => {
            owned = Model::load(&std::fs::read(p).with_context(|| p.display().to_string())?)?;
            &owned
        }
        None => super::model_ref().ok_or_else(|| Error::internal("no embedded NER model"))?,
    };
    if opts.files.is_empty() {
        return Err(Error::user("give CoNLL or FiNER csv files to evaluate on"));
    }
    for f in &opts.files {
        let docs = load_eval_file(f)?;
        let c = eval_model(m, &docs, opts.post, opts.rules);
        println!("{}\n{}", f.display(), c.report());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::data::Sentence;
    use super::*;
    use crate::extract::names::model::{tag_of, NameType};

    #[test]
    fn rule_variants_drop_one_rule_each() {
        let v = rule_variants();
        assert_eq!(v[0], ("raw".to_string(), None));
        assert_eq!(v[1], ("all".to_string(), Some(Rules::ALL)));
        assert_eq!(v.len(), 2 + Rule::EVERY.len());
        for ((name, rules), r) in v[2..].iter().zip(Rule::EVERY) {
            assert_eq!(name, &format!("-{r:?}"));
            let r_bits = rules.unwrap().bits();
            assert_eq!(r_bits | r as u8, 0xff);
            assert_eq!(r_bits.count_ones(), 7);
        }
    }

    #[test]
    fn blocked_folds_are_contiguous_and_cover_every_fold() {
        for (n, folds) in [(5, 5), (12, 5), (946, 5), (135, 5), (7, 3)] {
            let f: Vec<usize> = (0..n).map(|k| fold_of(k, n, folds, true)).collect();
            assert!(
                f.windows(2).all(|w| w[0] <= w[1] && w[1] <= w[0] + 1),
                "{n} {folds}"
            );
            assert_eq!((f[0], f[n - 1]), (0, folds - 1));
            let smallest = (0..folds)
                .map(|x| f.iter().filter(|&&y| y == x).count())
                .min();
            assert!(smallest >= Some(n / folds), "{n} {folds}");
        }
        assert_eq!(fold_of(7, 20, 5, false), 2);
    }

    #[test]
    fn gold_names_are_lower_case_strings_of_any_type() {
        // "Chen Lei" a person (B, L), "Xunlei" an organisation (U)
        let (b, l) = (tag_of(NameType::Person, 0), tag_of(NameType::Person, 2));
        let u = tag_of(NameType::Org, 3);
        let words = ["Chen", "Lei", "left", "Xunlei"].map(String::from).to_vec();
        let doc = Doc {
            sents: vec![Sentence {
                words,
                tags: vec![b, l, 0, u],
            }],
        };
        let names = gold_names(&[doc]);
        let mut v: Vec<&str> = names.iter().map(String::as_str).collect();
        v.sort_unstable();
        assert_eq!(v, ["chen lei", "xunlei"]);
    }
}
