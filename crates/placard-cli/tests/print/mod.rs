//! The print PDFs, read back by an independent PDF reader (hayro, a renderer and interpreter
//! Placard does not use to write them): the helpline as text in logical order in every locale,
//! A4 plus 3 mm bleed, every font embedded, the page drawn as the PNG is, the same bytes at any
//! thread count.

use std::path::Path;

use hayro::hayro_interpret::font::GlyphRun;
use hayro::hayro_interpret::hayro_cmap::BfString;
use hayro::hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps, InterpreterCache,
    InterpreterSettings, SoftMask, interpret_page,
};
use hayro::hayro_syntax::Pdf;
use hayro::hayro_syntax::object::{Array, Dict, Name, Stream};
use hayro::kurbo::{Affine, BezPath, Rect};

use crate::support::*;

/// What a reader copies from a page: each marked-content sequence with an `ActualText` as that
/// text, every other glyph as its `ToUnicode` mapping, in the order the page draws them.
#[derive(Default)]
struct Copied {
    text: String,
    /// For each open marked-content sequence, whether it replaced its glyphs with ActualText.
    replaced: Vec<bool>,
}

/// A PDF text string: UTF-16BE after its byte-order mark, else PDFDocEncoding (ASCII here).
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

impl<'a> Device<'a> for Copied {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, _: DrawProps<'a>, _: &DrawMode) {
        if self.replaced.iter().any(|r| *r) {
            return;
        }
        for glyph in run.glyphs() {
            match glyph.as_unicode() {
                Some(BfString::Char(c)) => self.text.push(c),
                Some(BfString::String(s)) => self.text.push_str(&s),
                None => self.text.push('\u{FFFD}'),
            }
        }
    }
    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {}
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
    fn begin_marked_content(&mut self, _: &[u8], properties: Option<&Dict<'_>>) {
        let actual = properties.and_then(|p| p.get::<hayro::hayro_syntax::object::String>(b"ActualText"));
        let outer = self.replaced.iter().any(|r| *r);
        if let (Some(actual), false) = (&actual, outer) {
            self.text.push_str(&text_string(actual.as_bytes()));
        }
        self.replaced.push(actual.is_some());
    }
    fn end_marked_content(&mut self) {
        self.replaced.pop();
    }
}

/// The text a reader copies from each page of the PDF at `path`.
fn copied(path: &Path) -> Vec<String> {
    let pdf = Pdf::new(std::fs::read(path).expect("the PDF")).expect("a PDF hayro reads");
    let cache = InterpreterCache::new();
    pdf.pages()
        .iter()
        .map(|page| {
            let (w, h) = page.render_dimensions();
            let bbox = Rect::new(0.0, 0.0, f64::from(w), f64::from(h));
            let mut context = Context::new(Affine::IDENTITY, bbox, &cache, page.xref(), InterpreterSettings::default());
            let mut device = Copied::default();
            interpret_page(page, &mut context, &mut device);
            device.text
        })
        .collect()
}

