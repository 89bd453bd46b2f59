//! The default reporter, for translators: rustc-style findings with the source line and a caret,
//! the check's code, a hint, then a table of counts per locale.

use std::collections::HashMap;
use std::fmt::Write;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use placard_core::{Diagnostic, LineIndex, Severity};
use placard_lint::Report;

/// How to render.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// ANSI colours (only on a terminal, and never with NO_COLOR: the caller decides).
    pub color: bool,
}

/// Renders every diagnostic, then the summary. `source` returns a file's text by display path.
pub fn render<'s>(report: &Report, source: &dyn Fn(&str) -> Option<&'s str>, options: Options) -> String {
    let mut out = render_diagnostics(report.diagnostics.iter(), source, options);
    out.push_str(&summary(report));
    out
}

/// Renders `diagnostics` alone, each followed by a blank line.
pub fn render_diagnostics<'d, 's>(
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
    source: &dyn Fn(&str) -> Option<&'s str>,
    options: Options,
) -> String {
    let renderer = if options.color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    // One line index per file, not per finding: a file with thousands of findings stays linear.
    let mut indexes: HashMap<&str, Option<LineIndex<'s>>> = HashMap::new();
    for d in diagnostics {
        let line_text = match (&d.file, d.line) {
            (Some(file), Some(line)) => indexes
                .entry(file.as_str())
                .or_insert_with(|| source(file).map(LineIndex::new))
                .as_ref()
                .map(|index| index.line_text(line).unwrap_or("")),
            _ => None,
        };
        out.push_str(&renderer.render(&[group(d, line_text)]));
        out.push_str("\n\n");
    }
    out
}

/// `line_text` is the text of the diagnostic's line, when its file's source is known.
fn group<'a>(d: &'a Diagnostic, line_text: Option<&'a str>) -> Group<'a> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = match &d.locale {
        Some(locale) => format!("{} [{locale}]", d.message),
        None => d.message.clone(),
    };
    let mut group = Group::with_title(level.primary_title(title).id(d.code.as_str()));
    if let Some(file) = &d.file {
        group = match (d.line, line_text) {
            (Some(line), Some(line_text)) => group.element(snippet(d, file, line, line_text)),
            (Some(line), None) => group
                .element(Origin::path(file.as_str()).line(line as usize).char_column(d.column.unwrap_or(1) as usize)),
            (None, _) => group.element(Origin::path(file.as_str())),
        };
    }
    if let Some(hint) = &d.hint {
        group = group.element(Level::HELP.message(hint.as_str()));
    }
    group
}

fn snippet<'a>(
    d: &'a Diagnostic,
    file: &'a str,
    line: u32,
    line_text: &'a str,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let column = d.column.unwrap_or(1) as usize;
    let start = line_text.char_indices().nth(column - 1).map_or(line_text.len(), |(i, _)| i);
    let wanted = d.span.as_ref().map_or(0, |s| s.end.saturating_sub(s.start));
    let mut end = (start + wanted.max(1)).min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end += 1;
    }
    Snippet::source(line_text)
        .line_start(line as usize)
        .path(file)
        .annotation(AnnotationKind::Primary.span(start..end.max(start)))
}

/// The per-locale table and the totals.
pub fn summary(report: &Report) -> String {
    let s = &report.summary;
    let mut out = String::new();
    if !s.locales.is_empty() {
        let width = s.locales.keys().map(|k| k.chars().count()).max().unwrap_or(6).max(6);
        let _ = writeln!(
            out,
            "{:<width$}  {:>8}  {:>7}  {:>8}  {:>6}  {:>8}",
            "locale", "messages", "missing", "obsolete", "errors", "warnings"
        );
        for (code, l) in &s.locales {
            let _ = writeln!(
                out,
                "{code:<width$}  {:>8}  {:>7}  {:>8}  {:>6}  {:>8}",
                l.messages, l.missing, l.obsolete, l.errors, l.warnings
            );
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let _ = writeln!(
        out,
        "{}, {} in {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.locales.len(), "locale")
    );
    out
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use placard_core::Code;

    use super::*;

    /// Found while testing limits: 20,000 `duplicate-message` findings in one file took 11 s to
    /// print, because each finding indexed the whole file's lines again. Each file is now read
    /// (and indexed) once, however many findings point into it.
    #[test]
    fn human_report_of_many_findings_reads_each_file_once() {
        let text = "a = 1\n".repeat(3);
        let mut report = Report::default();
        for line in 1..=3 {
            let mut d = Diagnostic::error(Code::DuplicateMessage, "again").file("big.ftl");
            d.line = Some(line);
            d.column = Some(1);
            report.diagnostics.push(d);
        }
        let calls = Cell::new(0);
        let source = |file: &str| {
            calls.set(calls.get() + 1);
            (file == "big.ftl").then_some(text.as_str())
        };
        let out = render(&report, &source, Options::default());
        assert_eq!(calls.get(), 1, "the file was looked up once");
        assert_eq!(out.matches("| a = 1").count(), 3, "every finding still quotes its line:\n{out}");
        assert!(out.contains("big.ftl:3:1"), "{out}");
    }
}
