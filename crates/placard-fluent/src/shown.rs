//! The one form a reader is shown: what an application formats with the campaign's variables.
//!
//! The build draws this text, and the checks judge every form a pattern can take. Both come from
//! the same [`Evaluator`]: here a selector whose value is not known shows its default variant (as
//! `fluent-bundle` does), where [`crate::forms`] and [`crate::contains`] take every variant. So the
//! drawn text is always one of the forms the checks proved things of; a second formatter (and a
//! second parse of every file for it) could disagree with them.
//!
//! The text is capped at `limits.form_bytes`: a pattern that doubles itself through references
//! costs one evaluation per reference, never the length of what it would spell out.

use fluent_syntax::ast::Pattern;

use crate::eval::{Domain, Evaluator};
use crate::forms::{Form, Formatter, Limit, Problem};

/// The shown form of one pattern.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    /// The text, with the isolation marks formatting inserted (see [`Form::inserted`]).
    pub form: Form,
    /// The text was longer than `limits.form_bytes` and was cut there (on a character boundary).
    pub clipped: bool,
    /// References that did not resolve or led back to themselves; shown as `{name}`.
    pub problems: Vec<Problem>,
}

impl<'a> Formatter<'_, 'a> {
    /// The form of `pattern` a reader sees: each selector picks the variant its known value
    /// selects, or the default variant when its value is not known; a variable with no value is
    /// shown as `{$name}`, an unresolved reference as `{name}`.
    pub fn shown(&self, pattern: &'a Pattern<&'a str>) -> Shown {
        let mut evaluator = Evaluator::new(self, Reader::new(self.limits.form_bytes));
        let form = evaluator.root(pattern).unwrap_or_default();
        Shown { form, clipped: evaluator.domain.clipped, problems: evaluator.problems }
    }
}

/// The [`Domain`] of single forms, each at most `cap` bytes.
pub(crate) struct Reader {
    cap: usize,
    clipped: bool,
    work: u64,
}

impl Reader {
    pub(crate) fn new(cap: usize) -> Self {
        Reader { cap, clipped: false, work: 0 }
    }

    /// Cuts `form` back to the cap, at a character boundary and outside any inserted mark.
    fn capped(&mut self, mut form: Form) -> Form {
        if form.text.len() > self.cap {
            let mut end = self.cap;
            while !form.text.is_char_boundary(end) {
                end -= 1;
            }
            form.text.truncate(end);
            form.inserted.retain(|r| r.end <= end);
            self.clipped = true;
        }
        form
    }
}

impl Domain for Reader {
    type Value = Form;
    const SHOWN: bool = true;

    fn empty(&mut self) -> Form {
        Form::default()
    }

    fn text(&mut self, text: &str) -> Result<Form, Limit> {
        self.work += text.len() as u64 + 1;
        Ok(self.capped(Form { text: text.to_owned(), inserted: Vec::new() }))
    }

    fn concat(&mut self, mut left: Form, right: &Form) -> Result<Form, Limit> {
        if left.text.len() >= self.cap && !right.text.is_empty() {
            self.clipped = true;
            return Ok(left);
        }
        self.work += right.text.len() as u64 + 1;
        left.append(right);
        Ok(self.capped(left))
    }

    fn union(&mut self, choices: Vec<Form>) -> Result<Form, Limit> {
        // The evaluator picks one variant per selector in this domain; the first stands for all.
        Ok(choices.into_iter().next().unwrap_or_default())
    }

    fn isolate(&mut self, value: &Form) -> Result<Form, Limit> {
        let out = value.isolated();
        self.work += out.text.len() as u64;
        Ok(self.capped(out))
    }

    fn too_deep(&mut self) -> Result<Form, Limit> {
        // Shown as fluent-bundle shows a reference it gave up on.
        self.text("{???}")
    }

    fn work(&self) -> u64 {
        self.work
    }
}
