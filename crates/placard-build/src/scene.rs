//! One asset: a template's layers filled with a locale's texts, laid out and turned into a scene.

use std::collections::BTreeMap;

use image::RgbaImage;
use placard_layout::{TextBlock, TextSpec, Typesetter, keep_together};
use placard_pipeline::{Layer, Template, TemplateBackground, TextLayer};
use placard_render::{Background, Scene};

use crate::inputs::Inputs;
use crate::output::LayerRecord;
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

/// The family that `locale`'s text is shaped with when a layer does not name one.
pub fn family_for<'a>(inputs: &'a Inputs, locale: &str, layer: &'a TextLayer) -> &'a str {
    layer.font.as_deref().or_else(|| inputs.families.family_for(locale)).unwrap_or("Noto Sans")
}

/// Lays out every layer of `template` for `locale`, right to left when `rtl` (the workspace's
/// locale says, aliases included). `background` is the template's background
/// image already scaled to the canvas; `keep` are phrases never broken across lines.
pub fn compose(
    template: &Template,
    inputs: &Inputs,
    (locale, rtl): (&str, bool),
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
    let mut layers = Vec::new();
    let mut records = Vec::new();
    let mut blocks = Vec::new();
    for layer in &template.layers {
        match layer {
            Layer::Text(text_layer) => {
                let text = texts.get(&text_layer.message).and_then(Option::as_ref).map_or("", |t| t.text.as_str());
                let (mut painted, record, block) = text_layers(text_layer, text, inputs, locale, rtl, keep, typesetter);
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
                let b = image_layer.bbox;
                if let Some(fitted) = inputs.fitted(path, b.w.max(1) as u32, b.h.max(1) as u32) {
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
    locale: &str,
    rtl: bool,
    keep: &[&str],
    typesetter: &mut Typesetter,
) -> (Vec<placard_render::Layer>, LayerRecord, Block) {
    let b = layer.bbox;
    let [pad_v, pad_h] = layer.band.map_or([0.0, 0.0], |band| band.padding);
    let (pad_v, pad_h) = (pad_v.round() as i32, pad_h.round() as i32);
    let inner = (b.x + pad_h, b.y + pad_v, (b.w - 2 * pad_h).max(1), (b.h - 2 * pad_v).max(1));
    let prepared = keep_together(text, keep);
    let spec = TextSpec {
        text: &prepared,
        family: family_for(inputs, locale, layer),
        latin_family: inputs.families.families.get("default").map(String::as_str),
        weight: layer.weight,
        max_size: layer.size[0],
        min_size: layer.size[1],
        line_height: layer.line_height * inputs.families.line_height_for(locale),
        align: layer.align,
        valign: layer.valign,
        rtl,
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
        lines: block.lines.len(),
        fits: block.fits,
    };
    let glyphs = block.glyphs.iter().filter_map(|g| g.mask.clone()).collect();
    painted.push(placard_render::Layer::Text { x: inner.0, y: inner.1, color: layer.color, glyphs });
    let fitted_in = [spec.width, spec.height];
    (painted, record, Block { text: block, fitted_in, origin: (inner.0, inner.1) })
}
