//! Replays every committed fuzz input through its target's body on stable Rust: the seed corpora
//! under `fuzz/corpus/<target>/` and the findings under `fuzz/regressions/<target>/`, each
//! finding also by name in `regressions.rs`.

use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = fuzz_dir().join(kind).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
    files.sort();
    files
}

fn replay(kind: &str, target: &str) {
    for file in inputs(kind, target) {
        let data = std::fs::read(&file).expect("a committed fuzz input");
        let outcome = std::panic::catch_unwind(|| placard_fuzzing::run(target, &data));
        assert!(outcome.is_ok(), "{target}: {} fails again", file.display());
    }
}

#[test]
fn every_target_has_a_seed_corpus() {
    for target in placard_fuzzing::TARGETS {
        assert!(!inputs("corpus", target).is_empty(), "fuzz/corpus/{target} is empty");
        let fuzz_main = fuzz_dir().join("fuzz_targets").join(format!("{target}.rs"));
        assert!(fuzz_main.exists(), "{} is missing", fuzz_main.display());
    }
}

#[test]
fn ftl_corpus() {
    replay("corpus", "ftl");
    replay("regressions", "ftl");
}

#[test]
fn yaml_corpus() {
    replay("corpus", "yaml");
    replay("regressions", "yaml");
}

#[test]
fn layout_corpus() {
    replay("corpus", "layout");
    replay("regressions", "layout");
}

#[test]
fn image_corpus() {
    replay("corpus", "image");
    replay("regressions", "image");
}
