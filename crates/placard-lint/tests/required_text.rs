//! Issue 11, "fail closed, in bounded time": a required message is proven to show its required
//! text in every form, or it is an error; and proving it takes time linear in the input. Each
//! reported case is a test, named after what went wrong; cases 1 to 3 are fixture folders
//! (`tests/fixtures/required-text-*`, also for `placard lint -c` by hand).

use std::path::{Path, PathBuf};

mod support;

use placard_core::{Code, Diagnostic, Severity};
use placard_lint::{Report, Required, Rules};

const NUMBER: &str = "0131 556 3535";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(name)
}

/// Lints `locales` (code and main.ftl text; the first is the reference) with `message` required
/// to contain the helpline number, as the fixtures' pipeline.yaml files say.
fn lint_sources(locales: &[(&str, String)], message: &str) -> Report {
    let rules = Rules {
        strict: true,
        required: vec![Required { message: message.into(), contains: vec![NUMBER.into()] }],
        ..Rules::default()
    };
    support::lint_texts("main.ftl", locales, &rules)
}

fn lint_fixture(name: &str, message: &str) -> Report {
    let path = fixture(name).join("locales/en-GB/main.ftl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let yaml = std::fs::read_to_string(fixture(name).join("pipeline.yaml")).expect("pipeline.yaml");
    assert!(yaml.contains(&format!("message: {message}\n")), "the fixture requires `{message}`");
    lint_sources(&[("en-GB", text)], message)
}

fn required_text(report: &Report) -> Vec<&Diagnostic> {
    report.diagnostics.iter().filter(|d| d.code == Code::RequiredText).collect()
}

/// Work allowed per byte of input: generous, but far below what enumerating would take.
const WORK_PER_BYTE: u64 = 64;

fn input_bytes(name: &str) -> u64 {
    std::fs::metadata(fixture(name).join("locales/en-GB/main.ftl")).expect("fixture").len()
}

#[test]
fn issue_11_a_variant_without_the_number_past_the_forms_limit_is_an_error() {
    let report = lint_fixture("required-text-past-forms-limit", "hello");
    let found = required_text(&report);
    assert_eq!(found.len(), 1, "one error, the miss, and no second one about limits: {found:#?}");
    let error = found[0];
    assert_eq!(error.severity, Severity::Error);
    assert!(error.message.starts_with(&format!("`hello` must show \"{NUMBER}\" in every form")), "{}", error.message);
    let hint = error.hint.clone().unwrap_or_default();
    assert!(hint.contains("Call nobody"), "the form shown is one without the number: {hint}");
    assert!(report.has_errors());
}

#[test]
fn issue_11_a_chain_of_selects_over_references_is_proven_in_linear_time() {
    let name = "required-text-select-chain";
    let report = lint_fixture(name, "m0");
    assert!(report.diagnostics.is_empty(), "every form has the number: {:#?}", report.diagnostics);
    let work = report.required_work;
    assert!(work.proof + work.listing < WORK_PER_BYTE * input_bytes(name), "{work:?}");
}

#[test]
fn issue_11_text_that_doubles_at_every_level_stops_at_form_kib() {
    let name = "required-text-doubling";
    let report = lint_fixture(name, "m0");
    let found = required_text(&report);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].severity, Severity::Error);
    assert!(
        found[0].message.contains("has a form longer than 64 KiB (limits.form_kib in pipeline.yaml)"),
        "{}",
        found[0].message
    );
    assert!(found[0].hint.as_deref().is_some_and(|h| h.contains("limits.form_kib")));
    // Listing stops at 64 KiB (plus a copy of it), never at the 20 GiB the text would be.
    let work = report.required_work;
    assert!(work.proof < WORK_PER_BYTE * input_bytes(name) && work.listing < 3 * 64 * 1024, "{work:?}");
}

#[test]
fn issue_11_doubling_text_without_the_number_names_the_miss_not_the_limit() {
    let text = std::fs::read_to_string(fixture("required-text-doubling").join("locales/en-GB/main.ftl"))
        .expect("fixture")
        .replace("Call 0131 556 3535. ", "Call 0131 556 3353. ");
    let report = lint_sources(&[("en-GB", text)], "m0");
    let found = required_text(&report);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("the closest text is \"0131 556 3353\""), "{}", found[0].message);
    // The wrong digit is written once, in the innermost message: the finding points there, with
    // the required message as a second location, and never spells out the 20 GiB text.
    let hint = found[0].hint.clone().unwrap_or_default();
    assert!(hint.len() < 1024 && hint.contains("`m30`"), "{hint}");
    assert_eq!(found[0].related.len(), 1, "{:#?}", found[0]);
    assert!(found[0].related[0].message.contains("`m0` shows it here"));
}

/// 100,000 attributes took 36 s: each attribute of one was looked up by a scan of the other's.
#[test]
fn issue_11_a_message_with_many_attributes_is_compared_in_n_log_n() {
    let n = 100_000;
    let message = |skip: usize| {
        let mut text = format!("helpline = Call {NUMBER}\nbig = Value\n");
        for i in (0..n).filter(|&i| i != skip) {
            text.push_str(&format!("    .a{i} = Attribute {i}\n"));
        }
        text
    };
    let started = std::time::Instant::now();
    let report = lint_sources(&[("en-GB", message(n)), ("pl", message(77_777))], "helpline");
    let elapsed = started.elapsed();
    let found: Vec<&str> = report.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(found, ["`big` lacks the attribute `.a77777`"], "the lookup still finds exactly what a scan finds");
    // Very generous, for slow unoptimised builds on shared machines: quadratic took minutes here.
    assert!(elapsed.as_secs() < 60, "{elapsed:?}");
}

/// compare-locales' checks stay linear in a select's size: duplicate keys are found with a hash
/// set, not by comparing every pair (100,000 variants would be 5 billion comparisons).
#[test]
fn a_select_with_many_variants_is_checked_in_linear_time() {
    let n = 100_000;
    let mut text = format!("helpline = Call {NUMBER}\nbig = {{ $n ->\n");
    for i in 0..n {
        text.push_str(&format!("    [{i}] Variant {i}\n"));
    }
    text.push_str("    [7.0] Again\n   *[other] Other\n}\n");
    let started = std::time::Instant::now();
    let report = lint_sources(&[("en-GB", text.clone()), ("pl", text)], "helpline");
    let elapsed = started.elapsed();
    let found: Vec<(&str, &str)> =
        report.diagnostics.iter().map(|d| (d.locale.as_deref().unwrap_or_default(), d.message.as_str())).collect();
    let message = "`big` has the variant `[7.0]` twice; the second is never shown";
    assert_eq!(found, [("en-GB", message), ("pl", message)]);
    assert!(elapsed.as_secs() < 60, "{elapsed:?}");
}
