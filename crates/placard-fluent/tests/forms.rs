//! The forms enumerator against fluent-bundle: where a pattern has one form, it must be exactly
//! what fluent-bundle formats; where it has several, each variant must be there.

use std::collections::HashMap;

use fluent_bundle::{FluentBundle, FluentResource};
use placard_core::Limits;
use placard_fluent::forms::{Formatter, Limit, Problem, Value};
use placard_fluent::{Catalog, ParsedFile};
use unic_langid::langid;

const SOURCE: &str = r#"
-brand = { $case ->
   *[nominative] Firefox
    [genitive] Firefoksa
}
-brand-short = Fx
    .gender = masculine
-number = { "\u2066" }0131 556 3535{ "\u2069" }
plain = Just text
with-term = Call { -brand } now
with-case = Help of { -brand(case: "genitive") }
isolated = Hello { $name }, { 5 } times
nested = { with-term }: { -number }!
by-gender = { -brand-short.gender ->
    [masculine] He
   *[other] They
}
plural = { $count ->
    [one] One file
   *[other] { $count } files
}
cycle-a = A { cycle-b }
cycle-b = B { cycle-a }
dangling = See { nowhere } and { -nothing }
"#;

fn bundle_format(id: &str) -> String {
    let resource = FluentResource::try_new(SOURCE.to_owned()).expect("valid source");
    let mut bundle = FluentBundle::new(vec![langid!("en-GB")]);
    bundle.add_resource(resource).expect("no duplicates");
    let message = bundle.get_message(id).expect("message");
    let mut errors = Vec::new();
    bundle.format_pattern(message.value().expect("value"), None, &mut errors).into_owned()
}

fn forms_of(id: &str, variables: &HashMap<String, Value>) -> placard_fluent::forms::Forms {
    let parsed = ParsedFile::parse(SOURCE.to_owned());
    let catalog = Catalog::new([("test.ftl", &parsed)]);
    let entry = catalog.lookup(id).expect("message exists");
    let forms = Formatter::new(&catalog, variables).forms(entry.value.expect("value"));
    // The enumerator's output must not borrow from the catalog: return it owned.
    forms
}

fn texts(id: &str) -> Vec<String> {
    forms_of(id, &HashMap::new()).forms.into_iter().map(|f| f.text).collect()
}

#[test]
fn single_forms_match_fluent_bundle_exactly() {
    for id in ["plain", "with-term", "with-case", "nested", "by-gender"] {
        assert_eq!(texts(id), vec![bundle_format(id)], "message {id}");
    }
}

#[test]
fn isolation_marks_are_where_fluent_bundle_puts_them() {
    let forms = forms_of("isolated", &HashMap::new()).forms;
    assert_eq!(forms.len(), 1);
    assert_eq!(forms[0].text, "Hello \u{2068}{$name}\u{2069}, \u{2068}5\u{2069} times");
    assert_eq!(forms[0].visible(), "Hello {$name}, 5 times");
    assert_eq!(forms[0].inserted.len(), 4);
}

#[test]
fn unknown_selectors_give_every_variant_and_known_ones_choose() {
    assert_eq!(texts("plural"), vec!["One file", "\u{2068}{$count}\u{2069} files"]);
    let one: HashMap<_, _> = [("count".to_owned(), Value::Number(1.0))].into();
    let plural_en = |n: f64| Some(if n == 1.0 { "one" } else { "other" });
    let parsed = ParsedFile::parse(SOURCE.to_owned());
    let catalog = Catalog::new([("test.ftl", &parsed)]);
    let pattern = catalog.lookup("plural").and_then(|e| e.value).expect("value");
    let forms = Formatter::new(&catalog, &one).with_plural_rule(&plural_en).forms(pattern);
    assert_eq!(forms.forms.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(), ["One file"]);
}

#[test]
fn cycles_and_dangling_references_are_problems_not_hangs() {
    let forms = forms_of("cycle-a", &HashMap::new());
    assert!(forms.problems.iter().any(|p| matches!(p, Problem::Cycle { .. })));
    let forms = forms_of("dangling", &HashMap::new());
    assert_eq!(forms.problems.len(), 2);
    assert_eq!(forms.forms[0].text, "See {nowhere} and {-nothing}");
}

#[test]
fn enumeration_is_bounded() {
    let mut source = String::from("big =");
    for i in 0..20 {
        source.push_str(&format!(" {{ $v{i} ->\n    [a] a{i}\n   *[b] b{i}\n }}"));
    }
    source.push('\n');
    let parsed = ParsedFile::parse(source);
    assert!(parsed.problems().is_empty(), "{:?}", parsed.problems());
    let catalog = Catalog::new([("big.ftl", &parsed)]);
    let pattern = catalog.lookup("big").and_then(|e| e.value).expect("value");
    let vars = HashMap::new();
    let forms = Formatter::new(&catalog, &vars).forms(pattern);
    // Listing stops at the limit and says so; a partial list is never passed off as all.
    assert_eq!(forms.limit, Some(Limit::Forms));
    assert!(forms.forms.is_empty());
    let small = Formatter::new(&catalog, &vars).with_limits(Limits { form_bytes: 16, ..Limits::default() });
    assert_eq!(small.forms(pattern).limit, Some(Limit::FormBytes), "a form past 16 bytes stops it first");
}
