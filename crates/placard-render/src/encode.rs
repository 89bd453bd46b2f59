//! Pixels to file bytes. The canvas is opaque, so PNG and JPEG are written as RGB.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::codecs::webp::WebPEncoder;
use image::{ExtendedColorType, ImageEncoder};

use crate::Pixels;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// PNG with fast compression (fdeflate) and adaptive filtering: a tenth of the time of
    /// zlib's default level for files 10–40% larger.
    Png,
    /// PNG with zlib's default compression: smaller files, much slower.
    PngSmall,
    /// Quality 1–100.
    Jpeg {
        quality: u8,
    },
    WebpLossless,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png | Format::PngSmall => "png",
            Format::Jpeg { .. } => "jpg",
            Format::WebpLossless => "webp",
        }
    }
}

/// Encodes `pixels`. Encoding into memory cannot fail for these formats and sizes; an error here
/// would be a bug, so it panics with the encoder's message.
pub fn encode(pixels: &Pixels, format: Format) -> Vec<u8> {
    let (w, h) = pixels.dimensions();
    let mut rgb = Vec::with_capacity((w * h * 3) as usize);
    for px in pixels.as_raw().chunks_exact(4) {
        rgb.extend_from_slice(&px[..3]);
    }
    let mut out = Vec::with_capacity((w * h) as usize);
    let result =
        match format {
            Format::Png => PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Adaptive)
                .write_image(&rgb, w, h, ExtendedColorType::Rgb8),
            Format::PngSmall => PngEncoder::new_with_quality(&mut out, CompressionType::Default, FilterType::Adaptive)
                .write_image(&rgb, w, h, ExtendedColorType::Rgb8),
            Format::Jpeg { quality } => JpegEncoder::new_with_quality(&mut out, quality.clamp(1, 100)).write_image(
                &rgb,
                w,
                h,
                ExtendedColorType::Rgb8,
            ),
            Format::WebpLossless => {
                WebPEncoder::new_lossless(&mut out).write_image(pixels.as_raw(), w, h, ExtendedColorType::Rgba8)
            }
        };
    result.expect("encoding an in-memory image");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_round_trips() {
        let mut pixels = Pixels::new(64, 32);
        for (x, y, p) in pixels.enumerate_pixels_mut() {
            p.0 = [(x * 4) as u8, (y * 8) as u8, 128, 255];
        }
        for format in [Format::Png, Format::PngSmall, Format::Jpeg { quality: 90 }, Format::WebpLossless] {
            let bytes = encode(&pixels, format);
            let back = image::load_from_memory(&bytes).expect("decodes").to_rgba8();
            assert_eq!(back.dimensions(), (64, 32), "{format:?}");
            let lossless = format != Format::Jpeg { quality: 90 };
            if lossless {
                assert_eq!(back, pixels, "{format:?} is lossless");
            }
        }
    }
}
