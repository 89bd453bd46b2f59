//! `placard lsp`: a language server for translators. As a `.ftl` file is typed, unsaved, it
//! publishes every finding `placard lint --locale L` would make of that locale with the editor's
//! text: completeness against the reference, the helpline checks, variables, references, and
//! the layout checks of every template (naming template and layer). Hover shows the reference's
//! text and comment and how the translation fits each template; go to definition follows
//! message and term references; code actions fix a typed helpline number, a number without
//! isolation marks, and a missing message.
//!
//! - `analysis`: the project kept between changes, and one locale checked with the edits
//!   ([`placard_build::lint_with`], the very function `placard lint` runs).
//! - `navigate`: what is under the cursor, where an id is defined.
//! - `actions`: the code actions' edits.
//! - `convert`: byte offsets to UTF-16 positions, paths to `file://` URIs.
//! - `server`: the protocol: capabilities, the message loop, publishing.
//!
//! The transport is the caller's: `placard-cli` opens stdio ([`lsp_server::Connection::stdio`])
//! and hands the connection to [`serve`]; this crate prints nothing.

mod actions;
mod analysis;
mod convert;
mod navigate;
mod server;

pub use server::{capabilities, serve};
