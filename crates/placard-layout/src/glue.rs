//! Where a line must not break, decided before wrapping and given to the UAX #14 breaker as
//! characters it respects: a NO-BREAK SPACE instead of a space, a WORD JOINER between two
//! characters. The caller's text is never changed: the layout maps every glyph back to it, and the
//! inserted characters draw nothing (see `Prepared` in `text.rs`).
//!
//! - phrases kept together (the helpline number), whatever the language;
//! - Polish, Czech, Slovak: a one-letter word (`w`, `z`, `i`, `a`, `k`, `v`) stays with the next
//!   word, as their typesetting rules require; Scottish Gaelic likewise for `a'` and the other
//!   elided forms (`d'`, `m'`, `b'`, `dh'`) and its one-letter words (`a bheil`, `a h-uile`);
//! - Chinese and Japanese: UAX #14 may break between any two ideographs, which splits words
//!   (获/取); ICU4X's dictionary segmenter finds the words, and a WORD JOINER goes between the
//!   characters inside each.

use std::ops::Range;

use icu_segmenter::WordSegmenter;
use icu_segmenter::options::WordBreakInvariantOptions;

/// This space becomes a NO-BREAK SPACE.
pub(crate) const NO_BREAK: u8 = 1;
/// A WORD JOINER follows this character.
pub(crate) const JOIN_AFTER: u8 = 2;

/// What to do at each byte offset of a text (the flag of a character sits at its first byte).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Glue(pub Vec<u8>);

impl Glue {
    /// The glue `language` (a BCP 47 tag) and `phrases` ask for in `text`.
    pub fn new(text: &str, language: &str, phrases: &[&str]) -> Glue {
        let mut glue = Glue(vec![0; text.len()]);
        glue.keep_phrases(text, phrases);
        glue.short_words(text, language);
        glue.words_without_spaces(text);
        glue
    }

    /// Keeps every occurrence of each phrase on one line (see [`crate::find_phrase`]): its spaces
    /// become NO-BREAK SPACE, and a WORD JOINER follows each mark inside it that UAX #14 may break
    /// after (the hyphen of a name, the slash and dots of a web address) and sits between two
    /// ideographs. Letters and digits get nothing: joiners between them could only disturb shaping.
    fn keep_phrases(&mut self, text: &str, phrases: &[&str]) {
        for found in occurrences(text, phrases) {
            let chars: Vec<(usize, char)> =
                text[found.clone()].char_indices().map(|(i, c)| (found.start + i, c)).collect();
            for pair in chars.windows(2) {
                let ((i, a), (_, b)) = (pair[0], pair[1]);
                match a {
                    ' ' => self.0[i] |= NO_BREAK,
                    '\u{00A0}' | '\u{202F}' => {}
                    _ if b != ' ' && (!a.is_alphanumeric() || (is_cjk(a) && is_cjk(b))) => self.0[i] |= JOIN_AFTER,
                    _ => {}
                }
            }
        }
    }

    /// `text` with the glue inserted, and for each byte of it (and one past its end) the caller's
    /// offset it came from, `None` for an inserted WORD JOINER.
    pub fn apply(&self, text: &str) -> (String, Vec<Option<usize>>) {
        let mut out = String::with_capacity(text.len() + 8);
        let mut to_caller = Vec::with_capacity(text.len() + 9);
        for (i, c) in text.char_indices() {
            let shown = if c == ' ' && self.0[i] & NO_BREAK != 0 { '\u{00A0}' } else { c };
            out.push(shown);
            to_caller.extend(std::iter::repeat_n(Some(i), shown.len_utf8()));
            if self.0[i] & JOIN_AFTER != 0 {
                out.push('\u{2060}');
                to_caller.extend(std::iter::repeat_n(None, '\u{2060}'.len_utf8()));
            }
        }
        to_caller.push(Some(text.len()));
        (out, to_caller)
    }

