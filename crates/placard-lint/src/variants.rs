//! `duplicate-variant`: the same key twice in one select expression. Fluent shows the first
//! variant whose key matches, so a later one with the same key is never shown: often a plural
//! form typed twice where another category (`[few]`) was meant. Keys are the same when they name
//! the same category or the same number (`[1]` and `[1.0]` match the same numbers). An error,
//! as `duplicate-message` is: the text is dead whatever the reader's number (compare-locales
//! warns).

use rustc_hash::FxHashSet as HashSet;

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
                    let mut seen = HashSet::default();
                    let mut hint_text = None;
                    for variant in variants {
                        if seen.insert(KeyValue::of(&variant.key)) {
                            continue;
                        }
                        let name = match attribute {
                            Some(a) => format!("{}.{a}", entry.key()),
                            None => entry.key(),
                        };
                        let written = key_text(&variant.key);
                        let hint_text = hint_text.get_or_insert_with(|| hint(&needed, variants));
                        out.push(
                            cx.at(
                                Severity::Error,
                                Code::DuplicateVariant,
                                i,
                                Some(cx.span(i, written)),
                                format!("`{name}` has the variant `[{written}]` twice; the second is never shown"),
                            )
                            .message_id(name)
                            .hint(hint_text.clone()),
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

/// What a key matches: a name, or a number (`[1]` and `[1.0]` match the same numbers). A hash
/// set of them finds a duplicate in linear time, however many variants a select has.
#[derive(PartialEq, Eq, Hash)]
enum KeyValue<'a> {
    Name(&'a str),
    Number(u64),
}

impl<'a> KeyValue<'a> {
    fn of(key: &VariantKey<&'a str>) -> Self {
        match key {
            VariantKey::Identifier { name } => KeyValue::Name(name),
            // `+ 0.0` makes -0 and 0 one value; the parser accepts only numbers f64 can read.
            VariantKey::NumberLiteral { value } => match value.parse::<f64>() {
                Ok(n) => KeyValue::Number((n + 0.0).to_bits()),
                Err(_) => KeyValue::Name(value),
            },
        }
    }
}
