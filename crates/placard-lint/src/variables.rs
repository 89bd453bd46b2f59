//! `variable-mismatch`: a translation must use the variables the application passes, and only
//! those. The application passes one set of arguments per message, for its value and all of its
//! attributes together, so a message is compared as a whole: a tooltip may show `$count` where
//! the reference's tooltip shows `$categories`, as long as the reference's message uses `$count`
//! somewhere. A variable the reference's message does not use is an error (the application never
//! passes it, so the reader sees `{$name}`, or, when it only chooses a variant, always the
//! default variant, whatever form was meant); a dropped variable is a warning (some languages
//! legitimately leave a number out, as in "one file"). A variable used only as a selector counts
//! as used. A variable the reference uses only to choose a plural form is not missed in a
//! language whose numbers have one plural form (Japanese, Korean, Chinese): it would have
//! nothing to choose. Terms are skipped: their parameters belong to the locale.

use std::collections::BTreeSet;

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::ast::{Expression, InlineExpression, Pattern, PatternElement, VariantKey};
use placard_fluent::walk::{ReferenceKind, has_placeables, references};
use placard_fluent::{EntryKind, EntryRef};

use crate::LocaleContext;

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    let Some(reference) = cx.reference else {
        return;
    };
    let one_plural_form = cx.plural_categories() == Some(1);
    for (i, file) in cx.catalog.files().iter().enumerate() {
        let Some(ref_file) = reference.catalog.file(file.path) else {
            continue;
        };
        for entry in file.entries.iter().filter(|e| e.kind == EntryKind::Message) {
            if let Some(ref_entry) = ref_file.get(EntryKind::Message, entry.id.name) {
                compare(cx, i, entry, ref_entry, one_plural_form, out);
            }
        }
    }
}

/// A variable as written in one of the message's patterns.
struct Use<'a> {
    name: &'a str,
    /// The attribute it is written in, `None` for the value.
    attribute: Option<&'a str>,
    /// It chooses a variant (`{ $case -> ...}`) rather than being shown.
    as_selector: bool,
}

fn compare(
    cx: &LocaleContext<'_, '_>,
    i: usize,
    entry: &EntryRef<'_>,
    reference: &EntryRef<'_>,
    one_plural_form: bool,
    out: &mut Vec<Diagnostic>,
) {
    let plain = |e: &EntryRef<'_>| !patterns(e).any(|(_, p)| has_placeables(p));
    if plain(entry) && plain(reference) {
        return; // plain text on both sides, the most common case: no variable at all
    }
    let uses = variables(entry);
    let ref_uses = variables(reference);
    if uses.iter().map(|u| u.name).eq(ref_uses.iter().map(|u| u.name)) {
        return; // the same variables in the same order: the common case
    }
    let passed: BTreeSet<&str> = ref_uses.iter().map(|u| u.name).collect();
    let mut reported = BTreeSet::new();
    for u in &uses {
        if passed.contains(u.name) || !reported.insert(u.name) {
            continue;
        }
        let name = match u.attribute {
            Some(attribute) => format!("{}.{attribute}", entry.key()),
            None => entry.key(),
        };
        // Point at the `$` before the name.
        let span = cx.span(i, u.name);
        let start = span.start.saturating_sub(1);
        let var = u.name;
        if uses.iter().filter(|v| v.name == var).all(|v| v.as_selector) {
            // Only chooses a variant: readers always see the default one, and the other forms
            // are dead. That may be harmless (sk declines `app-name-thunderbird` by a `$case` no
            // caller passes) or wrong for most numbers (pl selects plural forms on a misspelt
            // count), and nothing here can tell which: an error, which says what readers see.
            out.push(
                cx.at(Severity::Error, Code::VariableMismatch, i, Some(start..span.end), format!("`{name}` chooses a variant by ${var}, which the reference does not pass, so readers always see the default variant"))
                    .message_id(name)
                    .hint(format!("The application never supplies ${var} to `{}`: use the reference's variable names; if the message needs another form, write the default form alone or ask for the variable.", entry.key())),
            );
            continue;
        }
        out.push(
            cx.at(Severity::Error, Code::VariableMismatch, i, Some(start..span.end), format!("`{name}` uses ${var}, which the reference does not pass"))
                .message_id(name)
                .hint(format!("The application never supplies ${var} to `{}`, so readers would see {{${var}}}. Check the spelling against the reference.", entry.key())),
        );
    }
    let used: BTreeSet<&str> = uses.iter().map(|u| u.name).collect();
    let plural_only = if one_plural_form { plural_only(reference) } else { BTreeSet::new() };
    for var in passed.difference(&used).filter(|v| !plural_only.contains(*v)) {
        let name = entry.key();
        out.push(
            cx.at(
                Severity::Warning,
                Code::VariableMismatch,
                i,
                Some(cx.span(i, entry.id.name)),
                format!("`{name}` does not use ${var}, which the reference uses"),
            )
            .message_id(&name)
            .hint(format!(
                "If the reader needs this value, add {{ ${var} }} to the value or an attribute; a selector on ${var} also counts as using it."
            )),
        );
    }
}

