//! The protocol: what the server offers, the message loop, and publishing findings.
//!
//! Changes are taken as whole documents (full sync: `.ftl` files are small). Every message
//! waiting is handled before a locale is checked again, so a burst of keystrokes costs one check,
//! of the text as it stands after the last of them; requests are answered from a check of the
//! current text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use lsp_server::{Connection, Message, Notification, ProtocolError, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, GotoDefinition, HoverRequest, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionProviderCapability, Diagnostic,
    GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverContents, HoverParams, HoverProviderCapability, Location,
    MarkupContent, MarkupKind, OneOf, Position, PublishDiagnosticsParams, Range, SaveOptions, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit,
    Uri, WorkspaceEdit,
};
use placard_fluent::ParsedFile;

use crate::actions;
use crate::analysis::{Analysis, Project, Unusable, resolve};
use crate::convert::{Lines, path_from_uri, uri_from_path};
use crate::navigate::{Kind, Symbol, find, symbol_at};

/// What the server offers: full-document sync with save notices, hover, go to definition and
/// quick fixes.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    }
}

/// Runs the server on `connection` until the client shuts it down. `config` is pipeline.yaml's
/// path; a relative one is taken from the client's workspace folder (else the current folder).
pub fn serve(connection: &Connection, config: &Path) -> Result<(), ProtocolError> {
    let capabilities = serde_json::to_value(capabilities()).expect("capabilities serialise");
    let params = connection.initialize(capabilities)?;
    let params: lsp_types::InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let folder = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.clone())
        .or_else(|| {
            #[allow(deprecated)]
            params.root_uri.clone()
        })
        .and_then(|uri| path_from_uri(&uri));
    let config = match folder {
        Some(folder) if config.is_relative() => folder.join(config),
        _ => std::path::absolute(config).unwrap_or_else(|_| config.to_owned()),
    };
    let mut server = Server::new(connection, config);
    server.run()
}

/// One open document.
struct Document {
    uri: Uri,
    version: i32,
    text: String,
}

struct Server<'c> {
    connection: &'c Connection,
    config: PathBuf,
    project: Result<Project, Unusable>,
    /// Open documents by absolute path.
    documents: BTreeMap<PathBuf, Document>,
    /// The last check of each locale with an open document.
    analyses: BTreeMap<String, Analysis>,
    /// Locales whose text changed since their last check.
    dirty: BTreeSet<String>,
    /// What each check said about each file (by absolute path): per locale checked, or
    /// `""` for the project's own faults.
    findings: BTreeMap<PathBuf, BTreeMap<String, Vec<Diagnostic>>>,
    /// What the client was last sent for each file.
    sent: BTreeMap<PathBuf, Vec<Diagnostic>>,
}

