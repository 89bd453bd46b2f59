//! Layout with the campaign's real fonts (assets/fonts): auto-fit, right-to-left numbers in order,
//! Nastaliq, CJK wrapping, and invisible controls that must not draw.

use placard_layout::{Align, FontLibrary, TextBlock, TextSpec, Typesetter, VAlign, keep_together};

fn typesetter() -> Typesetter {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/fonts");
    let mut fonts = Vec::new();
    for name in [
        "NotoSans-Regular.ttf",
        "NotoSans-Bold.ttf",
        "NotoSansArabic-Regular.ttf",
        "NotoSansArabic-Bold.ttf",
        "NotoNastaliqUrdu-Regular.ttf",
        "NotoSansGurmukhi-Regular.ttf",
        "NotoSansCJKsc-Regular-subset.otf",
    ] {
        fonts.push((name.to_owned(), std::fs::read(dir.join(name)).expect("committed font")));
    }
    FontLibrary::new(fonts).expect("valid fonts").typesetter()
}

fn spec<'a>(text: &'a str, family: &'a str, rtl: bool, width: f32, height: f32) -> TextSpec<'a> {
    TextSpec {
        text,
        language: "en",
        keep: &[],
        family,
        latin_family: None,
        weight: 400,
        max_size: 80.0,
        min_size: 12.0,
        line_height: 1.2,
        align: Align::Start,
        valign: VAlign::Top,
        rtl,
        width,
        height,
        one_line: false,
    }
}

/// The x positions of the glyphs showing each character of `needle` in the laid-out text.
fn xs_of(block: &TextBlock, needle: &str) -> Vec<(usize, f32)> {
    let start = block.text.find(needle).expect("needle in text");
    let end = start + needle.len();
    let mut xs: Vec<(usize, f32)> = block
        .glyphs
        .iter()
        .filter(|g| g.cluster.start >= start && g.cluster.end <= end && g.mask.is_some())
        .map(|g| (g.cluster.start, g.x))
        .collect();
    xs.sort_by_key(|(cluster, _)| *cluster);
    xs
}

#[test]
fn the_largest_size_that_fits_is_chosen() {
    let mut t = typesetter();
    let text = "Thinking of sexually abusing children like me online?";
    let wide = t.lay_out(&spec(text, "Noto Sans", false, 2000.0, 200.0));
    assert_eq!(wide.size, 80.0);
    assert_eq!(wide.lines.len(), 1);
    let narrow = t.lay_out(&spec(text, "Noto Sans", false, 500.0, 300.0));
    assert!(narrow.fits && narrow.size < 80.0 && narrow.size > 12.0, "size {}", narrow.size);
    // One pixel larger does not fit.
    let mut bigger = spec(text, "Noto Sans", false, 500.0, 300.0);
    bigger.min_size = narrow.size + 1.0;
    assert!(!t.lay_out(&bigger).fits);
    let extent = narrow.extent.expect("ink");
    assert!(extent.top >= 0.0 && extent.bottom <= 300.0 && extent.right <= 500.5);
}

#[test]
fn text_that_cannot_fit_is_reported() {
    let mut t = typesetter();
    let block = t.lay_out(&spec(
        "Every image shared of child sexual abuse comes from a child.",
        "Noto Sans",
        false,
        200.0,
        16.0,
    ));
    assert!(!block.fits);
    assert_eq!(block.size, 12.0);
}

#[test]
fn arabic_helpline_digits_read_left_to_right() {
    let mut t = typesetter();
    let text = keep_together(
        "هل أنت قلق بشأن أفكارك؟ اتصل بـ \u{2068}Stop It Now!\u{2069} على \u{2066}0131 556 3535\u{2069}",
        &["0131 556 3535", "Stop It Now"],
    );
    let block = t.lay_out(&spec(&text, "Noto Sans Arabic", true, 900.0, 400.0));
    let xs = xs_of(&block, "0131\u{a0}556\u{a0}3535");
    assert_eq!(xs.len(), 11, "{xs:?}");
    assert!(xs.windows(2).all(|w| w[0].1 < w[1].1), "digits out of order: {xs:?}");
    let line = block.glyphs.iter().find(|g| block.text[g.cluster.clone()].starts_with('0')).map(|g| g.line);
    assert!(
        block
            .glyphs
            .iter()
            .filter(|g| g.cluster.start >= block.text.find('0').unwrap_or(0))
            .all(|g| Some(g.line) == line)
    );
    // The paragraph is right to left: the first Arabic word is at the right.
    assert!(block.lines[0].rtl);
}

