//! The raw types read from a [`Node`] tree, recovering where a file has several faults: an unknown
//! key is recorded (with the allowed key it was probably meant to be) and skipped, and a fault
//! inside a [`Tolerant`] value (one layer, one rule) is recorded and that value left out, so the
//! rest of the file is still read and checked. [`At`] gives a value the line and column it was
//! written at. Every message names the key it is about in the designer's terms (`layers[2].box`).

use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, Expected, IntoDeserializer, Visitor};

use super::Fault;
use super::tree::{Node, Value};

/// A value and where it was written (1-based line and column).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct At<T> {
    pub value: T,
    pub line: u64,
    pub column: u64,
}

/// A value whose fault is recorded rather than fatal: `None` when it could not be read, and the
/// fault is among the file's. Only [`read`] records it; other deserializers just drop the value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Tolerant<T>(pub Option<T>);

const AT: &str = "$placard::At";
const TOLERANT: &str = "$placard::Tolerant";

/// Reads `T` from `root`, recording every recovered fault in `faults`; `Err` is the fault that
/// stopped it (`None` when that fault was recorded already: a key missing because it was misspelt).
pub(crate) fn read<'a, T: Deserialize<'a>>(root: &'a Node, faults: &RefCell<Vec<Fault>>) -> Result<T, Option<Fault>> {
    T::deserialize(NodeDe { node: root, path: String::new(), faults, tolerant: false }).map_err(|e| {
        (!e.reported).then(|| Fault {
            line: e.at.map_or(root.line, |at| at.0),
            column: e.at.map_or(root.column, |at| at.1),
            message: e.message,
        })
    })
}

