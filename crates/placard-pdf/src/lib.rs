//! Placard's print output: laid-out [`Scene`]s to one PDF, a page each, ready for a print shop
//! and readable by a screen reader. Written with krilla; this crate knows only the scene (the
//! same composition the pixels are rendered from), never the raster renderer.
//!
//! - **Geometry** ([`Page`]): the scene's canvas is the bleed box, its size in points from the
//!   template's dpi; the trim box is the canvas less the bleed; with crop marks, the media box
//!   grows to hold them outside the bleed (by whole pixels at the dpi, so a raster of the page
//!   at its resolution has the canvas on its pixel grid).
//! - **Drawing** (`draw.rs`): backgrounds, bands and QR cells as vector paths and gradients;
//!   images embedded once per document; SVG artwork as vectors (`artwork.rs`) where its tree
//!   has only what PDF draws the same way, else as the pixels it was painted to.
//! - **Text** (`text.rs`): each line's glyphs, from the layout's own shaping (face, glyph id,
//!   size, and the position its mask was rasterised at), each mapped to its source text and
//!   written in reading order, so copying gives the characters in logical order, right-to-left
//!   lines included; fonts subset and embedded.
//! - **Structure**: a tagged PDF (PDF/UA-1, checked by krilla's validator; PDF/A-2b on
//!   request): a title, the language of each page's text, text layers as paragraphs and images
//!   as one figure with the asset's alt text, in reading order from the top; backgrounds, bands,
//!   QR codes and marks as artifacts.
//!
//! Output is a function of its input alone (no dates, no random ids), so the same scenes give
//! the same bytes on every run.

mod artwork;
mod draw;
mod text;

use std::collections::HashMap;
use std::fmt;

use krilla::SerializeSettings;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::{Node, TagTree};
use placard_layout::FontLibrary;
use placard_scene::Scene;

pub use draw::mark_margin_pt;

/// One page: a scene and how it is printed and read.
#[derive(Clone, Copy, Debug)]
pub struct Page<'a> {
    pub scene: &'a Scene,
    /// Pixels per inch the scene was composed at (a page is its canvas at this resolution).
    pub dpi: f32,
    /// Bleed on every side, px: the canvas less this is the trimmed page.
    pub bleed: u32,
    /// The BCP 47 tag of the page's text.
    pub lang: &'a str,
    /// The text alternative of the page's images, as one figure (none: they are decoration).
    pub alt: Option<&'a str>,
    /// Crop marks at the trim's corners, outside the bleed.
    pub crop_marks: bool,
    /// The page's entry in the document's outline (bookmarks).
    pub label: &'a str,
}

/// Which standard the file is checked against, besides PDF/UA-1 (always).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Archive {
    #[default]
    None,
    /// PDF/A-2b, which some print shops ask for.
    A2b,
}

/// A document to write.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    pub title: &'a str,
    /// The language of the document as a whole (each page also names its own).
    pub lang: &'a str,
    pub archive: Archive,
    /// When the document was made, in seconds since 1970 (UTC); written as its creation date.
    /// PDF/A requires one: the caller passes a reproducible one (SOURCE_DATE_EPOCH), never the
    /// clock, so the same input gives the same bytes.
    pub created: Option<u64>,
    pub pages: Vec<Page<'a>>,
}

/// Why a document could not be written: a face that is not in the library, or a standard's
/// rule the content breaks (krilla's validator), each said in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfError {
    pub message: String,
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PdfError {}

/// The boxes of a page, in points, in the page's own coordinates (origin top left).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Boxes {
    pub media: [f32; 4],
    pub bleed: [f32; 4],
    pub trim: [f32; 4],
}

