//! What is under the cursor in a `.ftl` file (an entry's id, or a reference to a message or
//! term), where an id is defined among a locale's files, and an entry's text and comment as
//! written. A navigation parse of the files the editor asks about; the checks never read it.

use std::ops::Range;

use placard_fluent::ParsedFile;
use placard_fluent::ast::{Entry, Pattern};
use placard_fluent::walk::{ReferenceKind, references};

/// A message or a term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Message,
    Term,
}

/// A name under the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub kind: Kind,
    /// Without the `-` of a term.
    pub name: String,
    pub attribute: Option<String>,
    /// The bytes of the name (with a term's `-`) in the file.
    pub span: Range<usize>,
    /// True on the definition's own id, false on a reference to it.
    pub defines: bool,
}

impl Symbol {
    /// `-name` or `name`, as written in Fluent and in Placard's findings.
    pub fn id(&self) -> String {
        match self.kind {
            Kind::Term => format!("-{}", self.name),
            Kind::Message => self.name.clone(),
        }
    }
}

/// The entry's id, attribute or reference at byte `offset` of `parsed`.
pub fn symbol_at(parsed: &ParsedFile, offset: usize) -> Option<Symbol> {
    let within = |span: &Range<usize>| span.start <= offset && offset <= span.end;
    for entry in &parsed.ast().body {
        let (kind, id, value, attributes) = match entry {
            Entry::Message(m) => (Kind::Message, m.id.name, m.value.as_ref(), &m.attributes),
            Entry::Term(t) => (Kind::Term, t.id.name, Some(&t.value), &t.attributes),
            _ => continue,
        };
        let mut span = parsed.span_of(id);
        if kind == Kind::Term {
            span.start = span.start.saturating_sub(1);
        }
        if within(&span) {
            return Some(Symbol { kind, name: id.to_owned(), attribute: None, span, defines: true });
        }
        for attribute in attributes {
            let span = parsed.span_of(attribute.id.name);
            if within(&span) {
                let attribute = Some(attribute.id.name.to_owned());
                return Some(Symbol { kind, name: id.to_owned(), attribute, span, defines: true });
            }
        }
        let patterns = value.into_iter().chain(attributes.iter().map(|a| &a.value));
        for pattern in patterns {
            if let Some(found) = reference_at(parsed, pattern, offset) {
                return Some(found);
            }
        }
    }
    None
}

fn reference_at(parsed: &ParsedFile, pattern: &Pattern<&str>, offset: usize) -> Option<Symbol> {
    for r in references(pattern) {
        let kind = match r.kind {
            ReferenceKind::Message => Kind::Message,
            ReferenceKind::Term => Kind::Term,
            ReferenceKind::Variable | ReferenceKind::Function => continue,
        };
        let mut span = parsed.span_of(r.name);
        if kind == Kind::Term {
            span.start = span.start.saturating_sub(1);
        }
        if let Some(attribute) = r.attribute {
            span.end = parsed.span_of(attribute).end.max(span.end);
        }
        if span.start <= offset && offset <= span.end {
            let attribute = r.attribute.map(str::to_owned);
            return Some(Symbol { kind, name: r.name.to_owned(), attribute, span, defines: false });
        }
    }
    None
}

/// One entry found by [`find`]: the bytes of its id, its text as written and its comment.
#[derive(Clone, Debug)]
pub struct Found {
    pub id_span: Range<usize>,
    /// The entry's lines as written, from its id to its last indented line.
    pub source: String,
    /// The comment attached to it, without `#`.
    pub comment: Option<String>,
    /// The comment lines (with `#`) and the entry's lines, as they stand in the file.
    pub with_comment: String,
}

