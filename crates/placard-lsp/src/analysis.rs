//! One locale checked as `placard lint --locale L` checks it, with the editor's unsaved text in
//! place of the files it holds: the same stage, the same text checks, the same composition and
//! layout checks ([`placard_build::lint_with`]); only the inputs read once (fonts, templates,
//! images) are kept between changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use placard_build::{Inputs, Linted};
use placard_core::{Diagnostic, Severity};
use placard_pipeline::{Config, Workspace};

use crate::convert::Lines;

/// The project as the server keeps it: pipeline.yaml read and the layout checks' inputs loaded.
#[derive(Debug)]
pub struct Project {
    pub config: Config,
    pub inputs: Option<Inputs>,
    /// `config.root`, absolute and with links resolved, as the editor's paths are compared with it.
    pub root: PathBuf,
    /// `config.locales_dir` the same way (it may lie outside the root).
    locales: PathBuf,
    /// The locale folders' display path (`locales`, or `../elsewhere/locales`), as findings name files.
    locales_display: String,
}

/// Why the project cannot be checked: the same faults `placard lint` would stop on (exit 2).
#[derive(Debug)]
pub struct Unusable {
    pub faults: Vec<Fault>,
}

/// One fault: the file (absolute, when known), 1-based line and column, and what is wrong.
pub type Fault = (Option<PathBuf>, Option<u64>, Option<u64>, String);

impl Project {
    pub fn load(config_path: &Path) -> Result<Project, Unusable> {
        let config = Config::load(config_path).map_err(|e| unusable_pipeline(&e))?;
        let inputs = placard_build::layout_inputs(&config).map_err(|e| unusable_build(&e))?;
        let root = resolve(&config.root);
        let locales = resolve(&config.locales_dir);
        let locales_display = placard_pipeline::relative(&config.locales_dir, &config.root);
        Ok(Project { config, inputs, root, locales, locales_display })
    }

    /// The locale folder an absolute `path` is in, and the file's display path
    /// (`locales/pl/main.ftl`), when it is a `.ftl` file of one.
    pub fn locale_file(&self, path: &Path) -> Option<(String, String)> {
        let resolved = resolve(path);
        let rel = resolved.strip_prefix(&self.locales).ok()?;
        let parts: Vec<&str> = rel.iter().map(|p| p.to_str()).collect::<Option<_>>()?;
        let (code, inside) = parts.split_first()?;
        if inside.is_empty() || !parts.last()?.ends_with(".ftl") {
            return None;
        }
        let display = if self.locales_display == "." {
            parts.join("/")
        } else {
            format!("{}/{}", self.locales_display, parts.join("/"))
        };
        Some(((*code).to_owned(), display))
    }

    /// The absolute path of a display path, links resolved as the editor's paths are
    /// ([`resolve`]), so a finding lands on the open document it is about.
    pub fn path(&self, display: &str) -> PathBuf {
        resolve(&self.lexical(display))
    }

    /// `display` joined to the root, `..` taken back, links kept.
    fn lexical(&self, display: &str) -> PathBuf {
        let mut out = self.root.clone();
        for part in display.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    out.pop();
                }
                part => out.push(part),
            }
        }
        out
    }

    /// Checks `locale` with `edits` (display path → unsaved text) read in place of those files.
    pub fn analyse(&self, locale: &str, edits: BTreeMap<String, String>) -> Result<Analysis, Unusable> {
        let workspace = Workspace::load_edited(self.config.clone(), &[locale.to_owned()], edits)
            .map_err(|e| unusable_pipeline(&e))?;
        let linted =
            placard_build::lint_with(&workspace, self.inputs.as_ref(), false).map_err(|e| unusable_build(&e))?;
        Ok(Analysis { locale: locale.to_owned(), workspace, linted })
    }
}

/// `path` with its folder's links resolved (the file itself may not exist yet).
pub fn resolve(path: &Path) -> PathBuf {
    if let Ok(full) = std::fs::canonicalize(path) {
        return full;
    }
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir).map_or_else(|_| path.to_owned(), |d| d.join(name)),
        _ => path.to_owned(),
    }
}

