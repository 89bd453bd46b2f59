//! Lint benchmark on a real Fluent tree (Thunderbird's, in ../shared/corpus/thunderbird).
//!
//! Prints, as medians over several runs in this process:
//! - floor: find, read and parse every .ftl file (in parallel), nothing else;
//! - load: `Workspace::load` (config, folders listed, the reference read and parsed);
//! - lint: the stage, `Workspace::lint`: every other locale read, parsed, checked and dropped;
//! - total: load + lint + JSON rendering, what `placard lint --format json` does after start-up.
//!
//! `cargo bench -p placard-pipeline --bench lint`; PLACARD_BENCH_CORPUS names another tree
//! (a folder with `locales/<code>/` and an `en-US` reference). bench/lint.sh adds the end-to-end
//! command, peak memory and compare-locales beside it.

#![allow(clippy::print_stdout, clippy::print_stderr, reason = "a benchmark reports by printing")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use placard_pipeline::{Config, Workspace};
use rayon::prelude::*;

const RUNS: usize = 15;

// The allocator the `placard` binary uses, so the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let corpus = std::env::var_os("PLACARD_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/thunderbird"));
    let locales = corpus.join("locales");
    if !locales.is_dir() {
        eprintln!("no corpus at {}: set PLACARD_BENCH_CORPUS", corpus.display());
        return;
    }
    let reference = std::env::var("PLACARD_BENCH_REFERENCE").unwrap_or_else(|_| "en-US".to_owned());
    let yaml = format!("locales:\n  dir: locales\n  reference: {reference}\n");
    let config_path = corpus.join("pipeline.yaml");

    let files = ftl_files(&locales);
    let bytes: usize = files.iter().map(|f| std::fs::metadata(f).map_or(0, |m| m.len() as usize)).sum();
    println!(
        "corpus: {} ({} files, {:.1} MB), {} threads",
        corpus.display(),
        files.len(),
        bytes as f64 / 1e6,
        rayon::current_num_threads()
    );

    let floor = median(|| {
        let files = ftl_files(&locales);
        let parsed: usize = files
            .par_iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).expect("readable corpus");
                match fluent_syntax::parser::parse(text.as_str()) {
                    Ok(r) | Err((r, _)) => r.body.len(),
                }
            })
            .sum();
        assert!(parsed > 0);
        parsed
    });
    let load = median(|| {
        let config = Config::parse(&config_path, &yaml).expect("valid config");
        Workspace::load(config, &[]).expect("loadable corpus")
    });
    let config = Config::parse(&config_path, &yaml).expect("valid config");
    let workspace = Workspace::load(config, &[]).expect("loadable corpus");
    let lint = median(|| workspace.lint().expect("readable corpus"));
    let total = median(|| {
        let config = Config::parse(&config_path, &yaml).expect("valid config");
        let workspace = Workspace::load(config, &[]).expect("loadable corpus");
        let report = workspace.lint().expect("readable corpus");
        let json = placard_report::json::render(&report);
        (workspace, report, json)
    });
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("floor (read + parse only) {:>8.1} ms", ms(floor));
    println!("load                      {:>8.1} ms", ms(load));
    println!("lint (all checks)         {:>8.1} ms", ms(lint));
    println!(
        "total (load + lint + json){:>8.1} ms   = {:.2}x the floor",
        ms(total),
        total.as_secs_f64() / floor.as_secs_f64()
    );
}

/// The median time of `f` over [`RUNS`] runs. What `f` returns is dropped after the clock stops,
/// as the `placard` command never frees its data before exiting.
fn median<T>(mut f: impl FnMut() -> T) -> Duration {
    drop(f()); // warm the page cache and the allocator
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let kept = f();
            let elapsed = start.elapsed();
            drop(kept);
            elapsed
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn ftl_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable corpus").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "ftl") {
                out.push(path);
            }
        }
    }
    out
}
