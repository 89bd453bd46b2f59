//! Everything a build reads besides the translations: templates, fonts and images. Read once,
//! checked once, hashed once (the hashes are part of every asset's cache key).

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use image::RgbaImage;
use placard_core::{Limits, format_bytes};
use placard_layout::FontLibrary;
use placard_pipeline::{Config, FontsConfig, Layer, Template, TemplateBackground};
use placard_scene::Artwork;
use sha2::{Digest, Sha256};

use crate::BuildError;

/// A decoded image and the hash of its file.
#[derive(Clone, Debug)]
pub struct LoadedImage {
    pub image: Decoded,
    pub hash: [u8; 32],
}

/// What an image file holds.
#[derive(Clone, Debug)]
pub enum Decoded {
    /// A PNG or JPEG, decoded; scaled for each asset.
    Raster(RgbaImage),
    /// An SVG, checked: painted once at each size a template asks for, into [`Inputs::painted`].
    Vector,
}

/// An SVG painted for one use: the file, the size, and whether it covers that size (a
/// background) or fits inside it (an image layer).
pub type PaintedKey = (PathBuf, u32, u32, bool);

/// Templates, fonts and images, ready for every asset.
#[derive(Debug)]
pub struct Inputs {
    pub templates: Vec<Template>,
    pub fonts: FontLibrary,
    pub fonts_hash: [u8; 32],
    pub families: FontsConfig,
    pub images: BTreeMap<PathBuf, LoadedImage>,
    /// Every SVG painted at every size a template uses it at.
    pub painted: BTreeMap<PaintedKey, Picture>,
    /// What composing makes once and reuses for every asset, for as long as the inputs are kept
    /// (a build; a language server's whole session).
    pub(crate) made: Made,
}

/// Made from the inputs alone, once, on first use: each template's background scaled to its
/// canvas, the backdrop of each template whose backdrop is the same in every locale, and one
/// typesetter per worker thread (its shaping and glyph caches serve every asset the thread
/// composes: the same faces at the same sizes recur across locales and templates).
pub(crate) struct Made {
    pub backgrounds: Vec<std::sync::OnceLock<Option<Picture>>>,
    pub backdrops: Vec<std::sync::OnceLock<RgbaImage>>,
    pub typesetters: Vec<std::sync::Mutex<Option<placard_layout::Typesetter>>>,
    /// What checking a composition found, by everything it was made from (`assess::memo_key`):
    /// a language server checks the same locale after every keystroke, and most keystrokes
    /// change the text of one or two templates.
    pub memo: std::sync::Mutex<std::collections::HashMap<Vec<u8>, std::sync::Arc<crate::assess::Memo>>>,
}

impl Made {
    fn new(templates: usize) -> Made {
        Made {
            backgrounds: (0..templates).map(|_| std::sync::OnceLock::new()).collect(),
            backdrops: (0..templates).map(|_| std::sync::OnceLock::new()).collect(),
            typesetters: (0..rayon::current_num_threads().max(1)).map(|_| std::sync::Mutex::new(None)).collect(),
            memo: std::sync::Mutex::new(std::collections::HashMap::new()),
        }
    }
}

impl std::fmt::Debug for Made {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Made").finish_non_exhaustive()
    }
}

/// An image as a scene draws it: its pixels, and the SVG artwork they were painted from, if any
/// (which a vector output draws instead).
#[derive(Clone, Debug)]
pub struct Picture {
    pub pixels: Arc<RgbaImage>,
    pub art: Option<Artwork>,
}

