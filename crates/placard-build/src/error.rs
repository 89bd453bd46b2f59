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
    /// The shards given to `placard merge` do not make the project's whole output: a shard is
    /// missing, or none has an asset the project has now (exit 2). The message names the folders.
    Shards { message: String },
    /// More than one of the above, found in one run (every fault of every shard a merge reads).
    Several(Vec<BuildError>),
}

impl BuildError {
    pub(crate) fn input(path: impl Into<PathBuf>, message: impl Into<String>) -> BuildError {
        BuildError::Input { path: path.into(), message: message.into() }
    }

    /// One error for `faults` (none for none, the fault itself for one).
    pub(crate) fn from_faults(mut faults: Vec<BuildError>) -> Option<BuildError> {
        match faults.len() {
            0 => None,
            1 => faults.pop(),
            _ => Some(BuildError::Several(faults)),
        }
    }

    /// Each fault this error stands for: itself, or every one of [`BuildError::Several`].
    pub fn faults(&self) -> Vec<&BuildError> {
        match self {
            BuildError::Several(faults) => faults.iter().collect(),
            one => vec![one],
        }
    }
}

impl BuildError {
    /// The file at fault, with the 1-based line and column where known.
    pub fn location(&self) -> Option<(&std::path::Path, Option<u64>, Option<u64>)> {
        match self {
            BuildError::Lint { .. } | BuildError::Shards { .. } => None,
            BuildError::Several(faults) => faults.first().and_then(BuildError::location),
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
            BuildError::Shards { message } => message.clone(),
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
            BuildError::Shards { message } => f.write_str(message),
            BuildError::Several(faults) => {
                write!(f, "{} problems:", faults.len())?;
                faults.iter().try_for_each(|fault| write!(f, "\n  {fault}"))
            }
        }
    }
}

impl std::error::Error for BuildError {}

impl From<placard_pipeline::Error> for BuildError {
    fn from(e: placard_pipeline::Error) -> Self {
        BuildError::Pipeline(e)
    }
}
