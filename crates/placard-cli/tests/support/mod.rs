//! Test support: run the real `placard` binary, and compare its output with expectations kept
//! in files that update themselves on request (`UPDATE_EXPECT=1`), failing the run while they do
//! so that an update is always a deliberate, reviewed change.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo root")
}

/// `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// `placard` with `args`, run in `dir`, with colour off.
pub fn placard(dir: &Path, args: &[&str]) -> Output {
    placard_with_env(dir, args, &[("NO_COLOR", "1")])
}

/// `placard` with `args` and extra environment variables, run in `dir`.
pub fn placard_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_placard"));
    command.args(args).current_dir(dir);
    for name in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "RAYON_NUM_THREADS"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied()).output().expect("placard runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

pub fn exit_code(output: &Output) -> i32 {
    output.status.code().expect("exited, not killed")
}

/// Compares `actual` with the file at `path`; with UPDATE_EXPECT=1 rewrites the file and fails.
pub fn expect_file(path: &Path, actual: &str) {
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected == actual {
        return;
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, actual).expect("write expectation");
        panic!("updated {}; review the change and run again", path.display());
    }
    panic!(
        "{} does not match (UPDATE_EXPECT=1 rewrites it after review)\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

/// One line per diagnostic of `placard lint --format json`:
/// `severity code locale file:line:col message_id`, with `-` for an absent field.
pub fn diagnostic_lines(json: &str) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_str(json).expect("JSON report");
    let field = |d: &serde_json::Value, key: &str| match &d[key] {
        serde_json::Value::Null => "-".to_owned(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    report["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {}:{}:{} {}",
                field(d, "severity"),
                field(d, "code"),
                field(d, "locale"),
                field(d, "file"),
                field(d, "line"),
                field(d, "column"),
                field(d, "message_id")
            )
        })
        .collect()
}

/// Runs the fixture in `tests/fixtures/<name>`: `placard lint --format json` plus the arguments in
/// its `args.txt`, if any. `expect.txt` holds `exit N` and then one line per diagnostic
/// ([`diagnostic_lines`]), compared as a multiset (the order is checked elsewhere). A `human.txt`
/// beside it is a snapshot of the human output.
pub fn check_fixture(name: &str) {
    let dir = fixture(name);
    let extra = std::fs::read_to_string(dir.join("args.txt")).unwrap_or_default();
    let mut args = vec!["lint", "--format", "json"];
    args.extend(extra.split_whitespace());
    let output = placard(&dir, &args);
    let mut lines = diagnostic_lines(&stdout(&output));
    lines.sort();
    let actual = format!("exit {}\n{}", exit_code(&output), lines.iter().map(|l| format!("{l}\n")).collect::<String>());
    let expected_path = dir.join("expect.txt");
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    let mut expected_lines: Vec<&str> = expected.lines().collect();
    if let Some((first, rest)) = expected_lines.split_first_mut() {
        rest.sort_unstable();
        let normalized = format!("{first}\n{}", rest.iter().map(|l| format!("{l}\n")).collect::<String>());
        if normalized == actual {
            check_human(&dir, &extra);
            return;
        }
    }
    expect_file(&expected_path, &actual);
}

fn check_human(dir: &Path, extra: &str) {
    let snapshot = dir.join("human.txt");
    if !snapshot.exists() {
        return;
    }
    let mut args = vec!["lint"];
    args.extend(extra.split_whitespace());
    let output = placard(dir, &args);
    expect_file(&snapshot, &stdout(&output));
}
