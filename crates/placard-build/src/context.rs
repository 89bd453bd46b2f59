//! Translator context: `context/<locale>.html` (templates/context.html), one page per locale that
//! lists every message of the reference with its comment, the reference text, the translation,
//! where each is defined (file:line) and what lint found in it; and for each template that shows
//! the message, the translator's own crop (cut from the image built from their text) beside the
//! reference's, or why there is none (the text failed lint, the layout checks refused the image,
//! this run did not build it) — so a translator sees their own text laid out, not only English.

use placard_core::Diagnostic;
use placard_fluent::{Catalog, EntryKind};
use placard_lint::Report;
use placard_pipeline::{Layer, LocaleTexts, Template, Workspace};

use crate::Refused;
use crate::assess::Texts;
use crate::output::{AssetRecord, FindingRecord, LayerRecord, Manifest, about_asset, render};
use crate::web_fonts::PageFonts;

/// Widest crop shown, px; larger parts are scaled down.
const CROP_WIDTH: i32 = 280;
/// Canvas around a layer's box that a crop also shows, px.
const CROP_MARGIN: i32 = 16;

/// One reference message (or attribute) and where it comes from.
struct Entry {
    /// `id` or `id.attribute`.
    id: String,
    comment: Option<String>,
}

/// The reference's messages and attributes, in file order (terms are names and numbers, shown
/// inside the messages that use them).
fn entries(workspace: &Workspace) -> Vec<Entry> {
    let Some(locale) = workspace.reference() else { return Vec::new() };
    let catalog = Catalog::new(locale.files.iter().map(|f| (f.path.as_str(), &f.parsed)));
    let mut out = Vec::new();
    for file in catalog.files() {
        for entry in file.unique().filter(|e| e.kind == EntryKind::Message) {
            let comment = entry.comment.map(|c| c.content.join("\n"));
            if entry.value.is_some() {
                out.push(Entry { id: entry.id.name.to_owned(), comment: comment.clone() });
            }
            for attribute in entry.attributes {
                out.push(Entry { id: format!("{}.{}", entry.id.name, attribute.id.name), comment: comment.clone() });
            }
        }
    }
    out
}

/// The ids the context pages show (every message and attribute of the reference): the stage
/// formats them for every locale.
pub(crate) fn context_ids(workspace: &Workspace) -> Vec<String> {
    entries(workspace).into_iter().map(|e| e.id).collect()
}

/// What the context pages are made from, besides the reference's messages.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ContextInput<'a> {
    pub workspace: &'a Workspace,
    /// Every finding of the run, text and layout.
    pub lint: &'a Report,
    /// Asset paths are relative to the output folder.
    pub manifest: &'a Manifest,
    /// What the stage formatted (it was asked for [`context_ids`]).
    pub texts: &'a Texts,
    /// The templates this run loaded.
    pub templates: &'a [Template],
    /// Template names in pipeline.yaml's order, loaded this run or not.
    pub order: &'a [&'a str],
    /// Locales not built: their text failed lint.
    pub blocked: &'a [String],
    /// Assets the layout checks refused.
    pub refused: &'a [Refused],
    pub fonts: &'a PageFonts,
    /// Phrases that must not break across lines (the required strings: the helpline).
    pub keep: &'a [&'a str],
}

/// `templates/context.html`: one locale's page.
#[derive(askama::Template)]
#[template(path = "context.html")]
struct Page<'a> {
    locale: &'a str,
    reference: Side<'a>,
    own: Side<'a>,
    translated: usize,
    total: usize,
    /// Why none of this locale's images was built, when none was.
    not_built: Option<String>,
    rows: Vec<Row>,
    stylesheet: Option<String>,
    /// The class of the pages' own text (file names, notes) inside a translation's cell.
    ui: Option<String>,
}

/// How one locale's text is marked up: its code, BCP 47 tag, direction and font class.
struct Side<'a> {
    code: &'a str,
    lang: String,
    dir: &'static str,
    class: Option<String>,
}

/// One message (or attribute).
struct Row {
    id: String,
    comment: Option<String>,
    reference: Option<String>,
    /// `file:line` where the reference defines it.
    reference_at: Option<String>,
    /// The locale's own text (not the reference's, where it falls back).
    translation: Option<String>,
    translation_at: Option<String>,
    /// The text findings about it.
    findings: Vec<Finding>,
    /// Each template that shows it, in pipeline order.
    shown: Vec<Shown>,
}

struct Shown {
    template: String,
    reference: View,
    own: View,
    /// How the translation fits the layer: size, lines, and whether it fits.
    fit: Option<String>,
    /// The layout findings about the message in this template.
    findings: Vec<Finding>,
}

/// A crop, or why there is none.
enum View {
    Crop(Crop),
    Missing(String),
}

