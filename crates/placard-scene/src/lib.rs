//! Placard's laid-out frame. A [`Scene`] is plain data — a background and layers of bands,
//! images, laid-out text and crisp cells (a QR code's modules), every one already placed in px —
//! that the build composes once per asset and every output draws: `placard-render` as pixels,
//! `placard-pdf` as vectors and text. Neither output knows the other; both know only this.
//!
//! Text keeps the whole [`TextBlock`] the layout made (each glyph's mask for pixels, its outline
//! and source text for PDF), and an image painted from SVG keeps the [`Artwork`] it was painted
//! from, so the two outputs cannot draw different compositions.

use std::fmt;
use std::sync::Arc;

use image::RgbaImage;
use placard_core::Rgba;
use placard_layout::TextBlock;

/// What fills the canvas first.
#[derive(Clone, Debug)]
pub enum Background {
    Solid(Rgba),
    /// A linear gradient at `angle` degrees (0 = left to right, 90 = top to bottom).
    Gradient {
        from: Rgba,
        to: Rgba,
        angle: f32,
    },
    /// An image already scaled to the canvas (covering it), over a colour. Shared, as every
    /// locale's asset of a template has the same background; `art` when it was painted from SVG.
    Image {
        image: Arc<RgbaImage>,
        under: Rgba,
        art: Option<Artwork>,
    },
}

/// One thing painted over the background, in order.
#[derive(Clone, Debug)]
pub enum Layer {
    /// A filled rectangle with rounded corners.
    Band { x: f32, y: f32, width: f32, height: f32, radius: f32, color: Rgba },
    /// An image drawn at its own size with its top-left corner at (x, y); `art` when it was
    /// painted from SVG.
    Image { x: i32, y: i32, image: RgbaImage, art: Option<Artwork> },
    /// A laid-out text (its glyphs positioned relative to (x, y)) in one colour.
    Text { x: i32, y: i32, color: Rgba, block: Arc<TextBlock> },
    /// A grid of square cells, `module` px each, `columns` to a row, with its top-left corner at
    /// (x, y): each cell that is `true` in `cells` (row by row) filled in `color`, on whole pixels
    /// with no anti-aliasing, so neighbouring cells meet without a seam (a QR code's modules).
    Cells { x: i32, y: i32, module: u32, columns: u32, cells: Arc<[bool]>, color: Rgba },
    /// A rectangle on whole pixels, no anti-aliasing (a QR code's light square).
    Rect { x: i32, y: i32, width: u32, height: u32, color: Rgba },
}

/// A whole image to draw, `width` × `height` px.
#[derive(Clone, Debug)]
pub struct Scene {
    pub width: u32,
    pub height: u32,
    pub background: Background,
    pub layers: Vec<Layer>,
}

/// SVG artwork as the vector it was painted from: the checked tree, and the transform from the
/// tree's user space to the painted image's pixels (its scale, and for a background that covers
/// the canvas its centring).
#[derive(Clone)]
pub struct Artwork {
    pub tree: Arc<usvg::Tree>,
    pub transform: usvg::Transform,
}

impl fmt::Debug for Artwork {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let size = self.tree.size();
        write!(f, "Artwork({}×{}, {:?})", size.width(), size.height(), self.transform)
    }
}

/// One step of an outline, in px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Segment {
    MoveTo(f32, f32),
    LineTo(f32, f32),
    /// A cubic Bézier curve: two control points, then the end point.
    CubicTo(f32, f32, f32, f32, f32, f32),
    Close,
}

/// The outline of a band: a `w` × `h` rectangle at (x, y) with corners of `radius` (clamped to
/// half the shorter side), each corner a cubic curve that approximates a quarter circle. Every
/// output fills this same outline.
pub fn rounded_rect(x: f32, y: f32, w: f32, h: f32, radius: f32) -> Vec<Segment> {
    use Segment::{Close, CubicTo, LineTo, MoveTo};
    let r = radius.clamp(0.0, (w.min(h) / 2.0).max(0.0));
    if r <= 0.0 {
        return vec![MoveTo(x, y), LineTo(x + w, y), LineTo(x + w, y + h), LineTo(x, y + h), Close];
    }
    // The control points sit (1 - 0.552285) of r from each corner: the usual cubic circle.
    let k = r * 0.447_715;
    vec![
        MoveTo(x + r, y),
        LineTo(x + w - r, y),
        CubicTo(x + w - k, y, x + w, y + k, x + w, y + r),
        LineTo(x + w, y + h - r),
        CubicTo(x + w, y + h - k, x + w - k, y + h, x + w - r, y + h),
        LineTo(x + r, y + h),
        CubicTo(x + k, y + h, x, y + h - k, x, y + h - r),
        LineTo(x, y + r),
        CubicTo(x, y + k, x + k, y, x + r, y),
        Close,
    ]
}

/// The unit vector of a gradient at `angle` degrees, exactly along an axis at multiples of 90°
/// (where `cos` and `sin` leave a residue of about 1e-8 that would tilt it).
pub fn direction(angle: f32) -> (f32, f32) {
    let quarter = angle / 90.0;
    if quarter == quarter.round() {
        match (quarter as i64).rem_euclid(4) {
            0 => (1.0, 0.0),
            1 => (0.0, 1.0),
            2 => (-1.0, 0.0),
            _ => (0.0, -1.0),
        }
    } else {
        (angle.to_radians().cos(), angle.to_radians().sin())
    }
}

/// Where a background gradient at `angle` starts and ends on a `width` × `height` canvas: the
/// line through the centre that spans the canvas's projection on the gradient's direction.
pub fn gradient_line(width: f32, height: f32, angle: f32) -> [(f32, f32); 2] {
    let (dx, dy) = direction(angle);
    let half = (width * dx.abs() + height * dy.abs()) / 2.0;
    let (cx, cy) = (width / 2.0, height / 2.0);
    [(cx - dx * half, cy - dy * half), (cx + dx * half, cy + dy * half)]
}