impl<'c> Server<'c> {
    fn new(connection: &'c Connection, config: PathBuf) -> Server<'c> {
        let project = Project::load(&config);
        let mut server = Server {
            connection,
            config,
            project,
            documents: BTreeMap::new(),
            analyses: BTreeMap::new(),
            dirty: BTreeSet::new(),
            findings: BTreeMap::new(),
            sent: BTreeMap::new(),
        };
        server.show_project_faults();
        server
    }

    fn run(&mut self) -> Result<(), ProtocolError> {
        loop {
            let message = if self.dirty.is_empty() {
                match self.connection.receiver.recv() {
                    Ok(message) => message,
                    Err(_) => return Ok(()),
                }
            } else {
                match self.connection.receiver.try_recv() {
                    Ok(message) => message,
                    Err(_) => {
                        self.check_dirty();
                        continue;
                    }
                }
            };
            match message {
                Message::Request(request) => {
                    if self.connection.handle_shutdown(&request)? {
                        return Ok(());
                    }
                    self.check_dirty();
                    let response = self.answer(request);
                    self.send(Message::Response(response));
                }
                Message::Notification(notification) => {
                    if notification.method == "exit" {
                        return Ok(());
                    }
                    self.notified(notification);
                }
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, message: Message) {
        // The client has gone when this fails; the loop ends at the next receive.
        let _ = self.connection.sender.send(message);
    }

    fn notified(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(params) =
                    notification.extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                else {
                    return;
                };
                let document = params.text_document;
                if let Some(path) = path_from_uri(&document.uri).map(|p| resolve(&p)) {
                    self.documents.insert(
                        path.clone(),
                        Document { uri: document.uri, version: document.version, text: document.text },
                    );
                    self.changed(&path);
                }
            }
            DidChangeTextDocument::METHOD => {
                let Ok(mut params) =
                    notification.extract::<lsp_types::DidChangeTextDocumentParams>(DidChangeTextDocument::METHOD)
                else {
                    return;
                };
                let Some(path) = path_from_uri(&params.text_document.uri).map(|p| resolve(&p)) else { return };
                // Full sync: the last change holds the whole text.
                if let (Some(document), Some(change)) = (self.documents.get_mut(&path), params.content_changes.pop()) {
                    document.text = change.text;
                    document.version = params.text_document.version;
                    self.changed(&path);
                }
            }
            DidCloseTextDocument::METHOD => {
                let Ok(params) =
                    notification.extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                else {
                    return;
                };
                if let Some(path) = path_from_uri(&params.text_document.uri).map(|p| resolve(&p)) {
                    self.documents.remove(&path);
                    // What is on disk is checked now; a locale with no open file is let go.
                    self.changed(&path);
                }
            }
            DidSaveTextDocument::METHOD => {
                let Ok(params) =
                    notification.extract::<lsp_types::DidSaveTextDocumentParams>(DidSaveTextDocument::METHOD)
                else {
                    return;
                };
                let Some(path) = path_from_uri(&params.text_document.uri).map(|p| resolve(&p)) else { return };
                let is_translation = self.locale_of(&path).is_some();
                if !is_translation {
                    // pipeline.yaml, a template, a font or an image: read the project again.
                    self.project = Project::load(&self.config);
                    self.show_project_faults();
                    self.dirty.extend(self.open_locales());
                }
            }
            _ => {}
        }
    }

    /// The locale folder of a path, when it is a translation file of the project.
    fn locale_of(&self, path: &Path) -> Option<String> {
        self.project.as_ref().ok()?.locale_file(path).map(|(code, _)| code)
    }

    /// The locales with an open document.
    fn open_locales(&self) -> BTreeSet<String> {
        self.documents.keys().filter_map(|p| self.locale_of(p)).collect()
    }

    /// `path`'s text changed (opened, edited or closed): its locale is checked again, and every
    /// open locale when it is the reference (completeness is against the reference).
    fn changed(&mut self, path: &Path) {
        let Some(locale) = self.locale_of(path) else { return };
        let is_reference = self.project.as_ref().is_ok_and(|p| p.config.reference.code == locale);
        if is_reference {
            self.dirty.extend(self.open_locales());
        }
        self.dirty.insert(locale);
    }

    /// Checks every locale whose text changed, and publishes what changed in the findings.
    fn check_dirty(&mut self) {
        let dirty = std::mem::take(&mut self.dirty);
        let Ok(project) = &self.project else { return };
        let open = self.open_locales();
        let edits: BTreeMap<String, String> = self
            .documents
            .iter()
            .filter_map(|(path, d)| Some((project.locale_file(path)?.1, d.text.clone())))
            .collect();
        // Each locale checked: its analysis (none once no file of it is open) and its findings.
        let mut checked = Vec::new();
        for locale in dirty {
            if !open.contains(&locale) {
                checked.push((locale, None, Vec::new()));
                continue;
            }
            match project.analyse(&locale, edits.clone()) {
                Ok(analysis) => {
                    let text_of = |display: &str| self.text_of(&project.path(display));
                    let uri_of = |path: &Path| self.uri_of(path);
                    let published = analysis.diagnostics(project, &text_of, &uri_of);
                    let found = published.into_iter().map(|(display, found)| (project.path(&display), found)).collect();
                    checked.push((locale, Some(analysis), found));
                }
                Err(unusable) => checked.push((locale, None, unusable_diagnostics(&unusable, &self.config))),
            }
        }
        // Every open file of a checked locale hears the outcome, a clean one too.
        let mut touched: BTreeSet<PathBuf> = BTreeSet::new();
        for (locale, _, _) in &checked {
            touched.extend(self.documents.keys().filter(|p| self.locale_of(p).as_ref() == Some(locale)).cloned());
        }
        for (locale, analysis, found) in checked {
            for (path, by_check) in &mut self.findings {
                if by_check.remove(&locale).is_some() {
                    touched.insert(path.clone());
                }
            }
            match analysis {
                Some(analysis) => self.analyses.insert(locale.clone(), analysis),
                None => self.analyses.remove(&locale),
            };
            for (path, diagnostics) in found {
                touched.insert(path.clone());
                self.findings.entry(path).or_default().insert(locale.clone(), diagnostics);
            }
        }
        self.publish(touched);
    }

    /// The project's own faults (pipeline.yaml, a template), shown on their files.
    fn show_project_faults(&mut self) {
        let mut touched: BTreeSet<PathBuf> = BTreeSet::new();
        for (path, by_check) in &mut self.findings {
            if by_check.remove("").is_some() {
                touched.insert(path.clone());
            }
        }
        if let Err(unusable) = &self.project {
            for (path, diagnostics) in unusable_diagnostics(unusable, &self.config) {
                touched.insert(path.clone());
                self.findings.entry(path).or_default().insert(String::new(), diagnostics);
            }
        }
        self.publish(touched);
    }

    /// Sends each of `paths` its findings, when they differ from what was sent last.
    fn publish(&mut self, paths: BTreeSet<PathBuf>) {
        for path in paths {
            let mut all: Vec<Diagnostic> = Vec::new();
            for found in self.findings.get(&path).into_iter().flat_map(|by| by.values()) {
                for d in found {
                    if !all.contains(d) {
                        all.push(d.clone());
                    }
                }
            }
            // An open file is told once that it is clean; a closed one only when it was not.
            let unchanged = match self.sent.get(&path) {
                Some(sent) => *sent == all,
                None => all.is_empty() && !self.documents.contains_key(&path),
            };
            if unchanged {
                continue;
            }
            let document = self.documents.get(&path);
            let Some(uri) = self.uri_of(&path) else { continue };
            let params =
                PublishDiagnosticsParams { uri, diagnostics: all.clone(), version: document.map(|d| d.version) };
            self.send(Message::Notification(Notification::new(PublishDiagnostics::METHOD.to_owned(), params)));
            self.sent.insert(path, all);
        }
    }

    /// A path's URI: the editor's own for an open document.
    fn uri_of(&self, path: &Path) -> Option<Uri> {
        self.documents.get(path).map(|d| d.uri.clone()).or_else(|| uri_from_path(path))
    }

    /// A file's text: the editor's when it is open, else what is on disk.
    fn text_of(&self, path: &Path) -> Option<String> {
        if let Some(document) = self.documents.get(path) {
            return Some(document.text.clone());
        }
        let bytes = std::fs::read(path).ok()?;
        Some(placard_fluent::decode(bytes).text)
    }

    fn answer(&self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            HoverRequest::METHOD => request
                .extract::<HoverParams>(HoverRequest::METHOD)
                .map(|(_, p)| serde_json::to_value(self.hover(&p)).unwrap_or_default()),
            GotoDefinition::METHOD => request
                .extract::<GotoDefinitionParams>(GotoDefinition::METHOD)
                .map(|(_, p)| serde_json::to_value(self.definition(&p)).unwrap_or_default()),
            CodeActionRequest::METHOD => request
                .extract::<CodeActionParams>(CodeActionRequest::METHOD)
                .map(|(_, p)| serde_json::to_value(self.code_actions(&p)).unwrap_or_default()),
            _ => {
                return Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("placard lsp does not handle {}", request.method),
                );
            }
        };
        match result {
            Ok(value) => Response { id, result: Some(value), error: None },
            Err(error) => invalid_params(id, &error),
        }
    }

    /// The open or saved file at `uri`, parsed for navigation, with its path and locale.
    fn parsed(&self, uri: &Uri) -> Option<(PathBuf, String, ParsedFile)> {
        let path = resolve(&path_from_uri(uri)?);
        let locale = self.locale_of(&path)?;
        let text = self.text_of(&path)?;
        Some((path, locale, ParsedFile::parse(text)))
    }

    fn symbol(&self, uri: &Uri, position: Position) -> Option<(String, ParsedFile, Symbol)> {
        let (_, locale, parsed) = self.parsed(uri)?;
        let offset = Lines::new(parsed.text()).offset(position);
        let symbol = symbol_at(&parsed, offset)?;
        Some((locale, parsed, symbol))
    }

    fn hover(&self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let (locale, parsed, symbol) = self.symbol(&at.text_document.uri, at.position)?;
        let project = self.project.as_ref().ok()?;
        let analysis = self.analyses.get(&locale);
        let mut id = symbol.id();
        if let Some(attribute) = &symbol.attribute {
            id = format!("{id}.{attribute}");
        }
        let mut text = format!("**`{id}`**");
        let reference = &project.config.reference.code;
        let found = analysis.and_then(|a| {
            let files = a.workspace.reference()?;
            files.files.iter().find_map(|f| find(&f.parsed, symbol.kind, &symbol.name, symbol.attribute.as_deref()))
        });
        match &found {
            Some(found) => {
                let shown = analysis
                    .and_then(|a| a.linted.locales.get(reference))
                    .and_then(|t| t.shown.get(&id).cloned().flatten());
                if let Some(shown) = shown {
                    text.push_str(&format!("\n\nReference ({reference}): “{}”", shown.text));
                } else {
                    text.push_str(&format!("\n\nReference ({reference}):"));
                }
                text.push_str(&format!("\n\n```fluent\n{}\n```", found.source));
                if let Some(comment) = &found.comment {
                    text.push_str(&format!("\n\n{comment}"));
                }
            }
            None if locale != *reference => {
                text.push_str(&format!("\n\nThe reference ({reference}) has no `{id}`."));
            }
            None => {}
        }
        let fits: Vec<String> = analysis
            .into_iter()
            .flat_map(|a| &a.linted.fitted)
            .filter(|f| f.locale == locale)
            .flat_map(|f| f.layers.iter().map(move |l| (f, l)))
            .filter(|(_, layer)| symbol.kind == Kind::Message && layer.message == id)
            .map(|(fitted, layer)| {
                let lines: Vec<String> = layer.lines.iter().map(|l| format!("“{}”", l.text)).collect();
                let count = layer.lines.len();
                let verdict = if layer.fits { "" } else { " — **does not fit**" };
                format!(
                    "- `{}`: {:.0} px, {count} line{}{verdict}: {}",
                    fitted.template,
                    layer.size,
                    if count == 1 { "" } else { "s" },
                    lines.join(" / ")
                )
            })
            .collect();
        if !fits.is_empty() {
            text.push_str(&format!("\n\nHow the {locale} text fits:\n{}", fits.join("\n")));
        }
        let lines = Lines::new(parsed.text());
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: text }),
            range: Some(lines.range(symbol.span.clone())),
        })
    }

    fn definition(&self, params: &GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
        let at = &params.text_document_position_params;
        let (locale, _, symbol) = self.symbol(&at.text_document.uri, at.position)?;
        let project = self.project.as_ref().ok()?;
        let workspace = &self.analyses.get(&locale)?.workspace;
        let found_in = |parsed: &ParsedFile, path: &Path| {
            let found = find(parsed, symbol.kind, &symbol.name, symbol.attribute.as_deref())?;
            let range = Lines::new(parsed.text()).range(found.id_span);
            Some(GotoDefinitionResponse::Scalar(Location { uri: self.uri_of(path)?, range }))
        };
        // The locale's own files first (open ones as typed), as the last check listed them.
        let folder = workspace.locales.iter().find(|f| f.code == locale)?;
        for path in folder.files().map(resolve) {
            let Some(text) = self.text_of(&path) else { continue };
            if let Some(found) = found_in(&ParsedFile::parse(text), &path) {
                return Some(found);
            }
        }
        // Then the reference's, which that check parsed.
        let reference = workspace.reference().filter(|r| r.code != locale)?;
        reference.files.iter().find_map(|f| found_in(&f.parsed, &project.path(&f.display)))
    }

    fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let mut out = Vec::new();
        let uri = &params.text_document.uri;
        let Some((_, locale, parsed)) = self.parsed(uri) else { return out };
        let Ok(project) = &self.project else { return out };
        let analysis = self.analyses.get(&locale);
        let text = parsed.text();
        let lines = Lines::new(text);
        // The whole lines the request covers, and those of the findings it names.
        let mut spans = vec![line_span(text, lines.offset(params.range.start), lines.offset(params.range.end))];
        for d in &params.context.diagnostics {
            spans.push(line_span(text, lines.offset(d.range.start), lines.offset(d.range.end)));
        }
        let reference: Vec<&ParsedFile> = analysis
            .and_then(|a| a.workspace.reference())
            .map(|r| r.files.iter().map(|f| &f.parsed).collect())
            .unwrap_or_default();
        let edit = |title: String, edits: Vec<TextEdit>, preferred: bool, fixes: Vec<Diagnostic>| {
            CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: (!fixes.is_empty()).then_some(fixes),
                edit: Some(WorkspaceEdit {
                    changes: Some([(uri.clone(), edits)].into_iter().collect()),
                    ..Default::default()
                }),
                is_preferred: Some(preferred),
                ..Default::default()
            })
        };
        let overlapping = |range: &Range, code: &str| -> Vec<Diagnostic> {
            params
                .context
                .diagnostics
                .iter()
                .filter(|d| matches!(&d.code, Some(lsp_types::NumberOrString::String(c)) if c == code))
                .filter(|d| d.range.start <= range.end && range.start <= d.range.end)
                .cloned()
                .collect()
        };

        // A typed number that a term holds: use the term.
        let terms = actions::number_terms(&reference);
        let mut seen = BTreeSet::new();
        for span in &spans {
            for number in actions::typed_numbers(text, span.clone()) {
                if !seen.insert((number.start, number.end)) || actions::in_term_or_comment(&parsed, number.start) {
                    continue;
                }
                let Some((term, value)) = actions::closest_term(&terms, &text[number.clone()]) else { continue };
                let range = lines.range(number.clone());
                let new_text = format!("{{ -{term} }}");
                let title = if text[number.clone()] == *value {
                    format!("Use {new_text} for the typed number")
                } else {
                    format!("Use {new_text} ({value}) for the typed “{}”", &text[number.clone()])
                };
                let fixes = overlapping(&range, "required-text");
                out.push(edit(title, vec![TextEdit { range, new_text }], true, fixes));
            }
        }

        // A number in a right-to-left locale: isolate it, so it reads left to right.
        let rtl = analysis.is_some_and(|a| a.workspace.is_rtl(&locale));
        let mut seen = BTreeSet::new();
        for span in &spans {
            let mut numbers = actions::typed_numbers(text, span.clone());
            for (term, _) in &terms {
                let mut from = span.start;
                let needle = format!("-{term}");
                while let Some(i) = text[from..span.end.min(text.len())].find(&needle) {
                    let at = from + i;
                    if let Some(placeable) = actions::placeable_around(text, at..at + needle.len()) {
                        numbers.push(placeable);
                    }
                    from = at + needle.len();
                }
            }
            for number in numbers {
                if !seen.insert((number.start, number.end))
                    || actions::isolated(text, &number)
                    || actions::in_comment(&parsed, number.start)
                {
                    continue;
                }
                let range = lines.range(number.clone());
                let fixes = overlapping(&range, "bidi-order");
                if !rtl && fixes.is_empty() {
                    continue;
                }
                let start = Range { start: range.start, end: range.start };
                let end = Range { start: range.end, end: range.end };
                let edits = vec![
                    TextEdit { range: start, new_text: actions::FIRST_STRONG_ISOLATE.to_owned() },
                    TextEdit { range: end, new_text: actions::POP_DIRECTIONAL_ISOLATE.to_owned() },
                ];
                let title = format!("Wrap {} in isolation marks (U+2066 … U+2069)", &text[number.clone()]);
                out.push(edit(title, edits, !fixes.is_empty(), fixes));
            }
        }

        // A message the reference has and this file lacks: insert it, commented out.
        for d in &params.context.diagnostics {
            let data = d.data.as_ref();
            let code = data.and_then(|v| v.get("code")).and_then(|v| v.as_str());
            let id = data.and_then(|v| v.get("message_id")).and_then(|v| v.as_str());
            let (Some("missing-message" | "missing-required"), Some(id)) = (code, id) else { continue };
            let Some(template) = actions::commented_template(&reference, id, &locale) else { continue };
            let end = lines.position(text.len());
            let separator = if text.is_empty() || text.ends_with("\n\n") {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            let edits = vec![TextEdit { range: Range { start: end, end }, new_text: format!("{separator}{template}") }];
            let reference = &project.config.reference.code;
            let title = format!("Insert `{id}` from {reference}, commented out, to translate");
            out.push(edit(title, edits, false, vec![d.clone()]));
        }
        out
    }
}

