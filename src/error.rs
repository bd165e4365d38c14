//! The one error type of the library, in three kinds that say whose the problem is, each
//! with its own exit code (README, "Exit codes"):
//!
//! - [`Error::User`]: the command cannot be done as asked (bad arguments, a query that
//!   does not parse, no index or a directory that is not an index of ours, an output
//!   path that cannot be created, an index that another ingest is writing). The user
//!   fixes the command. Exit 1.
//! - [`Error::Input`]: the data or the machine failed (an index that cannot be read or is
//!   damaged, an I/O error, a full disk). Exit 3.
//! - [`Error::Internal`]: a bug of ours (a worker thread panicked, an invariant broke).
//!   Exit 4.
//!
//! Exit 2 is not an error: the run finished and some records were rejected. Problems of
//! one record are never errors: they are rejects (`read::Reject`), counted and reported
//! (an input file that does not exist is one too).

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
    /// Said in words: tantivy's own messages print Rust debug text (`IoError { io_error:
    /// Custom { kind: UnexpectedEof, … } }`). The source is left out for the same reason
    /// (its text would be chained after ours). An index locked by another writer is a
    /// [`Error::User`] error (wait for the other ingest); everything else is
    /// [`Error::Input`] (an index that cannot be read or is damaged).
    fn from(e: tantivy::TantivyError) -> Error {
        use tantivy::directory::error::LockError;
        match e {
            tantivy::TantivyError::LockFailure(LockError::LockBusy, _) => {
                Error::user("another process is writing to the index (is another ingest running?)")
            }
            e => Error::input(tantivy_message(&e)),
        }
    }
}

/// A tantivy error in plain words.
fn tantivy_message(e: &tantivy::TantivyError) -> String {
    use tantivy::directory::error::{LockError, OpenDirectoryError, OpenReadError, OpenWriteError};
    use tantivy::TantivyError as T;
    match e {
        T::OpenReadError(OpenReadError::FileDoesNotExist(p)) => {
            format!("the index file {} is missing", p.display())
        }
        T::OpenReadError(OpenReadError::IoError { io_error, filepath }) => {
            format!("cannot read the index file {}: {io_error}", filepath.display())
        }
        T::OpenReadError(OpenReadError::IncompatibleIndex(_)) | T::IncompatibleIndex(_) => {
            "the index was written in a format this newsfacts cannot read; ingest again into a new directory".to_string()
        }
        T::OpenWriteError(OpenWriteError::FileAlreadyExists(p)) => {
            format!("the index file {} already exists", p.display())
        }
        T::OpenWriteError(OpenWriteError::IoError { io_error, filepath }) => {
            format!("cannot write the index file {}: {io_error}", filepath.display())
        }
        T::OpenDirectoryError(OpenDirectoryError::DoesNotExist(p)) => {
            format!("the directory {} does not exist", p.display())
        }
        T::OpenDirectoryError(OpenDirectoryError::NotADirectory(p)) => {
            format!("{} is not a directory", p.display())
        }
        T::OpenDirectoryError(OpenDirectoryError::FailedToCreateTempDir(io)) => {
            format!("cannot create a temporary directory: {io}")
        }
        T::OpenDirectoryError(OpenDirectoryError::IoError {
            io_error,
            directory_path,
        }) => format!("cannot open the directory {}: {io_error}", directory_path.display()),
        T::LockFailure(LockError::LockBusy, _) => "the index is locked by another process".to_string(),
        T::LockFailure(LockError::IoError(io), _) => format!("cannot lock the index: {io}"),
        T::IoError(io) => io.to_string(),
        // Its fields are private and its text is debug output: only the file is taken.
        T::DataCorruption(c) => {
            let debug = format!("{c:?}");
            match debug
                .split_once("(in file `")
                .and_then(|(_, rest)| rest.split_once("`)"))
            {
                Some((file, _)) => format!("the index file {} is damaged", file.trim_matches('"')),
                None => "the index is damaged".to_string(),
            }
        }
        other => other.to_string(),
    }
}

impl Error {
    /// An I/O error on a path named on the command line (an output file, the rejects
    /// file, the index directory): [`Error::User`] when the path is what is wrong (its
    /// directory does not exist, no permission, a directory where a file should be, a
    /// read-only file system), else [`Error::Input`] (a full disk, a failing device).
    pub fn at_path(msg: impl Display, e: std::io::Error) -> Error {
        use std::io::ErrorKind::*;
        let msg = format!("{msg}: {e}");
        match e.kind() {
            NotFound | PermissionDenied | NotADirectory | IsADirectory | ReadOnlyFilesystem
            | AlreadyExists | InvalidFilename | InvalidInput => Error::User(msg),
            _ => Error::Input {
                msg,
                source: Some(Box::new(e)),
            },
        }
    }

