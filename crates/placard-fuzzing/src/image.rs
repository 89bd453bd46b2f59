//! Image decoding with limits: raster files, and SVG parsed, checked and painted.

use placard_core::Limits;

/// The box an SVG is painted into, as an image layer would.
const BOX: (u32, u32) = (64, 48);

/// Decodes `data` as a contributed image; a decoded image is within the dimension limits. The
/// same bytes as SVG: refused, or painted inside the layer's box with every pixel there.
pub fn image(data: &[u8]) {
    let limits = Limits::default();
    if let Ok(decoded) = placard_build::decode_image(data, &limits) {
        assert!(decoded.width() <= limits.image_side && decoded.height() <= limits.image_side);
        assert_eq!(decoded.as_raw().len(), decoded.width() as usize * decoded.height() as usize * 4);
    }
    match placard_build::rasterise_svg(data, BOX.0, BOX.1, &limits) {
        Ok(painted) => {
            assert!(painted.width() <= BOX.0 && painted.height() <= BOX.1, "{:?}", painted.dimensions());
            assert!(painted.width() == BOX.0 || painted.height() == BOX.1, "fitted to one side of the box");
            assert_eq!(painted.as_raw().len(), painted.width() as usize * painted.height() as usize * 4);
        }
        Err(e) => assert!(!e.message.is_empty(), "an SVG refused says why"),
    }
}
