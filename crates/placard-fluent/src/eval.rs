//! One walk over the pattern grammar, for every question asked of "all the forms of a pattern".
//!
//! Listing the forms ([`crate::forms`]) and proving that every form contains a string
//! ([`crate::contains`]) must agree on what a form is: which variants a selector can pick, what
//! an unknown variable shows, where `fluent-bundle` puts isolation marks, how references and
//! term arguments resolve. So both are the same [`Evaluator`] over a different [`Domain`]: the
//! evaluator knows Fluent, the domain knows only text, concatenation and choice.
//!
//! Every referenced pattern is evaluated once per scope (memoised by pattern and term
//! arguments), so a chain of messages that each select between two references to the next costs
//! one evaluation per message, not two to the power of the chain's length.

use std::collections::BTreeMap;
use std::rc::Rc;
use std::str::FromStr;

use fluent_bundle::types::FluentNumber;
use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement, Variant, VariantKey};
use fluent_syntax::unicode::unescape_unicode_to_string;
use rustc_hash::{FxHashMap, FxHashSet};

use placard_core::Limits;

use crate::EntryKind;
use crate::forms::{Formatter, Limit, Problem, Value};

/// What a domain makes of the grammar. `Err` stops the whole walk (a limit was reached).
pub(crate) trait Domain {
    type Value: Clone;
    /// The domain of the one form a reader is shown ([`crate::shown`]): a selector whose value is
    /// not known picks its default variant, as `fluent-bundle` does, instead of every variant.
    const SHOWN: bool = false;
    /// The empty text: where a pattern starts.
    fn empty(&mut self) -> Self::Value;
    /// A piece of text, as shown.
    fn text(&mut self, text: &str) -> Result<Self::Value, Limit>;
    /// `left` followed by `right`.
    fn concat(&mut self, left: Self::Value, right: &Self::Value) -> Result<Self::Value, Limit>;
    /// Any one of `choices` (the variants a selector can pick), in source order.
    fn union(&mut self, choices: Vec<Self::Value>) -> Result<Self::Value, Limit>;
    /// `value` between the FSI and PDI marks `fluent-bundle` inserts around a placeable.
    fn isolate(&mut self, value: &Self::Value) -> Result<Self::Value, Limit>;
    /// A reference nested deeper than `limits.reference_depth`, which was not followed.
    fn too_deep(&mut self) -> Result<Self::Value, Limit>;
    /// Units of work done so far (for the fuzz target's linear-time invariant).
    fn work(&self) -> u64;
}

/// A value known for a term argument, hashable so that scopes can key the memo.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Known {
    String(String),
    /// The bits of the `f64` (which is not `Hash`): `1` and `1.0` are the same argument.
    Number(u64),
}

impl Known {
    fn of(value: &Value) -> Known {
        match value {
            Value::String(s) => Known::String(s.clone()),
            Value::Number(n) => Known::Number(n.to_bits()),
        }
    }

    fn value(&self) -> Value {
        match self {
            Known::String(s) => Value::String(s.clone()),
            Known::Number(bits) => Value::Number(f64::from_bits(*bits)),
        }
    }
}

/// Where variables come from: `None`, the caller's values (a message); `Some`, a term's own
/// arguments by name (`None` inside: an argument whose value is not known).
type Scope<'a> = Option<Rc<[(&'a str, Option<Known>)]>>;

/// What a selector is known to be.
enum Selected {
    /// One of these values.
    Values(Vec<Value>),
    /// Anything: every variant can be shown.
    Unknown,
    /// Nothing (a missing term argument): the default variant is shown.
    Missing,
}

/// At most this many values of a `{ -term.attribute -> ... }` selector are listed, each at most
/// this long; past that every variant counts as selectable.
const SELECTOR_FORMS: usize = 64;
const SELECTOR_FORM_BYTES: usize = 1024;

/// A pattern in a scope: the memo key. Patterns are keyed by address: they live as long as the
/// catalog and are never moved while it is borrowed.
type Key<'a> = (usize, Scope<'a>);

