//! A parsed `.ftl` file: the text and the AST that borrows from it, kept together so every AST
//! slice can be turned back into a byte offset for diagnostics.
//!
//! The parser never gives up (bad text becomes `Entry::Junk`), but fluent-syntax 0.12 can panic on
//! a malformed `\u` escape followed by a multi-byte character (fluent-rs issue 389). A panic is
//! caught, the offending escape is neutralised (same byte length, so positions stay true) and the
//! file is parsed again: the translator gets a `syntax` finding and the rest of the file is still
//! checked.

use std::ops::Range;

use fluent_syntax::ast::{Attribute, Entry, Resource};
use fluent_syntax::parser;
use placard_core::Limits;
use rustc_hash::FxHashMap;

self_cell::self_cell!(
    struct Inner {
        owner: String,
        #[covariant]
        dependent: Ast,
    }
    impl {Debug}
);

type Ast<'a> = Resource<&'a str>;

mod explain;

/// One thing the parser could not read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParseProblem {
    /// Where the fix goes (for a missing `}`, where it should have been typed), as a byte range
    /// of the text.
    pub span: Range<usize>,
    pub message: String,
    /// What to type or delete, in plain words, when the kind of mistake is a common one.
    pub hint: Option<String>,
    /// The message, term (`-brand`) or attribute (`hello.label`) the mistake made the parser skip.
    pub lost: Option<String>,
    /// Where the construct that went wrong began (the `{` of an unclosed placeable), and a label.
    pub related: Option<(Range<usize>, String)>,
}

/// A parsed file. Cheap to share across threads; immutable once built.
#[derive(Debug)]
pub struct ParsedFile {
    inner: Inner,
    problems: Vec<ParseProblem>,
    /// The text as written, when escapes had to be neutralised before parsing.
    original: Option<String>,
    /// For each entry (by position in the body) with many attributes, their positions sorted by
    /// name: comparing two messages attribute by attribute stays n log n, not n².
    attribute_order: FxHashMap<usize, Box<[u32]>>,
}

/// Below this many attributes a linear scan is as fast as a search.
const INDEXED_ATTRIBUTES: usize = 16;

impl ParsedFile {
    /// Parses `text` within the default limits. Never fails: problems are returned beside the AST.
    pub fn parse(text: String) -> ParsedFile {
        ParsedFile::parse_with(text, &Limits::default())
    }

    /// Parses `text`, nesting placeables at most `limits.placeable_depth` deep.
    pub fn parse_with(text: String, limits: &Limits) -> ParsedFile {
        let max_depth = limits.placeable_depth;
        // Sidestep the known parser panic up front; the parser still reports the bad escape, and
        // the report is reworded below with the text as the translator wrote it.
        let (source, original, escapes) = match neutralise_escapes(&text) {
            Some((safe, escapes)) => (safe, Some(text), escapes),
            None => (text, None, Vec::new()),
        };
        // Placeables nested deeper than any message needs would overflow the parser's stack.
        let (source, original, too_deep) = match neutralise_deep_nesting(&source, max_depth) {
            // The original keeps the translator's text for quoting (positions are the same).
            Some((safe, at)) => (safe, original.or(Some(source)), Some(at)),
            None => (source, original, None),
        };
        let mut problems = Vec::new();
        let parsed = Inner::try_new_or_recover(source, |text| {
            quietly(|| collect(parser::parse(text.as_str()), text.as_str(), &mut problems))
        });
        let inner = parsed.unwrap_or_else(|(source, ())| {
            // An unknown parser panic: keep the text for positions and report the whole file.
            problems = vec![ParseProblem {
                span: 0..0,
                message: "The Fluent parser failed on this file; no message in it could be read".to_owned(),
                ..ParseProblem::default()
            }];
            Inner::new(source, |_| Resource { body: Vec::new() })
        });
        if let Some(at) = too_deep {
            problems.push(ParseProblem {
                span: at..at + 1,
                message: format!(
                    "Placeables are nested more than {max_depth} deep here (limits.placeable_depth); the braces of this message were ignored"
                ),
                ..ParseProblem::default()
            });
            problems.sort_by_key(|p| p.span.start);
        }
        if let Some(original) = &original {
            for problem in &mut problems {
                if let Some(escape) = escapes.iter().find(|e| e.contains(&problem.span.start)) {
                    let lost = problem.lost.take();
                    problem.message = format!(
                        "Invalid Unicode escape sequence \"{}\": \\u needs exactly 4 hex digits and \\U exactly 6",
                        &original[escape.clone()]
                    );
                    problem.hint = Some(explain::UNICODE_ESCAPE_HINT.to_owned());
                    *problem = explain::with_lost(std::mem::take(problem), lost);
                }
            }
        }
        let attribute_order = index_attributes(inner.borrow_dependent());
        ParsedFile { inner, problems, original, attribute_order }
    }

