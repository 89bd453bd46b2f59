//! One text box: auto-fit, alignment (mirrored for right-to-left paragraphs) and placed glyphs.
//!
//! Fitting works on ink, not line boxes: Nastaliq's marks reach far above and below its lines, and
//! a text that "fits" by line height can still be cut off. The size chosen is the largest whole
//! pixel size in the spec's range whose ink and lines fit the box (binary search; fitting is
//! monotonic in size for wrapped text).

use std::ops::Range;

use cosmic_text::{Attrs, Buffer, CacheKeyFlags, Family, Metrics, Shaping, SwashContent, Weight, Wrap};

use crate::Typesetter;
use crate::fonts::FaceId;
use crate::glue::{Glue, JOIN_AFTER, NO_BREAK, lone_word};

pub use placard_core::{Align, VAlign};

/// What to lay out and where.
#[derive(Clone, Debug)]
pub struct TextSpec<'a> {
    pub text: &'a str,
    /// The text's language, a BCP 47 tag (`pl`, `zh-Hans`): its rules for where a line may not
    /// break (see `glue.rs`).
    pub language: &'a str,
    /// Phrases never broken across lines (the helpline number), matched as [`crate::find_phrase`] does.
    pub keep: &'a [&'a str],
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
    /// The same glyph as an outline of its font, for a vector output (PDF); `None` exactly when
    /// `mask` is `None` for an invisible control, so both outputs draw the same glyphs.
    pub outline: Option<GlyphOutline>,
    /// No font had this character: it draws as the font's "missing" box.
    pub missing: bool,
}

/// Which glyph of which face, at what size, with its origin (pen position plus the shaper's
/// offset, on the baseline) relative to the box's top-left corner, in px: the glyph the mask
/// was rasterised from, at the very position it was rasterised at (a quarter pixel across, a
/// whole pixel down), so a vector output draws what the checks saw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlyphOutline {
    pub face: FaceId,
    pub id: u16,
    pub size: f32,
    pub x: f32,
    pub y: f32,
}

/// One line as laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub top: f32,
    pub height: f32,
    pub width: f32,
    pub rtl: bool,
    /// The byte range of [`TextBlock::text`] the line shows (white space at its ends included).
    pub text: Range<usize>,
    /// Which paragraph of the text (split at line endings) the line belongs to.
    pub paragraph: usize,
    /// The union of the line's glyph masks, relative to the box; `None` for a line without ink.
    pub ink: Option<Bounds>,
}

/// The laid-out text of one box.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBlock {
    /// The caller's text, as given: glyph clusters and line ranges index it (the characters
    /// the layout inserts to keep words together are not in it, and draw nothing).
    pub text: String,
    pub size: f32,
    pub lines: Vec<Line>,
    pub glyphs: Vec<PlacedGlyph>,
    /// Union of the lines and the glyphs' ink, relative to the box.
    pub extent: Option<Bounds>,
    /// Whether everything is inside the box at the chosen size.
    pub fits: bool,
}

/// A block with more lines than this is not balanced (as browsers limit `text-wrap: balance`):
/// balancing is for headlines and short blocks, where a ragged last line shows.
const MAX_BALANCED_LINES: usize = 6;

/// The smallest share of its fitted size a text is set at to carry a word down to a last line
/// that would hold one word alone: a typesetter gives up a few pixels of size before leaving an
/// orphan, not more.
const CARRY_SHRINK: f32 = 0.92;

/// A text given to cosmic-text: the buffer, the prepared text it holds, and how far its lines
/// are moved right (a balanced block is narrower than the box, and is aligned within it).
struct Set {
    buffer: Buffer,
    prepared: Prepared,
    shift: f32,
}

