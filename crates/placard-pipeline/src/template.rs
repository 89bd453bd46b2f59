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
    expecting = "`png`, `png-small`, `jpeg`, `webp`, `pdf`, `{ format: jpeg, quality: 1-100 }` or `{ format: pdf, crop_marks: true }`"
)]
#[schemars(rename = "Output")]
enum RawFormat {
    /// `png` (fast to write), `png-small` (slower, smaller), `jpeg` (quality 85), `webp`
    /// (lossless) or `pdf` (print: vectors and real text, trim and bleed boxes; needs `dpi`).
    Name(#[schemars(regex(pattern = "^(png|png-small|jpeg|jpg|webp|pdf)$"))] String),
    /// A JPEG with its quality (the better choice for photographic backgrounds), or a PDF with
    /// its print settings.
    Detailed {
        /// `jpeg` or `pdf`.
        format: String,
        /// JPEG: 1 to 100 (default 85).
        #[schemars(range(min = 1, max = 100))]
        quality: Option<u8>,
        /// PDF: crop marks at the trim's corners, outside the bleed (default false).
        crop_marks: Option<bool>,
        /// PDF: the standard it meets. Always `pdf/ua-1` (tagged, accessible); `pdf/a-2b` adds
        /// PDF/A-2b (archival), which some print shops ask for.
        #[schemars(regex(pattern = "^pdf/(ua-1|a-2b)$"))]
        standard: Option<String>,
    },
}

/// A layer: a message drawn in a box (`text`), an image (`image`), a QR code (`qr`), or a group
/// of layers stacked one after another (`group`, with its `layers`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a layer: `text`, `image`, `qr` or `group`, with its `box`")]
#[schemars(rename = "Layer")]
struct RawLayer {
    /// The message this layer shows: a message id or `id.attribute` (a text layer).
    text: Option<String>,
    /// A PNG, JPEG or SVG file, fitted inside the box keeping its proportions (an image layer).
    image: Option<At<String>>,
    /// Stacks its `layers` one after another, each taking the room its content needs, so that each
    /// block follows the one before whatever the language (a group layer).
    group: Option<At<RawGroup>>,
    /// A group's layers, in the order they are stacked and painted. A layer in a group has no
    /// `box`: the group places it, and gives it its `height` (in a column) or `width` (in a row)
    /// at most.
    layers: Option<Vec<At<Tolerant<RawLayer>>>>,
    /// A QR code's payload, e.g. `"tel:+441315563535"` (a QR layer): drawn with whole-pixel
    /// modules centred in the box, its 4-module quiet zone inside the box. A `tel:` payload is a
    /// number in international form; `qr-mismatch` checks that it is a required number.
    qr: Option<At<String>>,
    /// A QR layer's light colour, filling the code and its quiet zone (default `"#ffffff"`).
    #[schemars(regex(pattern = COLOUR))]
    background: Option<At<String>>,
    /// A QR layer's error correction: `L` (7%), `M` (15%, the default), `Q` (25%) or `H` (30%).
    #[schemars(regex(pattern = "^[LMQH]$"))]
    error_correction: Option<At<String>>,
    /// `[x, y, width, height]` in px, inside the canvas: where the layer (or the group) may draw.
    /// Leave it out for a layer inside a group.
    #[serde(rename = "box")]
    bbox: Option<At<[i32; 4]>>,
    /// In a column group: the most px this layer may take down the page (default: the group's
    /// height). Its text is fitted in that room and the layer then takes only what it needs.
    #[schemars(range(min = 1))]
    height: Option<At<i32>>,
    /// In a row group: the most px this layer may take across (default: the group's width).
    #[schemars(range(min = 1))]
    width: Option<At<i32>>,
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

/// How a group stacks its layers.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a group: `{ direction, gap, anchor }`")]
#[schemars(rename = "Group")]
struct RawGroup {
    /// `column` (top to bottom, the default) or `row` (in reading order: right to left in
    /// right-to-left locales).
    #[schemars(regex(pattern = "^(column|row)$"))]
    direction: Option<At<String>>,
    /// The px between one layer and the next: one value, or one per pair of neighbours (default 0).
    gap: Option<At<RawGap>>,
    /// Where the stack sits in the group's box when it needs less room: `top`, `centre` (or
    /// `center`) or `bottom` in a column; `start`, `centre` or `end` in a row (default top/start).
    #[schemars(regex(pattern = "^(top|start|centre|center|middle|bottom|end)$"))]
    anchor: Option<At<String>>,
}

/// The gaps of a group.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged, expecting = "a gap in px, or a list of gaps")]
#[schemars(rename = "Gap")]
enum RawGap {
    /// The same gap between every pair of neighbours.
    One(#[schemars(range(min = 0))] i32),
    /// One gap per pair of neighbours, in order.
    Each(Vec<i32>),
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
    /// A print PDF: the page is the canvas (trim plus bleed) at the template's dpi.
    Pdf {
        crop_marks: bool,
        /// PDF/A-2b as well as PDF/UA-1.
        archival: bool,
    },
}

impl OutputFormat {
    /// The file name extension of this format's files.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Png | OutputFormat::PngSmall => "png",
            OutputFormat::Jpeg { .. } => "jpg",
            OutputFormat::WebpLossless => "webp",
            OutputFormat::Pdf { .. } => "pdf",
        }
    }
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

/// A QR code layer: its payload encoded when the template is loaded, and where its modules go.
#[derive(Clone, Debug, PartialEq)]
pub struct QrLayer {
    /// What the code says, e.g. `tel:+441315563535`.
    pub payload: String,
    pub bbox: BoxPx,
    /// The dark modules' colour and the light one (the quiet zone's too).
    pub dark: Rgba,
    pub light: Rgba,
    /// Modules per side, quiet zone not included.
    pub side: u32,
    /// Row by row, `side` × `side`: `true` for a dark module.
    pub modules: Vec<bool>,
    /// The largest whole number of pixels per module with which the code and its quiet zone fit
    /// the box (at least 1: a smaller box is a template fault).
    pub module_px: u32,
}

/// The quiet zone QR codes need around them, in modules (ISO/IEC 18004).
pub const QR_QUIET_ZONE: u32 = 4;

impl QrLayer {
    /// The top-left corner of the code's first module on the canvas (the quiet zone is
    /// [`QR_QUIET_ZONE`] modules around it), the code and its quiet zone centred in the box.
    pub fn code_origin(&self) -> (i32, i32) {
        let outer = self.outer_side() as i32;
        let margin = (QR_QUIET_ZONE * self.module_px) as i32;
        (self.bbox.x + (self.bbox.w - outer) / 2 + margin, self.bbox.y + (self.bbox.h - outer) / 2 + margin)
    }

