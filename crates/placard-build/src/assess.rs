//! One composition, one set of findings. Each locale × template is composed once per run into the
//! scene the renderer draws, and the layout checks run on that same scene: `placard lint` drops
//! the scene after checking it, `placard build` keeps it to render, so what the build publishes is
//! exactly what was checked, and the build refuses exactly what lint rejects.
//!
//! The checks themselves live in `placard_lint::layout`; this module only composes and hands them
//! what it composed.

use std::collections::BTreeMap;

use image::RgbaImage;
use placard_core::Diagnostic;
use placard_lint::layout::{
    Backdrop, ComposedQr, ComposedText, Luma, MIN_LEGIBLE_SHARE, MessageSource, TemplateGeometry, check_lockup,
    check_qr, check_text,
};
use placard_pipeline::{Layer, LocaleTexts, QR_QUIET_ZONE, QrLayer, Template, Workspace};
use rayon::prelude::*;

use crate::inputs::Inputs;
use crate::scene::{Composed, Writing, compose, family_for};

/// Every formatted message a template shows, per locale, as the stage formatted them.
pub(crate) type Texts = BTreeMap<String, LocaleTexts>;

/// One asset, composed and checked.
pub(crate) struct Assessed<'a> {
    pub locale: &'a str,
    pub template: &'a Template,
    /// The scene and what was laid out in it, when the caller asked to keep it (to render).
    pub composed: Option<Composed>,
    /// The layout checks' findings for this asset, each pointing at the locale's message.
    pub findings: Vec<Diagnostic>,
    /// How each text layer was laid out (size, lines), kept when the scene is not.
    pub layers: Vec<crate::output::LayerRecord>,
}

/// Composes and checks every `(locale, template)` of `jobs`, in parallel, in `jobs` order.
/// `keep` keeps each scene for rendering; without it a scene is dropped once checked.
pub(crate) fn assess<'a>(
    workspace: &Workspace,
    inputs: &'a Inputs,
    texts: &Texts,
    jobs: &[(&'a str, &'a Template)],
    keep: bool,
) -> Vec<Assessed<'a>> {
    let composer = Composer::new(workspace, inputs, texts, jobs.iter().map(|(_, t)| *t));
    jobs.par_iter().map(|&(locale, template)| composer.assess(locale, template, keep)).collect()
}

/// What composing and checking share across a run: the rules' strings, and what the inputs make
/// once (`Inputs::made`: scaled backgrounds, shared backdrops, a typesetter per worker thread).
pub(crate) struct Composer<'w, 'i, 't> {
    workspace: &'w Workspace,
    inputs: &'i Inputs,
    texts: &'t Texts,
    required: Vec<&'w str>,
    phrases: Vec<&'w str>,
}

