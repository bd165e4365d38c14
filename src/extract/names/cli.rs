//! placeholder: `newsfacts ner-train` / `newsfacts ner-eval`
use std::path::PathBuf;

/// Train the name tagger.
#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    pub out: PathBuf,
}

/// Print span-level P/R/F1 per type on a CoNLL-style file.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// CoNLL file(s) to evaluate on.
    pub files: Vec<PathBuf>,
}

pub fn run_train(_args: &TrainArgs) -> anyhow::Result<()> {
    anyhow::bail!("not built yet")
}

pub fn run_eval(_args: &EvalArgs) -> anyhow::Result<()> {
    anyhow::bail!("not built yet")
}
