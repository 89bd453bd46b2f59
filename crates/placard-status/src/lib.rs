//! `placard status`: one row per locale — how much is translated, what lint found, when the files
//! last changed, and whether each template builds — worst first, so the locale that needs help
//! is at the top. [`status`] computes the table from a lint report; [`render_human`],
//! [`render_json`] and [`render_markdown`] (for a pull-request comment) render the same data.

mod render;
mod time;

use std::collections::{BTreeMap, BTreeSet};
use std::time::SystemTime;

use placard_core::Severity;
use placard_lint::Report;
use placard_pipeline::{LocaleTexts, Workspace};
use serde::Serialize;

pub use render::{render_human, render_json, render_markdown};

/// The whole table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Status {
    /// The reference locale's code.
    pub reference: String,
    /// Messages and terms in the reference: what 100% means.
    pub reference_messages: usize,
    /// Template names, in pipeline.yaml's order.
    pub templates: Vec<String>,
    /// Worst first: least translated, then most errors, then most warnings, then by code.
    pub locales: Vec<LocaleStatus>,
}

/// One locale's row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LocaleStatus {
    pub code: String,
    /// `rtl` for right-to-left scripts, else `ltr`.
    pub direction: &'static str,
    /// Translated share of the reference's messages, in percent, rounded down to one decimal
    /// (so 99.96% is never shown as 100%); `None` when the reference could not be read.
    pub progress: Option<f64>,
    /// Reference messages this locale has.
    pub translated: usize,
    pub missing: usize,
    pub obsolete: usize,
    pub errors: usize,
    pub warnings: usize,
    /// The newest modification time among the locale's `.ftl` files, `YYYY-MM-DD HH:MM` UTC.
    pub last_change: Option<String>,
    /// One entry per template, in [`Status::templates`] order.
    pub templates: Vec<TemplateStatus>,
}

/// Whether a template builds for a locale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TemplateStatus {
    pub name: String,
    pub state: TemplateState,
}

/// What `placard build` would do with one locale × template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TemplateState {
    /// It builds.
    Builds,
    /// The layout checks found an error in this template for this locale (text that overflows,
    /// a missing glyph, ...).
    Fails,
    /// The locale's text has lint errors, so no template of it is built.
    Blocked,
}

/// The status of every selected locale of `workspace`, from `report` (text and layout lint of
/// those locales), the names of the project's `templates` and what the stage kept of each locale
/// (`staged`: when its files last changed).
pub fn status(
    workspace: &Workspace,
    report: &Report,
    templates: &[String],
    staged: &BTreeMap<String, LocaleTexts>,
) -> Status {
    let reference = &workspace.config.reference.code;
    let reference_messages = workspace.message_count(reference);
    let mut locales = Vec::new();
    for locale in workspace.locales.iter().filter(|l| workspace.selected.contains(&l.code)) {
        let counts = report.summary.locales.get(&locale.code).cloned().unwrap_or_default();
        let translated = reference_messages.map_or(0, |total| total.saturating_sub(counts.missing));
        let progress = reference_messages.map(|total| percent(translated, total));
        let mine = |d: &&placard_core::Diagnostic| d.locale.as_deref().is_none_or(|l| l == locale.code);
        let errors: Vec<&placard_core::Diagnostic> =
            report.diagnostics.iter().filter(mine).filter(|d| d.severity == Severity::Error).collect();
        let text_errors = errors.iter().any(|d| d.template.is_none() && d.locale.is_some());
        let failing: BTreeSet<&str> = errors.iter().filter_map(|d| d.template.as_deref()).collect();
        let templates = templates
            .iter()
            .map(|name| TemplateStatus {
                name: name.clone(),
                state: if text_errors {
                    TemplateState::Blocked
                } else if failing.contains(name.as_str()) {
                    TemplateState::Fails
                } else {
                    TemplateState::Builds
                },
            })
            .collect();
        let newest: Option<SystemTime> = staged.get(&locale.code).and_then(|s| s.last_change);
        locales.push(LocaleStatus {
            code: locale.code.clone(),
            direction: if locale.locale.is_rtl() { "rtl" } else { "ltr" },
            progress,
            translated,
            missing: counts.missing,
            obsolete: counts.obsolete,
            errors: counts.errors,
            warnings: counts.warnings,
            last_change: newest.map(time::utc_minute),
            templates,
        });
    }
    locales.sort_by(|a, b| {
        let progress = |l: &LocaleStatus| l.progress.unwrap_or(0.0);
        progress(a)
            .total_cmp(&progress(b))
            .then(b.errors.cmp(&a.errors))
            .then(b.warnings.cmp(&a.warnings))
            .then(a.code.cmp(&b.code))
    });
    Status {
        reference: reference.clone(),
        reference_messages: reference_messages.unwrap_or(0),
        templates: templates.to_vec(),
        locales,
    }
}

/// `part` of `total` in percent, rounded down to one decimal.
fn percent(part: usize, total: usize) -> f64 {
    if total == 0 {
        return 100.0;
    }
    (part as u128 * 1000 / total as u128) as f64 / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_rounds_down_so_almost_done_is_not_done() {
        assert_eq!(percent(9_999, 10_000), 99.9);
        assert_eq!(percent(10_000, 10_000), 100.0);
        assert_eq!(percent(1, 3), 33.3);
        assert_eq!(percent(0, 7), 0.0);
        assert_eq!(percent(0, 0), 100.0, "nothing to translate is done");
    }
}
