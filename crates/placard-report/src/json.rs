//! `--format json`: one object with every diagnostic and the summary.

use std::io::Write;

use placard_lint::Report;

/// The report as pretty-printed JSON, with a trailing newline. Keys keep a fixed order, so the
/// same report always gives the same bytes.
pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    write(report, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// [`render`], written to `out` as it is made (a large report is never held twice).
pub fn write(report: &Report, out: impl Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, report)?;
    out.write_all(b"\n")?;
    out.flush()
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