/// White space as a reader sees it: any run of spaces (no-break spaces included) as one.
fn spaced(text: &str) -> String {
    text.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A page box, `[left, bottom, right, top]` in points.
fn page_box(pdf: &Pdf, key: &[u8]) -> [f64; 4] {
    let page = &pdf.pages()[0];
    let values: Vec<f64> = page
        .raw()
        .get::<hayro::hayro_syntax::object::Array<'_>>(key)
        .unwrap_or_else(|| panic!("{} on the page", String::from_utf8_lossy(key)))
        .iter::<f64>()
        .collect();
    [values[0], values[1], values[2], values[3]]
}

/// Each font the first page uses, by name, and whether its file is embedded.
fn fonts(pdf: &Pdf) -> Vec<(String, bool)> {
    let page = &pdf.pages()[0];
    let resources = page.raw().get::<Dict<'_>>(b"Resources").expect("resources");
    let fonts = resources.get::<Dict<'_>>(b"Font").expect("the page's fonts");
    fonts
        .keys()
        .map(|key| {
            let font = fonts.get::<Dict<'_>>(key.as_ref()).expect("a font");
            let name = font.get::<Name<'_>>(b"BaseFont").map(|n| String::from_utf8_lossy(n.as_ref()).into_owned());
            // A composite font's glyphs are in its descendant; a simple font has them itself.
            let descendant = font
                .get::<Array<'_>>(b"DescendantFonts")
                .and_then(|a| a.iter::<Dict<'_>>().next())
                .unwrap_or_else(|| font.clone());
            let embedded = descendant.get::<Dict<'_>>(b"FontDescriptor").is_some_and(|d| {
                [&b"FontFile"[..], b"FontFile2", b"FontFile3"].iter().any(|k| d.get::<Stream<'_>>(*k).is_some())
            });
            (name.unwrap_or_default(), embedded)
        })
        .collect()
}

/// The first page drawn at `scale` pixels per point, straight RGBA over white.
fn drawn(pdf: &Pdf, scale: f32) -> image::RgbaImage {
    let page = &pdf.pages()[0];
    let settings = hayro::PixmapSettings {
        x_scale: scale,
        y_scale: scale,
        bg_color: hayro::vello_cpu::color::palette::css::WHITE,
    };
    let pixmap = hayro::render(
        page,
        &hayro::RenderCache::new(),
        &InterpreterSettings::default(),
        &hayro::RenderSettings::default(),
        &settings,
    );
    let (w, h) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    let rgba = pixmap.take_rgba8(hayro::vello_cpu::peniko::ImageAlphaType::Alpha);
    image::RgbaImage::from_raw(w, h, rgba).expect("a buffer of the page's size")
}

#[test]
fn the_poster_pdf_carries_the_helpline_as_text_in_print_geometry_and_draws_as_the_png() {
    let out = tempfile::tempdir().expect("temp dir");
    let config = repo().join("pipeline.yaml");
    let args = ["-c", config.to_str().expect("UTF-8"), "build", "--out", out.path().to_str().expect("UTF-8")];
    let output = placard_with_env(&repo(), &args, &[("NO_COLOR", "1"), ("RAYON_NUM_THREADS", "2")]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let locales = ["ar", "en-GB", "gd", "pa", "pl", "uk", "ur", "zh-Hans"];
    // The print pack: every locale's poster, a page each in locale order, each with its helpline,
    // linked from the contact sheet and recorded in the manifest with the PDFs it was made of.
    for template in ["a4-poster", "children-a4-poster"] {
        let pack = out.path().join("print").join(format!("{template}.pdf"));
        let pages = copied(&pack);
        assert_eq!(pages.len(), locales.len(), "{template}: a page per locale");
        let needle = if template == "a4-poster" { "Stop It Now! 0131 556 3535" } else { "0800 1111" };
        for (locale, page) in locales.iter().zip(&pages) {
            let own = copied(&out.path().join(locale).join(format!("{template}.pdf")));
            assert_eq!(spaced(page), spaced(&own[0]), "{template}: the pack's {locale} page is its own PDF's");
            assert!(spaced(page).contains(needle), "{template}, {locale}: {needle} on the page");
        }
        let index = std::fs::read_to_string(out.path().join("index.html")).expect("contact sheet");
        assert!(
            index.contains(&format!("href=\"print/{template}.pdf\"")),
            "the contact sheet links the {template} pack"
        );
        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.path().join("manifest.json")).expect("manifest")).expect("JSON");
        let record = manifest["packs"].as_array().and_then(|p| p.iter().find(|p| p["template"] == template));
        let pages = record.and_then(|r| r["pages"].as_array()).expect("the pack's pages in the manifest");
        let recorded: Vec<&str> = pages.iter().filter_map(|p| p["locale"].as_str()).collect();
        assert_eq!(recorded, locales, "{template}: the manifest lists the pack's pages");
    }
    for locale in locales {
        let path = out.path().join(locale).join("a4-poster.pdf");
        let pages = copied(&path);
        assert_eq!(pages.len(), 1, "{locale}: one page");
        let text = spaced(&pages[0]);
        assert!(
            text.contains("Stop It Now! 0131 556 3535"),
            "{locale}: the helpline, as a reader copies it, in order: {text}"
        );

        let pdf = Pdf::new(std::fs::read(&path).expect("the PDF")).expect("a PDF");
        // A4 (210 × 297 mm) trimmed, 3 mm of bleed on every side, and room for the crop marks.
        let mm = |v: f64| v * 72.0 / 25.4;
        let [tl, tb, tr, tt] = page_box(&pdf, b"TrimBox");
        assert!((tr - tl - mm(210.0)).abs() < 0.2 && (tt - tb - mm(297.0)).abs() < 0.2, "{locale}: trim is A4");
        let [bl, bb, br, bt] = page_box(&pdf, b"BleedBox");
        for (outer, inner) in [(bl, tl), (bb, tb), (tr, br), (tt, bt)] {
            assert!((inner - outer - mm(3.0)).abs() < 0.2, "{locale}: 3 mm of bleed on each side");
        }
        let [ml, mb, mr, mt] = page_box(&pdf, b"MediaBox");
        assert!(ml < bl && mb < bb && mr > br && mt > bt, "{locale}: the crop marks have room outside the bleed");

        // Tagged: the mark is a figure with the poster's alt text (the card has its text as text).
        let bytes = std::fs::read(&path).expect("the PDF");
        for needle in ["pdfuaid:part>1<", "/Figure", "/Alt", &format!("/Lang({locale})")] {
            assert!(declares(&bytes, needle), "{locale}: {needle} in the PDF");
        }

        let fonts = fonts(&pdf);
        assert!(!fonts.is_empty(), "{locale}: the text is in fonts");
        for (name, embedded) in &fonts {
            assert!(embedded, "{locale}: {name} is embedded");
            assert!(name.len() > 7 && name.as_bytes()[6] == b'+', "{locale}: {name} is a subset (ABCDEF+Name)");
        }
    }
}

