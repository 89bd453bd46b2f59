//! `bidi-order`: required text must read in order once displayed. The Unicode Bidirectional
//! Algorithm (UAX #9) runs over each formatted form with the locale's base direction; the required
//! string's characters must come out next to each other and in reading order.
//!
//! The classic failure: in a right-to-left paragraph the spaces between a phone number's digit
//! groups take the paragraph's direction, so "0131 556 3535" displays as "3535 556 0131".

use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

use crate::script::classify;

/// Where `needle` occurs in `form` (a formatted form: its full text and the ranges of isolation
/// marks formatting inserted), by byte offsets of its characters in the full text. Matching
/// ignores the inserted marks and treats no-break spaces as spaces.
pub fn occurrences(text: &str, inserted: &[std::ops::Range<usize>], needle: &str) -> Vec<Vec<usize>> {
    let visible: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(i, _)| !inserted.iter().any(|r| r.contains(i)))
        .map(|(i, c)| (i, normalize_space(c)))
        .collect();
    let needle: Vec<char> = needle.chars().map(normalize_space).collect();
    if needle.is_empty() || needle.len() > visible.len() {
        return Vec::new();
    }
    (0..=visible.len() - needle.len())
        .filter(|&start| visible[start..start + needle.len()].iter().map(|(_, c)| *c).eq(needle.iter().copied()))
        .map(|start| visible[start..start + needle.len()].iter().map(|(i, _)| *i).collect())
        .collect()
}

/// U+00A0 NO-BREAK SPACE and U+202F NARROW NO-BREAK SPACE match a space.
pub fn normalize_space(c: char) -> char {
    if matches!(c, '\u{00A0}' | '\u{202F}') { ' ' } else { c }
}

/// If some occurrence of `needle` in `text` does not display in order with base direction `rtl`,
/// returns how it displays.
pub fn misordered(text: &str, inserted: &[std::ops::Range<usize>], needle: &str, rtl: bool) -> Option<String> {
    let found = occurrences(text, inserted, needle);
    if found.is_empty() {
        return None;
    }
    let visual = visual_order(text, rtl);
    let position = |byte: usize| visual.iter().position(|&(b, _)| b == byte);
    let reads_rtl = needle
        .chars()
        .map(bidi_class)
        .find(|c| matches!(c, BidiClass::L | BidiClass::R | BidiClass::AL))
        .is_some_and(|c| c != BidiClass::L);
    for occurrence in found {
        let positions: Option<Vec<usize>> = occurrence.iter().map(|&b| position(b)).collect();
        let Some(positions) = positions else { continue };
        let in_order = positions.windows(2).all(|w| if reads_rtl { w[1] + 1 == w[0] } else { w[0] + 1 == w[1] });
        if !in_order {
            let lo = *positions.iter().min().expect("non-empty");
            let hi = *positions.iter().max().expect("non-empty");
            return Some(visual[lo..=hi].iter().map(|&(_, c)| c).collect());
        }
    }
    None
}

/// The visible characters of `text` in display order (left to right), each with its byte offset.
/// Paragraphs are displayed one after another; each is treated as a single line.
fn visual_order(text: &str, rtl: bool) -> Vec<(usize, char)> {
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(text, Some(base));
    let mut out = Vec::with_capacity(text.len());
    for paragraph in &info.paragraphs {
        let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
        for run in runs {
            let chars: Vec<(usize, char)> = text[run.clone()]
                .char_indices()
                .map(|(i, c)| (i + run.start, c))
                .filter(|&(_, c)| is_displayed(c))
                .collect();
            if levels[run.start].is_rtl() {
                out.extend(chars.into_iter().rev());
            } else {
                out.extend(chars);
            }
        }
    }
    out
}

fn is_displayed(c: char) -> bool {
    classify(c).is_none() && !matches!(c, '\n' | '\r')
}

/// What to tell a translator whose required text `needle` is displayed out of order.
pub fn hint(needle: &str) -> String {
    format!(
        "Keep it in order inside right-to-left text by isolating it where it is defined (usually a term): \
         {{ \"\\u2066\" }}{needle}{{ \"\\u2069\" }} (LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE). \
         Do not use overrides (U+202D, U+202E)."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_number_after_arabic_is_reversed() {
        let text = "اتصل على 0131 556 3535";
        assert_eq!(misordered(text, &[], "0131 556 3535", true).as_deref(), Some("3535 556 0131"));
        // After Arabic letters the digits are Arabic numbers (UAX #9 rule W2): reversed groups in a
        // left-to-right paragraph too.
        assert!(misordered(text, &[], "0131 556 3535", false).is_some());
        // After Latin text they are left-to-right (rule W7), even in a right-to-left paragraph.
        assert_eq!(misordered("Call 0131 556 3535", &[], "0131 556 3535", true), None);
    }

    #[test]
    fn isolated_number_and_number_after_latin_are_in_order() {
        let isolated = "اتصل على \u{2066}0131 556 3535\u{2069}";
        assert_eq!(misordered(isolated, &[], "0131 556 3535", true), None);
        let after_latin = "اتصل بـ Stop It Now! 0131 556 3535";
        assert_eq!(misordered(after_latin, &[], "0131 556 3535", true), None);
        assert_eq!(misordered(after_latin, &[], "Stop It Now", true), None);
    }

    #[test]
    fn an_override_reverses_even_left_to_right_text() {
        let text = "Call \u{202E}0131 556 3535\u{202C} now";
        assert!(misordered(text, &[], "0131 556 3535", false).is_some());
    }

    #[test]
    fn no_break_spaces_match_spaces_and_inserted_marks_are_skipped() {
        let text = "\u{2068}0131\u{00A0}556 3535\u{2069}";
        let inserted = [0..3, text.len() - 3..text.len()];
        assert_eq!(occurrences(text, &inserted, "0131 556 3535").len(), 1);
    }
}
