//! What a pattern refers to: variables, messages, terms and functions, found anywhere in it
//! (nested placeables, selectors, every variant, call arguments); and the select expressions
//! it holds.

use fluent_syntax::ast::{CallArguments, Expression, InlineExpression, Pattern, PatternElement, Variant};

/// What kind of name a [`Reference`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReferenceKind {
    /// `$name`
    Variable,
    /// `name` or `name.attr`
    Message,
    /// `-name` or `-name.attr`
    Term,
    /// `NAME(...)`
    Function,
}

/// One use of a name inside a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference<'a> {
    pub kind: ReferenceKind,
    /// The identifier as written, without `$` or `-`; it borrows from the file's text.
    pub name: &'a str,
    pub attribute: Option<&'a str>,
    /// True when this use is the selector of a select expression (`{ $n -> ... }`).
    pub as_selector: bool,
}

/// Every reference in `pattern`, in source order.
pub fn references<'a>(pattern: &'a Pattern<&'a str>) -> Vec<Reference<'a>> {
    let mut out = Vec::new();
    if !has_placeables(pattern) {
        return out;
    }
    visit_pattern(pattern, &mut out);
    out
}

/// Whether `pattern` has any placeable; most patterns are plain text and refer to nothing.
pub fn has_placeables(pattern: &Pattern<&str>) -> bool {
    pattern.elements.iter().any(|e| matches!(e, PatternElement::Placeable { .. }))
}

fn visit_pattern<'a>(pattern: &'a Pattern<&'a str>, out: &mut Vec<Reference<'a>>) {
    for expression in placeables(pattern) {
        visit_expression(expression, out);
    }
}

/// The expressions of a pattern's placeables, in order.
fn placeables<'a>(pattern: &'a Pattern<&'a str>) -> impl Iterator<Item = &'a Expression<&'a str>> {
    pattern.elements.iter().filter_map(|element| match element {
        PatternElement::Placeable { expression } => Some(expression),
        PatternElement::TextElement { .. } => None,
    })
}

/// A call's arguments, positional then named.
fn call_arguments<'a>(arguments: &'a CallArguments<&'a str>) -> impl Iterator<Item = &'a InlineExpression<&'a str>> {
    arguments.positional.iter().chain(arguments.named.iter().map(|n| &n.value))
}

fn visit_expression<'a>(expression: &'a Expression<&'a str>, out: &mut Vec<Reference<'a>>) {
    match expression {
        Expression::Inline(inline) => visit_inline(inline, false, out),
        Expression::Select { selector, variants } => {
            visit_inline(selector, true, out);
            for variant in variants {
                visit_pattern(&variant.value, out);
            }
        }
    }
}

fn visit_inline<'a>(inline: &'a InlineExpression<&'a str>, as_selector: bool, out: &mut Vec<Reference<'a>>) {
    let mut push = |kind, name, attribute| out.push(Reference { kind, name, attribute, as_selector });
    match inline {
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
        InlineExpression::VariableReference { id } => push(ReferenceKind::Variable, id.name, None),
        InlineExpression::MessageReference { id, attribute } => {
            push(ReferenceKind::Message, id.name, attribute.as_ref().map(|a| a.name));
        }
        InlineExpression::TermReference { id, attribute, arguments } => {
            push(ReferenceKind::Term, id.name, attribute.as_ref().map(|a| a.name));
            if let Some(arguments) = arguments {
                for argument in call_arguments(arguments) {
                    visit_inline(argument, false, out);
                }
            }
        }
        InlineExpression::FunctionReference { id, arguments } => {
            push(ReferenceKind::Function, id.name, None);
            for argument in call_arguments(arguments) {
                // A selector's function arguments are selector input too: `{ NUMBER($n) -> ...}`.
                visit_inline(argument, as_selector, out);
            }
        }
        InlineExpression::Placeable { expression } => visit_expression(expression, out),
    }
}

/// A select expression: its selector and its variants.
pub type Select<'a> = (&'a InlineExpression<&'a str>, &'a [Variant<&'a str>]);

/// Every select expression in `pattern`, nested ones included (in variants, in placeables, in
/// call arguments), each before those inside it.
pub fn selects<'a>(pattern: &'a Pattern<&'a str>) -> Vec<Select<'a>> {
    let mut out = Vec::new();
    if has_placeables(pattern) {
        selects_in_pattern(pattern, &mut out);
    }
    out
}

fn selects_in_pattern<'a>(pattern: &'a Pattern<&'a str>, out: &mut Vec<Select<'a>>) {
    for expression in placeables(pattern) {
        selects_in_expression(expression, out);
    }
}

fn selects_in_expression<'a>(expression: &'a Expression<&'a str>, out: &mut Vec<Select<'a>>) {
    match expression {
        Expression::Inline(inline) => selects_in_inline(inline, out),
        Expression::Select { selector, variants } => {
            out.push((selector, variants));
            selects_in_inline(selector, out);
            for variant in variants {
                selects_in_pattern(&variant.value, out);
            }
        }
    }
}

fn selects_in_inline<'a>(inline: &'a InlineExpression<&'a str>, out: &mut Vec<Select<'a>>) {
    let arguments = match inline {
        InlineExpression::Placeable { expression } => return selects_in_expression(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => Some(arguments),
        InlineExpression::TermReference { arguments, .. } => arguments.as_ref(),
        _ => None,
    };
    for argument in arguments.into_iter().flat_map(call_arguments) {
        selects_in_inline(argument, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;

    fn refs_of(source: &str) -> Vec<(ReferenceKind, String, bool)> {
        let resource = fluent_syntax::parser::parse(source).expect("valid test source");
        let Entry::Message(message) = &resource.body[0] else { panic!("expected a message") };
        references(message.value.as_ref().expect("a value"))
            .into_iter()
            .map(|r| (r.kind, r.name.to_owned(), r.as_selector))
            .collect()
    }

    #[test]
    fn finds_references_everywhere() {
        use ReferenceKind::*;
        let found = refs_of(
            "m = { NUMBER($count) ->\n  [one] { -brand(case: \"genitive\") } and { other.attr } { FORMAT($case) }\n *[other] { { $count } }\n}\n",
        );
        assert_eq!(
            found,
            vec![
                (Function, "NUMBER".into(), true),
                (Variable, "count".into(), true),
                (Term, "brand".into(), false),
                (Message, "other".into(), false),
                (Function, "FORMAT".into(), false),
                (Variable, "case".into(), false),
                (Variable, "count".into(), false),
            ]
        );
    }

    #[test]
    fn finds_nested_selects() {
        let source = "m = { $a ->\n  [x] { $b ->\n    [y] Y\n   *[z] Z\n  }\n *[w] { { $c ->\n    *[v] V\n  } }\n}\n";
        let resource = fluent_syntax::parser::parse(source).expect("valid test source");
        let Entry::Message(message) = &resource.body[0] else { panic!("expected a message") };
        let found: Vec<usize> =
            selects(message.value.as_ref().expect("a value")).iter().map(|(_, v)| v.len()).collect();
        assert_eq!(found, vec![2, 2, 1]);
    }
}