/// The message for a key that is not one of `allowed`: the closest allowed key when one is close
/// enough to be a typo (`colour` → `color`, `bbx` → `box`), else the list of them.
pub(crate) fn unknown_key(key: &str, allowed: &[&'static str]) -> String {
    match suggestion(key, allowed) {
        Some(meant) => format!("unknown key `{key}`; did you mean `{meant}`?"),
        None => format!("unknown key `{key}`; the keys here are {}", list(allowed)),
    }
}

/// The allowed key `key` is a typo of, if any: the closest, the first of equals.
fn suggestion(key: &str, allowed: &[&'static str]) -> Option<&'static str> {
    let distance = |a: &str| strsim::damerau_levenshtein(&key.to_lowercase(), a);
    // One edit in a short key, two in a longer one, three in a long one: a typo, not another word.
    let close = match key.chars().count() {
        0..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    allowed.iter().map(|a| (distance(a), *a)).filter(|(d, _)| *d <= close).min_by_key(|(d, _)| *d).map(|(_, a)| a)
}

fn list(keys: &[&'static str]) -> String {
    keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}

/// A fault while reading, located at the innermost node it is about.
#[derive(Debug)]
struct DeError {
    at: Option<(u64, u64)>,
    message: String,
    /// For a value of the wrong shape: what was wanted; the message then says what was found.
    expected: Option<String>,
    /// For a missing key: which one.
    missing: Option<&'static str>,
    /// Said already: a key missing because it was misspelt is the misspelling's fault.
    reported: bool,
}

impl DeError {
    fn new(message: String) -> DeError {
        DeError { at: None, message, expected: None, missing: None, reported: false }
    }

    /// Placed at `node` (unless a node inside it was at fault), naming the key at `path`.
    fn locate(mut self, node: &Node, path: &str) -> DeError {
        if self.at.is_none() {
            self.at = Some((node.line, node.column));
            if let Some(expected) = self.expected.take() {
                self.message = format!("expected {expected}, found {}", describe(node));
            }
            if !path.is_empty() {
                self.message = format!("{path}: {}", self.message);
            }
        }
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> DeError {
        DeError::new(msg.to_string())
    }

    fn invalid_type(_: de::Unexpected<'_>, expected: &dyn Expected) -> DeError {
        DeError { expected: Some(plain(expected)), ..DeError::new(String::new()) }
    }

    fn invalid_value(_: de::Unexpected<'_>, expected: &dyn Expected) -> DeError {
        DeError::invalid_type(de::Unexpected::Other(""), expected)
    }

    fn invalid_length(_: usize, expected: &dyn Expected) -> DeError {
        DeError::invalid_type(de::Unexpected::Other(""), expected)
    }

    fn missing_field(field: &'static str) -> DeError {
        DeError { missing: Some(field), ..DeError::new(format!("missing key `{field}`")) }
    }

    fn duplicate_field(field: &'static str) -> DeError {
        DeError::new(format!("`{field}` is given twice"))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> DeError {
        DeError::new(unknown_key(field, expected))
    }
}

/// What serde expected, in a designer's words rather than Rust's.
fn plain(expected: &dyn Expected) -> String {
    let said = expected.to_string();
    match said.as_str() {
        "u8" => "a whole number from 0 to 255".into(),
        "u16" => "a whole number from 0 to 65535".into(),
        "u32" | "u64" => "a whole number, 0 or more".into(),
        "i32" | "i64" => "a whole number".into(),
        "f32" | "f64" => "a number".into(),
        "a boolean" => "`true` or `false`".into(),
        "a sequence" => "a list".into(),
        "a map" => "keys and values".into(),
        _ => match said.strip_prefix("an array of length ") {
            Some(n) => format!("a list of {n} values"),
            None => said,
        },
    }
}

/// What a node is, as the designer wrote it.
fn describe(node: &Node) -> String {
    match &node.value {
        Value::Null => "nothing".into(),
        Value::Str(s) if s.chars().count() > 40 => format!("`{}…`", s.chars().take(40).collect::<String>()),
        Value::Str(s) => format!("`{s}`"),
        Value::Seq(items) if items.len() == 1 => "a list of 1 value".into(),
        Value::Seq(items) => format!("a list of {} values", items.len()),
        Value::Map(_) => "keys and values".into(),
        Value::Bool(b) => format!("`{}`", node.written.as_deref().unwrap_or(if *b { "true" } else { "false" })),
        Value::Unsigned(_) | Value::Signed(_) | Value::Float(_) => {
            format!("`{}`", node.written.as_deref().unwrap_or("a number"))
        }
    }
}

/// Deserializes one node. `tolerant`: this node is a [`Tolerant`] value, so its fault is recorded
/// here before the value is dropped.
struct NodeDe<'a, 'f> {
    node: &'a Node,
    path: String,
    faults: &'f RefCell<Vec<Fault>>,
    tolerant: bool,
}

impl<'a, 'f> NodeDe<'a, 'f> {
    fn child(&self, node: &'a Node, path: String) -> NodeDe<'a, 'f> {
        NodeDe { node, path, faults: self.faults, tolerant: false }
    }

    fn finish<T>(
        node: &Node,
        path: &str,
        faults: &RefCell<Vec<Fault>>,
        tolerant: bool,
        result: Result<T, DeError>,
    ) -> Result<T, DeError> {
        result.map_err(|e| {
            let e = e.locate(node, path);
            if tolerant && !e.reported {
                let (line, column) = e.at.unwrap_or((node.line, node.column));
                faults.borrow_mut().push(Fault { line, column, message: e.message.clone() });
            }
            e
        })
    }
}

macro_rules! finish {
    ($self:ident, $body:expr) => {{
        let (node, faults, tolerant) = ($self.node, $self.faults, $self.tolerant);
        let path = $self.path.clone();
        let result = $body;
        NodeDe::finish(node, &path, faults, tolerant, result)
    }};
}

macro_rules! forward_to_any {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
            self.deserialize_any(visitor)
        })*
    };
}

impl<'a> Deserializer<'a> for NodeDe<'a, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        finish!(
            self,
            match &self.node.value {
                Value::Null => visitor.visit_unit(),
                Value::Bool(b) => visitor.visit_bool(*b),
                Value::Unsigned(n) => visitor.visit_u64(*n),
                Value::Signed(n) => visitor.visit_i64(*n),
                Value::Float(n) => visitor.visit_f64(*n),
                Value::Str(s) => visitor.visit_str(s),
                Value::Seq(items) => visitor.visit_seq(Items { de: &self, items: items.iter().enumerate() }),
                Value::Map(entries) =>
                    visitor.visit_map(Entries { de: &self, entries: entries.iter().collect(), next: 0 }),
            }
        )
    }

    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.as_text() {
            Some(text) => finish!(self, visitor.visit_str(text)),
            None => self.deserialize_any(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.value {
            Value::Null => finish!(self, visitor.visit_none()),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(self, name: &'static str, visitor: V) -> Result<V::Value, DeError> {
        match name {
            AT => finish!(self, {
                let value = self.child(self.node, self.path.clone());
                visitor.visit_seq(AtSeq { line: self.node.line, column: self.node.column, value: Some(value), step: 0 })
            }),
            TOLERANT => {
                let inner = NodeDe { node: self.node, path: self.path.clone(), faults: self.faults, tolerant: true };
                visitor.visit_newtype_struct(inner)
            }
            _ => finish!(self, visitor.visit_newtype_struct(self.child(self.node, self.path.clone()))),
        }
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let Value::Map(all) = &self.node.value else { return self.deserialize_any(visitor) };
        let mut entries = Vec::with_capacity(all.len());
        let mut meant = Vec::new();
        for entry in all {
            match entry.0.as_text() {
                Some(key) if !fields.contains(&key) => {
                    meant.extend(suggestion(key, fields));
                    let message = unknown_key(key, fields);
                    let message = if self.path.is_empty() { message } else { format!("{}: {message}", self.path) };
                    self.faults.borrow_mut().push(Fault { line: entry.0.line, column: entry.0.column, message });
                }
                _ => entries.push(entry),
            }
        }
        let result = visitor.visit_map(Entries { de: &self, entries, next: 0 }).map_err(|mut e| {
            e.reported |= e.missing.is_some_and(|key| meant.contains(&key));
            e
        });
        finish!(self, result)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.node.as_text() {
            Some(text) => finish!(self, visitor.visit_enum(text.into_deserializer())),
            None => self.deserialize_any(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_tuple<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(self, _name: &'static str, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }

    forward_to_any! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_u8
        deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_bytes deserialize_byte_buf deserialize_unit deserialize_seq deserialize_map
    }
}

struct Items<'d, 'a, 'f> {
    de: &'d NodeDe<'a, 'f>,
    items: std::iter::Enumerate<std::slice::Iter<'a, Node>>,
}

impl<'a> de::SeqAccess<'a> for Items<'_, 'a, '_> {
    type Error = DeError;

    fn next_element_seed<S: DeserializeSeed<'a>>(&mut self, seed: S) -> Result<Option<S::Value>, DeError> {
        match self.items.next() {
            Some((i, item)) => seed.deserialize(self.de.child(item, format!("{}[{i}]", self.de.path))).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Entries<'d, 'a, 'f> {
    de: &'d NodeDe<'a, 'f>,
    entries: Vec<&'a (Node, Node)>,
    next: usize,
}

impl<'a> de::MapAccess<'a> for Entries<'_, 'a, '_> {
    type Error = DeError;

    fn next_key_seed<S: DeserializeSeed<'a>>(&mut self, seed: S) -> Result<Option<S::Value>, DeError> {
        match self.entries.get(self.next) {
            Some((key, _)) => seed.deserialize(self.de.child(key, self.de.path.clone())).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'a>>(&mut self, seed: S) -> Result<S::Value, DeError> {
        let (key, value) = self.entries[self.next];
        self.next += 1;
        let name = key.as_text().unwrap_or("?");
        let path = if self.de.path.is_empty() { name.to_owned() } else { format!("{}.{name}", self.de.path) };
        seed.deserialize(self.de.child(value, path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len() - self.next)
    }
}

/// An [`At`] as [`NodeDe`] hands it over: line, column, then the value.
struct AtSeq<'a, 'f> {
    line: u64,
    column: u64,
    value: Option<NodeDe<'a, 'f>>,
    step: u8,
}

impl<'a> de::SeqAccess<'a> for AtSeq<'a, '_> {
    type Error = DeError;

    fn next_element_seed<S: DeserializeSeed<'a>>(&mut self, seed: S) -> Result<Option<S::Value>, DeError> {
        self.step += 1;
        match self.step {
            1 => seed.deserialize(self.line.into_deserializer()).map(Some),
            2 => seed.deserialize(self.column.into_deserializer()).map(Some),
            _ => self.value.take().map(|value| seed.deserialize(value)).transpose(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<At<T>, D::Error> {
        struct AtVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for AtVisitor<T> {
            type Value = At<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value with its position")
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<At<T>, A::Error> {
                let missing = || de::Error::custom("a position without its value");
                let line = seq.next_element()?.ok_or_else(missing)?;
                let column = seq.next_element()?.ok_or_else(missing)?;
                let value = seq.next_element()?.ok_or_else(missing)?;
                Ok(At { value, line, column })
            }
        }

        deserializer.deserialize_newtype_struct(AT, AtVisitor(PhantomData))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Tolerant<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Tolerant<T>, D::Error> {
        struct TolerantVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for TolerantVisitor<T> {
            type Value = Tolerant<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value")
            }

            fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tolerant<T>, D::Error> {
                // The fault was recorded by the deserializer as it left this value.
                Ok(Tolerant(T::deserialize(deserializer).ok()))
            }
        }

        deserializer.deserialize_newtype_struct(TOLERANT, TolerantVisitor(PhantomData))
    }
}

/// The schema of `T`: a position is not written in the file.
macro_rules! transparent_schema {
    ($wrapper:ident) => {
        impl<T: JsonSchema> JsonSchema for $wrapper<T> {
            fn inline_schema() -> bool {
                T::inline_schema()
            }

            fn schema_name() -> std::borrow::Cow<'static, str> {
                T::schema_name()
            }

            fn schema_id() -> std::borrow::Cow<'static, str> {
                T::schema_id()
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                T::json_schema(generator)
            }
        }
    };
}

transparent_schema!(At);
transparent_schema!(Tolerant);