    /// The positions of the attributes of the entry at `index` in the body, sorted by name (first
    /// definition first), or empty when it has too few for an index to pay.
    pub(crate) fn attribute_order(&self, index: usize) -> &[u32] {
        self.attribute_order.get(&index).map_or(&[], |order| order)
    }

    /// The text as the translator wrote it (BOM removed), for quoting in messages. Usually the
    /// same as [`ParsedFile::text`]; byte positions are the same in both.
    pub fn source_text(&self) -> &str {
        self.original.as_deref().unwrap_or_else(|| self.text())
    }

    /// [`ParsedFile::source_text`], keeping the text and dropping the tree: what a reporter
    /// needs of a file once its checks are done.
    pub fn into_source_text(self) -> String {
        self.original.unwrap_or_else(|| self.inner.into_owner())
    }

    /// The decoded text the AST was parsed from (BOM removed).
    pub fn text(&self) -> &str {
        self.inner.borrow_owner()
    }

    /// The syntax tree. Slices in it point into [`ParsedFile::text`].
    pub fn ast(&self) -> &Resource<&str> {
        self.inner.borrow_dependent()
    }

    /// Everything the parser could not read, in file order.
    pub fn problems(&self) -> &[ParseProblem] {
        &self.problems
    }

    /// The byte offset of `slice` in the text, if `slice` borrows from it.
    pub fn offset_of(&self, slice: &str) -> Option<usize> {
        let text = self.text();
        let start = (slice.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
        (start + slice.len() <= text.len()).then_some(start)
    }

    /// The byte range of `slice` in the text, or an empty range at 0 if it does not borrow from it.
    pub fn span_of(&self, slice: &str) -> Range<usize> {
        self.offset_of(slice).map_or(0..0, |start| start..start + slice.len())
    }
}

fn index_attributes(ast: &Resource<&str>) -> FxHashMap<usize, Box<[u32]>> {
    let mut out = FxHashMap::default();
    for (index, entry) in ast.body.iter().enumerate() {
        let attributes: &[Attribute<&str>] = match entry {
            Entry::Message(m) => &m.attributes,
            Entry::Term(t) => &t.attributes,
            _ => continue,
        };
        if attributes.len() < INDEXED_ATTRIBUTES {
            continue;
        }
        let mut order: Vec<u32> = (0..attributes.len() as u32).collect();
        // Stable: of two attributes with one name the first stays first, as a scan finds it.
        order.sort_by_key(|&i| attributes[i as usize].id.name);
        out.insert(index, order.into_boxed_slice());
    }
    out
}

fn collect<'a>(
    result: Result<Ast<'a>, (Ast<'a>, Vec<parser::ParserError>)>,
    text: &'a str,
    problems: &mut Vec<ParseProblem>,
) -> Ast<'a> {
    match result {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            problems.extend(explain::problems(text, &resource, errors));
            resource
        }
    }
}

