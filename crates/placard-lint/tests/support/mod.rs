//! Linting texts held in memory, one `.ftl` file per locale, as `placard lint` lints a tree.

use placard_core::Locale;
use placard_fluent::ParsedFile;
use placard_lint::{FileInput, LocaleInput, Report, Rules, lint};

/// Lints one file at `path` per locale (code and text; the first locale is the reference), each
/// shown as `locales/<code>/<path>`.
pub fn lint_texts<T: AsRef<str>>(path: &str, locales: &[(&str, T)], rules: &Rules) -> Report {
    let parsed: Vec<ParsedFile> = locales.iter().map(|(_, text)| ParsedFile::parse(text.as_ref().to_owned())).collect();
    let displays: Vec<String> = locales.iter().map(|(code, _)| format!("locales/{code}/{path}")).collect();
    let dirs: Vec<String> = locales.iter().map(|(code, _)| format!("locales/{code}")).collect();
    let tags: Vec<Locale> = locales.iter().map(|(code, _)| Locale::parse(code).expect("tag")).collect();
    let inputs: Vec<LocaleInput<'_>> = locales
        .iter()
        .enumerate()
        .map(|(i, (code, _))| LocaleInput {
            code,
            locale: &tags[i],
            display_dir: &dirs[i],
            files: vec![FileInput { path, display: &displays[i], parsed: &parsed[i], encoding: &[] }],
        })
        .collect();
    let all: Vec<&LocaleInput<'_>> = inputs.iter().collect();
    lint(Some(&inputs[0]), &all, rules)
}
