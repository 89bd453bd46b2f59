//! The layout checks: what a reader of a finished asset would miss. They judge each text layer as
//! it was composed for one asset — the laid-out block, where its glyphs are painted, what is
//! behind them — and each template's geometry. Composing is `placard-build`'s job; these checks
//! only read what it composed, so `lint` and `build` judge the very scene that is rendered.
//!
//! - `text`: `overflow`, `too-small`, `missing-glyph`, `broken-number`, glyph-level `bidi-order`
//! - `lines`: `line-collision` (the ink of two lines touches), `orphan` (one word on a last line)
//! - `contrast`: `contrast` (WCAG 2.x, against the pixels behind the ink)
//! - `geometry`: `helpline-hidden` (a required layer missing, outside the safe area, or covered)
//! - `lockup`: `helpline-lockup` (a lock-up on one line, at its scale over its lead-in)
//! - `qr`: `qr-mismatch` (a QR code read back from the rendered pixels: payload, required number,
//!   module size, quiet zone)
//! - `attribute`: a fault every locale shares is the template's, reported once at its layer

mod attribute;
mod contrast;
mod geometry;
mod lines;
mod lockup;
mod qr;
mod text;

use std::ops::Range;

use placard_core::{Code, Diagnostic, Rgba};
use placard_layout::TextBlock;

pub use attribute::attribute;
pub use contrast::luminance;
pub use geometry::{LayerBox, TemplateGeometry, check_template};
pub use lines::INK_ALPHA;
pub use lockup::{check_lockup, check_lockup_order};
pub use qr::{ComposedQr, Luma, MIN_MODULE_MM, MIN_MODULE_PX, QUIET_ZONE_CONTRAST, check_qr, luma};
pub use text::check_text;

/// The default legible minimum for required text: this share of the canvas's shorter side.
pub const MIN_LEGIBLE_SHARE: f32 = 0.025;

/// Where the message a layer shows is defined (the translator's fix goes there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageSource {
    /// The file as findings name it (relative to the project, `/`-separated).
    pub file: String,
    pub span: Range<usize>,
    pub line: u32,
    pub column: u32,
}

/// One text layer of one asset, as composed for rendering.
#[derive(Debug)]
pub struct ComposedText<'a> {
    pub locale: &'a str,
    pub template: &'a str,
    /// The layer's index in the template's `layers`.
    pub index: usize,
    /// The message id (`id` or `id.attribute`) it shows.
    pub message: &'a str,
    pub source: Option<MessageSource>,
    pub block: &'a TextBlock,
    /// The box the text was fitted in (width, height, px), inside any band padding.
    pub fitted_in: [f32; 2],
    /// Where the block's glyph masks are painted on the canvas (the box's top-left corner).
    pub origin: (i32, i32),
    pub family: &'a str,
    pub weight: u16,
    pub color: Rgba,
    /// Required text (a pipeline rule or the template's `requires`), and its legible minimum.
    pub required: bool,
    /// The strings pipeline.yaml requires this message to show: the text as drawn must hold each.
    pub must_show: Vec<&'a str>,
    pub min_legible: f32,
}

impl ComposedText<'_> {
    fn layer_name(&self) -> String {
        format!("layers[{}] ({})", self.index, self.message)
    }

    fn finding(&self, code: Code, message: String) -> Diagnostic {
        let mut d = Diagnostic::error(code, message).locale(self.locale).message_id(self.message);
        if let Some(source) = &self.source {
            d = d.file(&source.file);
            d.span = Some(source.span.clone());
            d.line = Some(source.line);
            d.column = Some(source.column);
        }
        d.template = Some(self.template.to_owned());
        d.layer = Some(self.layer_name());
        d
    }

    /// A plain layer of `block` for the checks' unit tests: a `headline` in black Noto Sans on
    /// the `card` template, fitted in 500 × 100 px at the canvas's origin, required of nothing.
    /// A test sets what it is about with struct update syntax.
    #[cfg(test)]
    pub(crate) fn for_test(block: &TextBlock) -> ComposedText<'_> {
        ComposedText {
            locale: "en-GB",
            template: "card",
            index: 0,
            message: "headline",
            source: None,
            block,
            fitted_in: [500.0, 100.0],
            origin: (0, 0),
            family: "Noto Sans",
            weight: 400,
            color: Rgba { r: 0, g: 0, b: 0, a: 255 },
            required: false,
            must_show: Vec::new(),
            min_legible: 10.0,
        }
    }
}

/// What is behind the text: the asset's pixels without any text, straight RGBA, row by row.
#[derive(Clone, Copy, Debug)]
pub struct Backdrop<'a> {
    pub width: u32,
    pub height: u32,
    pub rgba: &'a [u8],
}
