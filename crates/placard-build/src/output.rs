//! What a build leaves behind: the images, `manifest.json` and `index.html`, each written
//! atomically (a temporary file in the same folder, flushed, then renamed over the old one), so an
//! interrupted build never leaves a half-written file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::BuildError;
use crate::web_fonts::PageFonts;

/// One laid-out text layer of an asset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerRecord {
    /// `id` or `id.attribute`.
    pub message: String,
    /// The formatted text, as a reader is shown it (placard-fluent's shown form).
    pub text: String,
    /// The layer's box: x, y, width, height in px.
    #[serde(rename = "box")]
    pub r#box: [i32; 4],
    /// The size chosen to fit, px.
    pub size: f32,
    /// Every line as laid out, top to bottom.
    pub lines: Vec<LineRecord>,
    /// False when the text overflows its box even at the smallest size.
    pub fits: bool,
}

/// One laid-out line of a text layer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LineRecord {
    /// The line's own text, as the reader is shown it (no white space at its ends, none of the
    /// characters the layout inserts to keep words together).
    pub text: String,
    /// The font size, px.
    pub size: f32,
    /// The box of its ink on the canvas: x, y, width, height in px (zero size for a line
    /// without ink, at its start).
    pub ink: [i32; 4],
}

/// One file of the build.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssetRecord {
    pub locale: String,
    pub template: String,
    pub format: String,
    /// Relative to the output folder, with `/`.
    pub path: String,
    pub width: u32,
    pub height: u32,
    /// The print resolution the file records (the template's `dpi`), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpi: Option<u16>,
    pub bytes: u64,
    pub sha256: String,
    pub alt: Option<String>,
    /// A small PNG of the asset for the contact sheet, relative to the output folder.
    pub thumbnail: String,
    /// `ltr` or `rtl`.
    pub dir: String,
    pub layers: Vec<LayerRecord>,
    /// Hash of everything the file was made from; an asset whose inputs hash is unchanged is reused.
    pub inputs: String,
    /// What the layout checks found about it (a published asset has warnings only), as the
    /// build's report words them. A later build that reuses the file checks it again; one that
    /// leaves its template out (`--template`) shows these on the translator's page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<FindingRecord>,
}

/// One finding about an asset, as [`AssetRecord::findings`] keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingRecord {
    pub severity: String,
    pub code: String,
    /// The message (`id` or `id.attribute`) it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    pub message: String,
    /// `file:line` where the fix goes, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// Whether `d` is about the asset of `template` in `locale`: a finding of that template's, in
/// that locale or in every locale.
pub(crate) fn about_asset(d: &placard_core::Diagnostic, template: &str, locale: &str) -> bool {
    d.template.as_deref() == Some(template) && d.locale.as_deref().is_none_or(|l| l == locale)
}

impl FindingRecord {
    pub fn of(d: &placard_core::Diagnostic) -> FindingRecord {
        FindingRecord {
            severity: if d.is_error() { "error" } else { "warning" }.to_owned(),
            code: d.code.as_str().to_owned(),
            message_id: d.message_id.clone(),
            message: d.message.clone(),
            at: d.file.as_ref().map(|f| d.line.map_or_else(|| f.clone(), |l| format!("{f}:{l}"))),
        }
    }
}

/// `manifest.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub placard: String,
    /// The part of the assets this build made (`--shard K/N`), for `placard merge`; a full
    /// build's manifest has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<crate::Shard>,
    pub assets: Vec<AssetRecord>,
    /// The print packs (`print/<template>.pdf`), one per template with a PDF output.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub packs: Vec<crate::print::PackRecord>,
}

impl Manifest {
    /// The manifest in `out`, if there is a readable one.
    pub fn read(out: &Path) -> Option<Manifest> {
        let bytes = std::fs::read(out.join("manifest.json")).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a manifest always serializes");
        json.push('\n');
        json
    }
}

/// What an earlier output holds that a build may reuse or keep: its manifest, and where its files
/// are. A build's is the output folder it replaces; a merge's is the shards' folders.
#[derive(Debug)]
pub(crate) struct Previous {
    pub manifest: Manifest,
    files: Files,
}

#[derive(Debug)]
enum Files {
    /// Every file in one folder: the output folder.
    Folder(PathBuf),
    /// Each file in the shard's folder that made it, by its path in the output.
    Shards(std::collections::BTreeMap<String, PathBuf>),
}

