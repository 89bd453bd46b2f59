//! The locale folders on disk: found, validated, read and parsed (in parallel), then handed to
//! the linter. Folder problems (`invalid-locale`, `missing-locale`) are diagnostics; only an
//! unreadable folder or file is an [`Error`]. Each folder's code is parsed once into a
//! [`Locale`] (with `locales.aliases` and Mozilla's legacy codes); `locales.exclude` folders are
//! not looked at.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use placard_core::{Code, Diagnostic, Locale, format_bytes};
use placard_fluent::ast::Entry;
use placard_fluent::pseudo::{Pseudo, pseudo_source};
use placard_fluent::{Catalog, EncodingProblem, FileEntries, ParsedFile, decode};
use placard_lint::{FileInput, LocaleInput};
use rayon::prelude::*;

use crate::config::ConfiguredLocale;
use crate::paths::relative;
use crate::{Config, Error};

/// One `.ftl` file, read and parsed.
#[derive(Debug)]
pub struct LoadedFile {
    /// Relative to the locale folder, with `/`.
    pub path: String,
    /// Relative to the config's folder, with `/`.
    pub display: String,
    pub parsed: ParsedFile,
    /// What was wrong with its bytes (invalid UTF-8, UTF-16, CR line endings).
    pub encoding: Vec<EncodingProblem>,
    /// When the file was last changed, as the file system says (`placard status` shows it).
    pub modified: Option<SystemTime>,
}

/// One locale folder, read: its files sorted by path.
#[derive(Debug)]
pub struct LoadedLocale {
    /// The folder's name, which findings carry.
    pub code: String,
    /// The tag it stands for, with direction and script.
    pub locale: Locale,
    pub display_dir: String,
    pub files: Vec<LoadedFile>,
}

/// One locale folder, found: its `.ftl` files listed, not yet read.
#[derive(Debug)]
pub struct LocaleFolder {
    /// The folder's name, which findings carry.
    pub code: String,
    /// The tag it stands for, with direction and script.
    pub locale: Locale,
    pub display_dir: String,
    /// Each `.ftl` file: where it is, and its path relative to the folder (with `/`), sorted.
    files: Vec<(PathBuf, String)>,
}

impl LocaleFolder {
    /// Where each of the folder's `.ftl` files is (edited files not yet saved included), sorted.
    pub fn files(&self) -> impl Iterator<Item = &Path> {
        self.files.iter().map(|(path, _)| path.as_path())
    }
}

/// Everything `placard lint` looks at.
#[derive(Debug)]
pub struct Workspace {
    pub config: Config,
    /// The locale folders to read (the selected ones and the reference, when its folder
    /// exists), sorted by code. The stage ([`Workspace::check`]) reads and parses each.
    pub locales: Vec<LocaleFolder>,
    /// The locales whose parsed files are kept for the whole run: the reference (every
    /// translation is compared with it) and the pseudo-locales made from it.
    kept: Vec<LoadedLocale>,
    /// The codes to report on (all loaded ones, or those `--locale` asked for).
    pub selected: BTreeSet<String>,
    /// Problems with folders and configured locales, found while loading.
    pub diagnostics: Vec<Diagnostic>,
    /// The pseudo-locales added by [`Workspace::add_pseudo_locales`] (also in `locales` and
    /// `selected`): made from the reference, so only the layout checks apply to them.
    pub pseudo: BTreeSet<String>,
    /// Text an editor holds for files, by display path (`locales/pl/main.ftl`), read instead of
    /// the file on disk: what `placard lsp` checks while a translator types, before saving.
    edits: BTreeMap<String, String>,
}

impl Workspace {
    /// Finds the locales `config` names, restricted to `filter` when it is not empty, and reads
    /// and parses their files.
    pub fn load(config: Config, filter: &[String]) -> Result<Workspace, Error> {
        Workspace::load_edited(config, filter, BTreeMap::new())
    }

