//! The integration tests, in one test binary (as ripgrep has: one build, one link): each
//! module drives the real `newsfacts` binary on temp dirs, with the helpers of `util`.
//! Run one area with `cargo test --release --test integration robustness::`.

mod util;

mod clean;
mod cli;
mod damage;
mod dates;
mod errors;
mod facts;
mod handoff;
mod ingest;
mod ner_train;
mod robustness;
mod scale;
mod search_zh;
mod spark;