#[test]
fn isolation_marks_draw_nothing() {
    let mut t = typesetter();
    let block = t.lay_out(&spec(
        "Call \u{2068}Stop It Now!\u{2069} \u{2066}0800 1111\u{2069}",
        "Noto Sans",
        false,
        1000.0,
        200.0,
    ));
    for g in &block.glyphs {
        let shown = &block.text[g.cluster.clone()];
        if shown.chars().all(|c| ('\u{2066}'..='\u{2069}').contains(&c)) {
            assert!(g.mask.is_none(), "an isolation mark drew something");
        }
    }
}

#[test]
fn a_phone_number_is_never_broken_across_lines() {
    let mut t = typesetter();
    let text = keep_together("Worried about your thoughts? Call 0131 556 3535", &["0131 556 3535"]);
    let mut narrow = spec(&text, "Noto Sans", false, 420.0, 600.0);
    narrow.max_size = 60.0;
    narrow.min_size = 60.0;
    let block = t.lay_out(&narrow);
    assert!(block.lines.len() >= 2);
    let start = block.text.find("0131").expect("number");
    let lines: std::collections::BTreeSet<usize> =
        block.glyphs.iter().filter(|g| g.cluster.start >= start).map(|g| g.line).collect();
    assert_eq!(lines.len(), 1, "the number spans lines {lines:?}");
}

#[test]
fn nastaliq_ink_stays_inside_the_box() {
    let mut t = typesetter();
    let text = "کیا آپ آن لائن مجھ جیسے بچوں کے جنسی استحصال کا سوچ رہے ہیں؟";
    let block = t.lay_out(&spec(text, "Noto Nastaliq Urdu", true, 900.0, 300.0));
    assert!(block.fits, "size {}", block.size);
    let extent = block.extent.expect("ink");
    assert!(extent.top >= 0.0 && extent.bottom <= 300.0 && extent.left >= 0.0 && extent.right <= 900.0, "{extent:?}");
    // Nastaliq's ink reaches outside its line boxes: the extent is taller than the lines.
    let lines_height: f32 = block.lines.iter().map(|l| l.height).sum();
    assert!(extent.height() > lines_height * 0.99, "{extent:?} vs {lines_height}");
}

#[test]
fn chinese_wraps_between_characters() {
    let mut t = typesetter();
    let text = "想在网上对像我这样的孩子进行性侵害吗？你离失去一切只有一次点击之遥。";
    let mut s = spec(text, "Noto Sans CJK SC", false, 500.0, 600.0);
    s.min_size = 48.0;
    s.max_size = 48.0;
    let block = t.lay_out(&s);
    assert!(block.lines.len() >= 3, "{} lines", block.lines.len());
    assert!(block.glyphs.iter().filter(|g| g.mask.is_some()).count() >= 30);
}

#[test]
fn layout_is_deterministic_across_typesetters() {
    let text = "هل أنت قلق بشأن أفكارك؟ \u{2066}0131 556 3535\u{2069}";
    let a = typesetter().lay_out(&spec(text, "Noto Sans Arabic", true, 700.0, 300.0));
    let b = typesetter().lay_out(&spec(text, "Noto Sans Arabic", true, 700.0, 300.0));
    assert_eq!(a, b);
}