impl Inputs {
    /// Loads the templates `config` lists (only those named in `only`, when it is not empty), the
    /// fonts, and every image the templates use.
    pub fn load(config: &Config, only: &[String]) -> Result<Inputs, BuildError> {
        let families = config.fonts.clone().ok_or_else(|| {
            BuildError::input(
                &config.path,
                "`fonts` is missing: say where the fonts are (fonts.dir) and which family each locale uses",
            )
        })?;
        if config.templates.is_empty() {
            return Err(BuildError::input(&config.path, "`templates` is empty: list the template files to build"));
        }
        // Every template is read and every fault of every one reported, with the font families
        // they name; a template with a fault is not built.
        let mut faults = Vec::new();
        let mut templates = Vec::new();
        for path in &config.templates {
            match Template::load(path, &config.root, &config.limits) {
                Ok(template) if templates.iter().any(|t: &Template| t.name == template.name) => {
                    faults.push(placard_pipeline::Error::Config {
                        path: path.clone(),
                        line: None,
                        column: None,
                        message: format!("another template is also called `{}`", template.name),
                    });
                }
                Ok(template) => templates.push(template),
                Err(error) => faults.push(error),
            }
        }
        if faults.is_empty() {
            for name in only {
                if !templates.iter().any(|t| &t.name == name) {
                    let known: Vec<&str> = templates.iter().map(|t| t.name.as_str()).collect();
                    return Err(BuildError::input(
                        &config.path,
                        format!("--template {name}: no such template (known: {})", known.join(", ")),
                    ));
                }
            }
        }
        templates.retain(|t| only.is_empty() || only.contains(&t.name));

        let (fonts, fonts_hash) = match load_fonts(&families.dir) {
            Ok(loaded) => loaded,
            Err(BuildError::Input { path, message }) if !faults.is_empty() => {
                faults.push(placard_pipeline::Error::Config { path, line: None, column: None, message });
                return Err(placard_pipeline::Error::from_faults(faults).expect("faults").into());
            }
            Err(error) => return Err(error),
        };
        for (locale, family) in &families.families {
            if !fonts.has_family(family) {
                faults.push(unknown_family(&config.path, None, &format!("fonts.families.{locale}"), family, &fonts));
            }
        }
        for template in &templates {
            for (i, layer) in template.layers.iter().enumerate() {
                if let Layer::Text(text) = layer
                    && let Some(family) = &text.font
                    && !fonts.has_family(family)
                {
                    let at = template.layer_at.get(i).copied();
                    faults.push(unknown_family(&template.path, at, &format!("layers[{i}].font"), family, &fonts));
                }
            }
        }
        if let Some(error) = placard_pipeline::Error::from_faults(faults) {
            return Err(error.into());
        }

        let mut images = BTreeMap::new();
        let mut vectors = BTreeMap::new();
        let mut painted = BTreeMap::new();
        for template in &templates {
            // Each use: its key, the file, the size it is drawn at and whether it covers it.
            let mut uses: Vec<(String, PathBuf, (u32, u32), bool)> = Vec::new();
            if let TemplateBackground::Image { path, .. } = &template.background {
                uses.push(("background.image".to_owned(), path.clone(), (template.width, template.height), true));
            }
            for (i, layer) in template.layers.iter().enumerate() {
                if let Layer::Image(image) = layer {
                    let size = (image.bbox.w.max(1) as u32, image.bbox.h.max(1) as u32);
                    uses.push((format!("layers[{i}].image"), image.path.clone(), size, false));
                    for (locale, path) in &image.locales {
                        uses.push((format!("layers[{i}].locales.{locale}"), path.clone(), size, false));
                    }
                }
            }
            for (key, path, (w, h), cover) in uses {
                let named = |why: String| BuildError::input(&template.path, format!("{key} {}: {why}", path.display()));
                if let std::collections::btree_map::Entry::Vacant(slot) = images.entry(path.clone()) {
                    let (loaded, vector) = load_image(slot.key(), &config.limits).map_err(|e| match e {
                        ImageFault::Svg(e) => svg_fault(&path, &template.path, &key, e),
                        ImageFault::Other(why) => named(why),
                    })?;
                    slot.insert(loaded);
                    vectors.extend(vector.map(|v| (path.clone(), v)));
                }
                if let Some(vector) = vectors.get(&path)
                    && let std::collections::btree_map::Entry::Vacant(slot) = painted.entry((path.clone(), w, h, cover))
                {
                    let painted =
                        if cover { vector.cover(w, h, &config.limits) } else { vector.contain(w, h, &config.limits) };
                    let (pixels, art) = painted.map_err(named)?;
                    slot.insert(Picture { pixels: Arc::new(pixels), art: Some(art) });
                }
            }
        }
        let made = Made::new(templates.len());
        Ok(Inputs { templates, fonts, fonts_hash, families, images, painted, made })
    }
}

