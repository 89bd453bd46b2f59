//! The default reporter, for translators: rustc-style findings with the source line and a caret,
//! the check's code, a hint, then a table of counts per locale.

use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use placard_core::{Diagnostic, LineIndex, Severity};
use placard_lint::Report;

use crate::invisible::{Revealed, reveal};

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
    let mut indexes: HashMap<String, Option<LineIndex<'s>>> = HashMap::new();
    for d in diagnostics {
        let mut line_of = |file: &str, line: u32| {
            indexes
                .entry(file.to_owned())
                .or_insert_with(|| source(file).map(LineIndex::new))
                .as_ref()
                .map(|index| index.line_text(line).unwrap_or(""))
        };
        let primary = match (&d.file, d.line) {
            (Some(file), Some(line)) => line_of(file, line),
            _ => None,
        };
        let related: Vec<Option<&str>> = d
            .related
            .iter()
            .map(|r| match (r.file.as_deref().or(d.file.as_deref()), r.line) {
                (Some(file), Some(line)) => line_of(file, line),
                _ => None,
            })
            .collect();
        let shown = Shown::new(d, primary, &related);
        let mut rendered = renderer.render(&[shown.group(d)]);
        shown.restore_columns(&mut rendered);
        out.push_str(&rendered);
        out.push_str("\n\n");
    }
    out
}

/// One source line as a snippet shows it: invisible characters revealed, and the annotations on
/// it (primary first when there is one), as byte ranges of the shown text with their real columns.
struct Line<'a> {
    file: &'a str,
    line: u32,
    text: Revealed,
    /// (shown range, real 1-based column, label, primary)
    marks: Vec<(Range<usize>, u32, Option<&'a str>, bool)>,
}

impl Line<'_> {
    /// The mark annotate-snippets names in the `file:line:col` header: the primary one, else the
    /// leftmost.
    fn header_mark(&self) -> Option<&(Range<usize>, u32, Option<&str>, bool)> {
        self.marks.iter().find(|m| m.3).or_else(|| self.marks.iter().min_by_key(|m| m.0.start))
    }
}

/// Everything of one diagnostic that is drawn as source: its own line and the lines of its
/// related locations, one snippet per file and line, in the order they first appear.
struct Shown<'a> {
    lines: Vec<Line<'a>>,
    /// Related locations whose line could not be read: said in words instead.
    notes: Vec<String>,
}

