//! SVG artwork in image layers, through the real binary: painted at the layer's size in its own
//! colours with its proportions kept, a locale's own variant chosen, and every hostile file
//! refused as unusable input (exit 2) naming the file, and the line and column where there is one.

use std::fs;
use std::path::Path;

use crate::build::golden_copy;
use crate::support::*;

/// The golden project with one image layer, `logo.svg` in `box`, and `locales` replacements.
fn with_svg_layer(svg: &str, r#box: &str, locales: &str) -> tempfile::TempDir {
    let project = golden_copy();
    fs::write(project.path().join("templates/logo.svg"), svg).expect("write");
    let template = project.path().join("templates/card.yaml");
    let text = fs::read_to_string(&template).expect("template");
    let locales = if locales.is_empty() { String::new() } else { format!("    locales: {{ {locales} }}\n") };
    fs::write(&template, format!("{text}  - image: logo.svg\n    box: {box}\n{locales}")).expect("write");
    project
}

fn solid(width: u32, height: u32, fill: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\">\n  \
         <rect width=\"{width}\" height=\"{height}\" fill=\"{fill}\"/>\n</svg>\n"
    )
}

fn built(project: &Path, locale: &str) -> image::RgbaImage {
    image::open(project.join(format!("dist/{locale}/card.png"))).expect("built").to_rgba8()
}