    /// [`Workspace::load`], with `edits` (display path → text, e.g. an editor's unsaved
    /// buffers) read in place of those files; an edited `.ftl` file that is not on disk yet is
    /// part of its locale's folder. Everything else is what `load` does: the same stage checks
    /// the edited text as it would check the saved file.
    pub fn load_edited(config: Config, filter: &[String], edits: BTreeMap<String, String>) -> Result<Workspace, Error> {
        let mut diagnostics = Vec::new();
        let config_file = config.display_path();
        let display_root = relative(&config.locales_dir, &config.root);
        let (folders, linked) = locale_folders(&config.locales_dir)?;
        for name in linked {
            diagnostics.push(symlink_warning(join(&display_root, &name), None));
        }

        let excluded: BTreeSet<&str> = config.exclude.iter().map(|l| l.code.as_str()).collect();
        // Each folder's code, parsed once.
        let mut parsed: BTreeMap<String, Locale> = BTreeMap::new();
        for name in folders.iter().filter(|name| !excluded.contains(name.as_str())) {
            if let Ok(locale) = config.locale(name) {
                parsed.insert(name.clone(), locale);
            } else {
                diagnostics.push(
                    Diagnostic::error(
                        Code::InvalidLocale,
                        format!("folder `{name}` is not a valid BCP 47 language tag"),
                    )
                    .file(join(&display_root, name))
                    .hint(
                        "Name locale folders by their language tag with hyphens: `pt-BR`, `zh-Hans`, `gd`. \
                         A code that stands for a tag goes in locales.aliases (`ja-JP-mac: ja-JP`); \
                         a folder that is no locale, in locales.exclude.",
                    ),
                );
            }
        }
        let valid: BTreeSet<String> = parsed.keys().cloned().collect();
        diagnostics.extend(same_tag_folders(&valid, &display_root));

        let configured_problem = |locale: &ConfiguredLocale, what: &str| -> Option<Diagnostic> {
            let at = |d: Diagnostic| {
                let mut d = d.file(&config_file);
                d.line = Some(locale.line);
                d.column = Some(locale.column);
                Some(d)
            };
            if config.locale(&locale.code).is_err() {
                at(Diagnostic::error(
                    Code::InvalidLocale,
                    format!("{what} `{}` is not a valid BCP 47 language tag", locale.code),
                ))
            } else if excluded.contains(locale.code.as_str()) {
                at(Diagnostic::error(
                    Code::MissingLocale,
                    format!("{what} `{}` is in locales.exclude, so it is not read", locale.code),
                )
                .locale(&locale.code))
            } else if !valid.contains(&locale.code) {
                at(Diagnostic::error(
                    Code::MissingLocale,
                    format!("{what} `{}` has no folder in {display_root}", locale.code),
                )
                .locale(&locale.code)
                .hint(format!("Create {} or remove the locale from pipeline.yaml.", join(&display_root, &locale.code))))
            } else {
                None
            }
        };
        let reference_ok = match configured_problem(&config.reference, "reference locale") {
            Some(d) => {
                diagnostics.push(d);
                false
            }
            None => true,
        };
        let mut wanted: BTreeSet<String> = match &config.only {
            Some(only) => {
                let mut wanted = BTreeSet::new();
                for locale in only {
                    match configured_problem(locale, "locale") {
                        Some(d) => diagnostics.push(d),
                        None => {
                            wanted.insert(locale.code.clone());
                        }
                    }
                }
                wanted
            }
            None => valid.clone(),
        };
        if reference_ok {
            wanted.insert(config.reference.code.clone());
        }
        let selected: BTreeSet<String> = if filter.is_empty() {
            wanted.clone()
        } else {
            for code in filter.iter().filter(|c| !wanted.contains(*c)) {
                diagnostics.push(
                    Diagnostic::error(Code::MissingLocale, format!("--locale {code}: no such locale in this project"))
                        .locale(code)
                        .hint(format!("Known locales: {}", wanted.iter().cloned().collect::<Vec<_>>().join(", "))),
                );
            }
            filter.iter().filter(|c| wanted.contains(*c)).cloned().collect()
        };
        let mut to_load: BTreeSet<String> = selected.clone();
        if reference_ok {
            to_load.insert(config.reference.code.clone());
        }

        // Every folder's files are listed now; the reference is read and parsed now (every
        // translation is compared with it), the others one by one in the stage.
        let mut locales = Vec::new();
        for code in &to_load {
            let dir = config.locales_dir.join(code);
            let display_dir = join(&display_root, code);
            let mut found = ftl_files(&dir)?;
            let prefix = format!("{display_dir}/");
            for display in edits.keys() {
                if let Some(rel) = display.strip_prefix(&prefix).filter(|rel| rel.ends_with(".ftl"))
                    && !found.files.iter().any(|(_, r)| r == rel)
                {
                    found.files.push((dir.join(rel), rel.to_owned()));
                }
            }
            found.files.sort_by(|a, b| a.1.cmp(&b.1));
            for rel in found.links {
                diagnostics.push(symlink_warning(format!("{display_dir}/{rel}"), Some(code)));
            }
            let locale = parsed.remove(code).expect("only valid folders are loaded");
            locales.push(LocaleFolder { code: code.clone(), locale, display_dir, files: found.files });
        }
        let mut workspace =
            Workspace { config, locales, kept: Vec::new(), selected, diagnostics, pseudo: BTreeSet::new(), edits };
        if reference_ok {
            let reference = workspace.read(&workspace.config.reference.code, true)?;
            workspace.kept.push(reference);
        }
        Ok(workspace)
    }