fn unusable_pipeline(error: &placard_pipeline::Error) -> Unusable {
    Unusable {
        faults: error
            .faults()
            .iter()
            .map(|f| {
                let at = f.location();
                (at.map(|(p, _, _)| p.to_owned()), at.and_then(|a| a.1), at.and_then(|a| a.2), f.detail())
            })
            .collect(),
    }
}

fn unusable_build(error: &placard_build::BuildError) -> Unusable {
    if let placard_build::BuildError::Pipeline(e) = error {
        return unusable_pipeline(e);
    }
    let at = error.location();
    Unusable {
        faults: vec![(at.map(|(p, _, _)| p.to_owned()), at.and_then(|a| a.1), at.and_then(|a| a.2), error.detail())],
    }
}

/// What one check of a locale found, and what it laid out.
#[derive(Debug)]
pub struct Analysis {
    pub locale: String,
    pub workspace: Workspace,
    pub linted: Linted,
}

/// A finding as the editor shows it, for one file.
pub type Published = BTreeMap<String, Vec<lsp_types::Diagnostic>>;

impl Analysis {
    /// Every finding of the run, by the display path of the file it is in, as protocol
    /// diagnostics; `text_of` gives a file's text (the editor's, else the disk's), `uri_of` the
    /// URI of a path (the editor's own for an open document).
    pub fn diagnostics(
        &self,
        project: &Project,
        text_of: &dyn Fn(&str) -> Option<String>,
        uri_of: &dyn Fn(&Path) -> Option<lsp_types::Uri>,
    ) -> Published {
        let mut texts: BTreeMap<String, Option<String>> = BTreeMap::new();
        let mut text = |file: &str| texts.entry(file.to_owned()).or_insert_with(|| text_of(file)).clone();
        let mut out: Published = BTreeMap::new();
        for d in &self.linted.report.diagnostics {
            // Another locale's finding (none with one locale selected) is not this run's to show.
            if d.locale.as_deref().is_some_and(|l| l != self.locale) {
                continue;
            }
            let file = d.file.clone().unwrap_or_else(|| project.config.display_path());
            let range = range_of(d.span.clone(), d.line, d.column, text(&file).as_deref());
            let related = d
                .related
                .iter()
                .filter_map(|r| {
                    let rfile = r.file.clone().unwrap_or_else(|| file.clone());
                    let uri = uri_of(&project.path(&rfile))?;
                    let range = range_of(r.span.clone(), r.line, r.column, text(&rfile).as_deref());
                    Some(lsp_types::DiagnosticRelatedInformation {
                        location: lsp_types::Location { uri, range },
                        message: r.message.clone(),
                    })
                })
                .collect::<Vec<_>>();
            out.entry(file).or_default().push(protocol(d, range, related));
        }
        out
    }
}

/// Where a finding is shown: its span, else its line and column, else the file's first line.
fn range_of(
    span: Option<std::ops::Range<usize>>,
    line: Option<u32>,
    column: Option<u32>,
    text: Option<&str>,
) -> lsp_types::Range {
    let Some(text) = text else {
        let at = lsp_types::Position {
            line: line.map_or(0, |l| l.saturating_sub(1)),
            character: column.map_or(0, |c| c.saturating_sub(1)),
        };
        return lsp_types::Range { start: at, end: at };
    };
    let lines = Lines::new(text);
    match (span, line) {
        (Some(span), _) => lines.range(span),
        (None, Some(line)) => lines.at_line_column(line, column),
        (None, None) => lines.first_line(),
    }
}

/// `d` as the protocol has it: code, severity, the message with its hint, and what a code
/// action needs to know about it (`data`).
fn protocol(
    d: &Diagnostic,
    range: lsp_types::Range,
    related: Vec<lsp_types::DiagnosticRelatedInformation>,
) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    if let Some(template) = &d.template {
        message.push_str(&format!(" (template {template}"));
        if let Some(layer) = &d.layer {
            message.push_str(&format!(", {layer}"));
        }
        message.push(')');
    }
    if let Some(hint) = &d.hint {
        message.push_str("\nhelp: ");
        message.push_str(hint);
    }
    lsp_types::Diagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => lsp_types::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp_types::DiagnosticSeverity::WARNING,
        }),
        code: Some(lsp_types::NumberOrString::String(d.code.as_str().to_owned())),
        code_description: None,
        source: Some("placard".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(serde_json::json!({ "code": d.code.as_str(), "message_id": d.message_id })),
    }
}