    /// The per-language rule for short words: each such word's following space is glued.
    fn short_words(&mut self, text: &str, language: &str) {
        let primary = language.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let rule: fn(&str) -> bool = match primary.as_str() {
            "pl" | "cs" | "sk" => |w| one_letter(w),
            "gd" => |w| one_letter(w) || elided(w),
            _ => return,
        };
        let mut start = None;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (c == ' ', start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    if i < text.len() && rule(&text[s..i]) {
                        self.0[i] |= NO_BREAK;
                    }
                    start = None;
                }
                _ => {}
            }
        }
    }

    /// A WORD JOINER between the ideographs and kana inside each word ICU4X finds.
    fn words_without_spaces(&mut self, text: &str) {
        if !text.chars().any(is_cjk) {
            return;
        }
        for word in segments(text) {
            let chars: Vec<(usize, char)> = text[word.clone()].char_indices().collect();
            for pair in chars.windows(2) {
                if is_cjk(pair[0].1) && is_cjk(pair[1].1) {
                    self.0[word.start + pair[0].0] |= JOIN_AFTER;
                }
            }
        }
    }

    /// Glues the last two words of the text's last paragraph: the spaces between them become
    /// NO-BREAK SPACE, and a WORD JOINER goes between any two other characters there, so the
    /// last line holds at least two words. False when there are not two words to glue.
    pub fn carry_last_word(&mut self, text: &str) -> bool {
        let paragraph = text.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let found = words(&text[paragraph..]);
        let [.., before, last] = found.as_slice() else { return false };
        let last_of_before =
            paragraph + text[paragraph..paragraph + before.end].char_indices().last().map_or(0, |(i, _)| i);
        let first_of_last = paragraph + last.start;
        let stretch: Vec<(usize, char)> = text[last_of_before..]
            .char_indices()
            .map(|(i, c)| (last_of_before + i, c))
            .take_while(|(i, _)| *i <= first_of_last)
            .collect();
        for pair in stretch.windows(2) {
            let ((i, a), (_, b)) = (pair[0], pair[1]);
            if a == ' ' {
                self.0[i] |= NO_BREAK;
            } else if b != ' ' {
                self.0[i] |= JOIN_AFTER;
            }
        }
        true
    }
}

