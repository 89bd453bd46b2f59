//! Print PDFs from the composed scenes: each asset's own PDF, and the print pack (one page per
//! locale of a template, `print/<template>.pdf`), both from the very scenes the PNGs were
//! rendered from.

use placard_layout::FontLibrary;
use placard_pipeline::{OutputFormat, Template, Workspace};
use placard_scene::Scene;

use crate::error::BuildError;
use crate::inputs::Inputs;

/// What every PDF of a run needs: the fonts its glyphs are in, and the campaign's name for the
/// document's title.
#[derive(Clone, Copy, Debug)]
pub struct Print<'a> {
    fonts: &'a FontLibrary,
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
        Print { fonts: &inputs.fonts, campaign: workspace.config.campaign.as_deref().unwrap_or("Placard campaign") }
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
        let document = placard_pdf::Document { title, lang, archive, pages };
        placard_pdf::write(&document, self.fonts)
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
