//! Code actions: the fixes a translator most often needs, as edits to the open file.
//! - a phone number typed into a message becomes the term that holds it (`{ -helpline-number }`),
//!   so it can never be mistyped again;
//! - a number (typed, or a term) in a right-to-left locale is wrapped in isolation marks, so
//!   the paragraph's direction cannot reorder its digits;
//! - a message the reference has and this file lacks is inserted, commented out under the
//!   reference's text and comment, ready to translate.

use std::ops::Range;

use placard_fluent::ParsedFile;
use placard_fluent::ast::Entry;

use crate::navigate::{Kind, find};

/// A number as typed: digits, with single spaces, hyphens or dots between groups; `+` first.
pub fn typed_numbers(text: &str, within: Range<usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = within.start.min(text.len());
    let end = within.end.min(text.len());
    while i < end {
        let c = bytes[i];
        if !(c.is_ascii_digit() || c == b'+' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            i += 1;
            continue;
        }
        // A digit inside a word or an escape (`\u2066`) is no phone number.
        if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'\\') {
            while i < end && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            continue;
        }
        let start = i;
        let mut last_digit = i;
        let mut digits = 0;
        i += 1;
        if c.is_ascii_digit() {
            digits = 1;
        }
        while i < text.len() {
            let b = bytes[i];
            if b.is_ascii_digit() {
                digits += 1;
                last_digit = i;
                i += 1;
            } else if matches!(b, b' ' | b'-' | b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i += 1;
            } else {
                break;
            }
        }
        if digits >= 6 {
            out.push(start..last_digit + 1);
        }
    }
    out
}

/// Terms of the reference that hold a phone number (`-helpline-number = 0131 556 3535`):
/// their name and their number.
pub fn number_terms(files: &[&ParsedFile]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for parsed in files {
        for entry in &parsed.ast().body {
            let Entry::Term(term) = entry else { continue };
            let [placard_fluent::ast::PatternElement::TextElement { value }] = term.value.elements.as_slice() else {
                continue;
            };
            let value = value.trim();
            if typed_numbers(value, 0..value.len()).first().is_some_and(|n| *n == (0..value.len())) {
                out.push((term.id.name.to_owned(), value.to_owned()));
            }
        }
    }
    out
}

/// The term whose number is closest to `typed` (digits compared, so spacing does not count).
pub fn closest_term<'t>(terms: &'t [(String, String)], typed: &str) -> Option<&'t (String, String)> {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let typed = digits(typed);
    terms
        .iter()
        .map(|t| (strsim::levenshtein(&digits(&t.1), &typed), t))
        .filter(|(distance, _)| *distance <= typed.len() / 2)
        .min_by_key(|(distance, t)| (*distance, &t.0))
        .map(|(_, t)| t)
}

/// Whether byte `offset` of `parsed`'s text is on a comment line.
pub fn in_comment(parsed: &ParsedFile, offset: usize) -> bool {
    let text = parsed.text();
    let line_start = text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..].trim_start().starts_with('#')
}

/// Whether byte `offset` of `parsed`'s text is inside a term's definition (where a number is
/// written once, on purpose), or in no entry at all (a comment).
pub fn in_term_or_comment(parsed: &ParsedFile, offset: usize) -> bool {
    if in_comment(parsed, offset) {
        return true;
    }
    let mut owner = None;
    for entry in &parsed.ast().body {
        let (kind, id) = match entry {
            Entry::Message(m) => (Kind::Message, m.id.name),
            Entry::Term(t) => (Kind::Term, t.id.name),
            _ => continue,
        };
        match parsed.offset_of(id) {
            Some(at) if at <= offset => owner = Some(kind),
            _ => break,
        }
    }
    owner != Some(Kind::Message)
}

/// The placeable (`{ … }`) around byte range `span`, when it is one: its bytes, braces included.
pub fn placeable_around(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let open = text[..span.start].rfind('{')?;
    if !text[open + 1..span.start].trim().trim_start_matches('-').is_empty() {
        return None;
    }
    let close = span.end + text[span.end..].find('}')?;
    text[span.end..close].trim().is_empty().then_some(open..close + 1)
}

