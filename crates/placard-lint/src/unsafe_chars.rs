//! `unsafe-char`: bidi controls and invisible characters. In or around required text they are
//! errors: an override can reverse a phone number, a zero-width space inside it breaks search,
//! copy and tap-to-call. Elsewhere they are warnings only where the locale's script does not use
//! them on purpose (RLM in Arabic, ZWSP in Khmer and ZWNJ in Persian are normal).

use std::ops::Range;

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::ast::{Expression, InlineExpression, Pattern, PatternElement};
use placard_fluent::forms::Form;

use placard_fluent::EntryKind;
use placard_fluent::walk::ReferenceKind;
use rustc_hash::FxHashSet as HashSet;

use crate::LocaleContext;
use crate::bidi::normalize_space;
use crate::script::{Invisible, classify, describe, is_normal, may_contain_invisible};

/// Characters already reported as errors for a required message, and the entries (the message
/// and everything it references) whose text they may come from: no second, weaker finding.
#[derive(Debug, Default)]
pub struct Covered<'a> {
    pub entries: HashSet<(EntryKind, &'a str)>,
    pub chars: Vec<char>,
}

/// Warnings for unusual invisible characters anywhere in the locale's text, except those already
/// reported as errors in required text.
pub fn check(cx: &LocaleContext<'_, '_>, covered: &[Covered<'_>], out: &mut Vec<Diagnostic>) {
    for (i, file) in cx.catalog.files().iter().enumerate() {
        // One pass over the whole file first: most files have no such character at all, written
        // or escaped (`"\u202E"` in a string literal: a backslash is rare in Fluent text).
        let text = cx.input.files[i].parsed.text();
        if !may_contain_invisible(text) && memchr::memchr(b'\\', text.as_bytes()).is_none() {
            continue;
        }
        for entry in &file.entries {
            let patterns = entry.value.into_iter().chain(entry.attributes.iter().map(|a| &a.value));
            for pattern in patterns {
                each_text(cx, i, pattern, &mut |text, span, literal| {
                    if !may_contain_invisible(text) {
                        return;
                    }
                    for (at, c) in text.char_indices() {
                        if classify(c).is_none() || is_normal(c, cx.input.locale.script(), cx.rtl) {
                            continue;
                        }
                        let key = (entry.kind, entry.id.name);
                        if covered.iter().any(|cov| cov.chars.contains(&c) && cov.entries.contains(&key)) {
                            continue;
                        }
                        let span = if literal { span.clone() } else { span.start + at..span.start + at + c.len_utf8() };
                        out.push(
                            cx.at(Severity::Warning, Code::UnsafeChar, i, Some(span), format!("invisible character {} in `{}`", describe(c), entry.key()))
                                .message_id(entry.key())
                                .hint("It is unusual in this language and can hide or reorder text; delete it unless it is there on purpose."),
                        );
                    }
                });
            }
        }
    }
}

/// A piece of the translator's text, its byte span in the file, and whether it is a string
/// literal (whose escapes are applied, so characters have no position of their own).
type TextVisitor<'f> = dyn FnMut(&str, Range<usize>, bool) + 'f;

/// Calls `f` with every piece of the translator's text in `pattern`: text elements and string
/// literals, in every variant; identifiers are not text.
fn each_text(cx: &LocaleContext<'_, '_>, file: usize, pattern: &Pattern<&str>, f: &mut TextVisitor<'_>) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => f(value, cx.span(file, value), false),
            PatternElement::Placeable { expression } => each_expression_text(cx, file, expression, f),
        }
    }
}