impl Page<'_> {
    /// Points per pixel.
    fn scale(&self) -> f32 {
        72.0 / self.dpi.max(1.0)
    }

    /// The page's boxes, `[left, top, right, bottom]` in points.
    pub fn boxes(&self) -> Boxes {
        let s = self.scale();
        // Whole pixels of the page's own resolution, so a raster of the page at its dpi has the
        // canvas on its pixel grid, as the PNG is.
        let margin = if self.crop_marks { (mark_margin_pt() / s).ceil() * s } else { 0.0 };
        let (w, h) = (self.scene.width as f32 * s, self.scene.height as f32 * s);
        let b = (self.bleed as f32 * s).min(w / 2.0).min(h / 2.0);
        Boxes {
            media: [0.0, 0.0, w + 2.0 * margin, h + 2.0 * margin],
            bleed: [margin, margin, margin + w, margin + h],
            trim: [margin + b, margin + b, margin + w - b, margin + h - b],
        }
    }
}

fn rect([l, t, r, b]: [f32; 4]) -> Option<Rect> {
    Rect::from_ltrb(l, t, r, b)
}

/// Writes `document` with the glyphs' fonts from `fonts`.
pub fn write(document: &Document<'_>, fonts: &FontLibrary) -> Result<Vec<u8>, PdfError> {
    let mut configuration = ConfigurationBuilder::new().with_accessibility_validator(Accessibility::UA1);
    if document.archive == Archive::A2b {
        configuration = configuration.with_archival_validator(Archival::A2_B);
    }
    let configuration = configuration
        .finish()
        .map_err(|e| PdfError { message: format!("cannot combine the PDF standards asked for: {e:?}") })?;
    let settings = SerializeSettings { configuration, enable_tagging: true, ..SerializeSettings::default() };
    let mut pdf = krilla::Document::new_with(settings);
    let mut faces = HashMap::new();
    let mut tree = TagTree::new();
    let mut outline = Outline::new();
    for (index, page) in document.pages.iter().enumerate() {
        let top = Point::from_xy(page.boxes().trim[0], page.boxes().trim[1]);
        outline.push_child(OutlineNode::new(page.label.to_owned(), XyzDestination::new(index, top)));
        let boxes = page.boxes();
        let [_, _, w, h] = boxes.media;
        let settings = PageSettings::from_wh(w, h)
            .ok_or_else(|| PdfError { message: format!("page {} has no area ({w}×{h} pt)", index + 1) })?
            .with_bleed_box(rect(boxes.bleed))
            .with_trim_box(rect(boxes.trim));
        let mut out = pdf.start_page_with(settings);
        let mut surface = out.surface();
        let nodes: Vec<Node> = draw::page(&mut surface, page, fonts, &mut faces)?;
        surface.finish();
        out.finish();
        for node in nodes {
            tree.push(node);
        }
    }
    pdf.set_tag_tree(tree);
    pdf.set_outline(outline);
    let mut metadata = Metadata::new()
        .title(document.title.to_owned())
        .language(document.lang.to_owned())
        .creator("Placard".to_owned())
        .producer("Placard".to_owned());
    if let Some(seconds) = document.created {
        let (year, month, day) = placard_core::civil_date((seconds / 86_400) as i64);
        let time = seconds % 86_400;
        metadata = metadata.creation_date(
            DateTime::new(year.clamp(0, i64::from(u16::MAX)) as u16)
                .month(month as u8)
                .day(day as u8)
                .hour((time / 3600) as u8)
                .minute((time / 60 % 60) as u8)
                .second((time % 60) as u8)
                .utc_offset_hour(0)
                .utc_offset_minute(0),
        );
    }
    pdf.set_metadata(metadata);
    pdf.finish().map_err(|e| PdfError { message: describe(&e) })
}

/// krilla's error in words.
fn describe(error: &krilla::error::KrillaError) -> String {
    match error {
        krilla::error::KrillaError::Validation(problems) => {
            let list: Vec<String> = problems.iter().map(|p| format!("{p:?}")).collect();
            format!("the PDF would not meet its standard: {}", list.join("; "))
        }
        other => format!("cannot write the PDF: {other:?}"),
    }
}
