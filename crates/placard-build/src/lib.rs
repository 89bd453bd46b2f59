//! `placard build`: lint first (a locale with errors is never published), then every
//! locale × template laid out, rendered and encoded in parallel into a staging folder beside the
//! output folder, then the manifest and the contact sheet, then the staging folder is swapped in:
//! the old output stays complete until the new one is. Unchanged assets are not rendered again.
//!
//! - `inputs`: fonts, templates and images read and checked (limits on image size).
//! - `svg`: SVG artwork refused unless self-contained, painted at each size a template uses.
//! - `assess`: each locale × template composed once into the scene the renderer draws, and the
//!   layout checks run on it; lint and build share it, so build refuses exactly what lint rejects.
//! - `layout_lint`: `placard lint`'s layout half: templates' geometry and every asset composed,
//!   judged by `placard_lint::layout` (the checks live with the other checks).
//! - `scene`: one asset's layers laid out into a renderable scene.
//! - `output`: atomic writes, `manifest.json`, `index.html` (templates/sheet.html).
//! - `context`: the translator context pages (templates/context.html), each translation's crops
//!   beside the reference's.
//! - `web_fonts`: the campaign's fonts for those pages (`fonts/`, `@font-face`).
//! - `plan`: which assets to build (filters, shards) and which can be reused.
//! - `shard`: `--shard K/N`, the assets split into parts of equal cost (pixels), the same on every job.
//! - `merge`: `placard merge`, the shards' folders checked and joined into a full build's output.
//! - `print`: the PDF outputs (placard-pdf) from the composed scenes, and the print packs
//!   (`print/<template>.pdf`, a page per locale), kept only while their pages are current.

mod assess;
mod context;
mod error;
mod inputs;
mod layout_lint;
mod merge;
mod output;
mod plan;
mod print;
mod scene;
mod shard;
mod svg;
mod web_fonts;

pub use error::BuildError;
pub use inputs::{Inputs, decode_image, load_fonts};
pub use layout_lint::{Fitted, Linted, layout_inputs, lint_all, lint_with};
pub use merge::merge;
pub use output::{AssetRecord, LayerRecord, LineRecord, Manifest};
pub use plan::{BuildOptions, BuildReport, Event, Refused, build};
pub use print::{PackPage, PackRecord};
pub use shard::Shard;
pub use svg::{SvgError, rasterise_svg};
