//! A parser error, said where the fix goes and in the translator's words.
//!
//! fluent-syntax reports where it noticed the mistake, which is often the start of the next
//! entry (an unclosed `{` is noticed only when the next line begins), and in the grammar's terms
//! ("Expected a token starting with "}""). A translator needs the place to type and what to
//! type there, and to know which message the mistake cost.

use std::ops::Range;

use fluent_syntax::ast::{Entry, Resource};
use fluent_syntax::parser::{self, ErrorKind, ParserError};

use super::ParseProblem;

/// Turns each parser error into a problem. `text` is what was parsed, `resource` its AST.
pub(super) fn problems(text: &str, resource: &Resource<&str>, errors: Vec<ParserError>) -> Vec<ParseProblem> {
    let owners = junk_owners(text, resource);
    errors
        .into_iter()
        .map(|e| {
            let junk = e.slice.clone().map(|s| s.start.min(text.len())..s.end.min(text.len()));
            let owner =
                junk.as_ref().and_then(|j| owners.iter().find(|(start, _)| *start == j.start)).and_then(|o| o.1);
            explain(text, &e, junk, owner)
        })
        .collect()
}

/// For each junk entry, where it starts and the message or term just before it (whose attribute
/// it may be).
fn junk_owners<'a>(text: &str, resource: &Resource<&'a str>) -> Vec<(usize, Option<(&'a str, bool)>)> {
    let mut owners = Vec::new();
    let mut previous = None;
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => previous = Some((m.id.name, false)),
            Entry::Term(t) => previous = Some((t.id.name, true)),
            Entry::Junk { content } => {
                let start = (content.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
                owners.push((start, previous));
                previous = None;
            }
            _ => previous = None,
        }
    }
    owners
}

fn explain(text: &str, e: &ParserError, junk: Option<Range<usize>>, owner: Option<(&str, bool)>) -> ParseProblem {
    let pos = e.pos.start.min(text.len());
    let junk = junk.unwrap_or(pos..pos);
    let lost = lost_entry(&text[junk.clone()], owner);
    // A broken attribute ends its message early and is then read as an entry of its own, which
    // cannot start with `.`: read it again as the message it resembles to find the real mistake.
    if let Some(name_at) = attribute_name(text, &junk)
        && let Some(inner) = reparse(text, name_at..junk.end)
    {
        return with_lost(inner, lost);
    }
    with_lost(describe(text, &e.kind, pos, &junk), lost)
}

/// Where the attribute name starts when `junk` is an indented `.attribute` line.
fn attribute_name(text: &str, junk: &Range<usize>) -> Option<usize> {
    let piece = &text[junk.clone()];
    let trimmed = piece.trim_start_matches([' ', '\t']);
    (trimmed.len() < piece.len() && trimmed.starts_with('.')).then(|| junk.end - trimmed.len() + 1)
}

/// The first problem of `range` parsed as a message, placed and worded in `text`.
fn reparse(text: &str, range: Range<usize>) -> Option<ParseProblem> {
    let Err((_, errors)) = parser::parse(&text[range.clone()]) else { return None };
    let e = errors.into_iter().next()?;
    let shift = |r: Range<usize>| (r.start + range.start).min(range.end)..(r.end + range.start).min(range.end);
    let junk = shift(e.slice.clone().unwrap_or(e.pos.clone()));
    Some(describe(text, &e.kind, shift(e.pos.clone()).start, &junk))
}

/// The message, term or attribute a junk entry swallowed, as a translator writes it.
fn lost_entry(junk: &str, owner: Option<(&str, bool)>) -> Option<String> {
    let key = |name: &str, term: bool| if term { format!("-{name}") } else { name.to_owned() };
    let trimmed = junk.trim_start_matches([' ', '\t']);
    if trimmed.len() < junk.len() {
        let attribute = identifier(trimmed.strip_prefix('.')?)?;
        let (name, term) = owner?;
        return Some(format!("{}.{attribute}", key(name, term)));
    }
    match junk.strip_prefix('-') {
        Some(rest) => identifier(rest).map(|id| key(id, true)),
        None => identifier(junk).map(|id| key(id, false)),
    }
}

/// The Fluent identifier at the start of `s`, when a blank, `=` or the line's end follows it
/// (`héllo` is no id `h`).
fn identifier(s: &str) -> Option<&str> {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(s.len());
    let ends_well = s[end..].chars().next().is_none_or(|c| matches!(c, ' ' | '\t' | '=' | '\n' | '\r'));
    (s.starts_with(|c: char| c.is_ascii_alphabetic()) && ends_well).then_some(&s[..end])
}

pub(super) fn with_lost(mut problem: ParseProblem, lost: Option<String>) -> ParseProblem {
    if let Some(key) = &lost {
        let what = if key.contains('.') {
            "attribute"
        } else if key.starts_with('-') {
            "term"
        } else {
            "message"
        };
        problem.message = format!("{}; {what} `{key}` was not read", problem.message);
    }
    problem.lost = lost;
    problem
}

