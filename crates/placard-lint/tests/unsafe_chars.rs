//! `unsafe-char` outside required text: a whole file is passed over when it cannot hold such a
//! character, so these cases hold that filter to what the per-text scan finds.

use placard_core::{Code, Locale};
use placard_fluent::ParsedFile;
use placard_lint::{FileInput, LocaleInput, Rules, lint};

/// The `unsafe-char` findings of an en-GB file `source`, as (message id, line).
fn findings(source: &str) -> Vec<(String, u32)> {
    let parsed = ParsedFile::parse(source.to_owned());
    let files = vec![FileInput { path: "main.ftl", display: "locales/en-GB/main.ftl", parsed: &parsed, encoding: &[] }];
    let en_gb = Locale::parse("en-GB").expect("tag");
    let locale = LocaleInput { code: "en-GB", locale: &en_gb, display_dir: "locales/en-GB", files };
    let report = lint(Some(&locale), &[&locale], &Rules::default());
    report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UnsafeChar)
        .map(|d| (d.message_id.clone().unwrap_or_default(), d.line.unwrap_or(0)))
        .collect()
}

#[test]
fn typographic_quotes_and_ellipses_are_ordinary_text() {
    // U+2019 and U+2026 share their first two UTF-8 bytes with the zero-width characters.
    let source = "quote = Don\u{2019}t wait\u{2026}\ndash = 0131 556 3535 \u{2013} any time\n";
    assert_eq!(findings(source), Vec::<(String, u32)>::new());
}

#[test]
fn a_zero_width_space_in_latin_text_is_found_in_a_file_of_ordinary_text() {
    let source = "quote = Don\u{2019}t wait\u{2026}\nhidden = Stop\u{200B}It Now!\n";
    assert_eq!(findings(source), vec![("hidden".to_owned(), 2)]);
}

#[test]
fn an_override_written_as_an_escape_is_found_though_the_file_holds_none() {
    // The file's bytes are ASCII: only the string literal's escape makes the character.
    let source = "plain = Call us\nescaped = Call { \"\\u202E\" }us\n";
    assert_eq!(findings(source), vec![("escaped".to_owned(), 2)]);
}
