//! `contrast`: WCAG 2.x contrast of a layer's text colour against the pixels behind its ink. The
//! backdrop varies (gradients, photos), so the ratio reported is the one that 90% of the ink's
//! pixels reach or beat: a few pixels over a bright spot do not fail a poster, a tenth of the text
//! does.

use std::sync::LazyLock;

use placard_core::{Code, Diagnostic};

use super::{Backdrop, ComposedText};

pub(super) fn check_contrast(layer: &ComposedText<'_>, behind: &Backdrop<'_>, out: &mut Vec<Diagnostic>) {
    let color = layer.color;
    let text = luminance(color.r, color.g, color.b);
    let (x, y) = layer.origin;
    let (width, height) = (behind.width as i32, behind.height as i32);
    let mut ratios = Vec::new();
    for glyph in layer.block.glyphs.iter().filter_map(|g| g.mask.as_ref()).filter(|m| !m.color) {
        for gy in 0..glyph.height {
            for gx in 0..glyph.width {
                if glyph.data[(gy * glyph.width + gx) as usize] < 128 {
                    continue;
                }
                let (px, py) = (x + glyph.left + gx as i32, y + glyph.top + gy as i32);
                if px < 0 || py < 0 || px >= width || py >= height {
                    continue;
                }
                let at = (py as usize * behind.width as usize + px as usize) * 4;
                let p = &behind.rgba[at..at + 3];
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
    let size = layer.block.size;
    let bold = layer.weight >= 600;
    // WCAG "large text": 18 pt (24 px), or 14 pt (18.67 px) bold.
    let large = size >= 24.0 || (bold && size >= 18.67);
    let needed = if large { 3.0 } else { 4.5 };
    if ratio < needed {
        out.push(
            layer
                .finding(
                    Code::Contrast,
                    format!(
                        "`{}` {} against what is behind it in {} {}: contrast {ratio:.2}:1, below WCAG's {needed}:1 for {} text",
                        layer.message,
                        color,
                        layer.template,
                        layer.layer_name(),
                        if large { "large" } else { "normal" }
                    ),
                )
                .hint("A designer can change the text colour, add a band behind the text, or darken the background."),
        );
    }
}

/// WCAG relative luminance of an sRGB colour.
pub fn luminance(r: u8, g: u8, b: u8) -> f64 {
    let linear = &*LINEAR;
    0.2126 * linear[usize::from(r)] + 0.7152 * linear[usize::from(g)] + 0.0722 * linear[usize::from(b)]
}

/// Each sRGB channel value in linear light, by WCAG's formula, worked out once: the contrast check
/// looks up three for every pixel of ink, and `powf` there was most of the layout checks' time.
static LINEAR: LazyLock<[f64; 256]> = LazyLock::new(|| {
    std::array::from_fn(|byte| {
        let c = byte as f64 / 255.0;
        if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    })
});

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
