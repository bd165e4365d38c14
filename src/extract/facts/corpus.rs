//! The fact tables (`facts/corpus/en.tsv`), run in `cargo test`.
