//! `unresolved-reference`: every message and term reference must resolve within the locale (all
//! of its files), attributes included, and no chain of references may lead back to itself.
//!
//! Ids named in `locales.external` (defined by another product's files, as Thunderbird's brand
//! terms are) are taken as defined. A translation that uses an id exactly where the reference
//! also uses it unresolved is not blamed for the reference's gap: that is reported once, on the
//! reference locale.
//!
//! An id may be defined in several files that are alternatives, of which a build loads one:
//! Thunderbird's `mail/branding/{thunderbird,tb_beta,nightly}/brand.ftl`. A reference resolves
//! when some definition the application could load has what it asks for (the release branding
//! may give `-brand-short-name` a `.case-status` that the beta branding leaves out): the catalog's
//! one rule ([`placard_fluent::Catalog::resolve`]), by which the evaluator formats it too.
//!
//! One fault, one finding: a reference to a message or term the locale lacks but the reference
//! locale has is the untranslated entry's `missing-message` (its lacking attribute a
//! `missing-attribute`, its lacking value an `empty-message`), not also an unresolved reference.
//! A name the reference locale does not have either (a typo) is reported here.
//!
//! A select on a term attribute the term does not define is a warning, not an error: Fluent
//! then shows the select's default variant (see `term_attribute`).

use rustc_hash::FxHashMap as HashMap;

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::walk::{Reference, ReferenceKind, has_placeables, references};
use placard_fluent::{EntryKind, EntryRef};

use crate::LocaleContext;

/// A pattern: an entry's value (`None`) or one of its attributes. Cycles run between patterns,
/// so a message whose attribute shows its own other attribute is no cycle.
type Node<'a> = (EntryKind, &'a str, Option<&'a str>);

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    let mut edges: HashMap<Node<'_>, Vec<Node<'_>>> = HashMap::default();
    // The patterns that refer to anything, in file order: where a cycle search starts.
    let mut sources: Vec<Node<'_>> = Vec::new();
    for (i, file) in cx.catalog.files().iter().enumerate() {
        for entry in &file.entries {
            let patterns = entry.value.map(|p| (None, p)).into_iter();
            let patterns = patterns.chain(entry.attributes.iter().map(|a| (Some(a.id.name), &a.value)));
            for (attribute, pattern) in patterns.filter(|(_, p)| has_placeables(p)) {
                let mut targets = Vec::new();
                for reference in references(pattern) {
                    let kind = match reference.kind {
                        ReferenceKind::Message => EntryKind::Message,
                        ReferenceKind::Term => EntryKind::Term,
                        ReferenceKind::Variable | ReferenceKind::Function => continue,
                    };
                    targets.push((kind, reference.name, reference.attribute));
                    let Some(message) = unresolved(cx, kind, &reference) else {
                        continue;
                    };
                    if excused(cx, entry, &reference) || reported_as_missing(cx, kind, &reference) {
                        continue;
                    }
                    let span = cx.span(i, reference.name);
                    let start = if kind == EntryKind::Term { span.start.saturating_sub(1) } else { span.start };
                    let finding = match (kind, reference.attribute) {
                        (EntryKind::Term, Some(attribute)) => term_attribute(cx, reference.name, attribute, message),
                        _ => (
                            Severity::Error,
                            message,
                            "Check the spelling against the reference locale; readers would see the id in braces."
                                .to_owned(),
                        ),
                    };
                    let (severity, message, hint) = finding;
                    out.push(
                        cx.at(severity, Code::UnresolvedReference, i, Some(start..span.end), message)
                            .message_id(entry.key())
                            .hint(hint),
                    );
                }
                if !targets.is_empty() {
                    let node = (entry.kind, entry.id.name, attribute);
                    let known = edges.entry(node).or_default();
                    if known.is_empty() {
                        sources.push(node);
                    }
                    known.extend(targets);
                }
            }
        }
    }
    report_cycles(cx, &sources, &edges, out);
}

