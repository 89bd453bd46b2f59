//! `--format json`: one object with every diagnostic and the summary.

use placard_lint::Report;

/// The report as pretty-printed JSON, with a trailing newline. Keys keep a fixed order, so the
/// same report always gives the same bytes.
pub fn render(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).expect("a report always serializes");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use placard_core::{Code, Diagnostic, LineIndex};

    #[test]
    fn related_locations_round_trip_and_are_omitted_when_there_are_none() {
        let text = "hello = Call { -helpline-number\nnext = x\n";
        let mut d =
            Diagnostic::error(Code::Syntax, "unclosed").file("main.ftl").span(31..31).related(13..14, "opened here");
        d.locate(&LineIndex::new(text));
        let plain = Diagnostic::warning(Code::UnsafeChar, "plain");
        let report = Report { diagnostics: vec![d, plain], ..Report::default() };
        let json: serde_json::Value = serde_json::from_str(&render(&report)).expect("JSON");
        assert_eq!(
            json["diagnostics"][0]["related"],
            serde_json::json!([{"file": "main.ftl", "line": 1, "column": 14, "message": "opened here"}])
        );
        assert!(json["diagnostics"][1].get("related").is_none(), "no key when there is nothing related");
    }
}
