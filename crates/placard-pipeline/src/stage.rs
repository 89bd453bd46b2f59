//! The per-locale stage that `lint`, `build`, `status` and `watch` all run: each selected locale
//! is read, parsed, checked against the reference and asked for the texts the templates show,
//! from one catalog, and then its syntax trees are dropped. Only the reference (and the
//! pseudo-locales made from it) stay parsed for the whole run, so memory follows the largest
//! locale, not the size of the tree: every locale is judged and formatted from the same parse.

use std::collections::{BTreeMap, BTreeSet};
use std::time::SystemTime;

use placard_core::LineIndex;
use placard_fluent::{EntryKind, split_attribute};
use placard_lint::layout::MessageSource;
use placard_lint::{LocaleContext, LocaleReport, Report};
use rayon::prelude::*;

use crate::workspace::{LoadedLocale, input};
use crate::{Error, Workspace};

/// One message as a reader is shown it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Text {
    pub text: String,
    /// The locale whose translation was used (the reference, when this locale lacks it).
    pub from: String,
}

/// What the stage keeps of one locale once its trees are gone.
#[derive(Clone, Debug, Default)]
pub struct LocaleTexts {
    /// Each id asked for (`id` or `id.attribute`) as [`placard_fluent::forms::Formatter::shown`]
    /// formats it, from the locale or else the reference; `None` when neither defines it.
    pub shown: BTreeMap<String, Option<Text>>,
    /// Where each shown id is defined, in the locale its text came from: where a finding about
    /// how it is laid out points.
    pub defined_at: BTreeMap<String, MessageSource>,
    /// When a file of the locale was last changed, as the file system says.
    pub last_change: Option<SystemTime>,
}

/// The texts of the files findings point into, by display path, for reporters that quote lines.
#[derive(Clone, Debug, Default)]
pub struct Sources(BTreeMap<String, String>);

impl Sources {
    pub fn get(&self, display: &str) -> Option<&str> {
        self.0.get(display).map(String::as_str)
    }

    /// Adds (or replaces) a file's text, e.g. a template's, which findings can point at too.
    pub fn insert(&mut self, display: String, text: String) {
        self.0.insert(display, text);
    }
}

/// What the stage found over every selected locale.
#[derive(Debug, Default)]
pub struct Checked {
    /// The text checks' findings (and the workspace's own, about folders and configuration).
    pub report: Report,
    /// Per selected locale, pseudo-locales included, and the reference's (selected or not).
    pub locales: BTreeMap<String, LocaleTexts>,
    pub sources: Sources,
}

/// One locale through the stage.
struct Staged {
    code: String,
    report: Option<LocaleReport>,
    texts: LocaleTexts,
    sources: Vec<(String, String)>,
}

impl Workspace {
    /// Runs the stage on every selected locale, in parallel, asking each for `ids` (the messages
    /// templates show), and keeping the text of the files findings point into when `sources` is
    /// set (for a reporter that quotes lines). A file that cannot be read, or a locale over the
    /// limits, is an [`Error`] (the first in locale order); every content problem is a finding.
    pub fn check(&self, ids: &[&str], sources: bool) -> Result<Checked, Error> {
        let reference = self.reference().map(input);
        let linter = placard_lint::Linter::new(reference.as_ref(), &self.config.rules);
        // The reference's texts are asked for even when it is not selected: a translation's
        // context page shows them beside its own.
        let mut codes: BTreeSet<&str> = self.selected.iter().map(String::as_str).collect();
        codes.extend(self.reference().map(|r| r.code.as_str()));
        let codes: Vec<&str> = codes.into_iter().collect();
        // One locale per thread, its files read one after another: a thread never starts a
        // second locale while it waits, so no more than one locale per thread is in memory.
        // With fewer locales than threads (`--locale pl`), each locale's files are read in
        // parallel instead.
        let files_in_parallel = codes.len() < rayon::current_num_threads();
        let staged: Vec<Result<Staged, Error>> =
            codes.par_iter().map(|code| self.stage(&linter, code, ids, sources, files_in_parallel)).collect();
        let mut checked = Checked::default();
        let mut reports = Vec::new();
        for staged in staged {
            let staged = staged?;
            reports.extend(staged.report);
            checked.locales.insert(staged.code, staged.texts);
            for (display, text) in staged.sources {
                checked.sources.0.insert(display, text);
            }
        }
        checked.report = Report::from_locales(reports);
        checked.report.extend(self.diagnostics.iter().cloned());
        Ok(checked)
    }

