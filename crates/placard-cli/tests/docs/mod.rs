//! The commands the docs show work: every `placard …` line in a shell block of the README and the
//! pages for translators, designers and CI is accepted by the CLI, the GitHub Actions workflow is
//! valid YAML whose steps run accepted commands, and the pre-commit hook stops a commit with a
//! broken translation and lets a good one through.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::*;

const PAGES: [&str; 4] = ["README.md", "docs/translators.md", "docs/designers.md", "docs/ci.md"];

/// The fenced blocks of `markdown` whose info string is `lang`.
fn blocks(markdown: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_start().strip_prefix("```")) {
            (None, Some(info)) if info.trim() == lang => current = Some(String::new()),
            (Some(_), Some("")) => out.extend(current.take()),
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            _ => {}
        }
    }
    out
}

/// The arguments of a `placard …` command line, without a trailing comment or redirection.
fn placard_args(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    let rest = line.strip_prefix("placard ").or_else(|| line.strip_prefix("./target/release/placard "))?;
    let rest = rest.split(" #").next().unwrap_or(rest);
    let rest = rest.split(['>', '|']).next().unwrap_or(rest);
    Some(rest.split_whitespace().map(str::to_owned).collect())
}

/// Runs `placard ARGS --help`: clap checks every flag and value before it prints the help.
fn assert_accepted(args: &[String], from: &str) {
    let mut with_help: Vec<&str> = args.iter().map(String::as_str).collect();
    // A positional value (new-locale's CODE) is fine before --help too.
    with_help.push("--help");
    let output = placard(&repo(), &with_help);
    assert_eq!(exit_code(&output), 0, "{from}: `placard {}` is not accepted: {}", args.join(" "), stderr(&output));
}

#[test]
fn every_command_in_the_docs_is_accepted() {
    let mut checked = 0;
    for page in PAGES {
        let text = fs::read_to_string(repo().join(page)).expect("page");
        for block in blocks(&text, "sh") {
            for args in block.lines().filter_map(placard_args) {
                assert_accepted(&args, page);
                checked += 1;
            }
        }
    }
    assert!(checked >= 12, "the docs show commands: {checked}");
}

#[test]
fn the_github_workflows_are_valid_and_run_accepted_commands() {
    let text = fs::read_to_string(repo().join("docs/ci.md")).expect("page");
    let workflows: Vec<String> = blocks(&text, "yaml").into_iter().filter(|b| b.contains("jobs:")).collect();
    // Lint on pull requests, the fork-safe comment, sharded builds, SARIF for code scanning.
    for shown in ["lint --format github", "workflow_run", "placard merge", "upload-sarif"] {
        assert!(workflows.iter().any(|w| w.contains(shown)), "a workflow in ci.md shows `{shown}`");
    }
    let mut commands: Vec<Vec<String>> = Vec::new();
    for workflow in &workflows {
        let parsed: serde_json::Value = serde_saphyr::from_str(workflow).expect("valid YAML");
        for job in parsed["jobs"].as_object().expect("jobs").values() {
            let steps = job["steps"].as_array().expect("steps");
            for run in steps.iter().filter_map(|s| s["run"].as_str()) {
                // A matrix value stands in for its expression: `--shard ${{ matrix.shard }}/3`.
                let run = run.replace("${{ matrix.shard }}", "1");
                commands.extend(run.lines().filter_map(placard_args));
            }
        }
    }
    // The comment workflow runs no code of the pull request's: it checks nothing out.
    assert!(!workflows[1].contains("actions/checkout"), "{}", workflows[1]);
    for expected in [&["lint", "--format", "github"][..], &["merge", "shard-1", "shard-2", "shard-3", "--out", "dist"]]
    {
        assert!(commands.iter().any(|c| c[..] == *expected), "{expected:?} in {commands:?}");
    }
    for args in &commands {
        assert_accepted(args, "a workflow");
    }
}

