//! Training and evaluation corpora: readers for CoNLL-style files, FiNER-ORD CSV and the
//! GMB CSV, label mapping to PERSON/ORG/LOC, and span-level scoring.

use crate::error::{Result, ResultExt as _};
use crate::extract::names::model::{spans, tags_from_spans, NameType, TokenSpan, NTYPES};
use std::io::Read;
use std::path::Path;

/// A tokenised sentence with BILOU gold tags.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<u8>,
}

/// A document: sentences that share document-level features.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub sents: Vec<Sentence>,
}

/// Map a corpus label type (`PER`, `person`, `geo`…) to our type.
pub fn map_type(label: &str, gpe_as_loc: bool) -> Option<NameType> {
    match label.to_ascii_lowercase().as_str() {
        "per" | "person" => Some(NameType::Person),
        "org" | "organisation" | "organization" => Some(NameType::Org),
        "loc" | "location" | "place" | "geo" => Some(NameType::Loc),
        "gpe" if gpe_as_loc => Some(NameType::Loc),
        _ => None,
    }
}

/// IOB1/IOB2 labels → spans of our types (other types dropped).
fn iob_to_tags(labels: &[String], gpe_as_loc: bool) -> Vec<u8> {
    let mut sp = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    let close = |cur: &mut Option<(usize, String)>, i: usize, sp: &mut Vec<_>| {
        if let Some((s, ty)) = cur.take() {
            if let Some(t) = map_type(&ty, gpe_as_loc) {
                sp.push((s, i, t));
            }
        }
    };
    for (i, l) in labels.iter().enumerate() {
        let (pre, ty) = match l.split_once('-') {
            Some((p, t)) if p == "B" || p == "I" => (p, t.to_string()),
            _ => {
                close(&mut cur, i, &mut sp);
                continue;
            }
        };
        let cont = pre == "I" && cur.as_ref().is_some_and(|(_, t)| *t == ty);
        if !cont {
            close(&mut cur, i, &mut sp);
            cur = Some((i, ty));
        }
    }
    close(&mut cur, labels.len(), &mut sp);
    tags_from_spans(labels.len(), &sp)
}

/// CoNLL-style file: token first column, label last; blank line between sentences;
/// `-DOCSTART-` between documents. Files without DOCSTART become one doc per 40 sentences.
pub fn load_conll(path: &Path, gpe_as_loc: bool) -> Result<Vec<Doc>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs = vec![Doc::default()];
    let mut words = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let has_docstart = text.contains("-DOCSTART-");
    let flush = |words: &mut Vec<String>, labels: &mut Vec<String>, docs: &mut Vec<Doc>| {
        if !words.is_empty() {
            let tags = iob_to_tags(labels, gpe_as_loc);
            let d = docs.last_mut().unwrap();
            d.sents.push(Sentence {
                words: std::mem::take(words),
                tags,
            });
            labels.clear();
            if !has_docstart && d.sents.len() >= 40 {
                docs.push(Doc::default());
            }
        }
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            flush(&mut words, &mut labels, &mut docs);
            if !docs.last().unwrap().sents.is_empty() {
                docs.push(Doc::default());
            }
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut words, &mut labels, &mut docs);
            continue;
        }
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        if cols.len() < 2 {
            continue;
        }
        words.push(cols[0].to_string());
        labels.push(cols[cols.len() - 1].to_string());
    }
    flush(&mut words, &mut labels, &mut docs);
    docs.retain(|d| !d.sents.is_empty());
    Ok(docs)
}

fn split_csv(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut q = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if q && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => q = !q,
            ',' if !q => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// FiNER-ORD CSV: `gold_label,gold_token,doc_idx,sent_idx`.
pub fn load_finer(path: &Path) -> Result<Vec<Doc>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs: Vec<Doc> = Vec::new();
    let mut key = (String::new(), String::new());
    let mut words = Vec::new();
    let mut labels = Vec::new();
    let flush = |words: &mut Vec<String>, labels: &mut Vec<String>, docs: &mut Vec<Doc>| {
        if !words.is_empty() {
            let tags = iob_to_tags(labels, false);
            docs.last_mut().unwrap().sents.push(Sentence {
                words: std::mem::take(words),
                tags,
            });
            labels.clear();
        }
    };
    for line in text.lines().skip(1) {
        let c = split_csv(line);
        if c.len() < 4 {
            continue;
        }
        let lab = match c[0].trim() {
            "1" => "B-PER",
            "2" => "I-PER",
            "3" => "B-LOC",
            "4" => "I-LOC",
            "5" => "B-ORG",
            "6" => "I-ORG",
            _ => "O",
        };
        if c[2] != key.0 || c[3] != key.1 {
            flush(&mut words, &mut labels, &mut docs);
            if c[2] != key.0 {
                docs.push(Doc::default());
            }
            key = (c[2].clone(), c[3].clone());
        }
        let w = c[1].trim();
        if w.is_empty() {
            continue;
        }
        words.push(w.to_string());
        labels.push(lab.to_string());
    }
    flush(&mut words, &mut labels, &mut docs);
    docs.retain(|d| !d.sents.is_empty());
    Ok(docs)
}

