//! Text layout for Placard: a string, a box and a font stack in; shaped, bidi-ordered, wrapped
//! and auto-fitted glyphs out, each with its coverage mask, as plain data a renderer can draw
//! without knowing anything about fonts. This crate knows no Fluent and reads no files.
//!
//! - [`FontLibrary`]: the campaign's fonts, from bytes (never system fonts).
//! - [`Typesetter`]: one per thread; shapes (HarfRust via cosmic-text), runs the bidi algorithm,
//!   breaks lines (UAX #14) and rasterises (swash).
//! - [`TextSpec`] → [`TextBlock`]: the largest size in the spec's range at which the text's ink
//!   fits the box, with every glyph placed.

mod fonts;
mod text;

pub use fonts::{FontError, FontLibrary, Typesetter, WebFace};
pub use text::{Align, Bounds, GlyphMask, Line, PlacedGlyph, TextBlock, TextSpec, VAlign, keep_together};