/// A word of one letter (after any opening quote or bracket): Polish `w`, Czech `k`.
fn one_letter(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

/// A Gaelic elided form written before a space: `a'`, `d'`, `m'`, `b'`, `dh'`.
fn elided(word: &str) -> bool {
    let Some(stem) = word.strip_suffix(['\'', '\u{2019}']) else { return false };
    let letters = stem.chars().count();
    (1..=2).contains(&letters) && stem.chars().all(char::is_alphabetic)
}

/// Ideographs, kana and the CJK marks that sit inside words (ー, 々).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3006}' | '\u{30FC}'
        | '\u{3040}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// The word-like segments of `text` by ICU4X (letters, numbers; CJK by dictionary).
fn segments(text: &str) -> Vec<Range<usize>> {
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let mut out = Vec::new();
    let mut last = 0;
    for (end, kind) in segmenter.segment_str(text).iter_with_word_type() {
        if end > last && kind.is_word_like() {
            out.push(last..end);
        }
        last = end;
    }
    out
}

/// The words of `text` as a reader counts them: each run of characters between white space
/// (no-break spaces included) that holds a letter or digit, and, inside a run that holds
/// ideographs or kana, each word ICU4X's dictionary finds there.
pub fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let token = &text[s..i];
                if token.chars().any(is_cjk) {
                    out.extend(segments(token).into_iter().map(|r| s + r.start..s + r.end));
                } else if token.chars().any(char::is_alphanumeric) {
                    out.push(s..i);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// `text` with every occurrence of each of `phrases` kept on one line, written out: the spaces
/// inside it become NO-BREAK SPACE and a WORD JOINER follows each mark a line may break after (a
/// number written 0131-556-3535, an address's slash). For text shown outside the layout (an
/// HTML page); [`crate::TextSpec::keep`] does the same for laid-out text without changing it.
pub fn keep_together(text: &str, phrases: &[&str]) -> String {
    let mut glue = Glue(vec![0; text.len()]);
    glue.keep_phrases(text, phrases);
    glue.apply(text).0
}

/// Every place each of `phrases` occurs in `text` (see [`find_phrase`]), phrase by phrase.
fn occurrences<'t>(text: &'t str, phrases: &'t [&str]) -> impl Iterator<Item = Range<usize>> + 't {
    phrases.iter().flat_map(move |phrase| {
        let mut from = 0;
        std::iter::from_fn(move || {
            let found = find_phrase(text.get(from..)?, phrase)?;
            let found = from + found.start..from + found.end;
            from = found.end.max(found.start + 1);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            Some(found)
        })
    })
}

/// Whether `line`, a byte range of `text` (its last line), leaves a word alone: it holds one
/// word (see [`words`]) and that word is no part of a phrase kept together. A phone number or a
/// web address on a line of its own is the unit a reader looks for, set apart, not a word left
/// behind. The layout and the `orphan` check both ask this.
pub fn lone_word(text: &str, line: Range<usize>, keep: &[&str]) -> bool {
    let Some(shown) = text.get(line.clone()) else { return false };
    let found = words(shown);
    let [word] = found.as_slice() else { return false };
    let word = line.start + word.start..line.start + word.end;
    !occurrences(text, keep).any(|kept| kept.start < word.end && word.start < kept.end)
}

/// The first place `phrase` occurs in `text`, its spaces matching any of space, NO-BREAK SPACE
/// and NARROW NO-BREAK SPACE (as the `required-text` check matches them).
pub fn find_phrase(text: &str, phrase: &str) -> Option<Range<usize>> {
    let is_space = |c: char| matches!(c, ' ' | '\u{00A0}' | '\u{202F}');
    let wanted: Vec<char> = phrase.chars().collect();
    if wanted.is_empty() {
        return None;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    (0..chars.len().checked_sub(wanted.len() - 1)?).find_map(|start| {
        let window = &chars[start..start + wanted.len()];
        window.iter().zip(&wanted).all(|((_, a), b)| a == b || (is_space(*a) && *b == ' ')).then(|| {
            let (last, c) = window[window.len() - 1];
            window[0].0..last + c.len_utf8()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with the glue written out: `~` for a no-break space, `+` for a word joiner.
    fn shown(text: &str, language: &str, phrases: &[&str]) -> String {
        let glue = Glue::new(text, language, phrases);
        render(text, &glue)
    }

    fn render(text: &str, glue: &Glue) -> String {
        let mut out = String::new();
        for (i, c) in text.char_indices() {
            out.push(if glue.0[i] & NO_BREAK != 0 { '~' } else { c });
            if glue.0[i] & JOIN_AFTER != 0 {
                out.push('+');
            }
        }
        out
    }

    #[test]
    fn phrases_keep_together_whatever_space_the_text_used() {
        assert_eq!(shown("Call 0131 556 3535 now", "en-GB", &["0131 556 3535"]), "Call 0131~556~3535 now");
        assert_eq!(shown("0131\u{a0}556 3535", "en", &["0131 556 3535"]), "0131\u{a0}556~3535");
        assert_eq!(shown("no phone here", "en", &["0131 556 3535"]), "no phone here");
        assert_eq!(shown("Call 0131-556-3535.", "en", &["0131-556-3535"]), "Call 0131-+556-+3535.");
        assert_eq!(find_phrase("a 0131\u{202f}556 3535", "0131 556 3535"), Some(2..17));
        // A web address has no space, but UAX #14 breaks after its slash: that is held too.
        assert_eq!(
            shown("visit stopitnow.org.uk/scotland now", "pl", &["stopitnow.org.uk/scotland"]),
            "visit stopitnow.+org.+uk/+scotland now"
        );
    }

    #[test]
    fn one_letter_words_stay_with_the_next_in_polish_czech_and_slovak() {
        assert_eq!(shown("Nie jesteś w tym sam i nikt", "pl", &[]), "Nie jesteś w~tym sam i~nikt");
        assert_eq!(shown("Jdi k lékaři a s ním", "cs", &[]), "Jdi k~lékaři a~s~ním");
        assert_eq!(shown("(w domu", "pl", &[]), "(w~domu");
        assert_eq!(shown("Nie jesteś w tym sam i nikt", "en-GB", &[]), "Nie jesteś w tym sam i nikt");
        // A letter at the very end has no next word.
        assert_eq!(shown("plan B", "sk", &[]), "plan B");
    }

    #[test]
    fn gaelic_elided_forms_and_one_letter_words_stay_with_the_next() {
        assert_eq!(
            shown("A bheil thu a' smaoineachadh air m' athair", "gd", &[]),
            "A~bheil thu a'~smaoineachadh air m'~athair"
        );
        assert_eq!(shown("dh\u{2019}inbheach", "gd", &[]), "dh\u{2019}inbheach");
    }

    #[test]
    fn chinese_words_are_joined_inside_not_between() {
        // 获取 (obtain) and 之前 (before) are words: never split.
        let text = "在获取帮助之前";
        let glued = shown(text, "zh-Hans", &[]);
        assert!(glued.contains("获+取") && glued.contains("之+前"), "{glued}");
        assert!(words(text).len() >= 3, "{:?}", words(text));
        // Latin inside Chinese is left to UAX #14.
        assert_eq!(shown("Childline 0800 1111", "zh-Hans", &[]), "Childline 0800 1111");
    }

    #[test]
    fn words_are_counted_as_a_reader_counts_them() {
        let count = |t: &str| words(t).len();
        assert_eq!(count("everything."), 1);
        assert_eq!(count("ja?"), 1);
        assert_eq!(count("w\u{a0}domu — tak"), 3);
        assert_eq!(count("吗？"), 1);
    }

    #[test]
    fn carrying_the_last_word_glues_the_last_two() {
        let text = "Think before you click everything.";
        let mut glue = Glue::new(text, "en-GB", &[]);
        assert!(glue.carry_last_word(text));
        assert_eq!(render(text, &glue), "Think before you click~everything.");
        let text = "你可以问吗？";
        let mut glue = Glue(vec![0; text.len()]);
        assert!(glue.carry_last_word(text));
        assert!(render(text, &glue).ends_with("+吗？"), "{}", render(text, &glue));
        let mut glue = Glue(vec![0; 4]);
        assert!(!glue.carry_last_word("word"));
    }
}
