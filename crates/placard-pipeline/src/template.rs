//! Templates: YAML files under `assets/templates/` that designers write (docs/templates.md), read
//! in two stages like pipeline.yaml. A mistake — an unknown key, a box outside the canvas, a colour
//! that is not one, an image path that leaves the project — is an error naming the file, the line
//! and the key, and every mistake in the file is reported at once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use placard_core::{Align, Limits, Rgba, VAlign};
use schemars::JsonSchema;
use serde::Deserialize;

use crate::Error;
use crate::yaml::{At, Faults, Tolerant};

/// A colour as `Rgba` reads it, for the schema: an editor flags `#ffd4000` as Placard does.
const COLOUR: &str = r"^\s*#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\s*$";

/// A Placard template: one kind of asset (an Instagram square, an A4 poster) described once for
/// every language. Placard fills its text layers with each locale's messages and fits the text in
/// its boxes. Sizes and boxes are in canvas pixels; paths are relative to this file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "the keys of a template (`size`, `background`, `layers`, ...)")]
#[schemars(title = "Placard template")]
pub(crate) struct RawTemplate {
    /// The output file name: letters, digits, `-` and `_` (default: this file's name without
    /// `.yaml`).
    #[schemars(regex(pattern = r"^[A-Za-z0-9_-]+$"))]
    name: Option<String>,
    /// The canvas, `[width, height]` in px, each 1 to 16384 by default (`limits.canvas_side`).
    size: At<[u32; 2]>,
    /// Pixels added on every side for print trimming (default 0).
    #[serde(default)]
    bleed: u32,
    /// The print resolution in dots per inch (1 to 65535), recorded in PNG and JPEG files so print
    /// software sizes the poster right; leave it out for screen assets.
    #[schemars(range(min = 1, max = 65535))]
    dpi: Option<At<u32>>,
    /// `[x, y, width, height]`: where text must stay, e.g. a story's central 1080×1420 (default: the
    /// canvas inside the bleed).
    safe: Option<At<[i32; 4]>>,
    /// What fills the canvas: one of `color`, `gradient` or `image` (an image may have a `color`
    /// under it).
    background: At<RawBackground>,
    /// Required messages (the `required` rules in pipeline.yaml) this asset must show, e.g.
    /// `[helpline]`.
    #[serde(default)]
    requires: Vec<At<String>>,
    /// The message (or `id.attribute`) whose text is the image's alt text.
    alt: Option<String>,
    /// The files written for each locale (default `[png]`).
    outputs: Option<Vec<At<RawFormat>>>,
    /// Text and image layers, painted in order.
    layers: Vec<At<Tolerant<RawLayer>>>,
}

/// What fills the canvas.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a background: `color`, `gradient` or `image`")]
#[schemars(rename = "Background")]
struct RawBackground {
    /// A colour, `"#rgb"`, `"#rrggbb"` or `"#rrggbbaa"` (quoted: in YAML `#` starts a comment); under
    /// an `image`, the colour its transparent parts show.
    #[schemars(regex(pattern = COLOUR))]
    color: Option<At<String>>,
    /// A gradient from one colour to another.
    gradient: Option<RawGradient>,
    /// A PNG, JPEG or SVG file, scaled to cover the canvas.
    image: Option<At<String>>,
}

/// A gradient background.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a gradient: `{ from, to, angle }`")]
#[schemars(rename = "Gradient")]
struct RawGradient {
    /// The first colour, e.g. `"#1b1f4a"`.
    #[schemars(regex(pattern = COLOUR))]
    from: At<String>,
    /// The last colour.
    #[schemars(regex(pattern = COLOUR))]
    to: At<String>,
    /// The direction in degrees: 0 is left to right, 90 top to bottom (default 0).
    #[serde(default)]
    angle: f32,
}

