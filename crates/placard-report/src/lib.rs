//! Reporters: the same [`Report`] rendered for people, for tools and for CI systems. Every
//! reporter shows the same fields of the same diagnostics, and none adds or drops one, so a
//! translator's terminal, a JSON consumer and a CI dashboard never disagree. Each returns a
//! `String` (or writes to a `Write`); the CLI decides where it goes.
//!
//! - [`human`]: rustc-style, `file:line:col`, the source line with a caret, the code, a hint, and
//!   a summary table per locale.
//! - [`json`]: one JSON object, `{"diagnostics": [...], "summary": {...}}`.
//! - [`github`]: `::error file=…,line=…,col=…,title=<code>::<message>` workflow commands.
//! - [`sarif`]: SARIF 2.1.0, one run, every check a rule with its `--explain` text: for GitHub
//!   code scanning and other SARIF readers.
//! - [`junit`]: JUnit XML, a test suite per locale and a failing test case per error: for the
//!   test views of GitLab, Jenkins and most CI systems.
//! - [`gitlab`]: a GitLab Code Quality report, an issue per finding.
//! - [`unusable`]: input that stops a run (exit 2), in each of the machine formats above.

mod fingerprint;
pub mod github;
pub mod gitlab;
pub mod human;
mod invisible;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod unusable;

use placard_core::Diagnostic;
pub use placard_lint::Report;

/// What the CI formats say beside the report: which Placard wrote it, and the file a finding
/// about no file is placed at (GitHub code scanning refuses a SARIF file with a result that has
/// no location, and GitLab needs a path for every issue).
#[derive(Clone, Copy, Debug)]
pub struct Run<'a> {
    /// Placard's version, e.g. `env!("CARGO_PKG_VERSION")`.
    pub version: &'a str,
    /// The pipeline file as findings name files (relative to its own folder, so normally
    /// `pipeline.yaml`).
    pub config: &'a str,
}

/// A finding's text for the formats that show one string: `[locale] message`, then the hint on
/// a line of its own, as the GitHub annotations have always shown it.
pub(crate) fn message_text(d: &Diagnostic) -> String {
    let mut text = match &d.locale {
        Some(locale) => format!("[{locale}] {}", d.message),
        None => d.message.clone(),
    };
    if let Some(hint) = &d.hint {
        text.push_str("\nhint: ");
        text.push_str(hint);
    }
    text
}
