//! The command line: parse the arguments (`cli::args`), run the command (`cli`), and
//! turn how it ended into the exit code, here and nowhere else (README, "Exit codes"):
//! 0 done, 1 a usage or user error, 2 finished with rejected records, 3 the data or the
//! machine failed, 4 a bug (a panic included).

mod cli;

use clap::Parser as _;
use cli::args::{Cli, Command};
use cli::Finished;
use newsfacts::{Error, Result};
use std::process::ExitCode;

/// mimalloc: extraction makes many small strings, and glibc's malloc and free were
/// ≈ 6 % of ingest CPU.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            // --help and --version are not errors
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    // A panic on this thread (the panic hook has printed where) is a bug like one in a
    // worker thread: exit 4 with its message, not Rust's 101.
    let outcome = std::panic::catch_unwind(|| dispatch(cli))
        .unwrap_or_else(|payload| Err(Error::panicked("newsfacts", &*payload)));
    match outcome {
        Ok(Finished::Done) => ExitCode::SUCCESS,
        Ok(Finished::WithRejects) => ExitCode::from(2),
        // Writing into a closed pipe (`| head`) is how such output ends.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsfacts: error: {}", e.chain());
            ExitCode::from(e.exit_code())
        }
    }
}

fn dispatch(cli: Cli) -> Result<Finished> {
    match cli.command {
        Command::Extract(a) => cli::extract(a),
        Command::Ingest(a) => cli::ingest(a),
        Command::Search(a) => cli::search(a),
        Command::Export(a) => cli::export(a),
        // the cluster commands finish or fail: they reject no records
        Command::Boilerplate(a) => cli::scale::boilerplate(a).map(|()| Finished::Done),
        Command::Merge(a) => cli::scale::merge(a).map(|()| Finished::Done),
        Command::Mapping(a) => cli::scale::mapping(a).map(|()| Finished::Done),
        Command::Facts(a) => cli::facts(a),
        Command::Check(a) => cli::check(a),
        Command::NerTrain(a) => cli::ner_train(a),
        Command::NerEval(a) => cli::ner_eval(a),
    }
}
