//! placeholder: see the module owner
use super::{Context, Found};
pub fn find(_text: &str, _ctx: &Context) -> Vec<Found> { Vec::new() }
