//! Why a build stopped. Every variant names the file (and key) at fault; nothing is written.

use std::fmt;
use std::path::PathBuf;

use placard_lint::Report;

#[derive(Debug)]
pub enum BuildError {
    /// Lint found errors in locales that were to be built (exit 1).
    Lint {
        report: Box<Report>,
        failing: Vec<String>,
        /// The text of the files the findings point into, for a reporter that quotes lines.
        sources: Box<placard_pipeline::Sources>,
    },
    /// pipeline.yaml or a template is unusable (exit 2).
    Pipeline(placard_pipeline::Error),
    /// A problem with an input file or key (exit 2).
    Input { path: PathBuf, message: String },
    /// Writing the output failed (exit 2).
    Output { path: PathBuf, source: std::io::Error },
    /// Another build holds the output folder's lock (exit 2).
    Busy { out: PathBuf, lock: PathBuf },
}

impl BuildError {
    pub(crate) fn input(path: impl Into<PathBuf>, message: impl Into<String>) -> BuildError {
        BuildError::Input { path: path.into(), message: message.into() }
    }
}

impl BuildError {
    /// The file at fault, with the 1-based line and column where known.
    pub fn location(&self) -> Option<(&std::path::Path, Option<u64>, Option<u64>)> {
        match self {
            BuildError::Lint { .. } => None,
            BuildError::Pipeline(e) => e.location(),
            BuildError::Input { path, .. } | BuildError::Output { path, .. } => Some((path, None, None)),
            BuildError::Busy { lock, .. } => Some((lock, None, None)),
        }
    }

    /// What is wrong, without the location [`BuildError::location`] gives.
    pub fn detail(&self) -> String {
        match self {
            BuildError::Pipeline(e) => e.detail(),
            BuildError::Input { message, .. } => message.clone(),
            BuildError::Output { source, .. } => format!("cannot write it: {source}"),
            other => other.to_string(),
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Lint { failing, .. } => {
                write!(
                    f,
                    "lint found errors in {}: nothing was published (use --skip-failing to publish the rest)",
                    failing.join(", ")
                )
            }
            BuildError::Pipeline(e) => e.fmt(f),
            BuildError::Input { path, message } => write!(f, "{}: {message}", path.display()),
            BuildError::Output { path, source } => write!(f, "cannot write {}: {source}", path.display()),
            BuildError::Busy { out, lock } => write!(
                f,
                "another placard build is writing {} (it holds {}); wait for it to finish, then run again",
                out.display(),
                lock.display()
            ),
        }
    }
}

impl std::error::Error for BuildError {}

impl From<placard_pipeline::Error> for BuildError {
    fn from(e: placard_pipeline::Error) -> Self {
        BuildError::Pipeline(e)
    }
}