    /// Runs every text check on the selected locales (no texts asked for).
    pub fn lint(&self) -> Result<Report, Error> {
        self.check(&[], false).map(|checked| checked.report)
    }

    fn stage(
        &self,
        linter: &placard_lint::Linter<'_>,
        code: &str,
        ids: &[&str],
        keep_sources: bool,
        files_in_parallel: bool,
    ) -> Result<Staged, Error> {
        let read;
        let loaded: &LoadedLocale = match self.kept(code) {
            Some(kept) => kept,
            None => {
                read = self.read(code, files_in_parallel)?;
                &read
            }
        };
        let locale = input(loaded);
        let reference = linter.reference();
        let ask = |cx: &LocaleContext<'_, '_>| texts(cx, reference, ids);
        // Pseudo-locales are the reference in disguise: only the layout checks apply to them.
        let (report, mut texts) = if self.pseudo.contains(code) || !self.selected.contains(code) {
            (None, linter.context(&locale, ask))
        } else {
            let (report, texts) = linter.check(&locale, ask);
            (Some(report), texts)
        };
        drop(locale);
        texts.last_change = loaded.files.iter().filter_map(|f| f.modified).max();
        if !keep_sources {
            return Ok(Staged { code: code.to_owned(), report, texts, sources: Vec::new() });
        }

        // The files a reporter may quote: where a finding or a shown text points.
        let mut wanted: BTreeSet<&str> = texts.defined_at.values().map(|at| at.file.as_str()).collect();
        for d in report.iter().flat_map(|r| &r.diagnostics) {
            if let (Some(file), Some(_)) = (d.file.as_deref(), d.line) {
                wanted.insert(file);
            }
            for r in d.related.iter().filter(|r| r.line.is_some()) {
                wanted.extend(r.file.as_deref().or(d.file.as_deref()));
            }
        }
        // A translation's finding may point into the reference too ("the reference has it here").
        let others = self.reference().filter(|r| r.code != loaded.code).into_iter().flat_map(|r| &r.files);
        let sources: Vec<(String, String)> = loaded
            .files
            .iter()
            .chain(others)
            .filter(|f| wanted.contains(f.display.as_str()))
            .map(|f| (f.display.clone(), f.parsed.source_text().to_owned()))
            .collect();
        Ok(Staged { code: code.to_owned(), report, texts, sources })
    }
}

/// `ids` as `cx`'s readers are shown them, falling back to the `reference` (only possible with
/// `strict: false`), with where each is defined.
fn texts(cx: &LocaleContext<'_, '_>, reference: Option<&LocaleContext<'_, '_>>, ids: &[&str]) -> LocaleTexts {
    let mut out = LocaleTexts::default();
    let sources: Vec<&LocaleContext<'_, '_>> =
        std::iter::once(cx).chain(reference.filter(|r| r.input.code != cx.input.code)).collect();
    // One line index per file, however many of the ids it defines.
    let mut indexes: BTreeMap<(usize, usize), LineIndex<'_>> = BTreeMap::new();
    for &id in ids {
        let (name, attribute) = split_attribute(id);
        let found = sources.iter().enumerate().find_map(|(which, source)| {
            let entry = source.catalog.get(EntryKind::Message, name)?;
            let pattern = entry.pattern(attribute)?;
            let text = source.with_formatter(|f| f.shown(pattern).form.text);
            Some((which, source, entry, Text { text, from: source.input.code.to_owned() }))
        });
        let Some((which, source, entry, text)) = found else {
            out.shown.insert(id.to_owned(), None);
            continue;
        };
        let file = &source.input.files[entry.file];
        let anchor = attribute.and_then(|a| entry.attribute(a)).map_or(entry.id.name, |a| a.id.name);
        if let Some(offset) = file.parsed.offset_of(anchor) {
            let index = indexes.entry((which, entry.file)).or_insert_with(|| LineIndex::new(file.parsed.text()));
            let at = index.line_col(offset);
            out.defined_at.insert(
                id.to_owned(),
                MessageSource {
                    file: file.display.to_owned(),
                    span: offset..offset + anchor.len(),
                    line: at.line,
                    column: at.column,
                },
            );
        }
        out.shown.insert(id.to_owned(), Some(text));
    }
    out
}
