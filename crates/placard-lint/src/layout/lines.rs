//! What the lines of a laid-out text show: whether the ink of one line touches the next
//! (`line-collision`: Arabic dots and Nastaliq swashes at a line height written for Latin), and
//! whether the last line holds a single word (`orphan`). Both read the glyph masks and line
//! ranges the composition made, nothing else.

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::pseudo::Pseudo;
use placard_layout::{GlyphMask, TextBlock, lone_word};

use super::ComposedText;

/// A pixel counts as ink from this coverage on (of 255): a quarter covered, so the faint
/// antialiased fringe of one line brushing the next is not a collision, a visible dot is.
pub const INK_ALPHA: u8 = 64;

/// `phrases` are the required strings: one of them alone on the last line is set apart, not an
/// orphan.
pub(super) fn check_lines(layer: &ComposedText<'_>, phrases: &[&str], out: &mut Vec<Diagnostic>) {
    // A pseudo-locale is the reference in disguise, there to show length and direction before
    // translation. Its accents are stacked on ascenders on purpose and its words are made up, so
    // a collision or an orphan there says nothing about any real language.
    if Pseudo::from_code(layer.locale).is_some() {
        return;
    }
    collisions(layer, out);
    orphan(layer, phrases, out);
}

fn collisions(layer: &ComposedText<'_>, out: &mut Vec<Diagnostic>) {
    let block = layer.block;
    for i in 1..block.lines.len() {
        let Some((x, y)) = touching(block, i - 1, i) else { continue };
        let total = block.lines.len();
        out.push(
            layer
                .finding(
                    Code::LineCollision,
                    format!(
                        "the ink of lines {i} and {} of {total} of `{}` touches at ({}, {}) {} (\"{}\" over \"{}\")",
                        i + 1,
                        layer.message,
                        x + layer.origin.0,
                        y + layer.origin.1,
                        super::text::where_(layer),
                        line_text(block, i - 1),
                        line_text(block, i),
                    ),
                )
                .hint("The designer can give this script taller lines: a `line_height` for the locale in pipeline.yaml's fonts.families, or the layer's `line_height`."),
        );
    }
}

fn orphan(layer: &ComposedText<'_>, phrases: &[&str], out: &mut Vec<Diagnostic>) {
    let block = layer.block;
    let [.., before, last] = block.lines.as_slice() else { return };
    // A line the text itself starts (after a line break) is the author's, not the wrapping's.
    if before.paragraph != last.paragraph {
        return;
    }
    if !lone_word(&block.text, last.text.clone(), phrases) {
        return;
    }
    let text = line_text(block, block.lines.len() - 1);
    let mut d = layer.finding(
        Code::Orphan,
        format!(
            "`{}` leaves \"{text}\" alone on its last line (line {n} of {n}) {}",
            layer.message,
            super::text::where_(layer),
            n = block.lines.len()
        ),
    );
    d.severity = Severity::Warning;
    out.push(d.hint(
        "Placard carries a word down to the last line when the text still fits; here it does not. A slightly longer or shorter wording avoids it; or the designer can change the box.",
    ));
}

/// The text of line `i`, without white space at its ends.
fn line_text(block: &TextBlock, i: usize) -> &str {
    block.lines.get(i).and_then(|l| block.text.get(l.text.clone())).unwrap_or_default().trim()
}

/// Where (box coordinates) ink of line `a` touches or overlaps ink of line `b`: two ink pixels,
/// one of each line, in the same or neighbouring pixels (diagonals included).
fn touching(block: &TextBlock, a: usize, b: usize) -> Option<(i32, i32)> {
    let (ia, ib) = (block.lines[a].ink?, block.lines[b].ink?);
    // Rows and columns, end-exclusive, one pixel wider for the neighbours.
    let top = ia.top.max(ib.top) as i32 - 1;
    let bottom = ia.bottom.min(ib.bottom) as i32 + 1;
    let left = ia.left.max(ib.left) as i32 - 1;
    let right = ia.right.min(ib.right) as i32 + 1;
    if top >= bottom || left >= right {
        return None;
    }
    let (w, h) = ((right - left) as usize, (bottom - top) as usize);
    let paint = |line: usize| {
        let mut grid = vec![false; w * h];
        for mask in block.glyphs.iter().filter(|g| g.line == line).filter_map(|g| g.mask.as_ref()) {
            for (x, y) in ink_pixels(mask) {
                let (gx, gy) = (x - left, y - top);
                if (0..w as i32).contains(&gx) && (0..h as i32).contains(&gy) {
                    grid[gy as usize * w + gx as usize] = true;
                }
            }
        }
        grid
    };
    let (pa, pb) = (paint(a), paint(b));
    for y in 0..h {
        for x in 0..w {
            if !pb[y * w + x] {
                continue;
            }
            let near = (y.saturating_sub(1)..(y + 2).min(h))
                .any(|ny| (x.saturating_sub(1)..(x + 2).min(w)).any(|nx| pa[ny * w + nx]));
            if near {
                return Some((left + x as i32, top + y as i32));
            }
        }
    }
    None
}

