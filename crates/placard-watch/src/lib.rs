//! `placard watch`: lint and build once, then again each time a file the project is made of
//! changes — a translation, `pipeline.yaml`, a template, a font or an image — after the changes
//! settle (debounced). Builds are incremental, so only the affected assets are rendered again, and
//! locales with errors are skipped rather than stopping the others. Each round reports the lint
//! findings that appeared and disappeared. Unusable input (a broken template, say) is reported and
//! waited out: the next save tries again.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use placard_build::{BuildOptions, BuildReport};
use placard_core::Diagnostic;
use placard_lint::Report;
use placard_pipeline::{Config, Sources, Workspace};

/// What the caller asked for.
#[derive(Clone, Debug)]
pub struct WatchOptions {
    /// Only these locales (empty for all).
    pub locales: Vec<String>,
    /// How the builds run (`skip_failing` and `live_reload` are always on).
    pub build: BuildOptions,
    /// How long the files must be quiet before a round starts.
    pub debounce: Duration,
}

/// A finding, as compared between rounds: its code, place and text.
type Key = (String, Option<String>, Option<String>, Option<u32>, String);

fn key(d: &Diagnostic) -> Key {
    (d.code.to_string(), d.locale.clone(), d.file.clone(), d.line, d.message.clone())
}

/// What happened, for the caller to show.
#[derive(Debug)]
pub enum WatchEvent<'a> {
    /// Watching these folders and files (absolute paths).
    Watching { paths: &'a [PathBuf] },
    /// Files changed (the round that follows covers them all).
    Changed { files: &'a [PathBuf] },
    /// Lint ran: the whole report, the findings new since the last round, and how many of the
    /// last round's are gone.
    Linted {
        workspace: &'a Workspace,
        report: &'a Report,
        /// The text of the files the findings point into, for quoting lines.
        sources: &'a Sources,
        new: Vec<&'a Diagnostic>,
        fixed: usize,
    },
    /// The build finished.
    Built { report: &'a BuildReport, seconds: f64 },
    /// The input is unusable for now (exit code 2 in a one-off run); the next change tries again.
    Unusable { error: &'a dyn std::error::Error },
}

/// Runs rounds until `rounds` is reached (`None`: until the process ends). `config` is the
/// pipeline file.
pub fn watch(
    config: &Path,
    options: &WatchOptions,
    rounds: Option<usize>,
    on: &mut dyn FnMut(WatchEvent<'_>),
) -> Result<(), notify::Error> {
    let (sender, receiver) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Only changes: reading a file (as every round does) is an access event, never a reason.
        use notify::event::{EventKind, ModifyKind};
        if let Ok(event) = event
            && matches!(
                event.kind,
                EventKind::Create(_)
                    | EventKind::Remove(_)
                    | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any)
            )
        {
            let _ = sender.send(event.paths);
        }
    })?;
    let mut watched: BTreeSet<PathBuf> = BTreeSet::new();
    let mut previous: Option<BTreeSet<Key>> = None;
    let mut out_dir: Option<PathBuf> = None;
    let mut done = 0;
    loop {
        // One round: load, lint, build; then make sure everything the project names is watched.
        if let Some(paths) = round(config, options, &mut previous, &mut out_dir, on) {
            let fresh: Vec<PathBuf> = paths.into_iter().filter(|p| !watched.contains(p)).collect();
            for path in &fresh {
                let mode = if path.is_dir() { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
                if watcher.watch(path, mode).is_ok() {
                    watched.insert(path.clone());
                }
            }
            if !fresh.is_empty() {
                let shown: Vec<PathBuf> = watched.iter().cloned().collect();
                on(WatchEvent::Watching { paths: &shown });
            }
        } else if watched.is_empty() {
            // Nothing could be read yet: watch the config file's folder for a fix.
            let folder = config.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            watcher.watch(folder, RecursiveMode::NonRecursive)?;
            watched.insert(folder.to_owned());
        }
        done += 1;
        if rounds.is_some_and(|r| done >= r) {
            return Ok(());
        }
        // Wait for a relevant change, then for the files to be quiet.
        let relevant = |path: &Path| relevant(path, out_dir.as_deref());
        let mut changed: BTreeSet<PathBuf> = BTreeSet::new();
        while changed.is_empty() {
            let Ok(paths) = receiver.recv() else { return Ok(()) };
            changed.extend(paths.into_iter().filter(|p| relevant(p)));
        }
        let mut quiet_since = Instant::now();
        while quiet_since.elapsed() < options.debounce {
            match receiver.recv_timeout(options.debounce.saturating_sub(quiet_since.elapsed())) {
                Ok(paths) => {
                    let before = changed.len();
                    changed.extend(paths.into_iter().filter(|p| relevant(p)));
                    if changed.len() > before {
                        quiet_since = Instant::now();
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
        let files: Vec<PathBuf> = changed.into_iter().collect();
        on(WatchEvent::Changed { files: &files });
    }
}

/// A change worth a round: not in the output folder, not a hidden or temporary file (the staging
/// folder, the lock, editors' swap files), and a file Placard reads.
fn relevant(path: &Path, out: Option<&Path>) -> bool {
    let Some(out) = out else { return true };
    if path.starts_with(out) {
        return false;
    }
    // Hidden names below the project folder (the output's parent): the staging folder, the lock,
    // swap files. Folders above it may be hidden themselves (a temporary checkout).
    let project = out.parent().unwrap_or(out);
    let below = path.strip_prefix(project).unwrap_or_else(|_| Path::new(path.file_name().unwrap_or_default()));
    if below.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.')) {
        return false;
    }
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    if name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".tmp") {
        return false;
    }
    // Folders come and go as locales are added (a file without an extension, such as an editor's
    // or sed's temporary file, is not one); files count by their kind.
    (path.extension().is_none() && path.is_dir())
        || ["ftl", "yaml", "yml", "ttf", "otf", "ttc", "png", "jpg", "jpeg"]
            .iter()
            .any(|e| name.ends_with(&format!(".{e}")))
}

/// Loads, lints and builds once; returns what to watch, or `None` when the input is unusable.
fn round(
    config_path: &Path,
    options: &WatchOptions,
    previous: &mut Option<BTreeSet<Key>>,
    out_dir: &mut Option<PathBuf>,
    on: &mut dyn FnMut(WatchEvent<'_>),
) -> Option<Vec<PathBuf>> {
    let loaded = Config::load(config_path).and_then(|config| Workspace::load(config, &options.locales));
    let workspace = match loaded {
        Ok(workspace) => workspace,
        Err(error) => {
            on(WatchEvent::Unusable { error: &error });
            return None;
        }
    };
    let config = &workspace.config;
    let out = options.build.out.clone().unwrap_or_else(|| config.out_dir.clone());
    *out_dir = Some(absolute(&out));
    let mut paths = vec![absolute(&config.path), absolute(&config.locales_dir)];
    if let Some(fonts) = &config.fonts {
        paths.push(absolute(&fonts.dir));
    }
    // Templates' folders, recursively: their images are usually beside or below them.
    let mut folders: Vec<PathBuf> = config.templates.iter().filter_map(|t| t.parent()).map(absolute).collect();
    folders.sort();
    paths.extend(folders);
    // Listed in that order (pipeline.yaml, locales, fonts, templates), each once.
    let mut seen = BTreeSet::new();
    paths.retain(|p| seen.insert(p.clone()) && p.exists());

    // One round is one build: it runs every check (text and layout) on the scenes it renders, so
    // the findings shown are the ones the build acted on, and nothing is laid out twice.
    let started = Instant::now();
    let build = BuildOptions { skip_failing: true, live_reload: true, ..options.build.clone() };
    let built = match placard_build::build(&workspace, &build, &|_| {}) {
        Ok(built) => built,
        Err(error) => {
            on(WatchEvent::Unusable { error: &error });
            return Some(paths);
        }
    };
    let report = &built.lint;
    let keys: BTreeSet<Key> = report.diagnostics.iter().map(key).collect();
    let (new, fixed) = match previous.as_ref() {
        Some(before) => (
            report.diagnostics.iter().filter(|d| !before.contains(&key(d))).collect(),
            before.difference(&keys).count(),
        ),
        None => (report.diagnostics.iter().collect(), 0),
    };
    on(WatchEvent::Linted { workspace: &workspace, report, sources: &built.sources, new, fixed });
    *previous = Some(keys);
    on(WatchEvent::Built { report: &built, seconds: started.elapsed().as_secs_f64() });
    Some(paths)
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_placard_reads_start_a_round() {
        let out = Path::new("/p/dist");
        assert!(relevant(Path::new("/p/locales/pl/main.ftl"), Some(out)));
        assert!(relevant(Path::new("/p/assets/templates/card.yaml"), Some(out)));
        assert!(relevant(Path::new("/p/assets/fonts/NotoSans-Regular.ttf"), Some(out)));
        let folder = std::env::temp_dir();
        assert!(relevant(&folder, Some(out)), "a new locale folder");
        assert!(!relevant(Path::new("/p/locales/pl/sedX4Fq2"), Some(out)), "sed's temporary file");
        assert!(!relevant(Path::new("/p/dist/pl/card.png"), Some(out)), "our own output");
        assert!(!relevant(Path::new("/p/.dist.staging-42/pl/card.png"), Some(out)), "staging");
        assert!(!relevant(Path::new("/p/locales/pl/.main.ftl.swp"), Some(out)), "an editor's swap file");
        assert!(!relevant(Path::new("/p/locales/pl/main.ftl~"), Some(out)));
        assert!(!relevant(Path::new("/p/locales/pl/notes.txt"), Some(out)));
        let hidden_checkout = Path::new("/tmp/.tmpA1/dist");
        assert!(relevant(Path::new("/tmp/.tmpA1/locales/ar/card.ftl"), Some(hidden_checkout)));
        assert!(!relevant(Path::new("/tmp/.tmpA1/.dist.lock"), Some(hidden_checkout)));
    }
}