#[test]
fn urdu_helpline_digits_read_left_to_right_in_nastaliq_text() {
    let mut t = typesetter();
    let text = keep_together(
        "کیا آپ اپنے خیالات سے پریشان ہیں؟ رازدارانہ مدد حاصل کریں: \u{2068}Stop It Now!\u{2069} \u{2066}0131 556 3535\u{2069}",
        &["0131 556 3535", "Stop It Now"],
    );
    let mut s = spec(&text, "Noto Nastaliq Urdu", true, 900.0, 500.0);
    s.latin_family = Some("Noto Sans");
    s.line_height = 1.9;
    let block = t.lay_out(&s);
    assert!(block.fits);
    let xs = xs_of(&block, "0131\u{a0}556\u{a0}3535");
    assert_eq!(xs.len(), 11, "{xs:?}");
    assert!(xs.windows(2).all(|w| w[0].1 < w[1].1), "digits out of order: {xs:?}");
    let name = xs_of(&block, "Stop\u{a0}It\u{a0}Now");
    assert!(name.windows(2).all(|w| w[0].1 < w[1].1), "name out of order: {name:?}");
}

#[test]
fn a_hyphenated_required_phrase_is_not_broken_after_a_hyphen() {
    // (UAX #14 already keeps "0131-556-3535" whole: no break between a hyphen and a digit; a
    // hyphenated name has no such protection.)
    let mut t = typesetter();
    let lines_of_number = |t: &mut Typesetter, text: &str, width: f32| {
        let mut narrow = spec(text, "Noto Sans", false, width, 900.0);
        narrow.max_size = 50.0;
        narrow.min_size = 50.0;
        let block = t.lay_out(&narrow);
        let start = block.text.find("Stop").expect("name");
        let end = block.text.find("Scotland").expect("name") + "Scotland".len();
        let lines: std::collections::BTreeSet<usize> =
            block.glyphs.iter().filter(|g| g.cluster.start >= start && g.cluster.end <= end).map(|g| g.line).collect();
        (lines.len(), block)
    };
    let raw = "Worried? Call the Stop-It-Now-Scotland helpline today";
    // A width at which plain line breaking splits the number after a hyphen...
    let width = (20..60)
        .map(|w| w as f32 * 10.0)
        .find(|&w| lines_of_number(&mut t, raw, w).0 > 1)
        .expect("some width breaks the plain text after a hyphen");
    // ...does not split it once the phrase is kept together.
    let (lines, block) = lines_of_number(&mut t, &keep_together(raw, &["Stop-It-Now-Scotland"]), width);
    assert_eq!(lines, 1, "the name spans lines at width {width}");
    // The word joiners steer line breaking and draw nothing.
    assert!(
        block.glyphs.iter().filter(|g| block.text[g.cluster.clone()].contains('\u{2060}')).all(|g| g.mask.is_none())
    );
}

/// Fuzzing finding `layout-newline-clusters`: cosmic-text counts glyph offsets from the start of
/// each paragraph, so after a line break (Fluent's multiline messages have them) every cluster
/// pointed at the wrong characters, and a later paragraph that began with Latin text was laid
/// out left to right in an Arabic message.
#[test]
fn every_paragraph_keeps_its_clusters_and_the_locale_direction() {
    let mut t = typesetter();
    let text = "اتصل بنا\nStop It Now! 0131 556 3535\r\nشكرا";
    let block = t.lay_out(&spec(text, "Noto Sans Arabic", true, 2000.0, 400.0));
    assert_eq!(block.text, text);
    assert_eq!(block.lines.len(), 3);
    assert!(block.lines.iter().all(|l| l.rtl), "every paragraph of an Arabic message is right to left");
    for glyph in &block.glyphs {
        let shown = &text[glyph.cluster.clone()];
        assert!(!shown.contains(['\n', '\r']), "glyph {glyph:?} shows a line ending");
    }
    // The Latin paragraph's glyphs point at its own characters, in reading order.
    let xs = xs_of(&block, "Stop It Now!");
    assert_eq!(xs.len(), "StopItNow!".len());
    assert!(xs.windows(2).all(|w| w[0].1 < w[1].1), "{xs:?}");
    assert!(block.glyphs.iter().filter(|g| g.line == 1).all(|g| text[g.cluster.clone()].is_ascii()));
}