/// From the start of the line holding `start` to the end of the line holding `end`.
fn line_span(text: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let from = text[..start.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let end = end.min(text.len());
    let to = text[end..].find('\n').map_or(text.len(), |i| end + i);
    from..to
}

/// The faults that stop a check, as errors on the files they name (pipeline.yaml when none).
fn unusable_diagnostics(unusable: &Unusable, config: &Path) -> Vec<(PathBuf, Vec<Diagnostic>)> {
    let mut by_file: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
    for (file, line, column, message) in &unusable.faults {
        let path = file.clone().unwrap_or_else(|| config.to_owned());
        let path = resolve(&std::path::absolute(&path).unwrap_or(path));
        let text = std::fs::read(&path).ok().map(|b| placard_fluent::decode(b).text);
        let range = match (&text, line) {
            (Some(text), Some(line)) => {
                Lines::new(text).at_line_column(u32::try_from(*line).unwrap_or(u32::MAX), column.map(|c| c as u32))
            }
            (Some(text), None) => Lines::new(text).first_line(),
            (None, _) => Range::default(),
        };
        by_file.entry(path).or_default().push(Diagnostic {
            range,
            severity: Some(lsp_types::DiagnosticSeverity::ERROR),
            code: Some(lsp_types::NumberOrString::String("unusable-input".to_owned())),
            source: Some("placard".to_owned()),
            message: format!("{message}\nNothing can be checked until this is fixed (placard lint exits 2)."),
            ..Default::default()
        });
    }
    by_file.into_iter().collect()
}

fn invalid_params(id: RequestId, error: &lsp_server::ExtractError<Request>) -> Response {
    Response::new_err(id, lsp_server::ErrorCode::InvalidParams as i32, format!("{error:?}"))
}
