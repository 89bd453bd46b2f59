//! `--format sarif`: SARIF 2.1.0, the OASIS standard GitHub code scanning (and Azure DevOps,
//! SonarQube, IDE viewers) read. Every check is a rule carrying its `--explain` text, so an alert
//! says how to fix what it found without a trip to the docs.
//!
//! Choices a reader of the file should know (docs/ci.md has them too):
//! - Columns are Placard's own, counted in Unicode scalar values, and the run says so
//!   (`columnKind: unicodeCodePoints`); SARIF's other kind, UTF-16 code units, would move every
//!   column after an emoji or a supplementary-plane letter.
//! - Paths are relative to the project (the pipeline file's folder) under `uriBaseId: %SRCROOT%`,
//!   which code scanning resolves to the repository root.
//! - GitHub refuses a whole file when one result has no location, so a finding about no file
//!   (a locale named in pipeline.yaml without a folder) is placed at the pipeline file, without a
//!   region, and its location's message says so.
//! - A rule has no `defaultConfiguration`: a check's severity depends on where it finds things
//!   (an invisible character is an error next to the helpline, a warning elsewhere; `strict:
//!   false` makes missing messages warnings), so each result states its own `level`.

use std::collections::HashMap;
use std::ops::Range;

use placard_core::{Code, Diagnostic, LineIndex, Severity};
use placard_lint::Report;
use serde::Serialize;

use crate::Run;

/// The `$schema` of the file: the `$id` of OASIS's schema for SARIF 2.1.0.
pub const SCHEMA: &str =
    "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

/// The report as one SARIF run, pretty-printed with a trailing newline. `source` gives a file's
/// text by display path where the run kept it, for the end of each finding's span (without it a
/// region has its start only). Keys keep a fixed order, so the same report gives the same bytes.
pub fn render<'s>(report: &Report, run: &Run<'_>, source: &dyn Fn(&str) -> Option<&'s str>) -> String {
    let mut ends = Ends::new(source);
    let fingerprints = crate::fingerprint::fingerprints(&report.diagnostics);
    let results = report.diagnostics.iter().zip(fingerprints).map(|(d, fp)| result(d, fp, run, &mut ends)).collect();
    to_string(&Log::new(SarifRun {
        tool: tool(run),
        invocations: [Invocation { execution_successful: true, tool_execution_notifications: Vec::new() }],
        results,
        column_kind: "unicodeCodePoints",
    }))
}

/// The log, pretty-printed, with a trailing newline.
pub(crate) fn to_string(log: &Log<'_>) -> String {
    let mut out = serde_json::to_string_pretty(log).expect("plain data serialises");
    out.push('\n');
    out
}

#[derive(Serialize)]
pub(crate) struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [SarifRun<'a>; 1],
}

impl<'a> Log<'a> {
    pub(crate) fn new(run: SarifRun<'a>) -> Self {
        Log { schema: SCHEMA, version: "2.1.0", runs: [run] }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SarifRun<'a> {
    pub tool: Tool<'a>,
    pub invocations: [Invocation; 1],
    pub results: Vec<SarifResult<'a>>,
    pub column_kind: &'static str,
}

#[derive(Serialize)]
pub(crate) struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
struct Driver<'a> {
    name: &'static str,
    version: &'a str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
}

#[derive(Serialize)]
struct Help {
    text: &'static str,
    markdown: String,
}

#[derive(Serialize)]
pub(crate) struct Text {
    text: String,
}

impl Text {
    pub(crate) fn new(text: impl Into<String>) -> Self {
        Text { text: text.into() }
    }
}

/// How the run went: whether the checks ran at all, and why not.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Invocation {
    pub execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tool_execution_notifications: Vec<Notification>,
}

/// Something the tool says about its own run (unusable input), not about the code it read.
#[derive(Serialize)]
pub(crate) struct Notification {
    pub level: &'static str,
    pub message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Location>,
    pub descriptor: Descriptor,
}

#[derive(Serialize)]
pub(crate) struct Descriptor {
    pub id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Properties::is_empty")]
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Fingerprints {
    /// Versioned, as SARIF asks of fingerprint names, in case what identifies a finding changes.
    #[serde(rename = "placardFinding/v1")]
    finding: String,
}

/// The fields of a diagnostic that SARIF has no place of its own for.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Properties<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    locale: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    template: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    layer: Option<&'a str>,
}

