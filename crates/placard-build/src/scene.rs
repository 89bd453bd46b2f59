//! One asset: a template's layers filled with a locale's texts, laid out and turned into a scene.

use std::collections::BTreeMap;

use image::RgbaImage;
use placard_layout::{TextBlock, TextSpec, Typesetter};
use placard_pipeline::{Layer, Template, TemplateBackground, TextLayer};
use placard_render::{Background, Scene};

use crate::inputs::Inputs;
use crate::output::{LayerRecord, LineRecord};
use placard_pipeline::Text;

/// A scene ready to render and what was laid out in it.
#[derive(Debug)]
pub struct Composed {
    pub scene: Scene,
    pub layers: Vec<LayerRecord>,
    /// The laid-out text of each text layer, in template order.
    pub blocks: Vec<Block>,
}

/// One text layer's laid-out text, the box it was fitted in (width, height in px, inside any band
/// padding) and where that box's top-left corner is on the canvas (where its glyphs are painted).
#[derive(Debug)]
pub struct Block {
    pub text: TextBlock,
    pub fitted_in: [f32; 2],
    pub origin: (i32, i32),
}

/// How a locale is written, as its layout needs it: the folder code (what pipeline.yaml's fonts
/// and a layer's per-locale images are keyed by), direction, BCP 47 tag and script.
#[derive(Clone, Debug)]
pub struct Writing<'a> {
    pub code: &'a str,
    pub rtl: bool,
    pub language: String,
    pub script: Option<String>,
}

