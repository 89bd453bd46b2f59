//! The fonts a campaign may use, loaded from bytes once and shared by every thread's typesetter.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use cosmic_text::fontdb::{Database, Source};
use cosmic_text::{FontSystem, SwashCache};

/// A file that is not a usable font.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FontError {
    pub name: String,
}

impl fmt::Display for FontError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is not a TrueType or OpenType font", self.name)
    }
}

impl std::error::Error for FontError {}

/// The campaign's fonts. Cheap to clone a typesetter from; faces keep the order they were added
/// in, so fallback choices never depend on the machine.
#[derive(Clone, Debug)]
pub struct FontLibrary {
    db: Database,
    families: BTreeSet<String>,
}

impl FontLibrary {
    /// Loads `fonts` (a name for messages, and the file's bytes), in order.
    pub fn new(fonts: impl IntoIterator<Item = (String, Vec<u8>)>) -> Result<FontLibrary, FontError> {
        let mut db = Database::new();
        for (name, bytes) in fonts {
            let ids = db.load_font_source(Source::Binary(Arc::new(bytes)));
            if ids.is_empty() {
                return Err(FontError { name });
            }
        }
        correct_weights(&mut db);
        let families = db.faces().flat_map(|face| face.families.iter().map(|(name, _)| name.clone())).collect();
        Ok(FontLibrary { db, families })
    }

    /// Whether a face of family `name` was loaded.
    pub fn has_family(&self, name: &str) -> bool {
        self.families.contains(name)
    }

    /// Every family name, sorted.
    pub fn families(&self) -> impl Iterator<Item = &str> {
        self.families.iter().map(String::as_str)
    }

    /// A typesetter over these fonts, for one thread.
    pub fn typesetter(&self) -> Typesetter {
        Typesetter {
            fonts: FontSystem::new_with_locale_and_db("en-GB".to_owned(), self.db.clone()),
            swash: SwashCache::new(),
        }
    }
}

/// Some fonts declare the wrong weight class: Noto Nastaliq Urdu Bold (Debian 20201225) says 400,
/// so a bold Urdu headline would silently fall back to a naskh face. A face whose PostScript
/// name ends in `-Bold` but declares a regular weight is taken as bold.
fn correct_weights(db: &mut Database) {
    let wrong: Vec<_> =
        db.faces().filter(|f| f.post_script_name.ends_with("-Bold") && f.weight.0 < 600).map(|f| f.id).collect();
    for id in wrong {
        if let Some(mut info) = db.face(id).cloned() {
            info.weight = cosmic_text::fontdb::Weight::BOLD;
            db.remove_face(id);
            db.push_face_info(info);
        }
    }
}

/// Shapes, lays out and rasterises text. Not shared between threads: make one per thread.
pub struct Typesetter {
    pub(crate) fonts: FontSystem,
    pub(crate) swash: SwashCache,
}

impl fmt::Debug for Typesetter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Typesetter").finish_non_exhaustive()
    }
}
