//! `placard status`: a row per locale, worst first, that says what a coordinator needs to know.

use std::fs;
use std::path::Path;

use crate::support::*;

/// The overflow fixture (Polish text too long for the card) plus a half-translated German and a
/// complete Ukrainian, with the fonts folder given absolutely so the project can live anywhere.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = fixture("overflow/bad");
    fs::copy(from.join("card.yaml"), dir.path().join("card.yaml")).expect("copy template");
    let fonts = repo().join("assets/fonts");
    let pipeline = fs::read_to_string(from.join("pipeline.yaml"))
        .expect("pipeline")
        .replace("../../../../assets/fonts", fonts.to_str().expect("UTF-8"));
    fs::write(dir.path().join("pipeline.yaml"), pipeline).expect("write");
    for (locale, text) in [
        ("en-GB", fs::read_to_string(from.join("locales/en-GB/main.ftl")).expect("en-GB")),
        ("pl", fs::read_to_string(from.join("locales/pl/main.ftl")).expect("pl")),
        ("de", "headline = Erst denken, dann klicken.\n".to_owned()),
        ("uk", "headline = Подумай, перш ніж клікнути.\nhelpline = Телефонуйте: 0131 556 3535\n".to_owned()),
    ] {
        fs::create_dir_all(dir.path().join("locales").join(locale)).expect("mkdir");
        fs::write(dir.path().join("locales").join(locale).join("main.ftl"), text).expect("write");
    }
    dir
}

fn status(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["status"];
    all.extend(args);
    let output = placard(dir, &all);
    assert_eq!(exit_code(&output), 0, "status is a report, not a gate: {}", stderr(&output));
    stdout(&output)
}

#[test]
fn the_table_puts_the_locale_that_needs_help_first_and_says_what_builds() {
    let dir = project();
    let out = status(dir.path(), &[]);
    let rows: Vec<&str> = out.lines().collect();
    let codes: Vec<&str> = rows[1..5].iter().map(|r| r.split_whitespace().next().unwrap_or("")).collect();
    assert_eq!(codes, ["de", "pl", "en-GB", "uk"], "worst first, then by code:\n{out}");
    let de: Vec<&str> = rows[1].split_whitespace().collect();
    // Two errors: the helpline is missing (missing-message) and it is required (missing-required).
    assert_eq!(
        &de[1..7],
        ["50.0%", "1", "1", "0", "2", "0"],
        "progress, translated, missing, obsolete, errors:\n{out}"
    );
    assert!(rows[1].ends_with("none: blocked by lint errors"), "{out}");
    assert!(rows[2].ends_with("0 of 1 build; fails: card"), "pl overflows the card:\n{out}");
    assert!(rows[4].ends_with("all 1 build"), "{out}");
    assert!(rows[5].starts_with("2 of 4 locales complete and clean"), "uk and the reference:\n{out}");
}

#[test]
fn json_and_markdown_carry_the_same_rows() {
    let dir = project();
    let json: serde_json::Value = serde_json::from_str(&status(dir.path(), &["--format", "json"])).expect("JSON");
    let locales = json["locales"].as_array().expect("locales");
    assert_eq!(locales[0]["code"], "de");
    assert_eq!(locales[0]["templates"][0]["state"], "blocked");
    assert_eq!(locales[1]["templates"][0]["state"], "fails");
    let stamp = locales[3]["last_change"].as_str().expect("a last change");
    assert!(stamp.len() == 16 && stamp.starts_with("20"), "YYYY-MM-DD HH:MM, from the file: {stamp}");

    let markdown = status(dir.path(), &["--format", "markdown"]);
    let rows: Vec<&str> = markdown.lines().filter(|l| l.starts_with("| **")).collect();
    assert_eq!(rows.len(), 4, "{markdown}");
    assert!(rows[0].starts_with("| **de** | 50.0% |") && rows[0].ends_with("| ⛔ |"), "{markdown}");
    assert!(rows[1].ends_with("| ❌ |") && rows[3].ends_with("| ✅ |"), "{markdown}");
}

#[test]
fn locale_filter_and_no_layout() {
    let dir = project();
    let out = status(dir.path(), &["--locale", "pl", "--no-layout"]);
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 3, "header, pl, totals:\n{out}");
    assert!(rows[1].starts_with("pl ") && rows[1].contains("100.0%") && rows[1].ends_with("  -"), "{out}");
}