impl Inputs {
    /// Every message the templates show in a text layer (and, with `alt`, their alt-text
    /// messages), sorted, each once.
    pub fn message_ids(&self, alt: bool) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for template in &self.templates {
            ids.extend(template.layers.iter().filter_map(|l| match l {
                Layer::Text(t) => Some(t.message.as_str()),
                Layer::Image(_) | Layer::Qr(_) => None,
            }));
            if alt {
                ids.extend(template.alt.as_deref());
            }
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// `template`'s background image scaled to its canvas, when it has one: made once.
    pub fn background(&self, template: &Template) -> Option<&Picture> {
        let index = self.templates.iter().position(|t| t.name == template.name)?;
        self.made.backgrounds[index].get_or_init(|| self.scaled_background(template)).as_ref()
    }

    /// `template`'s background image scaled to its canvas, when it has one.
    pub fn scaled_background(&self, template: &Template) -> Option<Picture> {
        let TemplateBackground::Image { path, .. } = &template.background else { return None };
        match &self.images.get(path)?.image {
            Decoded::Raster(image) => Some(Picture {
                pixels: Arc::new(placard_render::scale_to_cover(image, template.width, template.height)),
                art: None,
            }),
            Decoded::Vector => self.painted.get(&(path.clone(), template.width, template.height, true)).cloned(),
        }
    }

    /// The image at `path` scaled to fit inside `width` × `height`, keeping its aspect ratio (an
    /// SVG was painted at that size when it was loaded), and the artwork it was painted from.
    pub fn fitted(&self, path: &Path, width: u32, height: u32) -> Option<(RgbaImage, Option<Artwork>)> {
        match &self.images.get(path)?.image {
            Decoded::Raster(image) => Some((contain(image, width, height), None)),
            Decoded::Vector => {
                self.painted.get(&(path.to_owned(), width, height, false)).map(|p| ((*p.pixels).clone(), p.art.clone()))
            }
        }
    }
}

/// `image` scaled to fit inside `width` × `height`, keeping its aspect ratio.
fn contain(image: &RgbaImage, width: u32, height: u32) -> RgbaImage {
    let (iw, ih) = (image.width().max(1) as f64, image.height().max(1) as f64);
    let scale = (f64::from(width) / iw).min(f64::from(height) / ih);
    let (w, h) = (((iw * scale).floor() as u32).max(1), ((ih * scale).floor() as u32).max(1));
    if (w, h) == image.dimensions() {
        image.clone()
    } else {
        image::imageops::resize(image, w, h, image::imageops::FilterType::Triangle)
    }
}

/// An SVG that cannot be used, named at its own line and column, with the template key that uses it.
fn svg_fault(svg: &Path, template: &Path, key: &str, e: crate::svg::SvgError) -> BuildError {
    placard_pipeline::Error::Config {
        path: svg.to_owned(),
        line: e.at.map(|(line, _)| line),
        column: e.at.map(|(_, column)| column),
        message: format!("{} (used as {key} in {})", e.message, template.display()),
    }
    .into()
}

/// A family no font in the fonts folder has, named at `at` (line, column) where known.
fn unknown_family(
    path: &Path,
    at: Option<(u32, u32)>,
    key: &str,
    family: &str,
    fonts: &FontLibrary,
) -> placard_pipeline::Error {
    let known: Vec<&str> = fonts.families().collect();
    placard_pipeline::Error::Config {
        path: path.to_owned(),
        line: at.map(|(line, _)| u64::from(line)),
        column: at.map(|(_, column)| u64::from(column)),
        message: format!("{key}: no font of family `{family}` in fonts.dir (families: {})", known.join(", ")),
    }
}

/// Every .ttf/.otf file in `dir`, in name order, and one hash over all of them (it is part of each
/// asset's input hash).
pub fn load_fonts(dir: &Path) -> Result<(FontLibrary, [u8; 32]), BuildError> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| BuildError::input(dir, format!("cannot read the fonts folder: {e}")))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ttf") || e.eq_ignore_ascii_case("otf")))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(BuildError::input(dir, "no .ttf or .otf fonts in this folder"));
    }
    let mut hasher = Sha256::new();
    let mut fonts = Vec::new();
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|e| BuildError::input(&path, format!("cannot read: {e}")))?;
        hasher.update(path.file_name().map(|n| n.as_encoded_bytes()).unwrap_or_default());
        hasher.update(&bytes);
        fonts.push((path.display().to_string(), bytes));
    }
    let library = FontLibrary::new(fonts).map_err(|e| BuildError::input(dir, e.to_string()))?;
    Ok((library, hasher.finalize().into()))
}

