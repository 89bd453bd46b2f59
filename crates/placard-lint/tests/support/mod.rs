//! Linting texts held in memory, or a fixture's locale folders, as `placard lint` lints a tree.

#![allow(dead_code, reason = "each test binary uses its part")]

use std::path::Path;

use placard_core::Locale;
use placard_fluent::ParsedFile;
use placard_lint::{FileInput, LocaleInput, Report, Rules, lint};

/// Locales and their parsed files, for the inputs that borrow them.
pub struct Tree {
    locales: Vec<TreeLocale>,
}

struct TreeLocale {
    code: String,
    locale: Locale,
    dir: String,
    /// In path order.
    files: Vec<TreeFile>,
}

struct TreeFile {
    /// Relative to the locale folder.
    path: String,
    display: String,
    parsed: ParsedFile,
}

impl Tree {
    /// `locales`: each code with its files (path and text); the first locale is the reference.
    pub fn new<T: AsRef<str>>(locales: &[(&str, Vec<(&str, T)>)]) -> Tree {
        let locales = locales
            .iter()
            .map(|(code, files)| {
                let mut files: Vec<TreeFile> = files
                    .iter()
                    .map(|(path, text)| TreeFile {
                        path: (*path).to_owned(),
                        display: format!("locales/{code}/{path}"),
                        parsed: ParsedFile::parse(text.as_ref().to_owned()),
                    })
                    .collect();
                files.sort_by(|a, b| a.path.cmp(&b.path));
                TreeLocale {
                    code: (*code).to_owned(),
                    locale: Locale::parse(code).expect("tag"),
                    dir: format!("locales/{code}"),
                    files,
                }
            })
            .collect();
        Tree { locales }
    }

    /// The `.ftl` files of the locale folders `codes` under `dir` (the first is the reference).
    pub fn read(dir: &Path, codes: &[&str]) -> Tree {
        let locales: Vec<(&str, Vec<(String, String)>)> = codes
            .iter()
            .map(|code| {
                let root = dir.join(code);
                let mut files = Vec::new();
                let mut folders = vec![root.clone()];
                while let Some(folder) = folders.pop() {
                    for item in std::fs::read_dir(&folder).expect("locale folder").flatten() {
                        let path = item.path();
                        if path.is_dir() {
                            folders.push(path);
                        } else if path.extension().is_some_and(|e| e == "ftl") {
                            let relative =
                                path.strip_prefix(&root).expect("inside").to_string_lossy().replace('\\', "/");
                            files.push((relative, std::fs::read_to_string(&path).expect("readable")));
                        }
                    }
                }
                (*code, files)
            })
            .collect();
        let borrowed: Vec<(&str, Vec<(&str, &str)>)> = locales
            .iter()
            .map(|(code, files)| (*code, files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect()))
            .collect();
        Tree::new(&borrowed)
    }

    /// What the linter takes: one input per locale.
    pub fn inputs(&self) -> Vec<LocaleInput<'_>> {
        self.locales
            .iter()
            .map(|l| LocaleInput {
                code: &l.code,
                locale: &l.locale,
                display_dir: &l.dir,
                files: l
                    .files
                    .iter()
                    .map(|f| FileInput { path: &f.path, display: &f.display, parsed: &f.parsed, encoding: &[] })
                    .collect(),
            })
            .collect()
    }

    /// Lints every locale against the first.
    pub fn lint(&self, rules: &Rules) -> Report {
        let inputs = self.inputs();
        let all: Vec<&LocaleInput<'_>> = inputs.iter().collect();
        lint(Some(&inputs[0]), &all, rules)
    }
}

/// Lints one file at `path` per locale (code and text; the first locale is the reference), each
/// shown as `locales/<code>/<path>`.
pub fn lint_texts<T: AsRef<str>>(path: &str, locales: &[(&str, T)], rules: &Rules) -> Report {
    let locales: Vec<(&str, Vec<(&str, &str)>)> =
        locales.iter().map(|(code, text)| (*code, vec![(path, text.as_ref())])).collect();
    Tree::new(&locales).lint(rules)
}
