//! Reporters: the same [`Report`] rendered three ways. Every reporter shows the same fields of
//! the same diagnostics, so a translator's terminal, a JSON consumer and a CI annotation never
//! disagree. Each returns a `String`; the CLI decides where it goes.
//!
//! - [`human`]: rustc-style, `file:line:col`, the source line with a caret, the code, a hint, and
//!   a summary table per locale.
//! - [`json`]: one JSON object, `{"diagnostics": [...], "summary": {...}}`.
//! - [`github`]: `::error file=…,line=…,col=…,title=<code>::<message>` workflow commands.
//! - [`unusable`]: input that stops a run (exit 2), as JSON or a GitHub annotation.

pub mod github;
pub mod human;
mod invisible;
pub mod json;
pub mod unusable;

pub use placard_lint::Report;