impl<'a> Shown<'a> {
    fn new(d: &'a Diagnostic, primary: Option<&'a str>, related: &[Option<&'a str>]) -> Self {
        let mut shown = Shown { lines: Vec::new(), notes: Vec::new() };
        if let (Some(file), Some(line), Some(text)) = (d.file.as_deref(), d.line, primary) {
            let column = d.column.unwrap_or(1);
            let length = d.span.as_ref().map_or(0, |s| s.end.saturating_sub(s.start));
            shown.mark(file, line, text, column, length, None, true);
        }
        for (r, text) in d.related.iter().zip(related) {
            let file = r.file.as_deref().or(d.file.as_deref());
            match (file, r.line, text) {
                (Some(file), Some(line), Some(text)) => {
                    let column = r.column.unwrap_or(1);
                    let length = r.span.as_ref().map_or(0, |s| s.end.saturating_sub(s.start));
                    shown.mark(file, line, text, column, length, Some(&r.message), false);
                }
                (file, line, _) => {
                    let at = match (file, line, r.column) {
                        (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}: "),
                        (Some(f), Some(l), None) => format!("{f}:{l}: "),
                        (Some(f), None, _) => format!("{f}: "),
                        _ => String::new(),
                    };
                    shown.notes.push(format!("{at}{}", reveal(&r.message)));
                }
            }
        }
        shown
    }

    /// Adds an annotation `length` bytes long at 1-based `column` of `line` of `file`.
    #[allow(clippy::too_many_arguments, reason = "one call per kind of location, both in this file")]
    fn mark(
        &mut self,
        file: &'a str,
        line: u32,
        text: &str,
        column: u32,
        length: usize,
        label: Option<&'a str>,
        primary: bool,
    ) {
        let start = text.char_indices().nth(column as usize - 1).map_or(text.len(), |(i, _)| i);
        let mut end = (start + length.max(1)).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let i = match self.lines.iter().position(|l| l.file == file && l.line == line) {
            Some(i) => i,
            None => {
                self.lines.push(Line { file, line, text: Revealed::new(text), marks: Vec::new() });
                self.lines.len() - 1
            }
        };
        let shown = &self.lines[i].text;
        let range = shown.offset(start)..shown.offset(end.max(start));
        self.lines[i].marks.push((range, column, label, primary));
    }

    fn group(&self, d: &'a Diagnostic) -> Group<'_> {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = match &d.locale {
            Some(locale) => format!("{} [{locale}]", reveal(&d.message)),
            None => reveal(&d.message).into_owned(),
        };
        let mut group = Group::with_title(level.primary_title(title).id(d.code.as_str()));
        if let Some(file) = &d.file
            && self.lines.first().is_none_or(|l| !l.marks.iter().any(|m| m.3))
        {
            group = match d.line {
                Some(line) => group.element(
                    Origin::path(file.as_str()).line(line as usize).char_column(d.column.unwrap_or(1) as usize),
                ),
                None => group.element(Origin::path(file.as_str())),
            };
        }
        for line in &self.lines {
            let annotations = line.marks.iter().map(|(range, _, label, primary)| {
                let kind = if *primary { AnnotationKind::Primary } else { AnnotationKind::Context };
                kind.span(range.clone()).label(label.map(reveal))
            });
            group = group.element(
                Snippet::source(line.text.text.as_str())
                    .line_start(line.line as usize)
                    .path(line.file)
                    .annotations(annotations),
            );
        }
        for note in &self.notes {
            group = group.element(Level::NOTE.message(note.as_str()));
        }
        if let Some(hint) = &d.hint {
            group = group.element(Level::HELP.message(reveal(hint)));
        }
        group
    }

    /// annotate-snippets counts the header's column in the text it was given, where each revealed
    /// character is eight wide; the header must name the column an editor shows, as the JSON and
    /// GitHub reporters do.
    fn restore_columns(&self, rendered: &mut String) {
        for line in &self.lines {
            let Some((range, real, _, _)) = line.header_mark() else { continue };
            let counted = line.text.column(range.start);
            if counted as u32 == *real {
                continue;
            }
            let wrong = format!("{}:{}:{counted}", line.file, line.line);
            if let Some(at) = rendered.find(&wrong) {
                rendered.replace_range(at..at + wrong.len(), &format!("{}:{}:{real}", line.file, line.line));
            }
        }
    }
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

    fn located(d: Diagnostic, text: &str) -> Diagnostic {
        let mut d = d;
        d.locate(&LineIndex::new(text));
        d
    }

    #[test]
    fn related_locations_are_secondary_labels() {
        let text = "hello = Call { -helpline-number\nnext = x\n-helpline-number = 0131\n";
        let end = text.find('\n').expect("line end");
        let d = located(
            Diagnostic::error(Code::Syntax, "unclosed")
                .file("main.ftl")
                .span(end..end)
                .related(13..14, "placeable opened here")
                .related(text.rfind("-helpline").expect("term")..text.len() - 6, "defined here")
                .related_in(Some("other.ftl".to_owned()), 0..1, "and here"),
            text,
        );
        let other = "x\n";
        let source = |file: &str| match file {
            "main.ftl" => Some(text),
            "other.ftl" => Some(other),
            _ => None,
        };
        let mut d = d;
        d.locate_related("other.ftl", &LineIndex::new(other));
        let out = render_diagnostics([&d], &source, Options::default());
        assert!(out.contains(" --> main.ftl:1:32"), "{out}");
        assert!(out.contains("  |              -                 ^"), "{out}");
        assert!(out.contains("placeable opened here"), "{out}");
        assert!(out.contains("::: main.ftl:3:1"), "{out}");
        assert!(out.contains("defined here"), "{out}");
        assert!(out.contains("::: other.ftl:1:1"), "{out}");
    }

    #[test]
    fn invisible_characters_are_shown_and_the_caret_lands_on_them() {
        let text = "helpline = Call 0131 556\u{200F}3535\n";
        let at = text.find('\u{200F}').expect("the mark");
        let d = located(
            Diagnostic::error(Code::UnsafeChar, "a mark\u{200F}")
                .file("main.ftl")
                .span(at..at + 3)
                .hint("see \u{202E}"),
            text,
        );
        let out = render_diagnostics([&d], &|_| Some(text), Options::default());
        assert!(out.contains(" --> main.ftl:1:25"), "the editor's column, not the shown one:\n{out}");
        assert!(out.contains("1 | helpline = Call 0131 556<U+200F>3535"), "{out}");
        assert!(out.contains("  |                         ^^^^^^^^\n"), "the caret covers the marker:\n{out}");
        assert!(out.contains("a mark<U+200F>") && out.contains("see <U+202E>"), "{out}");
        assert!(!out.contains('\u{200F}') && !out.contains('\u{202E}'), "{out}");
    }

    #[test]
    fn a_mark_before_the_caret_moves_it_but_not_the_column() {
        let text = "x = a\u{200B}b c\n";
        let at = text.find('c').expect("c");
        let d = located(Diagnostic::warning(Code::UnsafeChar, "here").file("main.ftl").span(at..at + 1), text);
        let out = render_diagnostics([&d], &|_| Some(text), Options::default());
        assert!(out.contains(" --> main.ftl:1:9"), "{out}");
        assert!(out.contains("1 | x = a<U+200B>b c\n  |                ^"), "{out}");
    }
}