/// The definition of `kind` `name` (its attribute's, when given and present) in `parsed`.
pub fn find(parsed: &ParsedFile, kind: Kind, name: &str, attribute: Option<&str>) -> Option<Found> {
    let text = parsed.text();
    for entry in &parsed.ast().body {
        let (found_kind, id, attributes, comment) = match entry {
            Entry::Message(m) => (Kind::Message, m.id.name, &m.attributes, m.comment.as_ref()),
            Entry::Term(t) => (Kind::Term, t.id.name, &t.attributes, t.comment.as_ref()),
            _ => continue,
        };
        if found_kind != kind || id != name {
            continue;
        }
        let entry_span = parsed.span_of(id);
        let id_span = attribute
            .and_then(|a| attributes.iter().find(|x| x.id.name == a))
            .map_or(entry_span.clone(), |a| parsed.span_of(a.id.name));
        let start = text[..entry_span.start].rfind('\n').map_or(0, |i| i + 1);
        let end = entry_end(text, start);
        let comment_start = comment.map_or(start, |_| comment_start(text, start));
        return Some(Found {
            id_span,
            source: text[start..end].to_owned(),
            comment: comment.map(|c| c.content.join("\n")),
            with_comment: text[comment_start..end].to_owned(),
        });
    }
    None
}

/// Where the entry that starts at `start` ends: after its last line that is indented (Fluent's
/// continuation lines), blank lines between them included, trailing ones not.
fn entry_end(text: &str, start: usize) -> usize {
    let mut end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut at = end;
    while at < text.len() {
        let line_start = at + 1;
        let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        if line.trim().is_empty() {
            at = line_end;
            if line_end == text.len() {
                break;
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            end = line_end;
            at = line_end;
        } else {
            break;
        }
    }
    end
}

/// The start of the `#` comment lines directly above the line at `start`.
fn comment_start(text: &str, start: usize) -> usize {
    let mut begin = start;
    while begin > 0 {
        let previous_end = begin - 1;
        let previous_start = text[..previous_end].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[previous_start..previous_end];
        if line == "#" || line.starts_with("# ") {
            begin = previous_start;
        } else {
            break;
        }
    }
    begin
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# The helpline.\n-helpline-number = 0131 556 3535\nhelpline = Call { -helpline-number } or { other.title }\n    .alt = { -helpline-number }\n\nother = x\n    .title = T\n";

    #[test]
    fn finds_ids_and_references_under_the_cursor() {
        let parsed = ParsedFile::parse(TEXT.to_owned());
        let at = |needle: &str, plus: usize| symbol_at(&parsed, TEXT.find(needle).expect(needle) + plus);
        let term = at("-helpline-number =", 3).expect("the term's id");
        assert_eq!((term.kind, term.name.as_str(), term.defines), (Kind::Term, "helpline-number", true));
        let used = at("{ -helpline-number }", 4).expect("a reference");
        assert_eq!((used.id(), used.defines), ("-helpline-number".to_owned(), false));
        let attribute = at("other.title", 7).expect("an attribute reference");
        assert_eq!((attribute.name.as_str(), attribute.attribute.as_deref()), ("other", Some("title")));
        assert_eq!(at("Call", 1), None, "plain text is no symbol");
    }

    #[test]
    fn an_entry_is_found_with_its_lines_and_comment() {
        let parsed = ParsedFile::parse(TEXT.to_owned());
        let found = find(&parsed, Kind::Message, "helpline", None).expect("defined");
        assert_eq!(
            found.source,
            "helpline = Call { -helpline-number } or { other.title }\n    .alt = { -helpline-number }"
        );
        assert_eq!(found.comment, None);
        let term = find(&parsed, Kind::Term, "helpline-number", None).expect("defined");
        assert_eq!(term.comment.as_deref(), Some("The helpline."));
        assert_eq!(term.with_comment, "# The helpline.\n-helpline-number = 0131 556 3535");
        let title = find(&parsed, Kind::Message, "other", Some("title")).expect("defined");
        assert_eq!(&TEXT[title.id_span], "title");
        assert!(find(&parsed, Kind::Message, "helpline-number", None).is_none(), "a term is not a message");
    }
}
