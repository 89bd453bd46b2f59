//! `duplicate-message`: the same id twice in one file. Fluent keeps the first definition, so the
//! second is dead text that a translator may believe is live. Ids in different files are allowed:
//! real trees ship alternative branding files that define the same terms.

use rustc_hash::FxHashMap as HashMap;

use placard_core::{Code, Diagnostic, LineIndex, Severity};

use crate::LocaleContext;

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    for (i, file) in cx.catalog.files().iter().enumerate() {
        if file.unique_len() == file.entries.len() {
            continue;
        }
        let mut first = HashMap::default();
        let mut index = None;
        for entry in &file.entries {
            let span = cx.entry_span(entry);
            let Some(&earlier) = first.get(&(entry.kind, entry.id.name)) else {
                first.insert((entry.kind, entry.id.name), span.start);
                continue;
            };
            let index = index.get_or_insert_with(|| LineIndex::new(file.parsed.text()));
            let line = index.line_col(earlier).line;
            out.push(
                cx.at(
                    Severity::Error,
                    Code::DuplicateMessage,
                    i,
                    Some(span),
                    format!("`{}` is already defined on line {line}", entry.key()),
                )
                .message_id(entry.key())
                .hint("Fluent uses the first definition; delete one of the two."),
            );
        }
    }
}