/// The isolation marks Placard's docs ask right-to-left locales to put around a number.
pub const FIRST_STRONG_ISOLATE: &str = "{ \"\\u2066\" }";
pub const POP_DIRECTIONAL_ISOLATE: &str = "{ \"\\u2069\" }";

/// Whether `span` is already wrapped in isolation marks (written as escapes or as characters).
pub fn isolated(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].trim_end();
    let after = text[span.end..].trim_start();
    (before.ends_with(FIRST_STRONG_ISOLATE) || before.ends_with('\u{2066}') || before.ends_with('\u{2068}'))
        && (after.starts_with(POP_DIRECTIONAL_ISOLATE) || after.starts_with('\u{2069}'))
}

/// The reference's entry `id` (`-term` or `message`), commented out line by line under its own
/// comment, to insert into a translation: a template to translate, inert until uncommented.
pub fn commented_template(reference: &[&ParsedFile], id: &str, locale: &str) -> Option<String> {
    let (kind, name) = match id.strip_prefix('-') {
        Some(term) => (Kind::Term, term),
        None => (Kind::Message, id),
    };
    let found = reference.iter().find_map(|parsed| find(parsed, kind, name, None))?;
    let mut out = String::new();
    out.push_str(&format!("# To translate into {locale}, then remove the `# ` before each line of the entry:\n"));
    let comment_lines = found.with_comment.len() - found.source.len();
    out.push_str(&found.with_comment[..comment_lines]);
    for line in found.source.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_are_found_and_escapes_are_not() {
        let text = "a = Call 0131 556 3535 or +44 800-1111 now { \"\\u2066\" } 2026";
        let found: Vec<&str> = typed_numbers(text, 0..text.len()).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["0131 556 3535", "+44 800-1111"]);
    }

    #[test]
    fn the_closest_number_term_is_chosen() {
        let parsed = ParsedFile::parse(
            "-helpline-number = 0131 556 3535\n-childline-number = 0800 1111\n-name = Stop It Now!\n".to_owned(),
        );
        let terms = number_terms(&[&parsed]);
        assert_eq!(terms.len(), 2, "{terms:?}");
        assert_eq!(closest_term(&terms, "0131 556 3353").map(|t| t.0.as_str()), Some("helpline-number"));
        assert_eq!(closest_term(&terms, "0800 111").map(|t| t.0.as_str()), Some("childline-number"));
        assert_eq!(closest_term(&terms, "99 99 99 99 99"), None, "no term is near an unrelated number");
    }

    #[test]
    fn placeables_and_isolation_are_recognised() {
        let text = "m = { -helpline-number } and { \"\\u2066\" }{ -x }{ \"\\u2069\" }";
        let name = text.find("helpline-number").expect("name");
        let span = placeable_around(text, name..name + "helpline-number".len()).expect("a placeable");
        assert_eq!(&text[span.clone()], "{ -helpline-number }");
        assert!(!isolated(text, &span));
        let x = text.find("-x").expect("x") + 1;
        let inner = placeable_around(text, x..x + 1).expect("a placeable");
        assert!(isolated(text, &inner));
    }

    #[test]
    fn a_missing_message_becomes_a_commented_template() {
        let reference = ParsedFile::parse(
            "# Shown under the logo.\nhelpline = Call { -number }\n    .alt = Call\nnext = x\n".to_owned(),
        );
        let template = commented_template(&[&reference], "helpline", "pl").expect("found");
        assert!(
            template.ends_with("# Shown under the logo.\n# helpline = Call { -number }\n#     .alt = Call\n"),
            "{template}"
        );
        let parsed = ParsedFile::parse(template);
        assert!(parsed.ast().body.iter().all(|e| !matches!(e, Entry::Message(_))), "inert until uncommented");
    }
}
