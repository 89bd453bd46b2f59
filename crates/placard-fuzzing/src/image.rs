//! Image decoding with limits.

use placard_core::Limits;

/// Decodes `data` as a contributed image; a decoded image is within the dimension limits.
pub fn image(data: &[u8]) {
    let limits = Limits::default();
    if let Ok(decoded) = placard_build::decode_image(data, &limits) {
        assert!(decoded.width() <= limits.image_side && decoded.height() <= limits.image_side);
        assert_eq!(decoded.as_raw().len(), decoded.width() as usize * decoded.height() as usize * 4);
    }
}
