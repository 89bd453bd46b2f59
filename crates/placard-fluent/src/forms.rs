//! Every string a pattern can format to.
//!
//! `fluent-bundle` formats one form: the variant its arguments select. A check that must hold
//! "in every form a reader could see" needs all of them: every variant of every selector whose
//! value is not known, with message and term references resolved and term arguments applied.
//! Forms are built the way `fluent-bundle` 0.16 builds its output, including the FSI/PDI marks it
//! puts around placeables (not around message references, term references or string literals),
//! so the bidi check sees the same characters a renderer will.
//!
//! Enumeration is bounded ([`Limits`]: `forms`, `reference_depth`, `form_bytes`): a pattern
//! with many independent selectors cannot make the linter run away, and a reference cycle is
//! reported, never followed forever.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::str::FromStr;

use fluent_bundle::types::FluentNumber;
use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement, Variant, VariantKey};
use fluent_syntax::unicode::unescape_unicode_to_string;

use placard_core::Limits;

use crate::{Catalog, EntryKind};

/// FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, as `fluent-bundle` inserts them.
pub const FSI: char = '\u{2068}';
pub const PDI: char = '\u{2069}';

/// A value the caller knows for a variable.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    String(String),
    Number(f64),
}

/// One formatted string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Form {
    pub text: String,
    /// Byte ranges of the isolation marks that formatting inserted (not the translator's text).
    pub inserted: Vec<Range<usize>>,
}

impl Form {
    /// The text without the isolation marks formatting inserted.
    pub fn visible(&self) -> String {
        let mut out = String::with_capacity(self.text.len());
        let mut at = 0;
        for range in &self.inserted {
            out.push_str(&self.text[at..range.start]);
            at = range.end;
        }
        out.push_str(&self.text[at..]);
        out
    }

    fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn append(&mut self, other: &Form) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.inserted.extend(other.inserted.iter().map(|r| r.start + base..r.end + base));
    }

    fn isolated(&self) -> Form {
        let mut out = Form::default();
        out.push_mark(FSI);
        out.append(self);
        out.push_mark(PDI);
        out
    }

    fn push_mark(&mut self, mark: char) {
        let start = self.text.len();
        self.text.push(mark);
        self.inserted.push(start..self.text.len());
    }
}

/// Something enumeration could not follow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A message or term reference with no definition (or no such attribute).
    Unresolved { kind: EntryKind, name: String, attribute: Option<String> },
    /// A reference that leads back to itself.
    Cycle { kind: EntryKind, name: String },
    /// References nested deeper than `Limits::reference_depth`.
    TooDeep,
}

/// The forms of one pattern.
#[derive(Clone, Debug, Default)]
pub struct Forms {
    pub forms: Vec<Form>,
    /// Some forms were dropped to stay within [`Limits`].
    pub truncated: bool,
    pub problems: Vec<Problem>,
}

/// Plural category of a number for the locale (`one`, `few`, `other`, ...).
pub type PluralRule<'r> = &'r dyn Fn(f64) -> Option<&'static str>;

/// Formats patterns of one locale's catalog into all their forms.
pub struct Formatter<'c, 'a> {
    catalog: &'c Catalog<'a>,
    variables: &'c HashMap<String, Value>,
    plural: Option<PluralRule<'c>>,
    limits: Limits,
}

impl std::fmt::Debug for Formatter<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Formatter").field("limits", &self.limits).finish_non_exhaustive()
    }
}

/// Where variables come from: the caller's values for a message, a term's own arguments inside
/// a term (`Some(None)`: an argument whose value is not known).
enum Scope<'s> {
    Message,
    Term(HashMap<&'s str, Option<Value>>),
}

/// What a selector is known to be.
enum Selected {
    /// One of these values.
    Values(Vec<Value>),
    /// Anything: every variant can be shown.
    Unknown,
    /// Nothing (a missing term argument): the default variant is shown.
    Missing,
}

struct State<'a> {
    stack: Vec<(EntryKind, &'a str)>,
    forms: Forms,
}

impl<'c, 'a> Formatter<'c, 'a> {
    pub fn new(catalog: &'c Catalog<'a>, variables: &'c HashMap<String, Value>) -> Self {
        Formatter { catalog, variables, plural: None, limits: Limits::default() }
    }

    pub fn with_plural_rule(mut self, rule: PluralRule<'c>) -> Self {
        self.plural = Some(rule);
        self
    }

    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Every form of `pattern`, a pattern of this catalog's locale.
    pub fn forms(&self, pattern: &'a Pattern<&'a str>) -> Forms {
        let mut state = State { stack: Vec::new(), forms: Forms::default() };
        let forms = self.pattern(pattern, &Scope::Message, &mut state);
        let mut out = state.forms;
        out.forms = forms;
        out
    }