impl Previous {
    /// The output folder `out` as it is, if it has a readable manifest.
    pub fn read(out: &Path) -> Option<Previous> {
        Manifest::read(out).map(|manifest| Previous { manifest, files: Files::Folder(out.to_owned()) })
    }

    /// The output of several shards: `manifest` joins theirs, `folders` names the shard folder of
    /// every file it lists.
    pub fn shards(manifest: Manifest, folders: std::collections::BTreeMap<String, PathBuf>) -> Previous {
        Previous { manifest, files: Files::Shards(folders) }
    }

    /// Where the file `rel` (relative to an output folder) is; a path to nothing when it is not there.
    pub fn file(&self, rel: &str) -> PathBuf {
        match &self.files {
            Files::Folder(dir) => dir.join(rel),
            Files::Shards(folders) => folders.get(rel).map(|dir| dir.join(rel)).unwrap_or_default(),
        }
    }

    /// The folder the file `rel` is in.
    pub fn folder_of(&self, rel: &str) -> Option<&Path> {
        match &self.files {
            Files::Folder(dir) => Some(dir),
            Files::Shards(folders) => folders.get(rel).map(PathBuf::as_path),
        }
    }

    /// The one output folder it is, when it is one (an earlier build's translator pages are kept).
    pub fn folder(&self) -> Option<&Path> {
        match &self.files {
            Files::Folder(dir) => Some(dir),
            Files::Shards(_) => None,
        }
    }
}

/// `bytes` as lower-case hexadecimal (a SHA-256 in the manifest).
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes `bytes` to `path` atomically, creating its folder ([`placard_pipeline::write_atomic`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    placard_pipeline::write_atomic(path, bytes).map_err(|source| BuildError::Output { path: path.to_owned(), source })
}

/// The folder a build writes into: a sibling of the output folder, swapped in only when the new
/// set is complete. Until then the old output folder is untouched, so an interrupted build leaves
/// the old complete set (and a staging folder the next build removes).
#[derive(Debug)]
pub struct Staging {
    pub dir: PathBuf,
    out: PathBuf,
    /// Held (an advisory lock on `.<out>.lock` beside the output) until the staging folder is
    /// published or dropped: a second build on the same output stops with [`BuildError::Busy`].
    _lock: std::fs::File,
    /// Set once [`Staging::publish`] has taken the folder; until then dropping removes it.
    published: bool,
}

impl Drop for Staging {
    /// A build that stops before publishing (lint refused it, an input failed) leaves no staging
    /// folder behind; the output folder was never touched.
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl Staging {
    /// Makes a fresh staging folder beside `out`, removing any that an interrupted build left.
    pub fn new(out: &Path) -> Result<Staging, BuildError> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        let name = out.file_name().map_or_else(|| "dist".to_owned(), |n| n.to_string_lossy().into_owned());
        let fail = |source| BuildError::Output { path: out.to_owned(), source };
        std::fs::create_dir_all(&parent).map_err(fail)?;
        let lock_path = parent.join(format!(".{name}.lock"));
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|source| BuildError::Output { path: lock_path.clone(), source })?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(BuildError::Busy { out: out.to_owned(), lock: lock_path });
            }
            Err(std::fs::TryLockError::Error(source)) => return Err(BuildError::Output { path: lock_path, source }),
        }
        // Under the lock, what other staging folders remain were left by interrupted builds.
        if let Ok(entries) = std::fs::read_dir(&parent) {
            let stale = [format!(".{name}.staging-"), format!(".{name}.old-")];
            for entry in entries.flatten() {
                let entry_name = entry.file_name().to_string_lossy().into_owned();
                if stale.iter().any(|prefix| entry_name.starts_with(prefix.as_str())) {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
        }
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|source| BuildError::Output { path: dir.clone(), source })?;
        Ok(Staging { dir, out: out.to_owned(), _lock: lock, published: false })
    }

    /// Brings an earlier output's file `from` into the new set as `rel` (relative to the output
    /// folder), by a hard link where the file system allows, else by a copy.
    pub fn adopt(&self, from: &Path, rel: &str) -> Result<(), BuildError> {
        let to = self.dir.join(rel);
        let fail = |source| BuildError::Output { path: to.clone(), source };
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        if std::fs::hard_link(from, &to).is_err() {
            std::fs::copy(from, &to).map_err(fail)?;
        }
        Ok(())
    }

    /// Swaps the complete new set in, then removes the old set. On Linux the two folders are
    /// exchanged in one step (`renameat2` with `RENAME_EXCHANGE`), so the output folder is never
    /// absent; elsewhere, or where the file system cannot exchange, it takes two renames.
    pub fn publish(mut self) -> Result<(), BuildError> {
        self.published = true;
        let fail = |source| BuildError::Output { path: self.out.clone(), source };
        #[cfg(target_os = "linux")]
        if self.out.is_dir() {
            use rustix::fs::{CWD, RenameFlags, renameat_with};
            if renameat_with(CWD, &self.dir, CWD, &self.out, RenameFlags::EXCHANGE).is_ok() {
                // The staging path now holds the old set.
                let _ = std::fs::remove_dir_all(&self.dir);
                return Ok(());
            }
        }
        let old = self.dir.with_file_name(
            self.dir.file_name().map(|n| n.to_string_lossy().replace(".staging-", ".old-")).unwrap_or_default(),
        );
        let had_old = self.out.exists();
        if had_old {
            std::fs::rename(&self.out, &old).map_err(fail)?;
        }
        if let Err(source) = std::fs::rename(&self.dir, &self.out) {
            if had_old {
                let _ = std::fs::rename(&old, &self.out);
            }
            return Err(fail(source));
        }
        if had_old {
            let _ = std::fs::remove_dir_all(&old);
        }
        Ok(())
    }
}