pub(crate) struct Evaluator<'f, 'c, 'a, D: Domain> {
    fmt: &'f Formatter<'c, 'a>,
    pub(crate) domain: D,
    /// The referenced patterns being evaluated, innermost last: a reference back to one of them is
    /// a cycle (as in `fluent-bundle`, which tracks patterns, so `a = { a.title }` is none).
    stack: Vec<usize>,
    memo: FxHashMap<Key<'a>, D::Value>,
    /// The values a `{ -term.attribute -> ... }` selector can take; `None` when not all are known.
    selector_values: FxHashMap<Key<'a>, Option<Rc<[Value]>>>,
    pub(crate) problems: Vec<Problem>,
    reported: FxHashSet<Problem>,
    /// Some reference was not followed (`limits.reference_depth`).
    pub(crate) cut: bool,
    /// Work the evaluator itself did (elements visited), beside the domain's.
    steps: u64,
}

impl<'f, 'c, 'a, D: Domain> Evaluator<'f, 'c, 'a, D> {
    pub(crate) fn new(fmt: &'f Formatter<'c, 'a>, domain: D) -> Self {
        Evaluator {
            fmt,
            domain,
            stack: Vec::new(),
            memo: FxHashMap::default(),
            selector_values: FxHashMap::default(),
            problems: Vec::new(),
            reported: FxHashSet::default(),
            cut: false,
            steps: 0,
        }
    }

    /// The root pattern, in the caller's scope. The root itself is not on the stack, as in
    /// `fluent-bundle`: `a = { a }` expands once before the cycle shows.
    pub(crate) fn root(&mut self, pattern: &'a Pattern<&'a str>) -> Result<D::Value, Limit> {
        self.pattern(pattern, &None)
    }

    pub(crate) fn work(&self) -> u64 {
        self.steps + self.domain.work()
    }

    fn pattern(&mut self, pattern: &'a Pattern<&'a str>, scope: &Scope<'a>) -> Result<D::Value, Limit> {
        let isolating = pattern.elements.len() > 1;
        let mut acc = self.domain.empty();
        for element in &pattern.elements {
            self.steps += 1;
            let part = match element {
                PatternElement::TextElement { value } => self.domain.text(value)?,
                PatternElement::Placeable { expression } => {
                    let part = self.expression(expression, scope)?;
                    if isolating && needs_isolation(expression) { self.domain.isolate(&part)? } else { part }
                }
            };
            acc = self.domain.concat(acc, &part)?;
        }
        Ok(acc)
    }

    fn expression(&mut self, expression: &'a Expression<&'a str>, scope: &Scope<'a>) -> Result<D::Value, Limit> {
        match expression {
            Expression::Inline(inline) => self.inline(inline, scope),
            Expression::Select { selector, variants } => {
                let selected = self.selector(selector, scope)?;
                let mut choices = Vec::new();
                for variant in self.choose(variants, selected) {
                    choices.push(self.pattern(&variant.value, scope)?);
                }
                self.domain.union(choices)
            }
        }
    }

    fn inline(&mut self, inline: &'a InlineExpression<&'a str>, scope: &Scope<'a>) -> Result<D::Value, Limit> {
        match inline {
            InlineExpression::StringLiteral { value } => self.domain.text(&unescape_unicode_to_string(value)),
            InlineExpression::NumberLiteral { value } => self.domain.text(&format_number(value)),
            InlineExpression::VariableReference { id } => match variable(self.fmt, id.name, scope) {
                Selected::Values(values) => {
                    let texts = values.iter().map(|v| self.domain.text(&value_text(v))).collect::<Result<_, _>>()?;
                    self.domain.union(texts)
                }
                Selected::Unknown | Selected::Missing => self.domain.text(&format!("{{${}}}", id.name)),
            },
            InlineExpression::MessageReference { id, attribute } => {
                let attribute = attribute.as_ref().map(|a| a.name);
                // A message reference keeps the caller's scope, as fluent-bundle does.
                self.reference(EntryKind::Message, id.name, attribute, scope.clone())
            }
            InlineExpression::TermReference { id, attribute, arguments } => {
                let mut args = BTreeMap::new();
                if let Some(arguments) = arguments {
                    for named in &arguments.named {
                        args.insert(named.name.name, self.argument(&named.value, scope));
                    }
                }
                let attribute = attribute.as_ref().map(|a| a.name);
                self.reference(EntryKind::Term, id.name, attribute, Some(args.into_iter().collect()))
            }
            InlineExpression::FunctionReference { id, arguments } => {
                // NUMBER(x) and DATETIME(x) format their first argument; only a known number can be shown.
                match arguments.positional.first() {
                    Some(first) if id.name == "NUMBER" => self.inline(first, scope),
                    _ => self.domain.text(&format!("{{{}()}}", id.name)),
                }
            }
            InlineExpression::Placeable { expression } => self.expression(expression, scope),
        }
    }