    /// Reads and parses the files of the folder `code` (in parallel when `parallel` is set),
    /// refusing a file or a locale over the limits.
    pub(crate) fn read(&self, code: &str, parallel: bool) -> Result<LoadedLocale, Error> {
        let folder = self.locales.iter().find(|l| l.code == code).expect("a found locale folder");
        let limits = &self.config.limits;
        let read = |(path, rel): &(PathBuf, String)| {
            let display = format!("{}/{rel}", folder.display_dir);
            let (bytes, modified) = match self.edits.get(&display) {
                Some(text) => (edited(path, text, limits.ftl_file_bytes)?, None),
                None => read_ftl(path, limits.ftl_file_bytes)?,
            };
            let decoded = decode(bytes);
            Ok(LoadedFile {
                display,
                path: rel.clone(),
                encoding: decoded.problems,
                parsed: ParsedFile::parse_with(decoded.text, limits),
                modified,
            })
        };
        let files: Vec<Result<LoadedFile, Error>> = if parallel {
            folder.files.par_iter().map(read).collect()
        } else {
            folder.files.iter().map(read).collect()
        };
        let files = files.into_iter().collect::<Result<Vec<_>, Error>>()?;
        let locale = LoadedLocale {
            code: folder.code.clone(),
            locale: folder.locale.clone(),
            display_dir: folder.display_dir.clone(),
            files,
        };
        check_message_count(&locale, &self.config)?;
        Ok(locale)
    }

    /// The reference locale's files, parsed, when its folder exists.
    pub fn reference(&self) -> Option<&LoadedLocale> {
        self.kept(&self.config.reference.code)
    }

    /// A locale whose parsed files the workspace keeps (the reference, a pseudo-locale).
    pub(crate) fn kept(&self, code: &str) -> Option<&LoadedLocale> {
        self.kept.iter().find(|l| l.code == code)
    }

    /// Adds the pseudo-locales `en-XA` (accented, about 40% longer) and `ar-XB` (the same, right
    /// to left), made from the reference's files, and selects them, so that a build or the layout
    /// checks show how every template copes with longer and mirrored text. Reference files with
    /// syntax errors are left out of them.
    pub fn add_pseudo_locales(&mut self) -> Result<(), Error> {
        let reference = &self.config.reference.code;
        let Some(source) = self.reference() else {
            return Err(Error::Refused {
                message: format!(
                    "--pseudo: the reference locale {reference} has no folder to make pseudo-locales from"
                ),
            });
        };
        let mut made = Vec::new();
        for pseudo in Pseudo::ALL {
            let code = pseudo.code();
            if self.locales.iter().any(|l| l.code == code) || self.config.locales_dir.join(code).exists() {
                return Err(Error::Refused {
                    message: format!("--pseudo: {code} is a real locale folder here; rename it to use --pseudo"),
                });
            }
            let files = source
                .files
                .iter()
                .filter_map(|file| {
                    let text = pseudo_source(&file.parsed, pseudo)?;
                    Some(LoadedFile {
                        path: file.path.clone(),
                        display: format!("{code} (pseudo-locale from {})/{}", source.display_dir, file.path),
                        parsed: ParsedFile::parse_with(text, &self.config.limits),
                        encoding: Vec::new(),
                        modified: None,
                    })
                })
                .collect();
            made.push(LoadedLocale {
                code: code.to_owned(),
                locale: Locale::parse(code).expect("pseudo-locale codes are tags"),
                display_dir: format!("{code} (pseudo)"),
                files,
            });
        }
        for locale in made {
            self.selected.insert(locale.code.clone());
            self.pseudo.insert(locale.code.clone());
            self.locales.push(LocaleFolder {
                code: locale.code.clone(),
                locale: locale.locale.clone(),
                display_dir: locale.display_dir.clone(),
                files: Vec::new(),
            });
            self.kept.push(locale);
        }
        self.locales.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(())
    }

