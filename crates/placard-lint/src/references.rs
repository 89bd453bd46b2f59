//! `unresolved-reference`: every message and term reference must resolve within the locale (all
//! of its files), attributes included, and no chain of references may lead back to itself.
//!
//! Ids named in `locales.external` (defined by another product's files, as Thunderbird's brand
//! terms are) are taken as defined. A translation that uses an id exactly where the reference
//! also uses it unresolved is not blamed for the reference's gap: that is reported once, on the
//! reference locale.

use std::collections::{HashMap, HashSet};

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::walk::{Reference, ReferenceKind, references};
use placard_fluent::{EntryKind, EntryRef};

use crate::LocaleContext;

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    let mut edges: HashMap<(EntryKind, &str), Vec<(EntryKind, &str)>> = HashMap::new();
    for (i, file) in cx.catalog.files().iter().enumerate() {
        for entry in &file.entries {
            let node = edges.entry((entry.kind, entry.id.name)).or_default();
            for reference in entry_references(entry) {
                let kind = match reference.kind {
                    ReferenceKind::Message => EntryKind::Message,
                    ReferenceKind::Term => EntryKind::Term,
                    ReferenceKind::Variable | ReferenceKind::Function => continue,
                };
                node.push((kind, reference.name));
                if let Some(message) = unresolved(cx, kind, &reference) {
                    if excused(cx, entry, &reference) {
                        continue;
                    }
                    let span = cx.span(i, reference.name);
                    let start = if kind == EntryKind::Term { span.start.saturating_sub(1) } else { span.start };
                    out.push(
                        cx.at(Severity::Error, Code::UnresolvedReference, i, Some(start..span.end), message)
                            .message_id(entry.key())
                            .hint("Check the spelling against the reference locale; readers would see the id in braces."),
                    );
                }
            }
        }
    }
    report_cycles(cx, &edges, out);
}

fn entry_references<'a>(entry: &EntryRef<'a>) -> impl Iterator<Item = Reference<'a>> {
    entry.value.into_iter().chain(entry.attributes.iter().map(|a| &a.value)).flat_map(references)
}

fn display(kind: EntryKind, name: &str, attribute: Option<&str>) -> String {
    let sigil = if kind == EntryKind::Term { "-" } else { "" };
    match attribute {
        Some(a) => format!("{sigil}{name}.{a}"),
        None => format!("{sigil}{name}"),
    }
}

/// Why `reference` does not resolve, or `None` when it does.
fn unresolved(cx: &LocaleContext<'_, '_>, kind: EntryKind, reference: &Reference<'_>) -> Option<String> {
    let shown = display(kind, reference.name, reference.attribute);
    if cx.rules.external.contains(&display(kind, reference.name, None)) {
        return None;
    }
    let Some(target) = cx.catalog.get(kind, reference.name) else {
        return Some(format!("`{shown}` is not defined in this locale"));
    };
    match reference.attribute {
        Some(attribute) if target.attribute(attribute).is_none() => {
            Some(format!("`{}` has no attribute `.{attribute}`", display(kind, reference.name, None)))
        }
        None if target.value.is_none() => Some(format!("`{shown}` has no value to show")),
        _ => None,
    }
}

/// A translation's reference that the reference locale's same entry also makes, unresolved there.
fn excused(cx: &LocaleContext<'_, '_>, entry: &EntryRef<'_>, reference: &Reference<'_>) -> bool {
    let Some(ref_cx) = cx.reference else { return false };
    let kind = if reference.kind == ReferenceKind::Term { EntryKind::Term } else { EntryKind::Message };
    let Some(ref_entry) = ref_cx.catalog.get(entry.kind, entry.id.name) else { return false };
    entry_references(&ref_entry).any(|r| r.kind == reference.kind && r.name == reference.name && r.attribute == reference.attribute)
        && unresolved(ref_cx, kind, reference).is_some()
}

/// Reports each reference cycle once, on the entry of the cycle that comes first in the files.
fn report_cycles(cx: &LocaleContext<'_, '_>, edges: &HashMap<(EntryKind, &str), Vec<(EntryKind, &str)>>, out: &mut Vec<Diagnostic>) {
    let mut done: HashSet<(EntryKind, &str)> = HashSet::new();
    let mut reported: HashSet<Vec<(EntryKind, &str)>> = HashSet::new();
    for (i, file) in cx.catalog.files().iter().enumerate() {
        for entry in &file.entries {
            let start = (entry.kind, entry.id.name);
            if done.contains(&start) {
                continue;
            }
            // Iterative depth-first search; `path` is the chain from `start`.
            let mut path = vec![start];
            let mut next = vec![0usize];
            let mut on_path: HashSet<(EntryKind, &str)> = HashSet::from([start]);
            while let Some(&node) = path.last() {
                let targets = edges.get(&node).map(Vec::as_slice).unwrap_or(&[]);
                let k = next.last_mut().expect("parallel to path");
                if let Some(&target) = targets.get(*k) {
                    *k += 1;
                    if on_path.contains(&target) {
                        let at = path.iter().position(|n| *n == target).expect("on path");
                        let mut cycle: Vec<_> = path[at..].to_vec();
                        let mut key = cycle.clone();
                        key.sort();
                        if reported.insert(key) {
                            cycle.push(target);
                            let chain: Vec<String> = cycle.iter().map(|(k, n)| display(*k, n, None)).collect();
                            let first = cx.catalog.get(cycle[0].0, cycle[0].1);
                            let (file_i, span) = match first {
                                Some(e) => (e.file, cx.span(e.file, e.id.name)),
                                None => (i, cx.span(i, entry.id.name)),
                            };
                            out.push(
                                cx.at(Severity::Error, Code::UnresolvedReference, file_i, Some(span), format!("reference cycle: {}", chain.join(" → ")))
                                    .message_id(display(cycle[0].0, cycle[0].1, None))
                                    .hint("A message cannot contain itself; break the chain by writing the text out."),
                            );
                        }
                    } else if !done.contains(&target) && edges.contains_key(&target) {
                        path.push(target);
                        next.push(0);
                        on_path.insert(target);
                    }
                } else {
                    done.insert(node);
                    on_path.remove(&node);
                    path.pop();
                    next.pop();
                }
            }
        }
    }
}