impl<'w, 'i, 't> Composer<'w, 'i, 't> {
    /// Ready to compose the `templates` that will be asked for (their backgrounds are scaled now,
    /// in parallel, when no earlier run of these inputs scaled them).
    pub fn new<'x>(
        workspace: &'w Workspace,
        inputs: &'i Inputs,
        texts: &'t Texts,
        templates: impl Iterator<Item = &'x Template>,
    ) -> Self {
        let config = &workspace.config;
        let names: Vec<&str> = templates.map(|t| t.name.as_str()).collect();
        inputs.templates.par_iter().filter(|t| names.contains(&t.name.as_str())).for_each(|t| {
            inputs.background(t);
        });
        Composer {
            workspace,
            inputs,
            texts,
            required: config.rules.required_messages(),
            phrases: config.rules.required_strings(),
        }
    }

    /// Composes `template` for `locale` and runs the layout checks on it; `keep` keeps the scene.
    /// Without `keep`, a composition these inputs already checked with the same texts at the
    /// same places is not made again: its findings and layout are taken from the memo.
    pub fn assess<'a>(&self, locale: &'a str, template: &'a Template, keep: bool) -> Assessed<'a> {
        let key = (!keep).then(|| memo_key(locale, template, &self.texts[locale]));
        if let Some(key) = &key
            && let Some(hit) = self.inputs.made.memo.lock().ok().and_then(|memo| memo.get(key).cloned())
        {
            let findings = hit.findings_at(&self.texts[locale]);
            return Assessed { locale, template, composed: None, findings, layers: hit.layers.clone() };
        }
        let assessed = self.compose_and_check(locale, template, keep);
        if let Some(key) = key
            && let Ok(mut memo) = self.inputs.made.memo.lock()
        {
            // Bounded: an editing session makes a new entry per keystroke per template.
            if memo.len() >= MEMO_ENTRIES {
                memo.clear();
            }
            let staged = &self.texts[locale];
            let sources = text_layers_of(template)
                .map(|(_, l)| (l.message.clone(), staged.defined_at.get(&l.message).cloned()))
                .collect();
            let kept = Memo { findings: assessed.findings.clone(), layers: assessed.layers.clone(), sources };
            memo.insert(key, std::sync::Arc::new(kept));
        }
        assessed
    }

    fn compose_and_check<'a>(&self, locale: &'a str, template: &'a Template, keep: bool) -> Assessed<'a> {
        let (workspace, inputs, texts) = (self.workspace, self.inputs, self.texts);
        let (required, phrases) = (&self.required, &self.phrases);
        let (typesetters, shared) = (&inputs.made.typesetters, &inputs.made.backdrops);
        let slot = rayon::current_thread_index().unwrap_or(0) % typesetters.len();
        // Never wait: a thread that finds its slot busy (nested work) uses one of its own.
        let mut guard = typesetters[slot].try_lock().ok();
        let mut own = None;
        let typesetter = match guard.as_deref_mut() {
            Some(kept) => kept.get_or_insert_with(|| inputs.fonts.typesetter()),
            None => own.insert(inputs.fonts.typesetter()),
        };
        let staged = &texts[locale];
        let texts = &staged.shown;
        let composed = compose(
            template,
            inputs,
            &Writing::of(workspace, locale),
            texts,
            inputs.background(template),
            phrases,
            &workspace.config.rules.lockups,
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
        let backdrop = Backdrop { width: behind.width(), height: behind.height(), rgba: behind.as_raw() };
        let legible_default = (template.width.min(template.height) as f32 * MIN_LEGIBLE_SHARE).round().max(10.0);
        let mut findings = Vec::new();
        for ((index, layer), block) in text_layers_of(template).zip(&composed.blocks) {
            let Some(Some(_)) = texts.get(&layer.message) else { continue };
            let composed_text = ComposedText {
                locale,
                template: &template.name,
                index,
                message: &layer.message,
                source: staged.defined_at.get(&layer.message).cloned(),
                block: &block.text,
                fitted_in: block.fitted_in,
                origin: block.origin,
                family: family_for(inputs, locale, layer),
                weight: layer.weight,
                color: layer.color,
                required: required.contains(&layer.message.as_str()) || template.requires.contains(&layer.message),
                must_show: workspace.config.rules.strings_required_of(&layer.message),
                min_legible: layer.min_legible.unwrap_or(legible_default),
            };
            check_text(&composed_text, phrases, &backdrop, &mut findings);
            if let Some(lockup) = workspace.config.rules.lockup_of(&layer.message) {
                let lead = text_layers_of(template)
                    .zip(&composed.blocks)
                    .find(|((_, l), b)| l.message == lockup.after && b.text.extent.is_some())
                    .map(|(_, b)| b.text.size);
                check_lockup(&composed_text, lockup, lead, &mut findings);
            }
        }
        for (index, layer) in template.layers.iter().enumerate() {
            if let Layer::Qr(qr) = layer {
                check_qr_layer(workspace, (locale, template), (index, qr), &composed.scene, &mut findings);
            }
        }
        let layers = if keep { Vec::new() } else { composed.layers.clone() };
        Assessed { locale, template, composed: keep.then_some(composed), findings, layers }
    }
}

/// What checking one composition found, kept in `Inputs::made.memo`, with where each of its
/// messages was defined then.
pub(crate) struct Memo {
    findings: Vec<Diagnostic>,
    layers: Vec<crate::output::LayerRecord>,
    sources: Vec<(String, Option<MessageSource>)>,
}

impl Memo {
    /// The findings, pointing where `staged` now defines each message (typing above a message
    /// moves it, and changes nothing about how it is laid out).
    fn findings_at(&self, staged: &LocaleTexts) -> Vec<Diagnostic> {
        let mut findings = self.findings.clone();
        for (message, was) in &self.sources {
            let (Some(was), Some(now)) = (was, staged.defined_at.get(message)) else { continue };
            for d in
                findings.iter_mut().filter(|d| d.span.as_ref() == Some(&was.span) && d.file.as_ref() == Some(&was.file))
            {
                d.span = Some(now.span.clone());
                d.line = Some(now.line);
                d.column = Some(now.column);
            }
        }
        findings
    }
}

/// How many compositions the memo keeps before it starts again.
const MEMO_ENTRIES: usize = 4096;

/// Everything a composition's findings depend on beyond the inputs and pipeline.yaml (which a
/// memo never outlives): the locale, the template, and each text layer's shown text, the
/// locale it came from and the file it is defined in (where in the file is put right on a hit).
fn memo_key(locale: &str, template: &Template, staged: &LocaleTexts) -> Vec<u8> {
    let mut key = Vec::new();
    let mut field = |bytes: &[u8]| {
        key.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        key.extend_from_slice(bytes);
    };
    field(locale.as_bytes());
    field(template.name.as_bytes());
    for (_, layer) in text_layers_of(template) {
        field(layer.message.as_bytes());
        match staged.shown.get(&layer.message) {
            Some(Some(text)) => {
                field(text.text.as_bytes());
                field(text.from.as_bytes());
            }
            Some(None) => field(b"\0none"),
            None => field(b"\0unasked"),
        }
        field(staged.defined_at.get(&layer.message).map_or(&b"\0nowhere"[..], |at| at.file.as_bytes()));
    }
    key
}