    /// The side in px of the code with its quiet zone.
    pub fn outer_side(&self) -> u32 {
        (self.side + 2 * QR_QUIET_ZONE) * self.module_px
    }
}

/// Which way a group stacks its layers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Top to bottom.
    Column,
    /// In reading order across: left to right, or right to left in right-to-left locales.
    Row,
}

/// Where a stack that needs less room than its group sits: at the start (top, or reading-order
/// start), centred, or at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Center,
    End,
}

/// A group: consecutive layers (`members`, indices into [`Template::layers`]) stacked in `bbox`,
/// each taking the room its content needs, `gaps` px apart. The members' own boxes are the room
/// each may take at most: the group's box (inside any band padding), cut to the member's
/// `height` (column) or `width` (row); the composition places them.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub bbox: BoxPx,
    pub direction: Direction,
    /// The gap after each member but the last, px.
    pub gaps: Vec<i32>,
    pub anchor: Anchor,
    /// A band behind the whole stack (hugging it when `hug`).
    pub band: Option<Band>,
    pub members: std::ops::Range<usize>,
    /// Where the group starts in the file (1-based line and column).
    pub at: (u32, u32),
}

impl Group {
    /// The gap after member `k` (counted from 0) of the group.
    pub fn gap_after(&self, k: usize) -> i32 {
        self.gaps.get(k).or(self.gaps.last()).copied().unwrap_or(0)
    }
}

/// One layer, painted in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Layer {
    Text(TextLayer),
    Image(ImageLayer),
    Qr(QrLayer),
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
    /// The groups, in order; each names its members in `layers`.
    pub groups: Vec<Group>,
    /// Where each layer starts in the file (1-based line and column), in `layers` order: a
    /// finding the template causes (a colour, a box too small in every locale) points there.
    pub layer_at: Vec<(u32, u32)>,
    /// Where each of `requires` is written (1-based line and column), in order: a required
    /// message with no layer, or with no rule in pipeline.yaml, is reported there.
    pub requires_at: Vec<(u32, u32)>,
}

