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

/// A required message drawn as a lock-up: one unbreakable unit on a line of its own, at least
/// `scale` times the size of the sentence that leads into it (`after`, drawn just before it).
/// The composition obeys it and the `helpline-lockup` check proves it on every asset.
#[derive(Clone, Debug, PartialEq)]
pub struct Lockup {
    /// The message drawn as the lock-up, e.g. `helpline-contact`.
    pub message: String,
    /// The message that leads into it, e.g. `helpline-lead`.
    pub after: String,
    /// The lock-up's size over the lead-in's, at least (e.g. 1.25).
    pub scale: f32,
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
    /// The required messages drawn as lock-ups, in pipeline.yaml's order.
    pub lockups: Vec<Lockup>,
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

    /// The lock-up rule for `message`, if it is drawn as one.
    pub fn lockup_of(&self, message: &str) -> Option<&Lockup> {
        self.lockups.iter().find(|l| l.message == message)
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