/// Why an image file cannot be used: an SVG's fault has its own position.
enum ImageFault {
    Svg(crate::svg::SvgError),
    Other(String),
}

impl From<String> for ImageFault {
    fn from(why: String) -> Self {
        ImageFault::Other(why)
    }
}

/// Decodes a PNG or JPEG, or parses and checks an SVG, with size limits; the error says why not.
fn load_image(path: &Path, limits: &Limits) -> Result<(LoadedImage, Option<crate::svg::Vector>), ImageFault> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read the image: {e}"))?;
    let mut bytes = Vec::new();
    // One byte past the limit, so a file that grows while it is read is caught too.
    file.take(limits.image_file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the image: {e}"))?;
    if bytes.len() as u64 > limits.image_file_bytes {
        return Err(format!(
            "the image file is over {}, the limit for an image (limits.image_file_mib in pipeline.yaml)",
            format_bytes(limits.image_file_bytes)
        )
        .into());
    }
    let hash = Sha256::digest(&bytes).into();
    let named_svg = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    if crate::svg::looks_like_svg(&bytes, named_svg) {
        let vector = crate::svg::parse_svg(&bytes, limits).map_err(ImageFault::Svg)?;
        return Ok((LoadedImage { image: Decoded::Vector, hash }, Some(vector)));
    }
    let image = decode_image(&bytes, limits)?;
    Ok((LoadedImage { image: Decoded::Raster(image), hash }, None))
}

/// Decodes a PNG or JPEG held in memory, within `limits.image_side` and
/// `limits.image_memory_bytes` (a decompression bomb stops at the second).
pub fn decode_image(bytes: &[u8], limits: &Limits) -> Result<RgbaImage, String> {
    let reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("cannot read the image: {e}"))?;
    if !matches!(reader.format(), Some(image::ImageFormat::Png | image::ImageFormat::Jpeg)) {
        return Err("not a PNG, JPEG or SVG image".to_owned());
    }
    let (width, height) = placard_core::contain_panic(|| reader.into_dimensions())
        .map_err(|panic| format!("cannot decode the image: the decoder failed ({panic})"))?
        .map_err(|e| format!("cannot decode the image: {e}"))?;
    if width > limits.image_side || height > limits.image_side {
        return Err(format!(
            "the image is {width}×{height} px; each side may be at most {} (limits.image_side in pipeline.yaml)",
            limits.image_side
        ));
    }
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("cannot read the image: {e}"))?;
    let mut decoder_limits = image::Limits::default();
    decoder_limits.max_image_width = Some(limits.image_side);
    decoder_limits.max_image_height = Some(limits.image_side);
    decoder_limits.max_alloc = Some(limits.image_memory_bytes);
    reader.limits(decoder_limits);
    // A decoder that panics on a malformed file (fuzzing found one in png 0.18.1's palette
    // expansion) has still only found a bad image.
    let decoded = placard_core::contain_panic(|| reader.decode())
        .map_err(|panic| format!("cannot decode the image: the decoder failed ({panic})"))?;
    let decoded = decoded.map_err(|e| match e {
        image::ImageError::Limits(_) => format!(
            "decoding the image would take more than {} of memory (limits.image_memory_mib in pipeline.yaml)",
            format_bytes(limits.image_memory_bytes)
        ),
        e => format!("cannot decode the image: {e}"),
    })?;
    Ok(decoded.to_rgba8())
}
