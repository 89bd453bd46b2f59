//! Errors about the environment: an unusable pipeline.yaml or template, or an unreadable folder.
//! Problems in the content (a broken .ftl) are diagnostics, never these. A file with several
//! faults is one error that holds them all ([`Error::Several`]), so a run reports every one.

use std::fmt;
use std::path::{Path, PathBuf};

/// Unusable input: `placard` exits with code 2.
#[derive(Debug)]
pub enum Error {
    /// pipeline.yaml could not be read.
    ReadConfig { path: PathBuf, source: std::io::Error },
    /// pipeline.yaml is not valid YAML or does not match the schema. `line`/`column` are 1-based.
    Config { path: PathBuf, line: Option<u64>, column: Option<u64>, message: String },
    /// A folder or file the config names could not be read.
    Io { path: PathBuf, source: std::io::Error },
    /// A request that cannot be carried out as asked (an invalid locale code, a folder that exists,
    /// a file that cannot be written).
    Refused { message: String },
    /// More than one fault, found in one run (every fault of pipeline.yaml, of a template, of all
    /// the templates a build reads): each is one of the variants above, and they are sorted by
    /// file, line and column. Made by [`Error::from_faults`], never with one fault or none.
    Several(Vec<Error>),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::ReadConfig { path, source } => {
                write!(f, "cannot read {}: {source}", path.display())
            }
            Error::Config { path, line: Some(line), column, message } => {
                write!(f, "{}:{line}:{}: {message}", path.display(), column.unwrap_or(1))
            }
            Error::Config { path, message, .. } => write!(f, "{}: {message}", path.display()),
            Error::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Error::Refused { message } => f.write_str(message),
            Error::Several(faults) => {
                write!(f, "{} problems in the input:", faults.len())?;
                faults.iter().try_for_each(|fault| write!(f, "\n  {fault}"))
            }
        }
    }
}

impl Error {
    /// One error for `faults`, sorted by file, line and column (`None` for no fault, the fault
    /// itself for one); faults that are [`Error::Several`] already are taken apart.
    pub fn from_faults(faults: Vec<Error>) -> Option<Error> {
        let mut faults: Vec<Error> = faults.into_iter().flat_map(Error::into_faults).collect();
        faults.sort_by_cached_key(|e| {
            let (path, line, column) =
                e.location().map_or((PathBuf::new(), None, None), |(p, l, c)| (p.to_owned(), l, c));
            (path, line, column, e.detail())
        });
        faults.dedup_by(|a, b| a.location() == b.location() && a.detail() == b.detail());
        match faults.len() {
            0 => None,
            1 => faults.pop(),
            _ => Some(Error::Several(faults)),
        }
    }

    /// Each fault this error stands for: itself, or every one of [`Error::Several`].
    pub fn faults(&self) -> &[Error] {
        match self {
            Error::Several(faults) => faults,
            one => std::slice::from_ref(one),
        }
    }

    /// [`Error::faults`], owned.
    pub fn into_faults(self) -> Vec<Error> {
        match self {
            Error::Several(faults) => faults,
            one => vec![one],
        }
    }

    /// The file at fault, with the 1-based line and column where known (of the first fault, for
    /// [`Error::Several`]).
    pub fn location(&self) -> Option<(&Path, Option<u64>, Option<u64>)> {
        match self {
            Error::ReadConfig { path, .. } | Error::Io { path, .. } => Some((path, None, None)),
            Error::Config { path, line, column, .. } => Some((path, *line, *column)),
            Error::Refused { .. } => None,
            Error::Several(faults) => faults.first().and_then(Error::location),
        }
    }

    /// What is wrong, without the location [`Error::location`] gives.
    pub fn detail(&self) -> String {
        match self {
            Error::ReadConfig { source, .. } | Error::Io { source, .. } => format!("cannot read it: {source}"),
            Error::Config { message, .. } | Error::Refused { message } => message.clone(),
            Error::Several(_) => self.to_string(),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::ReadConfig { source, .. } | Error::Io { source, .. } => Some(source),
            Error::Config { .. } | Error::Refused { .. } | Error::Several(_) => None,
        }
    }
}
