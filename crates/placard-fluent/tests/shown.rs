//! The shown form (the text the build draws) against fluent-bundle, the formatter applications
//! use: for every case the two give the same text, isolation marks included, and the shown form is
//! one of the forms the checks list. The exceptions are plural categories where fluent-bundle's
//! rules are out of date or wrong, each listed with its reason.

use std::collections::HashMap;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use placard_fluent::forms::{Formatter, Value};
use placard_fluent::plural::Plurals;
use placard_fluent::{Catalog, ParsedFile};
use unic_langid::LanguageIdentifier;

const SOURCE: &str = r#"
-brand = { $case ->
   *[nominative] Firefox
    [genitive] Firefoksa
}
-brand-short = Fx
    .gender = masculine
-helpline = Stop It Now! { "\u00A0" }0131 556 3535
-with-variable = { $tone ->
    [warm] Hello
   *[plain] Hi
} { $who }
plain = Just text
with-term = Call { -brand } now
with-case = Help of { -brand(case: "genitive") }
unknown-case = Help of { -brand(case: "vocative") }
term-missing-argument = { -with-variable }
term-arguments = { -with-variable(tone: "warm", who: "Ana") } and { -with-variable(tone: "cold") }
isolated = Hello { $name }, { 5 } times and { -3.50 } degrees
nested = { with-term }: { -helpline }!
by-gender = { -brand-short.gender ->
    [masculine] He
   *[other] They
}
plural = { $count ->
    [one] One file
    [few] A few files ({ $count })
    [many] Many files ({ $count })
    [zero] No files
    [two] Two files
   *[other] { $count } files
}
exact = { $count ->
    [0] Nothing
    [1] Exactly one
   *[other] Some
}
by-name = { $tone ->
    [warm] Warmly
    [3] Three
   *[plain] Plainly
}
with-function = You have { NUMBER($count) } messages
attributes = Value
    .title = Title with { $name }
dangling = See { nowhere }, { -nothing } and { attributes.nope }
missing-variable = Dear { $nobody }
"#;

fn fluent_bundle(locale: &str, id: &str, variables: &HashMap<String, Value>) -> String {
    let language: LanguageIdentifier = locale.parse().expect("tag");
    let mut bundle = FluentBundle::new(vec![language]);
    bundle.add_builtins().expect("builtins");
    bundle
        .add_resource(FluentResource::try_new(SOURCE.to_owned()).map_err(|(_, e)| e).expect("valid"))
        .expect("no duplicates");
    let mut args = FluentArgs::new();
    for (name, value) in variables {
        match value {
            Value::String(s) => args.set(name.clone(), FluentValue::from(s.clone())),
            Value::Number(n) => args.set(name.clone(), FluentValue::from(*n)),
        }
    }
    let (name, attribute) = placard_fluent::split_attribute(id);
    let message = bundle.get_message(name).expect("message");
    let pattern = match attribute {
        Some(a) => message.get_attribute(a).expect("attribute").value(),
        None => message.value().expect("value"),
    };
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned()
}

/// The shown text, after checking that it is one of the listed forms.
fn placard(locale: &str, id: &str, variables: &HashMap<String, Value>) -> String {
    let parsed = ParsedFile::parse(SOURCE.to_owned());
    let catalog = Catalog::new([("test.ftl", &parsed)]);
    let (name, attribute) = placard_fluent::split_attribute(id);
    let entry = catalog.lookup(name).expect("message");
    let pattern = entry.pattern(attribute).expect("pattern");
    let plurals = Plurals::for_locale(locale);
    let rule = |n: f64| plurals.category(n);
    let formatter = Formatter::new(&catalog, variables).with_plural_rule(&rule);
    let shown = formatter.shown(pattern);
    let forms = formatter.forms(pattern);
    assert!(forms.complete(), "{id}: forms listed");
    assert!(
        forms.forms.iter().any(|f| f.text == shown.form.text),
        "{id}: the shown form {:?} is not among the checked forms {:?}",
        shown.form.text,
        forms.forms
    );
    assert!(!shown.clipped);
    shown.form.text
}

fn vars(pairs: &[(&str, Value)]) -> HashMap<String, Value> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
}

