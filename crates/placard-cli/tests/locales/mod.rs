//! Locale folders as real product trees name them: Mozilla's legacy codes (`ja-JP-mac`), codes a
//! campaign aliases to a tag, folders that are no locale (`locales.exclude`), and BCP 47 tags with
//! extensions and private use. Each is linted under its folder's name, with the direction of the
//! tag it stands for.

use crate::support::*;

#[test]
fn legacy_codes_aliases_and_full_tags_are_locales_and_excluded_folders_are_not() {
    let dir = fixture("invalid-locale/mozilla");
    let output = placard(&dir, &["lint", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let mut linted: Vec<&str> =
        report["summary"]["locales"].as_object().expect("locales").keys().map(String::as_str).collect();
    linted.sort_unstable();
    assert_eq!(linted, ["en-US", "en-US-u-ca-gregory", "ja-JP-mac", "ur_PK", "zh-Hans-CN-x-private"]);
    let lines = diagnostic_lines(&stdout(&output));
    assert!(lines.iter().all(|l| !l.contains("_configs") && !l.contains("invalid-locale")), "{lines:#?}");

    // The alias gives the folder its tag's direction; the legacy code is Japanese, left to right.
    let status: serde_json::Value =
        serde_json::from_str(&stdout(&placard(&dir, &["status", "--format", "json"]))).expect("JSON");
    let direction = |code: &str| {
        status["locales"].as_array().expect("rows").iter().find(|r| r["code"] == code).expect(code)["direction"].clone()
    };
    assert_eq!(direction("ur_PK"), "rtl");
    assert_eq!(direction("ja-JP-mac"), "ltr");

    // Only and --locale can name the legacy code, and can leave it out.
    let only = placard(&dir, &["lint", "--format", "json", "--locale", "zh-Hans-CN-x-private"]);
    assert_eq!(exit_code(&only), 0, "{}", stdout(&only));
    let ja = placard(&dir, &["lint", "--format", "json", "--locale", "ja-JP-mac"]);
    assert_eq!(diagnostic_lines(&stdout(&ja)), ["error missing-message ja-JP-mac locales/ja-JP-mac/main.ftl:-:- menu"]);
}

#[test]
fn an_alias_to_a_non_tag_is_a_config_error_at_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("locales/en-US")).expect("mkdir");
    std::fs::write(
        dir.path().join("pipeline.yaml"),
        "locales:\n  dir: locales\n  reference: en-US\n  aliases:\n    ja-JP-mac: ja_JP\n",
    )
    .expect("write");
    let output = placard(dir.path(), &["lint"]);
    assert_eq!(exit_code(&output), 2);
    assert!(stderr(&output).contains("pipeline.yaml:5"), "{}", stderr(&output));
    assert!(stderr(&output).contains("`ja_JP` is not a valid BCP 47 language tag"), "{}", stderr(&output));
}