impl Template {
    /// The group layer `index` belongs to, if any.
    pub fn group_of(&self, index: usize) -> Option<usize> {
        self.groups.iter().position(|g| g.members.contains(&index))
    }

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
                let (name, quality, pdf) = match &f.value {
                    RawFormat::Name(n) => (n.as_str(), None, None),
                    RawFormat::Detailed { format, quality, crop_marks, standard } => {
                        let pdf = (crop_marks.is_some() || standard.is_some()).then_some((*crop_marks, standard));
                        (format.as_str(), *quality, pdf)
                    }
                };
                if pdf.is_some() && name != "pdf" {
                    faults.at(f, format!("output `{name}`: crop_marks and standard are settings of `pdf`"));
                    continue;
                }
                if name == "pdf" {
                    if quality.is_some() {
                        faults.at(
                            f,
                            "output `pdf`: quality is a setting of `jpeg` (a PDF's text and shapes are vectors)",
                        );
                    }
                    if raw.dpi.is_none() {
                        faults.at(
                            f,
                            "output `pdf` needs the template's `dpi`: a PDF page has a size in print, the canvas at that resolution",
                        );
                    }
                    let (crop_marks, standard) = pdf.unwrap_or((None, &None));
                    let archival = match standard.as_deref() {
                        None | Some("pdf/ua-1") => false,
                        Some("pdf/a-2b") => true,
                        Some(other) => {
                            faults.at(f, format!("standard `{other}`: use pdf/ua-1 (the default) or pdf/a-2b"));
                            false
                        }
                    };
                    if out.iter().any(|o| matches!(o, OutputFormat::Pdf { .. })) {
                        faults.at(f, "output `pdf` is listed twice: a template has one PDF");
                    }
                    out.push(OutputFormat::Pdf { crop_marks: crop_marks.unwrap_or(false), archival });
                    continue;
                }
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
                        format!("output `{other}`: use png, png-small, jpeg (with an optional quality), webp or pdf"),
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
    let mut groups = Vec::new();
    let canvas = canvas_ok.then_some(&canvas);
    for (i, layer) in raw.layers.iter().enumerate() {
        let Tolerant(Some(l)) = &layer.value else { continue };
        let at = (layer.line as u32, layer.column as u32);
        // Where this layer's keys are written: up to the next layer.
        let span = (layer.line, layer.column)..raw.layers.get(i + 1).map_or((u64::MAX, 0), |n| (n.line, n.column));
        if let Some(group) = &l.group {
            let checker = LayerChecker { faults, color: &color, project_path: &project_path };
            if let Some((g, members)) = checker.group(i, l, group, (at, span.clone()), canvas, layers.len()) {
                for (member, member_at) in members {
                    layers.push(member);
                    layer_at.push(member_at);
                }
                groups.push(g);
            }
            continue;
        }
        let name = format!("layers[{i}] ({})", l.what());
        for (key, given) in [
            ("height", l.height.as_ref().map(|h| (h.line, h.column))),
            ("width", l.width.as_ref().map(|w| (w.line, w.column))),
        ] {
            if let Some((line, column)) = given {
                faults.at_line(
                    line,
                    column,
                    format!("{name}: `{key}` is for a layer inside a group; this layer has a `box`"),
                );
            }
        }
        if l.layers.is_some() {
            faults.at(layer, format!("{name}: `layers` belong to a group: add `group: {{ direction: column }}`"));
        }
        let Some(bbox) = &l.bbox else {
            // A misspelt `box` (`bbx`) was reported with its suggestion already.
            if !faults.suggested("box", span) {
                faults.at(layer, format!("{name}: give the layer its `box: [x, y, width, height]`"));
            }
            continue;
        };
        let b = placed(bbox, canvas, faults, &name);
        let checker = LayerChecker { faults, color: &color, project_path: &project_path };
        if let Some(built) = checker.layer(&name, i, l, layer, b) {
            layers.push(built);
            layer_at.push(at);
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
        groups,
        layer_at,
    }
}

/// The box written at `bbox`, a fault when it does not lie within `canvas` (when the canvas is
/// valid); `name` says whose box it is.
fn placed(bbox: &At<[i32; 4]>, canvas: Option<&BoxPx>, faults: &Faults, name: &str) -> BoxPx {
    let [x, y, w, h] = bbox.value;
    let b = BoxPx { x, y, w, h };
    if let Some(canvas) = canvas
        && (w <= 0 || h <= 0 || !b.within(canvas))
    {
        faults.at(bbox, format!("{name}: box {:?} lies outside the {}×{} canvas", bbox.value, canvas.w, canvas.h));
    }
    b
}

impl RawLayer {
    /// What a fault calls the layer: its message, image file or QR payload.
    fn what(&self) -> &str {
        self.text
            .as_deref()
            .or(self.image.as_ref().map(|i| i.value.as_str()))
            .or(self.qr.as_ref().map(|q| q.value.as_str()))
            .unwrap_or("?")
    }
}

/// A checked layer and where it starts in the file (1-based line and column).
type Placed = (Layer, (u32, u32));

/// What checking a layer needs from its template: where faults go, how colours and paths are read.
struct LayerChecker<'a> {
    faults: &'a Faults,
    color: &'a dyn Fn(&At<String>, &str) -> Rgba,
    project_path: &'a dyn Fn(&At<String>, &str) -> PathBuf,
}

