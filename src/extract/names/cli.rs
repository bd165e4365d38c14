//! `newsfacts ner-train` / `newsfacts ner-eval`.
use super::data::{load_conll, load_finer, load_gmb, Counts, Doc};
use super::features::{Groups, LcStats};
use super::gazetteer::Gazetteer;
use super::hash::lower_hash;
use super::model::{
    save, tag_doc, tags_from_spans, FWeights, Model, Resources, Scratch, TrainWeights,
};
use anyhow::{bail, Context as _};
use std::path::{Path, PathBuf};

/// Train the name tagger.
#[derive(Debug, Clone, clap::Args)]
pub struct TrainArgs {
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    pub out: PathBuf,
    /// Folder of the NER data sets (shared/data/ner).
    #[arg(long, default_value = "../shared/data/ner")]
    pub data: PathBuf,
    /// Training sets, comma-separated: conll, finer, wikigold, sec, re3d, gum, gmb.
    #[arg(long, default_value = "conll,finer,wikigold,sec")]
    pub sets: String,
    /// Number of passes over the training data (the best epoch on dev is kept).
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// log2 of the number of rows of the hashed weight table.
    #[arg(long, default_value_t = 20)]
    pub bits: u32,
    /// Drop quantised weights whose magnitude is at most this.
    #[arg(long, default_value_t = 2)]
    pub prune: i16,
    /// Seeds of the shuffling of documents: one model per seed, weights averaged.
    #[arg(long, default_value = "7")]
    pub seeds: String,
    /// Switch off feature groups (ablation): affix, context2, gaz, doc, lcstat, shape_ctx.
    #[arg(long, default_value = "")]
    pub without: String,
    /// Extra sets whose text (not labels) feeds the lower-case statistics.
    #[arg(long, default_value = "")]
    pub lc_extra: String,
    /// GMB/re3d "gpe" labels count as LOC.
    #[arg(long)]
    pub gpe_as_loc: bool,
}

/// Print span-level P/R/F1 per type on CoNLL-style files or FiNER-ORD CSV files.
#[derive(Debug, Clone, clap::Args)]
pub struct EvalArgs {
    /// CoNLL file(s) (or FiNER `.csv`) to evaluate on.
    pub files: Vec<PathBuf>,
    /// Model file to use instead of the embedded one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Score the tagger's raw spans (no post-processing).
    #[arg(long)]
    pub raw: bool,
    /// Post-processing rules (bit mask, see `post::postprocess`).
    #[arg(long, default_value_t = super::post::ALL_RULES)]
    pub rules: u8,
}

/// Load one named training set.
pub fn load_set(data: &Path, name: &str, gpe_as_loc: bool) -> anyhow::Result<Vec<Doc>> {
    let dir_files = |d: PathBuf| -> anyhow::Result<Vec<Doc>> {
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
        _ => bail!("unknown training set {name}"),
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
    let mut c = Counts::default();
    let mut sc = Scratch::default();
    let mut wr = w;
    for d in docs {
        let (words, sents, gold) = doc_words(d);
        let pred = tag_doc(&mut wr, res, &words, &sents, None, &mut sc);
        for s in &sents {
            c.add(&gold[s.clone()], &pred[s.clone()]);
        }
    }
    c
}

/// Evaluate a loaded model on documents.
pub fn eval_model(m: &Model, docs: &[Doc], post: bool, rules: u8) -> Counts {
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
            c.add(&gold[s.clone()], &pred[s.clone()]);
        }
    }
    c
}

fn load_eval_file(p: &Path) -> anyhow::Result<Vec<Doc>> {
    if p.extension().is_some_and(|e| e == "csv") {
        load_finer(p)
    } else {
        load_conll(p, false)
    }
}