/// When braces nest deeper than `max_depth` (`limits.placeable_depth`: real messages nest two
/// or three deep, and fluent-syntax parses them recursively, so thousands would overflow the
/// stack), replaces every `{` and `}` of the
/// offending stretch (from where nesting began to where it closes, or the end of the file) with
/// `?`, so the parser reads it as plain text; returns the new text and where the limit was passed.
fn neutralise_deep_nesting(text: &str, max_depth: usize) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    // Nesting deeper than `max_depth` needs more than `max_depth` braces; most files have fewer
    // than one per message, so this SIMD count settles them. The others jump from one byte that
    // matters to the next: a `{` at depth 0; a `{`, `}` or `"` inside a placeable; the end of a
    // string literal inside one.
    memchr::memchr_iter(b'{', bytes).nth(max_depth)?;
    let (mut depth, mut began, mut in_string) = (0usize, 0usize, false);
    let mut exceeded = None;
    let mut i = 0;
    loop {
        let rest = &bytes[i..];
        let next = if in_string {
            memchr::memchr3(b'\\', b'"', b'\n', rest)
        } else if depth == 0 {
            memchr::memchr(b'{', rest)
        } else {
            memchr::memchr3(b'{', b'}', b'"', rest)
        };
        let Some(offset) = next else { break };
        i += offset;
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                _ => in_string = false,
            }
        } else {
            match b {
                b'{' => {
                    if depth == 0 {
                        began = i;
                    }
                    depth += 1;
                    if depth > max_depth && exceeded.is_none() {
                        exceeded = Some((began, i));
                    }
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0
                        && let Some((from, at)) = exceeded
                    {
                        return Some((blank_braces(text, from..i + 1), at));
                    }
                }
                _ => in_string = true,
            }
        }
        i += 1;
        if i >= bytes.len() {
            break;
        }
    }
    exceeded.map(|(from, at)| (blank_braces(text, from..text.len()), at))
}

fn blank_braces(text: &str, range: Range<usize>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for b in &mut bytes[range] {
        if matches!(*b, b'{' | b'}') {
            *b = b'?';
        }
    }
    String::from_utf8(bytes).expect("only ASCII bytes were replaced")
}

/// Replaces each non-ASCII character that directly follows an incomplete `\u`/`\U` escape with
/// `?` bytes of the same length, so byte positions stay true; returns the new text and the spans
/// of the escapes it touched, or `None` when there is none.
fn neutralise_escapes(text: &str) -> Option<(String, Vec<Range<usize>>)> {
    if !text.contains("\\u") && !text.contains("\\U") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut escapes = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        out.push(c);
        if c != '\\' {
            continue;
        }
        let Some(&(_, kind @ ('u' | 'U'))) = chars.peek() else {
            if let Some((_, next)) = chars.next() {
                out.push(next); // an escaped backslash must not start another escape
            }
            continue;
        };
        chars.next();
        out.push(kind);
        let wanted = if kind == 'u' { 4 } else { 6 };
        let mut digits = 0;
        while let Some(&(_, d)) = chars.peek() {
            if digits == wanted || !d.is_ascii_hexdigit() {
                break;
            }
            out.push(d);
            chars.next();
            digits += 1;
        }
        if digits < wanted
            && let Some(&(at, next)) = chars.peek()
            && !next.is_ascii()
        {
            chars.next();
            out.extend(std::iter::repeat_n('?', next.len_utf8()));
            escapes.push(start..at + next.len_utf8());
        }
    }
    (!escapes.is_empty()).then_some((out, escapes))
}

