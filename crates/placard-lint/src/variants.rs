//! `duplicate-variant`: the same key twice in one select expression. Fluent shows the first
//! variant whose key matches, so a later one with the same key is never shown: often a plural
//! form typed twice where another category (`[few]`) was meant. Keys are the same when they name
//! the same category or the same number (`[1]` and `[1.0]` match the same numbers). An error,
//! as `duplicate-message` is: the text is dead whatever the reader's number (compare-locales
//! warns).

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::ast::{Variant, VariantKey};
use placard_fluent::walk::selects;

use crate::LocaleContext;

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    let needed = cx.plurals().whole_number_categories().unwrap_or_default();
    for (i, file) in cx.catalog.files().iter().enumerate() {
        for entry in &file.entries {
            let attributes = entry.attributes.iter().map(|a| (Some(a.id.name), &a.value));
            for (attribute, pattern) in entry.value.map(|p| (None, p)).into_iter().chain(attributes) {
                for (_, variants) in selects(pattern) {
                    for (n, variant) in variants.iter().enumerate() {
                        if !variants[..n].iter().any(|v| same_key(&v.key, &variant.key)) {
                            continue;
                        }
                        let name = match attribute {
                            Some(a) => format!("{}.{a}", entry.key()),
                            None => entry.key(),
                        };
                        let written = key_text(&variant.key);
                        out.push(
                            cx.at(
                                Severity::Error,
                                Code::DuplicateVariant,
                                i,
                                Some(cx.span(i, written)),
                                format!("`{name}` has the variant `[{written}]` twice; the second is never shown"),
                            )
                            .message_id(name)
                            .hint(hint(&needed, variants)),
                        );
                    }
                }
            }
        }
    }
}

/// What to do, naming the plural forms the select lacks when there are some.
fn hint(needed: &[&str], variants: &[Variant<&str>]) -> String {
    let has = |c: &&str| variants.iter().any(|v| matches!(v.key, VariantKey::Identifier { name } if name == *c));
    let lacking: Vec<String> =
        needed.iter().filter(|c| **c != "other" && !has(c)).map(|c| format!("`[{c}]`")).collect();
    if lacking.is_empty() || !needed.iter().any(has) {
        "Delete one of the two, or give the second the key it was meant to have.".to_owned()
    } else {
        format!(
            "Delete one of the two, or give the second the key it was meant to have: this select has no {}.",
            lacking.join(", ")
        )
    }
}

fn key_text<'a>(key: &VariantKey<&'a str>) -> &'a str {
    match key {
        VariantKey::Identifier { name } => name,
        VariantKey::NumberLiteral { value } => value,
    }
}

/// Whether two keys match the same selector values.
fn same_key(a: &VariantKey<&str>, b: &VariantKey<&str>) -> bool {
    match (a, b) {
        (VariantKey::Identifier { name: x }, VariantKey::Identifier { name: y }) => x == y,
        (VariantKey::NumberLiteral { value: x }, VariantKey::NumberLiteral { value: y }) => {
            x == y || matches!((x.parse::<f64>(), y.parse::<f64>()), (Ok(x), Ok(y)) if x == y)
        }
        _ => false,
    }
}