/// The pixels of `mask` with coverage of at least [`INK_ALPHA`], in box coordinates.
fn ink_pixels(mask: &GlyphMask) -> impl Iterator<Item = (i32, i32)> + '_ {
    let step = if mask.color { 4 } else { 1 };
    let width = mask.width as usize;
    mask.data
        .chunks_exact(step)
        .enumerate()
        .filter(move |(_, px)| px[step - 1] >= INK_ALPHA)
        .map(move |(k, _)| (mask.left + (k % width.max(1)) as i32, mask.top + (k / width.max(1)) as i32))
}

#[cfg(test)]
mod tests {
    use placard_core::{Code, Severity};
    use placard_layout::{Bounds, GlyphMask, Line, PlacedGlyph, TextBlock};

    use super::super::ComposedText;
    use super::check_lines;

    fn line(top: f32, text: std::ops::Range<usize>, paragraph: usize, ink: (f32, f32)) -> Line {
        Line {
            top,
            height: 20.0,
            width: 100.0,
            rtl: false,
            text,
            paragraph,
            ink: Some(Bounds { left: 0.0, top: ink.0, right: 10.0, bottom: ink.1 }),
        }
    }

    fn glyph(line: usize, top: i32, rows: u32) -> PlacedGlyph {
        PlacedGlyph {
            cluster: 0..1,
            x: 0.0,
            advance: 10.0,
            line,
            rtl: false,
            mask: Some(GlyphMask {
                left: 0,
                top,
                width: 10,
                height: rows,
                data: vec![255; 10 * rows as usize],
                color: false,
            }),
            outline: None,
            missing: false,
        }
    }

    fn findings(block: &TextBlock) -> Vec<placard_core::Diagnostic> {
        findings_keeping(block, &[])
    }

    fn findings_keeping(block: &TextBlock, phrases: &[&str]) -> Vec<placard_core::Diagnostic> {
        let layer = ComposedText {
            locale: "ar",
            fitted_in: [100.0, 100.0],
            origin: (5, 7),
            family: "Noto Sans Arabic",
            ..ComposedText::for_test(block)
        };
        let mut out = Vec::new();
        check_lines(&layer, phrases, &mut out);
        out
    }

    fn block(text: &str, lines: Vec<Line>, glyphs: Vec<PlacedGlyph>) -> TextBlock {
        TextBlock { text: text.into(), size: 20.0, lines, glyphs, extent: None, fits: true }
    }

    #[test]
    fn ink_that_touches_the_next_line_is_a_collision_a_pixel_apart_is_not() {
        let text = "one two three";
        // Line 1's ink ends at row 20 (exclusive); line 2's starts at row 20: touching rows.
        let touching = block(
            text,
            vec![line(0.0, 0..8, 0, (0.0, 20.0)), line(20.0, 8..13, 0, (20.0, 40.0))],
            vec![glyph(0, 0, 20), glyph(1, 20, 20)],
        );
        let found = findings(&touching);
        assert_eq!(found.iter().filter(|d| d.code == Code::LineCollision).count(), 1, "{found:#?}");
        assert!(found[0].message.contains("lines 1 and 2 of 2"), "{}", found[0].message);
        assert!(found[0].message.contains("at (5, 27)"), "canvas coordinates: {}", found[0].message);
        // One empty row between them: no collision.
        let apart = block(
            text,
            vec![line(0.0, 0..8, 0, (0.0, 20.0)), line(21.0, 8..13, 0, (21.0, 41.0))],
            vec![glyph(0, 0, 20), glyph(1, 21, 20)],
        );
        assert!(findings(&apart).iter().all(|d| d.code != Code::LineCollision));
    }

    #[test]
    fn a_single_word_on_a_wrapped_last_line_is_an_orphan_warning() {
        let text = "Think before you click everything.";
        let lines = vec![line(0.0, 0..23, 0, (0.0, 18.0)), line(30.0, 23..34, 0, (30.0, 48.0))];
        let found = findings(&block(text, lines.clone(), Vec::new()));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!((found[0].code, found[0].severity), (Code::Orphan, Severity::Warning));
        assert!(
            found[0].message.contains("\"everything.\" alone on its last line (line 2 of 2)"),
            "{}",
            found[0].message
        );
        // Two words on the last line, or a last line the text itself starts, are fine.
        let two = vec![line(0.0, 0..16, 0, (0.0, 18.0)), line(30.0, 16..34, 0, (30.0, 48.0))];
        assert!(findings(&block(text, two, Vec::new())).is_empty());
        let authored = vec![line(0.0, 0..23, 0, (0.0, 18.0)), line(30.0, 23..34, 1, (30.0, 48.0))];
        assert!(findings(&block(text, authored, Vec::new())).is_empty());
    }

    #[test]
    fn a_required_string_on_a_line_of_its_own_is_set_apart_not_an_orphan() {
        let text = "Zadzwoń albo wejdź na stopitnow.org.uk/scotland";
        let at = text.find("stopitnow").expect("address");
        let lines = vec![line(0.0, 0..at, 0, (0.0, 18.0)), line(30.0, at..text.len(), 0, (30.0, 48.0))];
        let last = block(text, lines, Vec::new());
        assert!(findings_keeping(&last, &["stopitnow.org.uk/scotland"]).is_empty());
        // Not required, it is a word like any other.
        assert_eq!(findings(&last).iter().filter(|d| d.code == Code::Orphan).count(), 1);
    }
}