    /// Messages and terms `code` defines (each id counted once per file, as lint counts them),
    /// when the workspace keeps that locale parsed: the reference does, when its folder exists.
    pub fn message_count(&self, code: &str) -> Option<usize> {
        let locale = self.kept(code)?;
        let catalog = Catalog::new(locale.files.iter().map(|f| (f.path.as_str(), &f.parsed)));
        Some(catalog.files().iter().map(FileEntries::unique_len).sum())
    }

    /// The locale of folder `code`, when it is one to read (pseudo-locales included).
    pub fn locale(&self, code: &str) -> Option<&Locale> {
        self.locales.iter().find(|l| l.code == code).map(|l| &l.locale)
    }

    /// Whether `code`'s text is set right to left: its loaded locale's direction, else what
    /// pipeline.yaml's aliases and the legacy codes make of the code.
    pub fn is_rtl(&self, code: &str) -> bool {
        match self.locale(code) {
            Some(locale) => locale.is_rtl(),
            None => self.config.locale(code).is_ok_and(|l| l.is_rtl()),
        }
    }

    /// `rtl` or `ltr` for `code` (an HTML `dir` attribute): see [`Workspace::is_rtl`].
    pub fn direction(&self, code: &str) -> &'static str {
        if self.is_rtl(code) { "rtl" } else { "ltr" }
    }
}

pub(crate) fn input(locale: &LoadedLocale) -> LocaleInput<'_> {
    LocaleInput {
        code: &locale.code,
        locale: &locale.locale,
        display_dir: &locale.display_dir,
        files: locale
            .files
            .iter()
            .map(|f| FileInput { path: &f.path, display: &f.display, parsed: &f.parsed, encoding: &f.encoding })
            .collect(),
    }
}

fn join(dir: &str, name: &str) -> String {
    if dir == "." { name.to_owned() } else { format!("{dir}/{name}") }
}

/// One tag, two folders (`de` and `DE`: tags are case-insensitive): an error naming both, since
/// an application would pick either. Both are still checked, each under its own name.
fn same_tag_folders(valid: &BTreeSet<String>, display_root: &str) -> Vec<Diagnostic> {
    let mut by_tag: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for name in valid {
        by_tag.entry(name.to_ascii_lowercase()).or_default().push(name);
    }
    by_tag
        .values()
        .filter(|names| names.len() > 1)
        .map(|names| {
            let listed = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(" and ");
            let tag = Locale::parse(names[0]).map_or_else(|_| names[0].to_owned(), |l| l.tag());
            Diagnostic::error(
                Code::InvalidLocale,
                format!("folders {listed} are one language tag, `{tag}` (tags are case-insensitive)"),
            )
            .file(join(display_root, names[names.len() - 1]))
            .hint(format!("Keep one folder, `{tag}`: merge the translations into it and remove the other."))
        })
        .collect()
}

/// Reads the `.ftl` file at `path`, refusing one over `limit` bytes (`limits.ftl_file_mib`:
/// Thunderbird's whole en-US tree is under 2 MiB, so a bigger file is a mistake or an attack,
/// and parsing it would hold up every translator's CI).
/// Returns the bytes and the file's modification time.
/// An editor's text for `path`, held to the same limit as a file read from disk.
fn edited(path: &Path, text: &str, limit: u64) -> Result<Vec<u8>, Error> {
    if text.len() as u64 > limit {
        return Err(over_limit(path, limit));
    }
    Ok(text.as_bytes().to_vec())
}