/// The width of contact-sheet thumbnails, px.
pub const THUMBNAIL_WIDTH: u32 = 240;

/// What the contact sheet shows beside the manifest.
#[derive(Clone, Copy, Debug)]
pub struct Sheet<'a> {
    pub campaign: &'a str,
    /// Locales with a translator context page.
    pub context: &'a [&'a str],
    /// Locales not built: their text failed lint.
    pub blocked: &'a [String],
    /// Assets the layout checks refused.
    pub refused: &'a [crate::Refused],
    /// Template names in pipeline.yaml's order: the sheet's columns.
    pub order: &'a [&'a str],
    /// Phrases that must not break across lines (the required strings: the helpline).
    pub keep: &'a [&'a str],
    /// The campaign's fonts, for the captions.
    pub fonts: &'a PageFonts,
}

/// `index.html` (templates/sheet.html): locales as rows, templates as columns in pipeline order,
/// thumbnails in their own proportions linking to full size, the alt text once, `lang`, `dir`
/// and the locale's own font on each row, links to the translator context pages, and what was
/// not published and why (the locales whose text failed lint, the assets the layout checks
/// refused), so the sheet says what lint says. Self-contained: no scripts, no network.
#[derive(askama::Template)]
#[template(path = "sheet.html")]
struct SheetPage<'a> {
    campaign: &'a str,
    count: usize,
    /// Each column's template, and its print pack when it has one.
    templates: Vec<(&'a str, Option<&'a str>)>,
    rows: Vec<SheetRow<'a>>,
    blocked: &'a [String],
    /// Locale, template, the failed checks' codes.
    refused: Vec<(&'a str, &'a str, String)>,
    context: &'a [&'a str],
    stylesheet: Option<String>,
}

struct SheetRow<'a> {
    locale: &'a str,
    dir: &'a str,
    class: Option<String>,
    context: bool,
    cells: Vec<SheetCell<'a>>,
}

struct SheetCell<'a> {
    template: &'a str,
    asset: Option<Thumbnail<'a>>,
}

struct Thumbnail<'a> {
    path: &'a str,
    thumbnail: &'a str,
    alt: &'a str,
    /// The alt text as shown in the caption, the required phrases unbreakable.
    shown: String,
    width: u32,
    height: u64,
    size: String,
    /// Each format's file and name, the first linked from the thumbnail.
    formats: Vec<(&'a str, &'a str)>,
}