/// Runs `f`, turning a panic into `Err(())` without printing the panic message: a caught parser
/// panic is a finding about the file, not a crash to report.
fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, ()> {
    placard_core::contain_panic(f).map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;

    fn message_ids(file: &ParsedFile) -> Vec<&str> {
        file.ast()
            .body
            .iter()
            .filter_map(|e| match e {
                Entry::Message(m) => Some(m.id.name),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn junk_is_reported_and_the_rest_is_parsed() {
        let file = ParsedFile::parse("good = Yes\nbad\nalso-good = Fine\n".to_owned());
        assert_eq!(file.problems().len(), 1);
        assert_eq!(message_ids(&file), ["good", "also-good"]);
    }

    #[test]
    fn parser_panic_on_escape_is_a_problem_not_a_crash() {
        // fluent-rs issue 389: an incomplete \u escape followed by a multi-byte character.
        let text = "before = ok\nbroken = { \"\\u00é\" }\nafter = still read\n".to_owned();
        let file = ParsedFile::parse(text.clone());
        assert_eq!(file.text().len(), text.len(), "positions must stay true");
        assert_eq!(file.source_text(), text, "messages quote what the translator wrote");
        assert!(!file.problems().is_empty());
        assert!(file.problems()[0].message.contains("\"\\u00é\""), "{:?}", file.problems());
        let broken_line_start = text.find("broken").expect("the broken line");
        assert!(file.problems().iter().all(|p| p.span.start >= broken_line_start));
        assert_eq!(message_ids(&file), ["before", "after"]);
    }

    #[test]
    fn offsets_of_ast_slices() {
        let file = ParsedFile::parse("a = 1\nlonger-id = text\n".to_owned());
        let Entry::Message(m) = &file.ast().body[1] else { panic!("expected a message") };
        assert_eq!(file.offset_of(m.id.name), Some(6));
        assert_eq!(file.offset_of("not from the file"), None);
    }

    #[test]
    fn neutralising_keeps_byte_length() {
        let text = r#"x = { "\u00é \\u00é \U1F600" }"#;
        let (safe, escapes) = neutralise_escapes(text).expect("one escape to neutralise");
        assert_eq!(safe.len(), text.len());
        assert_eq!(&text[escapes[0].clone()], "\\u00é");
        assert_eq!(safe.matches('?').count(), 2, "only the first é; an escaped backslash is no escape");
        assert_eq!(neutralise_escapes(r#"x = { "\u00E9" }"#), None);
    }

    /// The scanner's meaning, one byte at a time: what the jumping scanner must agree with.
    fn deepest_stretch(text: &str, max_depth: usize) -> Option<(std::ops::Range<usize>, usize)> {
        let bytes = text.as_bytes();
        let (mut depth, mut began, mut in_string, mut exceeded) = (0usize, 0usize, false, None);
        let mut i = 0;
        while i < bytes.len() {
            match (in_string, bytes[i]) {
                (true, b'\\') => i += 1,
                (true, b'"' | b'\n') => in_string = false,
                (false, b'{') => {
                    began = if depth == 0 { i } else { began };
                    depth += 1;
                    if depth > max_depth && exceeded.is_none() {
                        exceeded = Some((began, i));
                    }
                }
                (false, b'}') if depth > 0 => {
                    depth -= 1;
                    if let (0, Some((from, at))) = (depth, exceeded) {
                        return Some((from..i + 1, at));
                    }
                }
                (false, b'"') if depth > 0 => in_string = true,
                _ => {}
            }
            i += 1;
        }
        exceeded.map(|(from, at)| (from..text.len(), at))
    }

    #[test]
    fn deep_nesting_is_found_where_a_byte_by_byte_scan_finds_it() {
        // Every string of up to 7 bytes over the bytes that matter, and longer pseudo-random ones.
        let alphabet = [b'{', b'}', b'"', b'\\', b'\n', b'a'];
        let mut cases: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..7 {
            let longer: Vec<Vec<u8>> = cases
                .iter()
                .filter(|c| c.len() == cases.last().map_or(0, Vec::len))
                .flat_map(|c| alphabet.iter().map(move |&b| [c.as_slice(), &[b]].concat()))
                .collect();
            cases.extend(longer);
        }
        assert_eq!(cases.len(), (0..=7).map(|k| alphabet.len().pow(k)).sum::<usize>());
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..2000 {
            let len = (seed % 60) as usize;
            let case = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            cases.push(case);
        }
        for case in cases {
            let text = String::from_utf8(case).expect("ASCII");
            for max_depth in [0, 1, 2, 3] {
                let expected = deepest_stretch(&text, max_depth).map(|(range, at)| (blank_braces(&text, range), at));
                assert_eq!(neutralise_deep_nesting(&text, max_depth), expected, "{text:?} at depth {max_depth}");
            }
        }
    }
}
