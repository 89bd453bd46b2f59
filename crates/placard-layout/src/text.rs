//! One text box: auto-fit, alignment (mirrored for right-to-left paragraphs) and placed glyphs.
//!
//! Fitting works on ink, not line boxes: Nastaliq's marks reach far above and below its lines, and
//! a text that "fits" by line height can still be cut off. The size chosen is the largest whole
//! pixel size in the spec's range whose ink and lines fit the box (binary search; fitting is
//! monotonic in size for wrapped text).

use std::ops::Range;

use cosmic_text::{Attrs, Buffer, CacheKeyFlags, Family, Metrics, Shaping, SwashContent, Weight, Wrap};

use crate::Typesetter;

pub use placard_core::{Align, VAlign};

/// What to lay out and where.
#[derive(Clone, Debug)]
pub struct TextSpec<'a> {
    pub text: &'a str,
    /// The family to shape with first; fallback covers other scripts from the loaded fonts.
    pub family: &'a str,
    /// The family for runs of Latin letters and digits inside non-Latin text (a Nastaliq font's
    /// own Latin glyphs are not meant for text), when it differs from `family`.
    pub latin_family: Option<&'a str>,
    pub weight: u16,
    /// The size range in px: the largest size that fits is chosen.
    pub max_size: f32,
    pub min_size: f32,
    /// Line height as a multiple of the size.
    pub line_height: f32,
    pub align: Align,
    pub valign: VAlign,
    /// The paragraph's base direction.
    pub rtl: bool,
    /// The box, in px.
    pub width: f32,
    pub height: f32,
    /// Never wrap: the text is one unbreakable line (a lock-up), made smaller until it fits the
    /// width.
    pub one_line: bool,
}

/// A rectangle in px, relative to the box's top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

impl Bounds {
    fn union(self, other: Bounds) -> Bounds {
        Bounds {
            left: self.left.min(other.left),
            top: self.top.min(other.top),
            right: self.right.max(other.right),
            bottom: self.bottom.max(other.bottom),
        }
    }

    fn shifted(self, dx: f32, dy: f32) -> Bounds {
        Bounds { left: self.left + dx, top: self.top + dy, right: self.right + dx, bottom: self.bottom + dy }
    }

    pub fn width(&self) -> f32 {
        self.right - self.left
    }

    pub fn height(&self) -> f32 {
        self.bottom - self.top
    }
}

/// A glyph's coverage, positioned relative to the box's top-left corner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlyphMask {
    pub left: i32,
    pub top: i32,
    pub width: u32,
    pub height: u32,
    /// One byte of coverage per pixel, or four (straight RGBA) for a colour glyph.
    pub data: Vec<u8>,
    pub color: bool,
}

/// One glyph as laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedGlyph {
    /// The byte range of [`TextBlock::text`] this glyph shows.
    pub cluster: Range<usize>,
    /// Pen position (left edge of the advance) and advance width, relative to the box.
    pub x: f32,
    pub advance: f32,
    pub line: usize,
    pub rtl: bool,
    /// Nothing to draw for blanks and invisible controls.
    pub mask: Option<GlyphMask>,
    /// No font had this character: it draws as the font's "missing" box.
    pub missing: bool,
}

/// One line as laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub top: f32,
    pub height: f32,
    pub width: f32,
    pub rtl: bool,
}

/// The laid-out text of one box.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBlock {
    /// The text that was laid out (see [`keep_together`]).
    pub text: String,
    pub size: f32,
    pub lines: Vec<Line>,
    pub glyphs: Vec<PlacedGlyph>,
    /// Union of the lines and the glyphs' ink, relative to the box.
    pub extent: Option<Bounds>,
    /// Whether everything is inside the box at the chosen size.
    pub fits: bool,
}