/// Where a mistake of `kind` noticed at `pos` goes, what it is and what to type.
fn describe(text: &str, kind: &ErrorKind, pos: usize, junk: &Range<usize>) -> ParseProblem {
    let at = |span: Range<usize>, message: String, hint: Option<String>| ParseProblem {
        span,
        message,
        hint,
        ..ParseProblem::default()
    };
    let here = pos..(pos + 1).min(text.len());
    match kind {
        ErrorKind::ExpectedToken('}') => match unclosed(text, junk.start, pos, b'{', b'}') {
            Some(open) => {
                let fix = expected_at(text, junk.start, pos);
                let opened = place(text, open, fix);
                ParseProblem {
                    span: fix..fix,
                    message: format!("the placeable opened at {opened} is not closed"),
                    hint: Some(format!("Add `}}` to close the placeable opened at {opened}.")),
                    lost: None,
                    related: Some((open..open + 1, "placeable opened here".to_owned())),
                }
            }
            None => at(here, "`}` expected here".to_owned(), Some("Add `}` here, or remove what is in its way.".to_owned())),
        },
        ErrorKind::ExpectedToken('=') => {
            let c = text[pos..].chars().next().unwrap_or('\n');
            let id = &text[junk.start..pos].trim_end();
            if !c.is_ascii() || (!c.is_whitespace() && !text[..pos].ends_with([' ', '\t'])) {
                at(
                    here,
                    format!("`{c}` cannot be part of an id"),
                    Some("An id may use only a-z, A-Z, 0-9, `-` and `_`; rename it with those.".to_owned()),
                )
            } else {
                at(
                    here,
                    format!("`=` expected after `{id}`"),
                    Some(format!("Add ` = ` between the id and the text: `{id} = ...`.")),
                )
            }
        }
        ErrorKind::ExpectedToken(c) => {
            let fix = expected_at(text, junk.start, pos);
            at(fix..fix, format!("`{c}` expected"), Some(format!("Add `{c}` here.")))
        }
        ErrorKind::UnterminatedStringLiteral => {
            let open = string_start(text, junk.start, pos);
            let fix = text[..pos].trim_end_matches('\r').len();
            let mut problem = at(fix..fix, "this quoted text is not closed".to_owned(), None);
            if let Some(open) = open {
                let opened = place(text, open, fix);
                problem.message = format!("the quoted text opened at {opened} is not closed");
                problem.hint = Some(format!("Add `\"` to close the quoted text opened at {opened}."));
                problem.related = Some((open..open + 1, "quote opened here".to_owned()));
            }
            problem
        }
        ErrorKind::ExpectedMessageField { entry_id } | ErrorKind::ExpectedTermField { entry_id } => {
            let term = matches!(kind, ErrorKind::ExpectedTermField { .. });
            let line_end = text[junk.clone()].find('\n').map_or(junk.end, |i| junk.start + i);
            let fix = text[..line_end].trim_end().len();
            let (what, hint) = if term {
                (format!("term `-{entry_id}` has no value"), "Write the term's text after `=`.".to_owned())
            } else {
                (
                    format!("message `{entry_id}` has no text"),
                    "Write the text after `=` (or give the message attributes, each on its own indented line: `    .label = ...`)."
                        .to_owned(),
                )
            };
            at(fix..fix, what, Some(hint))
        }
        ErrorKind::UnbalancedClosingBrace => at(
            here,
            "this `}` closes nothing".to_owned(),
            Some("Delete it, or add the `{` it should close. To show a brace, write `{ \"}\" }`.".to_owned()),
        ),
        ErrorKind::ExpectedInlineExpression => at(
            here,
            "a placeable must hold something".to_owned(),
            Some(
                "Write a variable (`{ $name }`), a term (`{ -brand }`), a message or quoted text between the braces. To show a brace, write `{ \"{\" }`."
                    .to_owned(),
            ),
        ),
        ErrorKind::MissingDefaultVariant => at(
            here,
            "this choice has no default variant".to_owned(),
            Some("Mark one variant as the default with `*`, as in `*[other]`.".to_owned()),
        ),
        ErrorKind::MultipleDefaultVariants => at(
            here,
            "this choice has more than one default variant".to_owned(),
            Some("Keep the `*` on one variant only.".to_owned()),
        ),
        ErrorKind::UnknownEscapeSequence(_) => at(
            here,
            "unknown escape in quoted text".to_owned(),
            Some("In quoted text only `\\\"`, `\\\\`, `\\uXXXX` and `\\UXXXXXX` are escapes; write `\\\\` for a backslash.".to_owned()),
        ),
        ErrorKind::InvalidUnicodeEscapeSequence(_) => at(here, kind.to_string(), Some(UNICODE_ESCAPE_HINT.to_owned())),
        ErrorKind::ExpectedCharRange { range } if range.contains('\n') => at(
            here,
            "the variants of a choice start on new lines".to_owned(),
            Some("Put a line break after `->` and each variant on its own line.".to_owned()),
        ),
        ErrorKind::ExpectedCharRange { range } if range == "a-zA-Z" => at(
            here,
            "a name must start here".to_owned(),
            Some("Names (of messages, terms, variables and attributes) start with a letter a-z or A-Z.".to_owned()),
        ),
        ErrorKind::MissingValue => {
            at(here, "a value is missing".to_owned(), Some("Write the text after `=`.".to_owned()))
        }
        _ => at(here, kind.to_string(), None),
    }
}

