//! SVG artwork in image layers and backgrounds: parsed once (usvg), checked against the same
//! limits as raster images, and painted (resvg, on the renderer's tiny-skia) at the size the
//! template gives it.
//!
//! An SVG is a program that could reach outside the project, so it must be self-contained or it is
//! refused whole: no DOCTYPE (no entities to expand), no reference to another file or URL, no
//! raster image, no text (Placard shapes text only with the project's fonts, in text layers).
//! usvg is built without its `text`, `raster-images` and `system-fonts` features and given no
//! resources folder and resolvers that refuse, so nothing is read even if a check missed a case.

use std::fmt;

use image::RgbaImage;
use placard_core::{Limits, format_bytes};
use placard_scene::Artwork;
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, roxmltree};

/// The most nodes an SVG may have, as written and after `<use>` is expanded (usvg's own ceiling).
const NODES: u32 = 1_000_000;

/// A checked SVG, ready to paint at any size.
pub struct Vector {
    tree: std::sync::Arc<usvg::Tree>,
}

impl fmt::Debug for Vector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let size = self.tree.size();
        write!(f, "Vector({}×{})", size.width(), size.height())
    }
}

/// Why an SVG cannot be used, and where in the file (1-based line and column) when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SvgError {
    pub message: String,
    pub at: Option<(u64, u64)>,
}

impl SvgError {
    fn new(message: impl Into<String>) -> SvgError {
        SvgError { message: message.into(), at: None }
    }

    fn at(doc: &roxmltree::Document, pos: usize, message: impl Into<String>) -> SvgError {
        let p = doc.text_pos_at(pos);
        SvgError { message: message.into(), at: Some((u64::from(p.row), u64::from(p.col))) }
    }
}

impl fmt::Display for SvgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, column)) => write!(f, "{line}:{column}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Whether `bytes` are meant as SVG: the file is named `.svg` (`named_svg`), or its text starts
/// with an XML declaration or an `<svg` element.
pub fn looks_like_svg(bytes: &[u8], named_svg: bool) -> bool {
    if named_svg {
        return true;
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text.iter().position(|b| !b.is_ascii_whitespace()).map_or(&[][..], |i| &text[i..]);
    start.starts_with(b"<?xml") || start.starts_with(b"<svg")
}

/// Parses and checks an SVG file's bytes.
pub fn parse_svg(bytes: &[u8], limits: &Limits) -> Result<Vector, SvgError> {
    placard_core::contain_panic(|| parse(bytes, limits))
        .map_err(|panic| SvgError::new(format!("cannot read the SVG: the parser failed ({panic})")))?
}

fn parse(bytes: &[u8], limits: &Limits) -> Result<Vector, SvgError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        SvgError::new(format!("the SVG is not UTF-8 text (byte {}); compressed .svgz is not read", e.valid_up_to()))
    })?;
    let options = roxmltree::ParsingOptions { allow_dtd: false, nodes_limit: NODES, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|e| xml_error(text, &e))?;
    self_contained(&doc)?;
    let view_box = doc.root_element().attribute("viewBox").map(|v| (v, doc.root_element()));
    if let Some((value, node)) = view_box {
        let numbers: Vec<f64> =
            value.split(|c: char| c == ',' || c.is_ascii_whitespace()).filter_map(|n| n.parse().ok()).collect();
        if let [_, _, w, h] = numbers[..]
            && !(w.is_finite()
                && h.is_finite()
                && w <= f64::from(limits.image_side)
                && h <= f64::from(limits.image_side))
        {
            return Err(SvgError::at(
                &doc,
                node.range().start,
                format!(
                    "the SVG's viewBox is {w}×{h}; each side may be at most {} (limits.image_side in pipeline.yaml)",
                    limits.image_side
                ),
            ));
        }
    }
    let options = usvg::Options {
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_xmltree(&doc, &options).map_err(|e| match e {
        usvg::Error::ElementsLimitReached | usvg::Error::ParsingFailed(roxmltree::Error::NodesLimitReached) => {
            SvgError::new(format!("the SVG has more than {NODES} nodes once every <use> is expanded"))
        }
        e => SvgError::new(format!("cannot read the SVG: {e}")),
    })?;
    let size = tree.size();
    let side = limits.image_side as f32;
    if size.width() > side || size.height() > side {
        return Err(SvgError::at(
            &doc,
            doc.root_element().range().start,
            format!(
                "the SVG is {}×{} px; each side may be at most {} (limits.image_side in pipeline.yaml)",
                size.width(),
                size.height(),
                limits.image_side
            ),
        ));
    }
    Ok(Vector { tree: std::sync::Arc::new(tree) })
}

/// roxmltree's error with its position; a DOCTYPE is pointed at where it is.
fn xml_error(text: &str, e: &roxmltree::Error) -> SvgError {
    if let roxmltree::Error::DtdDetected = e {
        let at = text.find("<!DOCTYPE").unwrap_or(0);
        let (line, column) = line_column(text, at);
        return SvgError {
            message: "the SVG has a DOCTYPE: entity declarations are not accepted in artwork; delete the \
                      <!DOCTYPE …> line"
                .to_owned(),
            at: Some((line, column)),
        };
    }
    let pos = e.pos();
    SvgError {
        message: format!("the SVG is not well-formed XML: {e}"),
        at: Some((u64::from(pos.row), u64::from(pos.col))),
    }
}

fn line_column(text: &str, at: usize) -> (u64, u64) {
    let before = &text[..at];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    (line, column)
}

