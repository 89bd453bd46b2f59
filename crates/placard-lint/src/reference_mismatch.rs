//! `reference-mismatch`: a message's value and each of its attributes should show the messages and
//! terms the reference's same pattern shows, no more and no fewer (compare-locales'
//! missing/obsolete msg-ref and term-ref). A translation that still shows `{ button.label }`
//! after the reference changed to `{ button.tooltip }` resolves, so `unresolved-reference` is
//! silent, but the reader sees the old text.
//!
//! Compared as compare-locales compares them: pattern by pattern; a term's attributes
//! (`-brand.gender`) and the selector of a select are not compared (they choose a form, they show
//! nothing); terms are not compared (their text belongs to the locale). A pattern the translation
//! lacks is `missing-attribute` or `empty-message`, one the reference lacks `obsolete-message`,
//! so neither is compared here. Warnings, as compare-locales reports them: the text still shows,
//! and a translation may have good reason to write a brand name out. A reference that changed is
//! one finding, at the reference as written, naming what the reference shows now. A pattern
//! with a reference that does not resolve (a typo) is left to `unresolved-reference`.

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::EntryKind;
use placard_fluent::EntryRef;
use placard_fluent::ast::Pattern;
use placard_fluent::walk::{Reference, ReferenceKind, has_placeables, references};

use crate::{LocaleContext, references};

/// `judged`: the messages (`id` or `id.attribute`) that `required-text` found fault with, whose
/// text is not compared again.
pub fn check(cx: &LocaleContext<'_, '_>, judged: &[String], out: &mut Vec<Diagnostic>) {
    for (i, entry, ref_entry) in cx.translated_messages() {
        // A duplicated attribute is compared once, as Fluent reads it: the first.
        let attributes =
            entry.attributes.iter().filter(|a| entry.attribute(a.id.name).is_some_and(|f| std::ptr::eq(f, *a)));
        let patterns = entry.value.map(|p| (None, p)).into_iter();
        for (attribute, pattern) in patterns.chain(attributes.map(|a| (Some(a.id.name), &a.value))) {
            let Some(ref_pattern) = ref_entry.pattern(attribute) else {
                continue;
            };
            // Text alone shows no other entry: most patterns of a product's tree.
            if !has_placeables(pattern) && !has_placeables(ref_pattern) {
                continue;
            }
            if !judged.is_empty() && judged.contains(&pattern_name(&entry, attribute)) {
                continue;
            }
            compare(cx, i, &entry, attribute, pattern, ref_pattern, out);
        }
    }
}

/// What a pattern shows of other entries: message references (with their attribute) and terms
/// (without: a term attribute only chooses a form), outside selectors, once each in source order.
fn shown<'a>(pattern: &'a Pattern<&'a str>) -> Vec<Reference<'a>> {
    let mut out: Vec<Reference<'a>> = Vec::new();
    for r in references(pattern) {
        let shows = match r.kind {
            ReferenceKind::Message => !r.as_selector,
            ReferenceKind::Term => !r.as_selector && r.attribute.is_none(),
            ReferenceKind::Variable | ReferenceKind::Function => false,
        };
        if shows && !out.iter().any(|o| same(o, &r)) {
            out.push(r);
        }
    }
    out
}

/// `id` for a message's value, `id.attribute` for an attribute.
fn pattern_name(entry: &EntryRef<'_>, attribute: Option<&str>) -> String {
    match attribute {
        Some(a) => format!("{}.{a}", entry.key()),
        None => entry.key(),
    }
}

fn kind_of(r: &Reference<'_>) -> EntryKind {
    if r.kind == ReferenceKind::Term { EntryKind::Term } else { EntryKind::Message }
}

fn same(a: &Reference<'_>, b: &Reference<'_>) -> bool {
    a.kind == b.kind && a.name == b.name && a.attribute == b.attribute
}

/// `{ button.label }`, `{ -brand-short-name }`: a reference as a translator types it.
fn written(r: &Reference<'_>) -> String {
    let sigil = if r.kind == ReferenceKind::Term { "-" } else { "" };
    match r.attribute {
        Some(a) => format!("{{ {sigil}{}.{a} }}", r.name),
        None => format!("{{ {sigil}{} }}", r.name),
    }
}

fn compare(
    cx: &LocaleContext<'_, '_>,
    i: usize,
    entry: &EntryRef<'_>,
    attribute: Option<&str>,
    pattern: &Pattern<&str>,
    ref_pattern: &Pattern<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let ours = shown(pattern);
    let theirs = shown(ref_pattern);
    if ours.len() == theirs.len() && ours.iter().zip(&theirs).all(|(a, b)| same(a, b)) {
        return; // the common case: the same references in the same order
    }
    if ours.iter().any(|r| references::unresolved(cx, kind_of(r), r).is_some()) {
        return; // a misspelt reference: `unresolved-reference` reports it, as an error
    }
    let name = pattern_name(entry, attribute);
    let obsolete: Vec<&Reference<'_>> = ours.iter().filter(|o| !theirs.iter().any(|t| same(o, t))).collect();
    let mut missing: Vec<&Reference<'_>> = theirs.iter().filter(|t| !ours.iter().any(|o| same(o, t))).collect();
    for old in obsolete {
        let span = cx.span(i, old.name);
        let start = if old.kind == ReferenceKind::Term { span.start.saturating_sub(1) } else { span.start };
        let end = old.attribute.map_or(span.end, |a| cx.span(i, a).end.max(span.end));
        // A reference that changed: the reference shows another of the same kind instead.
        let instead = missing.iter().position(|m| m.kind == old.kind).map(|at| missing.remove(at));
        let (message, hint) = match instead {
            Some(new) => (
                format!("`{name}` shows {}, where the reference now shows {}", written(old), written(new)),
                format!("Write {} instead of {}.", written(new), written(old)),
            ),
            None => (
                format!("`{name}` shows {}, which the reference's does not", written(old)),
                "Check whether the reference dropped or renamed it; delete it if so.".to_owned(),
            ),
        };
        out.push(
            cx.at(Severity::Warning, Code::ReferenceMismatch, i, Some(start..end), message)
                .message_id(&name)
                .hint(hint),
        );
    }
    let at = match attribute.and_then(|a| entry.attribute(a)) {
        Some(a) => cx.span(i, a.id.name),
        None => cx.entry_span(entry),
    };
    // What the locale lacks altogether is its `missing-message` first: a translator cannot show
    // a term that is not there.
    for new in missing.into_iter().filter(|m| cx.catalog.get(kind_of(m), m.name).is_some()) {
        out.push(
            cx.at(
                Severity::Warning,
                Code::ReferenceMismatch,
                i,
                Some(at.clone()),
                format!("`{name}` does not show {}, which the reference's does", written(new)),
            )
            .message_id(&name)
            .hint(format!("Add {} where the sentence needs it.", written(new))),
        );
    }
}
