//! Issue 12: a term defined in alternative branding files (Thunderbird's
//! `mail/branding/{tb_beta,thunderbird}/brand.ftl`, of which a build loads one) resolves the same
//! way for the `unresolved-reference` check and for the evaluator that lists and shows a
//! message's forms: both take the catalog's one rule (`Catalog::resolve`).

mod support;

use std::path::Path;

use placard_core::Code;
use placard_lint::{LocaleContext, Rules};

fn tree() -> support::Tree {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/unresolved-reference/thunderbird-branding-alternatives/locales");
    support::Tree::read(&dir, &["en-US", "cs"])
}

#[test]
fn the_check_and_the_evaluator_resolve_an_alternative_term_alike() {
    let tree = tree();
    let rules = Rules::default();
    // The check: `-brand-full-name.case-status` resolves (the release branding has it); the
    // misspelt `.case_status` of the other message does not.
    let report = tree.lint(&rules);
    let unresolved: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UnresolvedReference)
        .map(|d| d.message_id.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(unresolved, ["account-hub-find-settings-failed"]);
    // The evaluator: the select on `.case-status` takes `[with-cases]`, and the term it shows is
    // the same branding's, declined: what the release build shows. (A value from the beta
    // branding, which comes first, would make "Thunderbird Beta se nepodařilo …", a text no
    // build shows.)
    let inputs = tree.inputs();
    let en_us = LocaleContext::new(&inputs[0], &rules, None);
    let cs = LocaleContext::new(&inputs[1], &rules, Some(&en_us));
    let pattern = cs.catalog.lookup("account-hub-find-account-settings-failed").and_then(|e| e.value).expect("message");
    let declined = "Thunderbirdu se nepodařilo najít nastavení vašeho e-mailového účtu.";
    cs.with_formatter(|f| {
        assert_eq!(f.shown(pattern).form.text, declined);
        let forms: Vec<String> = f.forms(pattern).forms.iter().map(|form| form.text.clone()).collect();
        assert_eq!(forms, [declined]);
    });
}