pub(super) const UNICODE_ESCAPE_HINT: &str = "`\\u` needs exactly 4 hex digits and `\\U` exactly 6, as in `\\u2066`.";

/// Where a missing closing token belongs: right after the last thing written before `pos` when
/// the parser had to go to another line to notice (the translator forgot it at the end of the
/// line), else at `pos` itself.
fn expected_at(text: &str, from: usize, pos: usize) -> usize {
    let before = &text[from..pos];
    let written = before.trim_end();
    if before[written.len()..].contains('\n') { from + written.len() } else { pos }
}

/// The last `open` byte in `from..pos` that no `close` matched, outside quoted text.
fn unclosed(text: &str, from: usize, pos: usize, open: u8, close: u8) -> Option<usize> {
    let bytes = &text.as_bytes()[from..pos];
    let mut stack = Vec::new();
    let mut quoted = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quoted => i += 1,
            b'"' if !stack.is_empty() => quoted = !quoted,
            b'\n' => quoted = false,
            b if b == open && !quoted => stack.push(from + i),
            b if b == close && !quoted => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    stack.pop()
}

/// The `"` that opened the quoted text still open at `pos`.
fn string_start(text: &str, from: usize, pos: usize) -> Option<usize> {
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1).max(from);
    let bytes = &text.as_bytes()[line_start..pos];
    let (mut open, mut i) = (None, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if open.is_some() => i += 1,
            b'"' => open = if open.is_some() { None } else { Some(line_start + i) },
            _ => {}
        }
        i += 1;
    }
    open
}

/// `column N` on the line of `reference`, `line L, column N` elsewhere.
fn place(text: &str, offset: usize, reference: usize) -> String {
    let line_of = |o: usize| text[..o].matches('\n').count() + 1;
    let column = text[text[..offset].rfind('\n').map_or(0, |i| i + 1)..offset].chars().count() + 1;
    if line_of(offset) == line_of(reference) {
        format!("column {column}")
    } else {
        format!("line {}, column {column}", line_of(offset))
    }
}

#[cfg(test)]
mod tests {
    use crate::ParsedFile;

    fn only(text: &str) -> crate::ParseProblem {
        let file = ParsedFile::parse(text.to_owned());
        assert_eq!(file.problems().len(), 1, "{:?}", file.problems());
        file.problems()[0].clone()
    }

    #[test]
    fn an_unclosed_placeable_is_reported_where_the_brace_goes() {
        let text = "hello = Call { -helpline-number\nnext = x\n";
        let p = only(text);
        assert_eq!(p.span, 31..31, "the end of the line, not the next entry");
        assert_eq!(p.hint.as_deref(), Some("Add `}` to close the placeable opened at column 14."));
        assert_eq!(p.related, Some((13..14, "placeable opened here".to_owned())));
        assert_eq!(p.lost.as_deref(), Some("hello"));
        assert!(p.message.ends_with("message `hello` was not read"), "{}", p.message);
        let select = only("hello = { $n ->\n  [one] x\n *[other] y\nnext = x\n");
        assert_eq!(select.hint.as_deref(), Some("Add `}` to close the placeable opened at line 1, column 9."));
    }

    #[test]
    fn common_mistakes_get_a_place_and_a_hint() {
        let cases: &[(&str, usize, &str, Option<&str>)] = &[
            ("welcome Witaj\n", 8, "Add ` = `", Some("welcome")),
            ("héllo = x\n", 1, "An id may use only", None),
            (
                "hello = { \"abc }\nnext = x\n",
                16,
                "Add `\"` to close the quoted text opened at column 11.",
                Some("hello"),
            ),
            ("hello =\nnext = x\n", 7, "Write the text after `=`", Some("hello")),
            ("-brand =\n", 8, "Write the term's text", Some("-brand")),
            ("hello = x }\n", 10, "Delete it", Some("hello")),
            ("hello = { }\n", 10, "Write a variable", Some("hello")),
            ("hello = { $n ->\n  [one] x\n}\n", 26, "Mark one variant", Some("hello")),
            (
                "hello = x\n    .label = { $n\nnext = y\n",
                27,
                "Add `}` to close the placeable opened at column 14.",
                Some("hello.label"),
            ),
        ];
        for &(text, at, hint, lost) in cases {
            let p = only(text);
            assert_eq!(p.span.start, at, "{text:?}: {p:?}");
            assert!(p.hint.as_deref().is_some_and(|h| h.starts_with(hint)), "{text:?}: {p:?}");
            assert_eq!(p.lost.as_deref(), lost, "{text:?}");
        }
    }
}