/// Keeps every occurrence of each of `phrases` on one line: the spaces inside it become NO-BREAK
/// SPACE and a WORD JOINER follows each hyphen (a number written 0131-556-3535 must not break
/// after a hyphen either). A phrase matches whatever mix of spaces, no-break spaces and narrow
/// no-break spaces the text uses between its words, as the `required-text` check matches them.
/// (In a number, a no-break space is also a common separator for the bidi algorithm, which keeps
/// the digit groups together.)
pub fn keep_together(text: &str, phrases: &[&str]) -> String {
    let is_space = |c: char| matches!(c, ' ' | '\u{00A0}' | '\u{202F}');
    let chars: Vec<char> = text.chars().collect();
    let mut glue = vec![false; chars.len()];
    let mut join_after = vec![false; chars.len()];
    for phrase in phrases {
        let wanted: Vec<char> = phrase.chars().collect();
        if wanted.is_empty() || !(wanted.contains(&' ') || wanted.contains(&'-')) || wanted.len() > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - wanted.len() {
            let window = &chars[start..start + wanted.len()];
            if window.iter().zip(&wanted).all(|(a, b)| a == b || (is_space(*a) && *b == ' ')) {
                for (k, c) in window.iter().enumerate() {
                    match c {
                        ' ' => glue[start + k] = true,
                        '-' if k + 1 < window.len() => join_after[start + k] = true,
                        _ => {}
                    }
                }
            }
        }
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in chars.iter().enumerate() {
        out.push(if glue[i] { '\u{00A0}' } else { *c });
        if join_after[i] {
            out.push('\u{2060}');
        }
    }
    out
}

impl Typesetter {
    /// Lays out `spec` at the largest size in its range that fits, or at the smallest size if none
    /// does (then [`TextBlock::fits`] is false).
    pub fn lay_out(&mut self, spec: &TextSpec<'_>) -> TextBlock {
        let mut buffer = Buffer::new(&mut self.fonts, Metrics::new(spec.max_size, spec.max_size * spec.line_height));
        // Unhinted outlines: hinting snaps stems to the pixel grid, which helps 12 px screen text and
        // only distorts display sizes, print and scaled previews (the peer renderer, resvg, never
        // hints). It was also 40% of a campaign lint's instructions: each size the fit tries
        // rasterises its glyphs, and the TrueType interpreter ran for every one.
        let attrs = Attrs::new()
            .family(Family::Name(spec.family))
            .weight(Weight(spec.weight))
            .cache_key_flags(CacheKeyFlags::DISABLE_HINTING);
        let latin_attrs =
            spec.latin_family.filter(|f| *f != spec.family).map(|f| attrs.clone().family(Family::Name(f)));
        let align = match (spec.align, spec.rtl) {
            (Align::Start, false) | (Align::End, true) => cosmic_text::Align::Left,
            (Align::Start, true) | (Align::End, false) => cosmic_text::Align::Right,
            (Align::Center, _) => cosmic_text::Align::Center,
        };
        buffer.set_wrap(if spec.one_line { Wrap::None } else { Wrap::Word });
        buffer.set_size(Some(spec.width), None);
        // The paragraph direction comes from the locale, not from the first strong character: an
        // Arabic message that starts with "Stop It Now!" is still a right-to-left paragraph.
        let prepared = Prepared::new(spec.text, if spec.rtl { '\u{200F}' } else { '\u{200E}' });
        let text = &prepared.text;
        match &latin_attrs {
            Some(latin) => {
                let spans = latin_runs(text)
                    .into_iter()
                    .map(|(range, is_latin)| (&text[range], if is_latin { latin.clone() } else { attrs.clone() }));
                buffer.set_rich_text(spans, &attrs, Shaping::Advanced, Some(align));
            }
            None => buffer.set_text(text, &attrs, Shaping::Advanced, Some(align)),
        }

        // Search on line boxes first (cheap: no rasterising), then confirm with ink.
        let lo = spec.min_size.round().max(1.0) as u32;
        let hi = (spec.max_size.round() as u32).max(lo);
        let by_lines = self.largest_fitting(&mut buffer, spec, lo, hi, false).unwrap_or(lo);
        // Step down a pixel at a time from there (ink overhang rarely costs more than a few
        // pixels, and the largest fitting size is what a designer expects), then search below.
        const STEPS: u32 = 8;
        let mut size = None;
        for candidate in (lo..=by_lines).rev().take(STEPS as usize) {
            if self.measure(&mut buffer, spec, candidate as f32, true).1 {
                size = Some(candidate);
                break;
            }
        }
        let size = match size {
            Some(s) => s,
            None if by_lines >= lo + STEPS => {
                self.largest_fitting(&mut buffer, spec, lo, by_lines - STEPS, true).unwrap_or(lo)
            }
            None => lo,
        } as f32;
        let (extent, fits) = self.measure(&mut buffer, spec, size, true);
        self.place(&buffer, spec, size, extent, fits, &prepared)
    }

    /// The largest whole size in `lo..=hi` that fits, by binary search.
    fn largest_fitting(
        &mut self,
        buffer: &mut Buffer,
        spec: &TextSpec<'_>,
        lo: u32,
        hi: u32,
        ink: bool,
    ) -> Option<u32> {
        let (mut best, mut lo, mut hi) = (None, lo, hi);
        while lo <= hi {
            let mid = lo + (hi - lo) / 2;
            if self.measure(buffer, spec, mid as f32, ink).1 {
                best = Some(mid);
                lo = mid + 1;
            } else if mid == 0 {
                break;
            } else {
                hi = mid - 1;
            }
        }
        best
    }

    /// Lays out at `size`: the extent (lines, and ink when `ink`) and whether it fits the box.
    fn measure(&mut self, buffer: &mut Buffer, spec: &TextSpec<'_>, size: f32, ink: bool) -> (Option<Bounds>, bool) {
        buffer.set_metrics(Metrics::new(size, size * spec.line_height));
        buffer.shape_until_scroll(&mut self.fonts, false);
        let mut extent: Option<Bounds> = None;
        let mut widest: f32 = 0.0;
        let runs: Vec<_> = buffer
            .layout_runs()
            .map(|run| (run.line_top, run.line_height, run.line_w, run.line_y, run.glyphs.to_vec()))
            .collect();
        for (top, height, width, baseline, glyphs) in runs {
            widest = widest.max(width);
            let left = glyphs.iter().map(|g| g.x).fold(f32::INFINITY, f32::min);
            let right = glyphs.iter().map(|g| g.x + g.w).fold(f32::NEG_INFINITY, f32::max);
            let line = if glyphs.is_empty() {
                Bounds { left: 0.0, top, right: 0.0, bottom: top + height }
            } else {
                Bounds { left, top, right, bottom: top + height }
            };
            extent = Some(extent.map_or(line, |e| e.union(line)));
            for glyph in glyphs.iter().filter(|_| ink) {
                let physical = glyph.physical((0.0, baseline), 1.0);
                if let Some(image) = self.swash.get_image(&mut self.fonts, physical.cache_key)
                    && image.placement.width > 0
                {
                    let left = (physical.x + image.placement.left) as f32;
                    let top = (physical.y - image.placement.top) as f32;
                    let ink = Bounds {
                        left,
                        top,
                        right: left + image.placement.width as f32,
                        bottom: top + image.placement.height as f32,
                    };
                    extent = Some(extent.map_or(ink, |e| e.union(ink)));
                }
            }
        }
        // Ink that overhangs an edge (a Nastaliq kaf at the start of a right-aligned line) is pulled
        // back inside when there is room; text is only too big when its extent is.
        const TOLERANCE: f32 = 0.5;
        let fits = widest <= spec.width + TOLERANCE
            && extent.is_none_or(|e| e.width() <= spec.width + TOLERANCE && e.height() <= spec.height + TOLERANCE);
        (extent, fits)
    }

    fn place(
        &mut self,
        buffer: &Buffer,
        spec: &TextSpec<'_>,
        size: f32,
        extent: Option<Bounds>,
        fits: bool,
        prepared: &Prepared,
    ) -> TextBlock {
        // Align the whole extent (ink included) vertically; text that does not fit starts at the top.
        let dy = match (extent, fits, spec.valign) {
            (None, _, _) => 0.0,
            (Some(e), false, _) | (Some(e), true, VAlign::Top) => -e.top,
            (Some(e), true, VAlign::Middle) => ((spec.height - e.height()) / 2.0 - e.top).round(),
            (Some(e), true, VAlign::Bottom) => spec.height - e.bottom,
        }
        .round();
        // Pull overhanging ink back inside horizontally, in whole pixels.
        let dx = match extent {
            Some(e) if e.right > spec.width => (spec.width - e.right).floor().max(-e.left.max(0.0).floor()),
            Some(e) if e.left < 0.0 => (-e.left).ceil().min((spec.width - e.right).max(0.0).floor()),
            _ => 0.0,
        };
        // Glyph offsets are relative to their line in the prepared text: map them back to the
        // caller's text, skipping the direction marks.
        let mut starts = Vec::with_capacity(buffer.lines.len());
        let mut at = 0;
        for line in &buffer.lines {
            starts.push(at);
            at += line.text().len() + 1;
        }
        let text = spec.text;
        let mut lines = Vec::new();
        let mut glyphs = Vec::new();
        for (i, run) in buffer.layout_runs().enumerate() {
            lines.push(Line { top: run.line_top + dy, height: run.line_height, width: run.line_w, rtl: run.rtl });
            let start = starts.get(run.line_i).copied().unwrap_or(prepared.text.len());
            for glyph in run.glyphs {
                let Some(cluster) = prepared.caller_range(start + glyph.start..start + glyph.end) else {
                    continue;
                };
                let physical = glyph.physical((dx, run.line_y + dy), 1.0);
                let mask = self.swash.get_image(&mut self.fonts, physical.cache_key).as_ref().and_then(|image| {
                    (image.placement.width > 0 && image.placement.height > 0).then(|| GlyphMask {
                        left: physical.x + image.placement.left,
                        top: physical.y - image.placement.top,
                        width: image.placement.width,
                        height: image.placement.height,
                        data: image.data.clone(),
                        color: matches!(image.content, SwashContent::Color),
                    })
                });
                let invisible = text.get(cluster.clone()).is_none_or(|t| t.chars().all(is_invisible_control));
                glyphs.push(PlacedGlyph {
                    cluster,
                    x: glyph.x + dx,
                    advance: glyph.w,
                    line: i,
                    rtl: glyph.level.is_rtl(),
                    mask: if invisible { None } else { mask },
                    missing: glyph.glyph_id == 0 && !invisible,
                });
            }
        }
        TextBlock { text: text.to_owned(), size, lines, glyphs, extent: extent.map(|e| e.shifted(dx, dy)), fits }
    }
}

/// The text handed to cosmic-text, and where each of its bytes came from in the caller's text.
/// Each paragraph starts with the locale's direction mark (the locale, not the first strong
/// character, sets its direction); every line ending (`\r\n`, `\n\r`, `\r`) becomes `\n`, which
/// cosmic-text's plain and rich-text paths split alike; and the bidi paragraph separators that
/// end no line (U+001C to U+001E, NEL, U+2029) become spaces, since cosmic-text requires one
/// direction per line and panics otherwise. (Both found by fuzzing.)
struct Prepared {
    text: String,
    /// For each byte of `text` and one past its end: the caller's offset, `None` inside a mark.
    to_caller: Vec<Option<usize>>,
}

impl Prepared {
    /// Paragraphs end where cosmic-text ends them: at `\n`, `\r`, `\r\n` or `\n\r`; a final line
    /// ending starts no paragraph.
    fn new(text: &str, mark: char) -> Prepared {
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len() + mark.len_utf8());
        let mut to_caller = Vec::with_capacity(out.capacity() + 1);
        let mut start = 0;
        loop {
            let end = bytes[start..].iter().position(|&b| b == b'\r' || b == b'\n').map_or(text.len(), |i| start + i);
            out.push(mark);
            to_caller.extend(std::iter::repeat_n(None, mark.len_utf8()));
            for (offset, c) in text[start..end].char_indices() {
                let shown = if matches!(c, '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2029}') { ' ' } else { c };
                out.push(shown);
                to_caller.extend(std::iter::repeat_n(Some(start + offset), shown.len_utf8()));
            }
            if end == text.len() {
                break;
            }
            out.push('\n');
            to_caller.push(Some(end));
            let two = matches!(bytes.get(end..end + 2), Some(b"\r\n" | b"\n\r"));
            start = end + if two { 2 } else { 1 };
            if start == text.len() {
                break;
            }
        }
        to_caller.push(Some(text.len()));
        Prepared { text: out, to_caller }
    }

    /// The caller's byte range for `range` of the prepared text; `None` for a direction mark.
    fn caller_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        let start = (*self.to_caller.get(range.start)?)?;
        // The end is where the next character starts; a mark there starts the next paragraph, so
        // the first offset after it is taken.
        let from = range.end.min(self.to_caller.len() - 1);
        let end = self.to_caller[from..].iter().find_map(|o| *o)?;
        Some(start..end.max(start))
    }
}