#[test]
fn the_shown_form_is_what_fluent_bundle_formats() {
    let none = HashMap::new();
    let named = vars(&[("name", Value::String("Ana".into())), ("tone", Value::String("warm".into()))]);
    let three = vars(&[("tone", Value::String("3".into()))]);
    let mut cases: Vec<(&str, &str, HashMap<String, Value>)> = Vec::new();
    for id in [
        "plain",
        "with-term",
        "with-case",
        "unknown-case",
        "term-missing-argument",
        "term-arguments",
        "isolated",
        "nested",
        "by-gender",
        "plural",
        "exact",
        "by-name",
        "attributes.title",
        "dangling",
        "missing-variable",
    ] {
        cases.push(("en-GB", id, none.clone()));
        cases.push(("en-GB", id, named.clone()));
    }
    // A string that spells a numeric key is not that number.
    cases.push(("en-GB", "by-name", three));
    // Plural categories of several languages, fractions included, and exact numeric keys before
    // categories.
    for (locale, numbers) in [
        ("en-GB", &[0.0, 1.0, 2.0, 5.0, 1.5][..]),
        ("pl", &[1.0, 3.0, 5.0, 22.0, 1.5]),
        ("ru", &[1.0, 2.0, 5.0, 21.0, 0.5, 2.5]),
        ("ar", &[0.0, 1.0, 2.0, 3.0, 11.0, 100.0, 0.5]),
        ("ja", &[1.0, 7.0, 1.5]),
        ("cy", &[0.0, 1.0, 2.0, 3.0, 6.0, 1.5]),
        ("fr", &[0.0, 1.0, 1.5, 2.0]),
        ("he", &[1.0, 2.0, 3.0, 1.5]),
    ] {
        for &n in numbers {
            for id in ["plural", "exact", "with-function"] {
                cases.push((locale, id, vars(&[("count", Value::Number(n))])));
            }
        }
    }
    for (locale, id, variables) in &cases {
        assert_eq!(
            placard(locale, id, variables),
            fluent_bundle(locale, id, variables),
            "{locale} {id} with {variables:?}"
        );
    }
}

/// Where fluent-bundle's plural rules are out of date or wrong, the shown form takes current
/// CLDR's category, the one Thunderbird and Firefox select (they format with ICU's
/// `Intl.PluralRules`). fluent-bundle selects with intl_pluralrules: CLDR 37, and modulo rules
/// that drop the modulus.
#[test]
fn where_fluent_bundles_plural_rules_are_out_of_date_the_shown_form_is_current_cldrs() {
    for (locale, n, fluent_bundle_shows, shown, why) in [
        ("he", 20.0, "Many files (\u{2068}20\u{2069})", "\u{2068}20\u{2069} files", "CLDR 42 dropped Hebrew `many`"),
        ("he", 0.5, "\u{2068}0.5\u{2069} files", "One file", "CLDR 42: Hebrew fractions below 1 are `one`"),
        (
            "fr",
            1_000_000.0,
            "\u{2068}1000000\u{2069} files",
            "Many files (\u{2068}1000000\u{2069})",
            "CLDR 38: French `many`",
        ),
        ("vi", 1.0, "\u{2068}1\u{2069} files", "One file", "CLDR 49: Vietnamese `one`"),
        ("ar", 103.0, "\u{2068}103\u{2069} files", "A few files (\u{2068}103\u{2069})", "`n % 100 = 3..10`"),
        ("ar", 3.5, "A few files (\u{2068}3.5\u{2069})", "\u{2068}3.5\u{2069} files", "3.5 is not in `3..10`"),
    ] {
        let variables = vars(&[("count", Value::Number(n))]);
        assert_eq!(fluent_bundle(locale, "plural", &variables), fluent_bundle_shows, "fluent-bundle, {locale} {n}");
        assert_eq!(placard(locale, "plural", &variables), shown, "{locale} {n}: {why}");
    }
}

#[test]
fn a_pattern_that_doubles_itself_is_shown_clipped_at_the_form_limit_in_no_time() {
    let mut source = String::from("m0 = { m1 }{ m1 }\n");
    for i in 1..40 {
        source.push_str(&format!("m{i} = {{ m{} }}{{ m{} }}\n", i + 1, i + 1));
    }
    source.push_str("m40 = ab\n");
    let parsed = ParsedFile::parse(source);
    let catalog = Catalog::new([("doubling.ftl", &parsed)]);
    let variables = HashMap::new();
    let limits = placard_core::Limits { reference_depth: 64, ..placard_core::Limits::default() };
    let formatter = Formatter::new(&catalog, &variables).with_limits(limits);
    let shown = formatter.shown(catalog.lookup("m0").and_then(|e| e.value).expect("m0"));
    assert!(shown.clipped, "2^41 bytes cannot be shown whole");
    assert!(shown.form.text.len() <= limits.form_bytes);
    assert!(shown.form.text.starts_with("abab"));
}
