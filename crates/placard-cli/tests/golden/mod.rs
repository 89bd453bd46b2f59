//! Golden images: tests/golden is a small project (an auto-fitted English headline, Arabic and
//! Urdu with the phone number, Chinese) built by the real binary and compared with the committed
//! PNGs in tests/golden/expected.
//!
//! Tolerance: a pixel differs when any channel differs by more than 2 (of 255); a picture fails
//! when more than 0.05% of its pixels differ. Same machine, same fonts: the output is normally
//! identical; the tolerance absorbs floating-point differences between CPUs. On failure,
//! target/golden/<locale>-<template>.png shows expected | difference | actual. PLACARD_BLESS=1
//! rewrites the references (and fails, so that the new pictures are looked at and committed with
//! a note of why they changed).

use std::path::Path;

use image::{Rgba, RgbaImage};

use crate::support::*;

const CHANNEL_TOLERANCE: i16 = 2;
const MAX_DIFFERING: f64 = 0.0005;

#[test]
fn golden_cards_match_their_references() {
    let project = repo().join("tests/golden");
    let out = tempfile::tempdir().expect("temp dir");
    let output = placard(&project, &["build", "--out", out.path().to_str().expect("UTF-8 path")]);
    assert_eq!(exit_code(&output), 0, "{}{}", stdout(&output), stderr(&output));
    let bless = std::env::var_os("PLACARD_BLESS").is_some();
    let mut failures = Vec::new();
    for locale in ["en-GB", "ar", "ur", "zh-Hans"] {
        let actual_path = out.path().join(locale).join("card.png");
        let expected_path = project.join("expected").join(locale).join("card.png");
        if bless {
            std::fs::create_dir_all(expected_path.parent().expect("parent")).expect("mkdir");
            std::fs::copy(&actual_path, &expected_path).expect("bless");
            failures.push(format!("{locale}: reference rewritten"));
            continue;
        }
        let actual = image::open(&actual_path).expect("a built card").to_rgba8();
        let expected = match image::open(&expected_path) {
            Ok(image) => image.to_rgba8(),
            Err(e) => {
                failures.push(format!(
                    "{locale}: no reference at {} ({e}); run with PLACARD_BLESS=1",
                    expected_path.display()
                ));
                continue;
            }
        };
        if let Some(why) = compare(&expected, &actual, &format!("{locale}-card")) {
            failures.push(format!("{locale}: {why}"));
        }
    }
    assert!(failures.is_empty(), "golden images:\n{}", failures.join("\n"));
}

/// `None` when the pictures match within the tolerance; otherwise why, with a diff picture.
fn compare(expected: &RgbaImage, actual: &RgbaImage, name: &str) -> Option<String> {
    if expected.dimensions() != actual.dimensions() {
        return Some(format!("size {:?}, expected {:?}", actual.dimensions(), expected.dimensions()));
    }
    let (w, h) = expected.dimensions();
    let mut diff = RgbaImage::new(w, h);
    let mut differing = 0usize;
    for (x, y, e) in expected.enumerate_pixels() {
        let a = actual.get_pixel(x, y);
        let worst = e.0.iter().zip(a.0.iter()).map(|(p, q)| (i16::from(*p) - i16::from(*q)).abs()).max().unwrap_or(0);
        let shown = if worst > CHANNEL_TOLERANCE {
            differing += 1;
            Rgba([255, 0, 0, 255])
        } else {
            let grey = (u16::from(e.0[0]) + u16::from(e.0[1]) + u16::from(e.0[2])) / 12;
            Rgba([grey as u8, grey as u8, grey as u8, 255])
        };
        diff.put_pixel(x, y, shown);
    }
    let share = differing as f64 / f64::from(w * h);
    if share <= MAX_DIFFERING {
        return None;
    }
    let mut sheet = RgbaImage::new(w * 3, h);
    image::imageops::overlay(&mut sheet, expected, 0, 0);
    image::imageops::overlay(&mut sheet, &diff, i64::from(w), 0);
    image::imageops::overlay(&mut sheet, actual, i64::from(w) * 2, 0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../golden");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{name}.png"));
    let _ = sheet.save(&path);
    Some(format!(
        "{differing} pixels ({:.3}%) differ by more than {CHANNEL_TOLERANCE}; see {}",
        share * 100.0,
        path.display()
    ))
}

#[test]
fn the_comparison_catches_a_real_change() {
    let mut a = RgbaImage::from_pixel(100, 100, Rgba([10, 20, 30, 255]));
    let b = a.clone();
    assert!(compare(&a, &b, "identical").is_none());
    a.put_pixel(1, 1, Rgba([13, 20, 30, 255])); // one pixel, over the channel tolerance: 0.01%, allowed
    assert!(compare(&a, &b, "one-pixel").is_none());
    for x in 0..20 {
        a.put_pixel(x, 50, Rgba([200, 20, 30, 255])); // a stroke: 0.2%
    }
    assert!(compare(&a, &b, "stroke").is_some());
}