impl Typesetter {
    /// Lays out `spec` at the largest size in its range that fits, or at the smallest size if none
    /// does (then [`TextBlock::fits`] is false). At that size the lines are balanced (the
    /// narrowest width that keeps their number, as CSS `text-wrap: balance`), and a last line that
    /// still holds a single word gets the word before it carried down.
    pub fn lay_out(&mut self, spec: &TextSpec<'_>) -> TextBlock {
        let glue = Glue::new(spec.text, spec.language, spec.keep);
        let mut set = self.set(spec, &glue);
        let mut size = self.fit(&mut set.buffer, spec);
        let (mut extent, mut fits) = self.balance(&mut set, spec, size);
        if fits && orphaned(&set, spec.text, spec.keep) {
            let mut carried = glue.clone();
            if carried.carry_last_word(spec.text) {
                // The longer last line may need a little more room (a Nastaliq word's tail, a
                // line more): the carried text is fitted again, no smaller than CARRY_SHRINK.
                let floor = (size * CARRY_SHRINK).ceil().clamp(spec.min_size.min(size), size);
                let within = TextSpec { max_size: size, min_size: floor, ..spec.clone() };
                let mut other = self.set(&within, &carried);
                let smaller = self.fit(&mut other.buffer, &within);
                let (e, f) = self.balance(&mut other, &within, smaller);
                if f {
                    (set, extent, fits, size) = (other, e, f, smaller);
                }
            }
        }
        self.place(&set, spec, size, extent, fits)
    }

    /// `spec`'s text with `glue` in a buffer the width of the box.
    fn set(&mut self, spec: &TextSpec<'_>, glue: &Glue) -> Set {
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
        buffer.set_wrap(if spec.one_line { Wrap::None } else { Wrap::Word });
        buffer.set_size(Some(spec.width), None);
        // The paragraph direction comes from the locale, not from the first strong character: an
        // Arabic message that starts with "Stop It Now!" is still a right-to-left paragraph.
        let prepared = Prepared::new(spec.text, if spec.rtl { '\u{200F}' } else { '\u{200E}' }, glue);
        let text = &prepared.text;
        let align = Some(cosmic_align(spec));
        match &latin_attrs {
            Some(latin) => {
                let spans = latin_runs(text)
                    .into_iter()
                    .map(|(range, is_latin)| (&text[range], if is_latin { latin.clone() } else { attrs.clone() }));
                buffer.set_rich_text(spans, &attrs, Shaping::Advanced, align);
            }
            None => buffer.set_text(text, &attrs, Shaping::Advanced, align),
        }
        Set { buffer, prepared, shift: 0.0 }
    }

    /// The largest size in the spec's range that fits the box (the smallest when none does).
    fn fit(&mut self, buffer: &mut Buffer, spec: &TextSpec<'_>) -> f32 {
        // Search on line boxes first (cheap: no rasterising), then confirm with ink.
        let lo = spec.min_size.round().max(1.0) as u32;
        let hi = (spec.max_size.round() as u32).max(lo);
        let by_lines = self.largest_fitting(buffer, spec, lo, hi, false).unwrap_or(lo);
        // Step down a pixel at a time from there (ink overhang rarely costs more than a few
        // pixels, and the largest fitting size is what a designer expects), then search below.
        const STEPS: u32 = 8;
        let mut size = None;
        for candidate in (lo..=by_lines).rev().take(STEPS as usize) {
            if self.measure(buffer, spec, candidate as f32, true, 0.0).1 {
                size = Some(candidate);
                break;
            }
        }
        (match size {
            Some(s) => s,
            None if by_lines >= lo + STEPS => {
                self.largest_fitting(buffer, spec, lo, by_lines - STEPS, true).unwrap_or(lo)
            }
            None => lo,
        }) as f32
    }

