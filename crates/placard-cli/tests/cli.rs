//! The `placard` command, end to end: every check's fixture (a good and a bad tree each), the
//! repository's own campaign, real data (Thunderbird's tree against compare-locales' counts),
//! exit codes, reporters and determinism. One test binary, as ripgrep does it.

#![allow(clippy::print_stderr, reason = "a test says on stderr what it had to skip")]

mod browser;
mod build;
mod docs;
mod exit_codes;
mod gate;
mod golden;
mod lines;
mod locales;
mod lsp;
mod merge;
mod new_locale;
mod print;
mod reporters;
mod status;
mod support;
mod svg;
mod templates;
mod thunderbird;
mod watch;

use support::*;

/// One test per fixture folder under tests/fixtures (`<check>/<case>`).
macro_rules! fixtures {
    ($($test:ident => $path:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check_fixture($path);
            }
        )*

        #[test]
        fn every_fixture_folder_has_a_test() {
            let listed = [$($path),*];
            let root = fixture("");
            for check in std::fs::read_dir(&root).expect("fixtures folder").flatten() {
                for case in std::fs::read_dir(check.path()).expect("check folder").flatten() {
                    if !case.path().join("pipeline.yaml").exists() {
                        continue;
                    }
                    let name = format!("{}/{}", check.file_name().to_string_lossy(), case.file_name().to_string_lossy());
                    assert!(listed.contains(&name.as_str()), "fixture {name} has no test in cli.rs");
                }
            }
        }
    };
}

