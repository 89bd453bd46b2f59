//! Everything a check needs about one locale, built once: its catalog, its script direction, its
//! plural rules, and (for a translation) the reference locale's context to compare with.

use std::ops::Range;
use std::str::FromStr;

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::forms::Formatter;
use placard_fluent::plural::Plurals;
use placard_fluent::{Catalog, EntryKind, EntryRef};
use unic_langid::LanguageIdentifier;

use crate::{LocaleInput, Rules};

/// One locale, ready to be checked.
pub struct LocaleContext<'a, 'r> {
    pub input: &'a LocaleInput<'a>,
    pub catalog: Catalog<'a>,
    pub rules: &'r Rules,
    /// The reference locale, when this one is a translation.
    pub reference: Option<&'r LocaleContext<'r, 'r>>,
    /// The locale's language identifier, for its plural rules.
    pub language: Option<LanguageIdentifier>,
    /// From [`placard_core::Locale::is_rtl`].
    pub rtl: bool,
    plurals: Plurals,
}

impl std::fmt::Debug for LocaleContext<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocaleContext")
            .field("locale", &self.input.code)
            .field("rtl", &self.rtl)
            .finish_non_exhaustive()
    }
}

impl<'a, 'r> LocaleContext<'a, 'r> {
    pub fn new(input: &'a LocaleInput<'a>, rules: &'r Rules, reference: Option<&'r LocaleContext<'r, 'r>>) -> Self {
        let catalog = Catalog::new(input.files.iter().map(|f| (f.path, f.parsed)));
        // Plural rules take the language identifier alone (`ja-JP` for `ja-JP-mac`, `en-US` for
        // `en-US-u-ca-gregory`).
        let tag = input.locale.language_tag();
        let language = LanguageIdentifier::from_str(&tag).ok();
        let rtl = input.locale.is_rtl();
        let plurals = Plurals::for_locale(&tag);
        LocaleContext { input, catalog, rules, reference, language, rtl, plurals }
    }

    pub fn is_reference(&self) -> bool {
        self.reference.is_none()
    }

    /// A diagnostic for this locale pointing into file `file` (an index into the input's files).
    pub fn at(
        &self,
        severity: Severity,
        code: Code,
        file: usize,
        span: Option<Range<usize>>,
        message: String,
    ) -> Diagnostic {
        let mut d =
            Diagnostic::new(severity, code, message).locale(self.input.code).file(self.input.files[file].display);
        d.span = span;
        d
    }

    /// A diagnostic for this locale about a path that may not exist (a missing file).
    pub fn at_path(&self, severity: Severity, code: Code, path: &str, message: String) -> Diagnostic {
        Diagnostic::new(severity, code, message).locale(self.input.code).file(self.input.display_path(path))
    }

    /// The byte range of an AST slice in file `file`.
    pub fn span(&self, file: usize, slice: &str) -> Range<usize> {
        self.input.files[file].parsed.span_of(slice)
    }

    /// The span of an entry's identifier as written: a term's includes its leading `-`.
    pub fn entry_span(&self, entry: &EntryRef<'_>) -> Range<usize> {
        let span = self.span(entry.file, entry.id.name);
        match entry.kind {
            EntryKind::Term => span.start.saturating_sub(1)..span.end,
            EntryKind::Message => span,
        }
    }

    /// How many CLDR cardinal plural categories this locale's numbers fall into: 1 for Japanese
    /// or Korean, 2 for English, 6 for Arabic; `None` when CLDR has no rules for the language
    /// (see [`Plurals::categories`]).
    pub fn plural_categories(&self) -> Option<usize> {
        self.plurals.categories()
    }

    /// Each message of this translation (the first definition in each file) with the reference's
    /// message of the same id in the same file, and the file's index; nothing for the reference.
    pub fn translated_messages(&self) -> impl Iterator<Item = (usize, EntryRef<'a>, EntryRef<'r>)> + '_ {
        self.translated_messages_where(|_| true)
    }

    /// [`LocaleContext::translated_messages`], of the messages `wanted` keeps; it is asked before
    /// the reference is looked up (a check that needs a `.style` skips the lookup for the rest).
    pub fn translated_messages_where(
        &self,
        wanted: impl Fn(&EntryRef<'a>) -> bool + Copy,
    ) -> impl Iterator<Item = (usize, EntryRef<'a>, EntryRef<'r>)> {
        let reference = self.reference;
        self.catalog.files().iter().enumerate().flat_map(move |(i, file)| {
            let ref_file = reference.and_then(|r| r.catalog.file(file.path));
            file.unique().filter(move |e| e.kind == EntryKind::Message && wanted(e)).filter_map(move |entry| {
                let ref_entry = ref_file?.get(EntryKind::Message, entry.id.name)?;
                Some((i, *entry, *ref_entry))
            })
        })
    }

    /// This locale's CLDR cardinal plural rules.
    pub fn plurals(&self) -> &Plurals {
        &self.plurals
    }

    /// A formatter over this locale's catalog with the campaign's variables and plural rules.
    pub fn with_formatter<T>(&self, f: impl FnOnce(&Formatter<'_, 'a>) -> T) -> T {
        let rule = |n: f64| self.plurals.category(n);
        let formatter =
            Formatter::new(&self.catalog, &self.rules.variables).with_plural_rule(&rule).with_limits(self.rules.limits);
        f(&formatter)
    }
}
