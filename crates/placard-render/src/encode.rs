//! Pixels to file bytes. The canvas is opaque, so PNG and JPEG are written as RGB.

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

/// Encodes `pixels`, recording `dpi` (the print resolution) where the format has a field for it:
/// PNG's `pHYs` chunk (in pixels per metre, as PNG requires) and JPEG's JFIF density (in dots per
/// inch). WebP has none. Encoding into memory cannot fail for these formats and sizes; an error
/// here would be a bug, so it panics with the encoder's message.
pub fn encode(pixels: &Pixels, format: Format, dpi: Option<u16>) -> Vec<u8> {
    let (w, h) = pixels.dimensions();
    let rgb = || {
        let mut rgb = Vec::with_capacity((w * h * 3) as usize);
        for px in pixels.as_raw().chunks_exact(4) {
            rgb.extend_from_slice(&px[..3]);
        }
        rgb
    };
    let mut out = Vec::with_capacity((w * h) as usize);
    match format {
        Format::Png => png(&mut out, &rgb(), (w, h), png::Compression::Fast, dpi),
        Format::PngSmall => png(&mut out, &rgb(), (w, h), png::Compression::Balanced, dpi),
        Format::Jpeg { quality } => {
            // jpeg-encoder, not `image`'s encoder: its integer DCT and colour conversion (AVX2
            // where the processor has it, the same bytes as without) encode an A4 poster several
            // times faster. It reads RGBA and drops the alpha.
            let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality.clamp(1, 100));
            if let Some(dpi) = dpi {
                encoder.set_density(jpeg_encoder::PixelDensity::dpi(dpi));
            }
            // The canvas's sides are at most 65,535 px (limits.canvas_side's ceiling).
            let side = |v: u32| u16::try_from(v).expect("a canvas side within limits.canvas_side");
            encoder
                .encode(pixels.as_raw(), side(w), side(h), jpeg_encoder::ColorType::Rgba)
                .expect("encoding an in-memory JPEG");
        }
        Format::WebpLossless => WebPEncoder::new_lossless(&mut out)
            .write_image(pixels.as_raw(), w, h, ExtendedColorType::Rgba8)
            .expect("encoding an in-memory WebP"),
    }
    out
}

/// An RGB PNG with adaptive filtering (the settings `image`'s encoder uses, with `pHYs` added).
fn png(out: &mut Vec<u8>, rgb: &[u8], (w, h): (u32, u32), compression: png::Compression, dpi: Option<u16>) {
    let mut encoder = png::Encoder::new(out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(compression);
    encoder.set_filter(png::Filter::Adaptive);
    encoder.set_pixel_dims(dpi.map(|dpi| png::PixelDimensions {
        xppu: dots_per_metre(dpi),
        yppu: dots_per_metre(dpi),
        unit: png::Unit::Meter,
    }));
    let mut writer = encoder.write_header().expect("writing a PNG header to memory");
    writer.write_image_data(rgb).expect("encoding an in-memory PNG");
}

/// Dots per inch to PNG's unit, dots per metre, to the nearest (300 dpi is 11,811).
fn dots_per_metre(dpi: u16) -> u32 {
    (f64::from(dpi) / 0.0254).round() as u32
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
            let bytes = encode(&pixels, format, None);
            let back = image::load_from_memory(&bytes).expect("decodes").to_rgba8();
            assert_eq!(back.dimensions(), (64, 32), "{format:?}");
            let lossless = format != Format::Jpeg { quality: 90 };
            if lossless {
                assert_eq!(back, pixels, "{format:?} is lossless");
            } else {
                // At quality 90 a smooth image comes back within a few levels on average.
                let diff: u64 = back.as_raw().iter().zip(pixels.as_raw()).map(|(a, b)| u64::from(a.abs_diff(*b))).sum();
                let mean = diff as f64 / back.as_raw().len() as f64;
                assert!(mean < 2.0, "{format:?}: mean difference {mean:.2}");
            }
        }
    }

    #[test]
    fn the_print_resolution_is_recorded_where_print_software_reads_it() {
        let pixels = Pixels::from_pixel(8, 8, image::Rgba([200, 30, 30, 255]));
        let png = encode(&pixels, Format::Png, Some(300));
        let decoder = png::Decoder::new(std::io::Cursor::new(&png)).read_info().expect("a PNG");
        let dims = decoder.info().pixel_dims.expect("a pHYs chunk");
        // 300 dpi is 11,811 dots per metre.
        assert_eq!((dims.xppu, dims.yppu, dims.unit), (11811, 11811, png::Unit::Meter));
        // JFIF APP0 right after the start of image: units (1 = dots per inch), X and Y density.
        let jpeg = encode(&pixels, Format::Jpeg { quality: 90 }, Some(300));
        assert_eq!(&jpeg[..4], [0xFF, 0xD8, 0xFF, 0xE0]);
        assert_eq!(&jpeg[6..11], b"JFIF\0");
        assert_eq!(&jpeg[13..18], [1, 0x01, 0x2C, 0x01, 0x2C]);

        let screen = encode(&pixels, Format::Png, None);
        let decoder = png::Decoder::new(std::io::Cursor::new(&screen)).read_info().expect("a PNG");
        assert!(decoder.info().pixel_dims.is_none(), "screen assets claim no resolution");
        assert_eq!(image::load_from_memory(&png).expect("decodes").to_rgba8(), pixels, "the pixels are the same");
    }
}
