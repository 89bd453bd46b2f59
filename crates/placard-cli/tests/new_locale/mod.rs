//! `placard new-locale`: a new locale starts from the reference text, commented out, and becomes
//! the reference again when every entry is uncommented.

use std::fs;
use std::path::Path;

use crate::support::*;

/// The campaign's pipeline.yaml (fonts and templates dropped) and its locales, with `only`.
fn project(only: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let pipeline = format!(
        "locales:\n  dir: locales\n  reference: en-GB\n{only}required:\n  - message: helpline-contact\n    contains: [\"0131 556 3535\"]\n"
    );
    fs::write(dir.path().join("pipeline.yaml"), pipeline).expect("write");
    for locale in ["en-GB", "pl"] {
        let to = dir.path().join("locales").join(locale);
        fs::create_dir_all(&to).expect("mkdir");
        for file in fs::read_dir(repo().join("locales").join(locale)).expect("locale").flatten() {
            fs::copy(file.path(), to.join(file.file_name())).expect("copy");
        }
    }
    dir
}

fn ftl_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).expect("folder").flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn a_new_locale_has_every_reference_file_commented_out_and_lints_as_untranslated() {
    let dir = project("");
    let output = placard(dir.path(), &["new-locale", "de"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.starts_with("created locales/de/ with 3 files and 23 entries to translate"), "{out}");
    assert!(out.contains("no locales.only list, so the new locale is built already"), "{out}");
    let de = dir.path().join("locales/de");
    assert_eq!(ftl_files(&de), ftl_files(&dir.path().join("locales/en-GB")));

    let deterrence = fs::read_to_string(de.join("deterrence.ftl")).expect("file");
    assert!(deterrence.starts_with("### de: translation of en-GB/deterrence.ftl"), "{deterrence}");
    assert!(deterrence.contains("# The lock-up: the helpline's name and number"), "the reference's comments are kept");
    assert!(deterrence.contains("\n# helpline-lead = Worried about your thoughts?"), "{deterrence}");

    // Nothing is translated yet: every entry is missing, and the files are valid Fluent.
    let status: serde_json::Value =
        serde_json::from_str(&stdout(&placard(dir.path(), &["status", "--format", "json", "--locale", "de"])))
            .expect("JSON");
    assert_eq!(status["locales"][0]["missing"], 23);
    assert_eq!(status["locales"][0]["progress"], 0.0);
    let lint = stdout(&placard(dir.path(), &["lint", "--format", "json", "--locale", "de"]));
    assert!(!lint.contains("\"syntax\""), "{lint}");

    // Uncommenting every entry gives back the reference: the locale is then complete and clean.
    for name in ftl_files(&de) {
        let text = fs::read_to_string(de.join(&name)).expect("file");
        let reference = fs::read_to_string(dir.path().join("locales/en-GB").join(&name)).expect("file");
        let uncommented: String = text
            .lines()
            .filter(|l| !l.starts_with("###"))
            .map(|l| if l.starts_with("# ") && (l.contains(" = ") || l.starts_with("#     ")) { &l[2..] } else { l })
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(uncommented.trim_start(), reference, "{name}");
        fs::write(de.join(&name), uncommented).expect("write");
    }
    let output = placard(dir.path(), &["lint", "--locale", "de"]);
    assert_eq!(exit_code(&output), 0, "{}", stdout(&output));
}

#[test]
fn the_locale_is_added_to_only_when_asked() {
    let dir = project("  only: [pl]\n");
    let pipeline = || fs::read_to_string(dir.path().join("pipeline.yaml")).expect("pipeline");
    let output = placard(dir.path(), &["new-locale", "ar"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("note: This locale is written right to left"), "{out}");
    assert!(out.contains("locales.only does not list it yet"), "{out}");
    assert!(pipeline().contains("only: [pl]\n"), "not asked: pipeline.yaml unchanged");
    let rtl = fs::read_to_string(dir.path().join("locales/ar/campaign.ftl")).expect("file");
    assert!(rtl.contains("### This locale is written right to left"), "the note is in the files too");

    let output = placard(dir.path(), &["new-locale", "uk", "--add-to-pipeline"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).contains("pipeline.yaml: added to locales.only"));
    assert!(pipeline().contains("only: [pl, uk]\n"), "{}", pipeline());
    let status = stdout(&placard(dir.path(), &["status", "--no-layout"]));
    assert!(status.lines().nth(1).is_some_and(|l| l.starts_with("uk ")), "uk is built now, and worst:\n{status}");
}

#[test]
fn bad_codes_and_existing_folders_exit_2_and_write_nothing() {
    let dir = project("");
    for (code, expected) in
        [("de_DE", "new-locale de_DE: not a BCP 47 language tag"), ("pl", "locales/pl already exists")]
    {
        let before = ftl_files(&dir.path().join("locales"));
        let output = placard(dir.path(), &["new-locale", code]);
        assert_eq!(exit_code(&output), 2, "{code}");
        assert!(stderr(&output).contains(expected), "{}", stderr(&output));
        assert_eq!(ftl_files(&dir.path().join("locales")), before, "{code}: nothing written");
    }
}
