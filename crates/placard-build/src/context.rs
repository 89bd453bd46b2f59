//! Translator context: `context/<locale>.html`, one page per locale that lists every message of
//! the reference with its comment, the reference text, the translation, what lint found in it,
//! how it fits in each template, and a crop of the reference asset where it appears — so a
//! translator sees how long the text may be and where it goes before translating.

use std::fmt::Write as _;

use placard_core::Diagnostic;
use placard_fluent::{Catalog, EntryKind};
use placard_lint::Report;
use placard_pipeline::Workspace;

use crate::assess::Texts;
use crate::output::{AssetRecord, Manifest, escape};

/// Widest crop shown, px; larger boxes are scaled down.
const CROP_WIDTH: f64 = 280.0;
/// Canvas around a layer's box that a crop also shows, px.
const CROP_MARGIN: i32 = 16;

/// One reference message (or attribute) and where it comes from.
struct Entry {
    /// `id` or `id.attribute`.
    id: String,
    file: String,
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
                out.push(Entry { id: entry.id.name.to_owned(), file: file.path.to_owned(), comment: comment.clone() });
            }
            for attribute in entry.attributes {
                out.push(Entry {
                    id: format!("{}.{}", entry.id.name, attribute.id.name),
                    file: file.path.to_owned(),
                    comment: comment.clone(),
                });
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

/// The page for each of `locales` (not the reference), as (path under the output folder, HTML),
/// from the texts the stage formatted (`texts`, which asked for [`context_ids`]). Asset paths in
/// `manifest` are relative to the output folder.
pub fn context_pages(
    workspace: &Workspace,
    lint: &Report,
    manifest: &Manifest,
    texts: &Texts,
    locales: &[&str],
) -> Vec<(String, String)> {
    let reference = workspace.config.reference.code.as_str();
    let entries = entries(workspace);
    let none = std::collections::BTreeMap::new();
    let shown = |code: &str| texts.get(code).map_or(&none, |t| &t.shown);
    let reference_texts = shown(reference);
    let reference_assets = one_per_template(manifest, reference);

    let mut pages = Vec::new();
    for &locale in locales.iter().filter(|&&l| l != reference) {
        let texts = shown(locale);
        let dir = workspace.direction(locale);
        let own_assets = one_per_template(manifest, locale);
        let translated = texts.values().flatten().filter(|t| t.from == locale).count();

        let mut html = String::new();
        let _ = write!(
            html,
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{l} — translator context</title>\n\
             <style>\nbody{{font-family:system-ui,sans-serif;margin:1.5rem;background:#f4f4f6;color:#111}}\n\
             table{{border-collapse:collapse;width:100%}}th,td{{border:1px solid #ccd;padding:.5rem;vertical-align:top;background:#fff;text-align:start}}\n\
             th{{background:#e8e8f0}}code{{font-size:.85rem}}.comment{{color:#555;font-size:.85rem;white-space:pre-wrap}}\n\
             .crops{{display:flex;flex-wrap:wrap;gap:.6rem;margin-top:.4rem}}.crop{{border:1px solid #ccc;background-repeat:no-repeat}}.missing{{color:#a00;font-style:italic}}\n\
             .error{{color:#a00}}.warning{{color:#a60}}ul{{margin:0;padding-inline-start:1.1rem}}.fit{{font-size:.8rem;color:#333}}\n\
             </style>\n</head>\n<body>\n<h1>{l}: translator context</h1>\n\
             <p>{translated} of {total} messages translated. Reference: {r}. Each crop shows where the reference text \
             appears; a translation should fit the same box. <a href=\"../index.html\">Contact sheet</a></p>\n\
             <table>\n<thead><tr><th>message</th><th>reference ({r})</th><th>translation ({l})</th><th>findings</th></tr></thead>\n<tbody>\n",
            l = escape(locale),
            r = escape(reference),
            total = entries.len(),
        );
        for entry in &entries {
            let _ = write!(
                html,
                "<tr id=\"{id}\"><td><code>{id}</code><br><small>{file}</small>",
                id = escape(&entry.id),
                file = escape(&entry.file)
            );
            if let Some(comment) = &entry.comment {
                let _ = write!(html, "<div class=\"comment\">{}</div>", escape(comment));
            }
            html.push_str("</td><td>");
            if let Some(Some(text)) = reference_texts.get(&entry.id) {
                let _ = write!(html, "<div lang=\"{r}\">{}</div>", escape(&text.text), r = escape(reference));
            }
            let crops: Vec<String> = reference_assets
                .iter()
                .filter_map(|asset| Some(crop(asset, asset.layers.iter().find(|l| l.message == entry.id)?.r#box)))
                .collect();
            if !crops.is_empty() {
                let _ = write!(html, "<div class=\"crops\">{}</div>", crops.concat());
            }
            let _ = write!(html, "</td><td lang=\"{l}\" dir=\"{dir}\">", l = escape(locale));
            match texts.get(&entry.id) {
                Some(Some(text)) if text.from == locale => {
                    let _ = write!(html, "<div>{}</div>", escape(&text.text));
                }
                _ => html.push_str("<div class=\"missing\" dir=\"ltr\">not translated yet</div>"),
            }
            for asset in &own_assets {
                if let Some(layer) = asset.layers.iter().find(|l| l.message == entry.id) {
                    let _ = write!(
                        html,
                        "<div class=\"fit\" dir=\"ltr\">{}: {} px, {} line{}{}</div>",
                        escape(&asset.template),
                        layer.size.round(),
                        layer.lines.len(),
                        if layer.lines.len() == 1 { "" } else { "s" },
                        if layer.fits { "" } else { " — <strong class=\"error\">does not fit</strong>" }
                    );
                }
            }
            html.push_str("</td><td>");
            let findings: Vec<&Diagnostic> = lint
                .diagnostics
                .iter()
                .filter(|d| d.locale.as_deref() == Some(locale) && concerns(d, &entry.id))
                .collect();
            if !findings.is_empty() {
                html.push_str("<ul>");
                for d in findings {
                    let severity = if d.is_error() { "error" } else { "warning" };
                    let _ = write!(
                        html,
                        "<li class=\"{severity}\">{severity}[{code}]: {message}</li>",
                        code = d.code,
                        message = escape(&d.message)
                    );
                }
                html.push_str("</ul>");
            }
            html.push_str("</td></tr>\n");
        }
        html.push_str("</tbody>\n</table>\n</body>\n</html>\n");
        pages.push((format!("context/{locale}.html"), html));
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

/// Whether `d` is about the message or attribute `id`: the same id, or its message when `id` is an
/// attribute and the finding names the whole message.
fn concerns(d: &Diagnostic, id: &str) -> bool {
    let Some(about) = d.message_id.as_deref() else { return false };
    about == id || id.split_once('.').is_some_and(|(message, _)| about == message)
}

/// A `div` that shows the part of `asset` around `rect` (x, y, w, h), scaled to at most
/// [`CROP_WIDTH`] wide, by positioning the full image as its background.
fn crop(asset: &AssetRecord, rect: [i32; 4]) -> String {
    let [x, y, w, h] = rect;
    let x0 = (x - CROP_MARGIN).max(0);
    let y0 = (y - CROP_MARGIN).max(0);
    let x1 = (x + w + CROP_MARGIN).min(asset.width as i32);
    let y1 = (y + h + CROP_MARGIN).min(asset.height as i32);
    let (cw, ch) = ((x1 - x0).max(1), (y1 - y0).max(1));
    let scale = (CROP_WIDTH / f64::from(cw)).min(1.0);
    format!(
        "<figure style=\"margin:0\"><div class=\"fit\">{template}</div><div class=\"crop\" role=\"img\" aria-label=\"{template}\" title=\"{template}\" style=\"width:{w:.0}px;height:{h:.0}px;\
         background-image:url('../{path}');background-size:{bw:.0}px {bh:.0}px;background-position:-{bx:.0}px -{by:.0}px\"></div></figure>",
        template = escape(&asset.template),
        path = escape(&asset.path),
        w = f64::from(cw) * scale,
        h = f64::from(ch) * scale,
        bw = f64::from(asset.width) * scale,
        bh = f64::from(asset.height) * scale,
        bx = f64::from(x0) * scale,
        by = f64::from(y0) * scale,
    )
}
