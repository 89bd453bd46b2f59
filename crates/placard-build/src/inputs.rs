//! Everything a build reads besides the translations: templates, fonts and images. Read once,
//! checked once, hashed once (the hashes are part of every asset's cache key).

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::RgbaImage;
use placard_core::{Limits, format_bytes};
use placard_layout::FontLibrary;
use placard_pipeline::{Config, FontsConfig, Layer, Template, TemplateBackground};
use sha2::{Digest, Sha256};

use crate::BuildError;

/// A decoded image and the hash of its file.
#[derive(Clone, Debug)]
pub struct LoadedImage {
    pub image: RgbaImage,
    pub hash: [u8; 32],
}

/// Templates, fonts and images, ready for every asset.
#[derive(Debug)]
pub struct Inputs {
    pub templates: Vec<Template>,
    pub fonts: FontLibrary,
    pub fonts_hash: [u8; 32],
    pub families: FontsConfig,
    pub images: BTreeMap<PathBuf, LoadedImage>,
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
        for template in &templates {
            let mut uses: Vec<(String, PathBuf)> = Vec::new();
            if let TemplateBackground::Image { path, .. } = &template.background {
                uses.push(("background.image".to_owned(), path.clone()));
            }
            for (i, layer) in template.layers.iter().enumerate() {
                if let Layer::Image(image) = layer {
                    uses.push((format!("layers[{i}].image"), image.path.clone()));
                    for (locale, path) in &image.locales {
                        uses.push((format!("layers[{i}].locales.{locale}"), path.clone()));
                    }
                }
            }
            for (key, path) in uses {
                if let std::collections::btree_map::Entry::Vacant(slot) = images.entry(path) {
                    let loaded = load_image(slot.key(), &config.limits).map_err(|why| {
                        BuildError::input(&template.path, format!("{key} {}: {why}", slot.key().display()))
                    })?;
                    slot.insert(loaded);
                }
            }
        }
        Ok(Inputs { templates, fonts, fonts_hash, families, images })
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

    /// `template`'s background image scaled to its canvas, when it has one.
    pub fn scaled_background(&self, template: &Template) -> Option<std::sync::Arc<RgbaImage>> {
        let TemplateBackground::Image { path, .. } = &template.background else { return None };
        let image = &self.images.get(path)?.image;
        Some(std::sync::Arc::new(placard_render::scale_to_cover(image, template.width, template.height)))
    }
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

/// Decodes a PNG or JPEG with size limits; the error says why not.
fn load_image(path: &Path, limits: &Limits) -> Result<LoadedImage, String> {
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
        ));
    }
    let image = decode_image(&bytes, limits)?;
    Ok(LoadedImage { image, hash: Sha256::digest(&bytes).into() })
}

/// Decodes a PNG or JPEG held in memory, within `limits.image_side` and
/// `limits.image_memory_bytes` (a decompression bomb stops at the second).
pub fn decode_image(bytes: &[u8], limits: &Limits) -> Result<RgbaImage, String> {
    let reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("cannot read the image: {e}"))?;
    if !matches!(reader.format(), Some(image::ImageFormat::Png | image::ImageFormat::Jpeg)) {
        return Err("not a PNG or JPEG image".to_owned());
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
