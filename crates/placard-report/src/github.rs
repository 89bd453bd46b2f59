//! `--format github`: GitHub Actions workflow commands, one per diagnostic, so CI annotates the
//! file and line in the pull request.

use std::fmt::Write;

use placard_core::Severity;
use placard_lint::Report;

/// One `::error`/`::warning` line per diagnostic, then a `::notice` with the totals.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = Vec::new();
        if let Some(file) = &d.file {
            properties.push(format!("file={}", property(file)));
        }
        if let Some(line) = d.line {
            properties.push(format!("line={line}"));
        }
        if let Some(column) = d.column {
            properties.push(format!("col={column}"));
        }
        properties.push(format!("title={}", property(d.code.as_str())));
        let mut message = match &d.locale {
            Some(locale) => format!("[{locale}] {}", d.message),
            None => d.message.clone(),
        };
        if let Some(hint) = &d.hint {
            message.push_str("\nhint: ");
            message.push_str(hint);
        }
        let _ = writeln!(out, "::{command} {}::{}", properties.join(","), data(&message));
    }
    let _ = writeln!(
        out,
        "::notice title=placard lint::{} errors, {} warnings in {} locales",
        report.summary.errors,
        report.summary.warnings,
        report.summary.locales.len()
    );
    out
}

/// Escapes a command's message (GitHub's rules for workflow command data).
pub(crate) fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value, which also may not contain `:` or `,`.
pub(crate) fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use placard_core::{Code, Diagnostic};

    #[test]
    fn annotations_escape_their_fields() {
        let mut d = Diagnostic::error(Code::RequiredText, "100% wrong:\nsee")
            .locale("pl")
            .file("locales/pl/a,b.ftl")
            .hint("fix it");
        d.line = Some(3);
        d.column = Some(7);
        let report = Report { diagnostics: vec![d], ..Report::default() };
        let out = render(&report);
        assert_eq!(
            out.lines().next(),
            Some(
                "::error file=locales/pl/a%2Cb.ftl,line=3,col=7,title=required-text::[pl] 100%25 wrong:%0Asee%0Ahint: fix it"
            )
        );
    }
}
