//! Scenes and how they are painted.

use image::RgbaImage;
use placard_core::Rgba;
use placard_layout::GlyphMask;
use placard_scene::{Background, Layer, Scene, Segment, direction, gradient_line, rounded_rect};
use tiny_skia::{
    Color, FillRule, GradientStop, LinearGradient, Paint, PathBuilder, Pixmap, PixmapPaint, Point, Rect, SpreadMode,
    Transform,
};

/// Rendered pixels: straight (not premultiplied) RGBA, row by row.
pub type Pixels = RgbaImage;

/// A part of a canvas: `[x, y, width, height]` in px.
pub type Region = [u32; 4];

/// Paints `scene`.
pub fn render(scene: &Scene) -> Pixels {
    render_region(scene, [0, 0, scene.width, scene.height])
}

/// Paints the part `region` of `scene` (clipped to the canvas): the same pixels as that part of
/// [`render`]'s, everything painted there included, for the cost of the region alone (a check
/// that reads a QR code back decodes only the code's pixels). Exactly the same for solid and
/// image backgrounds, square bands, images, text and cells; a gradient may differ by 1 in a
/// channel, and a rounded band's anti-aliased corner where the region's edge cuts it by more (a
/// few edge pixels: the QR check reads modules and the quiet zone's darkest pixel, not those).
pub fn render_region(scene: &Scene, region: Region) -> Pixels {
    let [rx, ry] = [region[0].min(scene.width), region[1].min(scene.height)];
    let [rw, rh] = [region[2].min(scene.width - rx).max(1), region[3].min(scene.height - ry).max(1)];
    let (ox, oy) = (rx as i32, ry as i32);
    let mut pixmap = Pixmap::new(rw, rh).expect("non-zero size");
    paint_background(&mut pixmap, &scene.background, (scene.width, scene.height), (rx, ry));
    for layer in &scene.layers {
        match layer {
            Layer::Band { x, y, width, height, radius, color } => {
                band(&mut pixmap, *x - ox as f32, *y - oy as f32, *width, *height, *radius, *color)
            }
            Layer::Image { x, y, image, .. } => draw_image(&mut pixmap, *x - ox, *y - oy, image),
            Layer::Text { x, y, color, block } => {
                for glyph in block.glyphs.iter().filter_map(|g| g.mask.as_ref()) {
                    blend_mask(&mut pixmap, x - ox + glyph.left, y - oy + glyph.top, glyph, *color);
                }
            }
            Layer::Cells { x, y, module, columns, cells, color } => {
                let (m, columns) = (*module as i32, (*columns).max(1) as usize);
                for (i, _) in cells.iter().enumerate().filter(|(_, on)| **on) {
                    let (cx, cy) = ((i % columns) as i32, (i / columns) as i32);
                    fill_px(&mut pixmap, (x - ox + cx * m, y - oy + cy * m), (*module, *module), *color);
                }
            }
            Layer::Rect { x, y, width, height, color } => {
                fill_px(&mut pixmap, (x - ox, y - oy), (*width, *height), *color)
            }
        }
    }
    // Premultiplied to straight alpha; opaque pixels (all of them, on an opaque background) are
    // the same in both.
    let mut data = pixmap.take();
    for px in data.chunks_exact_mut(4) {
        let a = px[3];
        if a != 255 && a != 0 {
            for c in &mut px[..3] {
                *c = ((u32::from(*c) * 255 + u32::from(a) / 2) / u32::from(a)).min(255) as u8;
            }
        }
    }
    RgbaImage::from_raw(rw, rh, data).expect("a buffer of the region's size")
}

