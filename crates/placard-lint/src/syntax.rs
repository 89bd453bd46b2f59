//! `syntax` and `encoding`: what could not be read. Both are errors; the rest of the file is
//! still checked (a UTF-16 file is read as UTF-16, CR line endings as LF), so a translator sees
//! every problem in one run and not a page of syntax errors that are really one encoding problem.

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::EncodingProblem;

use crate::LocaleContext;

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    for (i, file) in cx.input.files.iter().enumerate() {
        for problem in file.parsed.problems() {
            let mut d = cx
                .at(Severity::Error, Code::Syntax, i, Some(problem.span.clone()), problem.message.clone())
                .hint(problem.hint.as_deref().unwrap_or("Until this is fixed, the entry it belongs to is ignored."));
            if let Some((span, label)) = &problem.related {
                d = d.related(span.clone(), label.as_str());
            }
            out.push(d);
        }
        for problem in file.encoding {
            let (at, message, hint) = describe(problem);
            out.push(cx.at(Severity::Error, Code::Encoding, i, Some(at..at), message).hint(hint));
        }
    }
}

/// Where an encoding problem is, what it is and what to do about it.
fn describe(problem: &EncodingProblem) -> (usize, String, &'static str) {
    match *problem {
        EncodingProblem::InvalidUtf8 { at, .. } => (
            at,
            "this file is not valid UTF-8".to_owned(),
            "Save the file as UTF-8 (in most editors: Save with Encoding > UTF-8). Invalid bytes were read as U+FFFD.",
        ),
        EncodingProblem::Utf16 { big_endian, bom } => (
            0,
            format!(
                "this file is UTF-16 ({}, {}), not UTF-8: Firefox and Thunderbird cannot read it",
                if big_endian { "big-endian" } else { "little-endian" },
                if bom { "with a byte-order mark" } else { "without a byte-order mark" }
            ),
            "Save the file as UTF-8 (in most editors: Save with Encoding > UTF-8; in Notepad, Encoding: UTF-8, \
             not Unicode). Placard read it as UTF-16 to check the rest.",
        ),
        EncodingProblem::CrLineEndings { at } => (
            at,
            "this file's lines end with CR alone (old Mac OS style): Fluent does not read that as a line end, \
             so an application sees its first message swallow the rest"
                .to_owned(),
            "Convert the line endings to LF (in most editors: Line Endings > LF or Unix; or `dos2unix -c mac FILE`). \
             Placard read each CR as a line end to check the rest.",
        ),
    }
}