/// The message's patterns: its value, then its attributes in order.
fn patterns<'a>(entry: &EntryRef<'a>) -> impl Iterator<Item = (Option<&'a str>, &'a Pattern<&'a str>)> {
    let attributes = entry.attributes.iter().map(|a| (Some(a.id.name), &a.value));
    entry.value.map(|p| (None, p)).into_iter().chain(attributes)
}

/// Every variable the message uses, value first, in source order.
fn variables<'a>(entry: &EntryRef<'a>) -> Vec<Use<'a>> {
    patterns(entry)
        .flat_map(|(attribute, pattern)| {
            references(pattern).into_iter().filter(|r| r.kind == ReferenceKind::Variable).map(move |r| Use {
                name: r.name,
                attribute,
                as_selector: r.as_selector,
            })
        })
        .collect()
}

/// The variables the message uses only to choose a plural form: each of their uses is the
/// selector (or a selector function's argument) of a select whose variants are all keyed by
/// plural categories (`[one]`, `[other]`). They show nothing themselves.
fn plural_only<'a>(entry: &EntryRef<'a>) -> BTreeSet<&'a str> {
    let mut selectors = BTreeSet::new();
    let mut other = BTreeSet::new();
    for (_, pattern) in patterns(entry) {
        for r in references(pattern).into_iter().filter(|r| r.kind == ReferenceKind::Variable) {
            let seen = if r.as_selector { &mut selectors } else { &mut other };
            seen.insert(r.name);
        }
        non_plural_selectors(pattern, &mut other);
    }
    selectors.difference(&other).copied().collect()
}

/// Adds to `out` the variables in the selectors of selects that are not plural choices
/// (`{ $gender -> [female] ... }`, `{ $accounts -> [0] ... }`), however deeply nested.
fn non_plural_selectors<'a>(pattern: &'a Pattern<&'a str>, out: &mut BTreeSet<&'a str>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            in_expression(expression, out);
        }
    }
}

fn in_expression<'a>(expression: &'a Expression<&'a str>, out: &mut BTreeSet<&'a str>) {
    match expression {
        Expression::Inline(inline) => in_inline(inline, out),
        Expression::Select { selector, variants } => {
            // `[0]` matches the exact number in every language, so it is no plural form.
            const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
            let plural =
                variants.iter().all(|v| matches!(v.key, VariantKey::Identifier { name } if CATEGORIES.contains(&name)));
            if !plural {
                selector_variables(selector, out);
            }
            in_inline(selector, out);
            for variant in variants {
                non_plural_selectors(&variant.value, out);
            }
        }
    }
}

fn in_inline<'a>(inline: &'a InlineExpression<&'a str>, out: &mut BTreeSet<&'a str>) {
    let arguments = match inline {
        InlineExpression::Placeable { expression } => return in_expression(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => arguments,
        InlineExpression::TermReference { arguments: Some(arguments), .. } => arguments,
        _ => return,
    };
    arguments.positional.iter().chain(arguments.named.iter().map(|n| &n.value)).for_each(|a| in_inline(a, out));
}

/// The variables a selector reads: `$n`, or a function's arguments (`NUMBER($n)`).
fn selector_variables<'a>(selector: &'a InlineExpression<&'a str>, out: &mut BTreeSet<&'a str>) {
    match selector {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name);
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            let arguments = arguments.positional.iter().chain(arguments.named.iter().map(|n| &n.value));
            arguments.for_each(|a| selector_variables(a, out));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use placard_fluent::{Catalog, ParsedFile};

    use super::*;

    fn plural_only_of(source: &str) -> Vec<String> {
        let parsed = ParsedFile::parse(source.to_owned());
        let catalog = Catalog::new([("a.ftl", &parsed)]);
        let entry = catalog.lookup("m").expect("message m");
        plural_only(&entry).into_iter().map(str::to_owned).collect()
    }

    #[test]
    fn a_variable_that_only_chooses_a_plural_form_is_plural_only() {
        let minutes = "m =\n    .label = { $count ->\n        [one] minute\n       *[other] minutes\n    }\n";
        assert_eq!(plural_only_of(minutes), ["count"]);
        let number = "m = { NUMBER($n) ->\n    [one] one file\n   *[other] files\n}\n";
        assert_eq!(plural_only_of(number), ["n"]);
    }

    #[test]
    fn a_shown_variable_an_exact_number_or_another_selector_is_not() {
        // Shown in a variant (in the value or in an attribute).
        let shown = "m = { $n ->\n    [one] a day\n   *[other] { $n } days\n}\n";
        assert!(plural_only_of(shown).is_empty());
        let attribute = "m = { $n ->\n    [one] a day\n   *[other] days\n}\n    .title = { $n }\n";
        assert!(plural_only_of(attribute).is_empty());
        // `[0]` matches the exact number in every language.
        let exact = "m = { $accounts ->\n    [0] Choose what to set up\n   *[other] Set up another\n}\n";
        assert!(plural_only_of(exact).is_empty());
        // A nested select on a string variable, beside a plural one.
        let nested = "m = { $count ->\n    [one] { $gender ->\n        [female] her file\n       *[other] their file\n    }\n   *[other] files\n}\n";
        assert_eq!(plural_only_of(nested), ["count"]);
    }
}
