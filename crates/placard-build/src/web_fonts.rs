//! The campaign's own fonts on the HTML pages. A translator's machine may have no Gurmukhi or
//! Nastaliq font at all: the contact sheet and the context pages load the faces the build
//! shapes with (`fonts/fonts.css`, one `@font-face` per family pipeline.yaml maps a locale to,
//! each limited by `unicode-range` to the code points its file really has), so every script
//! shows as the images draw it and the output folder needs nothing from the system.

use placard_pipeline::FontsConfig;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::BuildError;
use crate::inputs::Inputs;
use crate::output::write_atomic;

/// Where the pages' fonts go in the output folder.
pub const FONTS_DIR: &str = "fonts";

/// One face the pages declare.
#[derive(Clone, Debug)]
struct Face {
    family: String,
    /// Its file's name, under [`FONTS_DIR`].
    file: String,
    source: PathBuf,
    /// The CSS `unicode-range` of the code points the file maps.
    range: String,
}

/// The faces the pages use and which one each locale's text is set in.
#[derive(Clone, Debug, Default)]
pub struct PageFonts {
    /// In family name order.
    faces: Vec<Face>,
    /// pipeline.yaml's fonts: which family each locale (or `default`) is set in, and the folder
    /// the licence comes from.
    fonts: FontsConfig,
}

impl PageFonts {
    /// The upright regular face of every family pipeline.yaml maps a locale (or `default`) to.
    /// A family whose face cannot be read as a web font is left out, and its text falls back to
    /// the default family's face (the browser test reports any glyph that falls further).
    pub fn new(inputs: &Inputs) -> PageFonts {
        let mut names: Vec<&str> = inputs.families.families.values().map(String::as_str).collect();
        names.sort_unstable();
        names.dedup();
        let faces = names
            .into_iter()
            .filter_map(|family| {
                let face = inputs.fonts.web_face(family)?;
                let source = PathBuf::from(face.source);
                let file = source.file_name()?.to_str()?.to_owned();
                let mut range = String::new();
                for r in &face.code_points {
                    let sep = if range.is_empty() { "" } else { "," };
                    let _ = match r.start() == r.end() {
                        true => write!(range, "{sep}U+{:X}", r.start()),
                        false => write!(range, "{sep}U+{:X}-{:X}", r.start(), r.end()),
                    };
                }
                Some(Face { family: family.to_owned(), file, source, range })
            })
            .collect();
        PageFonts { faces, fonts: inputs.families.clone() }
    }

    /// The class that sets `locale`'s text in its family (then the default family's), or `None`
    /// when the pages have no face for it.
    pub fn class_for(&self, locale: &str) -> Option<String> {
        let family = self.fonts.family_for(locale)?;
        self.faces.iter().any(|f| f.family == family).then(|| class_name(family))
    }

    /// The class that sets the pages' own words (in English) in the default family, inside text
    /// of another script.
    pub fn ui_class(&self) -> Option<String> {
        let default = self.fonts.families.get("default")?;
        self.faces.iter().any(|f| &f.family == default).then(|| class_name(default))
    }

    /// The stylesheet's path from a page `depth` folders below the output folder, when there
    /// is one.
    pub fn stylesheet(&self, depth: usize) -> Option<String> {
        (!self.faces.is_empty()).then(|| format!("{}{FONTS_DIR}/fonts.css", "../".repeat(depth)))
    }

    /// `fonts/fonts.css`: a `@font-face` per face, a class per family (its face, then the
    /// default family's, then the browser's last resort, which the browser test treats as a
    /// failure), and the pages' own text in the default family.
    pub fn css(&self) -> String {
        let default = self.fonts.families.get("default").filter(|d| self.faces.iter().any(|f| &f.family == *d));
        let mut css = String::from("/* The campaign's fonts (SIL Open Font License: OFL.txt beside this file). */\n");
        for face in &self.faces {
            let _ = writeln!(
                css,
                "@font-face{{font-family:{};src:url({});font-weight:400;font-style:normal;font-display:block;unicode-range:{}}}",
                css_string(&face.family),
                css_string(&face.file),
                face.range
            );
        }
        for face in &self.faces {
            let mut stack = css_string(&face.family);
            if let Some(default) = default.filter(|d| **d != face.family) {
                stack = format!("{stack},{}", css_string(default));
            }
            let _ = writeln!(css, ".{}{{font-family:{stack},sans-serif}}", class_name(&face.family));
        }
        if let Some(default) = default {
            let _ = writeln!(css, "body{{font-family:{},sans-serif}}", css_string(default));
        }
        css
    }

    /// Copies the faces, their licence (the fonts folder's `OFL*`, `LICENSE*`, `LICENCE*` and
    /// `COPYING*` files) and the stylesheet into `staging`'s [`FONTS_DIR`], with the rest of
    /// the build's new set.
    pub fn stage(&self, staging: &Path) -> Result<(), BuildError> {
        if self.faces.is_empty() {
            return Ok(());
        }
        let to = staging.join(FONTS_DIR);
        let fail = |path: &Path| {
            let path = path.to_owned();
            move |source| BuildError::Output { path, source }
        };
        std::fs::create_dir_all(&to).map_err(fail(&to))?;
        let mut copies: Vec<(PathBuf, String)> =
            self.faces.iter().map(|f| (f.source.clone(), f.file.clone())).collect();
        if let Ok(entries) = std::fs::read_dir(&self.fonts.dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let upper = name.to_ascii_uppercase();
                if ["OFL", "LICENSE", "LICENCE", "COPYING"].iter().any(|p| upper.starts_with(p)) {
                    copies.push((entry.path(), name));
                }
            }
        }
        copies.sort_by(|a, b| a.1.cmp(&b.1));
        copies.dedup_by(|a, b| a.1 == b.1);
        for (from, name) in copies {
            let dest = to.join(&name);
            std::fs::copy(&from, &dest).map_err(fail(&dest))?;
        }
        write_atomic(&to.join("fonts.css"), self.css().as_bytes())
    }
}

/// `font-<family>`, lower case, anything but letters and digits as `-`.
fn class_name(family: &str) -> String {
    let slug: String =
        family.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    format!("font-{slug}")
}

/// `s` as a CSS string: quoted, with quotes, backslashes and control characters escaped.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' | '<' | '>' => {
                let _ = write!(out, "\\{:X} ", u32::from(c));
            }
            c if c.is_control() => {
                let _ = write!(out, "\\{:X} ", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_family_name_cannot_end_its_string_or_the_stylesheet() {
        assert_eq!(css_string("Noto Sans"), "\"Noto Sans\"");
        assert_eq!(css_string("a\"}</style>"), "\"a\\22 }\\3C /style\\3E \"");
        assert_eq!(class_name("Noto Nastaliq Urdu"), "font-noto-nastaliq-urdu");
    }
}
