//! The fonts a campaign may use, loaded from bytes once and shared by every thread's typesetter.

use std::collections::BTreeSet;
use std::fmt;
use std::ops::RangeInclusive;
use std::sync::Arc;

use cosmic_text::fontdb::{Database, ID, Source, Style};
use cosmic_text::skrifa::{FontRef, MetadataProvider};
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
    /// The name each face was loaded under (its file), for [`FontLibrary::web_face`], and the
    /// file's bytes and the face's index in it, for [`FontLibrary::face`].
    sources: Vec<(ID, String, FaceData)>,
}

/// One face as laid-out glyphs name it ([`crate::GlyphOutline`]): the same in every typesetter
/// of a library, so any thread's glyphs find their font with [`FontLibrary::face`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub(crate) ID);

/// A face's font file and its index in the file (a collection holds several), for a writer that
/// embeds the font (PDF).
#[derive(Clone, Debug)]
pub struct FaceData {
    pub bytes: Arc<Vec<u8>>,
    pub index: u32,
}

/// One face as a web page declares it (`@font-face`): the file it was loaded from and the code
/// points it maps to a glyph, as sorted, disjoint ranges (a CSS `unicode-range`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebFace {
    /// The name the font was loaded under ([`FontLibrary::new`]).
    pub source: String,
    pub code_points: Vec<RangeInclusive<u32>>,
}

impl FontLibrary {
    /// Loads `fonts` (a name for messages, and the file's bytes), in order.
    pub fn new(fonts: impl IntoIterator<Item = (String, Vec<u8>)>) -> Result<FontLibrary, FontError> {
        let mut db = Database::new();
        let mut sources = Vec::new();
        for (name, bytes) in fonts {
            let bytes = Arc::new(bytes);
            let ids = db.load_font_source(Source::Binary(bytes.clone()));
            if ids.is_empty() {
                return Err(FontError { name });
            }
            for id in ids {
                let index = db.face(id).map_or(0, |face| face.index);
                sources.push((id, name.clone(), FaceData { bytes: bytes.clone(), index }));
            }
        }
        for (old, new) in correct_weights(&mut db) {
            if let Some(entry) = sources.iter_mut().find(|(id, ..)| *id == old) {
                entry.0 = new;
            }
        }
        let families = db.faces().flat_map(|face| face.families.iter().map(|(name, _)| name.clone())).collect();
        Ok(FontLibrary { db, families, sources })
    }

    /// The upright face of `family` closest to regular weight (the first loaded of equals), as a
    /// web page would declare it: what the contact sheet and context pages load to show text
    /// in the campaign's own fonts.
    pub fn web_face(&self, family: &str) -> Option<WebFace> {
        let (id, source) = self
            .sources
            .iter()
            .filter_map(|(id, source, _)| Some((self.db.face(*id)?, source)))
            .filter(|(face, _)| face.style == Style::Normal && face.families.iter().any(|(name, _)| name == family))
            .min_by_key(|(face, _)| face.weight.0.abs_diff(400))
            .map(|(face, source)| (face.id, source))?;
        let mut points: Vec<u32> = self
            .db
            .with_face_data(id, |data, index| {
                let font = FontRef::from_index(data, index).ok()?;
                Some(font.charmap().mappings().map(|(c, _)| c).collect::<Vec<u32>>())
            })
            .flatten()?;
        points.sort_unstable();
        points.dedup();
        let mut code_points: Vec<RangeInclusive<u32>> = Vec::new();
        for c in points {
            match code_points.last_mut() {
                Some(last) if *last.end() + 1 == c => *last = *last.start()..=c,
                _ => code_points.push(c..=c),
            }
        }
        Some(WebFace { source: source.clone(), code_points })
    }

    /// The font file of a face that glyphs were laid out in, and the name it was loaded under.
    pub fn face(&self, face: FaceId) -> Option<(&str, &FaceData)> {
        self.sources.iter().find(|(id, ..)| *id == face.0).map(|(_, name, data)| (name.as_str(), data))
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
/// name ends in `-Bold` but declares a regular weight is taken as bold. Returns each corrected
/// face's old and new id.
fn correct_weights(db: &mut Database) -> Vec<(ID, ID)> {
    let wrong: Vec<_> =
        db.faces().filter(|f| f.post_script_name.ends_with("-Bold") && f.weight.0 < 600).map(|f| f.id).collect();
    let mut moved = Vec::new();
    for id in wrong {
        if let Some(mut info) = db.face(id).cloned() {
            info.weight = cosmic_text::fontdb::Weight::BOLD;
            db.remove_face(id);
            moved.push((id, db.push_face_info(info)));
        }
    }
    moved
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
