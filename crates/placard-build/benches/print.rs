//! Print benchmark: the A4 poster (2550×3578 px at 300 dpi, 3 mm bleed) as the campaign draws it
//! — a gradient, the SVG mark, a bold headline, body text, the helpline on a rounded band and a
//! QR code — written as a one-page PDF (placard-pdf) and, for comparison, rendered and encoded
//! as PNG, per locale (Latin, Arabic, Nastaliq).
//!
//! Prints per locale: the median ms to write the PDF and to render and encode the PNG (warm,
//! one thread, layout excluded from both), and each file's bytes.
//!
//! `cargo bench -p placard-build --bench print -- [N]`

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use placard_core::{Align, Rgba, VAlign};
use placard_layout::{FontLibrary, TextSpec};
use placard_render::{Format, encode, render};
use placard_scene::{Artwork, Background, Layer, Scene};
use resvg::usvg;

const LOCALES: &[(&str, &str, &str, bool, &str, &str)] = &[
    (
        "en-GB",
        "en",
        "Noto Sans",
        false,
        "Thinking of sexually abusing children like me online?",
        "Worried about your thoughts? Get confidential help before it's too late:",
    ),
    (
        "ar",
        "ar",
        "Noto Sans Arabic",
        true,
        "هل تفكّر في الاعتداء الجنسي على أطفال مثلي عبر الإنترنت؟",
        "هل تقلقك أفكارك؟ احصل على مساعدة سرّية قبل فوات الأوان:",
    ),
    (
        "ur",
        "ur",
        "Noto Nastaliq Urdu",
        true,
        "کیا آپ آن لائن مجھ جیسے بچوں کے ساتھ جنسی زیادتی کا سوچ رہے ہیں؟",
        "کیا آپ اپنے خیالات سے پریشان ہیں؟ بہت دیر ہونے سے پہلے رازدارانہ مدد حاصل کریں:",
    ),
];

#[allow(clippy::print_stdout, reason = "a benchmark reports by printing")]
fn main() {
    let n: usize = std::env::args().filter_map(|a| a.parse().ok()).next().unwrap_or(20);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut fonts = Vec::new();
    for entry in std::fs::read_dir(repo.join("assets/fonts")).expect("fonts folder").flatten() {
        fonts.push((entry.path().display().to_string(), std::fs::read(entry.path()).expect("font")));
    }
    fonts.sort();
    fonts.retain(|(name, _)| name.ends_with(".ttf") || name.ends_with(".otf"));
    let library = FontLibrary::new(fonts).expect("fonts");
    let svg = std::fs::read(repo.join("assets/artwork/mark-dark.svg")).expect("the mark");
    let tree = Arc::new(usvg::Tree::from_data(&svg, &usvg::Options::default()).expect("an SVG"));

    println!("A4 poster: 2550×3578 px at 300 dpi, {n} runs per locale after one warm-up, one thread");
    println!("{:<6} {:>8} {:>10} {:>11} {:>11} {:>7}", "locale", "PDF ms", "PNG ms", "PDF bytes", "PNG bytes", "ratio");
    for &(locale, language, family, rtl, head, lead) in LOCALES {
        let mut t = library.typesetter();
        let spec = |text: &'static str, size: f32, weight: u16, width: f32, height: f32| TextSpec {
            text,
            language,
            keep: &["0131 556 3535"],
            family,
            latin_family: Some("Noto Sans"),
            weight,
            max_size: size,
            min_size: size * 0.5,
            line_height: 1.2,
            align: Align::Start,
            valign: VAlign::Top,
            rtl,
            width,
            height,
            one_line: false,
        };
        let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
        let headline = t.lay_out(&spec(leak(head), 200.0, 700, 2150.0, 1100.0));
        let lead = t.lay_out(&spec(leak(lead), 100.0, 400, 2050.0, 300.0));
        let helpline = t.lay_out(&spec("Stop It Now! 0131 556 3535", 160.0, 700, 2050.0, 220.0));
        let mark = Artwork { tree: tree.clone(), transform: usvg::Transform::from_scale(2.5, 2.5) };
        let mut cells = vec![false; 33 * 33];
        for (i, c) in cells.iter_mut().enumerate() {
            *c = (i * 7 + i / 33) % 3 == 0;
        }
        let scene = Scene {
            width: 2550,
            height: 3578,
            background: Background::Gradient {
                from: Rgba::rgb(0x1b, 0x1f, 0x4a),
                to: Rgba::rgb(0x3b, 0x1f, 0x5c),
                angle: 90.0,
            },
            layers: vec![
                Layer::Image { x: 200, y: 200, image: image::RgbaImage::new(240, 240), art: Some(mark) },
                Layer::Text { x: 200, y: 600, color: Rgba::WHITE, block: Arc::new(headline) },
                Layer::Band {
                    x: 160.0,
                    y: 2700.0,
                    width: 2230.0,
                    height: 700.0,
                    radius: 40.0,
                    color: Rgba::rgb(0xff, 0xd4, 0),
                },
                Layer::Text { x: 250, y: 2770, color: Rgba::rgb(0x11, 0x11, 0x11), block: Arc::new(lead) },
                Layer::Text { x: 250, y: 3100, color: Rgba::rgb(0x11, 0x11, 0x11), block: Arc::new(helpline) },
                Layer::Rect { x: 2150, y: 2395, width: 200, height: 200, color: Rgba::WHITE },
                Layer::Cells { x: 2160, y: 2405, module: 6, columns: 33, cells: cells.into(), color: Rgba::BLACK },
            ],
        };
        let page = placard_pdf::Page {
            scene: &scene,
            dpi: 300.0,
            bleed: 35,
            lang: locale,
            alt: Some("The campaign's mark"),
            crop_marks: true,
            label: locale,
        };
        let document = placard_pdf::Document {
            title: "not-my-friend — a4-poster",
            lang: locale,
            archive: placard_pdf::Archive::None,
            created: None,
            pages: vec![page],
        };
        let pdf = || placard_pdf::write(&document, &library).expect("a PDF");
        let png = || encode(&render(&scene), Format::Png, Some(300));
        let (pdf_bytes, png_bytes) = (pdf().len(), png().len());
        let (mut pdf_times, mut png_times) = (Vec::new(), Vec::new());
        for _ in 0..n {
            let start = Instant::now();
            std::hint::black_box(pdf());
            pdf_times.push(start.elapsed());
            let start = Instant::now();
            std::hint::black_box(png());
            png_times.push(start.elapsed());
        }
        let (p, q) = (median(&mut pdf_times), median(&mut png_times));
        println!(
            "{locale:<6} {:>8.1} {:>10.1} {pdf_bytes:>11} {png_bytes:>11} {:>6.3}×",
            ms(p),
            ms(q),
            pdf_bytes as f64 / png_bytes as f64
        );
    }
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
