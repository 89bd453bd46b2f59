//! What the laid-out text itself shows: whether it fits, whether required text is legible,
//! whether every character has a glyph, and whether each phrase kept together (the helpline) sits
//! on one line with its glyphs in reading order.

use std::collections::BTreeSet;

use placard_core::{Code, Diagnostic};
use placard_layout::find_phrase;

use super::Backdrop;
use super::ComposedText;
use super::contrast::check_contrast;
use super::lines::check_lines;

/// Runs every check on one composed text layer. `phrases` are the required strings, which the
/// composition keeps on one line.
pub fn check_text(layer: &ComposedText<'_>, phrases: &[&str], backdrop: &Backdrop<'_>, out: &mut Vec<Diagnostic>) {
    fits(layer, out);
    check_lines(layer, phrases, out);
    legible(layer, out);
    glyphs(layer, out);
    kept_together(layer, phrases, out);
    check_contrast(layer, backdrop, out);
}

pub(super) fn where_(layer: &ComposedText<'_>) -> String {
    format!("in {} {}", layer.template, layer.layer_name())
}

fn fits(layer: &ComposedText<'_>, out: &mut Vec<Diagnostic>) {
    let block = layer.block;
    if block.fits {
        return;
    }
    let [width, height] = layer.fitted_in;
    let (w, h) = block.extent.map_or((0.0, 0.0), |e| (e.width(), e.height()));
    let mut why = Vec::new();
    if h > height + 0.5 {
        why.push(format!("it needs {h:.0} px of height, the box has {height:.0}"));
    }
    if w > width + 0.5 {
        why.push(format!("a word needs {w:.0} px of width, the box has {width:.0}"));
    }
    out.push(
        layer
            .finding(
                Code::Overflow,
                format!(
                    "`{}` does not fit {} even at {} px ({} lines): {}",
                    layer.message,
                    where_(layer),
                    block.size,
                    block.lines.len(),
                    why.join("; ")
                ),
            )
            .hint("A shorter wording fits; or the designer can give the layer a bigger box or a smaller minimum size."),
    );
}

fn legible(layer: &ComposedText<'_>, out: &mut Vec<Diagnostic>) {
    if layer.required && layer.block.size < layer.min_legible {
        out.push(
            layer
                .finding(
                    Code::TooSmall,
                    format!(
                        "required `{}` is set at {} px {}, below its legible minimum of {} px",
                        layer.message,
                        layer.block.size,
                        where_(layer),
                        layer.min_legible
                    ),
                )
                .hint("Shorten the text around the number so it can be set larger."),
        );
    }
}

fn glyphs(layer: &ComposedText<'_>, out: &mut Vec<Diagnostic>) {
    let block = layer.block;
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
            layer
                .finding(
                    Code::MissingGlyph,
                    format!(
                        "'{c}' (U+{:04X}) in `{}` has no glyph in {} or any other loaded font {}: it would draw as a box",
                        c as u32,
                        layer.message,
                        layer.family,
                        where_(layer)
                    ),
                )
                .hint("Check for a typo or a character from another script; a designer can add a font that covers it."),
        );
    }
}

