//! The default reporter, for translators: rustc-style findings with the source line and a caret,
//! the check's code, a hint, then a table of counts per locale.

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
    let renderer = if options.color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for d in &report.diagnostics {
        let text = d.file.as_deref().and_then(source);
        out.push_str(&renderer.render(&[group(d, text)]));
        out.push_str("\n\n");
    }
    out.push_str(&summary(report));
    out
}

fn group<'a>(d: &'a Diagnostic, text: Option<&'a str>) -> Group<'a> {
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
        group = match (d.line, text) {
            (Some(line), Some(text)) => group.element(snippet(d, file, line, text)),
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
    text: &'a str,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let index = LineIndex::new(text);
    let line_text = index.line_text(line).unwrap_or("");
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
