//! The bodies of Placard's fuzz targets, one function each. A body takes arbitrary bytes through
//! the same public entry point a user's file reaches, and panics only when something that must
//! hold does not: an error is a fine answer to bad input, a panic, a hang or a wrong answer is not.
//!
//! `fuzz/` (outside the workspace; cargo fuzz needs nightly) wraps each body in a libFuzzer
//! target. This crate's tests replay every committed corpus file and every named finding through
//! the same bodies on stable Rust, so CI keeps what the fuzzers found fixed.
//!
//! | target     | input                                    | entry point                            |
//! |------------|------------------------------------------|----------------------------------------|
//! | `ftl`      | a reference and a translation `.ftl`     | decode, parse, every lint check        |
//! | `yaml`     | a pipeline.yaml or template file         | `Config::parse`, `Template::parse`     |
//! | `layout`   | a layout spec and arbitrary Unicode text | `Typesetter::lay_out` (with phrases kept together and per-language glue) |
//! | `image`    | an image file (PNG, JPEG or SVG)         | `decode_image`, `rasterise_svg`        |

mod ftl;
mod image;
mod layout;
mod yaml;

pub use ftl::ftl;
pub use image::image;
pub use layout::layout;
pub use yaml::yaml;

/// The names of the targets, as folders under `fuzz/corpus/` and `fuzz/regressions/`.
pub const TARGETS: [&str; 4] = ["ftl", "yaml", "layout", "image"];

/// Runs the body of target `name` on `data`.
///
/// # Panics
/// On an unknown target name, or when the body finds a broken invariant.
pub fn run(name: &str, data: &[u8]) {
    match name {
        "ftl" => ftl(data),
        "yaml" => yaml(data),
        "layout" => layout(data),
        "image" => image(data),
        other => panic!("no fuzz target named {other}"),
    }
}
