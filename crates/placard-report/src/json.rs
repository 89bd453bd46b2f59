//! `--format json`: one object with every diagnostic and the summary.

use std::io::Write;

use placard_lint::Report;
use rayon::prelude::*;
use serde::Serialize;

/// The report as pretty-printed JSON, with a trailing newline. Keys keep a fixed order, so the
/// same report always gives the same bytes.
pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    write(report, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// [`render`], written to `out`. The findings are serialised in parallel, in chunks, and each
/// chunk is written as it comes, so a large report is neither held twice nor made on one core;
/// the bytes are the same as one pretty-printed document's (a test holds them to that).
pub fn write(report: &Report, out: impl Write) -> std::io::Result<()> {
    /// Findings serialised together: enough to keep a thread busy, few enough to keep memory flat.
    const CHUNK: usize = 2048;
    let mut out = std::io::BufWriter::new(out);
    if report.diagnostics.is_empty() {
        serde_json::to_writer_pretty(&mut out, report)?;
    } else {
        out.write_all(b"{\n  \"diagnostics\": [\n")?;
        for (i, batch) in report.diagnostics.chunks(CHUNK * rayon::current_num_threads().max(1)).enumerate() {
            let rendered: Vec<Vec<u8>> = batch.par_chunks(CHUNK).map(|chunk| nested(chunk, 2, true)).collect();
            for (j, chunk) in rendered.iter().enumerate() {
                if i > 0 || j > 0 {
                    out.write_all(b",\n")?;
                }
                out.write_all(chunk)?;
            }
        }
        out.write_all(b"\n  ],\n  \"summary\": ")?;
        out.write_all(&nested(&report.summary, 2, false))?;
        out.write_all(b"\n}")?;
    }
    out.write_all(b"\n")?;
    out.flush()
}

/// `value` pretty-printed as it appears `indent` spaces further in within a document: every
/// line but the first indented (the first too, with `items`, for the elements of a slice, whose
/// brackets are dropped). JSON strings hold no raw newline, so every newline is a line break of the layout.
fn nested(value: &(impl Serialize + ?Sized), indent: usize, items: bool) -> Vec<u8> {
    let raw = serde_json::to_vec_pretty(value).expect("a report always serializes");
    // A slice comes as "[\n" + elements + "\n]", its elements one level in already: as deep
    // as they are in the document less `indent`.
    let body = if items { &raw[2..raw.len() - 2] } else { &raw[..] };
    let pad = vec![b' '; indent];
    let mut out = Vec::with_capacity(body.len() + body.len() / 8);
    for (i, line) in body.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        if i > 0 || items {
            out.extend_from_slice(&pad);
        }
        out.extend_from_slice(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use placard_core::{Code, Diagnostic, LineIndex};

    #[test]
    fn written_in_chunks_is_the_same_document() {
        let text = "hello = Call { -helpline-number\nnext = x\n";
        let mut diagnostics = Vec::new();
        for i in 0..5000 {
            let mut d = Diagnostic::error(Code::Syntax, format!("unclosed \"{i}\"\nline"))
                .file("main.ftl")
                .span(31..31)
                .related(13..14, "opened here");
            d.locate(&LineIndex::new(text));
            diagnostics.push(d);
            diagnostics.push(Diagnostic::warning(Code::UnsafeChar, "plain").locale("ar"));
        }
        let mut report = Report { diagnostics, ..Report::default() };
        report.summary.locales.insert("ar".to_owned(), placard_lint::LocaleSummary::default());
        for report in [report, Report::default()] {
            let mut whole = serde_json::to_string_pretty(&report).expect("JSON");
            whole.push('\n');
            let chunked = render(&report);
            let first = chunked.bytes().zip(whole.bytes()).position(|(a, b)| a != b);
            assert!(chunked == whole, "differs from byte {first:?} of {}", whole.len());
        }
    }

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
