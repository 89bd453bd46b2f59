//! Exit codes and unusable input: 0 no errors, 1 errors found, 2 unusable input, with a message
//! that names the file (and, for YAML, the line and column).

use std::fs;

use crate::support::*;

fn project(pipeline: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("pipeline.yaml"), pipeline).expect("write pipeline");
    fs::create_dir_all(dir.path().join("locales/en-GB")).expect("mkdir");
    fs::write(dir.path().join("locales/en-GB/a.ftl"), "hello = Hello\n").expect("write ftl");
    dir
}

const MINIMAL: &str = "locales:\n  dir: locales\n  reference: en-GB\n";

#[test]
fn a_clean_project_exits_0() {
    let dir = project(MINIMAL);
    let output = placard(dir.path(), &["lint"]);
    assert_eq!(exit_code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).ends_with("0 errors, 0 warnings in 1 locale\n"), "{}", stdout(&output));
}

#[test]
fn missing_pipeline_file_exits_2_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = placard(dir.path(), &["lint"]);
    assert_eq!(exit_code(&output), 2);
    assert!(stderr(&output).contains("cannot read pipeline.yaml"), "{}", stderr(&output));
    assert!(stdout(&output).is_empty(), "nothing on stdout when the input is unusable");
}

#[test]
fn broken_yaml_exits_2_with_line_and_column() {
    let dir = project("locales:\n  dir: [locales\n  reference: en-GB\n");
    let output = placard(dir.path(), &["lint"]);
    assert_eq!(exit_code(&output), 2);
    let err = stderr(&output);
    assert!(err.starts_with("error: pipeline.yaml:"), "{err}");
    let line: u32 = err.split(':').nth(2).and_then(|l| l.parse().ok()).expect("a line number");
    assert!((2..=4).contains(&line), "{err}");
}

#[test]
fn an_unknown_key_is_an_error_not_ignored() {
    // A typo must never silently switch a rule off.
    let dir = project("locales:\n  dir: locales\n  reference: en-GB\n  stirct: false\n");
    let output = placard(dir.path(), &["lint"]);
    assert_eq!(exit_code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains("pipeline.yaml:4:") && err.contains("stirct"), "{err}");
}