/// Reads QR layer `index` (`qr`) of `template` back from `scene`, rendering only the code and its
/// quiet zone, with everything painted over them, and hands the pixels to `qr-mismatch`.
fn check_qr_layer(
    workspace: &Workspace,
    (locale, template): (&str, &Template),
    (index, qr): (usize, &QrLayer),
    scene: &placard_scene::Scene,
    findings: &mut Vec<Diagnostic>,
) {
    let (x, y) = qr.code_origin();
    let margin = (QR_QUIET_ZONE * qr.module_px) as i32;
    let (left, top) = ((x - margin).max(0) as u32, (y - margin).max(0) as u32);
    let pixels = placard_render::render_region(scene, [left, top, qr.outer_side(), qr.outer_side()]);
    let luma = placard_lint::layout::luma(pixels.as_raw());
    // The numbers it may give: those the required rules demand of what this template shows.
    let rules = &workspace.config.rules;
    let mut required: Vec<&str> = Vec::new();
    let shown = text_layers_of(template).map(|(_, t)| t.message.as_str());
    for message in template.requires.iter().map(String::as_str).chain(shown) {
        for string in rules.strings_required_of(message) {
            if !required.contains(&string) {
                required.push(string);
            }
        }
    }
    let file = placard_pipeline::relative(&template.path, &workspace.config.root);
    let composed = ComposedQr {
        locale,
        template: &template.name,
        file: &file,
        at: template.layer_at.get(index).copied(),
        index,
        payload: &qr.payload,
        side: qr.side,
        modules: &qr.modules,
        module_px: qr.module_px,
        dpi: template.dpi,
        pixels: Luma { width: pixels.width(), height: pixels.height(), luma: &luma },
        required: &required,
    };
    check_qr(&composed, findings);
}

/// `template`'s text layers and their indices in `layers`, in order (as `Composed::blocks`).
fn text_layers_of(template: &Template) -> impl Iterator<Item = (usize, &placard_pipeline::TextLayer)> {
    template.layers.iter().enumerate().filter_map(|(i, l)| match l {
        Layer::Text(t) => Some((i, t)),
        Layer::Image(_) | Layer::Qr(_) => None,
    })
}

/// The scene without its text: what the text is read against.
fn backdrop(composed: &Composed) -> placard_scene::Scene {
    let scene = &composed.scene;
    placard_scene::Scene {
        width: scene.width,
        height: scene.height,
        background: scene.background.clone(),
        layers: scene.layers.iter().filter(|l| !matches!(l, placard_scene::Layer::Text { .. })).cloned().collect(),
    }
}

/// Whether `template`'s backdrop (everything but its text) is the same for every locale: no band
/// follows its text and no image changes or moves with the locale (a group moves its images and
/// bands with the text before them).
fn shareable(template: &Template) -> bool {
    template.groups.iter().all(|g| g.band.is_none())
        && template.layers.iter().enumerate().all(|(i, l)| match l {
            Layer::Text(t) => t.band.is_none_or(|b| !b.hug) && (t.band.is_none() || template.group_of(i).is_none()),
            Layer::Image(image) => image.locales.is_empty() && template.group_of(i).is_none(),
            Layer::Qr(_) => true,
        })
}

/// What the layout checks report for a run: the templates' own findings, then every asset's, a
/// fault that every locale shares moved to its template (`placard_lint::layout::attribute`
/// decides), less the drawn-text `required-text` findings for messages the text checks (`text`)
/// already found wrong: one fault, one finding. `placard lint` and `placard build` both report this.
pub(crate) fn layout_report(
    template_level: &[Diagnostic],
    assessed: &[Assessed<'_>],
    geometry: &[TemplateGeometry<'_>],
    text: &[Diagnostic],
) -> Vec<Diagnostic> {
    let assets: Vec<(&str, &str, &[Diagnostic])> =
        assessed.iter().map(|a| (a.locale, a.template.name.as_str(), a.findings.as_slice())).collect();
    let mut out = template_level.to_vec();
    out.extend(not_found_already(placard_lint::layout::attribute(&assets, geometry), text));
    out
}

/// `layout` without the layout checks' `required-text` findings (required text missing from the
/// text as drawn) for a message the text checks already found wrong. The layout finding stays
/// where the text checks passed, for there the two disagree.
fn not_found_already(layout: Vec<Diagnostic>, text: &[Diagnostic]) -> Vec<Diagnostic> {
    use placard_core::Code;
    let wrong: std::collections::BTreeSet<(Option<&str>, Option<&str>)> = text
        .iter()
        .filter(|d| d.is_error() && matches!(d.code, Code::RequiredText | Code::MissingRequired))
        .map(|d| (d.locale.as_deref(), d.message_id.as_deref()))
        .collect();
    layout
        .into_iter()
        .filter(|d| d.code != Code::RequiredText || !wrong.contains(&(d.locale.as_deref(), d.message_id.as_deref())))
        .collect()
}
