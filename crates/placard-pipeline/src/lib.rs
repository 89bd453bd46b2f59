//! The project on disk: `pipeline.yaml` read in two stages (a raw serde mirror of what the user
//! wrote, then a validated [`Config`]), and the locale folders it names found, read and parsed
//! in parallel ([`Workspace`]). This is the only library crate that touches the file system.

mod config;
mod error;
mod new_locale;
mod paths;
pub mod schema;
mod stage;
mod template;
mod workspace;
mod yaml;

pub use config::{Config, DEFAULT_CONFIG, FontsConfig};
pub use error::Error;
pub use new_locale::{NewLocale, PipelineChange, new_locale};
pub use paths::{inside, relative, write_atomic};
pub use stage::{Checked, LocaleTexts, Sources, Text};
pub use template::{
    Anchor, Band, BoxPx, Direction, Group, ImageLayer, Layer, OutputFormat, QR_QUIET_ZONE, QrLayer, Template,
    TemplateBackground, TextLayer,
};
pub use workspace::{LoadedFile, LoadedLocale, LocaleFolder, Workspace};