    /// Balances `set`'s lines at `size`: the narrowest whole-pixel width that keeps the number
    /// of lines the box's width gives, when the block has 2 to [`MAX_BALANCED_LINES`] lines and
    /// its ink still fits at that width; otherwise the box's width. Returns the extent (ink
    /// included) and whether it fits, as [`Typesetter::measure`].
    fn balance(&mut self, set: &mut Set, spec: &TextSpec<'_>, size: f32) -> (Option<Bounds>, bool) {
        set.shift = 0.0;
        set.buffer.set_size(Some(spec.width), None);
        let (_, fits_by_lines) = self.measure(&mut set.buffer, spec, size, false, 0.0);
        let (count, _, total) = self.lines_at(&mut set.buffer, spec.width);
        if fits_by_lines && (2..=MAX_BALANCED_LINES).contains(&count) {
            // The lines cannot be narrower on average than their total width shared out.
            let (mut lo, mut hi) = (((total / count as f32) * 0.9).floor().max(1.0) as u32, spec.width.floor() as u32);
            let mut best = hi;
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                let (n, widest, _) = self.lines_at(&mut set.buffer, mid as f32);
                if n == count && widest <= mid as f32 + 0.5 {
                    best = mid;
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            let width = best as f32;
            if width < spec.width - 0.5 {
                set.buffer.set_size(Some(width), None);
                let shift = match cosmic_align(spec) {
                    cosmic_text::Align::Right | cosmic_text::Align::End => spec.width - width,
                    cosmic_text::Align::Center => ((spec.width - width) / 2.0).round(),
                    _ => 0.0,
                };
                let (extent, fits) = self.measure(&mut set.buffer, spec, size, true, shift);
                if fits {
                    set.shift = shift;
                    return (extent, fits);
                }
                set.buffer.set_size(Some(spec.width), None);
            }
        }
        self.measure(&mut set.buffer, spec, size, true, 0.0)
    }

    /// The lines at `width` (metrics as last set): how many, the widest, their total width.
    fn lines_at(&mut self, buffer: &mut Buffer, width: f32) -> (usize, f32, f32) {
        buffer.set_size(Some(width), None);
        buffer.shape_until_scroll(&mut self.fonts, false);
        buffer
            .layout_runs()
            .fold((0, 0.0f32, 0.0f32), |(n, widest, total), run| (n + 1, widest.max(run.line_w), total + run.line_w))
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
            if self.measure(buffer, spec, mid as f32, ink, 0.0).1 {
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

    /// Lays out at `size`: the extent (lines, and ink when `ink`) and whether it fits the box, the
    /// lines moved `shift` px right.
    fn measure(
        &mut self,
        buffer: &mut Buffer,
        spec: &TextSpec<'_>,
        size: f32,
        ink: bool,
        shift: f32,
    ) -> (Option<Bounds>, bool) {
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
                Bounds { left: shift, top, right: shift, bottom: top + height }
            } else {
                Bounds { left: left + shift, top, right: right + shift, bottom: top + height }
            };
            extent = Some(extent.map_or(line, |e| e.union(line)));
            for glyph in glyphs.iter().filter(|_| ink) {
                let physical = glyph.physical((shift, baseline), 1.0);
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

    fn place(&mut self, set: &Set, spec: &TextSpec<'_>, size: f32, extent: Option<Bounds>, fits: bool) -> TextBlock {
        let (buffer, prepared) = (&set.buffer, &set.prepared);
        // Align the whole extent (ink included) vertically; text that does not fit starts at the top.
        let dy = match (extent, fits, spec.valign) {
            (None, _, _) => 0.0,
            (Some(e), false, _) | (Some(e), true, VAlign::Top) => -e.top,
            (Some(e), true, VAlign::Middle) => ((spec.height - e.height()) / 2.0 - e.top).round(),
            (Some(e), true, VAlign::Bottom) => spec.height - e.bottom,
        }
        .round();
        // Pull overhanging ink back inside horizontally, in whole pixels.
        let pull = match extent {
            Some(e) if e.right > spec.width => (spec.width - e.right).floor().max(-e.left.max(0.0).floor()),
            Some(e) if e.left < 0.0 => (-e.left).ceil().min((spec.width - e.right).max(0.0).floor()),
            _ => 0.0,
        };
        let dx = pull + set.shift;
        let starts = line_starts(buffer);
        let text = spec.text;
        let mut lines = Vec::new();
        let mut glyphs = Vec::new();
        for (i, run) in buffer.layout_runs().enumerate() {
            let start = starts.get(run.line_i).copied().unwrap_or(prepared.text.len());
            let mut range: Option<Range<usize>> = None;
            let mut ink: Option<Bounds> = None;
            for glyph in run.glyphs {
                let Some(cluster) = prepared.caller_range(start + glyph.start..start + glyph.end) else {
                    continue;
                };
                range = Some(range.map_or(cluster.clone(), |r| r.start.min(cluster.start)..r.end.max(cluster.end)));
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
                let mask = if invisible { None } else { mask };
                let outline = (!invisible).then_some(GlyphOutline {
                    face: FaceId(glyph.font_id),
                    id: glyph.glyph_id,
                    size: glyph.font_size,
                    // Where the mask was rasterised: the raster's quarter-pixel bin across, and its
                    // whole-pixel baseline (cosmic-text truncates it), so the two outputs agree.
                    x: physical.x as f32 + physical.cache_key.x_bin.as_float(),
                    y: physical.y as f32 + physical.cache_key.y_bin.as_float(),
                });
                if let Some(m) = &mask {
                    let b = Bounds {
                        left: m.left as f32,
                        top: m.top as f32,
                        right: (m.left + m.width as i32) as f32,
                        bottom: (m.top + m.height as i32) as f32,
                    };
                    ink = Some(ink.map_or(b, |i| i.union(b)));
                }
                glyphs.push(PlacedGlyph {
                    cluster,
                    x: glyph.x + dx,
                    advance: glyph.w,
                    line: i,
                    rtl: glyph.level.is_rtl(),
                    mask,
                    outline,
                    missing: glyph.glyph_id == 0 && !invisible,
                });
            }
            lines.push(Line {
                top: run.line_top + dy,
                height: run.line_height,
                width: run.line_w,
                rtl: run.rtl,
                text: range.unwrap_or(text.len()..text.len()),
                paragraph: run.line_i,
                ink,
            });
        }
        TextBlock { text: text.to_owned(), size, lines, glyphs, extent: extent.map(|e| e.shifted(pull, dy)), fits }
    }
}

/// Where each of the buffer's paragraphs starts in the prepared text (they are joined by `\n`).
fn line_starts(buffer: &Buffer) -> Vec<usize> {
    let mut starts = Vec::with_capacity(buffer.lines.len());
    let mut at = 0;
    for line in &buffer.lines {
        starts.push(at);
        at += line.text().len() + 1;
    }
    starts
}

/// Whether the last line of `set`, as laid out, is a wrapped line (not its paragraph's first)
/// that leaves a word of `text` alone ([`lone_word`]: a kept phrase there is not one).
fn orphaned(set: &Set, text: &str, keep: &[&str]) -> bool {
    let starts = line_starts(&set.buffer);
    let runs: Vec<(usize, Option<Range<usize>>)> = set
        .buffer
        .layout_runs()
        .map(|run| {
            let start = starts.get(run.line_i).copied().unwrap_or(set.prepared.text.len());
            let range = run
                .glyphs
                .iter()
                .filter_map(|g| set.prepared.caller_range(start + g.start..start + g.end))
                .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end));
            (run.line_i, range)
        })
        .collect();
    match runs.as_slice() {
        [.., (before, _), (last, Some(range))] if before == last => lone_word(text, range.clone(), keep),
        _ => false,
    }
}

/// cosmic-text's alignment for the spec's, mirrored for a right-to-left paragraph.
fn cosmic_align(spec: &TextSpec<'_>) -> cosmic_text::Align {
    match (spec.align, spec.rtl) {
        (Align::Start, false) | (Align::End, true) => cosmic_text::Align::Left,
        (Align::Start, true) | (Align::End, false) => cosmic_text::Align::Right,
        (Align::Center, _) => cosmic_text::Align::Center,
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
    fn new(text: &str, mark: char, glue: &Glue) -> Prepared {
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len() + mark.len_utf8());
        let mut to_caller = Vec::with_capacity(out.capacity() + 1);
        let mut start = 0;
        loop {
            let end = bytes[start..].iter().position(|&b| b == b'\r' || b == b'\n').map_or(text.len(), |i| start + i);
            out.push(mark);
            to_caller.extend(std::iter::repeat_n(None, mark.len_utf8()));
            for (offset, c) in text[start..end].char_indices() {
                let at = start + offset;
                let shown = match c {
                    '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2029}' => ' ',
                    ' ' if glue.0[at] & NO_BREAK != 0 => '\u{00A0}',
                    c => c,
                };
                out.push(shown);
                to_caller.extend(std::iter::repeat_n(Some(at), shown.len_utf8()));
                if glue.0[at] & JOIN_AFTER != 0 {
                    out.push('\u{2060}');
                    to_caller.extend(std::iter::repeat_n(None, '\u{2060}'.len_utf8()));
                }
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