    /// A panic caught at a thread or task border, as an internal error: `what` panicked,
    /// with the panic's message.
    pub fn panicked(what: impl Display, payload: &(dyn std::any::Any + Send)) -> Error {
        Error::Internal(format!("{what} panicked: {}", panic_message(payload)))
    }
}

/// The message a panic was raised with (`panic!("…")`), or a placeholder for a payload
/// that is not text.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    if let Some(s) = payload.downcast_ref::<&'static str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s
    } else {
        "(a panic without a message)"
    }
}

/// `.context("cannot open X")` on a result: its error becomes an [`Error`] (of the kind
/// its `From` conversion gives: an I/O error is [`Error::Input`]) with the message put in
/// front of it; an [`Error`] keeps its kind.
///
/// The error must convert into [`Error`] (not any boxed error, as anyhow takes): that is
/// where each foreign error gets its kind and its words, once. A tantivy error boxed as
/// it is would chain its debug text after the message.
pub trait ResultExt<T> {
    fn context(self, msg: impl Display) -> Result<T>;
    fn with_context<D: Display>(self, f: impl FnOnce() -> D) -> Result<T>;
}

impl<T, E: Into<Error>> ResultExt<T> for std::result::Result<T, E> {
    fn context(self, msg: impl Display) -> Result<T> {
        self.with_context(|| msg)
    }

    fn with_context<D: Display>(self, f: impl FnOnce() -> D) -> Result<T> {
        self.map_err(|e| {
            let msg = f();
            match e.into() {
                Error::User(m) => Error::User(format!("{msg}: {m}")),
                Error::Internal(m) => Error::Internal(format!("{msg}: {m}")),
                Error::Input { msg: m, source } => Error::Input {
                    msg: format!("{msg}: {m}"),
                    source,
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
    fn tantivy_errors_are_said_in_words() {
        use tantivy::directory::error::{LockError, OpenReadError};
        use tantivy::TantivyError as T;
        let damaged = T::DataCorruption(tantivy::error::DataCorruption::new(
            "meta.json".into(),
            "Meta file cannot be deserialized. Error(\"expected value\")".into(),
        ));
        let e = Err::<(), _>(damaged)
            .context("cannot open the index at idx")
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Input);
        assert_eq!(
            e.chain(),
            "cannot open the index at idx: the index file meta.json is damaged"
        );
        let io = std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "file too small");
        let unreadable = T::OpenReadError(OpenReadError::wrap_io_error(io, "a.store".into()));
        assert_eq!(
            Error::from(unreadable).chain(),
            "cannot read the index file a.store: file too small"
        );
        let locked = Error::from(T::LockFailure(LockError::LockBusy, None));
        assert_eq!(locked.kind(), ErrorKind::User);
        assert!(!locked.chain().contains("LockBusy"), "{}", locked.chain());
    }

    #[test]
    fn a_wrong_path_is_the_users_a_failing_disk_is_not() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        let e = Error::at_path("cannot create out/x.jsonl", missing);
        assert_eq!(e.kind(), ErrorKind::User);
        assert!(e.chain().starts_with("cannot create out/x.jsonl: "));
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(Error::at_path("x", full).kind(), ErrorKind::Input);
    }

    #[test]
    fn a_panic_is_an_internal_error_with_its_message() {
        let payload = std::panic::catch_unwind(|| panic!("index {} out of range", 7)).unwrap_err();
        let e = Error::panicked("the extraction worker", &*payload);
        assert_eq!(e.exit_code(), 4);
        assert_eq!(
            e.to_string(),
            "internal error: the extraction worker panicked: index 7 out of range (a bug in newsfacts; please report it)"
        );
        let payload = std::panic::catch_unwind(|| panic!("plain")).unwrap_err();
        assert_eq!(panic_message(&*payload), "plain");
    }

    #[test]
    fn broken_pipe_is_recognised_through_causes() {
        let io = std::io::Error::new(std::io::ErrorKind::BrokenPipe, "pipe");
        let e = Err::<(), _>(io).context("writing").unwrap_err();
        assert!(e.is_broken_pipe());
        assert!(!Error::input("x").is_broken_pipe());
    }
}
