//! Render benchmark: the 1080×1080 campaign card of ../shared/bench/satori (same texts, fonts,
//! sizes, background photo and band), laid out, rendered and encoded per locale.
//!
//! Prints per locale: the median ms per image (layout + raster + encode, warm, one thread), the
//! share of that spent encoding, and bytes per image as PNG and as JPEG (quality 85). Then the
//! peak memory of the process. bench/render.sh runs satori + resvg-js beside it.
//!
//! `cargo bench -p placard-build --bench render -- [N]`

use std::path::Path;
use std::time::{Duration, Instant};

use placard_core::{Align, Rgba, VAlign};
use placard_layout::{FontLibrary, TextSpec, Typesetter, keep_together};
use placard_render::{Format, encode, render, scale_to_cover};
use placard_scene::{Background, Layer, Scene};

#[allow(clippy::print_stdout, reason = "a benchmark reports by printing")]
fn main() {
    let n: usize = std::env::args().filter_map(|a| a.parse().ok()).next().unwrap_or(30);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bg_path = repo.join("../shared/bench/satori/bg.jpg");
    let Ok(bg) = image::open(&bg_path) else {
        println!("no background at {}: the card needs ../shared/bench/satori", bg_path.display());
        return;
    };
    let bg = std::sync::Arc::new(scale_to_cover(&bg.to_rgba8(), 1080, 1080));
    let fonts_dir = repo.join("assets/fonts");
    let mut fonts = Vec::new();
    for entry in std::fs::read_dir(&fonts_dir).expect("fonts folder").flatten() {
        fonts.push((entry.path().display().to_string(), std::fs::read(entry.path()).expect("font")));
    }
    fonts.sort();
    fonts.retain(|(name, _)| name.ends_with(".ttf") || name.ends_with(".otf"));
    let library = FontLibrary::new(fonts).expect("fonts");

    println!("card: 1080×1080, {n} images per locale after one warm-up, one thread");
    println!(
        "{:<6} {:>10} {:>12} {:>11} {:>11} {:>10}",
        "locale", "ms/image", "encode share", "PNG bytes", "JPEG bytes", "JPEG ms"
    );
    for (locale, family, rtl, head, body) in TEXTS {
        let mut typesetter = library.typesetter();
        let card = |t: &mut Typesetter| card_scene(t, &bg, family, *rtl, head, body);
        let _ = encode(&render(&card(&mut typesetter)), Format::Png, None);
        let mut total = Vec::new();
        let mut encoding = Vec::new();
        let mut png = 0;
        for _ in 0..n {
            let start = Instant::now();
            let pixels = render(&card(&mut typesetter));
            let before_encode = Instant::now();
            png = encode(&pixels, Format::Png, None).len();
            encoding.push(before_encode.elapsed());
            total.push(start.elapsed());
        }
        let pixels = render(&card(&mut typesetter));
        let start = Instant::now();
        let jpeg = encode(&pixels, Format::Jpeg { quality: 85 }, None).len();
        let jpeg_ms = start.elapsed();
        let (t, e) = (median(&mut total), median(&mut encoding));
        println!(
            "{locale:<6} {:>10.1} {:>11.0}% {png:>11} {jpeg:>11} {:>10.1}",
            ms(t),
            100.0 * e.as_secs_f64() / t.as_secs_f64(),
            ms(jpeg_ms)
        );
    }
    if let Ok(status) = std::fs::read_to_string("/proc/self/status")
        && let Some(line) = status.lines().find(|l| l.starts_with("VmHWM"))
    {
        println!("peak memory: {}", line.trim_start_matches("VmHWM:").trim());
    }
}