/// Every element and attribute that would draw something from outside the file, or text.
fn self_contained(doc: &roxmltree::Document) -> Result<(), SvgError> {
    for node in doc.descendants().filter(roxmltree::Node::is_element) {
        let name = node.tag_name().name();
        let refused = match name {
            "text" | "tspan" | "textPath" => Some(
                "SVG text is not drawn: Placard shapes words only with the project's fonts, in text \
                 layers; convert the text to paths, or put the words in a text layer",
            ),
            "image" => Some("an <image> inside an SVG is not accepted: draw the artwork as shapes"),
            "foreignObject" => Some("a <foreignObject> inside an SVG is not accepted: draw the artwork as shapes"),
            "script" => Some("a <script> inside an SVG is not accepted"),
            _ => None,
        };
        if let Some(why) = refused {
            return Err(SvgError::at(doc, node.range().start, why));
        }
        if name == "style"
            && let Some(css) = node.text()
        {
            if css.contains("@import") {
                return Err(SvgError::at(doc, node.range().start, "an @import in an SVG's <style> is not accepted"));
            }
            if let Some(url) = external_url(css) {
                return Err(external(doc, node.range().start, url));
            }
        }
        for attribute in node.attributes() {
            let value = attribute.value().trim();
            if attribute.name() == "href" && !value.starts_with('#') {
                return Err(external(doc, attribute.range().start, value));
            }
            if let Some(url) = external_url(value) {
                return Err(external(doc, attribute.range().start, url));
            }
        }
    }
    Ok(())
}

/// The first `url(…)` in `text` that does not point inside the document (`url(#id)`).
fn external_url(text: &str) -> Option<&str> {
    let mut rest = text;
    while let Some(i) = rest.find("url(") {
        rest = &rest[i + 4..];
        let target = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '"' || c == '\'');
        if !target.starts_with('#') {
            return Some(&rest[..rest.find(')').unwrap_or(rest.len())]);
        }
    }
    None
}

fn external(doc: &roxmltree::Document, pos: usize, target: &str) -> SvgError {
    let shown: String = target.chars().take(80).collect();
    SvgError::at(
        doc,
        pos,
        format!(
            "the SVG refers to `{shown}` outside itself; artwork must be self-contained (Placard reads nothing an \
             SVG points to)"
        ),
    )
}

impl Vector {
    /// Painted to fit inside `width` × `height`, keeping its aspect ratio (as a raster image in an
    /// image layer is scaled), with the artwork at that scale.
    pub fn contain(&self, width: u32, height: u32, limits: &Limits) -> Result<(RgbaImage, Artwork), String> {
        let size = self.tree.size();
        let (iw, ih) = (f64::from(size.width()), f64::from(size.height()));
        // The side that limits the scale is the box's exactly (no float rounding a pixel off it).
        let (w, h) = if f64::from(width) / iw <= f64::from(height) / ih {
            (width, (ih * f64::from(width) / iw + 1e-6).floor().clamp(1.0, f64::from(height)) as u32)
        } else {
            ((iw * f64::from(height) / ih + 1e-6).floor().clamp(1.0, f64::from(width)) as u32, height)
        };
        let transform = Transform::from_scale((f64::from(w) / iw) as f32, (f64::from(h) / ih) as f32);
        self.paint(w, h, transform, limits)
    }

    /// Painted to cover a `width` × `height` canvas, keeping its aspect ratio, centred, the
    /// overflow cropped (as a raster background is scaled), with the artwork placed so.
    pub fn cover(&self, width: u32, height: u32, limits: &Limits) -> Result<(RgbaImage, Artwork), String> {
        let size = self.tree.size();
        let (iw, ih) = (f64::from(size.width()), f64::from(size.height()));
        let scale = (f64::from(width) / iw).max(f64::from(height) / ih);
        let (dx, dy) = ((f64::from(width) - iw * scale) / 2.0, (f64::from(height) - ih * scale) / 2.0);
        let transform = Transform::from_row(scale as f32, 0.0, 0.0, scale as f32, dx as f32, dy as f32);
        self.paint(width, height, transform, limits)
    }

    fn paint(
        &self,
        width: u32,
        height: u32,
        transform: Transform,
        limits: &Limits,
    ) -> Result<(RgbaImage, Artwork), String> {
        if width > limits.image_side || height > limits.image_side {
            return Err(format!(
                "painting the SVG at {width}×{height} px is over {} px a side (limits.image_side in pipeline.yaml)",
                limits.image_side
            ));
        }
        if u64::from(width) * u64::from(height) * 4 > limits.image_memory_bytes {
            return Err(format!(
                "painting the SVG at {width}×{height} px would take more than {} of memory \
                 (limits.image_memory_mib in pipeline.yaml)",
                format_bytes(limits.image_memory_bytes)
            ));
        }
        let mut pixmap =
            Pixmap::new(width, height).ok_or_else(|| format!("cannot paint the SVG at {width}×{height}"))?;
        placard_core::contain_panic(|| resvg::render(&self.tree, transform, &mut pixmap.as_mut()))
            .map_err(|panic| format!("cannot paint the SVG: the renderer failed ({panic})"))?;
        // Premultiplied (tiny-skia) to straight alpha (image layers).
        let data = pixmap.pixels().iter().flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        });
        let pixels = RgbaImage::from_raw(width, height, data.collect()).expect("a buffer of the painted size");
        Ok((pixels, Artwork { tree: self.tree.clone(), transform }))
    }
}

/// Parses `bytes` as SVG and paints it to fit `width` × `height` (what an image layer of that box
/// does); the fuzz target's entry point.
pub fn rasterise_svg(bytes: &[u8], width: u32, height: u32, limits: &Limits) -> Result<RgbaImage, SvgError> {
    parse_svg(bytes, limits)?.contain(width, height, limits).map(|(pixels, _)| pixels).map_err(SvgError::new)
}