#[test]
fn invalid_required_rule_exits_2() {
    let dir = project(&format!("{MINIMAL}required:\n  - message: helpline\n    contains: []\n"));
    let output = placard(dir.path(), &["lint"]);
    assert_eq!(exit_code(&output), 2);
    assert!(
        stderr(&output).contains("pipeline.yaml:6:15: required message `helpline` needs at least one"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn pipeline_that_is_not_utf8_exits_2() {
    let dir = project(MINIMAL);
    fs::write(dir.path().join("pipeline.yaml"), b"locales:\n  dir: loc\xE9les\n").expect("write");
    let output = placard(dir.path(), &["lint"]);
    assert_eq!(exit_code(&output), 2);
    assert!(stderr(&output).contains("pipeline.yaml:2:11: the file is not valid UTF-8"), "{}", stderr(&output));
}

#[test]
fn missing_locales_folder_exits_2_naming_it() {
    let dir = project("locales:\n  dir: nowhere\n  reference: en-GB\n");
    let output = placard(dir.path(), &["lint"]);
    assert_eq!(exit_code(&output), 2);
    assert!(stderr(&output).contains("cannot read ./nowhere"), "{}", stderr(&output));
}

#[test]
fn config_flag_selects_another_file_from_anywhere() {
    let dir = project(MINIMAL);
    fs::rename(dir.path().join("pipeline.yaml"), dir.path().join("other.yaml")).expect("rename");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("other.yaml");
    let config = config.to_str().expect("UTF-8 path");
    // Paths in the file are relative to the file's folder, not to the working directory;
    // -c works before and after the subcommand.
    for args in [vec!["-c", config, "lint"], vec!["lint", "--config", config]] {
        let output = placard(elsewhere.path(), &args);
        assert_eq!(exit_code(&output), 0, "{args:?}: {}{}", stdout(&output), stderr(&output));
    }
}

#[test]
fn errors_exit_1_and_unknown_flags_exit_2() {
    let dir = project(MINIMAL);
    fs::create_dir_all(dir.path().join("locales/pl")).expect("mkdir");
    fs::write(dir.path().join("locales/pl/a.ftl"), "hello = { \n").expect("write");
    assert_eq!(exit_code(&placard(dir.path(), &["lint"])), 1);
    assert_eq!(exit_code(&placard(dir.path(), &["lint", "--format", "xml"])), 2);
}

#[test]
fn a_template_path_that_leaves_the_project_is_refused() {
    let dir = project(&format!("{MINIMAL}templates:\n  - ../../etc/passwd\n"));
    let output = placard(dir.path(), &["build"]);
    assert_eq!(exit_code(&output), 2);
    assert!(
        stderr(&output).contains("pipeline.yaml:5:") && stderr(&output).contains("leads outside the project folder"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_ftl_file_over_the_size_limit_exits_2_naming_it() {
    let dir = project(MINIMAL);
    let line = "filler = A message that only makes the file large\n";
    let big = line.repeat(16 * 1024 * 1024 / line.len() + 1);
    fs::write(dir.path().join("locales/en-GB/huge.ftl"), big).expect("write ftl");
    let output = placard(dir.path(), &["lint"]);
    assert_eq!(exit_code(&output), 2, "{}", stderr(&output));
    assert!(stderr(&output).contains("huge.ftl: the file is over 16 MiB"), "{}", stderr(&output));
    assert!(stderr(&output).contains("limits.ftl_file_mib"), "says how to raise it: {}", stderr(&output));

    // The owner may raise the limit in pipeline.yaml.
    fs::write(
        dir.path().join("pipeline.yaml"),
        format!("{MINIMAL}limits:\n  ftl_file_mib: 32\n  messages_per_locale: 1000000\n"),
    )
    .expect("write");
    let output = placard(dir.path(), &["lint", "--format", "json"]);
    // The file is read and linted now: its repeated `filler` ids are findings (exit 1), not a refusal.
    assert_eq!(exit_code(&output), 1, "{}", stderr(&output));
    assert!(stdout(&output).contains("huge.ftl"), "the findings name the file");
}

#[test]
fn a_locale_with_more_messages_than_the_limit_exits_2_naming_the_file() {
    let dir = project(&format!("{MINIMAL}limits:\n  messages_per_locale: 20\n"));
    let many: String = (0..15).map(|i| format!("m{i} = Message {i}\n")).collect();
    fs::write(dir.path().join("locales/en-GB/b.ftl"), &many).expect("write");
    fs::write(dir.path().join("locales/en-GB/c.ftl"), &many).expect("write");
    let output = placard(dir.path(), &["lint"]);
    assert_eq!(exit_code(&output), 2, "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("locales/en-GB/c.ftl: locale en-GB has more than 20 messages"), "{err}");
    assert!(err.contains("limits.messages_per_locale"), "{err}");
    assert!(stdout(&output).is_empty(), "nothing on stdout when the input is unusable");
}

#[test]
fn a_template_over_the_canvas_limit_exits_2_with_its_line() {
    let dir = project(&format!("{MINIMAL}limits:\n  canvas_pixels: 1000000\n"));
    fs::write(dir.path().join("card.yaml"), "size: [1200, 1200]\nbackground: {color: \"#000\"}\nlayers: []\n")
        .expect("write");
    let pipeline =
        format!("{MINIMAL}templates: [card.yaml]\nfonts: {{dir: fonts}}\nlimits:\n  canvas_pixels: 1000000\n");
    fs::write(dir.path().join("pipeline.yaml"), pipeline).expect("write");
    let output = placard(dir.path(), &["build", "--out", "dist"]);
    assert_eq!(exit_code(&output), 2, "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("card.yaml:1:") && err.contains("1440000 pixels"), "{err}");
    assert!(err.contains("limits.canvas_pixels"), "{err}");
    assert!(!dir.path().join("dist").exists(), "nothing written");
}

#[test]
fn a_limit_past_its_ceiling_exits_2() {
    let dir = project(&format!("{MINIMAL}limits:\n  placeable_depth: 5000\n"));
    let output = placard(dir.path(), &["lint"]);
    assert_eq!(exit_code(&output), 2);
    assert!(
        stderr(&output).contains("pipeline.yaml:5:") && stderr(&output).contains("use 1 to 128"),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_in_a_locale_folder_is_not_followed_and_is_named() {
    let dir = project(MINIMAL);
    let outside = tempfile::tempdir().expect("temp dir");
    fs::write(outside.path().join("secret.ftl"), "leak = Something from outside\n").expect("write");
    std::os::unix::fs::symlink(outside.path().join("secret.ftl"), dir.path().join("locales/en-GB/linked.ftl"))
        .expect("symlink");
    std::os::unix::fs::symlink(outside.path(), dir.path().join("locales/de")).expect("symlink");
    let output = placard(dir.path(), &["lint", "--format", "json"]);
    assert_eq!(exit_code(&output), 0, "warnings only: {}", stdout(&output));
    let out = stdout(&output);
    assert!(!out.contains("leak"), "the linked file was not read: {out}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    let symlinks: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "symlink")
        .map(|d| d["file"].as_str().expect("file"))
        .collect();
    assert_eq!(symlinks, ["locales/de", "locales/en-GB/linked.ftl"]);
}

#[test]
fn unusable_input_speaks_the_format_that_was_asked_for() {
    // A CI job that parses JSON or reads annotations must learn why the run could not start.
    let dir = project("locales:\n  dir: locales\n  reference: en-GB\n  stirct: false\n");
    let output = placard(dir.path(), &["lint", "--format", "json"]);
    assert_eq!(exit_code(&output), 2);
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON on stdout");
    let error = &value["error"];
    assert_eq!(error["file"], "pipeline.yaml");
    assert_eq!(error["line"], 4);
    assert!(error["column"].as_u64().is_some(), "{value}");
    assert!(error["message"].as_str().expect("a message").contains("stirct"), "{value}");

    let output = placard(dir.path(), &["lint", "--format", "github"]);
    assert_eq!(exit_code(&output), 2);
    let out = stdout(&output);
    assert!(out.starts_with("::error file=pipeline.yaml,line=4,col="), "{out}");
    assert!(out.contains("title=unusable-input::") && out.contains("stirct"), "{out}");

    // A file that is not there at all: named, without a line.
    let empty = tempfile::tempdir().expect("temp dir");
    let output = placard(empty.path(), &["status", "--format", "json"]);
    assert_eq!(exit_code(&output), 2);
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON on stdout");
    assert_eq!(value["error"]["file"], "pipeline.yaml");
    assert!(value["error"]["line"].is_null());
}
