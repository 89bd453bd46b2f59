//! The limits of `required-text` are reported as errors (a required message that cannot be
//! proven does not pass), and can be raised.

use placard_core::{Code, Limits, Locale, Severity};
use placard_fluent::ParsedFile;
use placard_lint::{FileInput, LocaleInput, Report, Required, Rules, lint};

/// A helpline whose number sits at the end of a chain of `links` terms.
fn chain(links: usize) -> String {
    let mut text = String::from("helpline = Stop It Now! { -t0 }\n");
    for i in 0..links {
        text.push_str(&format!("-t{i} = {{ -t{} }}\n", i + 1));
    }
    text.push_str(&format!("-t{links} = 0131 556 3535\n"));
    text
}

fn run(source: &str, limits: Limits) -> Report {
    let parsed = ParsedFile::parse(source.to_owned());
    let files = vec![FileInput { path: "main.ftl", display: "locales/en-GB/main.ftl", parsed: &parsed, encoding: &[] }];
    let en_gb = Locale::parse("en-GB").expect("tag");
    let locale = LocaleInput { code: "en-GB", locale: &en_gb, display_dir: "locales/en-GB", files };
    let rules = Rules {
        strict: true,
        required: vec![Required { message: "helpline".into(), contains: vec!["0131 556 3535".into()] }],
        limits,
        ..Rules::default()
    };
    lint(Some(&locale), &[&locale], &rules)
}

#[test]
fn a_reference_chain_past_the_limit_is_named_and_the_limit_can_be_raised() {
    let source = chain(40);
    let report = run(&source, Limits::default());
    let error = report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::RequiredText && d.message.contains("limits.reference_depth"))
        .unwrap_or_else(|| panic!("an error names the limit: {:#?}", report.diagnostics));
    assert_eq!(error.severity, Severity::Error, "not proven is not passed");
    assert!(error.message.contains("nested more than 32 deep"), "{}", error.message);
    assert_eq!(error.line, Some(1));

    let raised = Limits { reference_depth: 64, ..Limits::default() };
    let report = run(&source, raised);
    assert!(report.diagnostics.is_empty(), "the whole chain is followed: {:#?}", report.diagnostics);
}

#[test]
fn a_message_with_more_forms_than_the_limit_says_so() {
    let selectors: String = (0..4).map(|i| format!("{{ $v{i} ->\n    [a] A\n   *[b] B\n}}")).collect();
    let source = format!("helpline = {selectors} 0131 556 3535\n");
    let report = run(&source, Limits { forms: 8, ..Limits::default() });
    // The number is in every form (proven without listing them), but reading order and invisible
    // characters are checked on the listed forms: past the limit they are not proven.
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.code == Code::RequiredText).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].severity, Severity::Error);
    assert_eq!(
        errors[0].message,
        "`helpline` has more than 8 forms (limits.forms in pipeline.yaml): Placard cannot prove every form shows \
         \"0131 556 3535\" in reading order"
    );
    let report = run(&source, Limits::default());
    assert!(report.diagnostics.iter().all(|d| d.code != Code::RequiredText), "16 forms are within 1024");
}

/// `limits.reference_depth` may be raised to its ceiling: a chain that deep must still be followed
/// on a worker thread's 2 MiB stack (locales are linted on rayon's threads), even unoptimised.
#[test]
fn a_reference_chain_at_the_ceiling_fits_a_worker_stack() {
    let ceiling = placard_core::LIMIT_KEYS.iter().find(|k| k.name == "reference_depth").expect("key").ceiling;
    let links = ceiling as usize - 1;
    let found = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let report = run(&chain(links), Limits { reference_depth: ceiling as usize, ..Limits::default() });
            report.diagnostics.len()
        })
        .expect("spawn")
        .join()
        .expect("followed without overflowing the stack");
    assert_eq!(found, 0, "the whole chain is followed and the number found");
}
