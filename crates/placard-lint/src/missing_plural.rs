//! `missing-plural`: a plural select must have a variant for every CLDR category the locale's
//! whole numbers take. Without `[few]` a Russian "2 файла" is shown in the default variant's
//! form ("2 файлов").
//!
//! A select is a plural select, as compare-locales decides it, when one of its keys is a category
//! the locale needs other than `other`, and (Placard adds) its selector can be a number: a
//! variable, a number, or `NUMBER()`; a term attribute (`-brand.gender`) chooses a grammatical
//! form, never a plural. The categories are those of whole numbers (Russian `one`, `few`,
//! `many`; Czech `one`, `few`, `other`), the numbers an application counts with, as Mozilla's
//! plural rules that compare-locales uses list them; a fraction-only category (Czech `many`,
//! Russian `other`) is not required. `other` is never required: the default variant, which every
//! select has, takes it. A warning, as compare-locales reports it: the text shows, in the wrong
//! grammatical form for some numbers.

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::ast::{InlineExpression, VariantKey};
use placard_fluent::walk::{has_placeables, selects};

use crate::LocaleContext;

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    let Some(mut needed) = cx.plurals().whole_number_categories() else {
        return; // CLDR has no rules for the language: nothing to require
    };
    needed.retain(|&c| c != "other");
    if needed.is_empty() {
        return; // Japanese, Chinese, ...: one form for every number
    }
    // Worked out for the first finding only: most locales have none.
    let examples = std::cell::OnceCell::new();
    let examples = || -> &Vec<String> {
        examples.get_or_init(|| needed.iter().map(|c| format!("`[{c}]` ({})", self::examples(cx, c))).collect())
    };
    for (i, file) in cx.catalog.files().iter().enumerate() {
        for entry in &file.entries {
            let attributes = entry.attributes.iter().map(|a| (Some(a.id.name), &a.value));
            for (attribute, pattern) in entry.value.map(|p| (None, p)).into_iter().chain(attributes) {
                // A select is a placeable: text alone has none (most patterns of a product's tree).
                if !has_placeables(pattern) {
                    continue;
                }
                for (selector, variants) in selects(pattern) {
                    if !can_be_number(selector) {
                        continue;
                    }
                    let given: Vec<&str> = variants
                        .iter()
                        .filter_map(|v| match v.key {
                            VariantKey::Identifier { name } => Some(name),
                            VariantKey::NumberLiteral { .. } => None,
                        })
                        .collect();
                    if !needed.iter().any(|c| given.contains(c)) {
                        continue; // not a plural select
                    }
                    let lacking: Vec<usize> = (0..needed.len()).filter(|&n| !given.contains(&needed[n])).collect();
                    if lacking.is_empty() {
                        continue;
                    }
                    let name = match attribute {
                        Some(a) => format!("{}.{a}", entry.key()),
                        None => entry.key(),
                    };
                    let keys: Vec<String> = lacking.iter().map(|&n| format!("`[{}]`", needed[n])).collect();
                    let examples: Vec<&str> = lacking.iter().map(|&n| examples()[n].as_str()).collect();
                    let first_key = match variants[0].key {
                        VariantKey::Identifier { name } | VariantKey::NumberLiteral { value: name } => name,
                    };
                    out.push(
                        cx.at(
                            Severity::Warning,
                            Code::MissingPlural,
                            i,
                            Some(cx.span(i, first_key)),
                            format!(
                                "`{name}` has no plural form {} that {} numbers need",
                                keys.join(", "),
                                cx.input.code
                            ),
                        )
                        .message_id(name)
                        .hint(format!(
                            "Add {} to this select; until then those numbers show the default variant.",
                            examples.join(", ")
                        )),
                    );
                }
            }
        }
    }
}

/// Whether a selector can be a number: a variable, a number literal or a `NUMBER()` call.
fn can_be_number(selector: &InlineExpression<&str>) -> bool {
    match selector {
        InlineExpression::VariableReference { .. } | InlineExpression::NumberLiteral { .. } => true,
        InlineExpression::FunctionReference { id, .. } => id.name == "NUMBER",
        _ => false,
    }
}

/// The first few whole numbers in `category`: "2, 3, 4, …".
fn examples(cx: &LocaleContext<'_, '_>, category: &str) -> String {
    let numbers: Vec<String> = (0..=1_000u32)
        .chain([10_000, 100_000, 1_000_000])
        .filter(|&n| cx.plurals().category(f64::from(n)) == Some(category))
        .take(4)
        .map(|n| n.to_string())
        .collect();
    format!("{}, …", numbers.join(", "))
}
