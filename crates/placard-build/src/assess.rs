//! One composition, one set of findings. Each locale × template is composed once per run into the
//! scene the renderer draws, and the layout checks run on that same scene: `placard lint` drops
//! the scene after checking it, `placard build` keeps it to render, so what the build publishes is
//! exactly what was checked, and the build refuses exactly what lint rejects.
//!
//! A finding the template causes — the same check failing on the same layer in every locale — is
//! reported once, at the template's layer, naming the locales; one only a translation causes stays
//! at the message in that locale's `.ftl` file.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use image::RgbaImage;
use placard_core::{Code, Diagnostic};
use placard_pipeline::{Layer, Template, Workspace};
use rayon::prelude::*;

use crate::inputs::Inputs;
use crate::layout_lint::{Place, check_block, check_contrast, hidden};
use crate::scene::{Composed, compose, family_for};
use crate::texts::Text;

/// Every formatted message a template shows, per locale.
pub(crate) type Texts<'a> = BTreeMap<&'a str, BTreeMap<String, Option<Text>>>;

/// One asset, composed and checked.
pub(crate) struct Assessed<'a> {
    pub locale: &'a str,
    pub template: &'a Template,
    /// The scene and what was laid out in it, when the caller asked to keep it (to render).
    pub composed: Option<Composed>,
    /// The layout checks' findings for this asset, each pointing at the locale's message.
    pub findings: Vec<Diagnostic>,
}

/// Composes and checks every `(locale, template)` of `jobs`, in parallel, in `jobs` order.
/// `keep` keeps each scene for rendering; without it a scene is dropped once checked.
pub(crate) fn assess<'a>(
    workspace: &Workspace,
    inputs: &'a Inputs,
    texts: &Texts<'_>,
    jobs: &[(&'a str, &'a Template)],
    keep: bool,
) -> Vec<Assessed<'a>> {
    let config = &workspace.config;
    let required: Vec<&str> = config.rules.required.iter().map(|r| r.message.as_str()).collect();
    let phrases: Vec<&str> = config.rules.required.iter().flat_map(|r| r.contains.iter().map(String::as_str)).collect();
    let in_jobs = |t: &Template| jobs.iter().any(|(_, j)| j.name == t.name);
    // Background images scaled once per template; the backdrop (the scene without its text) is
    // rendered once per template when no layer of it changes with the locale.
    let backgrounds: BTreeMap<&str, Arc<RgbaImage>> = inputs
        .templates
        .par_iter()
        .filter(|t| in_jobs(t))
        .filter_map(|t| Some((t.name.as_str(), inputs.scaled_background(t)?)))
        .collect();
    let shared: Vec<OnceLock<RgbaImage>> = inputs.templates.iter().map(|_| OnceLock::new()).collect();
    jobs.par_iter()
        .map_init(
            || inputs.fonts.typesetter(),
            |typesetter, &(locale, template)| {
                let texts = &texts[locale];
                let composed = compose(
                    template,
                    inputs,
                    locale,
                    texts,
                    backgrounds.get(template.name.as_str()),
                    &phrases,
                    typesetter,
                );
                let t = inputs.templates.iter().position(|t| t.name == template.name).expect("a loaded template");
                let rendered;
                let behind: &RgbaImage = if shareable(template) {
                    shared[t].get_or_init(|| placard_render::render(&backdrop(&composed)))
                } else {
                    rendered = placard_render::render(&backdrop(&composed));
                    &rendered
                };
                let painted_text =
                    composed.scene.layers.iter().filter(|l| matches!(l, placard_render::Layer::Text { .. }));
                let text_layers = template.layers.iter().enumerate().filter_map(|(i, l)| match l {
                    Layer::Text(t) => Some((i, t)),
                    Layer::Image(_) => None,
                });
                let mut findings = Vec::new();
                for (((index, layer), (block, fitted_in)), painted) in
                    text_layers.zip(&composed.blocks).zip(painted_text)
                {
                    let Some(Some(text)) = texts.get(&layer.message) else { continue };
                    let at = Place { workspace, locale, template, index, layer, text };
                    let family = family_for(inputs, locale, layer);
                    check_block(&at, block, *fitted_in, family, &required, &phrases, &mut findings);
                    check_contrast(&at, painted, behind, block.size, &mut findings);
                }
                Assessed { locale, template, composed: keep.then_some(composed), findings }
            },
        )
        .collect()
}