fn each_expression_text(
    cx: &LocaleContext<'_, '_>,
    file: usize,
    expression: &Expression<&str>,
    f: &mut TextVisitor<'_>,
) {
    match expression {
        Expression::Inline(InlineExpression::StringLiteral { value }) => {
            // An escape like "\u202E" is as invisible to the reader as the character itself.
            f(&placard_fluent::forms::unescape(value), cx.span(file, value), true);
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => each_expression_text(cx, file, expression, f),
        Expression::Inline(_) => {}
        Expression::Select { variants, .. } => {
            for variant in variants {
                each_text(cx, file, &variant.value, f);
            }
        }
    }
}

/// Errors for bidi controls and invisible characters in or next to required text, in every form
/// of a required message. `span` locates the message (or attribute) in file `file`. Each error
/// points at the character where it is written (in the message or in a term it uses), so the
/// caret lands on it; when that is another entry, the required message is a related location.
pub fn check_required(
    cx: &LocaleContext<'_, '_>,
    file: usize,
    span: &Range<usize>,
    id: &str,
    forms: &[Form],
    contains: &[String],
    out: &mut Vec<Diagnostic>,
) -> Vec<char> {
    let mut reported: Vec<(char, String)> = Vec::new();
    let mut report = |c: char, needle: &str, why: String, out: &mut Vec<Diagnostic>| {
        if reported.iter().any(|(rc, rn)| *rc == c && rn == needle) {
            return;
        }
        reported.push((c, needle.to_owned()));
        let d = match written_at(cx, id, c.encode_utf8(&mut [0; 4])) {
            Some((at_file, at, _)) if !(at_file == file && span_within(&at, cx, file, id)) => {
                let related = format!("required message `{id}` shows it");
                let other = (at_file != file).then(|| cx.input.files[file].display.to_owned());
                cx.at(Severity::Error, Code::UnsafeChar, at_file, Some(at), why).related_in(
                    other,
                    span.clone(),
                    related,
                )
            }
            Some((at_file, at, _)) => cx.at(Severity::Error, Code::UnsafeChar, at_file, Some(at), why),
            None => cx.at(Severity::Error, Code::UnsafeChar, file, Some(span.clone()), why),
        };
        out.push(d.message_id(id).hint(
            "Delete it. To keep a number in order in right-to-left text, isolate it with U+2066 ... U+2069 instead.",
        ));
    };
    for form in forms {
        let chars: Vec<char> = visible_chars(form);
        for &c in &chars {
            if classify(c) == Some(Invisible::Override) {
                report(c, "", format!("{} in required message `{id}` can reorder the required text", describe(c)), out);
            }
        }
        for needle in contains {
            for (c, place) in invisible_in_or_around(&chars, needle) {
                if place != Place::NextTo || classify(c) == Some(Invisible::Hidden) {
                    let place = match place {
                        Place::Inside => "inside",
                        Place::ForSpace => "in place of a space in",
                        Place::NextTo => "next to",
                    };
                    report(c, needle, format!("{} {place} \"{needle}\" in required message `{id}`", describe(c)), out);
                }
            }
        }
    }
    reported.into_iter().map(|(c, _)| c).collect()
}

/// Whether `at` lies in the required message's own entry (its id to the end of its last line).
pub(crate) fn span_within(at: &Range<usize>, cx: &LocaleContext<'_, '_>, file: usize, id: &str) -> bool {
    let Some(entry) = cx.catalog.lookup(id) else { return false };
    let mut inside = false;
    let patterns = entry.value.into_iter().chain(entry.attributes.iter().map(|a| &a.value));
    for pattern in patterns {
        each_text(cx, file, pattern, &mut |_, span, _| inside |= span.start <= at.start && at.end <= span.end);
    }
    inside
}

/// Where `what` is first written in the text of required message `id` or of the messages and
/// terms it references (depth first, in the order written): a file index, the span of `what` (the
/// whole literal for a string literal, whose escapes have no position of their own) and the name
/// of the entry that holds it (`-helpline-number`).
pub(crate) fn written_at(cx: &LocaleContext<'_, '_>, id: &str, what: &str) -> Option<(usize, Range<usize>, String)> {
    let (_, attribute) = placard_fluent::split_attribute(id);
    let mut stack = vec![(cx.catalog.lookup(id)?, attribute)];
    let mut seen = HashSet::default();
    while let Some((entry, attribute)) = stack.pop() {
        if !seen.insert((entry.kind, entry.id.name, attribute)) {
            continue;
        }
        let Some(pattern) = entry.pattern(attribute) else { continue };
        let mut found = None;
        each_text(cx, entry.file, pattern, &mut |text, span, literal| {
            if found.is_none()
                && let Some(at) = text.find(what)
            {
                found = Some(if literal { span } else { span.start + at..span.start + at + what.len() });
            }
        });
        if let Some(span) = found {
            let name =
                if entry.kind == EntryKind::Term { format!("-{}", entry.id.name) } else { entry.id.name.to_owned() };
            return Some((entry.file, span, name));
        }
        let referenced = placard_fluent::walk::references(pattern).into_iter().filter_map(|r| {
            let kind = match r.kind {
                ReferenceKind::Message => EntryKind::Message,
                ReferenceKind::Term => EntryKind::Term,
                _ => return None,
            };
            cx.catalog.resolve(kind, r.name, r.attribute).map(|e| (e, r.attribute))
        });
        let referenced: Vec<_> = referenced.collect();
        stack.extend(referenced.into_iter().rev());
    }
    None
}

fn visible_chars(form: &Form) -> Vec<char> {
    form.visible().chars().collect()
}

/// Whether `text` shows `needle` once invisible characters inside it are skipped or read as the
/// spaces it has: then the fault is the character, which [`check_required`] reports where it is
/// written, and a `required-text` finding for the same fault would be a second one.
pub fn hides_in(text: &str, needle: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    invisible_in_or_around(&chars, needle).iter().any(|(_, place)| *place != Place::NextTo)
}

/// How an invisible character stands to an occurrence of required text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Inside,
    /// Where the required text has a space: the reader sees the digit groups run together.
    ForSpace,
    NextTo,
}