/// An output format.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(
    untagged,
    deny_unknown_fields,
    expecting = "`png`, `png-small`, `jpeg`, `webp` or `{ format: jpeg, quality: 1-100 }`"
)]
#[schemars(rename = "Output")]
enum RawFormat {
    /// `png` (fast to write), `png-small` (slower, smaller), `jpeg` (quality 85) or `webp`
    /// (lossless).
    Name(#[schemars(regex(pattern = "^(png|png-small|jpeg|jpg|webp)$"))] String),
    /// A JPEG with its quality: the better choice for photographic backgrounds.
    Detailed {
        /// `jpeg`.
        format: String,
        /// 1 to 100 (default 85).
        #[schemars(range(min = 1, max = 100))]
        quality: Option<u8>,
    },
}

/// A layer: a message drawn in a box (`text`), or an image (`image`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a layer: `text` or `image`, with its `box`")]
#[schemars(rename = "Layer")]
struct RawLayer {
    /// The message this layer shows: a message id or `id.attribute` (a text layer).
    text: Option<String>,
    /// A PNG, JPEG or SVG file, fitted inside the box keeping its proportions (an image layer).
    image: Option<At<String>>,
    /// `[x, y, width, height]` in px, inside the canvas.
    #[serde(rename = "box")]
    bbox: At<[i32; 4]>,
    /// A font family to use instead of the locale's (from the fonts folder).
    font: Option<String>,
    /// `regular`, `bold`, or 1 to 1000 (default regular).
    weight: Option<At<RawWeight>>,
    /// `[largest, smallest]` size in px: the largest that fits the box is used; or one size.
    size: Option<At<RawSize>>,
    /// A multiple of the size, 0.5 to 4 (default 1.2), times the locale's factor.
    #[schemars(range(min = 0.5, max = 4.0))]
    line_height: Option<At<f32>>,
    /// The text colour, `"#rgb"`, `"#rrggbb"` or `"#rrggbbaa"`, quoted (default `"#ffffff"`).
    #[schemars(regex(pattern = COLOUR))]
    color: Option<At<String>>,
    /// `start`, `centre` (or `center`) or `end`, in reading order: mirrored for right-to-left
    /// locales (default start).
    #[schemars(regex(pattern = "^(start|centre|center|end)$"))]
    align: Option<At<String>>,
    /// `top`, `middle` or `bottom` (default top).
    #[schemars(regex(pattern = "^(top|middle|bottom)$"))]
    valign: Option<At<String>>,
    /// A filled band behind the text.
    band: Option<RawBand>,
    /// For required text (the helpline): the smallest legible size in px, checked by `too-small`
    /// (default 2.5% of the canvas's shorter side).
    #[schemars(range(min = 1.0, max = 2000.0))]
    min_legible: Option<At<f32>>,
    /// Per-locale replacements for an image layer, by full tag, then by language, e.g.
    /// `{ ar: logo-ar.png }`.
    #[serde(default)]
    locales: BTreeMap<String, At<String>>,
}

/// A font weight.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged, expecting = "`regular`, `bold` or 1 to 1000")]
#[schemars(rename = "Weight")]
enum RawWeight {
    /// 1 to 1000 (400 is regular, 700 bold).
    Number(#[schemars(range(min = 1, max = 1000))] u16),
    /// `regular` or `bold`.
    Name(#[schemars(regex(pattern = "^(regular|bold)$"))] String),
}

/// A text size.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged, expecting = "`[largest, smallest]` in px, or one size")]
#[schemars(rename = "Size")]
enum RawSize {
    /// `[largest, smallest]` in px.
    Range([f32; 2]),
    /// One size in px.
    Fixed(f32),
}

/// A band behind a text layer.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a band: `{ color, padding, radius, hug }`")]
#[schemars(rename = "Band")]
struct RawBand {
    /// The band's colour, quoted, e.g. `"#ffd400"`.
    #[schemars(regex(pattern = COLOUR))]
    color: At<String>,
    /// `[vertical, horizontal]` px between the band's edge and the text (default `[0, 0]`).
    #[serde(default)]
    padding: [f32; 2],
    /// The corner radius in px (default 0).
    #[serde(default)]
    radius: f32,
    /// `true`: the band's height follows the text; `false` (the default): it fills the box.
    #[serde(default)]
    hug: bool,
}

/// A rectangle in canvas px: x, y, width, height.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BoxPx {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

impl BoxPx {
    pub fn as_array(&self) -> [i32; 4] {
        [self.x, self.y, self.w, self.h]
    }

    /// Whether `self` lies within `other`.
    pub fn within(&self, other: &BoxPx) -> bool {
        self.x >= other.x
            && self.y >= other.y
            && self.x + self.w <= other.x + other.w
            && self.y + self.h <= other.y + other.h
    }
}

/// What fills the canvas.
#[derive(Clone, Debug, PartialEq)]
pub enum TemplateBackground {
    Color(Rgba),
    Gradient {
        from: Rgba,
        to: Rgba,
        angle: f32,
    },
    /// An image scaled to cover the canvas, over `under`.
    Image {
        path: PathBuf,
        under: Rgba,
    },
}

/// An output format and its settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutputFormat {
    /// PNG, fast to write.
    Png,
    /// PNG, slower to write and smaller (`png-small`).
    PngSmall,
    Jpeg {
        quality: u8,
    },
    WebpLossless,
}

/// A filled band behind a text layer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub color: Rgba,
    /// Vertical and horizontal padding between band edge and text, px.
    pub padding: [f32; 2],
    pub radius: f32,
    /// Fit the band to the text (true) or fill the whole box (false).
    pub hug: bool,
}

/// A text layer: a message drawn in a box.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLayer {
    /// `id` or `id.attribute`.
    pub message: String,
    pub bbox: BoxPx,
    /// A family to use instead of the locale's.
    pub font: Option<String>,
    pub weight: u16,
    /// Largest and smallest size, px.
    pub size: [f32; 2],
    pub line_height: f32,
    pub color: Rgba,
    pub align: Align,
    pub valign: VAlign,
    pub band: Option<Band>,
    /// The smallest size, px, at which this layer's text is legible when it is required text
    /// (the `too-small` check); `None` for the default share of the canvas.
    pub min_legible: Option<f32>,
}