impl LayerChecker<'_> {
    /// Group layer `i` (`l`, its `group` key `g`, written at `at`) checked against `canvas` when
    /// the canvas is valid, with its members, which will be `layers[first..]`. `None` when it
    /// cannot be placed (no box).
    fn group(
        &self,
        i: usize,
        l: &RawLayer,
        g: &At<RawGroup>,
        (at, span): ((u32, u32), std::ops::Range<(u64, u64)>),
        canvas: Option<&BoxPx>,
        first: usize,
    ) -> Option<(Group, Vec<Placed>)> {
        let faults = self.faults;
        let name = format!("layers[{i}] (group)");
        let extra = [
            ("text", l.text.is_some()),
            ("image", l.image.is_some()),
            ("qr", l.qr.is_some()),
            ("background", l.background.is_some()),
            ("error_correction", l.error_correction.is_some()),
            ("font", l.font.is_some()),
            ("weight", l.weight.is_some()),
            ("size", l.size.is_some()),
            ("line_height", l.line_height.is_some()),
            ("color", l.color.is_some()),
            ("align", l.align.is_some()),
            ("valign", l.valign.is_some()),
            ("min_legible", l.min_legible.is_some()),
            ("locales", !l.locales.is_empty()),
            ("height", l.height.is_some()),
            ("width", l.width.is_some()),
        ];
        for (key, _) in extra.iter().filter(|(_, given)| *given) {
            faults
                .at(g, format!("{name}: a group takes `box`, `layers` and `band`; give `{key}` to a layer inside it"));
        }
        let direction = match g.value.direction.as_ref() {
            None => Direction::Column,
            Some(d) => match d.value.as_str() {
                "column" => Direction::Column,
                "row" => Direction::Row,
                other => {
                    faults.at(d, format!("{name}: direction `{other}`: use column or row"));
                    Direction::Column
                }
            },
        };
        let anchor = match g.value.anchor.as_ref() {
            None => Anchor::Start,
            Some(a) => match (a.value.as_str(), direction) {
                ("start", _) | ("top", Direction::Column) => Anchor::Start,
                ("centre" | "center" | "middle", _) => Anchor::Center,
                ("end", _) | ("bottom", Direction::Column) => Anchor::End,
                (other, Direction::Column) => {
                    faults.at(a, format!("{name}: anchor `{other}`: use top, centre or bottom"));
                    Anchor::Start
                }
                (other, Direction::Row) => {
                    faults.at(a, format!("{name}: anchor `{other}`: in a row, use start, centre or end"));
                    Anchor::Start
                }
            },
        };
        let Some(bbox) = &l.bbox else {
            if !faults.suggested("box", span) {
                faults.at(g, format!("{name}: give the group its `box: [x, y, width, height]`"));
            }
            return None;
        };
        let b = placed(bbox, canvas, faults, &name);
        let band = l.band.as_ref().map(|band| self.band(band, &name));
        let [pad_v, pad_h] = band.map_or([0.0, 0.0], |band| band.padding).map(|p| p.round() as i32);
        let inner = BoxPx { x: b.x + pad_h, y: b.y + pad_v, w: (b.w - 2 * pad_h).max(1), h: (b.h - 2 * pad_v).max(1) };
        let Some(raw_members) = &l.layers else {
            faults.at(g, format!("{name}: list the layers it stacks under `layers`"));
            return None;
        };
        let mut members = Vec::new();
        for (k, member) in raw_members.iter().enumerate() {
            let Tolerant(Some(m)) = &member.value else { continue };
            let member_name = format!("layers[{i}].layers[{k}] ({})", m.what());
            if m.group.is_some() || m.layers.is_some() {
                faults.at(member, format!("{member_name}: a group cannot hold another group"));
                continue;
            }
            if m.qr.is_some() {
                // Its place is what the pixels are read from: give it a box of its own.
                faults.at(member, format!("{member_name}: a QR code is not stacked in a group: give it its own `box`"));
                continue;
            }
            if let Some(inside) = &m.bbox {
                faults.at(
                    inside,
                    format!(
                        "{member_name}: a layer in a group has no `box`: the group places it (give it `height` \
                         in a column, `width` in a row, for the most room it may take)"
                    ),
                );
            }
            let (along, across) = match direction {
                Direction::Column => (&m.height, &m.width),
                Direction::Row => (&m.width, &m.height),
            };
            if let Some(across) = across {
                let (key, other) = match direction {
                    Direction::Column => ("width", "height"),
                    Direction::Row => ("height", "width"),
                };
                faults.at(across, format!("{member_name}: `{key}` is the group's; in this group give `{other}`"));
            }
            let room = match along {
                Some(px) if px.value > 0 => px.value,
                Some(px) => {
                    faults.at(px, format!("{member_name}: {} px: give at least 1 px", px.value));
                    1
                }
                None => match direction {
                    Direction::Column => inner.h,
                    Direction::Row => inner.w,
                },
            };
            let member_box = match direction {
                Direction::Column => BoxPx { h: room.min(inner.h), ..inner },
                Direction::Row => BoxPx { w: room.min(inner.w), ..inner },
            };
            if let Some(built) = self.layer(&member_name, i, m, member, member_box) {
                members.push((built, (member.line as u32, member.column as u32)));
            }
        }
        if members.is_empty() {
            faults.at(g, format!("{name}: a group needs at least one layer"));
        }
        let gaps = match g.value.gap.as_ref() {
            None => vec![0],
            Some(At { value: RawGap::One(px), .. }) => vec![*px],
            Some(gap @ At { value: RawGap::Each(list), .. }) => {
                if list.len() + 1 != members.len() && !members.is_empty() {
                    faults.at(
                        gap,
                        format!(
                            "{name}: {} gaps for {} layers: give one gap, or one per pair of neighbours ({})",
                            list.len(),
                            members.len(),
                            members.len().saturating_sub(1)
                        ),
                    );
                }
                list.clone()
            }
        };
        if let Some(gap) = g.value.gap.as_ref()
            && gaps.iter().any(|&px| px < 0)
        {
            faults.at(gap, format!("{name}: gap: use 0 px or more"));
        }
        let group = Group { bbox: b, direction, gaps, anchor, band, members: first..first + members.len(), at };
        Some((group, members))
    }

    fn band(&self, b: &RawBand, name: &str) -> Band {
        Band {
            color: (self.color)(&b.color, &format!("{name}: band.color")),
            padding: b.padding,
            radius: b.radius.max(0.0),
            hug: b.hug,
        }
    }

    /// Layer `l` (written `at`, named `name` in messages) checked, with its box `bbox` already
    /// placed; `None` when it is neither a text nor an image layer. Each fault is reported at its
    /// key.
    fn layer<T>(&self, name: &str, i: usize, l: &RawLayer, at: &At<T>, bbox: BoxPx) -> Option<Layer> {
        let (faults, color, project_path) = (self.faults, self.color, self.project_path);
        match (&l.text, &l.image, &l.qr) {
            (Some(message), None, None) => {
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
                let band = l.band.as_ref().map(|b| self.band(b, name));
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
            (None, Some(image), None) => {
                let locales = l
                    .locales
                    .iter()
                    .map(|(locale, p)| (locale.clone(), project_path(p, &format!("{name}: locales.{locale}"))))
                    .collect();
                Some(Layer::Image(ImageLayer { path: project_path(image, &format!("{name}: image")), bbox, locales }))
            }
            (None, None, Some(payload)) => Some(Layer::Qr(check_qr(name, l, payload, bbox, faults, color))),
            _ => {
                faults.at(
                    at,
                    format!(
                        "layers[{i}]: give exactly one of `text` (a message id), `image` (a file), `qr` (a payload) \
                         or `group`"
                    ),
                );
                None
            }
        }
    }
}

