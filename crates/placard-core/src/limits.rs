//! How much untrusted input Placard takes before it stops: one struct, so every limit has one
//! default, one name in pipeline.yaml (`limits:`), one ceiling and one line in
//! docs/RELIABILITY.md.

use std::fmt;

const KIB: u64 = 1024;
const MIB: u64 = 1024 * 1024;

/// Every limit on input. [`Limits::default`] is what a project gets without a `limits:` section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Bytes in one `.ftl` file; a bigger file is refused before it is read.
    pub ftl_file_bytes: u64,
    /// Messages and terms in one locale, over all its files.
    pub messages_per_locale: usize,
    /// Placeables (`{ … }`) nested inside one another; deeper is a `syntax` error.
    pub placeable_depth: usize,
    /// Distinct forms of one required message listed for the reading-order and invisible-character
    /// checks; past it they cannot be proven, which is a `required-text` error (containment of the
    /// required text is proven without listing).
    pub forms: usize,
    /// Message and term references followed inside one another while enumerating forms.
    pub reference_depth: usize,
    /// Bytes in one enumerated form.
    pub form_bytes: usize,
    /// Bytes in one image file.
    pub image_file_bytes: u64,
    /// Width and height of an image, each, in px.
    pub image_side: u32,
    /// Bytes an image decoder may allocate (a decompression bomb stops here).
    pub image_memory_bytes: u64,
    /// Width and height of a template's canvas, each, in px.
    pub canvas_side: u32,
    /// Pixels in one canvas (width × height); each pixel takes 4 bytes while rendering.
    pub canvas_pixels: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            ftl_file_bytes: 16 * MIB,
            messages_per_locale: 50_000,
            placeable_depth: 64,
            forms: 1024,
            reference_depth: 32,
            form_bytes: 64 * KIB as usize,
            image_file_bytes: 64 * MIB,
            image_side: 16_384,
            image_memory_bytes: 512 * MIB,
            canvas_side: 16_384,
            canvas_pixels: 100_000_000,
        }
    }
}

/// One key of the `limits:` section: its name, unit, default and the most it may be raised to.
#[derive(Clone, Copy, Debug)]
pub struct LimitKey {
    /// The key in pipeline.yaml.
    pub name: &'static str,
    /// What one unit of the value is (`MiB`, `px`, …).
    pub unit: &'static str,
    /// What the limit bounds.
    pub what: &'static str,
    /// The largest value accepted: past it the limit no longer protects anything (or, for
    /// `placeable_depth`, the parser's stack would not survive).
    pub ceiling: u64,
    scale: u64,
    get: fn(&Limits) -> u64,
    set: fn(&mut Limits, u64),
}

impl LimitKey {
    /// The value of this key in `limits`, in the key's unit.
    pub fn value(&self, limits: &Limits) -> u64 {
        (self.get)(limits) / self.scale
    }

    /// The default, in the key's unit.
    pub fn default_value(&self) -> u64 {
        self.value(&Limits::default())
    }
}

macro_rules! keys {
    ($($name:literal, $field:ident, $ty:ty, $scale:expr, $unit:literal, $ceiling:expr, $what:literal;)*) => {
        /// Every key of the `limits:` section, in the order docs/RELIABILITY.md lists them.
        pub const KEYS: &[LimitKey] = &[$(LimitKey {
            name: $name,
            unit: $unit,
            what: $what,
            ceiling: $ceiling,
            scale: $scale,
            get: |l| l.$field as u64,
            set: |l, v| l.$field = (v * $scale) as $ty,
        },)*];
    };
}

keys! {
    "ftl_file_mib", ftl_file_bytes, u64, MIB, "MiB", 1024, "size of one .ftl file";
    "messages_per_locale", messages_per_locale, usize, 1, "messages", 1_000_000, "messages and terms in one locale";
    "placeable_depth", placeable_depth, usize, 1, "levels", 128, "placeables nested inside one another";
    "forms", forms, usize, 1, "forms", 65_536, "forms of one required message enumerated";
    "reference_depth", reference_depth, usize, 1, "levels", 256, "references followed inside one another";
    "form_kib", form_bytes, usize, KIB, "KiB", 16 * 1024, "size of one enumerated form";
    "image_file_mib", image_file_bytes, u64, MIB, "MiB", 1024, "size of one image file";
    "image_side", image_side, u32, 1, "px", 65_535, "width and height of an image, each";
    "image_memory_mib", image_memory_bytes, u64, MIB, "MiB", 16 * 1024, "memory an image decoder may allocate";
    "canvas_side", canvas_side, u32, 1, "px", 65_535, "width and height of a canvas, each";
    "canvas_pixels", canvas_pixels, u64, 1, "px", 1_000_000_000, "pixels in one canvas (width × height)";
}

/// Why a `limits:` value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LimitError {
    UnknownKey(String),
    OutOfRange { key: &'static str, value: u64, ceiling: u64 },
}

impl fmt::Display for LimitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LimitError::UnknownKey(key) => {
                let known: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
                write!(f, "unknown limit `{key}`; the limits are {}", known.join(", "))
            }
            LimitError::OutOfRange { key, value, ceiling } => {
                write!(f, "limits.{key} {value}: use 1 to {ceiling}")
            }
        }
    }
}

impl std::error::Error for LimitError {}

impl Limits {
    /// Sets the limit called `key` (a name in [`KEYS`]) to `value`, in that key's unit.
    pub fn set(&mut self, key: &str, value: u64) -> Result<(), LimitError> {
        let spec = KEYS.iter().find(|k| k.name == key).ok_or_else(|| LimitError::UnknownKey(key.to_owned()))?;
        if !(1..=spec.ceiling).contains(&value) {
            return Err(LimitError::OutOfRange { key: spec.name, value, ceiling: spec.ceiling });
        }
        (spec.set)(self, value);
        Ok(())
    }
}

/// `bytes` in the largest whole unit that shows it exactly (`16 MiB`, `64 KiB`, `100 bytes`).
pub fn format_bytes(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_reads_back_what_was_set() {
        for key in KEYS {
            let mut limits = Limits::default();
            limits.set(key.name, 7).expect("7 is in range for every key");
            assert_eq!(key.value(&limits), 7, "{}", key.name);
            let changed = KEYS.iter().filter(|k| k.value(&limits) != k.default_value()).count();
            assert_eq!(changed, 1, "setting {} changed only it", key.name);
        }
    }

    #[test]
    fn defaults_are_within_their_ceilings_and_whole_units() {
        for key in KEYS {
            let default = key.default_value();
            assert!((1..=key.ceiling).contains(&default), "{}", key.name);
            assert_eq!(
                default * key.scale,
                (key.get)(&Limits::default()),
                "{} is a whole number of {}",
                key.name,
                key.unit
            );
        }
    }

    #[test]
    fn out_of_range_and_unknown_keys_are_refused() {
        let mut limits = Limits::default();
        assert_eq!(
            limits.set("placeable_depth", 100_000),
            Err(LimitError::OutOfRange { key: "placeable_depth", value: 100_000, ceiling: 128 })
        );
        assert!(limits.set("forms", 0).is_err());
        let err = limits.set("ftl_size", 1).expect_err("unknown");
        assert!(err.to_string().contains("ftl_file_mib"), "{err}");
        assert_eq!(limits, Limits::default());
    }

    #[test]
    fn byte_counts_read_as_people_write_them() {
        assert_eq!(format_bytes(16 * MIB), "16 MiB");
        assert_eq!(format_bytes(64 * KIB), "64 KiB");
        assert_eq!(format_bytes(1000), "1000 bytes");
    }
}