/// Splits `text` into runs, marking those that are Latin: a stretch of ASCII, no-break spaces and
/// Latin letters that holds at least one ASCII letter or digit, without its leading and trailing
/// spaces (those stay with the surrounding text).
fn latin_runs(text: &str) -> Vec<(Range<usize>, bool)> {
    let latin_char = |c: char| (' '..='~').contains(&c) || c == '\u{00A0}' || ('\u{00C0}'..='\u{024F}').contains(&c);
    let mut runs: Vec<(Range<usize>, bool)> = Vec::new();
    let mut push = |range: Range<usize>, is_latin: bool| {
        if range.is_empty() {
            return;
        }
        match runs.last_mut() {
            Some((last, kind)) if *kind == is_latin && last.end == range.start => last.end = range.end,
            _ => runs.push((range, is_latin)),
        }
    };
    let mut i = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    while i < chars.len() {
        let start = i;
        while i < chars.len() && latin_char(chars[i].1) {
            i += 1;
        }
        if i > start {
            let stretch = &chars[start..i];
            let first = stretch.iter().position(|(_, c)| !c.is_whitespace() && *c != '\u{00A0}');
            let last = stretch.iter().rposition(|(_, c)| !c.is_whitespace() && *c != '\u{00A0}');
            let end_of = |k: usize| if k < chars.len() { chars[k].0 } else { text.len() };
            match (first, last) {
                (Some(f), Some(l)) if stretch.iter().any(|(_, c)| c.is_ascii_alphanumeric()) => {
                    push(chars[start].0..stretch[f].0, false);
                    push(stretch[f].0..end_of(start + l + 1), true);
                    push(end_of(start + l + 1)..end_of(i), false);
                }
                _ => push(chars[start].0..end_of(i), false),
            }
        } else {
            let c = chars[i].1;
            push(chars[i].0..chars[i].0 + c.len_utf8(), false);
            i += 1;
        }
    }
    runs
}