    fn pattern(&self, pattern: &'a Pattern<&'a str>, scope: &Scope<'a>, state: &mut State<'a>) -> Vec<Form> {
        let isolating = pattern.elements.len() > 1;
        let mut acc = vec![Form::default()];
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => acc.iter_mut().for_each(|f| f.push_str(value)),
                PatternElement::Placeable { expression } => {
                    let mut parts = self.expression(expression, scope, state);
                    if isolating && needs_isolation(expression) {
                        parts = parts.iter().map(Form::isolated).collect();
                    }
                    acc = self.product(acc, &parts, state);
                }
            }
        }
        acc
    }

    fn product(&self, left: Vec<Form>, right: &[Form], state: &mut State<'a>) -> Vec<Form> {
        if right.len() == 1 {
            let mut left = left;
            left.iter_mut().for_each(|f| f.append(&right[0]));
            return self.bounded(left, state);
        }
        let mut out = Vec::with_capacity((left.len() * right.len()).min(self.limits.forms));
        'outer: for l in &left {
            for r in right {
                if out.len() == self.limits.forms {
                    state.forms.truncated = true;
                    break 'outer;
                }
                let mut form = l.clone();
                form.append(r);
                out.push(form);
            }
        }
        self.bounded(out, state)
    }

    /// Drops duplicates and clips forms that grew past the length limit.
    fn bounded(&self, forms: Vec<Form>, state: &mut State<'a>) -> Vec<Form> {
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(forms.len());
        for mut form in forms {
            if form.text.len() > self.limits.form_bytes {
                let mut end = self.limits.form_bytes;
                while !form.text.is_char_boundary(end) {
                    end -= 1;
                }
                form.text.truncate(end);
                form.inserted.retain(|r| r.end <= end);
                state.forms.truncated = true;
            }
            if seen.insert(form.text.clone()) {
                out.push(form);
            }
        }
        out
    }

    fn expression(&self, expression: &'a Expression<&'a str>, scope: &Scope<'a>, state: &mut State<'a>) -> Vec<Form> {
        match expression {
            Expression::Inline(inline) => self.inline(inline, scope, state),
            Expression::Select { selector, variants } => {
                let chosen = self.choose(variants, self.selector(selector, scope, state));
                let mut out = Vec::new();
                for variant in chosen {
                    out.extend(self.pattern(&variant.value, scope, state));
                }
                self.bounded(out, state)
            }
        }
    }

    fn inline(&self, inline: &'a InlineExpression<&'a str>, scope: &Scope<'a>, state: &mut State<'a>) -> Vec<Form> {
        let text = |s: String| vec![Form { text: s, inserted: Vec::new() }];
        match inline {
            InlineExpression::StringLiteral { value } => text(unescape_unicode_to_string(value).into_owned()),
            InlineExpression::NumberLiteral { value } => text(format_number(value)),
            InlineExpression::VariableReference { id } => match self.variable(id.name, scope) {
                Selected::Values(values) => values.iter().flat_map(|v| text(value_text(v))).collect(),
                Selected::Unknown | Selected::Missing => text(format!("{{${}}}", id.name)),
            },
            InlineExpression::MessageReference { id, attribute } => {
                let attribute = attribute.as_ref().map(|a| a.name);
                self.reference(EntryKind::Message, id.name, attribute, scope, state)
            }
            InlineExpression::TermReference { id, attribute, arguments } => {
                let mut args = HashMap::new();
                if let Some(arguments) = arguments {
                    for named in &arguments.named {
                        args.insert(named.name.name, self.argument(&named.value, scope));
                    }
                }
                let attribute = attribute.as_ref().map(|a| a.name);
                self.reference(EntryKind::Term, id.name, attribute, &Scope::Term(args), state)
            }
            InlineExpression::FunctionReference { id, arguments } => {
                // NUMBER(x) and DATETIME(x) format their first argument; only a known number can be shown.
                match arguments.positional.first() {
                    Some(first) if id.name == "NUMBER" => self.inline(first, scope, state),
                    _ => text(format!("{{{}()}}", id.name)),
                }
            }
            InlineExpression::Placeable { expression } => self.expression(expression, scope, state),
        }
    }

    fn reference(
        &self,
        kind: EntryKind,
        name: &'a str,
        attribute: Option<&'a str>,
        scope: &Scope<'a>,
        state: &mut State<'a>,
    ) -> Vec<Form> {
        let shown = || {
            let sigil = if kind == EntryKind::Term { "-" } else { "" };
            let attr = attribute.map(|a| format!(".{a}")).unwrap_or_default();
            vec![Form { text: format!("{{{sigil}{name}{attr}}}"), inserted: Vec::new() }]
        };
        let Some(pattern) = self.catalog.get(kind, name).and_then(|e| e.pattern(attribute)) else {
            state.forms.problems.push(Problem::Unresolved {
                kind,
                name: name.to_owned(),
                attribute: attribute.map(str::to_owned),
            });
            return shown();
        };
        if state.stack.contains(&(kind, name)) {
            state.forms.problems.push(Problem::Cycle { kind, name: name.to_owned() });
            return shown();
        }
        if state.stack.len() >= self.limits.reference_depth {
            state.forms.problems.push(Problem::TooDeep);
            return shown();
        }
        state.stack.push((kind, name));
        let inner_scope;
        let scope = match (kind, scope) {
            // A message reference keeps the caller's scope, as fluent-bundle does.
            (EntryKind::Message, _) => scope,
            (EntryKind::Term, Scope::Term(args)) => {
                inner_scope = Scope::Term(args.clone());
                &inner_scope
            }
            (EntryKind::Term, Scope::Message) => {
                inner_scope = Scope::Term(HashMap::new());
                &inner_scope
            }
        };
        let forms = self.pattern(pattern, scope, state);
        state.stack.pop();
        forms
    }

    /// A term argument's value: literals are known; a variable is known if the caller supplied it.
    fn argument(&self, value: &'a InlineExpression<&'a str>, scope: &Scope<'a>) -> Option<Value> {
        match value {
            InlineExpression::StringLiteral { value } => {
                Some(Value::String(unescape_unicode_to_string(value).into_owned()))
            }
            InlineExpression::NumberLiteral { value } => value.parse().ok().map(Value::Number),
            InlineExpression::VariableReference { id } => match self.variable(id.name, scope) {
                Selected::Values(mut values) if values.len() == 1 => values.pop(),
                _ => None,
            },
            _ => None,
        }
    }

    fn variable(&self, name: &str, scope: &Scope<'a>) -> Selected {
        match scope {
            Scope::Message => match self.variables.get(name) {
                Some(value) => Selected::Values(vec![value.clone()]),
                None => Selected::Unknown,
            },
            Scope::Term(args) => match args.get(name) {
                Some(Some(value)) => Selected::Values(vec![value.clone()]),
                Some(None) => Selected::Unknown,
                None => Selected::Missing,
            },
        }
    }

    fn selector(&self, selector: &'a InlineExpression<&'a str>, scope: &Scope<'a>, state: &mut State<'a>) -> Selected {
        match selector {
            InlineExpression::StringLiteral { value } => {
                Selected::Values(vec![Value::String(unescape_unicode_to_string(value).into_owned())])
            }
            InlineExpression::NumberLiteral { value } => match value.parse() {
                Ok(n) => Selected::Values(vec![Value::Number(n)]),
                Err(_) => Selected::Unknown,
            },
            InlineExpression::VariableReference { id } => self.variable(id.name, scope),
            InlineExpression::FunctionReference { id, arguments } if id.name == "NUMBER" => {
                match arguments.positional.first() {
                    Some(first) => self.selector(first, scope, state),
                    None => Selected::Unknown,
                }
            }
            InlineExpression::TermReference { .. } => {
                // `{ -brand.gender -> ...}`: the term attribute's forms are the possible values.
                let forms = self.inline(selector, scope, state);
                Selected::Values(forms.into_iter().map(|f| Value::String(f.visible())).collect())
            }
            _ => Selected::Unknown,
        }
    }

    fn choose(&self, variants: &'a [Variant<&'a str>], selected: Selected) -> Vec<&'a Variant<&'a str>> {
        let default = || variants.iter().find(|v| v.default).or(variants.last());
        match selected {
            Selected::Unknown => variants.iter().collect(),
            Selected::Missing => default().into_iter().collect(),
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
            (VariantKey::NumberLiteral { value: key }, Value::String(s)) => key == s,
            (VariantKey::Identifier { name }, Value::Number(n)) => {
                self.plural.and_then(|rule| rule(*n)).is_some_and(|category| category == *name)
            }
        }
    }
}

/// The text of a Fluent string literal with its `\\`, `\"`, `\uXXXX` and `\UXXXXXX` escapes applied.
pub fn unescape(literal: &str) -> String {
    unescape_unicode_to_string(literal).into_owned()
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
