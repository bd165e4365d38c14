//! The model file: what [`super::train::weights::save`] writes and [`Model::load`] reads.
//!
//! Magic (8 bytes), log2 of the rows, [`Groups::to_byte`], [`Groups::to_byte2`], scale
//! (`f32`), body length (`u64`), then the deflated body: the sparse `i16` rows (varint
//! row steps, a mask of the tags present, the values), then the lower-case statistics.

use super::features::{Groups, LcStats};
use super::model::{Model, QWeights, Resources, NTAGS, ROW};
use crate::error::{Error, Result};
use std::io::Read;

/// The first bytes of a model file: magic, log2 rows, [`Groups::to_byte`],
/// [`Groups::to_byte2`], scale (`f32`), body length (`u64`), then the deflated body.
pub(super) const MAGIC: &[u8; 8] = b"NFNER02\0";
/// The magic of the files written before [`Groups::to_byte2`] (no byte for it).
const MAGIC_V1: &[u8; 8] = b"NFNER01\0";

fn get_varint(b: &[u8], pos: &mut usize) -> Result<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let Some(&x) = b.get(*pos) else {
            return Err(Error::input("truncated model"));
        };
        *pos += 1;
        v |= ((x & 0x7f) as u64) << shift;
        if x & 0x80 == 0 {
            return Ok(v);
        }
        shift += 7;
        if shift > 63 {
            return Err(Error::input("bad varint"));
        }
    }
}

impl Model {
    pub fn load(bytes: &[u8]) -> Result<Model> {
        // the header's length: v1 files have no second groups byte
        let h = match bytes.get(..8) {
            Some(m) if m == MAGIC => 11,
            Some(m) if m == MAGIC_V1 => 10,
            _ => 0,
        };
        if h == 0 || bytes.len() < h + 16 {
            return Err(Error::input("not a newsfacts NER model"));
        }
        let bits = bytes[8] as u32;
        if !(8..=26).contains(&bits) {
            return Err(Error::input("bad table size"));
        }
        let groups = if h == 10 {
            Groups::from_byte(bytes[9])
        } else {
            Groups::from_bytes(bytes[9], bytes[10])
        };
        let body_len = u64::from_le_bytes(bytes[h + 4..h + 12].try_into().unwrap()) as usize;
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(&bytes[h + 12..]).read_to_end(&mut raw)?;
        if raw.len() < body_len {
            return Err(Error::input("truncated model"));
        }
        let rows = 1usize << bits;
        let mut table = vec![0i16; rows * ROW];
        let mut pos = 0;
        let mut r = 0usize;
        let body = &raw[..body_len];
        while pos < body.len() {
            r += get_varint(body, &mut pos)? as usize;
            if r >= rows || pos + 2 > body.len() {
                return Err(Error::input("corrupt model"));
            }
            let mask = u16::from_le_bytes([body[pos], body[pos + 1]]);
            pos += 2;
            for k in 0..NTAGS {
                if mask & (1 << k) != 0 {
                    let Some(v) = body.get(pos..pos + 2) else {
                        return Err(Error::input("corrupt model"));
                    };
                    table[r * ROW + k] = i16::from_le_bytes([v[0], v[1]]);
                    pos += 2;
                }
            }
        }
        let tail = &raw[body_len..];
        let mut pos = 0;
        let n = get_varint(tail, &mut pos)? as usize;
        let mut lc = LcStats::default();
        lc.reserve(n);
        for _ in 0..n {
            let Some(b) = tail.get(pos..pos + 9) else {
                return Err(Error::input("corrupt model"));
            };
            lc.insert(u64::from_le_bytes(b[..8].try_into().unwrap()), b[8]);
            pos += 9;
        }
        Ok(Model {
            weights: QWeights::from_i16(bits, &table),
            res: Resources::builtin(lc, groups),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_files_of_the_first_format() {
        let bytes = include_bytes!("../../../models/ner.bin");
        assert_eq!(&bytes[..8], MAGIC);
        let now = Model::load(bytes).unwrap();
        // the same file as the first format wrote it: old magic, no second groups byte
        let mut v1 = MAGIC_V1.to_vec();
        v1.extend_from_slice(&bytes[8..10]);
        v1.extend_from_slice(&bytes[11..]);
        let old = Model::load(&v1).unwrap();
        assert_eq!(old.res.groups.to_byte(), now.res.groups.to_byte());
        assert!(now.res.groups.agg && !old.res.groups.agg);
        assert_eq!(old.weights.table, now.weights.table);
        // the new magic without its byte, and the old one with it, are corrupt
        for (magic, body) in [(MAGIC, &v1[8..]), (MAGIC_V1, &bytes[8..])] {
            let mut b = magic.to_vec();
            b.extend_from_slice(body);
            assert!(Model::load(&b).is_err());
        }
        assert!(Model::load(&bytes[..20]).is_err());
    }
}
