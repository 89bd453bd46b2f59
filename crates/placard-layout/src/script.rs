//! Line heights by script. A template's `line_height` is written for Latin text; Arabic sets its
//! dots and vowel marks below and above the letters, and Nastaliq cascades each word down from
//! right to left and reaches further still, so at a Latin line height the marks of one line touch
//! the letters of the next (the `line-collision` check finds it). The factors below multiply the
//! template's line height; each is the smallest, in steps of 0.05, at which no text layer of the
//! campaign collides with its fonts (Noto Sans Arabic, Noto Nastaliq Urdu), measured with
//! `line-collision` (see docs/templates.md). pipeline.yaml's `fonts.families.<locale>.line_height`
//! replaces the factor for a locale.

/// Arabic script (Naskh, as Noto Sans Arabic draws it).
const ARABIC: f32 = 1.05;
/// Arabic script in a Nastaliq face (Urdu, with Noto Nastaliq Urdu).
const NASTALIQ: f32 = 1.8;

/// The factor on a template's line height that text in `script` (ISO 15924: `Arab`, or `Aran`
/// for Nastaliq) set in `family` needs so that its lines never touch; 1 for scripts whose marks
/// a Latin line height leaves room for. A family whose name says Nastaliq sets Nastaliq.
pub fn line_height_factor(script: Option<&str>, family: &str) -> f32 {
    match script {
        Some("Aran") => NASTALIQ,
        Some("Arab") if family.contains("Nastaliq") => NASTALIQ,
        Some("Arab") => ARABIC,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_nastaliq_get_taller_lines_latin_does_not() {
        assert_eq!(line_height_factor(Some("Latn"), "Noto Sans"), 1.0);
        assert_eq!(line_height_factor(None, "Noto Sans"), 1.0);
        assert!(line_height_factor(Some("Arab"), "Noto Sans Arabic") > 1.0);
        assert!(
            line_height_factor(Some("Arab"), "Noto Nastaliq Urdu")
                > line_height_factor(Some("Arab"), "Noto Sans Arabic")
        );
    }
}
