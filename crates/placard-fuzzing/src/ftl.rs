//! `.ftl` loading and every lint check.

use std::collections::HashMap;

use placard_fluent::{ParsedFile, decode, forms::Value};
use placard_lint::{FileInput, LocaleInput, Required, Rules, lint};

/// Separates the reference file from the translation in one input; without it, the input is
/// both (every check still runs: a locale is compared with itself).
const SEPARATOR: &[u8] = b"\n%%%%\n";

/// Decodes and parses `data` as a reference and a translation file, and lints the translation
/// against the reference with a required message, campaign variables and the default limits.
pub fn ftl(data: &[u8]) {
    let (reference, translation) = match find(data, SEPARATOR) {
        Some(at) => (&data[..at], &data[at + SEPARATOR.len()..]),
        None => (data, data),
    };
    let parse = |bytes: &[u8]| {
        let decoded = decode(bytes.to_vec());
        let invalid = decoded.invalid_utf8_at;
        (ParsedFile::parse(decoded.text), invalid)
    };
    let (en, en_invalid) = parse(reference);
    let (ar, ar_invalid) = parse(translation);
    // What the parser keeps must be the text it was given, so offsets point at the right place.
    for file in [&en, &ar] {
        for problem in file.problems() {
            assert!(problem.span.start <= problem.span.end && problem.span.end <= file.text().len());
        }
        assert_eq!(file.text().len(), file.source_text().len());
    }
    let files = |parsed, invalid_utf8_at| {
        vec![FileInput { path: "main.ftl", display: "locales/x/main.ftl", parsed, invalid_utf8_at }]
    };
    let reference = LocaleInput { code: "en-GB", display_dir: "locales/en-GB", files: files(&en, en_invalid) };
    let arabic = LocaleInput { code: "ar", display_dir: "locales/ar", files: files(&ar, ar_invalid) };
    let rules = Rules {
        strict: true,
        required: vec![
            Required { message: "helpline".into(), contains: vec!["0131 556 3535".into(), "Stop It Now!".into()] },
            Required { message: "card.alt".into(), contains: vec!["0131 556 3535".into()] },
        ],
        variables: HashMap::from([
            ("name".to_owned(), Value::String("Ana".into())),
            ("count".to_owned(), Value::Number(3.0)),
        ]),
        ..Rules::default()
    };
    let report = lint(Some(&reference), &[&reference, &arabic], &rules);
    for d in &report.diagnostics {
        // Every finding is located inside the file it names.
        if let (Some(line), Some(column)) = (d.line, d.column) {
            assert!(line >= 1 && column >= 1, "{d:?}");
        }
        if let Some(span) = &d.span {
            let text = if d.locale.as_deref() == Some("ar") { ar.text() } else { en.text() };
            assert!(span.end <= text.len() && text.is_char_boundary(span.start), "{d:?}");
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
