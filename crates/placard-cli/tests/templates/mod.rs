//! Issue 13, "Templates that help": every fault of every template, and of pipeline.yaml, in one
//! run, each at its file, line and column, in the format that was asked for (exit 2), with the key
//! a misspelt key was meant to be. One folder per case under tests/templates (its README says what
//! the designer did); `expect/` holds what `placard lint` prints in each format (the human text is
//! stderr; JSON and annotations stdout), rewritten on request with UPDATE_EXPECT=1.

use std::path::Path;

use crate::support::*;

const CASES: [&str; 3] = ["three-faults", "several-templates", "pipeline-faults"];

fn case(name: &str) -> std::path::PathBuf {
    repo().join("tests/templates").join(name)
}

fn check(name: &str) {
    let dir = case(name);
    for format in ["human", "json", "github"] {
        let output = placard(&dir, &["lint", "--format", format]);
        assert_eq!(exit_code(&output), 2, "{name} --format {format}: {}", stderr(&output));
        let shown = if format == "human" { stderr(&output) } else { stdout(&output) };
        let ext = if format == "json" { "json" } else { "txt" };
        expect_file(&dir.join(format!("expect/{format}.{ext}")), &shown);
    }
}

#[test]
fn issue13_a_template_with_three_faults_reports_all_three() {
    check("three-faults");
}

#[test]
fn issue13_every_template_is_checked_and_its_faults_sorted() {
    check("several-templates");
}

#[test]
fn issue13_every_fault_of_pipeline_yaml_is_reported() {
    check("pipeline-faults");
}

#[test]
fn every_case_folder_has_a_test() {
    for entry in std::fs::read_dir(repo().join("tests/templates")).expect("tests/templates").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(CASES.contains(&name.as_str()), "tests/templates/{name} has no test in templates/mod.rs");
    }
}

#[test]
fn issue13_build_reports_the_same_faults_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy(&case("three-faults"), dir.path());
    // The fonts folder is named relative to the case; point it at the repository's.
    let pipeline = std::fs::read_to_string(dir.path().join("pipeline.yaml")).expect("read");
    let fonts = repo().join("assets/fonts");
    let pipeline = pipeline.replace("../../../assets/fonts", fonts.to_str().expect("UTF-8"));
    std::fs::write(dir.path().join("pipeline.yaml"), pipeline).expect("write");
    let output = placard(dir.path(), &["build", "--out", "dist"]);
    assert_eq!(exit_code(&output), 2, "{}", stderr(&output));
    assert_eq!(stderr(&output), std::fs::read_to_string(case("three-faults/expect/human.txt")).expect("expectation"));
    assert!(!dir.path().join("dist").exists(), "nothing written");
}

#[test]
fn issue13_a_misspelt_key_is_one_fault_not_two() {
    // `bbx:` for `box:` leaves the layer without a box: the typo says so, "missing key" would not.
    let output = placard(&case("several-templates"), &["lint", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let messages: Vec<&str> =
        value["errors"].as_array().expect("errors").iter().filter_map(|e| e["message"].as_str()).collect();
    assert!(messages.contains(&"layers[0]: unknown key `bbx`; did you mean `box`?"), "{messages:?}");
    assert!(!messages.iter().any(|m| m.contains("missing key")), "{messages:?}");
}

fn copy(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