/// Invisible characters inside an occurrence of `needle` (found by skipping them, or by reading
/// one as a space the needle has there) or directly next to one.
fn invisible_in_or_around(chars: &[char], needle: &str) -> Vec<(char, Place)> {
    let needle: Vec<char> = needle.chars().map(normalize_space).collect();
    let mut found = Vec::new();
    if needle.is_empty() {
        return found;
    }
    for first in (0..chars.len()).filter(|&i| classify(chars[i]).is_none()) {
        let mut for_space = Vec::new();
        let Some(last) = match_from(chars, first, &needle, &mut for_space) else { continue };
        for (i, &c) in chars.iter().enumerate() {
            if classify(c).is_none() {
                continue;
            }
            if i > first && i < last {
                found.push((c, if for_space.contains(&i) { Place::ForSpace } else { Place::Inside }));
            } else if i + 1 == first || i == last + 1 {
                found.push((c, Place::NextTo));
            }
        }
    }
    found
}

/// The index of the last character of `needle` matched at `chars[first..]`, where invisible
/// characters are skipped or, where the needle has a space, read as it (their indexes go to
/// `for_space`). Invisible characters are rare, so trying both readings stays cheap.
fn match_from(chars: &[char], first: usize, needle: &[char], for_space: &mut Vec<usize>) -> Option<usize> {
    fn go(chars: &[char], i: usize, needle: &[char], j: usize, for_space: &mut Vec<usize>) -> Option<usize> {
        if j == needle.len() {
            return i.checked_sub(1);
        }
        let &c = chars.get(i)?;
        if classify(c).is_none() {
            return (normalize_space(c) == needle[j]).then(|| go(chars, i + 1, needle, j + 1, for_space)).flatten();
        }
        if let Some(last) = go(chars, i + 1, needle, j, for_space) {
            return Some(last);
        }
        if needle[j] == ' ' {
            for_space.push(i);
            if let Some(last) = go(chars, i + 1, needle, j + 1, for_space) {
                return Some(last);
            }
            for_space.pop();
        }
        None
    }
    go(chars, first, needle, 0, for_space)
}
