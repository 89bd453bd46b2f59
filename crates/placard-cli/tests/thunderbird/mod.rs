//! Real data: Thunderbird's Fluent tree (../shared/corpus/thunderbird, 11 locales). Placard's
//! `missing` and `obsolete` counts must equal compare-locales' for every locale; the output must
//! not depend on the number of threads; and real mistakes in the tree must be found. On the full
//! tree (../shared/corpus/thunderbird-full, 71 locales), Mozilla's legacy code `ja-JP-mac` is a
//! locale like any other, with compare-locales' counts.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

fn corpus() -> Option<PathBuf> {
    corpus_at("thunderbird")
}

fn corpus_at(name: &str) -> Option<PathBuf> {
    let path = repo().join("../shared/corpus").join(name);
    if path.join("locales/en-US").is_dir() {
        Some(path)
    } else {
        eprintln!("skipped: no Thunderbird corpus at {}", path.display());
        None
    }
}

/// A three-line pipeline.yaml pointing at the corpus, in a temp folder.
fn pipeline(corpus: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let yaml = format!("locales:\n  dir: {}\n  reference: en-US\n", corpus.join("locales").display());
    std::fs::write(dir.path().join("pipeline.yaml"), yaml).expect("write pipeline");
    dir
}

fn lint_json(dir: &Path, threads: &str) -> String {
    let output = placard_with_env(dir, &["lint", "--format", "json"], &[("RAYON_NUM_THREADS", threads)]);
    assert_eq!(exit_code(&output), 1, "the real tree has errors: {}", stderr(&output));
    stdout(&output)
}

