//! placeholder: the statistical name tagger (PERSON / ORG / LOC)
use super::{Context, Found};

pub mod cli;

pub fn find(_text: &str, _ctx: &Context) -> Vec<Found> {
    Vec::new()
}
