//! `LocaleContext::plural_categories`: how many CLDR cardinal forms a locale's numbers take. The
//! `variable-mismatch` check lets a language with one form drop a variable the reference uses
//! only to choose a plural form (issue 12), so the count must be right for every tag a product
//! tree uses, region tags included. And `missing-plural`, which asks for the forms current CLDR
//! gives a language's whole numbers.

mod support;

use placard_core::Code;
use placard_lint::{LocaleContext, LocaleInput, Rules};

fn categories(code: &str) -> Option<usize> {
    let locale = placard_core::Locale::parse(code).expect("a valid tag");
    let input = LocaleInput { code, locale: &locale, display_dir: "", files: Vec::new() };
    let rules = Rules::default();
    LocaleContext::new(&input, &rules, None).plural_categories()
}

#[test]
fn one_form_languages_have_one_category() {
    for code in ["ja", "ko", "zh-CN", "zh-TW", "th", "id", "ms", "km"] {
        assert_eq!(categories(code), Some(1), "{code}");
    }
}

#[test]
fn other_languages_have_their_cldr_count() {
    // Current CLDR (49): Vietnamese has `one` (0 and 1), French and Portuguese a `many` for
    // millions; CLDR 37 had neither.
    for (code, count) in [
        ("en-US", 2),
        ("de", 2),
        ("vi", 2),
        ("fr", 3),
        ("pt-BR", 3),
        ("he", 3),
        ("cs", 4),
        ("pl", 4),
        ("ru", 4),
        ("ar", 6),
        ("cy", 6),
    ] {
        assert_eq!(categories(code), Some(count), "{code}");
    }
}

#[test]
fn a_language_cldr_does_not_know_has_no_count() {
    // Western Armenian (Thunderbird's `hye`) has no CLDR plural rules: nothing is assumed.
    assert_eq!(categories("hye"), None);
}

/// The `missing-plural` findings (locale and message) when `locales` (code and the text of
/// recurrence.ftl; the first is the reference) are linted.
fn missing_plural(locales: &[(&str, &str)]) -> Vec<(String, String)> {
    let report = support::lint_texts("recurrence.ftl", locales, &Rules::default());
    report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::MissingPlural)
        .map(|d| (d.locale.clone().unwrap_or_default(), d.message.clone()))
        .collect()
}

#[test]
fn hebrew_with_one_two_and_other_has_every_form_russian_without_few_does_not() {
    // Thunderbird's he/calendar/calendar/recurrence.ftl, `recurrence-yearly-every-day-of`, as
    // translated ("every two years" is a dual). With CLDR 37's Hebrew `many` (20, 30, …) it was
    // reported; current CLDR has none.
    let en_us = "recurrence-yearly-every-day-of =
    { $interval ->
        [one] every day of { $month }
       *[other] every { $interval } years every day of { $month }
    }
";
    let he = "recurrence-yearly-every-day-of =
    { $interval ->
        [one] בכל יום ב{ $month }
        [two] בכל שנתיים בכל יום ב{ $month }
       *[other] בכל { $interval } שנים בכל יום ב{ $month }
    }
";
    // ru's translation of the same message, with its `[few]` (2-4, 22-24, …) taken out.
    let ru = "recurrence-yearly-every-day-of =
    { $interval ->
        [one] каждый день { $month }
       *[many] каждые { $interval } года в каждый день { $month }
    }
";
    assert_eq!(
        missing_plural(&[("en-US", en_us), ("he", he), ("ru", ru)]),
        vec![(
            "ru".to_owned(),
            "`recurrence-yearly-every-day-of` has no plural form `[few]` that ru numbers need".to_owned()
        )]
    );
}
