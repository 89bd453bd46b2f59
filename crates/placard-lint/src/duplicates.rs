//! `duplicate-message`: the same id twice in one file. Fluent keeps the first definition, so the
//! second is dead text that a translator may believe is live. Ids in different files are allowed:
//! real trees ship alternative branding files that define the same terms.
//!
//! `duplicate-attribute`: the same attribute twice in one message or term. Implementations
//! disagree on which one they show (fluent-rs the first, fluent.js the last), so one of them is
//! dead text either way. Reported at the second and each later one, naming the first's line; an
//! error, as `duplicate-message` is (compare-locales warns about both).

use rustc_hash::FxHashMap as HashMap;

use placard_core::{Code, Diagnostic, LineIndex, Severity};

use crate::LocaleContext;

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    messages(cx, out);
    attributes(cx, out);
}

fn messages(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    for (i, file) in cx.catalog.files().iter().enumerate() {
        if file.unique_len() == file.entries.len() {
            continue;
        }
        let mut first = HashMap::default();
        let mut index = None;
        for entry in &file.entries {
            let span = cx.entry_span(entry);
            let Some(&earlier) = first.get(&(entry.kind, entry.id.name)) else {
                first.insert((entry.kind, entry.id.name), span.start);
                continue;
            };
            let index = index.get_or_insert_with(|| LineIndex::new(file.parsed.text()));
            let line = index.line_col(earlier).line;
            out.push(
                cx.at(
                    Severity::Error,
                    Code::DuplicateMessage,
                    i,
                    Some(span),
                    format!("`{}` is already defined on line {line}", entry.key()),
                )
                .message_id(entry.key())
                .hint("Fluent uses the first definition; delete one of the two."),
            );
        }
    }
}

fn attributes(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    for (i, file) in cx.catalog.files().iter().enumerate() {
        let mut index = None;
        for entry in file.entries.iter().filter(|e| e.attributes.len() > 1) {
            // `attribute` finds the first of a name (in log time: a message may have 100,000).
            for attribute in entry.attributes {
                let name = attribute.id.name;
                let Some(first) = entry.attribute(name).filter(|first| !std::ptr::eq(*first, attribute)) else {
                    continue;
                };
                let index = index.get_or_insert_with(|| LineIndex::new(file.parsed.text()));
                let line = index.line_col(cx.span(i, first.id.name).start).line;
                let key = format!("{}.{name}", entry.key());
                out.push(
                    cx.at(
                        Severity::Error,
                        Code::DuplicateAttribute,
                        i,
                        Some(cx.span(i, name)),
                        format!("`{key}` is already defined on line {line}"),
                    )
                    .message_id(&key)
                    .hint(format!("Delete one of the two `.{name} = ...` lines: Fluent implementations disagree on which one they show.")),
                );
            }
        }
    }
}