/// An image layer (a logo), with per-locale replacements.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageLayer {
    pub path: PathBuf,
    pub bbox: BoxPx,
    pub locales: BTreeMap<String, PathBuf>,
}

/// One layer, painted in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Layer {
    Text(TextLayer),
    Image(ImageLayer),
}

/// A validated template.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    pub name: String,
    /// The file, and its bytes (part of every asset's cache key).
    pub path: PathBuf,
    pub source: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub bleed: u32,
    /// The print resolution in dots per inch, recorded in PNG and JPEG files so that a print
    /// shop's software sizes the poster right; `None` for screen assets.
    pub dpi: Option<u16>,
    /// The area text must stay inside (defaults to the canvas inside the bleed).
    pub safe: BoxPx,
    pub background: TemplateBackground,
    /// Required messages this template must show (ids from pipeline.yaml's `required`).
    pub requires: Vec<String>,
    /// The message whose text is the asset's alt text.
    pub alt: Option<String>,
    pub outputs: Vec<OutputFormat>,
    pub layers: Vec<Layer>,
    /// Where each layer starts in the file (1-based line and column), in `layers` order: a
    /// finding the template causes (a colour, a box too small in every locale) points there.
    pub layer_at: Vec<(u32, u32)>,
    /// Where each of `requires` is written (1-based line and column), in order: a required
    /// message with no layer, or with no rule in pipeline.yaml, is reported there.
    pub requires_at: Vec<(u32, u32)>,
}