/// How far a PDF page drawn to pixels may be from the PNG of the same asset: the two outputs
/// anti-alias edges differently (the PNG's glyphs are rasterised on quarter-pixel positions,
/// the PDF's outlines where the layout put them), so single pixels on an edge differ, but the
/// picture does not. Three bounds: the mean difference over the page, the share of pixels far
/// apart, and the largest difference of any 8 × 8 block's average colour (where edge noise
/// averages out and a missing glyph, a wrong colour or a line moved by a pixel or two does not).
const MEAN_TOLERANCE: f64 = 0.5;
/// The share of pixels allowed to differ by more than [`FAR`] in a channel.
const FAR_SHARE: f64 = 0.001;
const FAR: u8 = 64;
const BLOCK: u32 = 8;
const BLOCK_TOLERANCE: f64 = 16.0;

/// The largest difference in any channel between the average colours of the same
/// [`BLOCK`] × [`BLOCK`] block of `a` and `b` (`b` read from (`x0`, `y0`)).
fn block_difference(a: &image::RgbaImage, b: &image::RgbaImage, (x0, y0): (u32, u32)) -> f64 {
    let mut worst: f64 = 0.0;
    for by in 0..a.height() / BLOCK {
        for bx in 0..a.width() / BLOCK {
            let mut sums = [0i64; 3];
            for y in by * BLOCK..(by + 1) * BLOCK {
                for x in bx * BLOCK..(bx + 1) * BLOCK {
                    let p = a.get_pixel(x, y).0;
                    let q = b.get_pixel((x + x0).min(b.width() - 1), (y + y0).min(b.height() - 1)).0;
                    for c in 0..3 {
                        sums[c] += i64::from(p[c]) - i64::from(q[c]);
                    }
                }
            }
            let n = f64::from(BLOCK * BLOCK);
            worst = sums.iter().map(|s| (*s as f64 / n).abs()).fold(worst, f64::max);
        }
    }
    worst
}