/// The scene without its text: what the text is read against.
fn backdrop(composed: &Composed) -> placard_render::Scene {
    let scene = &composed.scene;
    placard_render::Scene {
        width: scene.width,
        height: scene.height,
        background: scene.background.clone(),
        layers: scene.layers.iter().filter(|l| !matches!(l, placard_render::Layer::Text { .. })).cloned().collect(),
    }
}

/// Whether `template`'s backdrop (everything but its text) is the same for every locale.
fn shareable(template: &Template) -> bool {
    template.layers.iter().all(|l| match l {
        Layer::Text(t) => t.band.is_none_or(|b| !b.hug),
        Layer::Image(i) => i.locales.is_empty(),
    })
}

/// The template-level checks (a required layer missing, outside the safe area or covered) for
/// each template in `templates`.
pub(crate) fn template_findings(workspace: &Workspace, templates: &[&Template]) -> Vec<Diagnostic> {
    let required: Vec<&str> = workspace.config.rules.required.iter().map(|r| r.message.as_str()).collect();
    templates.iter().flat_map(|t| hidden(workspace, t, &required)).collect()
}

/// The findings to report for `assessed`: a check that fails on the same layer in every locale
/// of a template (two or more locales) is the template's doing, reported once at that layer of the
/// template file, naming the locales; the rest as they are, at the locale's message.
pub(crate) fn attribute(workspace: &Workspace, assessed: &[Assessed<'_>]) -> Vec<Diagnostic> {
    // (template, layer, code) → the locales with that finding.
    let mut locales_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut by_fault: BTreeMap<(&str, &str, Code), BTreeSet<&str>> = BTreeMap::new();
    for a in assessed {
        locales_of.entry(a.template.name.as_str()).or_default().insert(a.locale);
        for d in &a.findings {
            let layer = d.layer.as_deref().unwrap_or("");
            by_fault.entry((a.template.name.as_str(), layer, d.code)).or_default().insert(a.locale);
        }
    }
    let the_templates: BTreeSet<(&str, &str, Code)> = by_fault
        .iter()
        .filter(|((template, _, _), locales)| locales.len() >= 2 && Some(*locales) == locales_of.get(template))
        .map(|(fault, _)| *fault)
        .collect();
    let mut out = Vec::new();
    let mut reported: BTreeSet<(&str, &str, Code)> = BTreeSet::new();
    for a in assessed {
        for d in &a.findings {
            let fault = (a.template.name.as_str(), d.layer.as_deref().unwrap_or(""), d.code);
            if !the_templates.contains(&fault) {
                out.push(d.clone());
            } else if reported.insert(fault) {
                let locales: Vec<&str> = by_fault[&fault].iter().copied().collect();
                out.push(at_template(workspace, a.template, d, &locales));
            }
        }
    }
    out
}

/// `d`, found in every one of `locales`, moved to its layer in the template file.
fn at_template(workspace: &Workspace, template: &Template, d: &Diagnostic, locales: &[&str]) -> Diagnostic {
    let mut moved =
        Diagnostic::new(d.severity, d.code, format!("{} (in every locale: {})", d.message, locales.join(", ")))
            .file(placard_pipeline::relative(&template.path, &workspace.config.root));
    moved.template = d.template.clone();
    moved.layer = d.layer.clone();
    moved.message_id = d.message_id.clone();
    let fix = match d.code {
        Code::Overflow => "give the layer a bigger box or a smaller minimum size.".to_owned(),
        Code::TooSmall => "give the layer a bigger box, so the required text can be set at a legible size.".to_owned(),
        Code::BrokenNumber => "widen the layer's box, so the number fits on one line.".to_owned(),
        _ => d.hint.clone().unwrap_or_default(),
    };
    moved.hint = Some(format!("It fails in every locale, so the template is the place to fix it: {fix}"));
    let index = d.layer.as_deref().and_then(layer_index);
    if let Some(&(line, column)) = index.and_then(|i| template.layer_at.get(i)) {
        moved.line = Some(line);
        moved.column = Some(column);
    }
    moved
}

/// The index in `layers[3] (helpline)`.
fn layer_index(layer: &str) -> Option<usize> {
    layer.strip_prefix("layers[")?.split(']').next()?.parse().ok()
}
