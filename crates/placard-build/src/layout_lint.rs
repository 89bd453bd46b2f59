//! Layout checks: every text layer of every template laid out for every locale with the same
//! engine as the build, nothing rendered or encoded, and what a reader would miss reported as
//! diagnostics that point at the message in the locale's .ftl file and name the template and layer.

use image::RgbaImage;
use placard_core::{Code, Diagnostic, LineIndex};
use placard_layout::{TextBlock, keep_together};
use placard_pipeline::{BoxPx, Layer, Template, TextLayer, Workspace};

use crate::assess::{Texts, assess, attribute, template_findings};
use crate::inputs::Inputs;
use crate::texts::{Text, format_all};

/// The default legible minimum for required text: this share of the canvas's shorter side.
pub const MIN_LEGIBLE_SHARE: f32 = 0.025;

/// Runs the layout checks for `locales` over every template in `inputs`: the template-level
/// checks, then each locale × template composed and checked ([`crate::assess`]).
pub fn lint_layout(workspace: &Workspace, inputs: &Inputs, locales: &[&str]) -> Vec<Diagnostic> {
    let ids = inputs.message_ids(false);
    let texts: Texts<'_> = locales.iter().map(|&l| (l, format_all(workspace, l, &ids))).collect();
    let jobs: Vec<(&str, &Template)> =
        locales.iter().flat_map(|&l| inputs.templates.iter().map(move |t| (l, t))).collect();
    let templates: Vec<&Template> = inputs.templates.iter().collect();
    let mut out = template_findings(workspace, &templates);
    out.extend(attribute(workspace, &assess(workspace, inputs, &texts, &jobs, false)));
    out
}

/// Where a finding is: the locale, template and layer, and the message's text.
pub(crate) struct Place<'a> {
    pub workspace: &'a Workspace,
    pub locale: &'a str,
    pub template: &'a Template,
    pub index: usize,
    pub layer: &'a TextLayer,
    pub text: &'a Text,
}

impl Place<'_> {
    fn layer_name(&self) -> String {
        format!("layers[{}] ({})", self.index, self.layer.message)
    }

    fn diagnostic(&self, code: Code, message: String) -> Diagnostic {
        let mut d = locate(self.workspace, &self.text.from, &self.layer.message, Diagnostic::error(code, message))
            .locale(self.locale)
            .message_id(&self.layer.message);
        d.template = Some(self.template.name.clone());
        d.layer = Some(self.layer_name());
        d
    }
}

