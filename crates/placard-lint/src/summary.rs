//! The report: diagnostics plus counts per locale, in the shape the JSON reporter prints.

use std::collections::{BTreeMap, HashMap};

use placard_core::{Diagnostic, LineIndex};
use serde::Serialize;

use crate::LocaleInput;

/// Counts for one locale. `missing` counts the reference's messages and terms this locale lacks
/// (those of files it lacks entirely included) and `obsolete` those it has that the reference
/// file lacks, as compare-locales counts them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LocaleSummary {
    /// Messages and terms the locale defines (each id counted once per file).
    pub messages: usize,
    pub missing: usize,
    pub obsolete: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl LocaleSummary {
    pub(crate) fn count(&mut self, diagnostics: &[Diagnostic]) {
        self.errors = diagnostics.iter().filter(|d| d.is_error()).count();
        self.warnings = diagnostics.len() - self.errors;
    }
}

/// Totals over the whole run.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub locales: BTreeMap<String, LocaleSummary>,
}

impl Summary {
    pub(crate) fn total(&mut self, diagnostics: &[Diagnostic]) {
        self.errors = diagnostics.iter().filter(|d| d.is_error()).count();
        self.warnings = diagnostics.len() - self.errors;
    }
}

/// What `lint` returns.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
    /// The work the `required-text` analysis took; no reporter shows it.
    #[serde(skip)]
    pub required_work: RequiredWork,
}

/// Units of work the `required-text` analysis took over all locales and rules: deterministic,
/// so that the `ftl` fuzz target can assert it stays linear in the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RequiredWork {
    /// Proving each required string in every form: elements visited, automaton steps, relation
    /// entries. Linear in the size of the grammar reachable from the required messages.
    pub proof: u64,
    /// Listing the forms for the reading-order and invisible-character checks: bytes built.
    /// Bounded per rule by the limits (`forms` × `form_kib`, four times over) whatever the input.
    pub listing: u64,
}

impl std::ops::AddAssign for RequiredWork {
    fn add_assign(&mut self, other: RequiredWork) {
        self.proof += other.proof;
        self.listing += other.listing;
    }
}

impl Report {
    /// The report over locales checked one by one (by a [`crate::Linter`]), in the order given.
    pub fn from_locales(locales: Vec<crate::LocaleReport>) -> Report {
        let mut report = Report::default();
        report.diagnostics.reserve_exact(locales.iter().map(|l| l.diagnostics.len()).sum());
        for locale in locales {
            report.required_work += locale.work;
            report.diagnostics.extend(locale.diagnostics);
            report.summary.locales.insert(locale.code, locale.summary);
        }
        // Each locale's diagnostics arrive located and sorted: a stable sort of sorted runs is a merge.
        placard_core::sort_diagnostics(&mut report.diagnostics);
        report.summary.total(&report.diagnostics);
        report
    }

    /// Adds diagnostics found outside the checks (configuration, folders) and recounts.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        for d in diagnostics {
            if let Some(locale) = d.locale.as_ref().and_then(|l| self.summary.locales.get_mut(l)) {
                if d.is_error() {
                    locale.errors += 1;
                } else {
                    locale.warnings += 1;
                }
            }
            self.diagnostics.push(d);
        }
        placard_core::sort_diagnostics(&mut self.diagnostics);
        let diagnostics = std::mem::take(&mut self.diagnostics);
        self.summary.total(&diagnostics);
        self.diagnostics = diagnostics;
    }

    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }
}

/// Fills line and column of every diagnostic of `locale` that has a span, indexing each file once.
pub(crate) fn locate(diagnostics: &mut [Diagnostic], locale: &LocaleInput<'_>) {
    let texts: HashMap<&str, &str> = locale.files.iter().map(|f| (f.display, f.parsed.text())).collect();
    let mut indexes: HashMap<&str, LineIndex<'_>> = HashMap::new();
    for d in diagnostics {
        let (Some(file), Some(_)) = (d.file.as_deref(), d.span.as_ref()) else {
            continue;
        };
        let Some((&key, &text)) = texts.get_key_value(file) else {
            continue;
        };
        let file = key;
        d.locate(indexes.entry(key).or_insert_with(|| LineIndex::new(text)));
        // A second location in another of the locale's files ("shown here" by a message that
        // uses a term defined elsewhere).
        let others: Vec<&str> = d
            .related
            .iter()
            .filter_map(|r| r.file.as_deref())
            .filter(|f| *f != file)
            .filter_map(|f| texts.get_key_value(f).map(|(k, _)| *k))
            .collect();
        for other in others {
            let text = texts[other];
            d.locate_related(other, indexes.entry(other).or_insert_with(|| LineIndex::new(text)));
        }
    }
}
