//! A laid-out text as PDF text: the glyphs the layout shaped and placed (the ones the raster
//! renderer draws the masks of), in their fonts, written in reading order, each line a tagged
//! span in the page's language.
//!
//! Why reading order and not `ActualText`: a line's text as `ActualText` is what the standard
//! offers, but poppler (pdftotext, Evince, Okular) places that text with the graphics state at
//! the span's end, which krilla has restored by then, and drops it, with lines after it; writing
//! the glyphs in logical order, each where the layout put it, reads right in every reader
//! that takes the drawing order, and costs poppler nothing (it orders text by position).

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

use krilla::geom::Point;
use krilla::surface::{Location, Surface};
use krilla::tagging::{ContentTag, Node, SpanTag, Tag, TagGroup};
use krilla::text::{Font, Glyph, GlyphId};
use placard_core::Rgba;
use placard_layout::{FaceId, FontLibrary, GlyphOutline, TextBlock};

use crate::PdfError;
use crate::draw::fill;

/// One glyph as krilla places it: advances and offsets per unit of font size, so that each
/// glyph lands on the origin the layout gave it.
struct Placed {
    id: u16,
    cluster: Range<usize>,
    advance: f32,
    rise: f32,
}

impl Glyph for Placed {
    fn glyph_id(&self) -> GlyphId {
        GlyphId::new(u32::from(self.id))
    }
    fn text_range(&self) -> Range<usize> {
        self.cluster.clone()
    }
    fn x_advance(&self, size: f32) -> f32 {
        self.advance * size
    }
    fn x_offset(&self, _: f32) -> f32 {
        0.0
    }
    fn y_offset(&self, size: f32) -> f32 {
        self.rise * size
    }
    fn y_advance(&self, _: f32) -> f32 {
        0.0
    }
    fn location(&self) -> Option<Location> {
        None
    }
}

/// The font of `face`, made once per document.
fn font<'f>(faces: &'f mut HashMap<FaceId, Font>, fonts: &FontLibrary, face: FaceId) -> Result<&'f Font, PdfError> {
    match faces.entry(face) {
        Entry::Occupied(font) => Ok(font.into_mut()),
        Entry::Vacant(slot) => {
            let (name, data) = fonts
                .face(face)
                .ok_or_else(|| PdfError { message: "a glyph's face is not in the font library".into() })?;
            let font = Font::new(data.bytes.clone().into(), data.index)
                .ok_or_else(|| PdfError { message: format!("{name} cannot be embedded in a PDF") })?;
            Ok(slot.insert(font))
        }
    }
}

/// Draws `block` with its top-left corner at `origin` (px) in `color`, each line tagged as a
/// span in `lang`. Returns the paragraph's node with the top and left of its ink, or `None`
/// when it draws nothing.
pub(crate) fn draw(
    surface: &mut Surface<'_>,
    origin: (f32, f32),
    color: Rgba,
    block: &TextBlock,
    lang: &str,
    fonts: &FontLibrary,
    faces: &mut HashMap<FaceId, Font>,
) -> Result<Option<(f32, f32, Node)>, PdfError> {
    let mut paragraph = TagGroup::new(Tag::P);
    let mut drawn = false;
    surface.set_fill(Some(fill(color)));
    surface.set_stroke(None);
    for index in 0..block.lines.len() {
        // In reading order: a reader that takes the text in the order it is drawn (a screen
        // reader, a copy, most extractors) gets the characters in logical order, right-to-left
        // and mixed lines included. Each glyph keeps the place the layout gave it.
        let mut glyphs: Vec<(Range<usize>, GlyphOutline)> = block
            .glyphs
            .iter()
            .filter(|g| g.line == index)
            .filter_map(|g| Some((g.cluster.clone(), g.outline?)))
            .collect();
        if glyphs.is_empty() {
            continue;
        }
        glyphs.sort_by_key(|(cluster, _)| cluster.start);
        let span = SpanTag { lang: Some(lang), ..SpanTag::empty() };
        let id = surface.start_tagged(ContentTag::Span(span));
        // Runs of glyphs in one face at one size, left to right as the line shows them.
        let mut start = 0;
        while start < glyphs.len() {
            let first = glyphs[start].1;
            let end = glyphs[start..]
                .iter()
                .position(|(_, g)| g.face != first.face || g.size != first.size)
                .map_or(glyphs.len(), |n| start + n);
            let run = &glyphs[start..end];
            let size = first.size.max(f32::MIN_POSITIVE);
            let placed: Vec<Placed> = run
                .iter()
                .enumerate()
                .map(|(i, (cluster, g))| {
                    let next = run.get(i + 1).map_or(g.x, |(_, n)| n.x);
                    Placed {
                        id: g.id,
                        cluster: cluster.clone(),
                        advance: (next - g.x) / size,
                        rise: (first.y - g.y) / size,
                    }
                })
                .collect();
            let font = font(faces, fonts, first.face)?.clone();
            surface.draw_glyphs(
                Point::from_xy(origin.0 + first.x, origin.1 + first.y),
                &placed,
                font,
                &block.text,
                first.size,
                false,
            );
            start = end;
        }
        surface.end_tagged();
        paragraph.push(id);
        drawn = true;
    }
    if !drawn {
        return Ok(None);
    }
    let (top, left) = block.extent.map_or((0.0, 0.0), |e| (e.top, e.left));
    Ok(Some((origin.1 + top, origin.0 + left, paragraph.into())))
}
