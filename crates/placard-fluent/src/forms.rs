//! Every string a pattern can format to.
//!
//! `fluent-bundle` formats one form: the variant its arguments select. A check that must hold
//! "in every form a reader could see" needs all of them: every variant of every selector whose
//! value is not known, with message and term references resolved and term arguments applied.
//! Forms are built the way `fluent-bundle` 0.16 builds its output, including the FSI/PDI marks it
//! puts around placeables (not around message references, term references or string literals),
//! so the bidi check sees the same characters a renderer will.
//!
//! Listing is for checks that need the text itself (reading order, invisible characters). It
//! lists distinct forms, evaluating each referenced pattern once, and stops the moment a limit
//! ([`Limits`]: `forms`, `form_bytes`, `reference_depth`) would be passed, before doing the work
//! past it: the caller learns which limit, never gets a partial list that looks whole. Whether
//! every form contains a string is answered without listing ([`Formatter::contains`], exact
//! whatever the number of forms). A reference cycle is reported, never followed forever.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use fluent_syntax::ast::Pattern;
use fluent_syntax::unicode::unescape_unicode_to_string;
use rustc_hash::FxHashSet;

use placard_core::Limits;

use crate::eval::{Domain, Evaluator};
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

    pub(crate) fn append(&mut self, other: &Form) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.inserted.extend(other.inserted.iter().map(|r| r.start + base..r.end + base));
    }

    pub(crate) fn isolated(&self) -> Form {
        let mut out = Form::default();
        out.push_mark(FSI);
        out.append(self);
        out.push_mark(PDI);
        out
    }

    pub(crate) fn push_mark(&mut self, mark: char) {
        let start = self.text.len();
        self.text.push(mark);
        self.inserted.push(start..self.text.len());
    }
}

/// Something evaluation could not follow.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Problem {
    /// A message or term reference with no definition (or no such attribute).
    Unresolved { kind: EntryKind, name: String, attribute: Option<String> },
    /// A reference that leads back to itself.
    Cycle { kind: EntryKind, name: String },
    /// References nested deeper than `Limits::reference_depth`.
    TooDeep,
}

/// The limit that stopped an evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// More distinct forms than `Limits::forms`.
    Forms,
    /// A form longer than `Limits::form_bytes`.
    FormBytes,
    /// References nested deeper than `Limits::reference_depth`.
    ReferenceDepth,
}

impl Limit {
    /// The key of the limit in pipeline.yaml's `limits:` section.
    pub fn key(self) -> &'static str {
        match self {
            Limit::Forms => "forms",
            Limit::FormBytes => "form_kib",
            Limit::ReferenceDepth => "reference_depth",
        }
    }
}

/// The forms of one pattern.
#[derive(Clone, Debug, Default)]
pub struct Forms {
    /// Every distinct form, in the order `fluent-bundle`'s choices would produce them (first
    /// variant first); empty when `limit` is set.
    pub forms: Vec<Form>,
    /// The limit that stopped listing: the forms are then not known.
    pub limit: Option<Limit>,
    pub problems: Vec<Problem>,
    /// Units of work listing took (bytes built, elements visited): linear in the input.
    pub work: u64,
}

impl Forms {
    /// Whether `forms` holds every form.
    pub fn complete(&self) -> bool {
        self.limit.is_none()
    }
}

/// Plural category of a number for the locale (`one`, `few`, `other`, ...).
pub type PluralRule<'r> = &'r dyn Fn(f64) -> Option<&'static str>;

/// Formats patterns of one locale's catalog into all their forms.
pub struct Formatter<'c, 'a> {
    pub(crate) catalog: &'c Catalog<'a>,
    pub(crate) variables: &'c HashMap<String, Value>,
    pub(crate) plural: Option<PluralRule<'c>>,
    pub(crate) limits: Limits,
}

impl std::fmt::Debug for Formatter<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Formatter").field("limits", &self.limits).finish_non_exhaustive()
    }
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

    /// Every distinct form of `pattern`, a pattern of this catalog's locale, or the limit that
    /// stopped listing them.
    pub fn forms(&self, pattern: &'a Pattern<&'a str>) -> Forms {
        let mut evaluator = Evaluator::new(self, Lister::new(self.limits));
        let listed = evaluator.root(pattern);
        // A selector whose values could not be listed was cut short without stopping the walk.
        let limit = match &listed {
            Err(limit) => Some(*limit),
            Ok(_) if evaluator.cut => Some(Limit::ReferenceDepth),
            Ok(_) => None,
        };
        let forms = match listed {
            Ok(forms) if limit.is_none() => Rc::unwrap_or_clone(forms),
            _ => Vec::new(),
        };
        Forms { forms, limit, work: evaluator.work(), problems: evaluator.problems }
    }
}