/// GMB CSV (gzip, Latin-1): `Sentence #,Word,POS,Tag`. Grouped 20 sentences per doc.
pub fn load_gmb(path: &Path, gpe_as_loc: bool) -> Result<Vec<Doc>> {
    let f = std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(f).read_to_end(&mut raw)?;
    let text: String = raw.iter().map(|&b| b as char).collect();
    let mut docs = vec![Doc::default()];
    let mut words = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let flush = |words: &mut Vec<String>, labels: &mut Vec<String>, docs: &mut Vec<Doc>| {
        if !words.is_empty() {
            let tags = iob_to_tags(labels, gpe_as_loc);
            if docs.last().unwrap().sents.len() >= 20 {
                docs.push(Doc::default());
            }
            docs.last_mut().unwrap().sents.push(Sentence {
                words: std::mem::take(words),
                tags,
            });
            labels.clear();
        }
    };
    for line in text.lines().skip(1) {
        let c = split_csv(line);
        if c.len() < 4 {
            continue;
        }
        if !c[0].is_empty() {
            flush(&mut words, &mut labels, &mut docs);
        }
        words.push(c[1].clone());
        labels.push(c[c.len() - 1].clone());
    }
    flush(&mut words, &mut labels, &mut docs);
    docs.retain(|d| !d.sents.is_empty());
    Ok(docs)
}

/// Span-level counts per type (arrays indexed by [`NameType::index`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub tp: [usize; NTYPES],
    pub fp: [usize; NTYPES],
    pub fn_: [usize; NTYPES],
}

impl Counts {
    /// Add the counts of `o`.
    pub fn merge(&mut self, o: &Counts) {
        for k in 0..NTYPES {
            self.tp[k] += o.tp[k];
            self.fp[k] += o.fp[k];
            self.fn_[k] += o.fn_[k];
        }
    }

    pub fn add(&mut self, gold: &[u8], pred: &[u8]) {
        self.add_spans(&spans(gold), &spans(pred));
    }

    /// Count predicted spans `p` against gold spans `g`.
    pub fn add_spans(&mut self, g: &[TokenSpan], p: &[TokenSpan]) {
        for s in p {
            if g.contains(s) {
                self.tp[s.2.index()] += 1;
            } else {
                self.fp[s.2.index()] += 1;
            }
        }
        for s in g {
            if !p.contains(s) {
                self.fn_[s.2.index()] += 1;
            }
        }
    }
    pub fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
        let p = if tp + fp > 0 {
            tp as f64 / (tp + fp) as f64
        } else {
            0.0
        };
        let r = if tp + fn_ > 0 {
            tp as f64 / (tp + fn_) as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
    pub fn type_prf(&self, t: NameType) -> (f64, f64, f64) {
        let t = t.index();
        Self::prf(self.tp[t], self.fp[t], self.fn_[t])
    }
    pub fn micro(&self) -> (f64, f64, f64) {
        Self::prf(
            self.tp.iter().sum(),
            self.fp.iter().sum(),
            self.fn_.iter().sum(),
        )
    }
    pub fn report(&self) -> String {
        let mut s = String::new();
        for t in NameType::ALL {
            let (p, r, f) = self.type_prf(t);
            let (n, i) = (t.as_str(), t.index());
            s += &format!(
                "{n:7} P={p:.4} R={r:.4} F1={f:.4}  (tp={} fp={} fn={})\n",
                self.tp[i], self.fp[i], self.fn_[i]
            );
        }
        let (p, r, f) = self.micro();
        s += &format!("{:7} P={p:.4} R={r:.4} F1={f:.4}\n", "ALL");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn iob1_and_iob2() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // IOB1: I-PER I-PER B-PER → two spans
        let t = iob_to_tags(
            &l(&["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-MISC"]),
            false,
        );
        use NameType::*;
        assert_eq!(spans(&t), vec![(0, 2, Person), (2, 3, Person), (4, 5, Loc)]);
        let t = iob_to_tags(&l(&["B-ORG", "I-ORG", "B-geo", "B-gpe"]), false);
        assert_eq!(spans(&t), vec![(0, 2, Org), (2, 3, Loc)]);
    }
}