impl Template {
    /// Reads and validates the template at `path`; image paths must stay inside `project`.
    pub fn load(path: &Path, project: &Path, limits: &Limits) -> Result<Template, Error> {
        let source = std::fs::read(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
        Template::parse(path, &source, project, limits)
    }

    /// Validates `source` as the contents of the template at `path` (nothing is read from disk but
    /// what [`crate::inside`] resolves to check that image paths stay inside `project`). The canvas
    /// must be within `limits.canvas_side` and `limits.canvas_pixels`. Every fault in the file is
    /// reported at once.
    pub fn parse(path: &Path, source: &[u8], project: &Path, limits: &Limits) -> Result<Template, Error> {
        let text = crate::yaml::utf8(path, source)?;
        let faults = Faults::new(path);
        let template = faults.read::<RawTemplate>(text).map(|raw| check(path, source, project, limits, raw, &faults));
        faults.finish(template)
    }
}

/// The validated form of `raw`, every fault recorded in `faults` (the value is then unused, so a
/// value at fault is replaced by any that lets the other checks go on).
fn check(path: &Path, source: &[u8], project: &Path, limits: &Limits, raw: RawTemplate, faults: &Faults) -> Template {
    let dir = path.parent().unwrap_or(Path::new("."));
    let project_path = |rel: &At<String>, key: &str| -> PathBuf {
        let joined = dir.join(&rel.value);
        let from_root = crate::paths::relative(&joined, project);
        crate::paths::inside(project, &from_root).unwrap_or_else(|why| {
            faults.at(rel, format!("{key} `{}` {why}", rel.value));
            PathBuf::new()
        })
    };
    let color = |s: &At<String>, key: &str| -> Rgba {
        s.value.parse::<Rgba>().unwrap_or_else(|e| {
            faults.at(s, format!("{key}: {e}"));
            Rgba::BLACK
        })
    };

    let [width, height] = raw.size.value;
    let side = limits.canvas_side;
    let pixels = u64::from(width) * u64::from(height);
    let canvas_ok = if !(1..=side).contains(&width) || !(1..=side).contains(&height) {
        faults.at(
            &raw.size,
            format!("size {width}×{height} px: each side must be 1 to {side} (limits.canvas_side in pipeline.yaml)"),
        );
        false
    } else if pixels > limits.canvas_pixels {
        faults.at(
            &raw.size,
            format!(
                "size {width}×{height} px is {pixels} pixels, more than the limit of {} (limits.canvas_pixels in \
                 pipeline.yaml); each pixel takes 4 bytes while rendering",
                limits.canvas_pixels
            ),
        );
        false
    } else if u64::from(raw.bleed) * 2 >= u64::from(width.min(height)) {
        faults.at(&raw.size, format!("bleed {} px leaves no canvas", raw.bleed));
        false
    } else {
        true
    };
    let dpi = raw.dpi.as_ref().and_then(|d| {
        let dpi = u16::try_from(d.value).ok().filter(|&v| v > 0);
        if dpi.is_none() {
            faults.at(d, format!("dpi {}: give the print resolution in dots per inch, 1 to 65535", d.value));
        }
        dpi
    });
    // Both fit in i32 when the canvas is valid: sides are at most 65,535 (the ceiling of
    // limits.canvas_side). Boxes are only checked against a valid canvas.
    let (w, h, bleed) = if canvas_ok { (width as i32, height as i32, raw.bleed as i32) } else { (0, 0, 0) };
    let canvas = BoxPx { x: 0, y: 0, w, h };
    let inside_bleed = BoxPx { x: bleed, y: bleed, w: w - 2 * bleed, h: h - 2 * bleed };
    let safe = match &raw.safe {
        Some(s) => {
            let [x, y, w, h] = s.value;
            let b = BoxPx { x, y, w, h };
            if canvas_ok && (w <= 0 || h <= 0 || !b.within(&canvas)) {
                faults.at(s, format!("safe area {:?} must lie within the {width}×{height} canvas", s.value));
            }
            b
        }
        None => inside_bleed,
    };

    let bg = &raw.background.value;
    let background = match (&bg.color, &bg.gradient, &bg.image) {
        (Some(c), None, None) => TemplateBackground::Color(color(c, "background.color")),
        (None, Some(g), None) => TemplateBackground::Gradient {
            from: color(&g.from, "background.gradient.from"),
            to: color(&g.to, "background.gradient.to"),
            angle: g.angle,
        },
        (under, None, Some(image)) => TemplateBackground::Image {
            path: project_path(image, "background.image"),
            under: under.as_ref().map_or(Rgba::BLACK, |c| color(c, "background.color")),
        },
        _ => {
            faults.at(
                &raw.background,
                "background: give one of `color`, `gradient` or `image` (an image may have a `color` under it)",
            );
            TemplateBackground::Color(Rgba::BLACK)
        }
    };

    let outputs = match &raw.outputs {
        None => vec![OutputFormat::Png],
        Some(list) => {
            let mut out = Vec::new();
            for f in list {
                let (name, quality) = match &f.value {
                    RawFormat::Name(n) => (n.as_str(), None),
                    RawFormat::Detailed { format, quality } => (format.as_str(), *quality),
                };
                match (name, quality) {
                    ("png", None) => out.push(OutputFormat::Png),
                    ("png-small", None) => out.push(OutputFormat::PngSmall),
                    ("webp", None) => out.push(OutputFormat::WebpLossless),
                    ("jpeg" | "jpg", q) => {
                        let quality = q.unwrap_or(85);
                        if !(1..=100).contains(&quality) {
                            faults.at(f, format!("jpeg quality {quality}: use 1 to 100"));
                        }
                        out.push(OutputFormat::Jpeg { quality });
                    }
                    (other, _) => faults.at(
                        f,
                        format!("output `{other}`: use png, png-small, jpeg (with an optional quality) or webp"),
                    ),
                }
            }
            if list.is_empty() {
                faults.at(&raw.size, "outputs: list at least one format");
            }
            out
        }
    };

    let mut layers = Vec::new();
    let mut layer_at = Vec::new();
    for (i, layer) in raw.layers.iter().enumerate() {
        let Tolerant(Some(l)) = &layer.value else { continue };
        if let Some(built) = check_layer(i, l, layer, canvas_ok.then_some(&canvas), faults, &color, &project_path) {
            layers.push(built);
            layer_at.push((layer.line as u32, layer.column as u32));
        }
    }

    let name =
        raw.name.unwrap_or_else(|| path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned()));
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        faults.at(&raw.size, format!("template name `{name}`: use letters, digits, - and _"));
    }
    Template {
        name,
        path: path.to_owned(),
        source: source.to_vec(),
        width,
        height,
        bleed: raw.bleed,
        dpi,
        safe,
        background,
        requires_at: raw.requires.iter().map(|r| (r.line as u32, r.column as u32)).collect(),
        requires: raw.requires.into_iter().map(|r| r.value).collect(),
        alt: raw.alt,
        outputs,
        layers,
        layer_at,
    }
}

