//! Unusable input (exit code 2) in the format that was asked for: a CI job that reads JSON,
//! GitHub annotations, SARIF, JUnit or Code Quality must learn that the run could not even
//! start, and where every problem is (a template with three faults has three, each at its line).

use serde::Serialize;

use crate::github::command_line;
use crate::{Run, gitlab, junit, sarif};

/// What every format calls a problem that stopped the run.
const UNUSABLE: &str = "unusable-input";

/// Why a run could not start: the file at fault, the line and column where known, and what is
/// wrong (without the location, which has fields of its own).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unusable {
    pub file: Option<String>,
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub message: String,
}

#[derive(Serialize)]
struct Wrapped<'a> {
    error: &'a Unusable,
    errors: &'a [Unusable],
}

/// `{"error": {"file", "line", "column", "message"}, "errors": [...]}`, one line: `errors` holds
/// every problem in the order given, `error` the first (what a reader of one error expects).
pub fn json(problems: &[Unusable]) -> String {
    let first = problems.first().expect("unusable input has a problem");
    let mut out = serde_json::to_string(&Wrapped { error: first, errors: problems }).expect("plain data serialises");
    out.push('\n');
    out
}

/// One `::error` workflow command per problem, titled `unusable-input`, at the file and line
/// where known.
pub fn github(problems: &[Unusable]) -> String {
    problems.iter().map(|p| command_line("error", p.file.as_deref(), p.line, p.column, UNUSABLE, &p.message)).collect()
}

/// A SARIF run that did not succeed (`invocations[0].executionSuccessful: false`), with no
/// results and a `toolExecutionNotifications` entry per problem, at its file, line and column.
pub fn sarif(problems: &[Unusable], run: &Run<'_>) -> String {
    let notifications = problems
        .iter()
        .map(|p| sarif::Notification {
            level: "error",
            message: sarif::Text::new(p.message.clone()),
            locations: p.file.iter().map(|file| sarif::Location::at(file, p.line, p.column, None)).collect(),
            descriptor: sarif::Descriptor { id: UNUSABLE },
        })
        .collect();
    sarif::to_string(&sarif::Log::new(sarif::SarifRun {
        tool: sarif::tool(run),
        invocations: [sarif::Invocation { execution_successful: false, tool_execution_notifications: notifications }],
        results: Vec::new(),
        column_kind: "unicodeCodePoints",
    }))
}

/// JUnit XML: one suite, `placard`, with a test case per problem that is an `<error>` (the
/// run itself failed, which is what JUnit's errors, unlike its failures, mean).
pub fn junit(problems: &[Unusable]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let n = problems.len();
    out.push_str(&format!("<testsuites name=\"placard lint\" tests=\"{n}\" failures=\"0\" errors=\"{n}\">\n"));
    out.push_str(&format!(
        "  <testsuite name=\"placard\" tests=\"{n}\" failures=\"0\" errors=\"{n}\" skipped=\"0\">\n"
    ));
    for p in problems {
        let at = junit::place(p.file.as_deref(), p.line, p.column);
        out.push_str(&format!("    <testcase classname=\"placard.{UNUSABLE}\" name=\"{}\"", junit::attribute(&at)));
        if let Some(file) = &p.file {
            out.push_str(&format!(" file=\"{}\"", junit::attribute(file)));
        }
        out.push_str(&format!(
            ">\n      <error type=\"{UNUSABLE}\" message=\"{}\">{}</error>\n    </testcase>\n",
            junit::attribute(&p.message),
            junit::text(&format!("{at}: {}", p.message))
        ));
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// A Code Quality report with a `blocker` issue per problem (nothing could be checked), at its
/// file and line (the pipeline file and line 1 where there is none: GitLab needs both).
pub fn gitlab(problems: &[Unusable], run: &Run<'_>) -> String {
    let issues: Vec<gitlab::Issue<'_>> = problems
        .iter()
        .enumerate()
        .map(|(i, p)| gitlab::Issue {
            description: p.message.clone(),
            check_name: UNUSABLE,
            fingerprint: crate::fingerprint::unusable(p.file.as_deref(), i),
            severity: "blocker",
            location: gitlab::Location {
                path: p.file.as_deref().unwrap_or(run.config),
                lines: gitlab::Lines { begin: p.line.unwrap_or(1) },
            },
        })
        .collect();
    gitlab::to_string(&issues)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_line() -> Unusable {
        Unusable {
            file: Some("assets/templates/card.yaml".into()),
            line: Some(4),
            column: Some(3),
            message: "size [0, 1]: need 0 < min, ok: no".into(),
        }
    }

    fn unknown_key() -> Unusable {
        Unusable {
            file: Some("assets/templates/card.yaml".into()),
            line: Some(9),
            column: Some(5),
            message: "layers[0]: unknown key `colour`; did you mean `color`?".into(),
        }
    }

    #[test]
    fn json_names_the_file_line_column_and_message() {
        let value: serde_json::Value = serde_json::from_str(&json(&[at_line()])).expect("valid JSON");
        assert_eq!(value["error"]["file"], "assets/templates/card.yaml");
        assert_eq!(value["error"]["line"], 4);
        assert_eq!(value["error"]["column"], 3);
        assert_eq!(value["error"]["message"], "size [0, 1]: need 0 < min, ok: no");
        assert_eq!(value["errors"][0], value["error"]);
    }

    #[test]
    fn json_lists_every_problem_and_the_first_as_error() {
        let value: serde_json::Value = serde_json::from_str(&json(&[at_line(), unknown_key()])).expect("valid JSON");
        assert_eq!(value["errors"].as_array().map(Vec::len), Some(2));
        assert_eq!(value["errors"][1]["line"], 9);
        assert_eq!(value["error"]["line"], 4);
    }

    #[test]
    fn github_is_one_escaped_error_command_per_problem() {
        assert_eq!(
            github(&[at_line()]),
            "::error file=assets/templates/card.yaml,line=4,col=3,title=unusable-input::size [0, 1]: need 0 < min, ok: no\n"
        );
        let nowhere = Unusable { file: None, line: None, column: None, message: "a\nb".into() };
        assert_eq!(github(&[nowhere]), "::error title=unusable-input::a%0Ab\n");
        assert_eq!(github(&[at_line(), unknown_key()]).lines().count(), 2);
    }
}
