//! `.ftl` loading and every lint check.

use std::collections::HashMap;

use placard_core::{Limits, Locale};
use placard_fluent::{ParsedFile, decode, forms::Value};
use placard_lint::{FileInput, LocaleInput, Report, Required, Rules, lint};

/// Separates the reference file from the translation in one input; without it, the input is
/// both (every check still runs: a locale is compared with itself).
const SEPARATOR: &[u8] = b"\n%%%%\n";

/// Proving required text is linear in the input: per byte, at most a few grammar elements, each
/// composing relations over the needle's states (14 for the helpline number, so up to 196
/// entries), for each of the three required strings, in each of the two locales. Generous: an
/// enumeration of selector combinations or of doubled text passes it within a few dozen levels.
const PROOF_WORK_PER_BYTE: u64 = 4096;
/// Work a tiny input may take regardless of its size.
const PROOF_WORK_FLOOR: u64 = 1 << 16;

/// Decodes and parses `data` as a reference and a translation file, and lints the translation
/// against the reference with a required message, campaign variables and the default limits.
pub fn ftl(data: &[u8]) {
    let (reference, translation) = match find(data, SEPARATOR) {
        Some(at) => (&data[..at], &data[at + SEPARATOR.len()..]),
        None => (data, data),
    };
    let parse = |bytes: &[u8]| {
        let decoded = decode(bytes.to_vec());
        (ParsedFile::parse(decoded.text), decoded.problems)
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
    let files =
        |parsed, encoding| vec![FileInput { path: "main.ftl", display: "locales/x/main.ftl", parsed, encoding }];
    let (en_locale, ar_locale) = (Locale::parse("en-GB").expect("tag"), Locale::parse("ar").expect("tag"));
    let reference =
        LocaleInput { code: "en-GB", locale: &en_locale, display_dir: "locales/en-GB", files: files(&en, &en_invalid) };
    let arabic =
        LocaleInput { code: "ar", locale: &ar_locale, display_dir: "locales/ar", files: files(&ar, &ar_invalid) };
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
    linear_work(&report, data.len(), &rules);
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

/// `required-text` fails closed in bounded time: the proof's work is linear in the input (a
/// deterministic counter, not the clock, so a finding replays), and listing forms stops at the
/// limits whatever the input.
fn linear_work(report: &Report, bytes: usize, rules: &Rules) {
    let work = report.required_work;
    let bound = PROOF_WORK_PER_BYTE * bytes as u64 + PROOF_WORK_FLOOR;
    assert!(work.proof <= bound, "proving took {} units for {bytes} bytes (bound {bound})", work.proof);
    let Limits { forms, form_bytes, .. } = rules.limits;
    // Per rule and locale: the listing budget (four times `forms` forms of `form_bytes`), plus
    // the one step that passes it.
    let listings = 2 * rules.required.len() as u64;
    let listing_bound = listings * 8 * forms as u64 * form_bytes as u64;
    assert!(work.listing <= listing_bound, "listing built {} bytes (bound {listing_bound})", work.listing);
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
