//! `placard lint`'s layout half: every template's geometry checked, then every locale × template
//! composed with the build's own composition ([`crate::assess`]) and judged by
//! `placard_lint::layout`, nothing rendered but what is behind the text.

use placard_core::{Diagnostic, LineIndex};
use placard_lint::layout::{LayerBox, MessageSource, TemplateGeometry};
use placard_pipeline::{Layer, Template, Workspace};

use crate::assess::{Texts, assess, layout_report};
use crate::inputs::Inputs;
use crate::texts::format_locales;

/// Runs the layout checks for `locales` over every template in `inputs`; `text` are the text
/// checks' findings (a fault they found is not reported twice).
pub fn lint_layout(workspace: &Workspace, inputs: &Inputs, locales: &[&str], text: &[Diagnostic]) -> Vec<Diagnostic> {
    let ids = inputs.message_ids(false);
    let texts: Texts<'_> = format_locales(workspace, locales, &ids);
    let jobs: Vec<(&str, &Template)> =
        locales.iter().flat_map(|&l| inputs.templates.iter().map(move |t| (l, t))).collect();
    let geometry: Vec<TemplateGeometry<'_>> = inputs.templates.iter().map(|t| geometry(workspace, t)).collect();
    let assessed = assess(workspace, inputs, &texts, &jobs, false);
    layout_report(&template_findings(workspace, &geometry), &assessed, &geometry, text)
}

/// The template-level (geometry) findings of every template.
pub(crate) fn template_findings(workspace: &Workspace, geometry: &[TemplateGeometry<'_>]) -> Vec<Diagnostic> {
    let required = workspace.config.rules.required_messages();
    geometry.iter().flat_map(|g| placard_lint::layout::check_template(g, &required)).collect()
}

/// `template` as the geometry checks see it.
pub(crate) fn geometry<'t>(workspace: &Workspace, template: &'t Template) -> TemplateGeometry<'t> {
    let layers = template
        .layers
        .iter()
        .enumerate()
        .map(|(i, layer)| {
            let (message, label, bbox) = match layer {
                Layer::Text(t) => (Some(t.message.clone()), t.message.clone(), t.bbox),
                Layer::Image(image) => (
                    None,
                    image.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                    image.bbox,
                ),
            };
            LayerBox { message, label, bbox: bbox.as_array(), at: template.layer_at.get(i).copied() }
        })
        .collect();
    TemplateGeometry {
        name: &template.name,
        file: placard_pipeline::relative(&template.path, &workspace.config.root),
        safe: template.safe.as_array(),
        requires: &template.requires,
        requires_at: &template.requires_at,
        layers,
    }
}

/// Where `id` is defined in `locale`'s files: the line and column of its identifier.
pub(crate) fn locate(workspace: &Workspace, locale: &str, id: &str) -> Option<MessageSource> {
    let (name, attribute) = placard_fluent::split_attribute(id);
    let loaded = workspace.locales.iter().find(|l| l.code == locale)?;
    for file in &loaded.files {
        let catalog = placard_fluent::Catalog::new([(file.path.as_str(), &file.parsed)]);
        let Some(entry) = catalog.lookup(name) else { continue };
        let anchor = attribute.and_then(|a| entry.attribute(a)).map_or(entry.id.name, |a| a.id.name);
        let Some(offset) = file.parsed.offset_of(anchor) else { continue };
        let at = LineIndex::new(file.parsed.text()).line_col(offset);
        return Some(MessageSource {
            file: file.display.clone(),
            span: offset..offset + anchor.len(),
            line: at.line,
            column: at.column,
        });
    }
    None
}

/// What [`lint_all`] found, and the names of the templates it laid out (in pipeline.yaml's
/// order; empty when the layout checks did not run).
#[derive(Debug)]
pub struct Linted {
    pub report: placard_lint::Report,
    pub templates: Vec<String>,
}

/// Everything `placard lint` checks: the text checks on the selected locales, then, when `layout`
/// is set and pipeline.yaml lists templates, the layout checks. An error here (a template or font
/// that cannot be read) is unusable input.
pub fn lint_all(workspace: &Workspace, layout: bool) -> Result<Linted, crate::BuildError> {
    let mut report = workspace.lint();
    let mut templates = Vec::new();
    if layout && !workspace.config.templates.is_empty() {
        let inputs = Inputs::load(&workspace.config, &[])?;
        let locales: Vec<&str> = workspace.selected.iter().map(String::as_str).collect();
        let layout = lint_layout(workspace, &inputs, &locales, &report.diagnostics);
        report.extend(layout);
        templates = inputs.templates.iter().map(|t| t.name.clone()).collect();
    }
    Ok(Linted { report, templates })
}
