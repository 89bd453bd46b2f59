//! Unusable input (exit code 2) in the format that was asked for: a CI job that reads JSON or
//! GitHub annotations must learn that the run could not even start, and where every problem is
//! (a template with three faults has three, each at its line).

use serde::Serialize;

use crate::github::command_line;

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
    problems
        .iter()
        .map(|p| command_line("error", p.file.as_deref(), p.line, p.column, "unusable-input", &p.message))
        .collect()
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