/// The satori card: headline (bold 76 px, line height 1.15, at most 560 px tall), body 40 px
/// below it (40 px, 1.35), and at the bottom a #ffd400 band (12 px corners, 18 × 28 px padding)
/// with the helpline in bold 52 px #111; 80 px padding; photo over #1b1f4a.
fn card_scene(
    t: &mut Typesetter,
    bg: &std::sync::Arc<image::RgbaImage>,
    family: &str,
    rtl: bool,
    head: &str,
    body: &str,
) -> Scene {
    const HELP: &str = "Stop It Now! 0131 556 3535";
    let spec = |text: &'static str, size: f32, lh: f32, weight: u16, width: f32, height: f32| TextSpec {
        text,
        language: "en",
        keep: &[],
        family,
        latin_family: Some("Noto Sans"),
        weight,
        max_size: size,
        min_size: size,
        line_height: lh,
        align: Align::Start,
        valign: VAlign::Top,
        rtl,
        width,
        height,
        one_line: false,
    };
    let head_block = t.lay_out(&spec(leak(head), 76.0, 1.15, 700, 920.0, 560.0));
    let head_bottom = head_block.extent.map_or(0.0, |e| e.bottom).min(560.0);
    let body_y = 80 + head_bottom.ceil() as i32 + 40;
    let body_block = t.lay_out(&spec(leak(body), 40.0, 1.35, 400, 920.0, 400.0));
    let help_text = keep_together(HELP, &["0131 556 3535"]);
    let help_block = t.lay_out(&spec(leak(&help_text), 52.0, 1.2, 700, 920.0 - 56.0, 200.0));
    let help_h = help_block.lines.iter().map(|l| l.height).sum::<f32>();
    let band_h = help_h + 36.0;
    let band_y = 1080.0 - 80.0 - band_h;
    Scene {
        width: 1080,
        height: 1080,
        background: Background::Image {
            image: std::sync::Arc::clone(bg),
            under: Rgba::rgb(0x1b, 0x1f, 0x4a),
            art: None,
        },
        layers: vec![
            Layer::Text { x: 80, y: 80, color: Rgba::WHITE, block: head_block.into() },
            Layer::Text { x: 80, y: body_y, color: Rgba::WHITE, block: body_block.into() },
            Layer::Band {
                x: 80.0,
                y: band_y,
                width: 920.0,
                height: band_h,
                radius: 12.0,
                color: Rgba::rgb(0xff, 0xd4, 0),
            },
            Layer::Text {
                x: 108,
                y: (band_y + 18.0) as i32,
                color: Rgba::rgb(0x11, 0x11, 0x11),
                block: help_block.into(),
            },
        ],
    }
}

/// The specs borrow their text for a `'static` closure; the bench leaks a few strings.
fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The texts of ../shared/bench/satori/bench.mjs.
const TEXTS: &[(&str, &str, bool, &str, &str)] = &[
    (
        "en",
        "Noto Sans",
        false,
        "Thinking of sexually abusing children like me online? You're one click away from losing everything.",
        "The internet does not provide anonymity. There is no hiding place.",
    ),
    (
        "pl",
        "Noto Sans",
        false,
        "Myślisz o wykorzystywaniu seksualnym dzieci takich jak ja w internecie? Jedno kliknięcie dzieli cię od utraty wszystkiego.",
        "Internet nie zapewnia anonimowości. Nie ma gdzie się ukryć.",
    ),
    (
        "ar",
        "Noto Sans Arabic",
        true,
        "هل تفكر في الاعتداء الجنسي على أطفال مثلي عبر الإنترنت؟ نقرة واحدة تفصلك عن خسارة كل شيء.",
        "الإنترنت لا يوفر إخفاء الهوية. لا يوجد مكان للاختباء.",
    ),
    (
        "ur",
        "Noto Nastaliq Urdu",
        true,
        "کیا آپ آن لائن مجھ جیسے بچوں کے جنسی استحصال کا سوچ رہے ہیں؟ آپ سب کچھ کھونے سے بس ایک کلک دور ہیں۔",
        "انٹرنیٹ گمنامی فراہم نہیں کرتا۔ چھپنے کی کوئی جگہ نہیں۔",
    ),
    (
        "pa",
        "Noto Sans Gurmukhi",
        false,
        "ਕੀ ਤੁਸੀਂ ਔਨਲਾਈਨ ਮੇਰੇ ਵਰਗੇ ਬੱਚਿਆਂ ਦਾ ਜਿਨਸੀ ਸ਼ੋਸ਼ਣ ਕਰਨ ਬਾਰੇ ਸੋਚ ਰਹੇ ਹੋ? ਤੁਸੀਂ ਸਭ ਕੁਝ ਗੁਆਉਣ ਤੋਂ ਸਿਰਫ਼ ਇੱਕ ਕਲਿੱਕ ਦੂਰ ਹੋ।",
        "ਇੰਟਰਨੈੱਟ ਗੁਮਨਾਮੀ ਨਹੀਂ ਦਿੰਦਾ। ਲੁਕਣ ਦੀ ਕੋਈ ਥਾਂ ਨਹੀਂ।",
    ),
    (
        "zh",
        "Noto Sans CJK SC",
        false,
        "想在网上对像我这样的孩子进行性侵害吗？你离失去一切只有一次点击之遥。",
        "互联网并不能让你匿名。你无处可藏。",
    ),
];
