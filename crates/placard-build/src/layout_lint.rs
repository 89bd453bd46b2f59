//! `placard lint`'s layout half: every template's geometry checked, then every locale × template
//! composed with the build's own composition ([`crate::assess`]) and judged by
//! `placard_lint::layout`, nothing rendered but what is behind the text.

use std::collections::BTreeMap;

use placard_core::Diagnostic;
use placard_lint::layout::{LayerBox, TemplateGeometry};
use placard_pipeline::{Checked, Layer, LocaleTexts, Sources, Template, Workspace};

use crate::assess::{Texts, assess, layout_report};
use crate::inputs::Inputs;

/// Runs the layout checks for `locales` over every template in `inputs`, with the texts the
/// stage formatted (`texts`); `text` are the text checks' findings (a fault they found is not
/// reported twice). Also gives how every asset's texts were laid out.
pub(crate) fn lint_layout(
    workspace: &Workspace,
    inputs: &Inputs,
    texts: &Texts,
    locales: &[&str],
    text: &[Diagnostic],
) -> (Vec<Diagnostic>, Vec<Fitted>) {
    let jobs: Vec<(&str, &Template)> =
        locales.iter().flat_map(|&l| inputs.templates.iter().map(move |t| (l, t))).collect();
    let geometry: Vec<TemplateGeometry<'_>> = inputs.templates.iter().map(|t| geometry(workspace, t)).collect();
    let mut assessed = assess(workspace, inputs, texts, &jobs, false);
    let report = layout_report(&template_findings(workspace, &geometry), &assessed, &geometry, text);
    let fitted = assessed
        .iter_mut()
        .map(|a| Fitted {
            locale: a.locale.to_owned(),
            template: a.template.name.clone(),
            layers: std::mem::take(&mut a.layers),
        })
        .collect();
    (report, fitted)
}

/// How one asset's texts were laid out, as the layout checks saw them: what an editor shows a
/// translator about how their text fits.
#[derive(Clone, Debug)]
pub struct Fitted {
    pub locale: String,
    pub template: String,
    /// Each text layer, in template order: its message, size, lines and whether it fits.
    pub layers: Vec<crate::output::LayerRecord>,
}

/// The template-level (geometry) findings of every template.
pub(crate) fn template_findings(workspace: &Workspace, geometry: &[TemplateGeometry<'_>]) -> Vec<Diagnostic> {
    let rules = &workspace.config.rules;
    let required = rules.required_messages();
    geometry
        .iter()
        .flat_map(|g| {
            let mut found = placard_lint::layout::check_template(g, &required);
            found.extend(placard_lint::layout::check_lockup_order(g, &rules.lockups));
            found
        })
        .collect()
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
                Layer::Qr(qr) => (None, format!("qr {}", qr.payload), qr.bbox),
            };
            LayerBox {
                message,
                label,
                bbox: bbox.as_array(),
                at: template.layer_at.get(i).copied(),
                group: template.group_of(i),
            }
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

/// What [`lint_all`] found, and the names of the templates it laid out (in pipeline.yaml's
/// order; empty when the layout checks did not run).
#[derive(Debug)]
pub struct Linted {
    pub report: placard_lint::Report,
    pub templates: Vec<String>,
    /// What the stage kept of each locale: the texts laid out, when its files last changed.
    pub locales: BTreeMap<String, LocaleTexts>,
    /// The text of every file a finding points into (the `.ftl` files the stage kept, the
    /// templates), for reporters that quote lines.
    pub sources: Sources,
    /// How every selected locale's texts were laid out in every template (empty without the
    /// layout checks), in locale and pipeline.yaml order.
    pub fitted: Vec<Fitted>,
}

/// Everything `placard lint` checks: the stage (every text check on the selected locales, and
/// the texts every template shows), then, when `layout` is set and pipeline.yaml lists
/// templates, the layout checks. An error here (a file, template or font that cannot be read)
/// is unusable input. `sources` keeps the text of the files findings point into, for a reporter
/// that quotes lines.
pub fn lint_all(workspace: &Workspace, layout: bool, sources_wanted: bool) -> Result<Linted, crate::BuildError> {
    let inputs = if layout { layout_inputs(&workspace.config)? } else { None };
    lint_with(workspace, inputs.as_ref(), sources_wanted)
}

/// What the layout checks need, read once (fonts, templates, images): `None` when pipeline.yaml
/// lists no templates. A long-running caller (`placard lsp`) keeps it for [`lint_with`].
pub fn layout_inputs(config: &placard_pipeline::Config) -> Result<Option<Inputs>, crate::BuildError> {
    if config.templates.is_empty() { Ok(None) } else { Inputs::load(config, &[]).map(Some) }
}

/// [`lint_all`] with inputs already read ([`layout_inputs`]): the layout checks run when
/// `inputs` is given. The same stage and the same composition as `lint` and `build`.
pub fn lint_with(
    workspace: &Workspace,
    inputs: Option<&Inputs>,
    sources_wanted: bool,
) -> Result<Linted, crate::BuildError> {
    // The same ids the build asks for, so both format the same texts from the same stage.
    let ids = inputs.as_ref().map(|i| i.message_ids(true)).unwrap_or_default();
    let Checked { mut report, locales, mut sources } =
        workspace.check(&ids, sources_wanted).map_err(crate::BuildError::Pipeline)?;
    let mut templates = Vec::new();
    let mut fitted = Vec::new();
    if let Some(inputs) = inputs {
        let selected: Vec<&str> = workspace.selected.iter().map(String::as_str).collect();
        let (layout, fits) = lint_layout(workspace, inputs, &locales, &selected, &report.diagnostics);
        report.extend(layout);
        fitted = fits;
        templates = inputs.templates.iter().map(|t| t.name.clone()).collect();
    }
    if let Some(inputs) = inputs.filter(|_| sources_wanted) {
        add_template_sources(workspace, inputs, &mut sources);
    }
    Ok(Linted { report, templates, locales, sources, fitted })
}

/// The text of every loaded template (the bytes [`Inputs::load`] read), as findings name them,
/// beside the `.ftl` files: only a loaded template has findings.
pub(crate) fn add_template_sources(workspace: &Workspace, inputs: &Inputs, sources: &mut Sources) {
    let root = &workspace.config.root;
    for template in &inputs.templates {
        let text = String::from_utf8_lossy(&template.source).into_owned();
        sources.insert(placard_pipeline::relative(&template.path, root), text);
    }
}