#[test]
fn the_pre_commit_hook_stops_a_broken_translation() {
    let text = fs::read_to_string(repo().join("docs/ci.md")).expect("page");
    let hook = blocks(&text, "sh").into_iter().find(|b| b.starts_with("#!/bin/sh")).expect("a hook");
    let project = crate::build::golden_copy();
    let dir = project.path();
    let bin = Path::new(env!("CARGO_BIN_EXE_placard")).parent().expect("bin folder").to_owned();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let git = |args: &[&str]| {
        Command::new("git")
            .args(["-c", "user.name=Placard test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(dir)
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .output()
            .expect("git runs")
    };
    assert!(git(&["init", "-q"]).status.success());
    let hook_path = dir.join(".git/hooks/pre-commit");
    fs::write(&hook_path, &hook).expect("write hook");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&hook_path, fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    assert!(git(&["add", "."]).status.success());
    let first = git(&["commit", "-q", "-m", "campaign"]);
    assert!(first.status.success(), "a clean project commits: {}", String::from_utf8_lossy(&first.stderr));

    let card = dir.join("locales/ar/card.ftl");
    let good = fs::read_to_string(&card).expect("ftl");
    fs::write(&card, good.replace("{ -helpline-number }", "0131 556 353")).expect("break it");
    assert!(git(&["add", "."]).status.success());
    let broken = git(&["commit", "-q", "-m", "broken"]);
    assert!(!broken.status.success(), "the hook stops the commit");
    let said = String::from_utf8_lossy(&broken.stdout).into_owned() + &String::from_utf8_lossy(&broken.stderr);
    assert!(said.contains("::error file=locales/ar/card.ftl"), "{said}");
    assert!(said.contains("fix the errors above"), "{said}");

    fs::write(&card, &good).expect("fix it");
    fs::write(dir.join("notes.txt"), "not a translation").expect("write");
    assert!(git(&["add", "."]).status.success());
    assert!(git(&["commit", "-q", "-m", "fixed"]).status.success(), "a good commit goes through");
}

#[test]
fn placard_help_opens_with_what_placard_is() {
    let output = placard(&repo(), &["--help"]);
    assert_eq!(exit_code(&output), 0);
    let help = stdout(&output);
    assert!(help.starts_with("Placard turns Fluent translations and design templates into"), "{help}");
    assert!(
        help.contains("lsp ") && help.contains("Exit codes: 0 no errors, 1 errors found, 2 unusable input."),
        "{help}"
    );
}

#[test]
fn the_readme_installs_placard_on_the_path() {
    let readme = fs::read_to_string(repo().join("README.md")).expect("README");
    let install = "cargo install --path crates/placard-cli --locked";
    assert!(
        blocks(&readme, "sh").iter().any(|b| b.lines().any(|l| l.trim() == install)),
        "the README shows `{install}`"
    );
    // What that command needs: a package at that path whose binary is `placard`, and a lock file.
    let manifest = fs::read_to_string(repo().join("crates/placard-cli/Cargo.toml")).expect("manifest");
    assert!(manifest.contains("[[bin]]\nname = \"placard\""), "the binary is called placard");
    assert!(repo().join("Cargo.lock").is_file(), "--locked needs Cargo.lock");
    assert_eq!(Path::new(env!("CARGO_BIN_EXE_placard")).file_name().and_then(|n| n.to_str()), Some("placard"));
}

#[test]
fn the_pre_commit_hooks_run_accepted_commands() {
    let text = fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).expect(".pre-commit-hooks.yaml");
    let hooks: serde_json::Value = serde_saphyr::from_str(&text).expect("valid YAML");
    let hooks = hooks.as_array().expect("a list of hooks");
    assert!(hooks.iter().any(|h| h["id"] == "placard-lint"), "{hooks:?}");
    for hook in hooks {
        let entry = hook["entry"].as_str().expect("entry");
        let args = placard_args(entry).unwrap_or_else(|| panic!("`{entry}` runs placard"));
        assert_accepted(&args, ".pre-commit-hooks.yaml");
        // pre-commit's `rust` language cannot install from a workspace root (see the file).
        assert_eq!(hook["language"], "system", "{hook}");
        assert_eq!(hook["pass_filenames"], false, "the whole project is checked: {hook}");
        let files = hook["files"].as_str().expect("files");
        assert!(files.contains(r"\.ftl") && files.contains("pipeline"), "{files}");
    }
}