fn kept_together(layer: &ComposedText<'_>, phrases: &[&str], out: &mut Vec<Diagnostic>) {
    let block = layer.block;
    for needle in phrases {
        let Some(found) = find_phrase(&block.text, needle) else {
            // The text checks prove every form of the message shows it; the text drawn must be one
            // of those forms. Should they ever disagree, the asset is refused, never passed.
            if layer.must_show.contains(needle) {
                out.push(
                    layer
                        .finding(
                            Code::RequiredText,
                            format!("`{}` as drawn {} does not show \"{needle}\"", layer.message, where_(layer)),
                        )
                        .hint(
                            "The formatted text differs from what the text checks read: report this as a Placard bug.",
                        ),
                );
            }
            continue;
        };
        let (start, end) = (found.start, found.end);
        let glyphs: Vec<_> = block
            .glyphs
            .iter()
            .filter(|g| g.cluster.start >= start && g.cluster.end <= end && g.mask.is_some())
            .collect();
        let lines: BTreeSet<usize> = glyphs.iter().map(|g| g.line).collect();
        if lines.len() > 1 {
            out.push(
                layer
                    .finding(
                        Code::BrokenNumber,
                        format!("\"{needle}\" is split across {} lines {}", lines.len(), where_(layer)),
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
                layer
                    .finding(
                        Code::BidiOrder,
                        format!("the glyphs of \"{needle}\" are not in reading order {}", where_(layer)),
                    )
                    .hint(format!(
                        "Isolate it where it is defined: {{ \"\\u2066\" }}{needle}{{ \"\\u2069\" }} (LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE)."
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use placard_core::Code;
    use placard_layout::{GlyphMask, Line, PlacedGlyph, TextBlock};

    use super::super::{Backdrop, ComposedText};
    use super::check_text;

    fn layer<'a>(block: &'a TextBlock, must_show: Vec<&'a str>) -> ComposedText<'a> {
        ComposedText {
            locale: "pl",
            index: 1,
            message: "helpline",
            required: true,
            must_show,
            ..ComposedText::for_test(block)
        }
    }

    #[test]
    fn drawn_text_without_its_required_string_is_refused() {
        let block = TextBlock {
            text: "Zadzwoń pod numer 0131 556 3353".into(),
            size: 20.0,
            lines: Vec::new(),
            glyphs: Vec::new(),
            extent: None,
            fits: true,
        };
        let backdrop = Backdrop { width: 1, height: 1, rgba: &[255, 255, 255, 255] };
        let mut found = Vec::new();
        check_text(&layer(&block, vec!["0131 556 3535"]), &["0131 556 3535"], &backdrop, &mut found);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].code, Code::RequiredText);
        assert!(found[0].message.contains("as drawn in card layers[1] (helpline)"), "{}", found[0].message);
        // A layer that need not show it (another message) is not judged on it.
        let mut found = Vec::new();
        check_text(&layer(&block, Vec::new()), &["0131 556 3535"], &backdrop, &mut found);
        assert!(found.is_empty(), "{found:#?}");
    }

    /// A block whose glyphs of the number sit on two lines (as no layout of Placard's draws it:
    /// the composition keeps required strings whole) is refused all the same.
    #[test]
    fn a_number_drawn_across_two_lines_is_refused() {
        let text = "Call 0131 556 3535 now";
        let break_at = text.find("3535").expect("number");
        let glyphs = text
            .char_indices()
            .map(|(i, c)| PlacedGlyph {
                cluster: i..i + c.len_utf8(),
                x: i as f32 * 10.0,
                advance: 10.0,
                line: usize::from(i >= break_at),
                rtl: false,
                mask: (c != ' ').then(|| GlyphMask {
                    left: i as i32 * 10,
                    top: if i >= break_at { 40 } else { 10 },
                    width: 1,
                    height: 1,
                    data: vec![255],
                    color: false,
                }),
                outline: None,
                missing: false,
            })
            .collect();
        let line = |text: std::ops::Range<usize>, top: f32| Line {
            top,
            height: 30.0,
            width: 200.0,
            rtl: false,
            text,
            paragraph: 0,
            ink: None,
        };
        let block = TextBlock {
            text: text.into(),
            size: 20.0,
            lines: vec![line(0..break_at, 0.0), line(break_at..text.len(), 30.0)],
            glyphs,
            extent: None,
            fits: true,
        };
        let backdrop = Backdrop { width: 1, height: 1, rgba: &[255, 255, 255, 255] };
        let mut found = Vec::new();
        check_text(&layer(&block, vec!["0131 556 3535"]), &["0131 556 3535"], &backdrop, &mut found);
        let codes: Vec<Code> = found.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::BrokenNumber], "{found:#?}");
        assert!(found[0].message.contains("split across 2 lines"), "{}", found[0].message);
    }
}
