//! Placard's shared vocabulary: what a finding is ([`Diagnostic`]), how bad it is ([`Severity`]),
//! which check made it ([`Code`]), where it points ([`LineIndex`]), which locale it is about
//! ([`Locale`]: tag, direction, script), colours ([`Rgba`]) and how much input Placard takes
//! ([`Limits`]), and when a `tel:` number is a printed one ([`TelNumber`]).
//!
//! Every other crate speaks these types; this crate knows no Fluent, no files and no terminal.

mod align;
mod code;
mod color;
mod contain;
mod date;
mod diagnostic;
mod limits;
mod line_index;
mod locale;
mod phone;
mod uri;

pub use align::{Align, VAlign};
pub use code::Code;
pub use color::{ColorError, Rgba};
pub use contain::contain_panic;
pub use date::civil_date;
pub use diagnostic::{Diagnostic, Related, Severity, sort_diagnostics};
pub use limits::{KEYS as LIMIT_KEYS, LimitError, LimitKey, Limits, format_bytes};
pub use line_index::{LineCol, LineIndex};
pub use locale::{LEGACY_CODES, Locale, LocaleError, entry_for};
pub use phone::{TelNumber, numbers_in};
pub use uri::uri_path;