impl Properties<'_> {
    fn is_empty(&self) -> bool {
        self.locale.is_none() && self.message_id.is_none() && self.template.is_none() && self.layer.is_none()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Location {
    physical_location: Physical,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical {
    artifact_location: Artifact,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Artifact {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
}

impl Location {
    /// `file` (relative to the project) at `line` and `column` where known.
    pub(crate) fn at(file: &str, line: Option<u64>, column: Option<u64>, message: Option<Text>) -> Self {
        let region = line.and_then(|l| u32::try_from(l).ok()).map(|start_line| Region {
            start_line,
            start_column: column.and_then(|c| u32::try_from(c).ok()),
            end_line: None,
            end_column: None,
        });
        Location::new(file, region, message)
    }

    fn new(file: &str, region: Option<Region>, message: Option<Text>) -> Self {
        Location {
            physical_location: Physical {
                artifact_location: Artifact { uri: placard_core::uri_path(file), uri_base_id: "%SRCROOT%" },
                region,
            },
            message,
        }
    }
}

/// Placard and every check it has, in `Code::ALL` order (a result's `ruleIndex` is its place).
pub(crate) fn tool<'a>(run: &Run<'a>) -> Tool<'a> {
    let rules = Code::ALL
        .iter()
        .map(|&code| Rule {
            id: code.as_str(),
            short_description: Text::new(code.summary()),
            full_description: Text::new(code.explanation()),
            help: Help { text: code.explanation(), markdown: markdown(code.explanation()) },
        })
        .collect();
    Tool { driver: Driver { name: "placard", version: run.version, rules } }
}

fn result<'a>(d: &'a Diagnostic, fingerprint: String, run: &Run<'_>, ends: &mut Ends<'_, '_>) -> SarifResult<'a> {
    let primary = match &d.file {
        Some(file) => Location::new(file, ends.region(file, d.line, d.column, d.span.as_ref()), None),
        None => Location::new(
            run.config,
            None,
            Some(Text::new("about the project rather than one file: placed at the pipeline file")),
        ),
    };
    let related = d
        .related
        .iter()
        .filter_map(|r| {
            let file = r.file.as_deref().or(d.file.as_deref())?;
            let region = ends.region(file, r.line, r.column, r.span.as_ref());
            Some(Location::new(file, region, Some(Text::new(r.message.clone()))))
        })
        .collect();
    SarifResult {
        rule_id: d.code.as_str(),
        rule_index: Code::ALL.iter().position(|&c| c == d.code).expect("every code is in Code::ALL"),
        level: match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        message: Text::new(crate::message_text(d)),
        locations: [primary],
        related_locations: related,
        partial_fingerprints: Fingerprints { finding: fingerprint },
        properties: Properties {
            locale: d.locale.as_deref(),
            message_id: d.message_id.as_deref(),
            template: d.template.as_deref(),
            layer: d.layer.as_deref(),
        },
    }
}

/// Regions from a finding's line, column and span: the end from the span, where the file's text
/// was kept, with one line index per file.
struct Ends<'f, 's> {
    source: &'f dyn Fn(&str) -> Option<&'s str>,
    indexes: HashMap<String, Option<LineIndex<'s>>>,
}

impl<'f, 's> Ends<'f, 's> {
    fn new(source: &'f dyn Fn(&str) -> Option<&'s str>) -> Self {
        Ends { source, indexes: HashMap::new() }
    }

    fn region(
        &mut self,
        file: &str,
        line: Option<u32>,
        column: Option<u32>,
        span: Option<&Range<usize>>,
    ) -> Option<Region> {
        let start_line = line?;
        let mut region = Region { start_line, start_column: column, end_line: None, end_column: None };
        let source = self.source;
        let index = self.indexes.entry(file.to_owned()).or_insert_with(|| source(file).map(LineIndex::new));
        if let (Some(index), Some(span), Some(column)) = (index.as_ref(), span, column) {
            // Only a span that agrees with the finding's own start is trusted for its end.
            let start = index.line_col(span.start);
            if (start.line, start.column) == (start_line, column) {
                let end = index.line_col(span.end.max(span.start));
                region.end_line = Some(end.line);
                region.end_column = Some(end.column);
            }
        }
        Some(region)
    }
}

/// An explanation as Markdown: its lines as paragraphs, its `code spans` kept, and everything
/// else escaped, so `locales/<code>/` and `\u2066` read as written rather than as HTML or an
/// escape.
fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, paragraph) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        for (j, part) in paragraph.split('`').enumerate() {
            if j % 2 == 1 {
                out.push('`');
                out.push_str(part);
                out.push('`');
                continue;
            }
            for c in part.chars() {
                if "\\*_[]<>#|~".contains(c) {
                    out.push('\\');
                }
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_code_spans_and_escapes_the_rest() {
        assert_eq!(
            markdown("make locales/<code>/\nFix: use `{ -a }` or \\u2066"),
            "make locales/\\<code\\>/\n\nFix: use `{ -a }` or \\\\u2066"
        );
        for code in Code::ALL {
            assert_eq!(code.explanation().matches('`').count() % 2, 0, "{code}: an unclosed code span");
        }
    }

    #[test]
    fn the_end_comes_from_the_span_when_the_start_agrees() {
        let text = "a = x\nhelp = 0131 556\n";
        let source = |file: &str| (file == "main.ftl").then_some(text);
        let mut ends = Ends::new(&source);
        let region = ends.region("main.ftl", Some(2), Some(8), Some(&(13..21))).expect("region");
        assert_eq!((region.end_line, region.end_column), (Some(2), Some(16)));
        let moved = ends.region("main.ftl", Some(1), Some(1), Some(&(13..21))).expect("region");
        assert_eq!(moved.end_line, None, "a span that disagrees with the start is not used");
        let elsewhere = ends.region("other.ftl", Some(2), Some(8), Some(&(13..21))).expect("region");
        assert_eq!(elsewhere.end_column, None);
        assert!(ends.region("main.ftl", None, None, None).is_none());
    }
}
