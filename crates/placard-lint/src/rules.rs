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

impl Rules {
    /// The required messages' ids, in pipeline.yaml's order.
    pub fn required_messages(&self) -> Vec<&str> {
        self.required.iter().map(|r| r.message.as_str()).collect()
    }

    /// Every required string of every rule: the phrases a layout keeps on one line.
    pub fn required_strings(&self) -> Vec<&str> {
        self.required.iter().flat_map(|r| r.contains.iter().map(String::as_str)).collect()
    }

    /// The strings `message` is required to show.
    pub fn strings_required_of(&self, message: &str) -> Vec<&str> {
        self.required
            .iter()
            .filter(|r| r.message == message)
            .flat_map(|r| r.contains.iter().map(String::as_str))
            .collect()
    }
}
