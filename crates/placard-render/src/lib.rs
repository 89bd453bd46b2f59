//! Placard's renderer. A [`Scene`] is plain data — a background and layers of bands, images,
//! glyph masks and crisp cells (a QR code's modules), all already laid out — and [`render`] turns
//! it into pixels (or [`render_region`] a part of them); it cannot fail on a scene it is given. [`encode`] writes those pixels as PNG, JPEG or lossless WebP.
//!
//! Everything is integer or fixed-order float arithmetic on one thread per image, so the same
//! scene gives the same bytes on every run and at any thread count.

mod encode;
mod scene;

pub use encode::{Format, encode};
pub use scene::{Background, Layer, Pixels, Region, Scene, render, render_region, scale_to_cover};
