//! The weights of training: an averaged perceptron with lazy averaging, the float weights
//! an averaged model is evaluated with, and the model file they are written to (read back
//! by [`Model::load`](crate::extract::names::model::Model::load)).

use crate::error::{Result, ResultExt as _};
use crate::extract::names::features::{Groups, LcStats};
use crate::extract::names::model::{Weights, NTAGS, ROW};
use crate::extract::names::model_file::MAGIC;
use std::io::Write;

/// Training weights with lazy averaging (`avg = w - u / c`).
pub struct TrainWeights {
    pub bits: u32,
    pub w: Vec<f32>,
    pub u: Vec<f64>,
    pub c: f64,
}

impl TrainWeights {
    pub fn new(bits: u32) -> Self {
        let n = (1usize << bits) * ROW;
        TrainWeights {
            bits,
            w: vec![0.0; n],
            u: vec![0.0; n],
            c: 1.0,
        }
    }
    pub fn averaged(&self) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w as f64 - u / self.c) as f32)
            .collect()
    }
}

impl Weights for TrainWeights {
    fn bits(&self) -> u32 {
        self.bits
    }
    #[inline]
    fn score(&self, rows: &[u32], out: &mut [f32; ROW]) {
        *out = [0.0; ROW];
        for &r in rows {
            let base = r as usize * ROW;
            let w = &self.w[base..base + ROW];
            for k in 0..ROW {
                out[k] += w[k];
            }
        }
    }
    fn update(&mut self, rows: &[u32], gold: u8, pred: u8) {
        let c = self.c;
        for &r in rows {
            let base = r as usize * ROW;
            self.w[base + gold as usize] += 1.0;
            self.u[base + gold as usize] += c;
            self.w[base + pred as usize] -= 1.0;
            self.u[base + pred as usize] -= c;
        }
    }
    fn add(&mut self, rows: &[u32], tag: u8, d: f32) {
        let c = self.c;
        for &r in rows {
            let i = r as usize * ROW + tag as usize;
            self.w[i] += d;
            self.u[i] += c * d as f64;
        }
    }
}

/// Float weights used to evaluate an averaged model during training.
pub struct FWeights {
    pub bits: u32,
    pub w: Vec<f32>,
}
impl Weights for &FWeights {
    fn bits(&self) -> u32 {
        self.bits
    }
    #[inline]
    fn score(&self, rows: &[u32], out: &mut [f32; ROW]) {
        *out = [0.0; ROW];
        for &r in rows {
            let base = r as usize * ROW;
            let w = &self.w[base..base + ROW];
            for k in 0..ROW {
                out[k] += w[k];
            }
        }
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Quantise averaged weights to i16 (dropping those that round below `prune` steps) and
/// write the model file: header, then a deflated sparse table and the lower-case stats.
pub fn save(
    path: &std::path::Path,
    bits: u32,
    avg: &[f32],
    lc: &LcStats,
    groups: Groups,
    prune: i16,
) -> Result<(usize, usize)> {
    let maxabs = avg.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-6);
    let scale = 32000.0 / maxabs;
    let mut body = Vec::new();
    let mut last = 0u64;
    let mut nnz = 0usize;
    for (r, chunk) in avg.chunks_exact(ROW).enumerate() {
        let q: Vec<i16> = chunk[..NTAGS]
            .iter()
            .map(|&x| {
                let v = (x * scale).round() as i32;
                if v.abs() <= prune as i32 {
                    0
                } else {
                    v as i16
                }
            })
            .collect();
        let mask: u16 = q
            .iter()
            .enumerate()
            .filter(|(_, &v)| v != 0)
            .fold(0, |m, (k, _)| m | 1 << k);
        if mask == 0 {
            continue;
        }
        put_varint(&mut body, r as u64 - last);
        last = r as u64;
        body.extend_from_slice(&mask.to_le_bytes());
        for v in q.iter().filter(|&&v| v != 0) {
            body.extend_from_slice(&v.to_le_bytes());
            nnz += 1;
        }
    }
    let mut lcv: Vec<(u64, u8)> = lc.iter().map(|(&k, &v)| (k, v)).collect();
    lcv.sort_unstable();
    let mut tail = Vec::new();
    put_varint(&mut tail, lcv.len() as u64);
    for (k, v) in lcv {
        tail.extend_from_slice(&k.to_le_bytes());
        tail.push(v);
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(bits as u8);
    out.push(groups.to_byte());
    out.push(groups.to_byte2());
    out.extend_from_slice(&(1.0 / scale).to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    let mut enc = flate2::write::DeflateEncoder::new(out, flate2::Compression::best());
    enc.write_all(&body)?;
    enc.write_all(&tail)?;
    let out = enc.finish()?;
    std::fs::write(path, &out).with_context(|| format!("writing {}", path.display()))?;
    Ok((out.len(), nnz))
}
