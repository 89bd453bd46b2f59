//! Placard's checks. Input: the reference locale, the locales to check (parsed files, no IO) and
//! the campaign's [`Rules`]. Output: a [`Report`] of diagnostics and per-locale counts. This crate
//! never prints and never touches the file system.
//!
//! One module per check; each takes a [`LocaleContext`] and pushes diagnostics:
//! - `syntax` (also `encoding`), `duplicates` (`duplicate-message`, `duplicate-attribute`),
//!   `empty` (`empty-message`)
//! - `compare` (`missing-message`, `obsolete-message`, `missing-attribute`, `obsolete-value`,
//!   the counts), `style` (`style-mismatch`)
//! - `variables` (`variable-mismatch`), `references` (`unresolved-reference`),
//!   `reference_mismatch` (`reference-mismatch`)
//! - `variants` (`duplicate-variant`), `missing_plural` (`missing-plural`)
//! - `required` (`missing-required`, `required-text`), `bidi` (`bidi-order`)
//! - `unsafe_chars` (`unsafe-char`)
//!
//! [`layout`] holds the checks on a composed asset (`overflow`, `too-small`, `missing-glyph`,
//! `contrast`, `broken-number`, glyph-level `bidi-order`, `helpline-hidden`): `placard-build`
//! composes each asset once and hands them what it composed.

mod bidi;
mod compare;
mod context;
mod duplicates;
mod empty;
mod input;
pub mod layout;
mod missing_plural;
mod reference_mismatch;
mod references;
mod required;
mod rules;
mod script;
mod style;
mod summary;
mod syntax;
mod unsafe_chars;
mod variables;
mod variants;

use rayon::prelude::*;

pub use context::LocaleContext;

pub use input::{FileInput, LocaleInput};
pub use rules::{Required, Rules};
pub use summary::{LocaleSummary, Report, RequiredWork, Summary};

use placard_core::sort_diagnostics;

/// Runs every check on every locale in `locales` (the reference may be among them) and returns
/// the sorted diagnostics with the counts. Without a reference, nothing is compared. Locales are
/// checked in parallel; the result does not depend on the number of threads.
pub fn lint(reference: Option<&LocaleInput<'_>>, locales: &[&LocaleInput<'_>], rules: &Rules) -> Report {
    let reference_cx = reference.map(|r| LocaleContext::new(r, rules, None));
    let per_locale: Vec<(Vec<placard_core::Diagnostic>, LocaleSummary, RequiredWork)> = locales
        .par_iter()
        .map(|locale| {
            let compare_with = reference_cx.as_ref().filter(|r| r.input.code != locale.code);
            let cx = LocaleContext::new(locale, rules, compare_with);
            let (mut diagnostics, summary, work) = check_locale(&cx);
            summary::locate(&mut diagnostics, locale);
            sort_diagnostics(&mut diagnostics);
            (diagnostics, summary, work)
        })
        .collect();
    let mut report = Report::default();
    for (locale, (diagnostics, mut summary, work)) in locales.iter().zip(per_locale) {
        report.required_work += work;
        summary.count(&diagnostics);
        report.diagnostics.extend(diagnostics);
        report.summary.locales.insert(locale.code.to_owned(), summary);
    }
    // Each locale's diagnostics arrive located and sorted: a stable sort of sorted runs is a merge.
    sort_diagnostics(&mut report.diagnostics);
    report.summary.total(&report.diagnostics);
    report
}

fn check_locale(cx: &LocaleContext<'_, '_>) -> (Vec<placard_core::Diagnostic>, LocaleSummary, RequiredWork) {
    let mut out = Vec::new();
    syntax::check(cx, &mut out);
    duplicates::check(cx, &mut out);
    empty::check(cx, &mut out);
    let summary = compare::check(cx, &mut out);
    variables::check(cx, &mut out);
    references::check(cx, &mut out);
    variants::check(cx, &mut out);
    missing_plural::check(cx, &mut out);
    style::check(cx, &mut out);
    let (covered, work) = required::check(cx, &mut out);
    // What a required message shows is `required-text`'s: a term it drops is reported there.
    let judged: Vec<String> = out
        .iter()
        .filter(|d| matches!(d.code, placard_core::Code::RequiredText | placard_core::Code::MissingRequired))
        .filter_map(|d| d.message_id.clone())
        .collect();
    reference_mismatch::check(cx, &judged, &mut out);
    unsafe_chars::check(cx, &covered, &mut out);
    (out, summary, work)
}
