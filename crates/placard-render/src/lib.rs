//! Placard's renderer. [`render`] turns a laid-out [`placard_scene::Scene`] into pixels (or
//! [`render_region`] a part of them), drawing each text's glyph masks and each image's pixels;
//! it cannot fail on a scene it is given. [`encode`] writes those pixels as PNG, JPEG or lossless WebP.
//!
//! Everything is integer or fixed-order float arithmetic on one thread per image, so the same
//! scene gives the same bytes on every run and at any thread count.

mod encode;
mod scene;

pub use encode::{Format, encode};
pub use scene::{Pixels, Region, render, render_region, scale_to_cover};
