//! Placard's shared vocabulary: what a finding is ([`Diagnostic`]), how bad it is ([`Severity`]),
//! which check made it ([`Code`]) and where it points ([`LineIndex`]).
//!
//! Every other crate speaks these types; this crate knows no Fluent, no files and no terminal.

mod code;
mod diagnostic;
mod line_index;

pub use code::Code;
pub use diagnostic::{Diagnostic, Severity, sort_diagnostics};
pub use line_index::{LineCol, LineIndex};
