//! `missing-message`, `obsolete-message`, `missing-attribute`: a translation against the
//! reference, file by file, as compare-locales compares them, with the same counts:
//! `missing` includes every entry of a file the locale lacks; entries of a file the reference
//! lacks are reported but not counted as obsolete.

use std::collections::HashSet;

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::{EntryKind, EntryRef, FileEntries};

use crate::{LocaleContext, LocaleSummary};

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) -> LocaleSummary {
    let mut summary = LocaleSummary {
        messages: cx.catalog.files().iter().map(|f| unique(f).len()).sum(),
        ..LocaleSummary::default()
    };
    let Some(reference) = cx.reference else { return summary };
    let missing_severity = if cx.rules.strict { Severity::Error } else { Severity::Warning };

    for ref_file in reference.catalog.files() {
        let ref_ids = unique(ref_file);
        let Some((i, file)) = cx.catalog.files().iter().enumerate().find(|(_, f)| f.path == ref_file.path) else {
            summary.missing += ref_ids.len();
            out.push(cx.at_path(
                missing_severity,
                Code::MissingMessage,
                ref_file.path,
                format!("missing file: {} ({} messages to translate)", ref_file.path, ref_ids.len()),
            )
            .hint(format!("Copy {} from the reference locale and translate it.", reference.input.display_path(ref_file.path))));
            continue;
        };
        let ids = unique(file);
        for entry in ref_entries(ref_file, &ids, false) {
            summary.missing += 1;
            out.push(
                cx.at(missing_severity, Code::MissingMessage, i, None, format!("`{}` is not translated", entry.key()))
                    .message_id(entry.key()),
            );
        }
        let ref_keys = unique(ref_file);
        for entry in ref_entries(file, &ref_keys, false) {
            summary.obsolete += 1;
            out.push(
                cx.at(Severity::Warning, Code::ObsoleteMessage, i, Some(cx.span(i, entry.id.name)), format!("`{}` is not in the reference any more", entry.key()))
                    .message_id(entry.key())
                    .hint("Delete it, or check whether the reference renamed it."),
            );
        }
        for entry in ref_entries(file, &ref_keys, true) {
            let Some(ref_entry) = ref_file.entries.iter().find(|e| (e.kind, e.id.name) == (entry.kind, entry.id.name)) else { continue };
            compare_fields(cx, i, ref_entry, &entry, out);
        }
    }
    for (i, file) in cx.catalog.files().iter().enumerate() {
        if reference.catalog.file(file.path).is_none() {
            out.push(
                cx.at(Severity::Warning, Code::ObsoleteMessage, i, None, format!("{} is not in the reference locale", file.path))
                    .hint("Delete this file, or check whether the reference moved it."),
            );
        }
    }
    summary
}

fn compare_fields(cx: &LocaleContext<'_, '_>, i: usize, reference: &EntryRef<'_>, entry: &EntryRef<'_>, out: &mut Vec<Diagnostic>) {
    let key = entry.key();
    let at = || Some(cx.span(i, entry.id.name));
    if reference.value.is_some() && entry.value.is_none() && entry.kind == EntryKind::Message {
        out.push(
            cx.at(Severity::Error, Code::EmptyMessage, i, at(), format!("`{key}` has no value, but the reference has one"))
                .message_id(&key),
        );
    }
    for attribute in reference.attributes {
        if entry.attribute(attribute.id.name).is_none() {
            out.push(
                cx.at(Severity::Error, Code::MissingAttribute, i, at(), format!("`{key}` lacks the attribute `.{}`", attribute.id.name))
                    .message_id(format!("{key}.{}", attribute.id.name))
                    .hint(format!("Add `.{} = ...` under `{key}`.", attribute.id.name)),
            );
        }
    }
    for attribute in entry.attributes {
        if reference.attribute(attribute.id.name).is_none() {
            out.push(
                cx.at(Severity::Warning, Code::ObsoleteMessage, i, Some(cx.span(i, attribute.id.name)), format!("`{key}.{}` is not in the reference", attribute.id.name))
                    .message_id(format!("{key}.{}", attribute.id.name)),
            );
        }
    }
}

type Key<'a> = (EntryKind, &'a str);

/// The distinct ids of a file.
fn unique<'a>(file: &FileEntries<'a>) -> HashSet<Key<'a>> {
    file.entries.iter().map(|e| (e.kind, e.id.name)).collect()
}

/// The first entry for each id of `file`, in file order, that is (`present`) or is not in `ids`.
fn ref_entries<'a>(file: &FileEntries<'a>, ids: &HashSet<Key<'_>>, present: bool) -> Vec<EntryRef<'a>> {
    let mut seen = HashSet::new();
    file.entries
        .iter()
        .filter(|e| seen.insert((e.kind, e.id.name)) && ids.contains(&(e.kind, e.id.name)) == present)
        .copied()
        .collect()
}
