//! `--format junit`: JUnit XML, the test-report format nearly every CI system shows (GitLab's
//! merge-request test summary, Jenkins' test results, Azure Pipelines, CircleCI, Buildkite).
//!
//! The shape, and why:
//! - A `<testsuite>` per locale of the summary, in its order, named by the locale, and one named
//!   `project` for findings about no locale (pipeline.yaml, a template's own faults), when there
//!   are any: the test views group by suite, so a translator finds their language.
//! - A `<testcase>` per finding, not per file: the report knows the files findings point into,
//!   not every file that was checked, and a case per finding gives each error its own row with
//!   its message, where a case per file would pile a file's errors into one. Its `classname` is
//!   `<locale>.<code>` (Jenkins shows it as package and class: locale, then check), its `name`
//!   the place (`file:line:col`, and the message id), its `file` the file.
//! - An error is a `<failure>` (type: the code; message: the message; body: place, message, hint,
//!   template and layer, related locations).
//!   A warning is a passing case whose `<system-out>` holds the same text: a warning never fails
//!   `placard lint`, and `<skipped>` would say the check did not run, which is not true.
//! - A locale without findings has one passing case, `no findings`, so its suite shows as
//!   passed rather than empty, and a clean run is not "no tests" (Jenkins fails on that).
//! - No `time` or `timestamp`: the same report gives the same bytes.
//!
//! Text is escaped for XML, and characters XML 1.0 cannot hold at all (most C0 controls, U+FFFE,
//! U+FFFF; a translation can contain them) are written `<U+XXXX>`, as the human reporter writes
//! the invisible characters it reveals, so the file always parses.

use std::collections::BTreeMap;
use std::fmt::Write;

use placard_core::{Diagnostic, Severity};
use placard_lint::Report;

/// The suite for findings about no locale.
pub const PROJECT_SUITE: &str = "project";

/// The report as JUnit XML, with a trailing newline.
pub fn render(report: &Report) -> String {
    let mut suites: BTreeMap<&str, Vec<&Diagnostic>> =
        report.summary.locales.keys().map(|locale| (locale.as_str(), Vec::new())).collect();
    let mut project = Vec::new();
    for d in &report.diagnostics {
        match &d.locale {
            Some(locale) => suites.entry(locale.as_str()).or_default().push(d),
            None => project.push(d),
        }
    }
    let mut ordered: Vec<(&str, Vec<&Diagnostic>)> = Vec::new();
    if !project.is_empty() {
        ordered.push((PROJECT_SUITE, project));
    }
    ordered.extend(suites);

    let cases = |findings: &[&Diagnostic]| findings.len().max(1);
    let failures = |findings: &[&Diagnostic]| findings.iter().filter(|d| d.severity == Severity::Error).count();
    let tests: usize = ordered.iter().map(|(_, f)| cases(f)).sum();
    let failed: usize = ordered.iter().map(|(_, f)| failures(f)).sum();

    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<testsuites name=\"placard lint\" tests=\"{tests}\" failures=\"{failed}\" errors=\"0\">");
    for (name, findings) in &ordered {
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            attribute(name),
            cases(findings),
            failures(findings)
        );
        if findings.is_empty() {
            let _ = writeln!(out, "    <testcase classname=\"{}\" name=\"no findings\"/>", attribute(name));
        }
        for d in findings {
            case(&mut out, name, d);
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// One finding as a `<testcase>`.
fn case(out: &mut String, suite: &str, d: &Diagnostic) {
    let at = place(d.file.as_deref(), d.line.map(u64::from), d.column.map(u64::from));
    let mut name = at.clone();
    if let Some(id) = &d.message_id {
        let _ = write!(name, " {id}");
    }
    let _ = write!(
        out,
        "    <testcase classname=\"{}.{}\" name=\"{}\"",
        attribute(suite),
        d.code.as_str(),
        attribute(&name)
    );
    if let Some(file) = &d.file {
        let _ = write!(out, " file=\"{}\"", attribute(file));
    }
    out.push_str(">\n");
    let mut body = format!("{at}: {}: {}", d.severity, crate::message_text(d));
    if let Some(template) = &d.template {
        let _ = write!(body, "\ntemplate: {template}");
    }
    if let Some(layer) = &d.layer {
        let _ = write!(body, "\nlayer: {layer}");
    }
    for related in &d.related {
        let file = related.file.as_deref().or(d.file.as_deref());
        let _ = write!(
            body,
            "\n{}: {}",
            place(file, related.line.map(u64::from), related.column.map(u64::from)),
            related.message
        );
    }
    match d.severity {
        Severity::Error => {
            let _ = writeln!(
                out,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                d.code.as_str(),
                attribute(&d.message),
                text(&body)
            );
        }
        Severity::Warning => {
            let _ = writeln!(out, "      <system-out>{}</system-out>", text(&body));
        }
    }
    out.push_str("    </testcase>\n");
}

/// `file:line:col`, as much of it as is known; `the project` without a file.
pub(crate) fn place(file: Option<&str>, line: Option<u64>, column: Option<u64>) -> String {
    let Some(file) = file else { return "the project".to_owned() };
    match (line, column) {
        (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
        (Some(line), None) => format!("{file}:{line}"),
        _ => file.to_owned(),
    }
}

/// Escaped for element content.
pub(crate) fn text(s: &str) -> String {
    escape(s, false)
}

/// Escaped for a quoted attribute value: line breaks and tabs too, which an XML parser would
/// otherwise turn into spaces.
pub(crate) fn attribute(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            '\n' | '\t' if in_attribute => {
                let _ = write!(out, "&#{};", c as u32);
            }
            // A parser turns a raw CR (and CRLF) into LF: written as a reference it survives.
            '\r' => out.push_str("&#13;"),
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                // Not allowed in XML 1.0 at all, not even as a character reference.
                let _ = write!(out, "&lt;U+{:04X}&gt;", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_replaces_what_xml_cannot_hold() {
        assert_eq!(text("a < b & \"c\"\r\n"), "a &lt; b &amp; \"c\"&#13;\n");
        assert_eq!(attribute("x\"y\nz\t"), "x&quot;y&#10;z&#9;");
        assert_eq!(text("bell\u{7} nul\u{0} \u{FFFF}"), "bell&lt;U+0007&gt; nul&lt;U+0000&gt; &lt;U+FFFF&gt;");
        assert_eq!(text("\u{200F}ok"), "\u{200F}ok", "allowed characters are kept");
    }

    #[test]
    fn places_say_what_is_known() {
        assert_eq!(place(Some("a.ftl"), Some(3), Some(7)), "a.ftl:3:7");
        assert_eq!(place(Some("a.ftl"), Some(3), None), "a.ftl:3");
        assert_eq!(place(Some("a.ftl"), None, None), "a.ftl");
        assert_eq!(place(None, None, None), "the project");
    }
}
