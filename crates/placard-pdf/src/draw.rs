//! One scene on one page: everything the raster renderer paints, as PDF paints it, with each
//! piece tagged as content (text, figure) or as an artifact (backgrounds, bands, QR cells,
//! marks).

use std::collections::HashMap;

use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Rect, Size, Transform};
use krilla::image::Image;
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LinearGradient, SpreadMethod, Stop, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, Node, Tag, TagGroup};
use krilla::text::Font;
use placard_core::Rgba;
use placard_layout::{FaceId, FontLibrary};
use placard_scene::{Background, Layer, Segment, gradient_line, rounded_rect};

use crate::{Page, PdfError};

/// Millimetres to points.
fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

/// Crop marks start this far outside the bleed (so no trimming tolerance ever shows them)...
const MARK_GAP_MM: f32 = 1.0;
/// ...and are this long.
const MARK_LENGTH_MM: f32 = 5.0;
/// Room left beyond the marks' ends.
const MARK_SPARE_MM: f32 = 1.0;

/// How far the media box reaches beyond the bleed on each side when a page has crop marks, pt.
pub fn mark_margin_pt() -> f32 {
    mm(MARK_GAP_MM + MARK_LENGTH_MM + MARK_SPARE_MM)
}

pub(crate) fn paint(c: Rgba) -> (rgb::Color, NormalizedF32) {
    (rgb::Color::new(c.r, c.g, c.b), NormalizedF32::new(f32::from(c.a) / 255.0).unwrap_or(NormalizedF32::ONE))
}

pub(crate) fn fill(c: Rgba) -> Fill {
    let (color, opacity) = paint(c);
    Fill { paint: color.into(), opacity, rule: FillRule::NonZero }
}

fn artifact(kind: ArtifactType, bbox: Option<Rect>) -> ContentTag<'static> {
    ContentTag::Artifact(Artifact { kind, bbox })
}

/// Draws `page` on `surface` and returns its tag tree nodes in reading order.
pub(crate) fn page(
    surface: &mut Surface<'_>,
    page: &Page<'_>,
    fonts: &FontLibrary,
    faces: &mut HashMap<FaceId, Font>,
) -> Result<Vec<Node>, PdfError> {
    let scene = page.scene;
    let boxes = page.boxes();
    let (w, h) = (scene.width as f32, scene.height as f32);
    let canvas =
        Rect::from_xywh(0.0, 0.0, w, h).ok_or_else(|| PdfError { message: "the canvas has no area".into() })?;
    if page.crop_marks {
        surface.start_tagged(artifact(ArtifactType::Page, None));
        crop_marks(surface, boxes.trim, boxes.bleed);
        surface.end_tagged();
    }
    let s = page.scale();
    surface.push_transform(&Transform::from_row(s, 0.0, 0.0, s, boxes.bleed[0], boxes.bleed[1]));
    // Nothing reaches past the canvas into the marks' margin, as nothing does past a PNG's edge.
    surface.push_clip_path(&rect_path(canvas), &FillRule::NonZero);

    surface.start_tagged(artifact(ArtifactType::Background, crate::rect(boxes.bleed)));
    background(surface, &scene.background, (scene.width, scene.height));
    surface.end_tagged();

    // Content in reading order: each node with the top and left of what it shows.
    let mut reading: Vec<(f32, f32, Node)> = Vec::new();
    let mut figure: Vec<(f32, f32, Identifier)> = Vec::new();
    for layer in &scene.layers {
        match layer {
            Layer::Band { x, y, width, height, radius, color } => {
                surface.start_tagged(artifact(ArtifactType::Layout, None));
                surface.set_fill(Some(fill(*color)));
                if let Some(path) = outline(&rounded_rect(*x, *y, *width, *height, *radius)) {
                    surface.draw_path(&path);
                }
                surface.end_tagged();
            }
            Layer::Image { x, y, image, art } => {
                let id = match page.alt {
                    Some(_) => surface.start_tagged(ContentTag::Other),
                    None => surface.start_tagged(artifact(ArtifactType::Layout, None)),
                };
                let (iw, ih) = (image.width() as f32, image.height() as f32);
                surface.push_transform(&Transform::from_translate(*x as f32, *y as f32));
                let drawn = art.as_ref().is_some_and(|art| crate::artwork::draw(surface, art, (iw, ih)));
                if !drawn {
                    pixels(surface, image);
                }
                surface.pop();
                surface.end_tagged();
                if page.alt.is_some() {
                    figure.push((*y as f32, *x as f32, id));
                }
            }
            Layer::Text { x, y, color, block } => {
                if let Some((top, left, node)) =
                    crate::text::draw(surface, (*x as f32, *y as f32), *color, block, page.lang, fonts, faces)?
                {
                    reading.push((top, left, node));
                }
            }
            Layer::Cells { x, y, module, columns, cells, color } => {
                surface.start_tagged(artifact(ArtifactType::Layout, None));
                surface.set_fill(Some(fill(*color)));
                if let Some(path) = cell_path(*x, *y, *module, *columns, cells) {
                    surface.draw_path(&path);
                }
                surface.end_tagged();
            }
            Layer::Rect { x, y, width, height, color } => {
                surface.start_tagged(artifact(ArtifactType::Layout, None));
                surface.set_fill(Some(fill(*color)));
                if let Some(r) = Rect::from_xywh(*x as f32, *y as f32, *width as f32, *height as f32) {
                    surface.draw_path(&rect_path(r));
                }
                surface.end_tagged();
            }
        }
    }
    surface.pop();
    surface.pop();

    if let (Some(alt), Some(&(top, left, _))) = (page.alt, figure.first()) {
        let mut group = TagGroup::new(Tag::Figure(Some(alt.to_owned())));
        for (_, _, id) in figure {
            group.push(id);
        }
        reading.push((top, left, group.into()));
    }
    // Top to bottom; across a line, in the order the page's language reads.
    reading.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    Ok(reading.into_iter().map(|(_, _, node)| node).collect())
}

