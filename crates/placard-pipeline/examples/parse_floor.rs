//! The floor for `placard lint`, as a process: find every `.ftl` file under a folder, read and
//! parse them in parallel, and nothing else. bench/lint.sh times it beside `placard lint`.
//!
//! `cargo run --release -p placard-pipeline --example parse_floor -- FOLDER`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

fn main() -> ExitCode {
    let Some(root) = std::env::args_os().nth(1).map(PathBuf::from) else {
        return ExitCode::from(2);
    };
    let mut files = Vec::new();
    walk(&root, &mut files);
    let entries: usize = files
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let count = match fluent_syntax::parser::parse(text.as_str()) {
                Ok(r) | Err((r, _)) => r.body.len(),
            };
            // Like `placard`, never free the trees one by one before exiting.
            std::mem::forget(text);
            count
        })
        .sum();
    if entries > 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "ftl") {
            out.push(path);
        }
    }
}
