//! One locale's messages and terms: listed per file (compare-locales compares file by file) and
//! indexed by id across the locale (references resolve locale-wide, as a bundle built from all of
//! the locale's files resolves them).
//!
//! An id may be defined in several files that are alternatives, of which an application loads
//! one: Thunderbird's `mail/branding/{nightly,tb_beta,thunderbird}/brand.ftl` all define
//! `-brand-short-name`, and in cs only the release branding gives it `.gender` and
//! `.case-status`. One rule, [`Catalog::resolve`], says what a reference resolves to, for the
//! evaluator (every form, the shown form) and for the `unresolved-reference` check alike: the
//! definition with the most attributes (the first of those in file order), for every reference to
//! the id, so that the forms of a message are those of one branding, the one that gives the
//! terms their grammar; and for an attribute that definition lacks, the first definition that has
//! it, so that no reference some branding answers is called unresolved.

use std::collections::hash_map;

use rustc_hash::FxHashMap;

use fluent_syntax::ast::{Attribute, Comment, Entry, Identifier, Pattern};

use crate::ParsedFile;

/// Messages and terms live in separate namespaces: `foo` and `-foo` are different entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryKind {
    Message,
    Term,
}

/// A message or term, borrowed from its parsed file.
#[derive(Clone, Copy, Debug)]
pub struct EntryRef<'a> {
    pub kind: EntryKind,
    pub id: &'a Identifier<&'a str>,
    pub value: Option<&'a Pattern<&'a str>>,
    pub attributes: &'a [Attribute<&'a str>],
    pub comment: Option<&'a Comment<&'a str>>,
    /// Index of the file in the catalog.
    pub file: usize,
    /// The attributes' positions sorted by name, when there are many (see `ParsedFile`).
    attribute_order: &'a [u32],
}

impl<'a> EntryRef<'a> {
    /// The id as a translator writes it: `-name` for terms.
    pub fn key(&self) -> String {
        match self.kind {
            EntryKind::Message => self.id.name.to_owned(),
            EntryKind::Term => format!("-{}", self.id.name),
        }
    }

    /// The attribute called `name`.
    pub fn attribute(&self, name: &str) -> Option<&'a Attribute<&'a str>> {
        if self.attribute_order.is_empty() {
            return self.attributes.iter().find(|a| a.id.name == name);
        }
        let name_at = |i: u32| self.attributes[i as usize].id.name;
        let first = self.attribute_order.partition_point(|&i| name_at(i) < name);
        let &i = self.attribute_order.get(first)?;
        (name_at(i) == name).then(|| &self.attributes[i as usize])
    }

    /// The value, or the attribute `name` when one is given.
    pub fn pattern(&self, attribute: Option<&str>) -> Option<&'a Pattern<&'a str>> {
        match attribute {
            None => self.value,
            Some(name) => self.attribute(name).map(|a| &a.value),
        }
    }
}

/// The entries of one file, in file order (duplicates included).
#[derive(Debug)]
pub struct FileEntries<'a> {
    /// Path relative to the locale folder, with `/` separators.
    pub path: &'a str,
    pub parsed: &'a ParsedFile,
    pub entries: Vec<EntryRef<'a>>,
    /// The first entry of each id in this file.
    first: FxHashMap<(EntryKind, &'a str), usize>,
}

impl<'a> FileEntries<'a> {
    /// The first entry of this file with this kind and name.
    pub fn get(&self, kind: EntryKind, name: &str) -> Option<&EntryRef<'a>> {
        self.first.get(&(kind, name)).map(|&i| &self.entries[i])
    }

    /// Whether this file defines the id.
    pub fn contains(&self, kind: EntryKind, name: &str) -> bool {
        self.first.contains_key(&(kind, name))
    }

    /// The distinct ids of the file, each with its first entry, in file order.
    pub fn unique(&self) -> impl Iterator<Item = &EntryRef<'a>> {
        // Most files define each id once: then every entry is its id's first, without a lookup.
        let all = self.first.len() == self.entries.len();
        self.entries
            .iter()
            .enumerate()
            .filter(move |(i, e)| all || self.first.get(&(e.kind, e.id.name)) == Some(i))
            .map(|(_, e)| e)
    }

    /// How many distinct ids the file defines.
    pub fn unique_len(&self) -> usize {
        self.first.len()
    }
}