#[test]
fn an_svg_layer_is_painted_in_its_colour_keeping_its_proportions_and_per_locale() {
    // A 2:1 SVG in a 60×60 box: 60×30, centred vertically (rows 23 to 52).
    let project = with_svg_layer(&solid(200, 100, "#dc1414"), "[400, 8, 60, 60]", "ar: logo-ar.svg");
    fs::write(project.path().join("templates/logo-ar.svg"), solid(200, 100, "#1414dc")).expect("write");
    let output = placard(project.path(), &["build"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let en = built(project.path(), "en-GB");
    for (x, y) in [(401, 24), (430, 38), (458, 51)] {
        assert_eq!(en.get_pixel(x, y).0, [220, 20, 20, 255], "inside the fitted SVG at ({x}, {y})");
    }
    for (x, y) in [(430, 12), (430, 64)] {
        assert_ne!(en.get_pixel(x, y).0, [220, 20, 20, 255], "above and below it the box is empty ({x}, {y})");
    }
    assert_eq!(built(project.path(), "ar").get_pixel(430, 38).0, [20, 20, 220, 255], "Arabic has its own SVG");
    assert_eq!(built(project.path(), "ur").get_pixel(430, 38).0, [220, 20, 20, 255], "Urdu has the default");
}

#[test]
fn the_campaign_mark_is_drawn_in_its_colours() {
    let mark = fs::read_to_string(repo().join("assets/artwork/mark-dark.svg")).expect("the mark");
    let mirrored = fs::read_to_string(repo().join("assets/artwork/mark-dark-rtl.svg")).expect("the RTL mark");
    // The 96-unit mark at 144 px, 1.5 px a unit from (300, 8), beside a narrower headline.
    let project = with_svg_layer(&mark, "[300, 8, 144, 144]", "ar: logo-rtl.svg");
    fs::write(project.path().join("templates/logo-rtl.svg"), mirrored).expect("write");
    let template = project.path().join("templates/card.yaml");
    let text = fs::read_to_string(&template).expect("template");
    fs::write(&template, text.replace("box: [24, 20, 432, 140]", "box: [24, 20, 260, 140]")).expect("write");
    let output = placard(project.path(), &["build"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let at = |image: &image::RgbaImage, (x, y): (f32, f32)| {
        image.get_pixel((300.0 + 1.5 * x) as u32, (8.0 + 1.5 * y) as u32).0
    };
    let (en, ar) = (built(project.path(), "en-GB"), built(project.path(), "ar"));
    let (yellow, navy) = ([0xff, 0xd4, 0x00, 255], [0x1b, 0x1f, 0x4a, 255]);
    assert_eq!(at(&en, (12.0, 60.0)), yellow, "the bubble is the helpline's yellow");
    assert_eq!(at(&en, (48.0, 20.0)), navy, "the no-entry ring is navy");
    assert_eq!(at(&en, (48.0, 39.0)), navy, "and so is its bar");
    assert_eq!(at(&en, (26.0, 80.0)), yellow, "the tail is on the left");
    assert_ne!(at(&en, (70.0, 80.0)), yellow, "and not on the right");
    assert_eq!(at(&ar, (70.0, 80.0)), yellow, "for Arabic, the tail is on the right");
    assert_ne!(at(&ar, (26.0, 80.0)), yellow);
    assert_eq!(at(&ar, (48.0, 20.0)), navy, "with the same sign");
}

const HEAD: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
                    width=\"10\" height=\"10\">\n";

#[test]
fn hostile_svgs_are_unusable_input_naming_the_file_line_and_column() {
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n  <!ENTITY a \"aaaaaaaaaa\">\n  \
                  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">&b;</svg>\n";
    // Ten levels of ten <use> each: 10^10 nodes once expanded.
    let mut bomb = format!("{HEAD}<defs><rect id=\"l0\" width=\"1\" height=\"1\"/>\n");
    for level in 1..=10 {
        let uses: String = (0..10).map(|_| format!("<use href=\"#l{}\"/>", level - 1)).collect();
        bomb.push_str(&format!("<g id=\"l{level}\">{uses}</g>\n"));
    }
    bomb.push_str("</defs><use href=\"#l10\"/></svg>\n");
    let cases: Vec<(String, &str, Option<&str>)> = vec![
        (format!("{HEAD}<rect width=\"5\" height=\"5\">\n</svg>\n"), "not well-formed XML", Some(":3:")),
        (laughs.to_owned(), "has a DOCTYPE", Some(":2:1:")),
        (
            format!("{HEAD}  <use xlink:href=\"other.svg#shape\"/>\n</svg>\n"),
            "refers to `other.svg#shape`",
            Some(":2:8:"),
        ),
        (
            format!("{HEAD}  <rect width=\"5\" height=\"5\" fill=\"url(https://example.com/p.svg#g)\"/>\n</svg>\n"),
            "refers to `https://example.com/p.svg#g`",
            Some(":2:"),
        ),
        (
            format!("{HEAD}<style>rect {{ fill: url('/etc/passwd') }}</style>\n</svg>\n"),
            "refers to `'/etc/passwd'`",
            Some(":2:1:"),
        ),
        (
            format!("{HEAD}  <image href=\"secret.png\" width=\"5\" height=\"5\"/>\n</svg>\n"),
            "an <image> inside",
            Some(":2:3:"),
        ),
        (format!("{HEAD}<text x=\"1\" y=\"9\">#NotMyFriend</text>\n</svg>\n"), "SVG text is not drawn", Some(":2:1:")),
        (solid(100_000, 10, "#000"), "the SVG is 100000×10 px; each side may be at most 16384", Some(":1:1:")),
        (
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 1e30 1e30\"/>\n"
                .to_owned(),
            "viewBox is 1000000000000000000000000000000×1000000000000000000000000000000",
            Some(":1:1:"),
        ),
        (bomb, "more than 1000000 nodes once every <use> is expanded", None),
    ];
    for (svg, expected, at) in cases {
        let project = with_svg_layer(&svg, "[400, 8, 60, 60]", "");
        // Something an SVG could reach for, were it allowed to read anything.
        image::RgbaImage::new(2, 2).save(project.path().join("templates/secret.png")).expect("write");
        let output = placard(project.path(), &["build"]);
        let err = stderr(&output);
        assert_eq!(exit_code(&output), 2, "{expected}: {err}");
        assert!(err.contains("logo.svg") && err.contains(expected), "{expected}: {err}");
        assert!(err.contains("layers[2].image"), "the template key is named: {err}");
        if let Some(at) = at {
            assert!(err.contains(&format!("logo.svg{at}")), "{expected} at {at}: {err}");
        }
        assert!(!project.path().join("dist").exists(), "{expected}: nothing written");
        let lint = placard(project.path(), &["lint"]);
        assert_eq!(exit_code(&lint), 2, "lint refuses it too: {expected}: {}", stderr(&lint));
    }
}

#[test]
fn an_svg_background_covers_the_canvas_keeping_its_proportions() {
    let project = golden_copy();
    // 200×100, red left half, blue right half, on a 480×300 canvas: scaled to 600×300, 60 px
    // cropped on each side, so the halves meet at x = 240.
    let halves = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">\n  \
                  <rect width=\"100\" height=\"100\" fill=\"#b41414\"/>\n  \
                  <rect x=\"100\" width=\"100\" height=\"100\" fill=\"#1414b4\"/>\n</svg>\n";
    fs::write(project.path().join("templates/back.svg"), halves).expect("write");
    let template = project.path().join("templates/card.yaml");
    let text = fs::read_to_string(&template).expect("template");
    let gradient = "gradient: { from: \"#1b1f4a\", to: \"#3b1f5c\", angle: 90 }";
    assert!(text.contains(gradient));
    fs::write(&template, text.replace(gradient, "image: back.svg")).expect("write");
    let output = placard(project.path(), &["build"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let card = built(project.path(), "en-GB");
    for (x, y, rgb) in
        [(1, 1, [180, 20, 20]), (237, 298, [180, 20, 20]), (243, 1, [20, 20, 180]), (478, 298, [20, 20, 180])]
    {
        assert_eq!(card.get_pixel(x, y).0, [rgb[0], rgb[1], rgb[2], 255], "({x}, {y})");
    }
}