impl<'a> Writing<'a> {
    /// `code` as the workspace knows it (aliases included).
    pub fn of(workspace: &placard_pipeline::Workspace, code: &'a str) -> Writing<'a> {
        let locale = workspace.locale(code).cloned().or_else(|| workspace.config.locale(code).ok());
        Writing {
            code,
            rtl: workspace.is_rtl(code),
            language: locale.as_ref().map_or_else(|| code.to_owned(), |l| l.language_tag()),
            script: locale.as_ref().and_then(|l| l.script().map(str::to_owned)),
        }
    }
}

/// The factor on `layer`'s line height for `writing`: pipeline.yaml's for the locale, else its
/// script's default for the family it is set in.
pub fn line_height_factor(inputs: &Inputs, writing: &Writing<'_>, layer: &TextLayer) -> f32 {
    inputs.families.line_height_for(writing.code).unwrap_or_else(|| {
        placard_layout::line_height_factor(writing.script.as_deref(), family_for(inputs, writing.code, layer))
    })
}

/// The family that `locale`'s text is shaped with when a layer does not name one.
pub fn family_for<'a>(inputs: &'a Inputs, locale: &str, layer: &'a TextLayer) -> &'a str {
    layer.font.as_deref().or_else(|| inputs.families.family_for(locale)).unwrap_or("Noto Sans")
}

/// Lays out every layer of `template` for the locale `writing` describes. `background` is the
/// template's background image already scaled to the canvas; `keep` are phrases never broken
/// across lines.
pub fn compose(
    template: &Template,
    inputs: &Inputs,
    writing: &Writing<'_>,
    texts: &BTreeMap<String, Option<Text>>,
    background: Option<&std::sync::Arc<RgbaImage>>,
    keep: &[&str],
    typesetter: &mut Typesetter,
) -> Composed {
    let background = match (&template.background, background) {
        (TemplateBackground::Color(c), _) => Background::Solid(*c),
        (TemplateBackground::Gradient { from, to, angle }, _) => {
            Background::Gradient { from: *from, to: *to, angle: *angle }
        }
        (TemplateBackground::Image { under, .. }, Some(image)) => {
            Background::Image { image: std::sync::Arc::clone(image), under: *under }
        }
        (TemplateBackground::Image { under, .. }, None) => Background::Solid(*under),
    };
    let locale = writing.code;
    let mut layers = Vec::new();
    let mut records = Vec::new();
    let mut blocks = Vec::new();
    for layer in &template.layers {
        match layer {
            Layer::Text(text_layer) => {
                let text = texts.get(&text_layer.message).and_then(Option::as_ref).map_or("", |t| t.text.as_str());
                let (mut painted, record, block) = text_layers(text_layer, text, inputs, writing, keep, typesetter);
                layers.append(&mut painted);
                records.push(record);
                blocks.push(block);
            }
            Layer::Image(image_layer) => {
                let language = locale.split('-').next().unwrap_or(locale);
                let path = image_layer
                    .locales
                    .get(locale)
                    .or_else(|| image_layer.locales.get(language))
                    .unwrap_or(&image_layer.path);
                if let Some(loaded) = inputs.images.get(path) {
                    let b = image_layer.bbox;
                    let fitted = contain(&loaded.image, b.w as u32, b.h as u32);
                    let x = b.x + (b.w - fitted.width() as i32) / 2;
                    let y = b.y + (b.h - fitted.height() as i32) / 2;
                    layers.push(placard_render::Layer::Image { x, y, image: fitted });
                }
            }
        }
    }
    Composed {
        scene: Scene { width: template.width, height: template.height, background, layers },
        layers: records,
        blocks,
    }
}

fn text_layers(
    layer: &TextLayer,
    text: &str,
    inputs: &Inputs,
    writing: &Writing<'_>,
    keep: &[&str],
    typesetter: &mut Typesetter,
) -> (Vec<placard_render::Layer>, LayerRecord, Block) {
    let b = layer.bbox;
    let [pad_v, pad_h] = layer.band.map_or([0.0, 0.0], |band| band.padding);
    let (pad_v, pad_h) = (pad_v.round() as i32, pad_h.round() as i32);
    let inner = (b.x + pad_h, b.y + pad_v, (b.w - 2 * pad_h).max(1), (b.h - 2 * pad_v).max(1));
    let spec = TextSpec {
        text,
        language: &writing.language,
        keep,
        family: family_for(inputs, writing.code, layer),
        latin_family: inputs.families.families.get("default").map(String::as_str),
        weight: layer.weight,
        max_size: layer.size[0],
        min_size: layer.size[1],
        line_height: layer.line_height * line_height_factor(inputs, writing, layer),
        align: layer.align,
        valign: layer.valign,
        rtl: writing.rtl,
        width: inner.2 as f32,
        height: inner.3 as f32,
    };
    let block = typesetter.lay_out(&spec);
    let mut painted = Vec::new();
    if let Some(band) = layer.band {
        let (y, height) = match (band.hug, block.extent) {
            (true, Some(e)) => (inner.1 as f32 + e.top - pad_v as f32, e.height() + 2.0 * pad_v as f32),
            _ => (b.y as f32, b.h as f32),
        };
        painted.push(placard_render::Layer::Band {
            x: b.x as f32,
            y: y.round(),
            width: b.w as f32,
            height: height.round(),
            radius: band.radius,
            color: band.color,
        });
    }
    let record = LayerRecord {
        message: layer.message.clone(),
        text: text.to_owned(),
        r#box: b.as_array(),
        size: block.size,
        lines: line_records(&block, (inner.0, inner.1)),
        fits: block.fits,
    };
    let glyphs = block.glyphs.iter().filter_map(|g| g.mask.clone()).collect();
    painted.push(placard_render::Layer::Text { x: inner.0, y: inner.1, color: layer.color, glyphs });
    let fitted_in = [spec.width, spec.height];
    (painted, record, Block { text: block, fitted_in, origin: (inner.0, inner.1) })
}

/// The manifest's record of each line of `block`, whose box is at `origin` on the canvas.
fn line_records(block: &TextBlock, origin: (i32, i32)) -> Vec<LineRecord> {
    block
        .lines
        .iter()
        .map(|line| {
            let ink = line.ink.map_or([origin.0, origin.1 + line.top.round() as i32, 0, 0], |i| {
                [origin.0 + i.left as i32, origin.1 + i.top as i32, i.width() as i32, i.height() as i32]
            });
            let text = block.text.get(line.text.clone()).unwrap_or_default().trim();
            LineRecord { text: text.to_owned(), size: block.size, ink }
        })
        .collect()
}

/// `image` scaled to fit inside `width` × `height`, keeping its aspect ratio.
fn contain(image: &RgbaImage, width: u32, height: u32) -> RgbaImage {
    let (iw, ih) = (image.width().max(1) as f64, image.height().max(1) as f64);
    let scale = (f64::from(width) / iw).min(f64::from(height) / ih);
    let (w, h) = (((iw * scale).floor() as u32).max(1), ((ih * scale).floor() as u32).max(1));
    if (w, h) == image.dimensions() {
        image.clone()
    } else {
        image::imageops::resize(image, w, h, image::imageops::FilterType::Triangle)
    }
}
