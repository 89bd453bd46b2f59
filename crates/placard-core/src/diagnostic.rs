//! A diagnostic is data: every reporter (human, JSON, GitHub annotations) renders the same fields,
//! so what a translator reads and what CI annotates can never disagree.

use std::cmp::Ordering;
use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::Code;

/// How much a finding matters. Errors fail `placard lint` (exit 1); warnings never do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One finding of one check.
///
/// `file` is relative to the folder of the pipeline.yaml in use and always uses `/`. `span` is a
/// byte range into that file's decoded text (byte-order mark removed); `line` and `column`
/// (1-based, column counted in characters) are derived from it by [`Diagnostic::locate`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub locale: Option<String>,
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message_id: Option<String>,
    pub message: String,
    pub hint: Option<String>,
    /// For layout findings: the template and the layer (`layers[2] (helpline)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    /// Secondary locations, as rustc draws secondary labels: where a placeable was opened, which
    /// message uses the term a character sits in. Omitted from JSON when empty, so consumers
    /// written before it existed see the same objects.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    #[serde(skip)]
    pub span: Option<Range<usize>>,
}

/// A secondary location of a [`Diagnostic`], with a label saying what is there.
///
/// `file` is `None` until [`Diagnostic::related`] or [`Diagnostic::locate`] fills it with the
/// diagnostic's own file; `line` and `column` come from `span` as for the diagnostic itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
    #[serde(skip)]
    pub span: Option<Range<usize>>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            locale: None,
            file: None,
            line: None,
            column: None,
            message_id: None,
            message: message.into(),
            hint: None,
            template: None,
            layer: None,
            related: Vec::new(),
            span: None,
        }
    }

    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    pub fn file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    pub fn span(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    pub fn message_id(mut self, id: impl Into<String>) -> Self {
        self.message_id = Some(id.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a secondary location in the diagnostic's own file (set the file first).
    pub fn related(self, span: Range<usize>, message: impl Into<String>) -> Self {
        let file = self.file.clone();
        self.related_in(file, span, message)
    }

    /// Adds a secondary location in `file` (`None`: the diagnostic's own file).
    pub fn related_in(mut self, file: Option<String>, span: Range<usize>, message: impl Into<String>) -> Self {
        self.related.push(Related { file, line: None, column: None, message: message.into(), span: Some(span) });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Fills `line` and `column` from `span` using the index of the file's text, for the
    /// diagnostic and for every related location in the same file. Related locations in other
    /// files keep their span until [`Diagnostic::locate_related`] is given those files' indexes.
    pub fn locate(&mut self, index: &crate::LineIndex) {
        if let Some(span) = &self.span {
            let at = index.line_col(span.start);
            self.line = Some(at.line);
            self.column = Some(at.column);
        }
        let own = self.file.clone();
        for related in &mut self.related {
            if related.file.is_none() {
                related.file.clone_from(&own);
            }
            if related.file == own {
                related.locate(index);
            }
        }
    }

    /// Fills `line` and `column` of the related locations in `file`.
    pub fn locate_related(&mut self, file: &str, index: &crate::LineIndex) {
        for related in self.related.iter_mut().filter(|r| r.file.as_deref() == Some(file)) {
            related.locate(index);
        }
    }
}

impl Related {
    fn locate(&mut self, index: &crate::LineIndex) {
        if let Some(span) = &self.span {
            let at = index.line_col(span.start);
            self.line = Some(at.line);
            self.column = Some(at.column);
        }
    }
}

/// Sorts diagnostics into the order every reporter prints them: by locale, file and position.
/// Diagnostics without a locale (configuration problems) come first; a diagnostic without a
/// line comes before the file's located ones. The sort is stable: findings at the same place
/// keep the order the checks produced them in, which is itself fixed.
pub fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(compare);
}

fn compare(a: &Diagnostic, b: &Diagnostic) -> Ordering {
    (&a.locale, &a.file, a.line, a.column).cmp(&(&b.locale, &b.file, b.line, b.column))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LineIndex;

    #[test]
    fn locate_fills_related_locations_in_the_same_file() {
        let text = "a = { $x\nb = 1\n";
        let mut d = Diagnostic::error(Code::Syntax, "unclosed")
            .file("main.ftl")
            .span(8..8)
            .related(4..5, "opened here")
            .related_in(Some("other.ftl".to_owned()), 0..1, "elsewhere");
        d.locate(&LineIndex::new(text));
        assert_eq!((d.line, d.column), (Some(1), Some(9)));
        assert_eq!(d.related[0].file.as_deref(), Some("main.ftl"));
        assert_eq!((d.related[0].line, d.related[0].column), (Some(1), Some(5)));
        assert_eq!(d.related[1].line, None, "another file needs its own index");
        d.locate_related("other.ftl", &LineIndex::new("x\n"));
        assert_eq!((d.related[1].line, d.related[1].column), (Some(1), Some(1)));
    }
}
