//! `syntax` and `encoding`: what could not be read. Both are errors; the rest of the file is
//! still checked, so a translator sees every problem in one run.

use placard_core::{Code, Diagnostic, Severity};

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
        if let Some(at) = file.invalid_utf8_at {
            out.push(
                cx.at(Severity::Error, Code::Encoding, i, Some(at..at), "this file is not valid UTF-8".to_owned())
                    .hint("Save the file as UTF-8 (in most editors: Save with Encoding > UTF-8). Invalid bytes were read as U+FFFD."),
            );
        }
    }
}
