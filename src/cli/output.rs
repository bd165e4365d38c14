//! Where the commands write: [`Output`], stdout or a file replaced atomically, and the
//! check that refuses to write over an input.

use newsfacts::error::ResultExt as _;
use newsfacts::read::Source;
use newsfacts::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where output goes: stdout, or a file written under a temporary name beside it and
/// renamed into place by [`Output::finish`], so a run that fails (a bad query, a full
/// disk) never leaves a truncated file where a good one was. A destination that is not a
/// regular file (`/dev/null`, a named pipe, `/dev/stdout`) is written directly: renaming
/// over it would replace the device or pipe with a plain file. A symbolic link is
/// followed, so the file it points to is replaced and the link stays.
pub enum Output {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    Direct {
        w: std::io::BufWriter<std::fs::File>,
        path: PathBuf,
    },
    File {
        w: std::io::BufWriter<std::fs::File>,
        tmp: PathBuf,
        dest: PathBuf,
    },
}

impl Output {
    /// `None` or `-` is stdout. A path that cannot be created is a user error.
    pub fn new(path: Option<&Path>) -> Result<Output> {
        match path {
            Some(p) if p.as_os_str() != "-" => {
                // Follow a link to what it names; a missing file is created as given.
                let p = &std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
                if std::fs::metadata(p).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
                    let f = std::fs::OpenOptions::new()
                        .write(true)
                        .open(p)
                        .map_err(|e| {
                            Error::at_path(format_args!("cannot open {}", p.display()), e)
                        })?;
                    return Ok(Output::Direct {
                        w: std::io::BufWriter::new(f),
                        path: p.to_path_buf(),
                    });
                }
                let name = p
                    .file_name()
                    .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
                let tmp = p.with_file_name(format!(".{name}.newsfacts-{}.tmp", std::process::id()));
                let f = std::fs::File::create(&tmp).map_err(|e| {
                    Error::at_path(format_args!("cannot create {}", p.display()), e)
                })?;
                Ok(Output::File {
                    w: std::io::BufWriter::new(f),
                    tmp,
                    dest: p.to_path_buf(),
                })
            }
            _ => Ok(Output::Stdout(std::io::BufWriter::new(
                std::io::stdout().lock(),
            ))),
        }
    }

    /// One value as a line of JSON.
    pub fn json_line(&mut self, value: &impl serde::Serialize) -> Result<()> {
        serde_json::to_writer(&mut *self, value).with_context(|| self.failed())?;
        self.write_all(b"\n").with_context(|| self.failed())
    }

    /// Flush, and put a file in place.
    pub fn finish(mut self) -> Result<()> {
        self.flush().with_context(|| self.failed())?;
        if let Output::File { tmp, dest, .. } = &self {
            std::fs::rename(tmp, dest)
                .with_context(|| format!("cannot write {}", dest.display()))?;
        }
        Ok(())
    }

    /// The message of a failed write.
    fn failed(&self) -> String {
        match self {
            Output::Stdout(_) => "cannot write to stdout".to_string(),
            Output::Direct { path, .. } | Output::File { dest: path, .. } => {
                format!("cannot write {}", path.display())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::Direct { w, .. } => w.write(buf),
            Output::File { w, .. } => w.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::Direct { w, .. } => w.flush(),
            Output::File { w, .. } => w.flush(),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // Still there only when finish() did not run or failed: the run failed.
        if let Output::File { tmp, .. } = self {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Refuse to write over an input: `extract in.jsonl -o in.jsonl` would lose it.
pub fn refuse_overwriting_inputs(sources: &[Source], outputs: &[Option<&Path>]) -> Result<()> {
    for out in outputs.iter().flatten() {
        let Ok(out_real) = std::fs::canonicalize(out) else {
            continue; // does not exist yet: cannot be an input
        };
        for s in sources {
            if let Some(p) = &s.path {
                if std::fs::canonicalize(p).is_ok_and(|r| r == out_real) {
                    return Err(Error::user(format!(
                        "{} is also an input; refusing to overwrite it",
                        out.display()
                    )));
                }
            }
        }
    }
    Ok(())
}
