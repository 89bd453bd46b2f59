//! Errors about the environment: an unusable pipeline.yaml or an unreadable folder. Problems in
//! the content (a broken .ftl) are diagnostics, never these.

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
        }
    }
}

impl Error {
    /// The file at fault, with the 1-based line and column where known.
    pub fn location(&self) -> Option<(&Path, Option<u64>, Option<u64>)> {
        match self {
            Error::ReadConfig { path, .. } | Error::Io { path, .. } => Some((path, None, None)),
            Error::Config { path, line, column, .. } => Some((path, *line, *column)),
            Error::Refused { .. } => None,
        }
    }

    /// What is wrong, without the location [`Error::location`] gives.
    pub fn detail(&self) -> String {
        match self {
            Error::ReadConfig { source, .. } | Error::Io { source, .. } => format!("cannot read it: {source}"),
            Error::Config { message, .. } | Error::Refused { message } => message.clone(),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::ReadConfig { source, .. } | Error::Io { source, .. } => Some(source),
            Error::Config { .. } | Error::Refused { .. } => None,
        }
    }
}
