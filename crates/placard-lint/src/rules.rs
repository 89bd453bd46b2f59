//! The campaign's rules, already validated by the caller.

use std::collections::HashMap;

use placard_core::Limits;
use placard_fluent::forms::Value;

/// A message (or `message.attribute`) that every locale must have, showing every `contains`
/// string in every form a reader could see.
#[derive(Clone, Debug)]
pub struct Required {
    /// `id`, `-term` or `id.attribute`, as written in pipeline.yaml.
    pub message: String,
    pub contains: Vec<String>,
}

impl Required {
    /// The id without the attribute, and the attribute.
    pub fn split(&self) -> (&str, Option<&str>) {
        placard_fluent::split_attribute(&self.message)
    }
}

/// Everything the checks need besides the files.
#[derive(Clone, Debug, Default)]
pub struct Rules {
    /// A missing message is an error (true) or a warning (false).
    pub strict: bool,
    pub required: Vec<Required>,
    /// Variable values the campaign supplies; other variables are unknown.
    pub variables: HashMap<String, Value>,
    pub limits: Limits,
    /// Message and term ids (`-brand-name`) defined outside this tree, taken as resolved.
    pub external: std::collections::HashSet<String>,
}
