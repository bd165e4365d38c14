//! The one error type of the library, in three kinds that say whose the problem is, each
//! with its own exit code (README, "Exit codes"):
//!
//! - [`Error::User`]: the command cannot be done as asked (bad arguments, a query that
//!   does not parse, an input path that does not exist, a directory that is not an
//!   index of ours). The user fixes the command. Exit 1.
//! - [`Error::Input`]: the data or the machine failed (an index that cannot be read or is
//!   damaged, an I/O error, a full disk). Exit 3.
//! - [`Error::Internal`]: a bug of ours (a worker thread panicked, an invariant broke).
//!   Exit 4.
//!
//! Exit 2 is not an error: the run finished and some records were rejected. Problems of
//! one record are never errors: they are rejects (`read::Reject`), counted and reported.

use std::fmt::Display;

/// A boxed source error.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// The library's error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command cannot be done as asked.
    #[error("{0}")]
    User(String),
    /// The data or the machine failed.
    #[error("{msg}")]
    Input {
        msg: String,
        #[source]
        source: Option<BoxError>,
    },
    /// A bug of ours.
    #[error("internal error: {0} (a bug in newsfacts; please report it)")]
    Internal(String),
}

/// `Result` with [`Error`] by default.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The kind of an error, without its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    User,
    Input,
    Internal,
}

impl Error {
    pub fn user(msg: impl Display) -> Error {
        Error::User(msg.to_string())
    }

    /// An input error with no underlying cause.
    pub fn input(msg: impl Display) -> Error {
        Error::Input {
            msg: msg.to_string(),
            source: None,
        }
    }

    pub fn internal(msg: impl Display) -> Error {
        Error::Internal(msg.to_string())
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::User(_) => ErrorKind::User,
            Error::Input { .. } => ErrorKind::Input,
            Error::Internal(_) => ErrorKind::Internal,
        }
    }

    /// The process exit code of this kind of error.
    pub fn exit_code(&self) -> u8 {
        match self.kind() {
            ErrorKind::User => 1,
            ErrorKind::Input => 3,
            ErrorKind::Internal => 4,
        }
    }

    /// The message with its causes, `outer: inner: innermost` (causes whose text the
    /// outer message already holds are left out).
    pub fn chain(&self) -> String {
        let mut s = self.to_string();
        let mut cur: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(self);
        while let Some(e) = cur {
            let t = e.to_string();
            if !s.contains(&t) {
                s.push_str(": ");
                s.push_str(&t);
            }
            cur = e.source();
        }
        s
    }

    /// Writing into a closed pipe (`| head`): not an error for a command-line tool.
    pub fn is_broken_pipe(&self) -> bool {
        let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(self);
        while let Some(e) = cur {
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return true;
                }
            }
            if let Some(j) = e.downcast_ref::<serde_json::Error>() {
                if j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe) {
                    return true;
                }
            }
            cur = e.source();
        }
        false
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Input {
            msg: e.to_string(),
            source: Some(Box::new(e)),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        Error::Input {
            msg: e.to_string(),
            source: Some(Box::new(e)),
        }
    }
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Error {
        Error::Input {
            msg: e.to_string(),
            source: Some(Box::new(e)),
        }
    }
}

/// `.context("cannot open X")` on any result: an [`Error::Input`] with the message and
/// the original error as its source (an [`Error`] keeps its kind; the message is put in
/// front of it).
pub trait ResultExt<T> {
    fn context(self, msg: impl Display) -> Result<T>;
    fn with_context<D: Display>(self, f: impl FnOnce() -> D) -> Result<T>;
}

impl<T, E: Into<BoxError>> ResultExt<T> for std::result::Result<T, E> {
    fn context(self, msg: impl Display) -> Result<T> {
        self.with_context(|| msg)
    }

    fn with_context<D: Display>(self, f: impl FnOnce() -> D) -> Result<T> {
        self.map_err(|e| {
            let e: BoxError = e.into();
            let msg = f().to_string();
            match e.downcast::<Error>() {
                Ok(inner) => match *inner {
                    Error::User(m) => Error::User(format!("{msg}: {m}")),
                    Error::Internal(m) => Error::Internal(format!("{msg}: {m}")),
                    Error::Input { msg: m, source } => Error::Input {
                        msg: format!("{msg}: {m}"),
                        source,
                    },
                },
                Err(e) => Error::Input {
                    msg,
                    source: Some(e),
                },
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_distinct_exit_codes() {
        let codes = [
            Error::user("x").exit_code(),
            Error::input("x").exit_code(),
            Error::internal("x").exit_code(),
        ];
        assert_eq!(codes, [1, 3, 4]);
    }

    #[test]
    fn context_keeps_the_cause_and_the_kind() {
        let r: std::result::Result<(), std::io::Error> = Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no such file",
        ));
        let e = r.context("cannot open idx").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Input);
        assert_eq!(e.chain(), "cannot open idx: no such file");
        let u: Result<()> = Err(Error::user("bad query"));
        let e = u.context("search").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::User);
        assert_eq!(e.to_string(), "search: bad query");
    }

    #[test]
    fn broken_pipe_is_recognised_through_causes() {
        let io = std::io::Error::new(std::io::ErrorKind::BrokenPipe, "pipe");
        let e = Err::<(), _>(io).context("writing").unwrap_err();
        assert!(e.is_broken_pipe());
        assert!(!Error::input("x").is_broken_pipe());
    }
}
