//! Text layout for Placard: a string, a box and a font stack in; shaped, bidi-ordered, wrapped
//! and auto-fitted glyphs out, each with its coverage mask and its outline's face, id and origin,
//! as plain data a renderer can draw without knowing anything about fonts (and a PDF writer can
//! embed the font of). This crate knows no Fluent and reads no files.
//!
//! - [`FontLibrary`]: the campaign's fonts, from bytes (never system fonts).
//! - [`Typesetter`]: one per thread; shapes (HarfRust via cosmic-text), runs the bidi algorithm,
//!   breaks lines (UAX #14) and rasterises (swash).
//! - [`TextSpec`] → [`TextBlock`]: the largest size in the spec's range at which the text's ink
//!   fits the box, its lines balanced, with every glyph placed and every line's text and ink.
//! - `glue`: where the text's language forbids a break (Polish `w`, Gaelic `a'`, inside a Chinese
//!   word by ICU4X's segmenter); [`words`] as a reader counts them.
//! - [`line_height_factor`]: the taller lines a script's marks need (Arabic, Nastaliq).

mod fonts;
mod glue;
mod script;
mod text;

pub use fonts::{FaceData, FaceId, FontError, FontLibrary, Typesetter, WebFace};
pub use glue::{find_phrase, keep_together, lone_word, words};
pub use script::line_height_factor;
pub use text::{Align, Bounds, GlyphMask, GlyphOutline, Line, PlacedGlyph, TextBlock, TextSpec, VAlign};
