//! newsfacts: turn dumps of scraped news articles into searchable, exportable facts.
//!
//! Stages, one module each: [`read`] → [`clean`] → [`lang`] → [`extract`] → [`index`],
//! orchestrated by [`pipeline`]. The binary (`src/main.rs`) is only the command line.

pub mod article;
pub mod clean;
pub mod day;
pub mod error;
pub mod extract;
pub mod index;
pub mod lang;
pub mod pipeline;
pub mod read;
pub mod words;

pub use error::{Error, ErrorKind, Result};