    fn reference(
        &mut self,
        kind: EntryKind,
        name: &'a str,
        attribute: Option<&'a str>,
        scope: Scope<'a>,
    ) -> Result<D::Value, Limit> {
        let shown = || {
            let sigil = if kind == EntryKind::Term { "-" } else { "" };
            let attr = attribute.map(|a| format!(".{a}")).unwrap_or_default();
            format!("{{{sigil}{name}{attr}}}")
        };
        let Some(pattern) = self.fmt.catalog.resolve(kind, name, attribute).and_then(|e| e.pattern(attribute)) else {
            self.problem(Problem::Unresolved { kind, name: name.to_owned(), attribute: attribute.map(str::to_owned) });
            return self.domain.text(&shown());
        };
        let address = std::ptr::from_ref(pattern) as usize;
        if self.stack.contains(&address) {
            self.problem(Problem::Cycle { kind, name: name.to_owned() });
            return self.domain.text(&shown());
        }
        // A pattern met before in this scope has the same forms: a cycle is reported on its own
        // (`unresolved-reference`), so the text a cycle was cut at need not be exact elsewhere.
        let key = (address, scope);
        if let Some(value) = self.memo.get(&key) {
            return Ok(value.clone());
        }
        if self.stack.len() >= self.fmt.limits.reference_depth {
            self.problem(Problem::TooDeep);
            self.cut = true;
            return self.domain.too_deep();
        }
        self.stack.push(address);
        let value = self.pattern(pattern, &key.1);
        self.stack.pop();
        let value = value?;
        self.memo.insert(key, value.clone());
        Ok(value)
    }

    fn problem(&mut self, problem: Problem) {
        if self.reported.insert(problem.clone()) {
            self.problems.push(problem);
        }
    }

    /// A term argument's value: literals are known; a variable is known if the caller supplied it.
    fn argument(&self, value: &'a InlineExpression<&'a str>, scope: &Scope<'a>) -> Option<Known> {
        match value {
            InlineExpression::StringLiteral { value } => {
                Some(Known::String(unescape_unicode_to_string(value).into_owned()))
            }
            InlineExpression::NumberLiteral { value } => value.parse().ok().map(|n: f64| Known::Number(n.to_bits())),
            InlineExpression::VariableReference { id } => match variable(self.fmt, id.name, scope) {
                Selected::Values(values) if values.len() == 1 => values.first().map(Known::of),
                _ => None,
            },
            _ => None,
        }
    }

    fn selector(&mut self, selector: &'a InlineExpression<&'a str>, scope: &Scope<'a>) -> Result<Selected, Limit> {
        Ok(match selector {
            InlineExpression::StringLiteral { value } => {
                Selected::Values(vec![Value::String(unescape_unicode_to_string(value).into_owned())])
            }
            InlineExpression::NumberLiteral { value } => match value.parse() {
                Ok(n) => Selected::Values(vec![Value::Number(n)]),
                Err(_) => Selected::Unknown,
            },
            InlineExpression::VariableReference { id } => variable(self.fmt, id.name, scope),
            InlineExpression::FunctionReference { id, arguments } if id.name == "NUMBER" => {
                match arguments.positional.first() {
                    Some(first) => self.selector(first, scope)?,
                    None => Selected::Unknown,
                }
            }
            InlineExpression::TermReference { .. } => match self.term_values(selector, scope) {
                Some(values) => Selected::Values(values.to_vec()),
                None => Selected::Unknown,
            },
            _ => Selected::Unknown,
        })
    }

