//! `qr-mismatch`: a QR code proves the helpline only if a phone reads it. The code is read back
//! from the asset's rendered pixels (everything painted over it included), so a band, a text or a
//! logo that covers it is caught; what it decodes to must be the payload the template declares, a
//! `tel:` number must be one the required rules demand, and the code must be legible: modules no
//! smaller than a reader can resolve, and its quiet zone clear. Reported at the template's layer,
//! once per asset; a fault every locale shares moves to the template (`attribute`).

use placard_core::{Code, Diagnostic, TelNumber};

/// The smallest module, in mm, on a printed asset: a little over GS1's minimum X-dimension for QR
/// codes scanned at retail point of sale (0.396 to 0.990 mm, GS1 General Specifications
/// §5.12.3.1), as a poster is scanned from further away than a pack (docs/checks.md).
pub const MIN_MODULE_MM: f32 = 0.5;
/// How many [`MIN_MODULE_MM`] modules fit an inch (25.4 / 0.5 = 50.8), times 10: the print rule
/// `module_px / dpi ≥ 1 / 50.8` in integers is `module_px × 508 ≥ dpi × 10`.
const MIN_MODULES_PER_INCH_X10: u32 = 508;
/// The smallest module on a screen asset, in px: phones resolve a code shown on another screen
/// (a story, a post) reliably from 4 device pixels a module.
pub const MIN_MODULE_PX: u32 = 4;
/// How much lighter than the dark modules every pixel of the quiet zone must be, in luma (0–255):
/// 40% of full scale, ISO/IEC 15415's lowest passing symbol contrast grade (C).
pub const QUIET_ZONE_CONTRAST: u8 = 102;
/// The quiet zone around a QR code, in modules (ISO/IEC 18004).
pub const QUIET_ZONE_MODULES: u32 = 4;

/// Rendered pixels in luma (Rec. 601, 0–255), row by row.
#[derive(Clone, Copy, Debug)]
pub struct Luma<'a> {
    pub width: u32,
    pub height: u32,
    pub luma: &'a [u8],
}

/// Straight RGBA pixels (opaque: the canvas is) as the luma the check reads.
pub fn luma(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| ((299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2]) + 500) / 1000) as u8)
        .collect()
}

/// One QR layer of one asset, as rendered.
#[derive(Debug)]
pub struct ComposedQr<'a> {
    pub locale: &'a str,
    pub template: &'a str,
    /// The template file as findings name it, and where the layer starts in it.
    pub file: &'a str,
    pub at: Option<(u32, u32)>,
    /// The layer's index in the template's `layers`.
    pub index: usize,
    /// What the template declares the code says.
    pub payload: &'a str,
    /// The code as composed: modules per side, row by row (`true` dark), px per module.
    pub side: u32,
    pub modules: &'a [bool],
    pub module_px: u32,
    /// The template's print resolution; `None` for a screen asset.
    pub dpi: Option<u16>,
    /// The rendered code with its quiet zone, the code's first module at
    /// `QUIET_ZONE_MODULES × module_px` from the top-left corner.
    pub pixels: Luma<'a>,
    /// The strings the required rules demand of the messages the template shows or requires.
    pub required: &'a [&'a str],
}

impl ComposedQr<'_> {
    /// How findings name the layer (the same in every locale, so `attribute` can group them).
    pub fn layer_name(&self) -> String {
        format!("layers[{}] (qr {})", self.index, self.payload)
    }
}

/// Checks one QR code; at most one finding, naming everything wrong with it.
pub fn check_qr(qr: &ComposedQr<'_>, out: &mut Vec<Diagnostic>) {
    let mut faults = Vec::new();
    match decode(&qr.pixels).as_slice() {
        [] => faults
            .push("nothing decodes from the rendered code: something drawn over it, or too little contrast".into()),
        decoded if !decoded.iter().any(|d| d == qr.payload) => {
            faults.push(format!("the rendered code decodes to `{}`, not to `{}`", decoded.join("`, `"), qr.payload))
        }
        _ => {}
    }
    if let Some(fault) = number_fault(qr.payload, qr.required) {
        faults.push(fault);
    }
    if let Some(fault) = module_size_fault(qr.module_px, qr.dpi) {
        faults.push(fault);
    }
    if let Some(fault) = quiet_zone_fault(qr) {
        faults.push(fault);
    }
    if faults.is_empty() {
        return;
    }
    let mut d = Diagnostic::error(Code::QrMismatch, format!("{}: {}", qr.layer_name(), faults.join("; ")))
        .locale(qr.locale)
        .file(qr.file)
        .hint("Keep the code uncovered, its quiet zone empty and light, its modules large enough, and its payload the helpline's number.");
    if let Some((line, column)) = qr.at {
        d.line = Some(line);
        d.column = Some(column);
    }
    d.template = Some(qr.template.to_owned());
    d.layer = Some(qr.layer_name());
    out.push(d);
}

/// Every payload that decodes from `pixels` (rqrr finds the codes by their finder patterns).
fn decode(pixels: &Luma<'_>) -> Vec<String> {
    let (w, h) = (pixels.width as usize, pixels.height as usize);
    if pixels.luma.len() < w * h || w == 0 || h == 0 {
        return Vec::new();
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels.luma[y * w + x]);
    image.detect_grids().iter().filter_map(|grid| grid.decode().ok().map(|(_, text)| text)).collect()
}