/// Source-over fill of the pixels from `(left, top)`, `w` × `h`, clipped, in premultiplied 8-bit
/// arithmetic like [`blend_mask`]: whole pixels, so two rectangles side by side leave no seam.
fn fill_px(pixmap: &mut Pixmap, (left, top): (i32, i32), (w, h): (u32, u32), c: Rgba) {
    let (pw, ph) = (pixmap.width() as i32, pixmap.height() as i32);
    let (x0, y0) = (left.clamp(0, pw), top.clamp(0, ph));
    let (x1, y1) = ((left + w as i32).clamp(0, pw), (top + h as i32).clamp(0, ph));
    let (a, inv) = (c.a, 255 - c.a);
    let src = [mul(c.r, a), mul(c.g, a), mul(c.b, a), a];
    let data = pixmap.data_mut();
    for y in y0..y1 {
        let row = &mut data[((y * pw + x0) * 4) as usize..((y * pw + x1) * 4) as usize];
        for px in row.chunks_exact_mut(4) {
            for (d, s) in px.iter_mut().zip(src) {
                *d = s.saturating_add(mul(*d, inv));
            }
        }
    }
}

fn color(c: Rgba) -> Color {
    Color::from_rgba8(c.r, c.g, c.b, c.a)
}

/// Paints `background` for a canvas of `canvas` px into `pixmap`, which holds the part of it
/// whose top-left corner is at `offset`.
fn paint_background(pixmap: &mut Pixmap, background: &Background, canvas: (u32, u32), offset: (u32, u32)) {
    let (ox, oy) = (offset.0 as f32, offset.1 as f32);
    match background {
        Background::Solid(c) => pixmap.fill(color(*c)),
        Background::Gradient { from, to, angle } => {
            let (w, h) = (canvas.0 as f32, canvas.1 as f32);
            let (dx, dy) = direction(*angle);
            let [(x0, y0), (x1, y1)] = gradient_line(w, h, *angle);
            let start = Point::from_xy(x0 - ox, y0 - oy);
            let end = Point::from_xy(x1 - ox, y1 - oy);
            let stops = vec![GradientStop::new(0.0, color(*from)), GradientStop::new(1.0, color(*to))];
            let Some(shader) = LinearGradient::new(start, end, stops, SpreadMode::Pad, Transform::identity()) else {
                pixmap.fill(color(*from));
                return;
            };
            let paint = Paint { shader, anti_alias: false, ..Paint::default() };
            let (pw, ph) = (pixmap.width(), pixmap.height());
            // Along an axis every row (top to bottom) or every column (left to right) is one
            // colour: one column or one row is shaded, and copied across. The same pixels as
            // shading them all, as tiny-skia shades each pixel at its centre; a tenth of the
            // cost of an A4 poster's background.
            let (sw, sh) = match (dx == 0.0, dy == 0.0) {
                (true, _) => (1, ph),
                (_, true) => (pw, 1),
                _ => (pw, ph),
            };
            let mut shaded = Pixmap::new(sw, sh).expect("non-zero size");
            let rect = Rect::from_xywh(0.0, 0.0, sw as f32, sh as f32).expect("positive size");
            shaded.fill_rect(rect, &paint, Transform::identity(), None);
            if (sw, sh) == (pw, ph) {
                *pixmap = shaded;
                return;
            }
            let (row_bytes, line) = (pw as usize * 4, shaded.data());
            for (y, row) in pixmap.data_mut().chunks_exact_mut(row_bytes).enumerate() {
                if sw == 1 {
                    let px = &line[y * 4..y * 4 + 4];
                    row.chunks_exact_mut(4).for_each(|d| d.copy_from_slice(px));
                } else {
                    row.copy_from_slice(line);
                }
            }
        }
        Background::Image { image, under, .. } => {
            pixmap.fill(color(*under));
            if offset == (0, 0) && image.dimensions() == (pixmap.width(), pixmap.height()) {
                draw_image(pixmap, 0, 0, image);
            } else {
                let part = image::imageops::crop_imm(&**image, offset.0, offset.1, pixmap.width(), pixmap.height());
                draw_image(pixmap, 0, 0, &part.to_image());
            }
        }
    }
}

