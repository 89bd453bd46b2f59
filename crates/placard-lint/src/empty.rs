//! `empty-message`: a value or attribute that shows nothing. (An entry with neither value nor
//! attributes is a syntax error and reported as such.)
//!
//! `{ "" }` is Fluent's way of writing an empty value on purpose: an access key a language does
//! without, a word its grammar leaves out (Thunderbird's `retention-messages` in Dutch), a
//! contributors list nobody has filled in, in the reference too. So it is never an error; a
//! translation that shows nothing where the reference shows text is a warning, for a reviewer to
//! look at. The error is kept for what cannot be on purpose: a message with attributes but no
//! value where the reference has one (`compare.rs`).

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::EntryRef;
use placard_fluent::ast::{Expression, InlineExpression, Pattern, PatternElement};

use crate::LocaleContext;

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    let Some(reference) = cx.reference else {
        return; // the reference, or nothing to compare with: an empty value is the author's choice
    };
    for (i, file) in cx.catalog.files().iter().enumerate() {
        let ref_file = reference.catalog.file(file.path);
        for entry in &file.entries {
            let ref_entry = ref_file.and_then(|f| f.get(entry.kind, entry.id.name));
            let patterns = entry.value.map(|p| (None, p)).into_iter();
            let patterns = patterns.chain(entry.attributes.iter().map(|a| (Some(a), &a.value)));
            for (attribute, pattern) in patterns {
                if !is_blank(pattern) || !shows_text(ref_entry, attribute.map(|a| a.id.name)) {
                    continue;
                }
                let (span, name) = match attribute {
                    Some(a) => (cx.span(i, a.id.name), format!("{}.{}", entry.key(), a.id.name)),
                    None => (cx.entry_span(entry), entry.key()),
                };
                out.push(
                    cx.at(Severity::Warning, Code::EmptyMessage, i, Some(span), format!("`{name}` is empty, but the reference shows text"))
                        .message_id(name)
                        .hint("`{ \"\" }` leaves it empty on purpose (an access key or a word the language does without); otherwise write the text, or delete the entry so that it counts as missing."),
                );
            }
        }
    }
}

/// Whether the reference's entry has this pattern (the value, or the attribute) and shows text.
fn shows_text(reference: Option<&EntryRef<'_>>, attribute: Option<&str>) -> bool {
    reference.and_then(|r| r.pattern(attribute)).is_some_and(|p| !is_blank(p))
}

fn is_blank(pattern: &Pattern<&str>) -> bool {
    pattern.elements.iter().all(|element| match element {
        PatternElement::TextElement { value } => value.trim().is_empty(),
        PatternElement::Placeable { expression: Expression::Inline(InlineExpression::StringLiteral { value }) } => {
            value.trim().is_empty()
        }
        PatternElement::Placeable { .. } => false,
    })
}