fn over_limit(path: &Path, limit: u64) -> Error {
    Error::Config {
        path: path.to_owned(),
        line: None,
        column: None,
        message: format!(
            "the file is over {}, the limit for a .ftl file (limits.ftl_file_mib in pipeline.yaml)",
            format_bytes(limit)
        ),
    }
}

fn read_ftl(path: &Path, limit: u64) -> Result<(Vec<u8>, Option<SystemTime>), Error> {
    use std::io::Read;
    let io = |source| Error::Io { path: path.to_owned(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let metadata = file.metadata().ok();
    let modified = metadata.as_ref().and_then(|m| m.modified().ok());
    // Sized from the file's length (one read, not a doubling series of them), and one byte past
    // the limit is read, so a file that grows while it is read is caught too.
    let expected = metadata.map_or(0, |m| m.len()).min(limit) + 1;
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(over_limit(path, limit));
    }
    Ok((bytes, modified))
}

/// Refuses a locale with more messages and terms than `limits.messages_per_locale`, naming the
/// file that takes it past the limit.
fn check_message_count(locale: &LoadedLocale, config: &Config) -> Result<(), Error> {
    let limit = config.limits.messages_per_locale;
    let mut count = 0usize;
    for file in &locale.files {
        count += file.parsed.ast().body.iter().filter(|e| matches!(e, Entry::Message(_) | Entry::Term(_))).count();
        if count > limit {
            return Err(Error::Config {
                path: PathBuf::from(&file.display),
                line: None,
                column: None,
                message: format!(
                    "locale {} has more than {limit} messages and terms with this file, the limit for one locale \
                     (limits.messages_per_locale in pipeline.yaml)",
                    locale.code
                ),
            });
        }
    }
    Ok(())
}

fn symlink_warning(display: String, locale: Option<&str>) -> Diagnostic {
    let d =
        Diagnostic::warning(Code::Symlink, "this is a symbolic link; Placard does not follow links in locale folders")
            .file(display)
            .hint("Replace the link with the file or folder itself, or remove it.");
    match locale {
        Some(code) => d.locale(code),
        None => d,
    }
}

/// The sub-folders of the locales folder, sorted, and the symbolic links among its entries
/// (not followed); hidden entries are skipped.
fn locale_folders(dir: &Path) -> Result<(Vec<String>, Vec<String>), Error> {
    let io = |source| Error::Io { path: dir.to_owned(), source };
    let (mut names, mut links) = (Vec::new(), Vec::new());
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let kind = entry.file_type().map_err(io)?;
        if kind.is_dir() {
            names.push(name);
        } else if kind.is_symlink() {
            links.push(name);
        }
    }
    names.sort();
    links.sort();
    Ok((names, links))
}

/// What [`ftl_files`] found under a locale folder.
struct Found {
    /// Every `.ftl` file, with its path relative to the folder (with `/`), sorted by that.
    files: Vec<(PathBuf, String)>,
    /// Every symbolic link, relative to the folder, sorted: none is followed, so a locale folder
    /// cannot reach outside itself.
    links: Vec<String>,
}

/// Every `.ftl` file under `root`, recursively, and every symbolic link (not followed).
fn ftl_files(root: &Path) -> Result<Found, Error> {
    let mut found = Found { files: Vec::new(), links: Vec::new() };
    let mut stack = vec![(root.to_owned(), String::new())];
    while let Some((dir, prefix)) = stack.pop() {
        let io = |source| Error::Io { path: dir.clone(), source };
        for entry in std::fs::read_dir(&dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            let kind = entry.file_type().map_err(io)?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = format!("{prefix}{name}");
            if kind.is_dir() {
                stack.push((entry.path(), format!("{rel}/")));
            } else if kind.is_file() && name.ends_with(".ftl") {
                found.files.push((entry.path(), rel));
            } else if kind.is_symlink() {
                found.links.push(rel);
            }
        }
    }
    found.files.sort_by(|a, b| a.1.cmp(&b.1));
    found.links.sort();
    Ok(found)
}