fn band(pixmap: &mut Pixmap, x: f32, y: f32, w: f32, h: f32, radius: f32, c: Rgba) {
    let mut pb = PathBuilder::new();
    for segment in rounded_rect(x, y, w, h, radius) {
        match segment {
            Segment::MoveTo(x, y) => pb.move_to(x, y),
            Segment::LineTo(x, y) => pb.line_to(x, y),
            Segment::CubicTo(x1, y1, x2, y2, x, y) => pb.cubic_to(x1, y1, x2, y2, x, y),
            Segment::Close => pb.close(),
        }
    }
    if let Some(path) = pb.finish() {
        let mut paint = Paint::default();
        paint.set_color(color(c));
        paint.anti_alias = true;
        pixmap.fill_path(&path, &paint, FillRule::Winding, Transform::identity(), None);
    }
}

fn draw_image(pixmap: &mut Pixmap, x: i32, y: i32, image: &RgbaImage) {
    // An opaque image covering the whole canvas (a background photo) is copied as it is.
    if (x, y) == (0, 0)
        && image.dimensions() == (pixmap.width(), pixmap.height())
        && image.pixels().all(|p| p.0[3] == 255)
    {
        pixmap.data_mut().copy_from_slice(image.as_raw());
        return;
    }
    let Some(mut source) = Pixmap::new(image.width().max(1), image.height().max(1)) else { return };
    for (dst, src) in source.pixels_mut().iter_mut().zip(image.pixels()) {
        let [r, g, b, a] = src.0;
        *dst = tiny_skia::ColorU8::from_rgba(r, g, b, a).premultiply();
    }
    pixmap.draw_pixmap(x, y, source.as_ref(), &PixmapPaint::default(), Transform::identity(), None);
}

/// Source-over blending of one glyph's coverage in `c`, in premultiplied 8-bit arithmetic.
fn blend_mask(pixmap: &mut Pixmap, left: i32, top: i32, glyph: &GlyphMask, c: Rgba) {
    let (pw, ph) = (pixmap.width() as i32, pixmap.height() as i32);
    let data = pixmap.data_mut();
    let channels = if glyph.color { 4 } else { 1 };
    for gy in 0..glyph.height as i32 {
        let py = top + gy;
        if py < 0 || py >= ph {
            continue;
        }
        for gx in 0..glyph.width as i32 {
            let px = left + gx;
            if px < 0 || px >= pw {
                continue;
            }
            let i = ((gy * glyph.width as i32 + gx) * channels) as usize;
            let (r, g, b, a) = if glyph.color {
                let s = &glyph.data[i..i + 4];
                (s[0], s[1], s[2], mul(s[3], c.a))
            } else {
                (c.r, c.g, c.b, mul(glyph.data[i], c.a))
            };
            if a == 0 {
                continue;
            }
            let o = ((py * pw + px) * 4) as usize;
            let inv = 255 - a;
            data[o] = mul(r, a).saturating_add(mul(data[o], inv));
            data[o + 1] = mul(g, a).saturating_add(mul(data[o + 1], inv));
            data[o + 2] = mul(b, a).saturating_add(mul(data[o + 2], inv));
            data[o + 3] = a.saturating_add(mul(data[o + 3], inv));
        }
    }
}

/// `a * b / 255`, rounded.
fn mul(a: u8, b: u8) -> u8 {
    let t = u32::from(a) * u32::from(b) + 128;
    ((t + (t >> 8)) >> 8) as u8
}

