//! Unusable input (exit code 2) in the format that was asked for: a CI job that reads JSON or
//! GitHub annotations must learn that the run could not even start, and where the problem is.

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
}

/// `{"error": {"file", "line", "column", "message"}}`, one line.
pub fn json(unusable: &Unusable) -> String {
    let mut out = serde_json::to_string(&Wrapped { error: unusable }).expect("plain data serialises");
    out.push('\n');
    out
}

/// One `::error` workflow command, titled `unusable-input`, at the file and line where known.
pub fn github(unusable: &Unusable) -> String {
    command_line("error", unusable.file.as_deref(), unusable.line, unusable.column, "unusable-input", &unusable.message)
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

    #[test]
    fn json_names_the_file_line_column_and_message() {
        let value: serde_json::Value = serde_json::from_str(&json(&at_line())).expect("valid JSON");
        assert_eq!(value["error"]["file"], "assets/templates/card.yaml");
        assert_eq!(value["error"]["line"], 4);
        assert_eq!(value["error"]["column"], 3);
        assert_eq!(value["error"]["message"], "size [0, 1]: need 0 < min, ok: no");
    }

    #[test]
    fn github_is_one_escaped_error_command() {
        assert_eq!(
            github(&at_line()),
            "::error file=assets/templates/card.yaml,line=4,col=3,title=unusable-input::size [0, 1]: need 0 < min, ok: no\n"
        );
        let nowhere = Unusable { file: None, line: None, column: None, message: "a\nb".into() };
        assert_eq!(github(&nowhere), "::error title=unusable-input::a%0Ab\n");
    }
}
