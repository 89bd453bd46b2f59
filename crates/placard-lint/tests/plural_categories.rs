//! `LocaleContext::plural_categories`: how many CLDR cardinal forms a locale's numbers take. The
//! `variable-mismatch` check lets a language with one form drop a variable the reference uses
//! only to choose a plural form (issue 12), so the count must be right for every tag a product
//! tree uses, region tags included.

use placard_lint::{LocaleContext, LocaleInput, Rules};

fn categories(code: &str) -> Option<usize> {
    let locale = placard_core::Locale::parse(code).expect("a valid tag");
    let input = LocaleInput { code, locale: &locale, display_dir: "", files: Vec::new() };
    let rules = Rules::default();
    LocaleContext::new(&input, &rules, None).plural_categories()
}

#[test]
fn one_form_languages_have_one_category() {
    for code in ["ja", "ko", "zh-CN", "zh-TW", "th", "vi", "id", "ms", "km"] {
        assert_eq!(categories(code), Some(1), "{code}");
    }
}

#[test]
fn other_languages_have_their_cldr_count() {
    for (code, count) in
        [("en-US", 2), ("de", 2), ("fr", 2), ("pt-BR", 2), ("cs", 4), ("pl", 4), ("ru", 4), ("ar", 6), ("cy", 6)]
    {
        assert_eq!(categories(code), Some(count), "{code}");
    }
}

#[test]
fn a_language_cldr_does_not_know_has_no_count() {
    // Western Armenian (Thunderbird's `hye`) has no CLDR plural rules: nothing is assumed.
    assert_eq!(categories("hye"), None);
}