/// Scales `image` to cover a `width` × `height` canvas (keeping its aspect ratio, centred, the
/// overflow cropped), with a fixed filter so the result is the same on every machine.
pub fn scale_to_cover(image: &RgbaImage, width: u32, height: u32) -> RgbaImage {
    let (iw, ih) = (image.width().max(1) as f64, image.height().max(1) as f64);
    let scale = (f64::from(width) / iw).max(f64::from(height) / ih);
    let (sw, sh) = (((iw * scale).ceil() as u32).max(width), ((ih * scale).ceil() as u32).max(height));
    let scaled = if (sw, sh) == image.dimensions() {
        image.clone()
    } else {
        image::imageops::resize(image, sw, sh, image::imageops::FilterType::Triangle)
    };
    let (x, y) = ((sw - width) / 2, (sh - height) / 2);
    image::imageops::crop_imm(&scaled, x, y, width, height).to_image()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    /// A text layer of `masks` alone (what the renderer reads of a laid-out block).
    fn text(x: i32, y: i32, color: Rgba, masks: Vec<GlyphMask>) -> Layer {
        let glyphs = masks
            .into_iter()
            .map(|mask| placard_layout::PlacedGlyph {
                cluster: 0..0,
                x: 0.0,
                advance: 0.0,
                line: 0,
                rtl: false,
                mask: Some(mask),
                outline: None,
                missing: false,
            })
            .collect();
        let block = placard_layout::TextBlock {
            text: String::new(),
            size: 10.0,
            lines: vec![],
            glyphs,
            extent: None,
            fits: true,
        };
        Layer::Text { x, y, color, block: Arc::new(block) }
    }

    fn at(p: &Pixels, x: u32, y: u32) -> [u8; 4] {
        p.get_pixel(x, y).0
    }

    #[test]
    fn bands_and_masks_blend_over_the_background() {
        let mask = GlyphMask { left: 0, top: 0, width: 2, height: 1, data: vec![255, 128], color: false };
        let scene = Scene {
            width: 20,
            height: 10,
            background: Background::Solid(Rgba::rgb(0, 0, 0)),
            layers: vec![
                Layer::Band { x: 10.0, y: 0.0, width: 10.0, height: 10.0, radius: 0.0, color: Rgba::rgb(255, 212, 0) },
                text(2, 5, Rgba::WHITE, vec![mask]),
            ],
        };
        let p = render(&scene);
        assert_eq!(at(&p, 0, 0), [0, 0, 0, 255]);
        assert_eq!(at(&p, 15, 5), [255, 212, 0, 255]);
        assert_eq!(at(&p, 2, 5), [255, 255, 255, 255]);
        assert_eq!(at(&p, 3, 5), [128, 128, 128, 255]);
    }

    #[test]
    fn masks_outside_the_canvas_are_clipped_not_a_crash() {
        let mask = GlyphMask { left: -5, top: -5, width: 30, height: 30, data: vec![255; 900], color: false };
        let scene = Scene {
            width: 4,
            height: 4,
            background: Background::Solid(Rgba::BLACK),
            layers: vec![text(2, 2, Rgba::WHITE, vec![mask])],
        };
        assert_eq!(at(&render(&scene), 3, 3), [255, 255, 255, 255]);
    }

    #[test]
    fn cells_are_whole_pixels_that_meet_without_a_seam() {
        let cells: Arc<[bool]> = vec![true, true, false, true].into();
        let scene = Scene {
            width: 10,
            height: 10,
            background: Background::Solid(Rgba::WHITE),
            layers: vec![Layer::Cells { x: 1, y: 2, module: 3, columns: 2, cells, color: Rgba::rgb(17, 17, 17) }],
        };
        let p = render(&scene);
        for (x, y) in [(1, 2), (3, 4), (4, 2), (6, 4), (4, 5), (6, 7)] {
            assert_eq!(at(&p, x, y), [17, 17, 17, 255], "dark at ({x}, {y})");
        }
        for (x, y) in [(0, 2), (7, 2), (1, 1), (1, 5), (3, 7)] {
            assert_eq!(at(&p, x, y), [255, 255, 255, 255], "light at ({x}, {y})");
        }
    }

    #[test]
    fn a_region_has_the_pixels_of_the_whole_render() {
        let mut photo = RgbaImage::new(40, 30);
        for (x, y, p) in photo.enumerate_pixels_mut() {
            p.0 = [(x * 6) as u8, (y * 8) as u8, 90, 255];
        }
        let logo = RgbaImage::from_pixel(7, 5, image::Rgba([200, 10, 10, 128]));
        let mask =
            GlyphMask { left: 1, top: 1, width: 3, height: 2, data: vec![255, 128, 40, 0, 255, 90], color: false };
        let layers = vec![
            Layer::Band { x: 3.0, y: 4.0, width: 20.0, height: 12.0, radius: 0.0, color: Rgba::rgb(255, 212, 0) },
            Layer::Image { x: 12, y: 9, image: logo, art: None },
            text(14, 10, Rgba::BLACK, vec![mask]),
            Layer::Rect { x: 20, y: 5, width: 9, height: 9, color: Rgba::WHITE },
            Layer::Cells {
                x: 22,
                y: 7,
                module: 2,
                columns: 2,
                cells: vec![true, false, false, true].into(),
                color: Rgba::BLACK,
            },
        ];
        let backgrounds = [
            Background::Solid(Rgba::rgb(27, 31, 74)),
            Background::Image { image: Arc::new(photo), under: Rgba::BLACK, art: None },
            Background::Gradient { from: Rgba::BLACK, to: Rgba::WHITE, angle: 30.0 },
        ];
        for background in backgrounds {
            let tolerance = if matches!(background, Background::Gradient { .. }) { 1 } else { 0 };
            let scene = Scene { width: 40, height: 30, background, layers: layers.clone() };
            let whole = render(&scene);
            let region = [5, 6, 24, 17];
            let part = render_region(&scene, region);
            assert_eq!(part.dimensions(), (24, 17));
            for (x, y, p) in part.enumerate_pixels() {
                let w = whole.get_pixel(x + region[0], y + region[1]).0;
                let off = p.0.iter().zip(w).map(|(a, b)| a.abs_diff(b)).max().unwrap_or(0);
                assert!(off <= tolerance, "({x}, {y}) over {:?}: {:?} against {w:?}", scene.background, p.0);
            }
        }
    }

    #[test]
    fn an_axis_gradient_copied_across_is_the_gradient_shaded_pixel_by_pixel() {
        for angle in [0.0, 90.0, 180.0, 270.0, -90.0] {
            let (from, to) = (Rgba::rgb(27, 31, 74), Rgba::rgb(255, 212, 0));
            let (dx, dy) = direction(angle);
            assert!(dx == 0.0 || dy == 0.0, "{angle}: along an axis");
            let (w, h) = (37.0, 23.0);
            let half = (w * dx.abs() + h * dy.abs()) / 2.0;
            let (start, end) = (
                Point::from_xy(w / 2.0 - dx * half, h / 2.0 - dy * half),
                Point::from_xy(w / 2.0 + dx * half, h / 2.0 + dy * half),
            );
            let stops = vec![GradientStop::new(0.0, color(from)), GradientStop::new(1.0, color(to))];
            let shader =
                LinearGradient::new(start, end, stops, SpreadMode::Pad, Transform::identity()).expect("shader");
            let paint = Paint { shader, anti_alias: false, ..Paint::default() };
            let mut every = Pixmap::new(37, 23).expect("size");
            every.fill_rect(Rect::from_xywh(0.0, 0.0, w, h).expect("rect"), &paint, Transform::identity(), None);
            let scene =
                Scene { width: 37, height: 23, background: Background::Gradient { from, to, angle }, layers: vec![] };
            assert_eq!(render(&scene).as_raw(), every.data(), "{angle}°");
        }
    }

    #[test]
    fn gradient_runs_from_one_colour_to_the_other() {
        let scene = Scene {
            width: 100,
            height: 10,
            background: Background::Gradient { from: Rgba::BLACK, to: Rgba::WHITE, angle: 0.0 },
            layers: vec![],
        };
        let p = render(&scene);
        assert!(at(&p, 0, 5)[0] < 10 && at(&p, 99, 5)[0] > 245 && (100..156).contains(&at(&p, 50, 5)[0]));
    }

    #[test]
    fn cover_keeps_the_aspect_ratio_and_fills_the_canvas() {
        let mut wide = RgbaImage::new(200, 100);
        for (x, _, p) in wide.enumerate_pixels_mut() {
            p.0 = if x < 100 { [255, 0, 0, 255] } else { [0, 0, 255, 255] };
        }
        let covered = scale_to_cover(&wide, 50, 50);
        assert_eq!(covered.dimensions(), (50, 50));
        assert_eq!(covered.get_pixel(5, 25).0[0], 255, "left half red");
        assert_eq!(covered.get_pixel(45, 25).0[2], 255, "right half blue");
    }
}