pub fn run_train(args: &TrainArgs) -> anyhow::Result<()> {
    let t0 = std::time::Instant::now();
    let mut groups = Groups::ALL;
    for g in args.without.split(',').filter(|s| !s.is_empty()) {
        match g {
            "affix" => groups.affix = false,
            "context2" => groups.context2 = false,
            "gaz" => groups.gaz = false,
            "doc" => groups.doc = false,
            "lcstat" => groups.lcstat = false,
            "shape_ctx" => groups.shape_ctx = false,
            _ => bail!("unknown feature group {g}"),
        }
    }
    let mut train: Vec<Doc> = Vec::new();
    for name in args.sets.split(',').filter(|s| !s.is_empty()) {
        let d = load_set(&args.data, name, args.gpe_as_loc)?;
        let ntok: usize = d.iter().flat_map(|d| &d.sents).map(|s| s.words.len()).sum();
        eprintln!("{name}: {} docs, {ntok} tokens", d.len());
        train.extend(d);
    }
    let dev_conll = load_conll(&args.data.join("conll2003/conllpp_dev.txt"), false)?;
    let dev_finer = load_finer(&args.data.join("finer_ord/val.csv"))?;
    let lc = if groups.lcstat {
        let mut extra = Vec::new();
        for name in args.lc_extra.split(',').filter(|s| !s.is_empty()) {
            extra.extend(load_set(&args.data, name, false)?);
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
    let res = Resources {
        gaz: Gazetteer::builtin(),
        lc,
        groups,
    };
    let seeds: Vec<u64> = args
        .seeds
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| s.trim().parse::<u64>().context("bad --seeds"))
        .collect::<anyhow::Result<_>>()?;
    if seeds.is_empty() {
        bail!("no seeds");
    }
    // One averaged perceptron per seed (document order), then the mean of their weights.
    let mut avg: Vec<f32> = Vec::new();
    for &seed in &seeds {
        let mut w = TrainWeights::new(args.bits);
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut rng = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut sc = Scratch::default();
        let mut best: Option<(f64, usize, Vec<f32>)> = None;
        for epoch in 1..=args.epochs {
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
                let pred = tag_doc(&mut w, &res, &words, &sents, Some(&gold), &mut sc);
                errs += pred.iter().zip(&gold).filter(|(a, b)| a != b).count();
                ntok += words.len();
                w.c += words.len() as f64;
            }
            let fw = FWeights {
                bits: args.bits,
                w: w.averaged(),
            };
            let cd = eval_f(&fw, &res, &dev_conll);
            let fd = eval_f(&fw, &res, &dev_finer);
            let (f_c, f_f) = (cd.micro().2, fd.micro().2);
            eprintln!(
                "seed {seed} epoch {epoch}: train err {:.4}  conll dev F1 {f_c:.4}  finer val F1 {f_f:.4}  ({:.0}s)",
                errs as f64 / ntok as f64,
                t0.elapsed().as_secs_f64()
            );
            let score = f_c + 0.5 * f_f;
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, epoch, fw.w));
            }
        }
        let (_, epoch, wv) = best.context("no epochs")?;
        eprintln!("seed {seed}: kept epoch {epoch}");
        if avg.is_empty() {
            avg = wv;
        } else {
            avg.iter_mut().zip(&wv).for_each(|(a, b)| *a += b);
        }
    }
    let k = seeds.len() as f32;
    avg.iter_mut().for_each(|a| *a /= k);
    let (size, nnz) = save(&args.out, args.bits, &avg, &res.lc, groups, args.prune)?;
    eprintln!(
        "wrote {} ({:.1} MB, {nnz} weights)",
        args.out.display(),
        size as f64 / 1e6
    );
    let m = Model::load(&std::fs::read(&args.out)?)?;
    let cd = eval_model(&m, &dev_conll, true, super::post::ALL_RULES);
    let fd = eval_model(&m, &dev_finer, true, super::post::ALL_RULES);
    eprintln!("quantised model, CoNLL dev:\n{}", cd.report());
    eprintln!("quantised model, FiNER val:\n{}", fd.report());
    Ok(())
}

pub fn run_eval(args: &EvalArgs) -> anyhow::Result<()> {
    let owned;
    let m: &Model = match &args.model {
        Some(p) => {
            owned = Model::load(&std::fs::read(p).with_context(|| p.display().to_string())?)?;
            &owned
        }
        None => super::model_ref().context("no embedded NER model")?,
    };
    if args.files.is_empty() {
        bail!("give CoNLL or FiNER csv files to evaluate on");
    }
    for f in &args.files {
        let docs = load_eval_file(f)?;
        let c = eval_model(m, &docs, !args.raw, args.rules);
        println!("{}\n{}", f.display(), c.report());
    }
    Ok(())
}
