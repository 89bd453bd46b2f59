//! `--format gitlab`: a GitLab Code Quality report (`artifacts: reports: codequality:`), which
//! GitLab shows in the merge request's widget and on the changed lines of its diff.
//!
//! An issue per finding, with the fields GitLab requires: `description` (the message, as the
//! GitHub annotations show it), `check_name` (the code), `fingerprint` (stable across runs and
//! unique within one: see `fingerprint.rs`), `severity`, and `location.path` with
//! `location.lines.begin`. GitLab needs both of those for every issue, so:
//! - a finding about no file is placed at the pipeline file;
//! - a finding without a line (a missing file, a whole-file problem) is placed at line 1.
//!
//! Severities: an error is `critical` — it fails `placard lint` and, left in, can print a wrong
//! or unreadable helpline — above the `major` that most code-quality tools use for what merely
//! deserves a fix, so Placard's errors sort first in a widget shared with them. `blocker` is kept
//! for unusable input, when nothing could be checked at all; a warning is `minor`.

use placard_core::Severity;
use placard_lint::Report;
use serde::Serialize;

use crate::Run;

#[derive(Serialize)]
pub(crate) struct Issue<'a> {
    pub description: String,
    pub check_name: &'a str,
    pub fingerprint: String,
    pub severity: &'static str,
    pub location: Location<'a>,
}

#[derive(Serialize)]
pub(crate) struct Location<'a> {
    pub path: &'a str,
    pub lines: Lines,
}

#[derive(Serialize)]
pub(crate) struct Lines {
    pub begin: u64,
}

/// The report as a Code Quality JSON array, pretty-printed with a trailing newline.
pub fn render(report: &Report, run: &Run<'_>) -> String {
    let fingerprints = crate::fingerprint::fingerprints(&report.diagnostics);
    let issues: Vec<Issue<'_>> = report
        .diagnostics
        .iter()
        .zip(fingerprints)
        .map(|(d, fingerprint)| Issue {
            description: crate::message_text(d),
            check_name: d.code.as_str(),
            fingerprint,
            severity: match d.severity {
                Severity::Error => "critical",
                Severity::Warning => "minor",
            },
            location: Location {
                path: d.file.as_deref().unwrap_or(run.config),
                lines: Lines { begin: d.line.map_or(1, u64::from) },
            },
        })
        .collect();
    to_string(&issues)
}

pub(crate) fn to_string(issues: &[Issue<'_>]) -> String {
    let mut out = serde_json::to_string_pretty(issues).expect("plain data serialises");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use placard_core::{Code, Diagnostic};

    #[test]
    fn every_finding_is_an_issue_with_a_path_and_a_line() {
        let mut located = Diagnostic::error(Code::RequiredText, "wrong").locale("pl").file("locales/pl/main.ftl");
        located.line = Some(3);
        let nowhere = Diagnostic::warning(Code::MissingLocale, "no folder");
        let report = Report { diagnostics: vec![located, nowhere], ..Report::default() };
        let run = Run { version: "1.2.3", config: "pipeline.yaml" };
        let issues: serde_json::Value = serde_json::from_str(&render(&report, &run)).expect("JSON");
        assert_eq!(issues[0]["description"], "[pl] wrong");
        assert_eq!(issues[0]["severity"], "critical");
        assert_eq!(issues[0]["location"]["path"], "locales/pl/main.ftl");
        assert_eq!(issues[0]["location"]["lines"]["begin"], 3);
        assert_eq!(issues[1]["severity"], "minor");
        assert_eq!(issues[1]["location"]["path"], "pipeline.yaml");
        assert_eq!(issues[1]["location"]["lines"]["begin"], 1);
        assert_eq!(render(&Report::default(), &run), "[]\n");
    }
}