fn counts(value: &serde_json::Value) -> Vec<(String, u64, u64)> {
    let mut out: Vec<(String, u64, u64)> = value
        .as_object()
        .expect("locales object")
        .iter()
        .filter(|(code, _)| code.as_str() != "en-US")
        .map(|(code, c)| {
            (code.clone(), c["missing"].as_u64().expect("missing"), c["obsolete"].as_u64().expect("obsolete"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn counts_equal_compare_locales() {
    let Some(corpus) = corpus() else { return };
    let dir = pipeline(&corpus);
    let report: serde_json::Value = serde_json::from_str(&lint_json(dir.path(), "2")).expect("JSON");
    let ours = counts(&report["summary"]["locales"]);

    let recorded: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/thunderbird/compare-locales.json")).expect("recorded counts"),
    )
    .expect("JSON");
    let recorded = counts(&recorded["locales"]);
    assert_eq!(ours, recorded, "placard vs compare-locales 9.0.5 (recorded)");

    // Where compare-locales is installed (CI installs it), check against it live as well.
    let out = dir.path().join("compare-locales.json");
    let live = Command::new("compare-locales")
        .arg("--json")
        .arg(&out)
        .arg("l10n.toml")
        .arg("locales")
        .current_dir(&corpus)
        .output();
    match live {
        Ok(run) if out.exists() => {
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&out).expect("compare-locales output")).expect("JSON");
            assert_eq!(
                ours,
                counts(&json[0]["summary"]),
                "placard vs compare-locales (live): {}",
                String::from_utf8_lossy(&run.stderr)
            );
        }
        _ => eprintln!("compare-locales not installed: checked against the recorded counts only"),
    }
}

#[test]
fn output_is_identical_at_any_thread_count() {
    let Some(corpus) = corpus() else { return };
    let dir = pipeline(&corpus);
    let one = lint_json(dir.path(), "1");
    let two = lint_json(dir.path(), "2");
    let eight = lint_json(dir.path(), "8");
    assert!(one == two && two == eight, "JSON output differs between thread counts");
    let github = |threads| {
        stdout(&placard_with_env(dir.path(), &["lint", "--format", "github"], &[("RAYON_NUM_THREADS", threads)]))
    };
    assert_eq!(github("1"), github("2"));
}

#[test]
fn real_mistakes_in_the_tree_are_found() {
    let Some(corpus) = corpus() else { return };
    let dir = pipeline(&corpus);
    let lines = diagnostic_lines(&lint_json(dir.path(), "2"));
    let has = |needle: &str| lines.iter().any(|l| l.contains(needle));
    // The German translation renamed a variable the application passes as $folderName.
    assert!(
        has("error variable-mismatch de")
            && lines.iter().any(|l| l.contains("activityFeedback.ftl") && l.ends_with("deleting-message"))
    );
    // `{ "" }` access keys, empty on purpose: a warning where the reference shows text, never an
    // error (issue 12).
    assert!(has("warning empty-message gd") && !has("error empty-message"));
    // A message whose tooltip shows its own label is not a cycle.
    let cycles: Vec<&String> =
        lines.iter().filter(|l| l.contains("unresolved-reference") && l.contains("mail-context-messages")).collect();
    assert!(cycles.is_empty(), "false cycle: {cycles:#?}");
    // compare-locales' Fluent checks (issue 12, part 3): what they find here is true, and none of
    // it is an error. The Japanese menu item writes its own text where the reference shows the
    // toolbar button's tooltip; Polish plurals lack `[many]`.
    for code in ["reference-mismatch", "missing-plural", "duplicate-attribute", "duplicate-variant", "obsolete-value"] {
        assert!(!has(&format!("error {code} ")), "a false {code} error on the real tree");
    }
    assert!(lines.iter().any(|l| l.starts_with("warning reference-mismatch ja ")
        && l.ends_with(" spaces-pinned-button-menuitem-settings2.label")));
    assert!(has("warning missing-plural pl "));
    // Paths are shown relative to the pipeline file's folder, without `..` detours through the repo.
    assert!(lines.iter().all(|l| !l.contains("/main/../")), "{}", lines[0]);
}

#[test]
fn ja_jp_mac_is_linted_with_compare_locales_counts() {
    let Some(corpus) = corpus_at("thunderbird-full") else { return };
    let dir = pipeline(&corpus);
    let output = placard(dir.path(), &["lint", "--format", "json", "--locale", "ja-JP-mac"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let lines = diagnostic_lines(&stdout(&output));
    assert!(!lines.iter().any(|l| l.contains("invalid-locale")), "{lines:#?}");
    assert!(lines.iter().all(|l| l.contains(" ja-JP-mac ")), "findings carry the folder's code");
    let ours = counts(&report["summary"]["locales"]);

    let recorded: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("compare-locales.json")).expect("recorded counts"))
            .expect("JSON");
    let summary = &recorded[0]["summary"]["ja-JP-mac"];
    let theirs = vec![(
        "ja-JP-mac".to_owned(),
        summary["missing"].as_u64().expect("missing"),
        summary["obsolete"].as_u64().expect("obsolete"),
    )];
    assert_eq!(ours, theirs, "placard vs compare-locales on the full tree");
}

#[test]
fn the_language_server_checks_a_translation_outside_the_project_folder_as_it_is_typed() {
    // pipeline.yaml in a temp folder, the locales in the corpus: findings name the files by a
    // path that leaves the project folder, and the editor must still get them on its file.
    let Some(corpus) = corpus() else { return };
    let dir = pipeline(&corpus);
    let mut editor = crate::lsp::client::Client::start(std::path::Path::new(env!("CARGO_BIN_EXE_placard")), dir.path());
    let file = corpus.join("locales/de/mail/messenger/aboutDialog.ftl");
    let rel = file.to_str().expect("UTF-8 path").to_owned();
    let text = editor.open(&rel, 1);
    editor.diagnostics_until(&rel, |_| true);
    let (line_no, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(" = ") && !l.starts_with('#') && !l.contains('{'))
        .expect("a plain message");
    let broken = text.replacen(line, &format!("{line} {{ $oops }}"), 1);
    editor.change(&rel, 2, &broken);
    let oops = |d: &serde_json::Value| d["message"].as_str().is_some_and(|m| m.contains("oops"));
    let (found, _) = editor.diagnostics_until(&rel, |d| d.iter().any(oops));
    let finding = found.iter().find(|d| oops(d)).expect("the finding");
    assert_eq!(finding["range"]["start"]["line"], line_no as u64, "{finding}");
    editor.change(&rel, 3, &text);
    editor.diagnostics_until(&rel, |d| !d.iter().any(oops));
    assert!(editor.shut_down().success());
}
