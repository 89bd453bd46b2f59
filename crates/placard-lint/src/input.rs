//! What the caller hands the linter: parsed files grouped by locale, with the paths to show.

use placard_core::Locale;
use placard_fluent::{EncodingProblem, ParsedFile};

/// One `.ftl` file of a locale.
#[derive(Debug)]
pub struct FileInput<'a> {
    /// Path relative to the locale folder, with `/`: the key files are compared by.
    pub path: &'a str,
    /// Path to show in diagnostics (relative to the config's folder, with `/`).
    pub display: &'a str,
    pub parsed: &'a ParsedFile,
    /// What was wrong with the file's bytes (invalid UTF-8, UTF-16, CR line endings), as
    /// [`placard_fluent::decode`] found it.
    pub encoding: &'a [EncodingProblem],
}

/// One locale's files, sorted by path.
#[derive(Debug)]
pub struct LocaleInput<'a> {
    /// The locale's code, as the folder is named: what findings carry (`locale.code()`).
    pub code: &'a str,
    /// The tag the code stands for, with its direction and script.
    pub locale: &'a Locale,
    /// The locale folder as shown in diagnostics (relative to the config's folder, with `/`).
    pub display_dir: &'a str,
    pub files: Vec<FileInput<'a>>,
}

impl LocaleInput<'_> {
    /// The display path a file at `path` (relative to the locale folder) has or would have.
    pub fn display_path(&self, path: &str) -> String {
        if self.display_dir.is_empty() || self.display_dir == "." {
            path.to_owned()
        } else {
            format!("{}/{}", self.display_dir, path)
        }
    }
}
