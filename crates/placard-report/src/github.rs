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
        let message = crate::message_text(d);
        out.push_str(&command_line(
            command,
            d.file.as_deref(),
            d.line.map(u64::from),
            d.column.map(u64::from),
            d.code.as_str(),
            &message,
        ));
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

/// One workflow command: `::error file=…,line=…,col=…,title=…::message`, escaped, with a newline.
pub(crate) fn command_line(
    command: &str,
    file: Option<&str>,
    line: Option<u64>,
    column: Option<u64>,
    title: &str,
    message: &str,
) -> String {
    let mut properties = Vec::new();
    if let Some(file) = file {
        properties.push(format!("file={}", property(file)));
    }
    if let Some(line) = line {
        properties.push(format!("line={line}"));
    }
    if let Some(column) = column {
        properties.push(format!("col={column}"));
    }
    properties.push(format!("title={}", property(title)));
    format!("::{command} {}::{}\n", properties.join(","), data(message))
}

/// Escapes a command's message (GitHub's rules for workflow command data).
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value, which also may not contain `:` or `,`.
fn property(s: &str) -> String {
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