/// All of one locale's files.
#[derive(Debug)]
pub struct Catalog<'a> {
    files: Vec<FileEntries<'a>>,
    by_path: FxHashMap<&'a str, usize>,
    by_id: FxHashMap<(EntryKind, &'a str), EntryRef<'a>>,
    /// The ids more than one file defines, each with its index in `definitions`.
    alternatives: FxHashMap<(EntryKind, &'a str), usize>,
    /// Every definition of each of `alternatives` (each file's first), in file order: a
    /// reference to one of them is resolved without a lookup in every file.
    definitions: Vec<Vec<EntryRef<'a>>>,
}

impl<'a> Catalog<'a> {
    /// Builds the catalog of `files` (relative path and parsed file). Files are taken in the
    /// order given; when an id is defined in more than one file, the first definition resolves.
    pub fn new(files: impl IntoIterator<Item = (&'a str, &'a ParsedFile)>) -> Self {
        let files: Vec<FileEntries<'a>> = files
            .into_iter()
            .enumerate()
            .map(|(index, (path, parsed))| {
                let entries = entries_of(parsed, index);
                let mut first = FxHashMap::with_capacity_and_hasher(entries.len(), Default::default());
                for (i, e) in entries.iter().enumerate() {
                    first.entry((e.kind, e.id.name)).or_insert(i);
                }
                FileEntries { path, parsed, entries, first }
            })
            .collect();
        let by_path = files.iter().enumerate().map(|(i, f)| (f.path, i)).collect();
        let mut by_id =
            FxHashMap::with_capacity_and_hasher(files.iter().map(|f| f.entries.len()).sum(), Default::default());
        let mut alternatives: FxHashMap<(EntryKind, &'a str), usize> = FxHashMap::default();
        let mut definitions: Vec<Vec<EntryRef<'a>>> = Vec::new();
        for file in &files {
            for entry in file.unique() {
                match by_id.entry((entry.kind, entry.id.name)) {
                    hash_map::Entry::Vacant(first) => {
                        first.insert(*entry);
                    }
                    hash_map::Entry::Occupied(first) => {
                        let i = *alternatives.entry((entry.kind, entry.id.name)).or_insert_with(|| {
                            definitions.push(vec![*first.get()]);
                            definitions.len() - 1
                        });
                        definitions[i].push(*entry);
                    }
                }
            }
        }
        Catalog { files, by_path, by_id, alternatives, definitions }
    }

    pub fn files(&self) -> &[FileEntries<'a>] {
        &self.files
    }

    pub fn file(&self, path: &str) -> Option<&FileEntries<'a>> {
        self.by_path.get(path).map(|&i| &self.files[i])
    }

    /// The position of the file at `path` in [`Catalog::files`].
    pub fn index_of(&self, path: &str) -> Option<usize> {
        self.by_path.get(path).copied()
    }

    /// The first definition of the id, in file order (what a reference to it resolves to, unless
    /// an alternative definition has what the first lacks: see [`Catalog::resolve`]).
    pub fn get(&self, kind: EntryKind, name: &str) -> Option<EntryRef<'a>> {
        self.by_id.get(&(kind, name)).copied()
    }

    /// The definition a reference to the id's value (`attribute` `None`) or to one of its
    /// attributes resolves to, `None` when no definition has it. An id one file defines resolves
    /// to that definition. An id several files define resolves to the definition with the most
    /// attributes, the first of those in file order, or, for an attribute that one lacks, to the
    /// first definition that has it. In Thunderbird's cs, `{ -brand-short-name(case: "dat") }`
    /// and `{ -brand-short-name.case-status -> ... }` both resolve to the release branding's
    /// term, which declines the name and has `.case-status`, though the beta branding, which
    /// has neither, comes first.
    pub fn resolve(&self, kind: EntryKind, name: &str, attribute: Option<&str>) -> Option<EntryRef<'a>> {
        let first = self.get(kind, name)?;
        if !self.alternatives.contains_key(&(kind, name)) {
            return first.pattern(attribute).is_some().then_some(first);
        }
        let richest = self
            .definitions(kind, name)
            .reduce(|best, d| if d.attributes.len() > best.attributes.len() { d } else { best })
            .unwrap_or(first);
        if richest.pattern(attribute).is_some() {
            return Some(richest);
        }
        self.definitions(kind, name).find(|d| d.pattern(attribute).is_some())
    }

    /// Every definition of the id, one per file that defines it (the file's first), in file order.
    pub fn definitions(&self, kind: EntryKind, name: &str) -> impl Iterator<Item = EntryRef<'a>> + '_ {
        let (one, all): (Option<EntryRef<'a>>, &[EntryRef<'a>]) = match self.alternatives.get(&(kind, name)) {
            Some(&i) => (None, &self.definitions[i]),
            None => (self.get(kind, name), &[]),
        };
        one.into_iter().chain(all.iter().copied())
    }

    /// Resolves a user-facing id: `name`, `-name`, optionally followed by `.attribute`.
    pub fn lookup(&self, id: &str) -> Option<EntryRef<'a>> {
        let (name, _) = split_attribute(id);
        match name.strip_prefix('-') {
            Some(term) => self.get(EntryKind::Term, term),
            None => self.get(EntryKind::Message, name),
        }
    }

    /// How many distinct messages and terms the locale defines.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

/// Splits `id.attribute` into `("id", Some("attribute"))`.
pub fn split_attribute(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((name, attribute)) => (name, Some(attribute)),
        None => (id, None),
    }
}