fn rect_path(r: Rect) -> Path {
    let mut pb = PathBuilder::new();
    pb.push_rect(r);
    pb.finish().expect("a rectangle is a path")
}

/// `segments` as a krilla path (`None` when they enclose nothing).
pub(crate) fn outline(segments: &[Segment]) -> Option<Path> {
    let mut pb = PathBuilder::new();
    for segment in segments {
        match *segment {
            Segment::MoveTo(x, y) => pb.move_to(x, y),
            Segment::LineTo(x, y) => pb.line_to(x, y),
            Segment::CubicTo(x1, y1, x2, y2, x, y) => pb.cubic_to(x1, y1, x2, y2, x, y),
            Segment::Close => pb.close(),
        }
    }
    pb.finish()
}

fn background(surface: &mut Surface<'_>, background: &Background, (w, h): (u32, u32)) {
    let Some(canvas) = Rect::from_xywh(0.0, 0.0, w as f32, h as f32) else { return };
    match background {
        Background::Solid(c) => {
            surface.set_fill(Some(fill(*c)));
            surface.draw_path(&rect_path(canvas));
        }
        Background::Gradient { from, to, angle } => {
            let [(x1, y1), (x2, y2)] = gradient_line(w as f32, h as f32, *angle);
            let stop = |offset: f32, c: Rgba| {
                let (color, opacity) = paint(c);
                Stop { offset: NormalizedF32::new(offset).unwrap_or(NormalizedF32::ZERO), color: color.into(), opacity }
            };
            let gradient = LinearGradient {
                x1,
                y1,
                x2,
                y2,
                transform: Transform::identity(),
                spread_method: SpreadMethod::Pad,
                stops: vec![stop(0.0, *from), stop(1.0, *to)],
                anti_alias: false,
            };
            surface.set_fill(Some(Fill {
                paint: gradient.into(),
                opacity: NormalizedF32::ONE,
                rule: FillRule::NonZero,
            }));
            surface.draw_path(&rect_path(canvas));
        }
        Background::Image { image, under, art } => {
            surface.set_fill(Some(fill(*under)));
            surface.draw_path(&rect_path(canvas));
            let drawn = art.as_ref().is_some_and(|art| crate::artwork::draw(surface, art, (w as f32, h as f32)));
            if !drawn {
                pixels(surface, image);
            }
        }
    }
}

/// An image at its own size in px, at the current origin. krilla embeds the same pixels once
/// per document, however many pages draw them.
fn pixels(surface: &mut Surface<'_>, image: &image::RgbaImage) {
    let (w, h) = image.dimensions();
    if let Some(size) = Size::from_wh(w as f32, h as f32) {
        surface.draw_image(Image::from_rgba8(image.as_raw().clone(), w, h), size);
    }
}

/// A QR code's dark modules as one path: each row's runs of dark cells as one rectangle, so
/// neighbouring modules meet without a seam in any viewer.
fn cell_path(x: i32, y: i32, module: u32, columns: u32, cells: &[bool]) -> Option<Path> {
    let (m, columns) = (module as f32, columns.max(1) as usize);
    let mut pb = PathBuilder::new();
    for (row, line) in cells.chunks(columns).enumerate() {
        let mut c = 0;
        while c < line.len() {
            if !line[c] {
                c += 1;
                continue;
            }
            let start = c;
            while c < line.len() && line[c] {
                c += 1;
            }
            let top = y as f32 + row as f32 * m;
            if let Some(r) = Rect::from_xywh(x as f32 + start as f32 * m, top, (c - start) as f32 * m, m) {
                pb.push_rect(r);
            }
        }
    }
    pb.finish()
}

/// Crop marks: at each corner of `trim`, a horizontal and a vertical hairline on the trim's
/// edges extended, from outside the bleed outwards, in registration black.
fn crop_marks(surface: &mut Surface<'_>, trim: [f32; 4], bleed: [f32; 4]) {
    let [tl, tt, tr, tb] = trim;
    let [bl, bt, br, bb] = bleed;
    let (gap, length) = (mm(MARK_GAP_MM), mm(MARK_LENGTH_MM));
    let mut pb = PathBuilder::new();
    for (x, y, sx, sy) in [(tl, tt, -1.0, -1.0), (tr, tt, 1.0, -1.0), (tl, tb, -1.0, 1.0), (tr, tb, 1.0, 1.0)] {
        // Horizontal, starting beyond the bleed's left or right edge.
        let x0 = if sx < 0.0 { bl - gap } else { br + gap };
        pb.move_to(x0, y);
        pb.line_to(x0 + sx * length, y);
        // Vertical, starting beyond the bleed's top or bottom edge.
        let y0 = if sy < 0.0 { bt - gap } else { bb + gap };
        pb.move_to(x, y0);
        pb.line_to(x, y0 + sy * length);
    }
    if let Some(path) = pb.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke { paint: rgb::Color::new(0, 0, 0).into(), width: 0.25, ..Stroke::default() }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}
