//! A YAML document as a tree of nodes, each with the line and column it starts at. serde-saphyr
//! reads the text once (a syntax error stops the file there: nothing after it can be trusted);
//! the raw types are then read from the tree ([`super::de`]), where a fault in one node can be
//! recorded and the next node read, which a streaming parser cannot do.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// One node: its value, where it starts (1-based line and column), and, for a plain scalar that
/// YAML reads as null, a boolean or a number, the text as written (`no` stays the Norwegian
/// locale code where a string is wanted, as it does when serde-saphyr reads a string).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    pub value: Value,
    pub line: u64,
    pub column: u64,
    pub written: Option<String>,
}

/// A node's value; `N` is what a list or map holds (nodes, or while reading, spanned values).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value<N = Node> {
    Null,
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Str(String),
    Seq(Vec<N>),
    Map(Vec<(N, N)>),
}

impl<A> Value<A> {
    /// The same value, with `f` applied to every child.
    fn map<B>(self, mut f: impl FnMut(A) -> B) -> Value<B> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Unsigned(n) => Value::Unsigned(n),
            Value::Signed(n) => Value::Signed(n),
            Value::Float(n) => Value::Float(n),
            Value::Str(s) => Value::Str(s),
            Value::Seq(items) => Value::Seq(items.into_iter().map(f).collect()),
            Value::Map(entries) => Value::Map(entries.into_iter().map(|(k, v)| (f(k), f(v))).collect()),
        }
    }
}

impl Node {
    /// The node's text where a string is wanted: a string, or a scalar as written.
    pub fn as_text(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => self.written.as_deref(),
        }
    }
}

/// Reads `text` into a tree, or the syntax error with its line and column.
pub(crate) fn parse(text: &str) -> Result<Node, serde_saphyr::Error> {
    let root: Spanned<Raw> = serde_saphyr::from_str(text)?;
    Ok(node(root, text))
}

fn node(spanned: Spanned<Raw>, text: &str) -> Node {
    let at = spanned.referenced;
    // `defined` is the anchor of an alias: the text as written is there.
    let span = spanned.defined.span();
    let written = || {
        let start = usize::try_from(span.byte_offset()?).ok()?;
        let len = usize::try_from(span.byte_len()?).ok()?;
        text.get(start..start.checked_add(len)?).map(str::to_owned)
    };
    let value = spanned.value.0.map(|child| node(child, text));
    let written = match value {
        Value::Null | Value::Bool(_) | Value::Unsigned(_) | Value::Signed(_) | Value::Float(_) => written(),
        _ => None,
    };
    Node { value, line: at.line(), column: at.column(), written }
}

/// What serde-saphyr hands a visitor that takes anything; children keep their spans.
struct Raw(Value<Spanned<Raw>>);

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Raw, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw(Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Raw, D::Error> {
        Raw::deserialize(deserializer)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw(Value::Bool(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw(Value::Unsigned(v)))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw(Value::Signed(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw(Value::Float(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw(Value::Str(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw(Value::Str(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw(Value::Seq(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Raw(Value::Map(entries)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_node_knows_where_it_starts_and_how_it_was_written() {
        let tree = parse("locales:\n  only: [no, fi]\n  dpi: 0x12c\n").expect("valid");
        let Value::Map(top) = &tree.value else { panic!("a map") };
        let Value::Map(locales) = &top[0].1.value else { panic!("a map") };
        let Value::Seq(only) = &locales[0].1.value else { panic!("a list") };
        assert_eq!((only[0].line, only[0].column), (2, 10));
        assert_eq!(only[0].value, Value::Bool(false));
        assert_eq!(only[0].as_text(), Some("no"), "the Norwegian code, not `false`");
        assert_eq!(locales[1].1.as_text(), Some("0x12c"));
        assert_eq!(locales[1].1.value, Value::Unsigned(300));
    }

    #[test]
    fn a_syntax_error_has_a_line() {
        let err = parse("a: [unclosed\n").expect_err("broken");
        assert_eq!(err.location().map(|l| l.line()), Some(1));
    }
}
