//! `missing-message`, `obsolete-message`, `missing-attribute`, `obsolete-value`: a translation against the
//! reference, file by file, as compare-locales compares them, with the same counts:
//! `missing` includes every entry of a file the locale lacks; entries of a file the reference
//! lacks are reported but not counted as obsolete.

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::ast::PatternElement;
use placard_fluent::{EntryKind, EntryRef, FileEntries};

use crate::{LocaleContext, LocaleSummary};

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) -> LocaleSummary {
    let mut summary = LocaleSummary {
        messages: cx.catalog.files().iter().map(FileEntries::unique_len).sum(),
        ..LocaleSummary::default()
    };
    let Some(reference) = cx.reference else {
        return summary;
    };
    let missing_severity = if cx.rules.strict { Severity::Error } else { Severity::Warning };

    for ref_file in reference.catalog.files() {
        let Some(i) = cx.catalog.index_of(ref_file.path) else {
            let count = ref_file.unique_len();
            summary.missing += count;
            out.push(
                cx.at_path(
                    missing_severity,
                    Code::MissingMessage,
                    ref_file.path,
                    format!("missing file: {} ({count} messages to translate)", ref_file.path),
                )
                .hint(format!(
                    "Copy {} from the reference locale and translate it.",
                    reference.input.display_path(ref_file.path)
                )),
            );
            continue;
        };
        let file = &cx.catalog.files()[i];
        for entry in ref_file.unique().filter(|e| !file.contains(e.kind, e.id.name)) {
            // Still counted, as compare-locales counts it, but the `syntax` finding already
            // names the message it cost; a second finding would send the translator to translate
            // what only needs a brace.
            summary.missing += 1;
            if lost_to_syntax(file, &entry.key()) {
                continue;
            }
            out.push(
                cx.at(missing_severity, Code::MissingMessage, i, None, format!("`{}` is not translated", entry.key()))
                    .message_id(entry.key()),
            );
        }
        for entry in file.unique().filter(|e| !ref_file.contains(e.kind, e.id.name)) {
            summary.obsolete += 1;
            out.push(
                cx.at(
                    Severity::Warning,
                    Code::ObsoleteMessage,
                    i,
                    Some(cx.entry_span(entry)),
                    format!("`{}` is not in the reference any more", entry.key()),
                )
                .message_id(entry.key())
                .hint("Delete it, or check whether the reference renamed it."),
            );
        }
        for entry in file.unique() {
            if let Some(ref_entry) = ref_file.get(entry.kind, entry.id.name) {
                compare_fields(cx, i, ref_entry, entry, out);
            }
        }
    }
    for (i, file) in cx.catalog.files().iter().enumerate() {
        if reference.catalog.file(file.path).is_none() {
            out.push(
                cx.at(
                    Severity::Warning,
                    Code::ObsoleteMessage,
                    i,
                    None,
                    format!("{} is not in the reference locale", file.path),
                )
                .hint("Delete this file, or check whether the reference moved it."),
            );
        }
    }
    summary
}

/// Whether a syntax error in `file` made the parser skip `key` (`hello`, `-brand`, `hello.label`).
fn lost_to_syntax(file: &FileEntries<'_>, key: &str) -> bool {
    file.parsed.problems().iter().any(|p| p.lost.as_deref() == Some(key))
}

fn compare_fields(
    cx: &LocaleContext<'_, '_>,
    i: usize,
    reference: &EntryRef<'_>,
    entry: &EntryRef<'_>,
    out: &mut Vec<Diagnostic>,
) {
    // Most entries match their reference: the key is only spelled out for a finding.
    let key = || entry.key();
    let at = || Some(cx.entry_span(entry));
    if reference.value.is_some() && entry.value.is_none() && entry.kind == EntryKind::Message {
        let key = key();
        out.push(
            cx.at(
                Severity::Error,
                Code::EmptyMessage,
                i,
                at(),
                format!("`{key}` has no value, but the reference has one"),
            )
            .message_id(&key),
        );
    }
    if reference.value.is_none()
        && entry.kind == EntryKind::Message
        && let Some(value) = entry.value
    {
        let key = key();
        // The reference localizes only the element's attributes; a value would replace the
        // element's own content (compare-locales' obsolete-value, an error there too).
        let span = value.elements.first().map_or_else(|| cx.entry_span(entry), |e| element_span(cx, i, e, entry));
        out.push(
            cx.at(
                Severity::Error,
                Code::ObsoleteValue,
                i,
                Some(span),
                format!("`{key}` has a value, but the reference's has only attributes"),
            )
            .message_id(&key)
            .hint("Delete the text after `=` and keep the attributes: the application shows only those, and a value would replace the element's content."),
        );
    }
    if entry.kind == EntryKind::Term {
        // A term's attributes (`.gender`, `.case`) belong to each locale's grammar.
        return;
    }
    let file = &cx.catalog.files()[i];
    for attribute in reference.attributes {
        if entry.attribute(attribute.id.name).is_none()
            && !lost_to_syntax(file, &format!("{}.{}", key(), attribute.id.name))
        {
            let key = key();
            out.push(
                cx.at(
                    Severity::Error,
                    Code::MissingAttribute,
                    i,
                    at(),
                    format!("`{key}` lacks the attribute `.{}`", attribute.id.name),
                )
                .message_id(format!("{key}.{}", attribute.id.name))
                .hint(format!("Add `.{} = ...` under `{key}`.", attribute.id.name)),
            );
        }
    }
    for attribute in entry.attributes {
        if reference.attribute(attribute.id.name).is_none() {
            let key = key();
            out.push(
                cx.at(
                    Severity::Warning,
                    Code::ObsoleteMessage,
                    i,
                    Some(cx.span(i, attribute.id.name)),
                    format!("`{key}.{}` is not in the reference", attribute.id.name),
                )
                .message_id(format!("{key}.{}", attribute.id.name)),
            );
        }
    }
}

/// Where a pattern element starts: its text, or the id's span when it has none to point at.
fn element_span(
    cx: &LocaleContext<'_, '_>,
    i: usize,
    element: &PatternElement<&str>,
    entry: &EntryRef<'_>,
) -> std::ops::Range<usize> {
    match element {
        PatternElement::TextElement { value } if !value.is_empty() => cx.span(i, value),
        _ => cx.entry_span(entry),
    }
}
