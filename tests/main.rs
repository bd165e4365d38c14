//! The integration tests, in one test binary (as ripgrep has: one build, one link): each
//! module drives the real `newsfacts` binary on temp dirs, with the helpers of `util`.
//! Run one area with `cargo test --release --test integration robustness::`.

mod util;

mod clean;
mod cli;
mod errors;
mod ingest;
mod robustness;
mod search_zh;