/// Lists forms: the [`Domain`] of sets of distinct forms, within [`Limits`].
pub(crate) struct Lister {
    limits: Limits,
    /// Bytes built so far.
    work: u64,
    /// Bytes listing may build in all: what `forms` forms of `form_bytes` each take, four times
    /// over. Sets of forms that grow by one form per selector (`a` or `aa`, then `aa`, `aaa` or
    /// `aaaa`, ...) stay within `forms` while each step copies them all; this stops them (as
    /// too many forms) before that copying grows with the cube of the input.
    budget: u64,
}

impl Lister {
    pub(crate) fn new(limits: Limits) -> Self {
        let budget = (limits.forms as u64).saturating_mul(limits.form_bytes as u64).saturating_mul(4);
        Lister { limits, work: 0, budget }
    }

    /// Fails before building forms longer than `form_bytes`.
    fn fits(&self, longest: usize) -> Result<(), Limit> {
        if longest > self.limits.form_bytes { Err(Limit::FormBytes) } else { Ok(()) }
    }

    /// Counts `bytes` built; fails past the budget.
    fn spend(&mut self, bytes: u64) -> Result<(), Limit> {
        self.work += bytes;
        if self.work > self.budget { Err(Limit::Forms) } else { Ok(()) }
    }
}

fn longest(forms: &[Form]) -> usize {
    forms.iter().map(|f| f.text.len()).max().unwrap_or(0)
}

fn is_empty_text(forms: &[Form]) -> bool {
    matches!(forms, [only] if only.text.is_empty())
}

/// Keeps the first of forms with the same text.
fn distinct(forms: Vec<Form>) -> Vec<Form> {
    let mut seen = FxHashSet::default();
    let keep: Vec<bool> = forms.iter().map(|f| seen.insert(f.text.as_str())).collect();
    drop(seen);
    forms.into_iter().zip(keep).filter_map(|(f, k)| k.then_some(f)).collect()
}

impl Domain for Lister {
    type Value = Rc<Vec<Form>>;

    fn empty(&mut self) -> Self::Value {
        Rc::new(vec![Form::default()])
    }

    fn text(&mut self, text: &str) -> Result<Self::Value, Limit> {
        self.fits(text.len())?;
        self.spend(text.len() as u64 + 1)?;
        Ok(Rc::new(vec![Form { text: text.to_owned(), inserted: Vec::new() }]))
    }

    fn concat(&mut self, left: Self::Value, right: &Self::Value) -> Result<Self::Value, Limit> {
        if is_empty_text(&left) {
            return Ok(right.clone());
        }
        if is_empty_text(right) {
            return Ok(left);
        }
        if left.len().saturating_mul(right.len()) > self.limits.forms {
            return Err(Limit::Forms);
        }
        self.fits(longest(&left) + longest(right))?;
        let out = if let [suffix] = right.as_slice() {
            // One suffix keeps distinct forms distinct.
            let mut out = Rc::unwrap_or_clone(left);
            out.iter_mut().for_each(|f| f.append(suffix));
            out
        } else {
            let mut out = Vec::with_capacity(left.len() * right.len());
            for l in left.iter() {
                for r in right.iter() {
                    let mut form = l.clone();
                    form.append(r);
                    out.push(form);
                }
            }
            distinct(out)
        };
        self.spend(out.iter().map(|f| f.text.len() as u64 + 1).sum::<u64>())?;
        Ok(Rc::new(out))
    }

    fn union(&mut self, choices: Vec<Self::Value>) -> Result<Self::Value, Limit> {
        if let [only] = choices.as_slice() {
            return Ok(only.clone());
        }
        let all: Vec<Form> = choices.iter().flat_map(|c| c.iter().cloned()).collect();
        self.spend(all.iter().map(|f| f.text.len() as u64 + 1).sum::<u64>())?;
        let out = distinct(all);
        if out.len() > self.limits.forms {
            return Err(Limit::Forms);
        }
        Ok(Rc::new(out))
    }

    fn isolate(&mut self, value: &Self::Value) -> Result<Self::Value, Limit> {
        let marks = FSI.len_utf8() + PDI.len_utf8();
        self.fits(longest(value) + marks)?;
        self.spend(value.iter().map(|f| (f.text.len() + marks) as u64).sum::<u64>())?;
        Ok(Rc::new(value.iter().map(Form::isolated).collect()))
    }

    fn too_deep(&mut self) -> Result<Self::Value, Limit> {
        Err(Limit::ReferenceDepth)
    }

    fn work(&self) -> u64 {
        self.work
    }
}

/// The text of a Fluent string literal with its `\\`, `\"`, `\uXXXX` and `\UXXXXXX` escapes applied.
pub fn unescape(literal: &str) -> String {
    unescape_unicode_to_string(literal).into_owned()
}
