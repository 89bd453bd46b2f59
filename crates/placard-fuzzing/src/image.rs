//! Image decoding with limits.

use placard_pipeline::MAX_CANVAS;

/// Decodes `data` as a contributed image; a decoded image is within the dimension limits.
pub fn image(data: &[u8]) {
    if let Ok(decoded) = placard_build::decode_image(data) {
        assert!(decoded.width() <= MAX_CANVAS && decoded.height() <= MAX_CANVAS);
        assert_eq!(decoded.as_raw().len(), decoded.width() as usize * decoded.height() as usize * 4);
    }
}