fn entries_of(parsed: &ParsedFile, file: usize) -> Vec<EntryRef<'_>> {
    parsed
        .ast()
        .body
        .iter()
        .enumerate()
        .filter_map(|(index, entry)| match entry {
            Entry::Message(m) => Some(EntryRef {
                kind: EntryKind::Message,
                id: &m.id,
                value: m.value.as_ref(),
                attributes: &m.attributes,
                comment: m.comment.as_ref(),
                file,
                attribute_order: parsed.attribute_order(index),
            }),
            Entry::Term(t) => Some(EntryRef {
                kind: EntryKind::Term,
                id: &t.id,
                value: Some(&t.value),
                attributes: &t.attributes,
                comment: t.comment.as_ref(),
                file,
                attribute_order: parsed.attribute_order(index),
            }),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_terms_are_separate_and_first_definition_wins() {
        let a = ParsedFile::parse("brand = message\n-brand = Term A\n".to_owned());
        let b = ParsedFile::parse("-brand = Term B\nother = x\n    .alt = y\n".to_owned());
        let catalog = Catalog::new([("a.ftl", &a), ("b.ftl", &b)]);
        assert_eq!(catalog.len(), 3);
        assert_eq!(catalog.lookup("brand").map(|e| e.kind), Some(EntryKind::Message));
        let term = catalog.lookup("-brand").expect("term");
        assert_eq!((term.file, term.key()), (0, "-brand".to_owned()));
        assert!(catalog.lookup("other.alt").and_then(|e| e.pattern(Some("alt"))).is_some());
        assert!(catalog.lookup("missing").is_none());
        assert_eq!(catalog.file("b.ftl").map(|f| f.entries.len()), Some(2));
    }

    #[test]
    fn an_id_several_files_define_resolves_to_the_definition_with_the_most_attributes() {
        // As Thunderbird's cs brandings, in path order: the beta branding gives `-brand` no grammar.
        let beta = ParsedFile::parse(
            "-brand = Thunderbird Beta\n-vendor = Mozilla\n    .beta-only = x\n-product = Thunderbird\n".to_owned(),
        );
        let release = ParsedFile::parse(
            "-brand = { $case ->\n   *[nom] Thunderbird\n    [dat] Thunderbirdu\n}\n    .gender = masculine\n    .case-status = with-cases\n-vendor = Mozilla\n    .gender = feminine\n    .case-status = with-cases\n-product = Thunderbird\n"
                .to_owned(),
        );
        let other = ParsedFile::parse("-single = One\n".to_owned());
        let catalog = Catalog::new([("beta.ftl", &beta), ("release.ftl", &release), ("other.ftl", &other)]);
        let file = |attribute| catalog.resolve(EntryKind::Term, "brand", attribute).map(|e| e.file);
        assert_eq!(catalog.get(EntryKind::Term, "brand").map(|e| e.file), Some(0), "the first definition");
        // The value and the attributes: all the release branding's.
        assert_eq!([file(None), file(Some("case-status")), file(Some("gender"))], [Some(1); 3]);
        assert_eq!(file(Some("case_status")), None);
        // An attribute only the poorer definition has is that one's; equals resolve to the first.
        let vendor = |attribute| catalog.resolve(EntryKind::Term, "vendor", attribute).map(|e| e.file);
        assert_eq!([vendor(None), vendor(Some("gender")), vendor(Some("beta-only"))], [Some(1), Some(1), Some(0)]);
        assert_eq!(catalog.resolve(EntryKind::Term, "product", None).map(|e| e.file), Some(0));
        assert_eq!(catalog.resolve(EntryKind::Term, "single", None).map(|e| e.file), Some(2));
        assert!(catalog.resolve(EntryKind::Term, "single", Some("gender")).is_none());
        assert_eq!(catalog.definitions(EntryKind::Term, "brand").count(), 2);
    }

    #[test]
    fn attribute_lookup_by_index_finds_what_a_scan_finds() {
        // Enough attributes to be indexed, out of order, one name twice: the first one wins.
        let mut text = String::from("many = value\n");
        for i in (0..40).rev() {
            text.push_str(&format!("    .a{i} = {i}\n"));
        }
        text.push_str("    .a7 = second\n");
        let parsed = ParsedFile::parse(text);
        let catalog = Catalog::new([("a.ftl", &parsed)]);
        let entry = catalog.lookup("many").expect("message");
        assert!(!entry.attribute_order.is_empty(), "indexed");
        for attribute in entry.attributes {
            let scanned = entry.attributes.iter().find(|a| a.id.name == attribute.id.name);
            assert!(std::ptr::eq(entry.attribute(attribute.id.name).expect("found"), scanned.expect("found")));
        }
        assert!(entry.attribute("a40").is_none() && entry.attribute("").is_none() && entry.attribute("zz").is_none());
    }
}