/// A QR layer checked: its payload encodes (a `tel:` one is a plausible international number)
/// and the code with its quiet zone fits the box in whole pixels per module.
fn check_qr(
    name: &str,
    l: &RawLayer,
    payload: &At<String>,
    bbox: BoxPx,
    faults: &Faults,
    color: &dyn Fn(&At<String>, &str) -> Rgba,
) -> QrLayer {
    use qrcode::{EcLevel, QrCode};
    if payload.value.starts_with("tel:")
        && let Err(why) = placard_core::TelNumber::from_uri(&payload.value)
    {
        faults.at(payload, format!("{name}: qr `{}`: {why}", payload.value));
    }
    let level = match l.error_correction.as_ref().map(|e| (e, e.value.trim())) {
        None => EcLevel::M,
        Some((_, "L")) => EcLevel::L,
        Some((_, "M")) => EcLevel::M,
        Some((_, "Q")) => EcLevel::Q,
        Some((_, "H")) => EcLevel::H,
        Some((e, other)) => {
            faults.at(e, format!("{name}: error_correction `{other}`: use L, M, Q or H"));
            EcLevel::M
        }
    };
    let (side, modules) = match QrCode::with_error_correction_level(payload.value.as_bytes(), level) {
        Ok(code) => (code.width() as u32, code.to_colors().iter().map(|c| *c == qrcode::Color::Dark).collect()),
        Err(e) => {
            faults.at(payload, format!("{name}: qr: the payload cannot be encoded ({e})"));
            (1, vec![false])
        }
    };
    let outer = side + 2 * QR_QUIET_ZONE;
    let module_px = u32::try_from(bbox.w.min(bbox.h)).unwrap_or(0) / outer;
    if module_px == 0
        && bbox.w > 0
        && bbox.h > 0
        && let Some(at) = &l.bbox
    {
        faults.at(
            at,
            format!(
                "{name}: box {:?} is too small for the code: {side} modules and a {QR_QUIET_ZONE}-module quiet zone \
                 on each side need at least {outer}×{outer} px",
                at.value
            ),
        );
    }
    QrLayer {
        payload: payload.value.clone(),
        bbox,
        dark: l.color.as_ref().map_or(Rgba::rgb(0x11, 0x11, 0x11), |c| color(c, &format!("{name}: color"))),
        light: l.background.as_ref().map_or(Rgba::WHITE, |c| color(c, &format!("{name}: background"))),
        side,
        modules,
        module_px: module_px.max(1),
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

    fn layers(layers: &str) -> Result<Template, Error> {
        let source = format!("size: [1000, 800]\nbackground: {{ color: \"#000000\" }}\nlayers:\n{layers}");
        let project = Path::new("/project");
        Template::parse(&project.join("templates/card.yaml"), source.as_bytes(), project, &Limits::default())
    }

    #[test]
    fn a_group_gives_each_layer_its_room_and_keeps_their_order() {
        let t = layers(
            "  - text: title\n    box: [0, 0, 1000, 100]\n    size: 40\n  - group: { gap: [20, 30], anchor: centre }\n    box: [100, 200, 800, 500]\n    band: { color: \"#ffd400\", padding: [10, 20], hug: true }\n    layers:\n      - text: a\n        height: 120\n        size: [40, 20]\n      - image: logo.png\n        height: 80\n      - text: b\n        size: 30\n",
        )
        .expect("valid");
        assert_eq!(t.layers.len(), 4);
        assert_eq!(t.groups.len(), 1);
        let g = &t.groups[0];
        assert_eq!((g.direction, g.anchor, g.members.clone()), (Direction::Column, Anchor::Center, 1..4));
        assert_eq!((g.gap_after(0), g.gap_after(1)), (20, 30));
        assert_eq!(t.group_of(0), None);
        assert_eq!(t.group_of(2), Some(0));
        // Inside the band's padding: the group's width, and each layer's height at most.
        let boxes: Vec<[i32; 4]> = t.layers[1..]
            .iter()
            .map(|l| match l {
                Layer::Text(t) => t.bbox.as_array(),
                Layer::Image(i) => i.bbox.as_array(),
                Layer::Qr(q) => q.bbox.as_array(),
            })
            .collect();
        assert_eq!(boxes, [[120, 210, 760, 120], [120, 210, 760, 80], [120, 210, 760, 480]]);
        assert_eq!(t.layer_at[1], (11, 9), "a member's findings point at its own line");
    }

    #[test]
    fn a_group_written_wrong_is_reported_at_each_key() {
        let source = "size: [1000, 800]\nbackground: { color: \"#000000\" }\nlayers:\n  - group: { direction: down, gap: [10, 20], anchor: left }\n    box: [0, 0, 1000, 800]\n    layers:\n      - text: a\n        box: [0, 0, 10, 10]\n        size: 10\n      - group: {}\n        layers: []\n      - text: b\n        width: 300\n        size: 10\n  - text: c\n    height: 40\n    size: 10\n";
        assert_eq!(
            faults(source),
            [
                "card.yaml:4:25: layers[0] (group): direction `down`: use column or row",
                "card.yaml:4:36: layers[0] (group): 2 gaps for 2 layers: give one gap, or one per pair of neighbours (1)",
                "card.yaml:4:54: layers[0] (group): anchor `left`: use top, centre or bottom",
                "card.yaml:8:14: layers[0].layers[0] (a): a layer in a group has no `box`: the group places it (give it `height` in a column, `width` in a row, for the most room it may take)",
                "card.yaml:10:9: layers[0].layers[1] (?): a group cannot hold another group",
                "card.yaml:13:16: layers[0].layers[2] (b): `width` is the group's; in this group give `height`",
                "card.yaml:15:5: layers[1] (c): give the layer its `box: [x, y, width, height]`",
                "card.yaml:16:13: layers[1] (c): `height` is for a layer inside a group; this layer has a `box`",
            ]
        );
    }

    #[test]
    fn a_qr_layer_is_encoded_at_load_and_centred_with_its_quiet_zone() {
        let source = "size: [600, 400]\nbackground: { color: \"#000000\" }\nlayers:\n  - qr: \"tel:+441315563535\"\n    box: [440, 20, 140, 150]\n    color: \"#000080\"\n";
        let project = Path::new("/project");
        let template =
            Template::parse(&project.join("templates/card.yaml"), source.as_bytes(), project, &Limits::default())
                .expect("valid");
        let Layer::Qr(qr) = &template.layers[0] else { panic!("a qr layer: {:?}", template.layers) };
        // "tel:+" in bytes and the 12 digits in numeric mode fit version 1 at level M: 21 modules a
        // side, 29 with the quiet zone.
        assert_eq!((qr.side, qr.modules.len(), qr.module_px), (21, 441, 4), "140 px / 29 modules");
        assert_eq!(qr.outer_side(), 116);
        assert_eq!(qr.code_origin(), (440 + 12 + 16, 20 + 17 + 16), "centred in the box, inside the quiet zone");
        assert_eq!((qr.dark, qr.light), (Rgba::rgb(0, 0, 0x80), Rgba::WHITE));
        assert!(qr.modules[0] && qr.modules[6] && !qr.modules[7], "the top-left finder pattern, then its separator");
        assert_eq!(template.layer_at, [(4, 5)]);
    }

    #[test]
    fn every_fault_of_a_qr_layer_is_reported_at_its_key() {
        let source = "size: [600, 400]\nbackground: { color: \"#000000\" }\nlayers:\n  - qr: \"tel:0131 556 3535\"\n    box: [0, 0, 30, 30]\n    error_correction: X\n  - qr: \"tel:+441315563535\"\n    box: [0, 0, 100, 100]\n    backgrund: \"#ffffff\"\n  - qr: \"tel:+441315563535\"\n    text: helpline\n    box: [0, 0, 100, 100]\n";
        assert_eq!(
            faults(source),
            [
                "card.yaml:4:9: layers[0] (tel:0131 556 3535): qr `tel:0131 556 3535`: write the number in international form, `tel:+` and the country code (tel:+441315563535)",
                "card.yaml:5:10: layers[0] (tel:0131 556 3535): box [0, 0, 30, 30] is too small for the code: 25 modules and a 4-module quiet zone on each side need at least 33×33 px",
                "card.yaml:6:23: layers[0] (tel:0131 556 3535): error_correction `X`: use L, M, Q or H",
                "card.yaml:9:5: layers[1]: unknown key `backgrund`; did you mean `background`?",
                "card.yaml:10:5: layers[2]: give exactly one of `text` (a message id), `image` (a file), `qr` (a payload) or `group`",
            ]
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