fixtures! {
    contrast_good => "contrast/good",
    contrast_bad => "contrast/bad",
    overflow_good => "overflow/good",
    overflow_bad => "overflow/bad",
    too_small_good => "too-small/good",
    too_small_bad => "too-small/bad",
    missing_glyph_good => "missing-glyph/good",
    missing_glyph_bad => "missing-glyph/bad",
    helpline_hidden_good => "helpline-hidden/good",
    helpline_hidden_bad => "helpline-hidden/bad",
    helpline_lockup_good => "helpline-lockup/good",
    helpline_lockup_bad => "helpline-lockup/bad",
    qr_mismatch_good => "qr-mismatch/good",
    qr_mismatch_bad => "qr-mismatch/bad",
    qr_mismatch_wrong_number => "qr-mismatch/wrong-number",
    qr_mismatch_too_small => "qr-mismatch/too-small",
    qr_mismatch_quiet_zone => "qr-mismatch/quiet-zone",
    syntax_good => "syntax/good",
    syntax_bad => "syntax/bad",
    syntax_panic_escape => "syntax/panic-escape",
    encoding_good => "encoding/good",
    encoding_bad => "encoding/bad",
    encoding_utf16 => "encoding/utf16",
    encoding_cr_line_endings => "encoding/cr-line-endings",
    invalid_locale_good => "invalid-locale/good",
    invalid_locale_bad => "invalid-locale/bad",
    invalid_locale_same_tag => "invalid-locale/same-tag",
    invalid_locale_mozilla => "invalid-locale/mozilla",
    missing_locale_good => "missing-locale/good",
    missing_locale_bad => "missing-locale/bad",
    missing_required_good => "missing-required/good",
    missing_required_bad => "missing-required/bad",
    required_text_good => "required-text/good",
    required_text_bad => "required-text/bad",
    required_text_lookalike => "required-text/lookalike",
    required_text_dropped_term => "required-text/dropped-term",
    required_text_arabic_digits => "required-text/arabic-digits",
    required_text_invisible => "required-text/invisible",
    bidi_order_good => "bidi-order/good",
    bidi_order_bad => "bidi-order/bad",
    bidi_order_layout_good => "bidi-order/layout-good",
    bidi_order_layout_bad => "bidi-order/layout-bad",
    broken_number_good => "broken-number/good",
    broken_number_too_wide => "broken-number/too-wide",
    line_collision_good => "line-collision/good",
    line_collision_bad => "line-collision/bad",
    orphan_good => "orphan/good",
    orphan_bad => "orphan/bad",
    unsafe_char_good => "unsafe-char/good",
    unsafe_char_bad => "unsafe-char/bad",
    missing_message_good => "missing-message/good",
    missing_message_bad => "missing-message/bad",
    missing_message_lenient => "missing-message/lenient",
    obsolete_message_good => "obsolete-message/good",
    obsolete_message_bad => "obsolete-message/bad",
    missing_attribute_good => "missing-attribute/good",
    missing_attribute_bad => "missing-attribute/bad",
    variable_mismatch_good => "variable-mismatch/good",
    variable_mismatch_bad => "variable-mismatch/bad",
    unresolved_reference_good => "unresolved-reference/good",
    unresolved_reference_bad => "unresolved-reference/bad",
    duplicate_message_good => "duplicate-message/good",
    duplicate_message_bad => "duplicate-message/bad",
    empty_message_good => "empty-message/good",
    empty_message_bad => "empty-message/bad",
    duplicate_attribute_good => "duplicate-attribute/good",
    duplicate_attribute_bad => "duplicate-attribute/bad",
    duplicate_variant_good => "duplicate-variant/good",
    duplicate_variant_bad => "duplicate-variant/bad",
    missing_plural_good => "missing-plural/good",
    missing_plural_bad => "missing-plural/bad",
    reference_mismatch_good => "reference-mismatch/good",
    reference_mismatch_bad => "reference-mismatch/bad",
    obsolete_value_good => "obsolete-value/good",
    obsolete_value_bad => "obsolete-value/bad",
    style_mismatch_good => "style-mismatch/good",
    style_mismatch_bad => "style-mismatch/bad",
    // Issue 12, "Real product trees: no false errors": each class of false finding on
    // Thunderbird's tree, with the true finding beside it (see each fixture's SOURCE.txt).
    issue12_empty_idiom_is_no_error => "empty-message/thunderbird-empty-idiom",
    issue12_variables_compared_per_message => "variable-mismatch/thunderbird-per-message",
    issue12_plural_only_variable_in_one_form_language => "variable-mismatch/thunderbird-one-plural-form",
    issue12_selector_only_variable_shows_the_default => "variable-mismatch/thunderbird-selector-only",
    issue12_term_attribute_in_alternative_branding => "unresolved-reference/thunderbird-branding-alternatives",
    issue12_missing_entry_reported_once => "unresolved-reference/thunderbird-missing-once",
    issue12_stale_attribute_is_a_true_error => "missing-attribute/thunderbird-stale-title",
    // Issue 12, part 3: compare-locales' Fluent checks, on Thunderbird's tree.
    issue12_changed_reference_is_one_warning => "reference-mismatch/thunderbird-changed-reference",
    issue12_plural_forms_per_cldr => "missing-plural/thunderbird-plural-forms",
}

#[test]
fn the_repository_campaign_lints_clean() {
    let output = placard(&repo(), &["lint", "--format", "json"]);
    assert_eq!(exit_code(&output), 0, "{}", stdout(&output));
    assert_eq!(diagnostic_lines(&stdout(&output)), Vec::<String>::new());
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let locales = report["summary"]["locales"].as_object().expect("locales");
    for code in ["en-GB", "gd", "pl", "uk", "ar", "ur", "pa", "zh-Hans"] {
        assert!(locales.contains_key(code), "the campaign has {code}");
    }
}

#[test]
fn campaign_files_say_they_need_native_review() {
    let locales = repo().join("locales");
    for locale in std::fs::read_dir(&locales).expect("locales").flatten() {
        if locale.file_name() == "en-GB" {
            continue;
        }
        for file in std::fs::read_dir(locale.path()).expect("locale folder").flatten() {
            let text = std::fs::read_to_string(file.path()).expect("UTF-8");
            assert!(text.starts_with("### NEEDS REVIEW"), "{} lacks the review marker", file.path().display());
        }
    }
}
