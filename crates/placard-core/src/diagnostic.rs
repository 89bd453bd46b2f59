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

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Fills `line` and `column` from `span` using the index of the file's text.
    pub fn locate(&mut self, index: &crate::LineIndex) {
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
