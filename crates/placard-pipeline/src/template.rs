//! Templates: YAML files under `assets/templates/` that designers write (docs/templates.md), read
//! in two stages like pipeline.yaml. A mistake — an unknown key, a box outside the canvas, a colour
//! that is not one, an image path that leaves the project — is an error naming the file, the line
//! and the key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use placard_core::{Align, Limits, Rgba, VAlign};
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::Error;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplate {
    name: Option<String>,
    size: Spanned<[u32; 2]>,
    #[serde(default)]
    bleed: u32,
    dpi: Option<Spanned<u32>>,
    safe: Option<Spanned<[i32; 4]>>,
    background: Spanned<RawBackground>,
    #[serde(default)]
    requires: Vec<Spanned<String>>,
    alt: Option<String>,
    outputs: Option<Vec<Spanned<RawFormat>>>,
    layers: Vec<Spanned<RawLayer>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBackground {
    color: Option<String>,
    gradient: Option<RawGradient>,
    image: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGradient {
    from: String,
    to: String,
    #[serde(default)]
    angle: f32,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawFormat {
    Name(String),
    Detailed { format: String, quality: Option<u8> },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLayer {
    text: Option<String>,
    image: Option<String>,
    #[serde(rename = "box")]
    bbox: [i32; 4],
    font: Option<String>,
    weight: Option<RawWeight>,
    size: Option<RawSize>,
    line_height: Option<f32>,
    color: Option<String>,
    align: Option<String>,
    valign: Option<String>,
    band: Option<RawBand>,
    min_legible: Option<f32>,
    #[serde(default)]
    locales: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawWeight {
    Number(u16),
    Name(String),
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawSize {
    Range([f32; 2]),
    Fixed(f32),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    color: String,
    #[serde(default)]
    padding: [f32; 2],
    #[serde(default)]
    radius: f32,
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
    /// must be within `limits.canvas_side` and `limits.canvas_pixels`.
    pub fn parse(path: &Path, source: &[u8], project: &Path, limits: &Limits) -> Result<Template, Error> {
        let text = crate::yaml::utf8(path, source)?;
        let raw: RawTemplate = crate::yaml::parse(path, text)?;
        let invalid = |at: &serde_saphyr::Location, message: String| Error::Config {
            path: path.to_owned(),
            line: Some(at.line()),
            column: Some(at.column()),
            message,
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        let project_path = |rel: &str, at: &serde_saphyr::Location, key: &str| -> Result<PathBuf, Error> {
            let joined = dir.join(rel);
            let from_root = crate::paths::relative(&joined, project);
            crate::paths::inside(project, &from_root).map_err(|why| invalid(at, format!("{key} `{rel}` {why}")))
        };
        let color = |s: &str, at: &serde_saphyr::Location, key: &str| -> Result<Rgba, Error> {
            s.parse::<Rgba>().map_err(|e| invalid(at, format!("{key}: {e}")))
        };

        let [width, height] = raw.size.value;
        let side = limits.canvas_side;
        if !(1..=side).contains(&width) || !(1..=side).contains(&height) {
            return Err(invalid(
                &raw.size.referenced,
                format!(
                    "size {width}×{height} px: each side must be 1 to {side} (limits.canvas_side in pipeline.yaml)"
                ),
            ));
        }
        let pixels = u64::from(width) * u64::from(height);
        if pixels > limits.canvas_pixels {
            return Err(invalid(
                &raw.size.referenced,
                format!(
                    "size {width}×{height} px is {pixels} pixels, more than the limit of {} (limits.canvas_pixels in \
                     pipeline.yaml); each pixel takes 4 bytes while rendering",
                    limits.canvas_pixels
                ),
            ));
        }
        if u64::from(raw.bleed) * 2 >= u64::from(width.min(height)) {
            return Err(invalid(&raw.size.referenced, format!("bleed {} px leaves no canvas", raw.bleed)));
        }
        let dpi = match &raw.dpi {
            Some(d) => Some(u16::try_from(d.value).ok().filter(|&v| v > 0).ok_or_else(|| {
                invalid(
                    &d.referenced,
                    format!("dpi {}: give the print resolution in dots per inch, 1 to 65535", d.value),
                )
            })?),
            None => None,
        };
        // Both fit in i32: sides are at most 65,535 (the ceiling of limits.canvas_side).
        let canvas = BoxPx { x: 0, y: 0, w: width as i32, h: height as i32 };
        let bleed = raw.bleed as i32;
        let inside_bleed = BoxPx { x: bleed, y: bleed, w: canvas.w - 2 * bleed, h: canvas.h - 2 * bleed };
        let safe = match &raw.safe {
            Some(s) => {
                let [x, y, w, h] = s.value;
                let b = BoxPx { x, y, w, h };
                if w <= 0 || h <= 0 || !b.within(&canvas) {
                    return Err(invalid(
                        &s.referenced,
                        format!("safe area {:?} must lie within the {width}×{height} canvas", s.value),
                    ));
                }
                b
            }
            None => inside_bleed,
        };

        let bg = &raw.background.value;
        let at = &raw.background.referenced;
        let background = match (&bg.color, &bg.gradient, &bg.image) {
            (Some(c), None, None) => TemplateBackground::Color(color(c, at, "background.color")?),
            (None, Some(g), None) => TemplateBackground::Gradient {
                from: color(&g.from, at, "background.gradient.from")?,
                to: color(&g.to, at, "background.gradient.to")?,
                angle: g.angle,
            },
            (under, None, Some(image)) => TemplateBackground::Image {
                path: project_path(image, at, "background.image")?,
                under: match under {
                    Some(c) => color(c, at, "background.color")?,
                    None => Rgba::BLACK,
                },
            },
            _ => {
                return Err(invalid(
                    at,
                    "background: give one of `color`, `gradient` or `image` (an image may have a `color` under it)"
                        .into(),
                ));
            }
        };

        let outputs = match raw.outputs {
            None => vec![OutputFormat::Png],
            Some(list) => {
                let mut out = Vec::new();
                for f in list {
                    let (name, quality) = match &f.value {
                        RawFormat::Name(n) => (n.as_str(), None),
                        RawFormat::Detailed { format, quality } => (format.as_str(), *quality),
                    };
                    out.push(match (name, quality) {
                        ("png", None) => OutputFormat::Png,
                        ("png-small", None) => OutputFormat::PngSmall,
                        ("webp", None) => OutputFormat::WebpLossless,
                        ("jpeg" | "jpg", q) => {
                            let quality = q.unwrap_or(85);
                            if !(1..=100).contains(&quality) {
                                return Err(invalid(&f.referenced, format!("jpeg quality {quality}: use 1 to 100")));
                            }
                            OutputFormat::Jpeg { quality }
                        }
                        (other, _) => {
                            return Err(invalid(
                                &f.referenced,
                                format!(
                                    "output `{other}`: use png, png-small, jpeg (with an optional quality) or webp"
                                ),
                            ));
                        }
                    });
                }
                if out.is_empty() {
                    return Err(invalid(&raw.size.referenced, "outputs: list at least one format".into()));
                }
                out
            }
        };

        let mut layers = Vec::new();
        let mut layer_at = Vec::new();
        for (i, layer) in raw.layers.iter().enumerate() {
            let at = &layer.referenced;
            layer_at.push((at.line() as u32, at.column() as u32));
            let l = &layer.value;
            let [x, y, w, h] = l.bbox;
            let bbox = BoxPx { x, y, w, h };
            let what = l.text.as_deref().or(l.image.as_deref()).unwrap_or("?");
            let name = format!("layers[{i}] ({what})");
            if w <= 0 || h <= 0 || !bbox.within(&canvas) {
                return Err(invalid(at, format!("{name}: box {:?} lies outside the {width}×{height} canvas", l.bbox)));
            }
            layers.push(match (&l.text, &l.image) {
                (Some(message), None) => {
                    let [max, min] = match l.size {
                        Some(RawSize::Range(r)) => r,
                        Some(RawSize::Fixed(s)) => [s, s],
                        None => {
                            return Err(invalid(at, format!("{name}: a text layer needs `size: [max, min]` in px")));
                        }
                    };
                    if !(min > 0.0 && max >= min && max <= 2000.0) {
                        return Err(invalid(at, format!("{name}: size [{max}, {min}]: need 0 < min ≤ max ≤ 2000")));
                    }
                    let weight = match &l.weight {
                        None => 400,
                        Some(RawWeight::Number(n)) if (1..=1000).contains(n) => *n,
                        Some(RawWeight::Name(n)) if n == "regular" => 400,
                        Some(RawWeight::Name(n)) if n == "bold" => 700,
                        Some(_) => return Err(invalid(at, format!("{name}: weight: use regular, bold or 1 to 1000"))),
                    };
                    let align = match l.align.as_deref() {
                        None | Some("start") => Align::Start,
                        Some("center" | "centre") => Align::Center,
                        Some("end") => Align::End,
                        Some(other) => {
                            return Err(invalid(at, format!("{name}: align `{other}`: use start, centre or end")));
                        }
                    };
                    let valign = match l.valign.as_deref() {
                        None | Some("top") => VAlign::Top,
                        Some("middle") => VAlign::Middle,
                        Some("bottom") => VAlign::Bottom,
                        Some(other) => {
                            return Err(invalid(at, format!("{name}: valign `{other}`: use top, middle or bottom")));
                        }
                    };
                    let band = match &l.band {
                        Some(b) => Some(Band {
                            color: color(&b.color, at, &format!("{name}: band.color"))?,
                            padding: b.padding,
                            radius: b.radius.max(0.0),
                            hug: b.hug,
                        }),
                        None => None,
                    };
                    let line_height = l.line_height.unwrap_or(1.2);
                    if !(0.5..=4.0).contains(&line_height) {
                        return Err(invalid(at, format!("{name}: line_height {line_height}: use 0.5 to 4")));
                    }
                    Layer::Text(TextLayer {
                        message: message.clone(),
                        bbox,
                        font: l.font.clone(),
                        weight,
                        size: [max, min],
                        line_height,
                        color: color(l.color.as_deref().unwrap_or("#ffffff"), at, &format!("{name}: color"))?,
                        align,
                        valign,
                        band,
                        min_legible: match l.min_legible {
                            Some(px) if px > 0.0 && px <= 2000.0 => Some(px),
                            Some(px) => return Err(invalid(at, format!("{name}: min_legible {px}: use 1 to 2000 px"))),
                            None => None,
                        },
                    })
                }
                (None, Some(image)) => {
                    let mut locales = BTreeMap::new();
                    for (locale, p) in &l.locales {
                        locales.insert(locale.clone(), project_path(p, at, &format!("{name}: locales.{locale}"))?);
                    }
                    Layer::Image(ImageLayer {
                        path: project_path(image, at, &format!("{name}: image"))?,
                        bbox,
                        locales,
                    })
                }
                _ => {
                    return Err(invalid(
                        at,
                        format!("layers[{i}]: give exactly one of `text` (a message id) or `image` (a file)"),
                    ));
                }
            });
        }

        let name =
            raw.name.unwrap_or_else(|| path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned()));
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            return Err(invalid(&raw.size.referenced, format!("template name `{name}`: use letters, digits, - and _")));
        }
        Ok(Template {
            name,
            path: path.to_owned(),
            source: source.to_vec(),
            width,
            height,
            bleed: raw.bleed,
            dpi,
            safe,
            background,
            requires_at: raw
                .requires
                .iter()
                .map(|r| (r.referenced.line() as u32, r.referenced.column() as u32))
                .collect(),
            requires: raw.requires.into_iter().map(|r| r.value).collect(),
            alt: raw.alt,
            outputs,
            layers,
            layer_at,
        })
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