struct Finding {
    severity: String,
    code: String,
    message: String,
    at: Option<String>,
}

/// The part of an image around a layer's box, shown at most [`CROP_WIDTH`] wide in its own
/// proportions: a window (`aspect-ratio` of the part's size) over the whole image, scaled and
/// shifted in per cent of the window, so a narrower screen scales both alike.
struct Crop {
    src: String,
    /// The part's size in image pixels.
    width: i32,
    height: i32,
    /// How wide it is shown, px (`max-width: 100%` may narrow it, keeping its proportions).
    shown_width: i32,
    image_width: u32,
    image_height: u32,
    /// The image's width, and its offset left and up, in per cent of the window.
    scale: String,
    left: String,
    top: String,
}

/// The page for each of `locales` (not the reference), as (path under the output folder, HTML).
pub(crate) fn context_pages(input: &ContextInput<'_>, locales: &[&str]) -> Vec<(String, String)> {
    let ContextInput { workspace, lint, manifest, texts, templates, order, blocked, refused, fonts, keep } = *input;
    // Every template of the output, in pipeline order (then any an earlier build made, by name),
    // so a build of some templates writes the same pages as a build of all.
    let names = manifest.templates_in(order);
    // Whether `template` shows `id`: as this run loaded it, or as the output's images record.
    let shows = |template: &str, id: &str| {
        templates
            .iter()
            .filter(|t| t.name == template)
            .any(|t| t.layers.iter().any(|l| matches!(l, Layer::Text(text) if text.message == id)))
            || manifest.assets.iter().any(|a| a.template == template && a.layers.iter().any(|l| l.message == id))
    };
    let reference = workspace.config.reference.code.as_str();
    let entries = entries(workspace);
    let empty = LocaleTexts::default();
    let texts_of = |code: &str| texts.get(code).unwrap_or(&empty);
    let side = |code| Side {
        code,
        lang: workspace.locale(code).map_or_else(|| code.to_owned(), placard_core::Locale::tag),
        dir: workspace.direction(code),
        class: fonts.class_for(code),
    };
    let reference_texts = texts_of(reference);
    let reference_assets = one_per_template(manifest, reference);
    let at = |t: &LocaleTexts, id: &str| t.defined_at.get(id).map(|at| format!("{}:{}", at.file, at.line));
    let recorded = |r: &FindingRecord| Finding {
        severity: r.severity.clone(),
        code: r.code.clone(),
        message: r.message.clone(),
        at: r.at.clone(),
    };
    let finding = |d: &Diagnostic| recorded(&FindingRecord::of(d));

    let mut pages = Vec::new();
    for &locale in locales.iter().filter(|&&l| l != reference) {
        let own_texts = texts_of(locale);
        let own_assets = one_per_template(manifest, locale);
        let is_blocked = blocked.iter().any(|b| b == locale);
        let translated = own_texts.shown.values().flatten().filter(|t| t.from == locale).count();
        let rows = entries
            .iter()
            .map(|entry| {
                let own = own_texts.shown.get(&entry.id).cloned().flatten().filter(|t| t.from == locale);
                let shown = names
                    .iter()
                    .copied()
                    .filter(|name| shows(name, &entry.id))
                    .map(|name| {
                        let about = |d: &&Diagnostic| about_asset(d, name, locale) && concerns(d, &entry.id);
                        // A published image's findings as its record keeps them (the same as this
                        // run's report for the templates it built, and what the build that made
                        // the image found for the others); a refused one's from the report.
                        let findings: Vec<Finding> = match own_assets.iter().find(|a| a.template == name) {
                            Some(asset) => asset
                                .findings
                                .iter()
                                .filter(|r| r.message_id.as_deref().is_some_and(|about| is_about(about, &entry.id)))
                                .map(recorded)
                                .collect(),
                            None => lint.diagnostics.iter().filter(about).map(finding).collect(),
                        };
                        let missing = |code: &str, is_blocked: bool| {
                            let refusal = refused.iter().find(|r| r.locale == code && r.template == name);
                            View::Missing(match (is_blocked, refusal) {
                                (true, _) => format!(
                                    "Not built: {code}'s text has lint errors (run placard lint --locale {code}); \
                                     the findings are beside the text above."
                                ),
                                (false, Some(r)) => {
                                    let codes: Vec<&str> = r.codes.iter().map(|c| c.as_str()).collect();
                                    let listed = if findings.is_empty() {
                                        "none of them is about this message"
                                    } else {
                                        "what they found about this message is listed beside"
                                    };
                                    format!(
                                        "Not published: the layout checks refused {code}'s {name} image ({}); {listed}.",
                                        codes.join(", ")
                                    )
                                }
                                (false, None) => format!("No {name} image of {code} in this output: not built in this run."),
                            })
                        };
                        let reference_view = match layer_of(&reference_assets, name, &entry.id) {
                            Some((asset, layer)) => View::Crop(crop(asset, layer.r#box)),
                            None => missing(reference, blocked.iter().any(|b| b == reference)),
                        };
                        let (own_view, fit) = match layer_of(&own_assets, name, &entry.id) {
                            Some((asset, layer)) => {
                                let fit = format!(
                                    "{} px, {} line{}{}",
                                    layer.size.round(),
                                    layer.lines.len(),
                                    if layer.lines.len() == 1 { "" } else { "s" },
                                    if layer.fits { "" } else { " — does not fit" }
                                );
                                (View::Crop(crop(asset, layer.r#box)), Some(fit))
                            }
                            None => (missing(locale, is_blocked), None),
                        };
                        Shown { template: name.to_owned(), reference: reference_view, own: own_view, fit, findings }
                    })
                    .collect();
                Row {
                    id: entry.id.clone(),
                    comment: entry.comment.clone(),
                    // Shown as the images draw them: the helpline never broken across lines.
                    reference: reference_texts
                        .shown
                        .get(&entry.id)
                        .cloned()
                        .flatten()
                        .map(|t| placard_layout::keep_together(&t.text, keep)),
                    reference_at: at(reference_texts, &entry.id),
                    translation_at: own.as_ref().and_then(|_| at(own_texts, &entry.id)),
                    translation: own.map(|t| placard_layout::keep_together(&t.text, keep)),
                    findings: lint
                        .diagnostics
                        .iter()
                        .filter(|d| d.template.is_none() && d.locale.as_deref() == Some(locale) && concerns(d, &entry.id))
                        .map(finding)
                        .collect(),
                    shown,
                }
            })
            .collect();
        let not_built = is_blocked.then(|| {
            format!(
                "{locale} was not built: its text has lint errors (run placard lint --locale {locale}). \
                 The reference's crops show where each message goes."
            )
        });
        let page = Page {
            locale,
            reference: side(reference),
            own: side(locale),
            translated,
            total: entries.len(),
            not_built,
            rows,
            stylesheet: fonts.stylesheet(1),
            ui: fonts.ui_class(),
        };
        pages.push((format!("context/{locale}.html"), render(&page)));
    }
    pages
}

/// `locale`'s assets, one per template (the PNG where there is one), by template name.
fn one_per_template<'m>(manifest: &'m Manifest, locale: &str) -> Vec<&'m AssetRecord> {
    let mut assets: Vec<&AssetRecord> = manifest.assets.iter().filter(|a| a.locale == locale).collect();
    assets.sort_by_key(|a| (a.template.clone(), a.format != "png", a.format.clone()));
    assets.dedup_by(|a, b| a.template == b.template);
    assets
}

/// The asset of `template` among `assets` and its layer showing `id`.
fn layer_of<'m>(assets: &[&'m AssetRecord], template: &str, id: &str) -> Option<(&'m AssetRecord, &'m LayerRecord)> {
    let asset = *assets.iter().find(|a| a.template == template)?;
    Some((asset, asset.layers.iter().find(|l| l.message == id)?))
}

/// Whether `d` is about the message or attribute `id`: the same id, or its message when `id` is an
/// attribute and the finding names the whole message.
fn concerns(d: &Diagnostic, id: &str) -> bool {
    d.message_id.as_deref().is_some_and(|about| is_about(about, id))
}

/// Whether a finding about `about` (a message or attribute id) concerns the entry `id`.
fn is_about(about: &str, id: &str) -> bool {
    about == id || id.split_once('.').is_some_and(|(message, _)| about == message)
}

/// The part of `asset` around `rect` (x, y, w, h) and [`CROP_MARGIN`] of canvas about it.
fn crop(asset: &AssetRecord, rect: [i32; 4]) -> Crop {
    let [x, y, w, h] = rect;
    let x0 = (x - CROP_MARGIN).max(0);
    let y0 = (y - CROP_MARGIN).max(0);
    let x1 = (x + w + CROP_MARGIN).min(asset.width as i32);
    let y1 = (y + h + CROP_MARGIN).min(asset.height as i32);
    let (cw, ch) = ((x1 - x0).max(1), (y1 - y0).max(1));
    let percent = |part: f64, of: i32| format!("{:.4}", part * 100.0 / f64::from(of));
    Crop {
        src: format!("../{}", asset.path),
        width: cw,
        height: ch,
        shown_width: cw.min(CROP_WIDTH),
        image_width: asset.width,
        image_height: asset.height,
        scale: percent(f64::from(asset.width), cw),
        left: percent(f64::from(x0), cw),
        top: percent(f64::from(y0), ch),
    }
}
