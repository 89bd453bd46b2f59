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
    // Runs of ink pixels over one backdrop colour, as (ratio, pixels): neighbouring pixels behind
    // text are mostly the same colour (a band, a slow gradient), so there are far fewer runs than
    // pixels, and the percentile is read off the runs sorted by ratio.
    let mut runs: Vec<(f64, usize)> = Vec::new();
    let mut last: Option<[u8; 3]> = None;
    for glyph in layer.block.glyphs.iter().filter_map(|g| g.mask.as_ref()).filter(|m| !m.color) {
        for gy in 0..glyph.height {
            let py = y + glyph.top + gy as i32;
            if py < 0 || py >= height {
                continue;
            }
            let row = &glyph.data[(gy * glyph.width) as usize..((gy + 1) * glyph.width) as usize];
            for (gx, &coverage) in row.iter().enumerate() {
                let px = x + glyph.left + gx as i32;
                if coverage < 128 || px < 0 || px >= width {
                    continue;
                }
                let at = (py as usize * behind.width as usize + px as usize) * 4;
                let rgb = [behind.rgba[at], behind.rgba[at + 1], behind.rgba[at + 2]];
                match runs.last_mut() {
                    Some((_, pixels)) if last == Some(rgb) => *pixels += 1,
                    _ => {
                        let back = luminance(rgb[0], rgb[1], rgb[2]);
                        let (hi, lo) = if text > back { (text, back) } else { (back, text) };
                        runs.push(((hi + 0.05) / (lo + 0.05), 1));
                        last = Some(rgb);
                    }
                }
            }
        }
    }
    let Some(ratio) = percentile_tenth(&mut runs) else { return };
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

/// The ratio at rank `pixels / 10` (0-based) in ascending order of every pixel's ratio: the value
/// 90% of the ink reaches or beats. `None` when there is no ink.
fn percentile_tenth(runs: &mut [(f64, usize)]) -> Option<f64> {
    let pixels: usize = runs.iter().map(|(_, n)| n).sum();
    if pixels == 0 {
        return None;
    }
    let rank = pixels / 10;
    runs.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let mut seen = 0;
    runs.iter()
        .find(|(_, n)| {
            seen += n;
            seen > rank
        })
        .map(|(ratio, _)| *ratio)
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
    use super::{luminance, percentile_tenth};

    #[test]
    fn the_percentile_of_runs_is_the_percentile_of_their_pixels() {
        // 20 pixels: ratios 1.0 ×3, 2.0 ×5, 9.0 ×12; rank 2 (0-based) of the sorted pixels is 1.0,
        // and with one more low pixel the rank stays 2 while the values shift.
        assert_eq!(percentile_tenth(&mut [(9.0, 12), (1.0, 3), (2.0, 5)]), Some(1.0));
        assert_eq!(percentile_tenth(&mut [(9.0, 12), (1.0, 2), (2.0, 6)]), Some(2.0));
        let pixels: Vec<f64> = (0..37).map(|i| f64::from((i * 7) % 11)).collect();
        let mut sorted = pixels.clone();
        sorted.sort_by(f64::total_cmp);
        let mut runs: Vec<(f64, usize)> = pixels.iter().map(|&r| (r, 1)).collect();
        assert_eq!(percentile_tenth(&mut runs), Some(sorted[37 / 10]));
        assert_eq!(percentile_tenth(&mut []), None);
    }

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