#[test]
fn the_poster_pdf_drawn_to_pixels_is_the_png() {
    let out = tempfile::tempdir().expect("temp dir");
    let config = repo().join("pipeline.yaml");
    let args = [
        "-c",
        config.to_str().expect("UTF-8"),
        "build",
        "--template",
        "a4-poster",
        "--out",
        out.path().to_str().expect("UTF-8"),
    ];
    let output = placard_with_env(&repo(), &args, &[("NO_COLOR", "1")]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    // Latin, Arabic and Nastaliq (the most positioned glyphs), Gurmukhi and Chinese.
    for locale in ["en-GB", "ar", "ur", "pa", "zh-Hans"] {
        let dir = out.path().join(locale);
        let png = image::open(dir.join("a4-poster.png")).expect("the PNG").to_rgba8();
        let pdf = Pdf::new(std::fs::read(dir.join("a4-poster.pdf")).expect("the PDF")).expect("a PDF");
        // The bleed box at 300 dpi is the PNG's canvas; the page around it holds the crop marks.
        let [bl, _, br, bt] = page_box(&pdf, b"BleedBox");
        let [ml, _, _, mt] = page_box(&pdf, b"MediaBox");
        let scale = png.width() as f64 / (br - bl);
        let page = drawn(&pdf, scale as f32);
        let (x0, y0) = (((bl - ml) * scale).round() as u32, ((mt - bt) * scale).round() as u32);
        let (mut sum, mut far, mut diff) = (0u64, 0u64, image::RgbaImage::new(png.width(), png.height()));
        for (x, y, p) in png.enumerate_pixels() {
            let q = page.get_pixel((x + x0).min(page.width() - 1), (y + y0).min(page.height() - 1));
            let d = p.0.iter().zip(q.0).take(3).map(|(a, b)| a.abs_diff(b)).max().unwrap_or(0);
            sum += u64::from(d);
            far += u64::from(d > FAR);
            diff.put_pixel(x, y, image::Rgba([d.saturating_mul(4), 0, 0, 255]));
        }
        let n = f64::from(png.width() * png.height());
        let (mean, share) = (sum as f64 / n, far as f64 / n);
        let block = block_difference(&png, &page, (x0, y0));
        if mean > MEAN_TOLERANCE || share > FAR_SHARE || block > BLOCK_TOLERANCE {
            let saved = std::env::temp_dir().join(format!("placard-pdf-{locale}"));
            std::fs::create_dir_all(&saved).expect("a folder for the pictures");
            png.save(saved.join("expected.png")).expect("expected");
            page.save(saved.join("actual.png")).expect("actual");
            diff.save(saved.join("diff.png")).expect("diff");
            panic!(
                "{locale}: the PDF drawn differs from the PNG (mean {mean:.2}, {:.2}% of pixels off by more than {FAR}, \
                 a block off by {block:.1}); expected, actual and diff pictures in {}",
                share * 100.0,
                saved.display()
            );
        }
        eprintln!("{locale}: PDF against PNG: mean {mean:.2}, {:.3}% far, worst block {block:.1}", share * 100.0);
    }
}

#[test]
fn a_print_pack_is_never_older_than_the_pdfs_beside_it() {
    let project = crate::build::golden_copy();
    let card = project.path().join("templates/card.yaml");
    let text = std::fs::read_to_string(&card).expect("template");
    std::fs::write(&card, text.replace("name: card\n", "name: card\ndpi: 150\noutputs: [png, pdf]\n")).expect("write");
    let (out, pack) = (project.path().join("dist"), project.path().join("dist/print/card.pdf"));
    let build = |args: &[&str]| {
        let output = placard(project.path(), args);
        assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    };
    build(&["build"]);
    let first = std::fs::read(&pack).expect("the pack");
    assert_eq!(copied(&pack).len(), 4, "a page per locale");
    // Nothing changed: the pack is the same file.
    build(&["build"]);
    assert_eq!(std::fs::read(&pack).expect("the pack"), first);
    // One locale's text changes in a build of that locale alone: the pack cannot be made again
    // without the others' texts, and is not published stale.
    let ar = project.path().join("locales/ar/card.ftl");
    let ftl = std::fs::read_to_string(&ar).expect("ftl");
    let headline = ftl.lines().find(|l| l.starts_with("headline =")).expect("a headline").to_owned();
    std::fs::write(&ar, ftl.replace(&headline, "headline = مرحبا")).expect("write");
    build(&["build", "--locale", "ar"]);
    assert!(out.join("ar/card.pdf").is_file() && !pack.exists(), "no stale pack beside a new ar/card.pdf");
    // The next full build makes it again, with the new page.
    build(&["build"]);
    let pages = copied(&pack);
    assert_eq!(pages.len(), 4);
    assert!(pages[0].contains("مرحبا"), "the pack has ar's new headline: {}", pages[0]);
}

/// `needle` is in the PDF's bytes (its XMP metadata and catalog are not compressed).
fn declares(pdf: &[u8], needle: &str) -> bool {
    pdf.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn a_pdf_is_tagged_pdf_ua_1_and_pdf_a_2b_when_asked() {
    let project = crate::build::golden_copy();
    let card = project.path().join("templates/card.yaml");
    let text = std::fs::read_to_string(&card).expect("template");
    let with =
        |output: &str| text.replace("name: card\n", &format!("name: card\ndpi: 150\noutputs: [png, {output}]\n"));
    std::fs::write(&card, with("pdf")).expect("write");
    assert_eq!(exit_code(&placard(project.path(), &["build"])), 0);
    let pdf = std::fs::read(project.path().join("dist/ar/card.pdf")).expect("the PDF");
    for needle in ["pdfuaid:part>1<", "/StructTreeRoot", "/Lang(ar)"] {
        assert!(declares(&pdf, needle), "{needle} in the PDF/UA-1 file");
    }
    assert!(!declares(&pdf, "pdfaid:part"), "PDF/A only when asked");

    std::fs::write(&card, with("{ format: pdf, standard: pdf/a-2b }")).expect("write");
    assert_eq!(exit_code(&placard(project.path(), &["build"])), 0);
    let pdf = std::fs::read(project.path().join("dist/ar/card.pdf")).expect("the PDF");
    for needle in ["pdfaid:part>2<", "pdfaid:conformance>B<", "pdfuaid:part>1<", "/OutputIntents"] {
        assert!(declares(&pdf, needle), "{needle} in the PDF/A-2b file");
    }

    // A PDF needs the print size; a setting of another format is refused, naming the key.
    std::fs::write(&card, text.replace("name: card\n", "name: card\noutputs: [pdf]\n")).expect("write");
    let refused = placard(project.path(), &["build"]);
    assert_eq!(exit_code(&refused), 2);
    assert!(stderr(&refused).contains("needs the template's `dpi`"), "{}", stderr(&refused));
    std::fs::write(&card, with("{ format: pdf, standard: pdf/x-4 }")).expect("write");
    let refused = placard(project.path(), &["build"]);
    assert_eq!(exit_code(&refused), 2);
    assert!(stderr(&refused).contains("standard `pdf/x-4`"), "{}", stderr(&refused));
}
