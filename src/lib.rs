//! newsfacts: turn dumps of scraped news articles into searchable, exportable facts.
//!
//! Stages, one module each: [`read`] → [`clean`] → [`lang`] → [`extract`] → [`index`],
//! orchestrated by [`pipeline`].

pub mod article;
pub mod clean;
pub mod extract;
