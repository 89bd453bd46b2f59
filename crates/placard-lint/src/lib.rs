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
pub use rules::{Lockup, Required, Rules};
pub use summary::{LocaleSummary, Report, RequiredWork, Summary};

use placard_core::sort_diagnostics;

/// Runs every check on every locale in `locales` (the reference may be among them) and returns
/// the sorted diagnostics with the counts. Without a reference, nothing is compared. Locales are
/// checked in parallel; the result does not depend on the number of threads.
///
/// A caller that cannot hold every locale's files at once checks them one by one with a
/// [`Linter`] and gathers the results with [`Report::from_locales`]; this is that, for locales
/// already in memory.
pub fn lint(reference: Option<&LocaleInput<'_>>, locales: &[&LocaleInput<'_>], rules: &Rules) -> Report {
    let linter = Linter::new(reference, rules);
    let checked: Vec<LocaleReport> = locales.par_iter().map(|locale| linter.check(locale, |_| ()).0).collect();
    Report::from_locales(checked)
}

/// The checks with the reference locale's context built once, to check translations one at a
/// time against it: each locale's context (its catalog, its plural rules) lives only while it
/// is checked, and its caller may drop the locale's files right after.
pub struct Linter<'r> {
    rules: &'r Rules,
    reference: Option<LocaleContext<'r, 'r>>,
}

impl std::fmt::Debug for Linter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Linter").field("reference", &self.reference.as_ref().map(|r| r.input.code)).finish()
    }
}

/// One locale's findings, located and sorted, with its counts.
#[derive(Debug)]
pub struct LocaleReport {
    pub code: String,
    pub diagnostics: Vec<placard_core::Diagnostic>,
    pub summary: LocaleSummary,
    pub work: RequiredWork,
}

impl<'r> Linter<'r> {
    pub fn new(reference: Option<&'r LocaleInput<'r>>, rules: &'r Rules) -> Self {
        Linter { rules, reference: reference.map(|r| LocaleContext::new(r, rules, None)) }
    }

    /// The reference locale's context, when there is a reference.
    pub fn reference(&self) -> Option<&LocaleContext<'r, 'r>> {
        self.reference.as_ref()
    }

    /// Runs every check on `locale` (compared with the reference unless it is the reference),
    /// then hands its context to `then`, for what else the caller needs of the same catalog.
    pub fn check<T>(
        &self,
        locale: &LocaleInput<'_>,
        then: impl FnOnce(&LocaleContext<'_, '_>) -> T,
    ) -> (LocaleReport, T) {
        self.context(locale, |cx| {
            let (mut diagnostics, mut summary, work) = check_locale(cx);
            summary::locate(&mut diagnostics, locale);
            sort_diagnostics(&mut diagnostics);
            summary.count(&diagnostics);
            let report = LocaleReport { code: locale.code.to_owned(), diagnostics, summary, work };
            (report, then(cx))
        })
    }

    /// `locale`'s context, compared with the reference unless it is the reference, without
    /// checking it (a pseudo-locale: the reference in disguise).
    pub fn context<T>(&self, locale: &LocaleInput<'_>, f: impl FnOnce(&LocaleContext<'_, '_>) -> T) -> T {
        let compare_with = self.reference.as_ref().filter(|r| r.input.code != locale.code);
        f(&LocaleContext::new(locale, self.rules, compare_with))
    }
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