/// Layer `i` (`l`, written `at`) checked, its box against `canvas` when the canvas is valid;
/// `None` when it is neither a text nor an image layer. Each fault is reported at its key.
fn check_layer<T>(
    i: usize,
    l: &RawLayer,
    at: &At<T>,
    canvas: Option<&BoxPx>,
    faults: &Faults,
    color: &dyn Fn(&At<String>, &str) -> Rgba,
    project_path: &dyn Fn(&At<String>, &str) -> PathBuf,
) -> Option<Layer> {
    let [x, y, w, h] = l.bbox.value;
    let bbox = BoxPx { x, y, w, h };
    let what = l.text.as_deref().or(l.image.as_ref().map(|i| i.value.as_str())).unwrap_or("?");
    let name = format!("layers[{i}] ({what})");
    if let Some(canvas) = canvas
        && (w <= 0 || h <= 0 || !bbox.within(canvas))
    {
        faults.at(&l.bbox, format!("{name}: box {:?} lies outside the {}×{} canvas", l.bbox.value, canvas.w, canvas.h));
    }
    match (&l.text, &l.image) {
        (Some(message), None) => {
            let [max, min] = match &l.size {
                Some(At { value: RawSize::Range(r), .. }) => *r,
                Some(At { value: RawSize::Fixed(s), .. }) => [*s, *s],
                None => {
                    faults.at(at, format!("{name}: a text layer needs `size: [max, min]` in px"));
                    [1.0, 1.0]
                }
            };
            if let Some(size) = &l.size
                && !(min > 0.0 && max >= min && max <= 2000.0)
            {
                faults.at(size, format!("{name}: size [{max}, {min}]: need 0 < min ≤ max ≤ 2000"));
            }
            let weight = match &l.weight {
                None => 400,
                Some(At { value: RawWeight::Number(n), .. }) if (1..=1000).contains(n) => *n,
                Some(At { value: RawWeight::Name(n), .. }) if n == "regular" => 400,
                Some(At { value: RawWeight::Name(n), .. }) if n == "bold" => 700,
                Some(weight) => {
                    faults.at(weight, format!("{name}: weight: use regular, bold or 1 to 1000"));
                    400
                }
            };
            let align = match &l.align {
                None => Align::Start,
                Some(a) => match a.value.as_str() {
                    "start" => Align::Start,
                    "center" | "centre" => Align::Center,
                    "end" => Align::End,
                    other => {
                        let hint =
                            if ["top", "middle", "bottom"].contains(&other) { " (`valign` takes it)" } else { "" };
                        faults.at(a, format!("{name}: align `{other}`: use start, centre or end{hint}"));
                        Align::Start
                    }
                },
            };
            let valign = match &l.valign {
                None => VAlign::Top,
                Some(v) => match v.value.as_str() {
                    "top" => VAlign::Top,
                    "middle" => VAlign::Middle,
                    "bottom" => VAlign::Bottom,
                    other => {
                        let hint = if ["start", "centre", "center", "end"].contains(&other) {
                            " (`align` takes it)"
                        } else {
                            ""
                        };
                        faults.at(v, format!("{name}: valign `{other}`: use top, middle or bottom{hint}"));
                        VAlign::Top
                    }
                },
            };
            let band = l.band.as_ref().map(|b| Band {
                color: color(&b.color, &format!("{name}: band.color")),
                padding: b.padding,
                radius: b.radius.max(0.0),
                hug: b.hug,
            });
            let line_height = match &l.line_height {
                Some(lh) if !(0.5..=4.0).contains(&lh.value) => {
                    faults.at(lh, format!("{name}: line_height {}: use 0.5 to 4", lh.value));
                    1.2
                }
                Some(lh) => lh.value,
                None => 1.2,
            };
            let min_legible = match &l.min_legible {
                Some(px) if px.value > 0.0 && px.value <= 2000.0 => Some(px.value),
                Some(px) => {
                    faults.at(px, format!("{name}: min_legible {}: use 1 to 2000 px", px.value));
                    None
                }
                None => None,
            };
            let text_color = match &l.color {
                Some(c) => color(c, &format!("{name}: color")),
                None => Rgba::WHITE,
            };
            Some(Layer::Text(TextLayer {
                message: message.clone(),
                bbox,
                font: l.font.clone(),
                weight,
                size: [max, min],
                line_height,
                color: text_color,
                align,
                valign,
                band,
                min_legible,
            }))
        }
        (None, Some(image)) => {
            let locales = l
                .locales
                .iter()
                .map(|(locale, p)| (locale.clone(), project_path(p, &format!("{name}: locales.{locale}"))))
                .collect();
            Some(Layer::Image(ImageLayer { path: project_path(image, &format!("{name}: image")), bbox, locales }))
        }
        _ => {
            faults.at(at, format!("layers[{i}]: give exactly one of `text` (a message id) or `image` (a file)"));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(extra: &str) -> Result<Template, Error> {
        let source = format!("size: [100, 50]\n{extra}background: {{ color: \"#000000\" }}\nlayers: []\n");
        let project = Path::new("/project");
        Template::parse(&project.join("templates/card.yaml"), source.as_bytes(), project, &Limits::default())
    }

    fn faults(source: &str) -> Vec<String> {
        let project = Path::new("/project");
        let err = Template::parse(&project.join("templates/card.yaml"), source.as_bytes(), project, &Limits::default())
            .expect_err("faults");
        err.faults().iter().map(|e| e.to_string().replace("/project/templates/", "")).collect()
    }

    #[test]
    fn every_fault_of_a_template_is_reported_at_its_key() {
        let source = "size: [1080, 1080]\nbackground: { color: \"#000000\" }\nlayers:\n  - text: headline\n    box: [80, 150, 920, 380]\n    size: [80, 40]\n    colour: \"#ffffff\"\n  - text: helpline\n    box: [60, 1100, 960, 260]\n    size: [46, 28]\n    band: { color: \"#ffd4000\" }\n    align: middle\n";
        assert_eq!(
            faults(source),
            [
                "card.yaml:7:5: layers[0]: unknown key `colour`; did you mean `color`?",
                "card.yaml:9:10: layers[1] (helpline): box [60, 1100, 960, 260] lies outside the 1080×1080 canvas",
                "card.yaml:11:20: layers[1] (helpline): band.color: `#ffd4000` is not a colour: write #rgb, #rrggbb or #rrggbbaa",
                "card.yaml:12:12: layers[1] (helpline): align `middle`: use start, centre or end (`valign` takes it)",
            ]
        );
    }

    #[test]
    fn a_layer_that_cannot_be_read_leaves_the_rest_checked() {
        let source = "size: [100, 50]\nbackground: { color: \"#00000\" }\nlayers:\n  - text: a\n    box: [0, 0, 10]\n    size: 10\n  - text: b\n    box: [0, 0, 200, 10]\n    size: 10\n";
        assert_eq!(
            faults(source),
            [
                "card.yaml:2:22: background.color: `#00000` is not a colour: write #rgb, #rrggbb or #rrggbbaa",
                "card.yaml:5:10: layers[0].box: expected a list of 4 values, found a list of 3 values",
                "card.yaml:8:10: layers[1] (b): box [0, 0, 200, 10] lies outside the 100×50 canvas",
            ]
        );
    }

    #[test]
    fn a_misspelt_required_key_is_one_fault() {
        let source = "sise: [100, 50]\nbackground: { color: \"#000000\" }\nlayers:\n  - text: a\n    bbx: [0, 0, 10, 10]\n    fnt: Noto Sans\n    size: 10\n";
        assert_eq!(
            faults(source),
            [
                "card.yaml:1:1: unknown key `sise`; did you mean `size`?",
                "card.yaml:5:5: layers[0]: unknown key `bbx`; did you mean `box`?",
                "card.yaml:6:5: layers[0]: unknown key `fnt`; did you mean `font`?",
            ],
            "no `missing key` beside a misspelling"
        );
    }

    #[test]
    fn dpi_is_the_print_resolution_and_is_optional() {
        assert_eq!(parse("dpi: 300\n").expect("valid").dpi, Some(300));
        assert_eq!(parse("").expect("valid").dpi, None);
    }

    #[test]
    fn a_dpi_a_file_cannot_record_is_an_error_at_its_line() {
        for bad in ["0", "65536"] {
            let err = parse(&format!("dpi: {bad}\n")).expect_err(bad).to_string();
            assert!(err.contains("card.yaml:2:6"), "{err}");
            assert!(
                err.contains(&format!("dpi {bad}: give the print resolution in dots per inch, 1 to 65535")),
                "{err}"
            );
        }
    }
}