    /// `{ -brand.gender -> ... }`: the forms of the term attribute are the values it can take,
    /// listed whatever this walk's domain is. When they cannot all be listed, every variant counts
    /// as selectable: more forms than a reader can see, never fewer.
    fn term_values(&mut self, selector: &'a InlineExpression<&'a str>, scope: &Scope<'a>) -> Option<Rc<[Value]>> {
        let key = (std::ptr::from_ref(selector) as usize, scope.clone());
        if let Some(values) = self.selector_values.get(&key) {
            return values.clone();
        }
        let values = if D::SHOWN {
            // The one value the reader's form of the attribute has.
            let mut reader = Evaluator::new(self.fmt, crate::shown::Reader::new(self.fmt.limits.form_bytes));
            reader.stack = self.stack.clone();
            let shown = reader.inline(selector, scope);
            self.absorb(reader.work(), reader.cut, reader.problems);
            shown.ok().map(|form| Rc::from(vec![Value::String(form.visible())]))
        } else {
            // A selector's value is a short word (`masculine`): listing a few short forms is
            // enough, and keeps this listing from costing more than the grammar it stands for.
            let limits = Limits { forms: SELECTOR_FORMS, form_bytes: SELECTOR_FORM_BYTES, ..self.fmt.limits };
            let mut lister = Evaluator::new(self.fmt, crate::forms::Lister::new(limits));
            lister.stack = self.stack.clone();
            let listed = lister.inline(selector, scope);
            self.absorb(lister.work(), lister.cut, lister.problems);
            listed.ok().map(|forms| forms.iter().map(|f| Value::String(f.visible())).collect())
        };
        self.selector_values.insert(key, values.clone());
        values
    }

    /// Takes in what a nested walk (over a selector's values) did and found.
    fn absorb(&mut self, work: u64, cut: bool, problems: Vec<Problem>) {
        self.steps += work;
        self.cut |= cut;
        for problem in problems {
            self.problem(problem);
        }
    }

    fn choose(&self, variants: &'a [Variant<&'a str>], selected: Selected) -> Vec<&'a Variant<&'a str>> {
        let default = || variants.iter().find(|v| v.default).or(variants.last());
        match selected {
            Selected::Unknown if !D::SHOWN => variants.iter().collect(),
            Selected::Unknown | Selected::Missing => default().into_iter().collect(),
            Selected::Values(values) => {
                let mut out: Vec<&Variant<&str>> = Vec::new();
                for value in &values {
                    let chosen = variants.iter().find(|v| self.matches(&v.key, value)).or_else(default);
                    if let Some(v) = chosen
                        && !out.iter().any(|o| std::ptr::eq(*o, v))
                    {
                        out.push(v);
                    }
                }
                out
            }
        }
    }

    fn matches(&self, key: &VariantKey<&str>, value: &Value) -> bool {
        match (key, value) {
            (VariantKey::Identifier { name }, Value::String(s)) => name == s,
            (VariantKey::NumberLiteral { value: key }, Value::Number(n)) => key.parse::<f64>().is_ok_and(|k| k == *n),
            // fluent-bundle reads a numeric key as a number, which no string equals.
            (VariantKey::NumberLiteral { .. }, Value::String(_)) => false,
            (VariantKey::Identifier { name }, Value::Number(n)) => {
                self.fmt.plural.and_then(|rule| rule(*n)).is_some_and(|category| category == *name)
            }
        }
    }
}

fn variable(fmt: &Formatter<'_, '_>, name: &str, scope: &Scope<'_>) -> Selected {
    match scope {
        None => match fmt.variables.get(name) {
            Some(value) => Selected::Values(vec![value.clone()]),
            None => Selected::Unknown,
        },
        Some(args) => match args.iter().find(|(n, _)| *n == name) {
            Some((_, Some(value))) => Selected::Values(vec![value.value()]),
            Some((_, None)) => Selected::Unknown,
            None => Selected::Missing,
        },
    }
}

fn needs_isolation(expression: &Expression<&str>) -> bool {
    !matches!(
        expression,
        Expression::Inline(
            InlineExpression::MessageReference { .. }
                | InlineExpression::TermReference { .. }
                | InlineExpression::StringLiteral { .. }
        )
    )
}

fn format_number(literal: &str) -> String {
    FluentNumber::from_str(literal).map_or_else(|_| literal.to_owned(), |n| n.as_string().into_owned())
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => FluentNumber::from(*n).as_string().into_owned(),
    }
}
