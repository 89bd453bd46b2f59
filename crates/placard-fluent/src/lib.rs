//! Fluent for Placard: from the bytes of an `.ftl` file to a parsed file that remembers where
//! everything is, a locale-wide catalog for resolving references, and the formatted forms of a
//! message that a reader could see.
//!
//! - [`decode`]: bytes to text (BOM stripped; invalid UTF-8, UTF-16 and CR-only line endings
//!   reported and read as well as they can be; never fatal).
//! - [`ParsedFile`]: the text and its AST together; parse errors come back beside it and a
//!   parser panic becomes an error, never a crash.
//! - [`Catalog`]: every message and term of one locale, by file and by id.
//! - [`forms`]: every string a pattern can format to, as `fluent-bundle` would format it, and
//!   ([`contains`]) whether every one of them contains a string, decided without listing them.
//! - [`shown`]: the one form a reader is shown, the text the build draws; [`plural`]: CLDR
//!   plural categories, as both use them.
//! - [`walk`]: the variables and references a pattern uses, with their positions.
//!
//! This crate does no IO: callers hand it bytes.

mod catalog;
pub mod contains;
mod decode;
mod eval;
pub mod forms;
mod parsed;
pub mod plural;
pub mod pseudo;
pub mod shown;
pub mod walk;

pub use catalog::{Catalog, EntryKind, EntryRef, FileEntries, split_attribute};
pub use decode::{Decoded, EncodingProblem, decode};
pub use parsed::{ParseProblem, ParsedFile};

/// Re-exported so callers name the same AST types this crate hands out.
pub use fluent_syntax::ast;