pub(crate) fn check_block(
    at: &Place<'_>,
    block: &TextBlock,
    [width, height]: [f32; 2],
    family: &str,
    required: &[&str],
    keep: &[&str],
    out: &mut Vec<Diagnostic>,
) {
    let where_ = format!("in {} {}", at.template.name, at.layer_name());
    if !block.fits {
        let (w, h) = block.extent.map_or((0.0, 0.0), |e| (e.width(), e.height()));
        let mut why = Vec::new();
        if h > height + 0.5 {
            why.push(format!("it needs {h:.0} px of height, the box has {height:.0}"));
        }
        if w > width + 0.5 {
            why.push(format!("a word needs {w:.0} px of width, the box has {width:.0}"));
        }
        out.push(
            at.diagnostic(
                Code::Overflow,
                format!(
                    "`{}` does not fit {where_} even at {} px ({} lines): {}",
                    at.layer.message,
                    block.size,
                    block.lines.len(),
                    why.join("; ")
                ),
            )
            .hint("A shorter wording fits; or the designer can give the layer a bigger box or a smaller minimum size."),
        );
    }
    let is_required = required.contains(&at.layer.message.as_str()) || at.template.requires.contains(&at.layer.message);
    let legible = at
        .layer
        .min_legible
        .unwrap_or_else(|| (at.template.width.min(at.template.height) as f32 * MIN_LEGIBLE_SHARE).round().max(10.0));
    if is_required && block.size < legible {
        out.push(
            at.diagnostic(
                Code::TooSmall,
                format!(
                    "required `{}` is set at {} px {where_}, below its legible minimum of {legible} px",
                    at.layer.message, block.size
                ),
            )
            .hint("Shorten the text around the number so it can be set larger."),
        );
    }
    let mut missing: Vec<char> = block
        .glyphs
        .iter()
        .filter(|g| g.missing)
        .flat_map(|g| block.text[g.cluster.clone()].chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    missing.sort_unstable();
    missing.dedup();
    for c in missing {
        out.push(
            at.diagnostic(
                Code::MissingGlyph,
                format!("'{c}' (U+{:04X}) in `{}` has no glyph in {family} or any other loaded font {where_}: it would draw as a box", c as u32, at.layer.message),
            )
            .hint("Check for a typo or a character from another script; a designer can add a font that covers it."),
        );
    }
    for needle in keep {
        let glued = keep_together(needle, keep);
        let Some(start) = block.text.find(&glued) else { continue };
        let end = start + glued.len();
        let glyphs: Vec<_> = block
            .glyphs
            .iter()
            .filter(|g| g.cluster.start >= start && g.cluster.end <= end && g.mask.is_some())
            .collect();
        let lines: std::collections::BTreeSet<usize> = glyphs.iter().map(|g| g.line).collect();
        if lines.len() > 1 {
            out.push(
                at.diagnostic(
                    Code::BrokenNumber,
                    format!("\"{needle}\" is split across {} lines {where_}", lines.len()),
                )
                .hint("A shorter wording around it lets it fit on one line; or the designer can widen the box."),
            );
            continue;
        }
        // In logical order, each glyph of a left-to-right string must sit right of the one before.
        let mut by_cluster = glyphs.clone();
        by_cluster.sort_by_key(|g| g.cluster.start);
        let reads_ltr = needle.chars().any(|c| c.is_ascii_alphanumeric());
        if reads_ltr && by_cluster.windows(2).any(|w| w[1].x < w[0].x) {
            out.push(
                at.diagnostic(Code::BidiOrder, format!("the glyphs of \"{needle}\" are not in reading order {where_}"))
                    .hint(format!(
                        "Isolate it where it is defined: {{ \"\\u2066\" }}{needle}{{ \"\\u2069\" }} (LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE)."
                    )),
            );
        }
    }
}

/// WCAG 2.x contrast of the text colour against what is behind its ink. The backdrop varies
/// (gradients, photos), so the ratio reported is the one that 90% of the ink's pixels reach or
/// beat: a few pixels over a bright spot do not fail a poster, a tenth of the text does.
pub(crate) fn check_contrast(
    at: &Place<'_>,
    painted: &placard_render::Layer,
    behind: &RgbaImage,
    size: f32,
    out: &mut Vec<Diagnostic>,
) {
    let placard_render::Layer::Text { x, y, color, glyphs } = painted else { return };
    let text = luminance(color.r, color.g, color.b);
    let mut ratios = Vec::new();
    for glyph in glyphs.iter().filter(|g| !g.color) {
        for gy in 0..glyph.height {
            for gx in 0..glyph.width {
                if glyph.data[(gy * glyph.width + gx) as usize] < 128 {
                    continue;
                }
                let (px, py) = (x + glyph.left + gx as i32, y + glyph.top + gy as i32);
                if px < 0 || py < 0 || px >= behind.width() as i32 || py >= behind.height() as i32 {
                    continue;
                }
                let p = behind.get_pixel(px as u32, py as u32).0;
                let back = luminance(p[0], p[1], p[2]);
                let (hi, lo) = if text > back { (text, back) } else { (back, text) };
                ratios.push((hi + 0.05) / (lo + 0.05));
            }
        }
    }
    if ratios.is_empty() {
        return;
    }
    // The tenth percentile: only that rank is needed, not a full sort.
    let rank = ratios.len() / 10;
    let (_, &mut ratio, _) = ratios.select_nth_unstable_by(rank, f64::total_cmp);
    let bold = at.layer.weight >= 600;
    // WCAG "large text": 18 pt (24 px), or 14 pt (18.67 px) bold.
    let large = size >= 24.0 || (bold && size >= 18.67);
    let needed = if large { 3.0 } else { 4.5 };
    if ratio < needed {
        out.push(
            at.diagnostic(
                Code::Contrast,
                format!(
                    "`{}` {} against what is behind it in {} {}: contrast {ratio:.2}:1, below WCAG's {needed}:1 for {} text",
                    at.layer.message,
                    color,
                    at.template.name,
                    at.layer_name(),
                    if large { "large" } else { "normal" }
                ),
            )
            .hint("A designer can change the text colour, add a band behind the text, or darken the background."),
        );
    }
}

/// WCAG relative luminance of an sRGB colour.
fn luminance(r: u8, g: u8, b: u8) -> f64 {
    let linear = &*LINEAR;
    0.2126 * linear[usize::from(r)] + 0.7152 * linear[usize::from(g)] + 0.0722 * linear[usize::from(b)]
}

/// Each sRGB channel value in linear light, by WCAG's formula, worked out once: the contrast check
/// looks up three for every pixel of ink, and `powf` there was most of the layout checks' time.
static LINEAR: std::sync::LazyLock<[f64; 256]> = std::sync::LazyLock::new(|| {
    std::array::from_fn(|byte| {
        let c = byte as f64 / 255.0;
        if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    })
});

/// Template-level checks: every required message has a layer, inside the safe area, uncovered.
pub(crate) fn hidden(workspace: &Workspace, template: &Template, required: &[&str]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let display = placard_pipeline::relative(&template.path, &workspace.config.root);
    let finding = |message: String, layer: Option<(usize, String)>| {
        let mut d = Diagnostic::error(Code::HelplineHidden, message).file(&display);
        d.template = Some(template.name.clone());
        if let Some((index, name)) = layer {
            // At the layer in the template file: the designer's fix goes there.
            if let Some(&(line, column)) = template.layer_at.get(index) {
                d.line = Some(line);
                d.column = Some(column);
            }
            d.layer = Some(name);
        }
        d
    };
    for id in &template.requires {
        if !required.contains(&id.as_str()) {
            out.push(finding(format!("`requires: {id}`: pipeline.yaml has no required rule for `{id}`"), None));
        }
        let Some(index) = template.layers.iter().position(|l| matches!(l, Layer::Text(t) if &t.message == id)) else {
            out.push(
                finding(format!("template {} must show `{id}` but no text layer shows it", template.name), None)
                    .hint(format!("Add a text layer with `text: {id}`.")),
            );
            continue;
        };
        let Layer::Text(layer) = &template.layers[index] else { continue };
        let name = format!("layers[{index}] ({id})");
        if !layer.bbox.within(&template.safe) {
            out.push(
                finding(
                    format!(
                        "`{id}` in {} {name} lies outside the safe area {:?}",
                        template.name,
                        template.safe.as_array()
                    ),
                    Some((index, name.clone())),
                )
                .hint("Move the layer's box inside `safe`."),
            );
        }
        for (j, later) in template.layers.iter().enumerate().skip(index + 1) {
            let (bbox, what) = match later {
                Layer::Image(image) => {
                    (image.bbox, image.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
                }
                Layer::Text(text) => (text.bbox, text.message.clone()),
            };
            if overlaps(&bbox, &layer.bbox) {
                out.push(
                    finding(
                        format!(
                            "`{id}` in {} {name} is covered by layers[{j}] ({what}), drawn after it",
                            template.name
                        ),
                        Some((index, name.clone())),
                    )
                    .hint("Draw the required layer last, or move the other layer off it."),
                );
            }
        }
    }
    out
}

fn overlaps(a: &BoxPx, b: &BoxPx) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/// Points `d` at the definition of `id` in `locale`'s files (line and column of its identifier).
fn locate(workspace: &Workspace, locale: &str, id: &str, d: Diagnostic) -> Diagnostic {
    let (name, attribute) = placard_fluent::split_attribute(id);
    let Some(loaded) = workspace.locales.iter().find(|l| l.code == locale) else { return d };
    for file in &loaded.files {
        let catalog = placard_fluent::Catalog::new([(file.path.as_str(), &file.parsed)]);
        let Some(entry) = catalog.lookup(name) else { continue };
        let anchor = attribute.and_then(|a| entry.attribute(a)).map_or(entry.id.name, |a| a.id.name);
        let Some(offset) = file.parsed.offset_of(anchor) else { continue };
        let at = LineIndex::new(file.parsed.text()).line_col(offset);
        let mut d = d.file(&file.display);
        d.span = Some(offset..offset + anchor.len());
        d.line = Some(at.line);
        d.column = Some(at.column);
        return d;
    }
    d
}

/// What [`lint_all`] found, and the names of the templates it laid out (in pipeline.yaml's
/// order; empty when the layout checks did not run).
#[derive(Debug)]
pub struct Linted {
    pub report: placard_lint::Report,
    pub templates: Vec<String>,
}

/// Everything `placard lint` checks: the text checks on the selected locales, then, when `layout`
/// is set and pipeline.yaml lists templates, the layout checks. An error here (a template or font
/// that cannot be read) is unusable input.
pub fn lint_all(workspace: &Workspace, layout: bool) -> Result<Linted, crate::BuildError> {
    let mut report = workspace.lint();
    let mut templates = Vec::new();
    if layout && !workspace.config.templates.is_empty() {
        let inputs = Inputs::load(&workspace.config, &[])?;
        let locales: Vec<&str> = workspace.selected.iter().map(String::as_str).collect();
        report.extend(lint_layout(workspace, &inputs, &locales));
        templates = inputs.templates.iter().map(|t| t.name.clone()).collect();
    }
    Ok(Linted { report, templates })
}

#[cfg(test)]
mod tests {
    use super::luminance;

    fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
        let (a, b) = (luminance(a.0, a.1, a.2), luminance(b.0, b.1, b.2));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn contrast_ratios_match_wcag_published_examples() {
        assert_eq!(contrast((0, 0, 0), (255, 255, 255)), 21.0);
        assert_eq!(contrast((255, 255, 255), (255, 255, 255)), 1.0);
        // #777777 on white is WebAIM's example of a grey that just fails AA at 4.48:1.
        assert!((contrast((0x77, 0x77, 0x77), (255, 255, 255)) - 4.48).abs() < 0.005);
        // #767676 is the lightest grey that passes at 4.54:1.
        assert!((contrast((0x76, 0x76, 0x76), (255, 255, 255)) - 4.54).abs() < 0.005);
    }

    #[test]
    fn the_lookup_table_equals_the_formula_for_every_channel_value() {
        for byte in 0..=255u8 {
            let c = f64::from(byte) / 255.0;
            let formula = if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) };
            assert_eq!(luminance(byte, 0, 0), 0.2126 * formula + 0.7152 * 0.0 + 0.0722 * 0.0, "{byte}");
        }
    }
}