impl Manifest {
    /// The templates of the output: `order` (pipeline.yaml's), then those only an earlier build
    /// made (kept from outside this run's scope), in name order.
    pub(crate) fn templates_in<'a>(&'a self, order: &[&'a str]) -> Vec<&'a str> {
        let mut templates: Vec<&str> = order.to_vec();
        let mut others: Vec<&str> =
            self.assets.iter().map(|a| a.template.as_str()).filter(|t| !order.contains(t)).collect();
        others.sort_unstable();
        others.dedup();
        templates.extend(others);
        templates
    }
}

/// The contact sheet, `index.html`.
pub fn contact_sheet(manifest: &Manifest, sheet: &Sheet<'_>) -> String {
    let Sheet { campaign, context, blocked, refused, order, keep, fonts } = *sheet;
    // Templates in pipeline.yaml's order; those an earlier build made and this run did not
    // load (kept from outside its scope) follow in name order.
    let mut templates = manifest.templates_in(order);
    templates.retain(|t| manifest.assets.iter().any(|a| a.template == *t));
    let mut locales: Vec<(&str, &str)> = manifest.assets.iter().map(|a| (a.locale.as_str(), a.dir.as_str())).collect();
    locales.sort_unstable();
    locales.dedup();
    let rows = locales
        .iter()
        .map(|&(locale, dir)| SheetRow {
            locale,
            dir,
            class: fonts.class_for(locale),
            context: context.contains(&locale),
            cells: templates
                .iter()
                .map(|&template| {
                    // The thumbnail links to the first format (PNG when there is one).
                    let mut formats: Vec<&AssetRecord> =
                        manifest.assets.iter().filter(|a| a.locale == locale && a.template == template).collect();
                    formats.sort_by_key(|a| (a.format != "png", a.format.clone()));
                    let asset = formats.first().map(|a| {
                        let alt = a.alt.as_deref().unwrap_or("");
                        Thumbnail {
                            path: &a.path,
                            thumbnail: &a.thumbnail,
                            alt,
                            shown: placard_layout::keep_together(alt, keep),
                            width: THUMBNAIL_WIDTH,
                            height: (u64::from(a.height) * u64::from(THUMBNAIL_WIDTH) / u64::from(a.width.max(1)))
                                .max(1),
                            size: size(a),
                            formats: formats.iter().map(|f| (f.path.as_str(), f.format.as_str())).collect(),
                        }
                    });
                    SheetCell { template, asset }
                })
                .collect(),
        })
        .collect();
    let templates = templates
        .iter()
        .map(|&t| (t, manifest.packs.iter().find(|p| p.template == t).map(|p| p.path.as_str())))
        .collect();
    let page = SheetPage {
        campaign,
        count: manifest.assets.len() + manifest.packs.len(),
        templates,
        rows,
        blocked,
        refused: refused
            .iter()
            .map(|r| {
                let codes: Vec<&str> = r.codes.iter().map(|c| c.as_str()).collect();
                (r.locale.as_str(), r.template.as_str(), codes.join(", "))
            })
            .collect(),
        context,
        stylesheet: fonts.stylesheet(0),
    };
    render(&page)
}

/// A page from its template; rendering into a `String` cannot fail (every value displays).
pub(crate) fn render(page: &impl askama::Template) -> String {
    let mut html = page.render().expect("a page renders into a string");
    if !html.ends_with('\n') {
        html.push('\n');
    }
    html
}

/// The script `placard watch` puts before `</body>` of the contact sheet: every second it loads
/// `build.js` again (a script tag works from `file://`, where fetch does not), and reloads the page
/// when the build it names is not `id`, the build the page shows.
pub(crate) fn live_reload_script(id: &str) -> String {
    format!(
        "<script>\nconst placardShown = \"{id}\";\n\
         function placardBuild(id) {{ if (id !== placardShown) location.reload(); }}\n\
         setInterval(() => {{ const s = document.createElement('script'); s.src = 'build.js?' + Date.now(); \
         s.onload = s.onerror = () => s.remove(); document.head.appendChild(s); }}, 1000);\n</script>\n</body>"
    )
}

/// An asset's size for the contact sheet: pixels, and for print assets the resolution and the
/// printed size in millimetres (bleed included), which is what a designer checks before sending
/// a poster to the printer.
fn size(asset: &AssetRecord) -> String {
    let pixels = format!("{}×{}", asset.width, asset.height);
    match asset.dpi {
        Some(dpi) => {
            let mm = |px: u32| (f64::from(px) * 25.4 / f64::from(dpi)).round();
            format!("{pixels} px, {dpi} dpi ({}×{} mm)", mm(asset.width), mm(asset.height))
        }
        None => pixels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a/b/out.png");
        write_atomic(&path, b"one").expect("write");
        write_atomic(&path, b"two").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        let names: Vec<_> =
            std::fs::read_dir(path.parent().expect("parent")).expect("dir").flatten().map(|e| e.file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn contact_sheet_escapes_and_marks_direction() {
        let asset = |locale: &str, dir: &str, alt: &str| AssetRecord {
            locale: locale.into(),
            template: "square".into(),
            format: "png".into(),
            path: format!("{locale}/square.png"),
            width: 1080,
            height: 1080,
            dpi: None,
            bytes: 1,
            sha256: String::new(),
            alt: Some(alt.into()),
            dir: dir.into(),
            layers: vec![],
            inputs: String::new(),
            findings: Vec::new(),
            thumbnail: format!("thumbs/{locale}/square.png"),
        };
        let manifest = Manifest {
            shard: None,
            packs: Vec::new(),
            placard: "0".into(),
            assets: vec![asset("ar", "rtl", "نص"), asset("en-GB", "ltr", "<b>\"x\"</b>")],
        };
        let sheet = Sheet {
            campaign: "not-my-friend",
            context: &[],
            blocked: &[],
            refused: &[],
            order: &["square"],
            keep: &["0131 556 3535"],
            fonts: &PageFonts::default(),
        };
        let html = contact_sheet(&manifest, &sheet);
        assert!(html.contains("<tr lang=\"ar\" dir=\"rtl\">"));
        // A size in a right-to-left row would read 1080×1080 backwards without its own direction.
        assert!(html.contains("<span dir=\"ltr\">1080×1080</span>"));
        // The engine escapes the alt text in the attribute and in the caption alike.
        assert_eq!(html.matches("&#60;b&#62;&#34;x&#34;&#60;/b&#62;").count(), 2, "{html}");
        assert!(!html.contains("<b>"));
        assert!(html.contains("href=\"ar/square.png\""));
        assert!(html.contains("src=\"thumbs/ar/square.png\""));
    }

    #[test]
    fn columns_follow_the_pipeline_and_the_helpline_never_wraps_in_a_caption() {
        let asset = |template: &str, alt: &str| AssetRecord {
            locale: "ar".into(),
            template: template.into(),
            format: "png".into(),
            path: format!("ar/{template}.png"),
            width: 1080,
            height: 1920,
            dpi: None,
            bytes: 1,
            alt: Some(alt.into()),
            dir: "rtl".into(),
            layers: vec![],
            inputs: String::new(),
            findings: Vec::new(),
            thumbnail: format!("thumbs/ar/{template}.png"),
            sha256: String::new(),
        };
        let manifest = Manifest {
            shard: None,
            packs: Vec::new(),
            placard: "0".into(),
            assets: vec![asset("story", "اتصل 0131 556 3535"), asset("square", "x"), asset("older", "y")],
        };
        let order = ["story", "square"];
        let fonts = PageFonts::default();
        let sheet = Sheet {
            campaign: "c",
            context: &[],
            blocked: &[],
            refused: &[],
            order: &order,
            keep: &["0131 556 3535"],
            fonts: &fonts,
        };
        let html = contact_sheet(&manifest, &sheet);
        let column = |t: &str| html.find(&format!("<th>{t}</th>")).unwrap_or_else(|| panic!("a {t} column"));
        assert!(column("story") < column("square"), "pipeline order, not name order");
        assert!(column("square") < column("older"), "a template this run did not load comes last");
        assert!(html.contains("0131\u{a0}556\u{a0}3535"), "no break inside the number");
        assert_eq!(html.matches("اتصل").count(), 2, "once in the alt attribute, once shown");
        assert!(html.contains("<bdi aria-hidden=\"true\">اتصل"), "the shown copy is not read twice");
        assert!(html.contains("name=\"viewport\""), "sized for a phone");
    }

    #[test]
    fn a_print_asset_shows_its_resolution_and_printed_size() {
        let record = |width, height, dpi| AssetRecord {
            locale: "en-GB".into(),
            template: "poster".into(),
            format: "png".into(),
            path: "en-GB/poster.png".into(),
            width,
            height,
            dpi,
            bytes: 1,
            sha256: String::new(),
            alt: None,
            dir: "ltr".into(),
            layers: vec![],
            inputs: String::new(),
            findings: Vec::new(),
            thumbnail: "thumbs/en-GB/poster.png".into(),
        };
        // A4 at 300 dpi with 3 mm bleed on every side: 216×303 mm.
        assert_eq!(size(&record(2550, 3578, Some(300))), "2550×3578 px, 300 dpi (216×303 mm)");
        assert_eq!(size(&record(1080, 1080, None)), "1080×1080");
    }
}
