//! `unsafe-char`: bidi controls and invisible characters. In or around required text they are
//! errors: an override can reverse a phone number, a zero-width space inside it breaks search,
//! copy and tap-to-call. Elsewhere they are warnings only where the locale's script does not use
//! them on purpose (RLM in Arabic, ZWSP in Khmer and ZWNJ in Persian are normal).

use std::ops::Range;

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::ast::{Expression, InlineExpression, Pattern, PatternElement};
use placard_fluent::forms::Form;

use placard_fluent::EntryKind;
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
        for entry in &file.entries {
            let patterns = entry.value.into_iter().chain(entry.attributes.iter().map(|a| &a.value));
            for pattern in patterns {
                each_text(cx, i, pattern, &mut |text, span, literal| {
                    if !may_contain_invisible(text) {
                        return;
                    }
                    for (at, c) in text.char_indices() {
                        if classify(c).is_none() || is_normal(c, cx.language.as_ref(), cx.rtl) {
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
/// of a required message. `span` locates the message (or attribute) in file `file`.
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
        out.push(cx.at(Severity::Error, Code::UnsafeChar, file, Some(span.clone()), why).message_id(id).hint(
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
            for (c, inside) in invisible_in_or_around(&chars, needle) {
                if inside || classify(c) == Some(Invisible::Hidden) {
                    let place = if inside { "inside" } else { "next to" };
                    report(c, needle, format!("{} {place} \"{needle}\" in required message `{id}`", describe(c)), out);
                }
            }
        }
    }
    reported.into_iter().map(|(c, _)| c).collect()
}

fn visible_chars(form: &Form) -> Vec<char> {
    form.visible().chars().collect()
}

/// Invisible characters inside an occurrence of `needle` (found by skipping them) or directly
/// next to one; `true` for inside.
fn invisible_in_or_around(chars: &[char], needle: &str) -> Vec<(char, bool)> {
    let needle: Vec<char> = needle.chars().map(normalize_space).collect();
    let kept: Vec<usize> = (0..chars.len()).filter(|&i| classify(chars[i]).is_none()).collect();
    let mut found = Vec::new();
    if needle.is_empty() || kept.len() < needle.len() {
        return found;
    }
    for start in 0..=kept.len() - needle.len() {
        let window = &kept[start..start + needle.len()];
        if !window.iter().map(|&i| normalize_space(chars[i])).eq(needle.iter().copied()) {
            continue;
        }
        let (first, last) = (window[0], window[needle.len() - 1]);
        for (i, &c) in chars.iter().enumerate() {
            if classify(c).is_none() {
                continue;
            }
            if i > first && i < last {
                found.push((c, true));
            } else if i + 1 == first || i == last + 1 {
                found.push((c, false));
            }
        }
    }
    found
}
