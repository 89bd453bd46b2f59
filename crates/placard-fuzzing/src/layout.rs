//! Text layout of arbitrary Unicode with the campaign's fonts.

use std::cell::RefCell;
use std::sync::OnceLock;

use placard_core::{Align, VAlign};
use placard_layout::{FontLibrary, TextSpec, Typesetter};

/// The fonts the campaign ships (assets/fonts), loaded once per process as the build loads them.
fn fonts() -> &'static FontLibrary {
    static FONTS: OnceLock<FontLibrary> = OnceLock::new();
    FONTS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/fonts");
        placard_build::load_fonts(&dir).expect("the campaign's fonts load").0
    })
}

thread_local! {
    static TYPESETTER: RefCell<Option<Typesetter>> = const { RefCell::new(None) };
}

const FAMILIES: [&str; 5] =
    ["Noto Sans", "Noto Sans Arabic", "Noto Nastaliq Urdu", "Noto Sans Gurmukhi", "Noto Sans CJK SC"];
/// Languages with their own line-breaking rules (see placard-layout's `glue.rs`), and one without.
const LANGUAGES: [&str; 5] = ["en", "pl", "gd", "zh-Hans", "ar"];
const PHRASES: [&str; 3] = ["0131 556 3535", "Stop It Now!", "Stop-It-Now"];

/// The first eight bytes choose the box, sizes, family, alignment and direction; the rest, read
/// as UTF-8 with invalid bytes replaced, is the text. The laid-out block must describe its text:
/// clusters on character boundaries, glyphs on existing lines, a size within the range asked.
pub fn layout(data: &[u8]) {
    let Some((head, rest)) = data.split_first_chunk::<8>() else { return };
    let text = String::from_utf8_lossy(rest);
    let width = f32::from(head[0]) * 8.0 + 1.0;
    let height = f32::from(head[1]) * 4.0 + 1.0;
    let max_size = f32::from(head[2] % 200) + 1.0;
    let min_size = (f32::from(head[3] % 200) + 1.0).min(max_size);
    let spec = TextSpec {
        text: &text,
        language: LANGUAGES[usize::from(head[5] >> 2) % LANGUAGES.len()],
        keep: &PHRASES,
        family: FAMILIES[usize::from(head[4]) % FAMILIES.len()],
        latin_family: (head[5] & 1 == 1).then_some("Noto Sans"),
        weight: if head[5] & 2 == 2 { 700 } else { 400 },
        max_size,
        min_size,
        line_height: 0.5 + f32::from(head[6] % 16) / 8.0,
        align: [Align::Start, Align::Center, Align::End][usize::from(head[7] % 3)],
        valign: [VAlign::Top, VAlign::Middle, VAlign::Bottom][usize::from(head[7] / 3 % 3)],
        rtl: head[7] & 0x80 != 0,
        width,
        height,
        one_line: false,
    };
    let block = TYPESETTER.with_borrow_mut(|slot| slot.get_or_insert_with(|| fonts().typesetter()).lay_out(&spec));
    assert!(
        block.size <= max_size && block.size >= min_size.min(max_size),
        "size {} outside {min_size}..={max_size}",
        block.size
    );
    for glyph in &block.glyphs {
        assert!(glyph.cluster.start <= glyph.cluster.end && glyph.cluster.end <= block.text.len(), "{glyph:?}");
        assert!(block.text.is_char_boundary(glyph.cluster.start) && block.text.is_char_boundary(glyph.cluster.end));
        assert!(glyph.line < block.lines.len().max(1), "glyph on line {} of {}", glyph.line, block.lines.len());
        assert!(glyph.x.is_finite() && glyph.advance.is_finite());
    }
    for line in &block.lines {
        assert!(line.text.start <= line.text.end && line.text.end <= block.text.len(), "{line:?}");
        assert!(block.text.is_char_boundary(line.text.start) && block.text.is_char_boundary(line.text.end));
    }
    if block.fits
        && let Some(extent) = block.extent
    {
        // Fitting allows half a pixel of ink over, and ink is then shifted by whole pixels, so up
        // to one pixel of antialiased ink may sit over an edge; never more.
        assert!(extent.width() <= width + 0.5, "{extent:?} wider than {width}");
        assert!(extent.left >= -1.0 && extent.right <= width + 1.0, "{extent:?} outside width {width}");
    }
}