/// A term attribute the term does not define. Fluent lets a select choose on a term's attribute
/// (and only a select: `{ -brand.gender }` alone is a syntax error); when the attribute is not
/// there, the select always shows its default variant, and the forms the translator wrote for the
/// other values are never seen: a misspelt `.case_status` (Thunderbird's cs) loses the declined
/// brand name. Nothing proves the default form is right where another was meant, so it stays an
/// error (fail closed), which says what readers see and names the attributes the term has.
fn term_attribute(
    cx: &LocaleContext<'_, '_>,
    term: &str,
    attribute: &str,
    message: String,
) -> (Severity, String, String) {
    let mut names: Vec<&str> =
        cx.catalog.definitions(EntryKind::Term, term).flat_map(|d| d.attributes.iter().map(|a| a.id.name)).collect();
    names.sort_unstable();
    names.dedup();
    let hint = if names.is_empty() {
        format!(
            "`-{term}` has no attributes in this locale; choose on something else, or give the term `.{attribute} = ...`."
        )
    } else {
        let listed: Vec<String> = names.iter().map(|n| format!("`.{n}`")).collect();
        format!("Check the spelling: `-{term}` has {}.", listed.join(", "))
    };
    (Severity::Error, format!("{message}, so this select always shows its default variant"), hint)
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
pub(crate) fn unresolved(cx: &LocaleContext<'_, '_>, kind: EntryKind, reference: &Reference<'_>) -> Option<String> {
    let external = &cx.rules.external;
    if !external.is_empty() && external.contains(&display(kind, reference.name, None)) {
        return None;
    }
    let shown = || display(kind, reference.name, reference.attribute);
    if cx.catalog.get(kind, reference.name).is_none() {
        return Some(format!("`{}` is not defined in this locale", shown()));
    }
    if cx.catalog.resolve(kind, reference.name, reference.attribute).is_some() {
        return None;
    }
    match reference.attribute {
        Some(attribute) => Some(format!("`{}` has no attribute `.{attribute}`", display(kind, reference.name, None))),
        None => Some(format!("`{}` has no value to show", shown())),
    }
}

/// Whether what `reference` lacks in this translation is already reported by the comparison
/// with the reference locale: the entry is missing (`missing-message`), or the message is there
/// without the attribute or value the reference locale gives it (`missing-attribute`,
/// `empty-message`). Term attributes are not compared, so a term's lacking attribute stays here.
fn reported_as_missing(cx: &LocaleContext<'_, '_>, kind: EntryKind, reference: &Reference<'_>) -> bool {
    let Some(ref_cx) = cx.reference else {
        return false;
    };
    if ref_cx.catalog.get(kind, reference.name).is_none() {
        return false; // the reference does not have it either: a typo, or a gap of its own
    }
    if cx.catalog.get(kind, reference.name).is_none() {
        return true;
    }
    kind == EntryKind::Message && ref_cx.catalog.resolve(kind, reference.name, reference.attribute).is_some()
}

/// A translation's reference that the reference locale's same entry also makes, unresolved there.
fn excused(cx: &LocaleContext<'_, '_>, entry: &EntryRef<'_>, reference: &Reference<'_>) -> bool {
    let Some(ref_cx) = cx.reference else {
        return false;
    };
    let kind = if reference.kind == ReferenceKind::Term { EntryKind::Term } else { EntryKind::Message };
    let Some(ref_entry) = ref_cx.catalog.get(entry.kind, entry.id.name) else {
        return false;
    };
    entry_references(&ref_entry)
        .any(|r| r.kind == reference.kind && r.name == reference.name && r.attribute == reference.attribute)
        && unresolved(ref_cx, kind, reference).is_some()
}

/// Reports each reference cycle once, on the pattern of the cycle that comes first in the files
/// (`sources`: the patterns with references, in file order). One depth-first search over all
/// patterns: every pattern is visited once.
fn report_cycles(
    cx: &LocaleContext<'_, '_>,
    sources: &[Node<'_>],
    edges: &HashMap<Node<'_>, Vec<Node<'_>>>,
    out: &mut Vec<Diagnostic>,
) {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Mark {
        OnPath,
        Done,
    }
    let mut marks: HashMap<Node<'_>, Mark> = HashMap::default();
    let mut path: Vec<(Node<'_>, usize)> = Vec::new();
    for &start in sources {
        if marks.contains_key(&start) {
            continue;
        }
        marks.insert(start, Mark::OnPath);
        path.push((start, 0));
        while let Some((node, next)) = path.last_mut() {
            let targets = edges.get(node).map(Vec::as_slice).unwrap_or(&[]);
            let Some(&target) = targets.get(*next) else {
                marks.insert(*node, Mark::Done);
                path.pop();
                continue;
            };
            *next += 1;
            match marks.get(&target) {
                Some(Mark::Done) => {}
                Some(Mark::OnPath) => {
                    let at = path.iter().position(|(n, _)| *n == target).expect("on the path");
                    let cycle: Vec<Node<'_>> = path[at..].iter().map(|(n, _)| *n).collect();
                    out.push(cycle_diagnostic(cx, &cycle));
                }
                None if edges.contains_key(&target) => {
                    marks.insert(target, Mark::OnPath);
                    path.push((target, 0));
                }
                None => {}
            }
        }
    }
}

fn cycle_diagnostic(cx: &LocaleContext<'_, '_>, cycle: &[Node<'_>]) -> Diagnostic {
    let first = cycle[0];
    let chain: Vec<String> = cycle.iter().chain(std::iter::once(&first)).map(|(k, n, a)| display(*k, n, *a)).collect();
    let entry = cx.catalog.get(first.0, first.1).expect("a node of the graph is defined");
    cx.at(
        Severity::Error,
        Code::UnresolvedReference,
        entry.file,
        Some(cx.entry_span(&entry)),
        format!("reference cycle: {}", chain.join(" → ")),
    )
    .message_id(display(first.0, first.1, first.2))
    .hint("A message cannot contain itself; break the chain by writing the text out.")
}
