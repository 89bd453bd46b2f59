//! `empty-message`: a value or attribute that shows nothing. (An entry with neither value nor
//! attributes is a syntax error and reported as such.)

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::ast::{Expression, InlineExpression, Pattern, PatternElement};

use crate::LocaleContext;

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    for (i, file) in cx.catalog.files().iter().enumerate() {
        for entry in &file.entries {
            let patterns = entry.value.map(|p| (None, p)).into_iter();
            let patterns = patterns.chain(entry.attributes.iter().map(|a| (Some(a), &a.value)));
            for (attribute, pattern) in patterns {
                if !is_blank(pattern) {
                    continue;
                }
                let (span, name) = match attribute {
                    Some(a) => (cx.span(i, a.id.name), format!("{}.{}", entry.key(), a.id.name)),
                    None => (cx.entry_span(entry), entry.key()),
                };
                out.push(
                    cx.at(Severity::Error, Code::EmptyMessage, i, Some(span), format!("`{name}` is empty"))
                        .message_id(name)
                        .hint("Write the text, or delete the entry so that the reference text is used and it is counted as missing."),
                );
            }
        }
    }
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