/// Why a `payload` is not proved to be a required number, if it is not: a `tel:` payload must be
/// written (in national or international form) in one of `required`. Other payloads (a web
/// address) claim no number and are only read back.
pub fn number_fault(payload: &str, required: &[&str]) -> Option<String> {
    if !payload.starts_with("tel:") {
        return None;
    }
    let number = match TelNumber::from_uri(payload) {
        Ok(number) => number,
        Err(why) => return Some(format!("`{payload}` is not a telephone number Placard can compare: {why}")),
    };
    if required.iter().any(|s| number.is_written_in(s)) {
        return None;
    }
    let numbers: Vec<&str> = required.iter().copied().filter(|s| !placard_core::numbers_in(s).is_empty()).collect();
    Some(if numbers.is_empty() {
        format!(
            "`{payload}` cannot be proved a required number: no required rule for the messages this template shows \
             names a number"
        )
    } else {
        format!("{number} is none of the required numbers ({})", numbers.join(", "))
    })
}

/// Why modules of `module_px` are too small, if they are: below [`MIN_MODULE_MM`] at `dpi` on
/// print, below [`MIN_MODULE_PX`] on screen.
pub fn module_size_fault(module_px: u32, dpi: Option<u16>) -> Option<String> {
    match dpi {
        Some(dpi) if u64::from(module_px) * u64::from(MIN_MODULES_PER_INCH_X10) < u64::from(dpi) * 10 => {
            let mm = module_px as f32 * 25.4 / f32::from(dpi);
            Some(format!(
                "its modules are {module_px} px, {mm:.2} mm at {dpi} dpi: print needs at least {MIN_MODULE_MM} mm"
            ))
        }
        None if module_px < MIN_MODULE_PX => {
            Some(format!("its modules are {module_px} px: a screen needs at least {MIN_MODULE_PX} px"))
        }
        _ => None,
    }
}

/// Why the quiet zone is not clear, if it is not: a pixel of the 4-module margin around the code
/// that is not [`QUIET_ZONE_CONTRAST`] lighter than the dark modules (the median of their centre
/// pixels, so one covered module does not move it).
fn quiet_zone_fault(qr: &ComposedQr<'_>) -> Option<String> {
    let p = &qr.pixels;
    let m = qr.module_px.max(1);
    let margin = QUIET_ZONE_MODULES * m;
    let code = qr.side * m;
    let px = |x: u32, y: u32| p.luma.get((y * p.width + x) as usize).copied();
    let mut dark: Vec<u8> = qr
        .modules
        .iter()
        .enumerate()
        .filter(|(_, on)| **on)
        .filter_map(|(i, _)| {
            let (cx, cy) = (i as u32 % qr.side.max(1), i as u32 / qr.side.max(1));
            px(margin + cx * m + m / 2, margin + cy * m + m / 2)
        })
        .collect();
    dark.sort_unstable();
    let dark = *dark.get(dark.len() / 2)?;
    let outer = code + 2 * margin;
    let in_code = |v: u32| (margin..margin + code).contains(&v);
    let darkest = (0..outer.min(p.height))
        .flat_map(|y| (0..outer.min(p.width)).map(move |x| (x, y)))
        .filter(|&(x, y)| !(in_code(x) && in_code(y)))
        .filter_map(|(x, y)| px(x, y).map(|l| (l, x, y)))
        .min_by_key(|&(l, _, _)| l)?;
    (darkest.0 < dark.saturating_add(QUIET_ZONE_CONTRAST) || dark > 255 - QUIET_ZONE_CONTRAST).then(|| {
        format!(
            "its {QUIET_ZONE_MODULES}-module quiet zone is not clear: a pixel there has luma {} against the modules' {dark} \
             (it must be {QUIET_ZONE_CONTRAST} lighter)",
            darkest.0
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tel_payload_must_be_a_required_number() {
        let required = ["Stop It Now", "0131 556 3535", "Childline", "0800 1111"];
        assert_eq!(number_fault("tel:+441315563535", &required), None);
        assert_eq!(number_fault("tel:+448001111", &required), None);
        let wrong = number_fault("tel:+441315563536", &required).expect("another number");
        assert_eq!(wrong, "+441315563536 is none of the required numbers (0131 556 3535, 0800 1111)");
        let unprovable = number_fault("tel:+441315563535", &["Stop It Now"]).expect("no number to compare");
        assert!(unprovable.contains("cannot be proved"), "{unprovable}");
        assert!(number_fault("tel:0131", &required).expect("local").contains("international form"));
        assert_eq!(number_fault("https://www.stopitnow.org.uk", &[]), None, "no number claimed");
    }

    #[test]
    fn modules_must_be_half_a_millimetre_in_print_and_four_px_on_screen() {
        // 300 dpi: 0.5 mm is 5.9 px, so 6 px pass and 5 px (0.42 mm) fail.
        assert_eq!(module_size_fault(6, Some(300)), None);
        let small = module_size_fault(5, Some(300)).expect("0.42 mm");
        assert!(small.contains("0.42 mm at 300 dpi"), "{small}");
        assert_eq!(module_size_fault(1, Some(50)), None, "1 px at 50 dpi is 0.51 mm");
        assert!(module_size_fault(1, Some(51)).is_some(), "1 px at 51 dpi is 0.498 mm");
        assert_eq!(module_size_fault(4, None), None);
        assert!(module_size_fault(3, None).expect("3 px").contains("at least 4 px"));
    }

    #[test]
    fn luma_weighs_green_most() {
        assert_eq!(luma(&[255, 255, 255, 255, 0, 0, 0, 255, 0, 255, 0, 255]), [255, 0, 150]);
    }
}
