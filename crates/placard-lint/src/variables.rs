//! `variable-mismatch`: a translation must use the variables the application passes, and only
//! those. A variable the reference does not use is an error (the application never passes it,
//! so the reader sees `{$name}`); a dropped variable is a warning (some languages legitimately
//! leave a number out, as in "one file"). A variable used only as a selector counts as used.
//! Terms are skipped: their parameters belong to the locale.

use std::collections::BTreeSet;

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::EntryKind;
use placard_fluent::ast::Pattern;
use placard_fluent::walk::{ReferenceKind, references};

use crate::LocaleContext;

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    let Some(reference) = cx.reference else {
        return;
    };
    for (i, file) in cx.catalog.files().iter().enumerate() {
        let Some(ref_file) = reference.catalog.file(file.path) else {
            continue;
        };
        for entry in file.entries.iter().filter(|e| e.kind == EntryKind::Message) {
            let Some(ref_entry) = ref_file.get(EntryKind::Message, entry.id.name) else {
                continue;
            };
            if let (Some(pattern), Some(ref_pattern)) = (entry.value, ref_entry.value) {
                compare(cx, i, &|| entry.key(), entry.id.name, pattern, ref_pattern, out);
            }
            for attribute in entry.attributes {
                let Some(ref_attribute) = ref_entry.attribute(attribute.id.name) else {
                    continue;
                };
                let name = || format!("{}.{}", entry.key(), attribute.id.name);
                compare(cx, i, &name, entry.id.name, &attribute.value, &ref_attribute.value, out);
            }
        }
    }
}

/// `name` gives the message's display name; it is only built when there is something to say.
fn compare(
    cx: &LocaleContext<'_, '_>,
    i: usize,
    name: &dyn Fn() -> String,
    id: &str,
    pattern: &Pattern<&str>,
    reference: &Pattern<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let vars = variables(pattern);
    let ref_list = variables(reference);
    if vars.iter().map(|v| v.0).eq(ref_list.iter().map(|v| v.0)) {
        return; // the same variables in the same order: the common case
    }
    let ref_vars: BTreeSet<&str> = ref_list.into_iter().map(|(n, _)| n).collect();
    let mut reported = BTreeSet::new();
    for (var, slice) in &vars {
        if !ref_vars.contains(var) && reported.insert(*var) {
            // Point at the `$` before the name.
            let span = cx.span(i, slice);
            let start = span.start.saturating_sub(1);
            let name = name();
            out.push(
                cx.at(Severity::Error, Code::VariableMismatch, i, Some(start..span.end), format!("`{name}` uses ${var}, which the reference does not pass"))
                    .message_id(name)
                    .hint(format!("The application never supplies ${var}, so readers would see {{${var}}}. Check the spelling against the reference.")),
            );
        }
    }
    let used: BTreeSet<&str> = vars.iter().map(|(n, _)| *n).collect();
    for var in ref_vars.difference(&used) {
        let name = name();
        out.push(
            cx.at(
                Severity::Warning,
                Code::VariableMismatch,
                i,
                Some(cx.span(i, id)),
                format!("`{name}` does not use ${var}, which the reference uses"),
            )
            .message_id(name)
            .hint(format!(
                "If the reader needs this value, add {{ ${var} }}; a selector on ${var} also counts as using it."
            )),
        );
    }
}

/// Variable names with the slice of their identifier.
fn variables<'a>(pattern: &'a Pattern<&'a str>) -> Vec<(&'a str, &'a str)> {
    references(pattern).into_iter().filter(|r| r.kind == ReferenceKind::Variable).map(|r| (r.name, r.name)).collect()
}
