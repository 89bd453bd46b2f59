//! Print PDFs from the composed scenes: each asset's own PDF, and the print pack (one page per
//! locale of a template, `print/<template>.pdf`), both from the very scenes the PNGs were
//! rendered from.

use placard_pipeline::{OutputFormat, Template, Workspace};
use placard_scene::Scene;
use sha2::{Digest, Sha256};

use crate::error::BuildError;
use crate::inputs::Inputs;

/// What every PDF of a run needs: the fonts its glyphs are in, and the campaign's name for the
/// document's title.
#[derive(Clone, Copy, Debug)]
pub struct Print<'a> {
    workspace: &'a Workspace,
    inputs: &'a Inputs,
    campaign: &'a str,
}

/// One locale's page of a template: the scene, and the locale's language and alt text.
#[derive(Debug)]
pub struct Sheet<'a> {
    pub scene: &'a Scene,
    /// The locale's code, the page's bookmark.
    pub locale: &'a str,
    pub lang: String,
    pub alt: Option<&'a str>,
}

impl<'a> Print<'a> {
    pub fn new(workspace: &'a Workspace, inputs: &'a Inputs) -> Print<'a> {
        let campaign = workspace.config.campaign.as_deref().unwrap_or("Placard campaign");
        Print { workspace, inputs, campaign }
    }

    /// `template`'s PDF of `sheets`, a page each, in `format`'s settings; `title` names the
    /// document after the campaign and the template.
    pub fn document(
        &self,
        template: &Template,
        sheets: &[Sheet<'_>],
        format: OutputFormat,
        title: &str,
    ) -> Result<Vec<u8>, BuildError> {
        let OutputFormat::Pdf { crop_marks, archival } = format else {
            unreachable!("a PDF is written only for a pdf output")
        };
        let pages = sheets
            .iter()
            .map(|sheet| placard_pdf::Page {
                scene: sheet.scene,
                dpi: f32::from(template.dpi.unwrap_or(72)),
                bleed: template.bleed,
                lang: &sheet.lang,
                alt: sheet.alt,
                crop_marks,
                label: sheet.locale,
            })
            .collect();
        let lang = sheets.first().map_or("und", |s| s.lang.as_str());
        let archive = if archival { placard_pdf::Archive::A2b } else { placard_pdf::Archive::None };
        // PDF/A requires a creation date: the reproducible-builds one when the environment
        // gives it, else 1970-01-01, never the clock (the same inputs give the same bytes).
        let created = archival
            .then(|| std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<u64>().ok()).unwrap_or(0));
        let document = placard_pdf::Document { title, lang, archive, created, pages };
        placard_pdf::write(&document, &self.inputs.fonts)
            .map_err(|e| BuildError::input(&template.path, format!("cannot write {title} as PDF: {e}")))
    }

    /// The title of one locale's PDF of `template`.
    pub fn title(&self, template: &Template, locale: Option<&str>) -> String {
        match locale {
            Some(locale) => format!("{} — {} ({locale})", self.campaign, template.name),
            None => format!("{} — {}", self.campaign, template.name),
        }
    }
}

/// The print pack of a template in manifest.json: its file, and the per-locale PDFs its pages
/// are (locale and SHA-256, in page order), so a later build knows whether it is still true.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PackRecord {
    pub template: String,
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    pub pages: Vec<PackPage>,
}

/// One page of a print pack: the locale, and the SHA-256 of that locale's own PDF.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PackPage {
    pub locale: String,
    pub sha256: String,
}

/// Writes `print/<template>.pdf` into `staging` for every template with a PDF output: one page
/// per locale whose own PDF is published (`assets`), in locale order, each from the locale's
/// composition (the same scene its PDF and PNG were drawn from). A pack whose pages' PDFs are
/// all unchanged since `previous` is kept as it is; one with a page this run cannot compose (a
/// locale outside a narrowed run's selection, whose PDF changed) is not published: a pack is
/// never out of date with the files beside it.
pub(crate) fn packs(
    print: &Print<'_>,
    texts: &crate::assess::Texts,
    assets: &[crate::output::AssetRecord],
    previous: Option<&crate::output::Previous>,
    staging: &crate::output::Staging,
) -> Result<Vec<PackRecord>, BuildError> {
    let (workspace, inputs) = (print.workspace, print.inputs);
    let kept_packs = previous.map(|p| p.manifest.packs.as_slice()).unwrap_or_default();
    let file = |rel: &str| previous.map(|p| p.file(rel)).unwrap_or_default();
    // The pages a pack of `template` has now: each locale's published PDF.
    let pages_of = |template: &str| {
        let mut pages: Vec<PackPage> = assets
            .iter()
            .filter(|a| a.template == template && a.format == "pdf")
            .map(|a| PackPage { locale: a.locale.clone(), sha256: a.sha256.clone() })
            .collect();
        pages.sort_by(|a, b| a.locale.cmp(&b.locale));
        pages.dedup_by(|a, b| a.locale == b.locale);
        pages
    };
    let mut packs = Vec::new();
    // A template this run did not load (`--template`) keeps its pack while its pages are the same.
    for kept in kept_packs.iter().filter(|p| !inputs.templates.iter().any(|t| t.name == p.template)) {
        if kept.pages == pages_of(&kept.template) && file(&kept.path).is_file() {
            staging.adopt(&file(&kept.path), &kept.path)?;
            packs.push(kept.clone());
        }
    }
    for template in &inputs.templates {
        let Some(&format) = template.outputs.iter().find(|f| matches!(f, OutputFormat::Pdf { .. })) else { continue };
        let pages = pages_of(&template.name);
        if pages.is_empty() {
            continue;
        }
        let path = format!("print/{}.pdf", template.name);
        let unchanged = kept_packs.iter().find(|p| p.template == template.name && p.pages == pages);
        if let Some(kept) = unchanged.filter(|kept| file(&kept.path).is_file()) {
            staging.adopt(&file(&kept.path), &kept.path)?;
            packs.push(kept.clone());
            continue;
        }
        if !pages.iter().all(|p| texts.contains_key(&p.locale)) {
            continue;
        }
        let jobs: Vec<(&str, &Template)> = pages.iter().map(|p| (p.locale.as_str(), template)).collect();
        let composed = crate::assess::assess(workspace, inputs, texts, &jobs, true);
        let alts: Vec<Option<String>> = pages
            .iter()
            .map(|p| {
                let shown = &texts[&p.locale].shown;
                template.alt.as_ref().and_then(|id| shown.get(id).cloned().flatten()).map(|t| t.text)
            })
            .collect();
        let sheets: Vec<Sheet<'_>> = composed
            .iter()
            .zip(&alts)
            .map(|(assessed, alt)| Sheet {
                scene: &assessed.composed.as_ref().expect("kept").scene,
                locale: assessed.locale,
                lang: crate::scene::Writing::of(workspace, assessed.locale).language,
                alt: alt.as_deref(),
            })
            .collect();
        let bytes = print.document(template, &sheets, format, &print.title(template, None))?;
        crate::output::write_atomic(&staging.dir.join(&path), &bytes)?;
        packs.push(PackRecord {
            template: template.name.clone(),
            path,
            bytes: bytes.len() as u64,
            sha256: crate::output::hex(&Sha256::digest(&bytes)),
            pages,
        });
    }
    packs.sort_by(|a, b| a.template.cmp(&b.template));
    Ok(packs)
}