/// The text of each laid-out line, without white space at its ends.
fn line_texts(block: &TextBlock) -> Vec<&str> {
    block.lines.iter().map(|l| block.text[l.text.clone()].trim()).collect()
}

fn heading<'a>(text: &'a str, language: &'a str, family: &'a str, width: f32) -> TextSpec<'a> {
    let mut s = spec(text, family, false, width, 400.0);
    s.language = language;
    (s.max_size, s.min_size, s.weight) = (48.0, 48.0, 700);
    s
}

#[test]
fn issue13_the_last_line_never_holds_a_single_word_when_a_word_can_be_carried_down() {
    let mut t = typesetter();
    // At 48 px in 700 px greedy filling (no balancing, nothing carried) leaves "everything." alone
    // on the last line; so it does at most widths from 300 to 820 px. From 540 px on, "you
    // everything." fits a line, so the word before can always be carried down.
    let text = "Think before you click: once it is shared, it can cost you everything.";
    for width in (540..=820).step_by(20) {
        let block = t.lay_out(&heading(text, "en-GB", "Noto Sans", width as f32));
        let lines = line_texts(&block);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(placard_layout::words(lines[lines.len() - 1]).len() >= 2, "at {width} px: {lines:?}");
        // The lines hold the caller's text, in order.
        assert_eq!(lines.join(" "), text);
    }
}

#[test]
fn issue13_lines_are_balanced_at_the_size_the_fit_chose() {
    let mut t = typesetter();
    let text = "Thinking of sexually abusing children like me online?";
    let block = t.lay_out(&heading(text, "en-GB", "Noto Sans", 1000.0));
    let widths: Vec<f32> = block.lines.iter().map(|l| l.width).collect();
    assert_eq!(widths.len(), 2, "{:?}", line_texts(&block));
    // Greedy filling would leave a short second line; balanced, the two differ by a few words at most.
    assert!(widths[1] > widths[0] * 0.6, "{widths:?} {:?}", line_texts(&block));
}

#[test]
fn issue13_polish_one_letter_words_never_end_a_line() {
    let mut t = typesetter();
    let text = "Nie jesteś z tym sam i w każdej chwili możesz porozmawiać o tym, co się z tobą dzieje.";
    for width in [300.0, 360.0, 420.0, 480.0, 540.0] {
        let mut s = heading(text, "pl", "Noto Sans", width);
        (s.max_size, s.min_size) = (40.0, 40.0);
        let block = t.lay_out(&s);
        let lines = line_texts(&block);
        for line in &lines[..lines.len() - 1] {
            let last = line.rsplit(' ').next().unwrap_or("");
            assert!(last.chars().count() > 1, "a line ends with {last:?} at {width}: {lines:?}");
        }
        // The no-break spaces the layout inserted are not in the text it reports.
        assert_eq!(block.text, text);
    }
}

#[test]
fn issue13_chinese_breaks_between_words_and_the_joiners_never_draw() {
    let mut t = typesetter();
    let text = "在网上获取帮助之前，先想一想：有人可以帮你。";
    let mut s = heading(text, "zh-Hans", "Noto Sans CJK SC", 300.0);
    (s.max_size, s.min_size, s.weight) = (40.0, 40.0, 400);
    let block = t.lay_out(&s);
    let lines = line_texts(&block);
    assert!(lines.len() >= 2, "{lines:?}");
    for pair in lines.windows(2) {
        let joined = format!("{}{}", pair[0], pair[1]);
        let seam = pair[0].len();
        let split = placard_layout::words(&joined).into_iter().find(|w| w.start < seam && seam < w.end);
        assert!(split.is_none(), "a word split between {pair:?}");
    }
    assert!(block.glyphs.iter().all(|g| !g.missing), "no missing-glyph box for an inserted joiner");
    assert_eq!(block.text, text);
}