/// Bidi controls and other default-ignorable format characters: they steer layout but must never
/// draw (a font without them would show a box).
fn is_invisible_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_together_glues_every_space_of_a_phrase_whatever_the_text_used() {
        assert_eq!(keep_together("Call 0131 556 3535 now", &["0131 556 3535"]), "Call 0131\u{a0}556\u{a0}3535 now");
        // A translator's own no-break space between two groups must not leave the third breakable.
        assert_eq!(keep_together("0131\u{a0}556 3535", &["0131 556 3535"]), "0131\u{a0}556\u{a0}3535");
        assert_eq!(keep_together("0131\u{202f}556 3535", &["0131 556 3535"]), "0131\u{202f}556\u{a0}3535");
        assert_eq!(keep_together("no phone here", &["0131 556 3535"]), "no phone here");
        assert_eq!(keep_together("Call 0131-556-3535.", &["0131-556-3535"]), "Call 0131-\u{2060}556-\u{2060}3535.");
    }

    #[test]
    fn latin_runs_cover_names_and_numbers_only() {
        let text = "کیا مدد حاصل کریں: Stop It Now! 0131\u{a0}556\u{a0}3535 ہے";
        let runs = latin_runs(text);
        let latin: Vec<&str> = runs.iter().filter(|(_, l)| *l).map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(latin, [": Stop It Now! 0131\u{a0}556\u{a0}3535"]);
        let joined: String = runs.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(joined, text, "runs cover the text exactly");
        assert!(latin_runs("نص عربي فقط").iter().all(|(_, l)| !l));
    }
}
