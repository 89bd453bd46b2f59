//! `placard build` through the real binary: the campaign, determinism, the incremental cache,
//! filters and shards, lint gating, bad input, and interrupted builds.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::support::*;

fn out_arg(dir: &Path) -> &str {
    dir.to_str().expect("UTF-8 path")
}

/// Every file under `dir` (relative path → bytes).
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("inside").to_string_lossy().replace('\\', "/");
                out.insert(rel, fs::read(&path).expect("readable"));
            }
        }
    }
    out
}

pub fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(dir.join("manifest.json")).expect("a manifest")).expect("JSON")
}

/// The resolution a PNG (`pHYs`, dots per metre) or JPEG (JFIF, dots per inch) file records, read
/// the way print software reads it.
fn recorded_dpi(bytes: &[u8]) -> Option<u64> {
    let be = |b: &[u8]| b.iter().fold(0u64, |n, &x| n << 8 | u64::from(x));
    if bytes.starts_with(b"\x89PNG") {
        let at = bytes.windows(4).position(|w| w == b"pHYs")? + 4;
        let (x, unit) = (be(&bytes[at..at + 4]), bytes[at + 8]);
        return (unit == 1).then(|| (x as f64 * 0.0254).round() as u64);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF, 0xE0]) && &bytes[6..11] == b"JFIF\0" && bytes[13] == 1 {
        return Some(be(&bytes[14..16]));
    }
    None
}

/// The payload and box of the campaign template `name`'s QR layer, if it has one.
fn qr_layer(name: &str) -> Option<(String, [u32; 4])> {
    let text = fs::read_to_string(repo().join(format!("assets/templates/{name}.yaml"))).ok()?;
    let template: serde_json::Value = serde_saphyr::from_str(&text).expect("a template");
    let layer = template["layers"].as_array()?.iter().find(|l| l.get("qr").is_some())?;
    let b: Vec<u32> = layer["box"].as_array()?.iter().filter_map(|v| v.as_u64().map(|v| v as u32)).collect();
    Some((layer["qr"].as_str()?.to_owned(), [b[0], b[1], b[2], b[3]]))
}

/// What rqrr decodes from the `[x, y, w, h]` part of `image`.
fn decode_qr(image: &image::GrayImage, [x, y, w, h]: [u32; 4]) -> Vec<String> {
    let part = image::imageops::crop_imm(image, x, y, w, h).to_image();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, |px, py| {
        part.get_pixel(px as u32, py as u32).0[0]
    });
    prepared.detect_grids().iter().filter_map(|g| g.decode().ok().map(|(_, text)| text)).collect()
}

/// What every asset of the campaign shows, whichever set it belongs to.
fn assert_every_asset_shows(a: &serde_json::Value, bytes: &[u8], path: &Path, index: &str) {
    let rtl = matches!(a["locale"].as_str(), Some("ar" | "ur"));
    assert_eq!(a["dir"], if rtl { "rtl" } else { "ltr" });
    assert!(index.contains(&format!("href=\"{}\"", a["path"].as_str().unwrap_or(""))));
    // The A4 posters go to a printer: their files say 300 dpi, so they print at A4 plus bleed.
    let print = a["template"].as_str().is_some_and(|t| t.ends_with("a4-poster"));
    assert_eq!(recorded_dpi(bytes), print.then_some(300), "{}", path.display());
    assert_eq!(a["dpi"].as_u64(), print.then_some(300));
}

pub fn campaign_build(out: &Path, extra: &[&str], threads: &str) -> std::process::Output {
    let config = repo().join("pipeline.yaml");
    let mut args = vec!["-c", config.to_str().expect("UTF-8"), "build", "--out", out_arg(out)];
    args.extend(extra);
    placard_with_env(&repo(), &args, &[("NO_COLOR", "1"), ("RAYON_NUM_THREADS", threads)])
}

#[test]
fn the_campaign_builds_every_asset_deterministically_and_incrementally() {
    let first = tempfile::tempdir().expect("temp dir");
    let output = campaign_build(first.path(), &[], "2");
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let m = manifest(first.path());
    let assets = m["assets"].as_array().expect("assets");
    let pairs: std::collections::BTreeSet<(String, String)> = assets
        .iter()
        .map(|a| (a["locale"].as_str().unwrap_or("").to_owned(), a["template"].as_str().unwrap_or("").to_owned()))
        .collect();
    assert_eq!(pairs.len(), 8 * 9, "8 locales × 9 templates (6 deterrence, 3 for children)");
    let index = fs::read_to_string(first.path().join("index.html")).expect("contact sheet");
    let mut qr_assets = 0;
    let mut pdfs = 0;
    for a in assets {
        let path = first.path().join(a["path"].as_str().expect("path"));
        let bytes = fs::read(&path).expect("every listed file exists");
        assert_eq!(bytes.len() as u64, a["bytes"].as_u64().expect("bytes"));
        let sha: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(sha, a["sha256"].as_str().expect("sha256"), "{}", path.display());
        if a["format"] == "pdf" {
            // The print PDFs are read back in print.rs.
            assert!(bytes.starts_with(b"%PDF-") && bytes.ends_with(b"%%EOF"), "a whole PDF: {}", path.display());
            pdfs += 1;
            continue;
        }
        let image = image::load_from_memory(&bytes).expect("a complete image");
        assert_eq!(
            (image.width(), image.height()),
            (a["width"].as_u64().unwrap_or(0) as u32, a["height"].as_u64().unwrap_or(0) as u32)
        );
        let layers = a["layers"].as_array().expect("layers");
        assert!(layers.iter().all(|l| l["fits"] == true), "every text fits: {}", a["path"]);
        if let Some((payload, bbox)) = qr_layer(a["template"].as_str().unwrap_or("")) {
            // Done when every QR code decodes to its required number: read the published file.
            let decoded = decode_qr(&image.to_luma8(), bbox);
            assert_eq!(decoded, std::slice::from_ref(&payload), "{}", path.display());
            let number = placard_core::TelNumber::from_uri(&payload).expect("a tel: payload");
            let shows = |id: &str| {
                layers.iter().any(|l| l["message"] == id && l["text"].as_str().is_some_and(|t| number.is_written_in(t)))
            };
            assert!(
                shows("helpline-contact") || shows("children-childline"),
                "{payload} is a helpline the asset shows"
            );
            qr_assets += 1;
        }
        let alt = a["alt"].as_str().unwrap_or("");
        if a["template"].as_str().is_some_and(|t| t.starts_with("children-")) {
            // The children's set: Childline's number and where to report, in the image and its alt text.
            assert!(alt.contains("0800 1111") && alt.contains("CEOP"), "alt text shows Childline and CEOP: {alt}");
            let shown = |id: &str| layers.iter().find(|l| l["message"] == id).and_then(|l| l["text"].as_str());
            assert!(shown("children-childline").is_some_and(|t| t.contains("Childline") && t.contains("0800 1111")));
            assert!(shown("children-report").is_some_and(|t| t.contains("CEOP") && t.contains("ceop.police.uk")));
            assert_every_asset_shows(a, &bytes, &path, &index);
            continue;
        }
        assert!(alt.contains("0131 556 3535"), "alt text shows the helpline");
        // The helpline's lock-up: name and number on one line of their own, below the sentence
        // that leads into it, at least 1.25× its size.
        let layer = |id: &str| layers.iter().find(|l| l["message"] == id).unwrap_or_else(|| panic!("{id} layer"));
        let (contact, lead) = (layer("helpline-contact"), layer("helpline-lead"));
        let text = contact["text"].as_str().unwrap_or("");
        assert!(text.contains("0131 556 3535") && text.contains("Stop It Now"), "{text}");
        assert_eq!(contact["lines"].as_array().map(Vec::len), Some(1), "the lock-up is one line: {}", a["path"]);
        let size = |l: &serde_json::Value| l["size"].as_f64().unwrap_or(0.0);
        assert!(
            size(contact) >= 1.25 * size(lead),
            "lock-up {} px, lead-in {} px: {}",
            size(contact),
            size(lead),
            a["path"]
        );
        let bounds = |l: &serde_json::Value| -> [i64; 4] {
            let b: Vec<i64> = l["box"].as_array().expect("box").iter().map(|v| v.as_i64().unwrap_or(0)).collect();
            [b[0], b[1], b[0] + b[2], b[1] + b[3]]
        };
        // The lock-up follows its lead-in at the template's gap, whatever the language's length.
        let gap = match a["template"].as_str() {
            Some("a4-poster") => 30,
            Some("instagram-story") => 14,
            Some("x-post") => 10,
            Some("facebook-link") => 8,
            _ => 12,
        };
        assert_eq!(bounds(contact)[1] - bounds(lead)[3], gap, "the lock-up follows its lead-in: {}", a["path"]);
        // Stacked blocks follow one another: no two text layers of an asset overlap.
        for (i, one) in layers.iter().enumerate() {
            for other in &layers[i + 1..] {
                let ([ax0, ay0, ax1, ay1], [bx0, by0, bx1, by1]) = (bounds(one), bounds(other));
                assert!(
                    ax1 <= bx0 || bx1 <= ax0 || ay1 <= by0 || by1 <= ay0,
                    "{} and {} overlap in {}",
                    one["message"],
                    other["message"],
                    a["path"]
                );
            }
        }
        assert_every_asset_shows(a, &bytes, &path, &index);
    }
    // The posters (PNG and JPEG) and the stories (PNG), of both sets, in every locale.
    assert_eq!(qr_assets, 8 * 6, "every file of the posters and the stories carries a QR code");
    assert_eq!(pdfs, 8 * 2, "both A4 posters in every locale as print PDFs");
    assert!(index.contains("dir=\"rtl\""));
    assert!(index.contains("2550×3578 px, 300 dpi (216×303 mm)"), "the contact sheet shows the printed size");

    // The same inputs give byte-identical files (assets, thumbnails, manifest, contact sheet) at
    // other thread counts.
    let second = tempfile::tempdir().expect("temp dir");
    assert_eq!(exit_code(&campaign_build(second.path(), &[], "1")), 0);
    assert_eq!(files(first.path()), files(second.path()), "output differs between 1 and 2 threads");
    let third = tempfile::tempdir().expect("temp dir");
    assert_eq!(exit_code(&campaign_build(third.path(), &[], "8")), 0);
    assert_eq!(files(first.path()), files(third.path()), "output differs between 2 and 8 threads");

    // Nothing changed: nothing is rendered again; --force renders everything.
    let again = campaign_build(first.path(), &[], "2");
    assert!(stderr(&again).contains("(0 rendered, 72 unchanged)"), "{}", stderr(&again));
    let forced = campaign_build(first.path(), &["--force", "--template", "facebook-link"], "2");
    assert!(stderr(&forced).contains("(8 rendered, 0 unchanged)"), "{}", stderr(&forced));
    assert_eq!(files(first.path()), files(second.path()), "a forced rebuild gives the same bytes");
}

#[test]
fn the_campaign_lint_json_is_the_same_on_every_run_and_thread_count() {
    // With the layout checks, which lay out every asset in parallel.
    let config = repo().join("pipeline.yaml");
    let lint = |threads| {
        let args = ["-c", config.to_str().expect("UTF-8"), "lint", "--format", "json"];
        let output = placard_with_env(&repo(), &args, &[("RAYON_NUM_THREADS", threads)]);
        assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
        stdout(&output)
    };
    let one = lint("1");
    assert!(one.contains("\"summary\""), "{one}");
    assert_eq!(one, lint("2"), "1 and 2 threads");
    assert_eq!(one, lint("8"), "1 and 8 threads");
    assert_eq!(one, lint("8"), "two runs at 8 threads");
}

#[test]
fn filters_and_shards_build_what_was_asked() {
    let out = tempfile::tempdir().expect("temp dir");
    let output = campaign_build(out.path(), &["--locale", "pl", "--template", "x-post"], "2");
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let built: Vec<String> = files(out.path()).into_keys().filter(|f| !f.starts_with("fonts/")).collect();
    assert_eq!(built, ["context/pl.html", "index.html", "manifest.json", "pl/x-post.png", "thumbs/pl/x-post.png"]);

    let sharded = tempfile::tempdir().expect("temp dir");
    for shard in ["1/3", "2/3", "3/3"] {
        let output = campaign_build(sharded.path(), &["--template", "facebook-link", "--shard", shard], "2");
        assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    }
    let m = manifest(sharded.path());
    assert_eq!(m["assets"].as_array().map(Vec::len), Some(16), "8 locales × png and jpeg, from three shards");
    let bad = campaign_build(sharded.path(), &["--shard", "4/3"], "2");
    assert_eq!(exit_code(&bad), 2);
}

/// A copy of tests/golden in a temp folder, with its fonts folder made absolute.
pub fn golden_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = repo().join("tests/golden");
    for (rel, bytes) in files(&source) {
        if rel.starts_with("expected/") {
            continue;
        }
        let path = dir.path().join(&rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, bytes).expect("copy");
    }
    let pipeline = dir.path().join("pipeline.yaml");
    let text = fs::read_to_string(&pipeline).expect("pipeline");
    let fonts = repo().join("assets/fonts");
    fs::write(&pipeline, text.replace("../../assets/fonts", fonts.to_str().expect("UTF-8"))).expect("write");
    dir
}

fn edit(path: PathBuf, from: &str, to: &str) {
    let text = fs::read_to_string(&path).expect("readable");
    assert!(text.contains(from), "{from} in {}", path.display());
    fs::write(&path, text.replace(from, to)).expect("write");
}

#[test]
fn a_locale_that_fails_lint_is_never_published() {
    let project = golden_copy();
    // Swap two digits of the Arabic helpline number.
    edit(project.path().join("locales/ar/card.ftl"), "0131 556 3535", "0131 556 3553");
    let out = project.path().join("dist");
    let refused = placard(project.path(), &["build"]);
    assert_eq!(exit_code(&refused), 1);
    assert!(stdout(&refused).contains("error[required-text]"), "the lint findings are shown");
    assert!(stderr(&refused).contains("lint found errors in ar"), "{}", stderr(&refused));
    assert!(!out.exists(), "nothing is written when lint fails");

    let partial = placard(project.path(), &["build", "--skip-failing"]);
    assert_eq!(exit_code(&partial), 0, "{}", stderr(&partial));
    assert!(stderr(&partial).contains("not built, lint found errors: ar"), "{}", stderr(&partial));
    assert!(out.join("en-GB/card.png").is_file() && !out.join("ar").exists());
    let listed: Vec<String> =
        manifest(&out)["assets"].as_array().expect("assets").iter().map(|a| a["locale"].to_string()).collect();
    assert!(!listed.iter().any(|l| l.contains("ar")), "{listed:?}");
}

#[test]
fn a_locale_that_starts_failing_loses_its_published_assets() {
    let project = golden_copy();
    assert_eq!(exit_code(&placard(project.path(), &["build"])), 0);
    assert!(project.path().join("dist/ar/card.png").is_file());
    edit(project.path().join("locales/ar/card.ftl"), "0131 556 3535", "0131 556 353");
    assert_eq!(exit_code(&placard(project.path(), &["build", "--skip-failing"])), 0);
    assert!(!project.path().join("dist/ar/card.png").exists(), "a stale asset of a failing locale is removed");
}

#[test]
fn bad_templates_and_inputs_exit_2_naming_file_and_key_and_write_nothing() {
    let cases: [(&str, &str, &str, &str); 6] = [
        (
            "templates/card.yaml",
            "box: [24, 20, 432, 140]",
            "box: [24, 20, 532, 140]",
            "layers[0] (headline): box [24, 20, 532, 140] lies outside the 480×300 canvas",
        ),
        (
            "templates/card.yaml",
            "weight: bold\n    color: \"#ffffff\"",
            "weight: bold\n    font: Comic Sans\n    color: \"#ffffff\"",
            "layers[0].font: no font of family `Comic Sans`",
        ),
        ("templates/card.yaml", "text: headline", "text: no-such-message", "message `no-such-message` is not defined"),
        (
            "templates/card.yaml",
            "gradient: { from: \"#1b1f4a\", to: \"#3b1f5c\", angle: 90 }",
            "image: ../../../etc/passwd",
            "background.image `../../../etc/passwd` leads outside the project folder",
        ),
        (
            "templates/card.yaml",
            "gradient: { from: \"#1b1f4a\", to: \"#3b1f5c\", angle: 90 }",
            "image: broken.png",
            "background.image ./templates/broken.png: cannot decode the image",
        ),
        (
            "templates/card.yaml",
            "size: [480, 300]",
            "size: [480, 300]\nsizee: 1",
            "unknown key `sizee`; did you mean `size`?",
        ),
    ];
    for (file, from, to, expected) in cases {
        let project = golden_copy();
        edit(project.path().join(file), from, to);
        fs::write(project.path().join("templates/broken.png"), b"\x89PNG\r\n\x1a\nnot really").expect("write");
        let output = placard(project.path(), &["build"]);
        assert_eq!(exit_code(&output), 2, "{expected}: {}", stderr(&output));
        assert!(
            stderr(&output).contains("card.yaml") && stderr(&output).contains(expected),
            "{expected}: {}",
            stderr(&output)
        );
        assert!(!project.path().join("dist").exists(), "{expected}: nothing written");
    }
}

#[test]
fn an_interrupted_build_leaves_the_old_complete_set() {
    let (root, out, before) = old_set();
    // The complete new set, built elsewhere, to recognise a build that finished before its kill.
    let reference = root.path().join("reference");
    assert_eq!(exit_code(&campaign_build(&reference, &[], "2")), 0);
    let after = files(&reference);
    let config = repo().join("pipeline.yaml");
    // Kill points spread over the whole build (start, lint, render, encode, manifest, swap), in a
    // fixed pseudo-random order so a failure can be rerun.
    let mut seed: u64 = 0x5eed_cafe;
    let mut outcomes = [0usize; 2];
    for _ in 0..16 {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let delay_ms = 20 + (seed >> 33) % 3_000;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_placard"))
            .args(["-c", config.to_str().expect("UTF-8"), "build", "--force", "--out", out_arg(&out)])
            .stderr(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("placard starts");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let status = child.wait().expect("waited");
        let now = files(&out);
        if status.success() || now == after {
            assert_eq!(now, after, "finished after {delay_ms} ms: the new complete set");
            outcomes[1] += 1;
            // Back to the old set for the next round.
            assert_eq!(exit_code(&campaign_build(&out, &["--template", "facebook-link"], "2")), 0);
            assert_eq!(files(&out), before);
        } else {
            assert_eq!(now, before, "killed after {delay_ms} ms: the old set must be untouched");
            outcomes[0] += 1;
        }
    }
    assert!(outcomes[0] > 0, "no kill landed during a build: {outcomes:?}");
    // The next build completes, swaps the new set in and clears what the killed ones left.
    assert_eq!(exit_code(&campaign_build(&out, &[], "2")), 0);
    let m = manifest(&out);
    assert_manifest_describes_files(&out, &m);
    let mut siblings: Vec<String> = fs::read_dir(root.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    siblings.sort();
    // The lock files stay (empty; a lock is held on them, not by their presence).
    assert_eq!(siblings, [".dist.lock", ".reference.lock", "dist", "reference"], "no staging folder is left behind");
}

/// A PNG whose header claims `width` × `height`, with one tiny data chunk.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
        out
    };
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]));
    png.extend(chunk(b"IEND", &[]));
    png
}

#[test]
fn image_layers_use_per_locale_overrides_and_huge_images_are_refused() {
    let project = golden_copy();
    let solid = |rgb: [u8; 3]| {
        let image = image::RgbaImage::from_pixel(20, 20, image::Rgba([rgb[0], rgb[1], rgb[2], 255]));
        let mut bytes = Vec::new();
        image.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).expect("encode");
        bytes
    };
    fs::write(project.path().join("templates/logo.png"), solid([220, 20, 20])).expect("write");
    fs::write(project.path().join("templates/logo-ar.png"), solid([20, 20, 220])).expect("write");
    let template = project.path().join("templates/card.yaml");
    let text = fs::read_to_string(&template).expect("template");
    fs::write(
        &template,
        format!("{text}  - image: logo.png\n    box: [420, 8, 40, 40]\n    locales: {{ ar: logo-ar.png }}\n"),
    )
    .expect("write");
    let output = placard(project.path(), &["build"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let pixel = |locale: &str| {
        image::open(project.path().join(format!("dist/{locale}/card.png")))
            .expect("built")
            .to_rgba8()
            .get_pixel(440, 28)
            .0
    };
    assert_eq!(pixel("en-GB"), [220, 20, 20, 255], "the default logo");
    assert_eq!(pixel("ar"), [20, 20, 220, 255], "Arabic has its own logo");

    // A decompression bomb: a tiny file that claims a 100,000 × 100,000 picture.
    fs::write(project.path().join("templates/logo.png"), png_claiming(100_000, 100_000)).expect("write");
    let output = placard(project.path(), &["build"]);
    assert_eq!(exit_code(&output), 2, "{}", stderr(&output));
    assert!(stderr(&output).contains("layers[2].image") && stderr(&output).contains("logo.png"), "{}", stderr(&output));
}

#[test]
fn a_second_build_on_the_same_output_stops_with_a_clear_message() {
    let (root, out, before) = old_set();
    // Another build holds the lock (this test stands in for it).
    let lock = fs::OpenOptions::new().create(true).truncate(false).write(true).open(root.path().join(".dist.lock"));
    let lock = lock.expect("lock file");
    lock.try_lock().expect("the lock is free between builds");
    let output = campaign_build(&out, &["--force"], "2");
    assert_eq!(exit_code(&output), 2, "{}", stderr(&output));
    assert!(stderr(&output).contains("another placard build is writing"), "{}", stderr(&output));
    assert!(stderr(&output).contains(".dist.lock"), "{}", stderr(&output));
    assert_eq!(files(&out), before, "the waiting build wrote nothing");
    drop(lock);
    // Two real builds at once: each either completes or stops on the lock, and the output is
    // one complete set that its manifest describes.
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_placard"))
            .args([
                "-c",
                repo().join("pipeline.yaml").to_str().expect("UTF-8"),
                "build",
                "--force",
                "--out",
                out_arg(&out),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("placard starts")
    };
    let (mut a, mut b) = (spawn(), spawn());
    let codes = [a.wait().expect("a").code(), b.wait().expect("b").code()];
    assert!(codes.contains(&Some(0)), "{codes:?}");
    assert!(codes.iter().all(|c| matches!(c, Some(0 | 2))), "{codes:?}");
    let m = manifest(&out);
    let listed = m["assets"].as_array().expect("assets").len();
    assert!(listed > 0);
    assert_manifest_describes_files(&out, &m);
}

/// Every asset the manifest lists is in `out` with the hash it records.
fn assert_manifest_describes_files(out: &Path, m: &serde_json::Value) {
    for a in m["assets"].as_array().expect("assets") {
        let bytes = fs::read(out.join(a["path"].as_str().expect("path"))).expect("listed file");
        let sha: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(sha, a["sha256"].as_str().expect("sha"), "the manifest describes the files");
    }
}

/// A temporary folder with `dist/` holding one template's complete set, and that set's files.
fn old_set() -> (tempfile::TempDir, PathBuf, BTreeMap<String, Vec<u8>>) {
    let root = tempfile::tempdir().expect("temp dir");
    let out = root.path().join("dist");
    assert_eq!(exit_code(&campaign_build(&out, &["--template", "facebook-link"], "2")), 0);
    let before = files(&out);
    (root, out, before)
}

#[test]
fn translator_context_pages_show_every_message_where_it_appears_and_what_is_wrong() {
    let project = golden_copy();
    // Urdu loses its headline: it fails lint, is not built, and its page says what is missing.
    edit(project.path().join("locales/ur/card.ftl"), "headline = ", "# headline = ");
    let output = placard(project.path(), &["build", "--skip-failing"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let dist = project.path().join("dist");
    let mut pages: Vec<String> = fs::read_dir(dist.join("context"))
        .expect("context folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(pages, ["ar.html", "ur.html", "zh-Hans.html"], "every locale but the reference, built or not");

    let ar = fs::read_to_string(dist.join("context/ar.html")).expect("page");
    let row = |page: &str, id: &str| -> String {
        let start = page.find(&format!("<tbody class=\"message\" id=\"{id}\">")).expect("a row group per message");
        let rest = &page[start..];
        rest[..rest.find("</tbody>").expect("end of the group")].to_owned()
    };
    let headline = row(&ar, "headline");
    assert!(ar.contains("Long on purpose: it must be shrunk to fit."), "the reference comment is context");
    assert!(headline.contains("lang=\"ar\" dir=\"rtl\""), "translations in their own direction: {headline}");
    assert!(headline.contains("locales/ar/card.ftl:3"), "where the translation is defined: {headline}");
    assert!(headline.contains("locales/en-GB/card.ftl:"), "where the reference is: {headline}");
    assert!(ar.contains("2 of 2 messages translated"), "{ar}");
    // Each message the card shows: the reference's crop beside the translator's own, both files
    // of this build.
    let crops: Vec<&str> = ar.split("<img src=\"../").skip(1).map(|s| &s[..s.find('"').expect("end")]).collect();
    assert_eq!(crops, ["en-GB/card.png", "ar/card.png", "en-GB/card.png", "ar/card.png"], "{ar}");
    for crop in crops {
        assert!(dist.join(crop).is_file(), "{crop} exists");
    }
    assert!(headline.contains("px, ") && headline.contains(" line"), "how the translation fits each template");
    assert!(ar.contains("href=\"../fonts/fonts.css\""), "the campaign's fonts");
    let css = fs::read_to_string(dist.join("fonts/fonts.css")).expect("the fonts' stylesheet");
    for font in ["NotoSansArabic-Regular.ttf", "NotoNastaliqUrdu-Regular.ttf", "NotoSans-Regular.ttf"] {
        assert!(css.contains(&format!("url(\"{font}\")")), "{css}");
        assert!(dist.join("fonts").join(font).is_file(), "{font} is in the output folder");
    }
    assert!(dist.join("fonts/OFL.txt").is_file(), "the fonts' licence goes with them");
    assert!(!dist.join("fonts/NotoSansArabic-Bold.ttf").exists(), "only the faces the pages use");

    let ur = fs::read_to_string(dist.join("context/ur.html")).expect("page");
    let headline = row(&ur, "headline");
    assert!(headline.contains("not translated yet"), "{headline}");
    assert!(headline.contains("error[missing-message]"), "the lint finding is on the row: {headline}");
    // Not a stale or missing image: the page says why there is no crop of Urdu's own.
    assert!(!headline.contains("src=\"../ur/"), "{headline}");
    assert!(headline.contains("Not built: ur&#39;s text has lint errors"), "{headline}");

    let index = fs::read_to_string(dist.join("index.html")).expect("contact sheet");
    assert!(index.contains("<a href=\"context/ar.html\""), "the contact sheet links each locale's page");
    assert!(index.contains("<a href=\"context/ur.html\">ur</a>"), "including a locale that was not built");
}

#[test]
fn a_translation_with_markup_in_it_is_shown_as_text() {
    let project = golden_copy();
    let markup = "<script>alert(\"x\")</script> <img src=x onerror='y'>";
    edit(project.path().join("locales/ar/card.ftl"), "headline = هل", &format!("headline = {markup} هل"));
    let output = placard(project.path(), &["build", "--skip-failing"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let dist = project.path().join("dist");
    let ar = fs::read_to_string(dist.join("context/ar.html")).expect("page");
    assert!(!ar.contains("<script") && !ar.contains("<img src=x"), "{ar}");
    assert!(ar.contains("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;"), "{ar}");
    assert!(ar.contains("onerror=&#39;y&#39;"), "{ar}");
}

#[test]
fn pseudo_locales_show_text_that_will_not_fit_before_translation() {
    let project = golden_copy();
    // The reference headline fits at 30 px; a floor of 28 px leaves no room for 40% more text.
    edit(project.path().join("templates/card.yaml"), "size: [48, 14]", "size: [48, 28]");
    assert_eq!(exit_code(&placard(project.path(), &["lint", "--locale", "en-GB"])), 0, "the reference fits");

    let output = placard(project.path(), &["lint", "--pseudo", "--format", "json"]);
    assert_eq!(exit_code(&output), 1, "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let findings: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| (d["code"].as_str().unwrap_or("").to_owned(), d["locale"].as_str().unwrap_or("").to_owned()))
        .collect();
    assert!(findings.contains(&("overflow".to_owned(), "en-XA".to_owned())), "{findings:?}");
    assert!(findings.contains(&("overflow".to_owned(), "ar-XB".to_owned())), "{findings:?}");
    assert!(
        findings.iter().all(|(_, locale)| locale == "en-XA" || locale == "ar-XB"),
        "only the pseudo-locales overflow, and no text check blames them: {findings:?}"
    );

    // With the template as it was, a pseudo build renders both, the helpline intact.
    edit(project.path().join("templates/card.yaml"), "size: [48, 28]", "size: [48, 14]");
    let output = placard(project.path(), &["build", "--pseudo"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let m = manifest(&project.path().join("dist"));
    let asset = |locale: &str| {
        m["assets"].as_array().expect("assets").iter().find(|a| a["locale"] == locale).cloned().expect(locale)
    };
    let layer = |asset: &serde_json::Value, message: &str| {
        asset["layers"].as_array().expect("layers").iter().find(|l| l["message"] == message).cloned().expect(message)
    };
    let reference = layer(&asset("en-GB"), "headline")["text"].as_str().expect("text").chars().count() as f64;
    for (locale, dir) in [("en-XA", "ltr"), ("ar-XB", "rtl")] {
        let a = asset(locale);
        assert_eq!(a["dir"], dir, "{locale}");
        let headline = layer(&a, "headline")["text"].as_str().expect("text").to_owned();
        let grown = headline.chars().filter(|c| !matches!(c, '\u{202E}' | '\u{202C}')).count() as f64 / reference;
        assert!((1.25..=1.6).contains(&grown), "{locale} is about 40% longer: {grown:.2} ({headline})");
        let helpline = layer(&a, "helpline")["text"].as_str().expect("text").to_owned();
        assert!(helpline.contains("0131 556 3535") && helpline.contains("Stop It Now!"), "{locale}: {helpline}");
    }
    assert!(!project.path().join("dist/context/en-XA.html").exists(), "no translator page for a pseudo-locale");

    // The next build without --pseudo drops them.
    assert_eq!(exit_code(&placard(project.path(), &["build"])), 0);
    assert!(!project.path().join("dist/en-XA").exists() && !project.path().join("dist/ar-XB").exists());
    let dist = project.path().join("dist");
    assert_manifest_describes_files(&dist, &manifest(&dist));
}

/// A build that reuses a file, or leaves a template out, says about it what a full build says:
/// the file's record keeps its findings (here an orphan warning), the reused asset is checked
/// again, and the translator's page is the same.
#[test]
fn incremental_and_narrowed_builds_keep_what_a_full_build_found() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (rel, bytes) in files(&fixture("orphan/bad")) {
        let path = dir.path().join(&rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, bytes).expect("copy");
    }
    let fonts = repo().join("assets/fonts");
    let pipeline = dir.path().join("pipeline.yaml");
    edit(pipeline.clone(), "../../../../assets/fonts", fonts.to_str().expect("UTF-8"));
    edit(pipeline, "templates: [card.yaml]", "templates: [card.yaml, second.yaml]");
    fs::copy(dir.path().join("card.yaml"), dir.path().join("second.yaml")).expect("copy");

    assert_eq!(exit_code(&placard(dir.path(), &["build"])), 0);
    let page = || fs::read_to_string(dir.path().join("dist/context/pl.html")).expect("page");
    let full = page();
    assert!(full.contains("orphan"), "the warning is on the translator's page: {full}");
    let m = manifest(&dir.path().join("dist"));
    let recorded = |m: &serde_json::Value, template: &str| {
        m["assets"]
            .as_array()
            .expect("assets")
            .iter()
            .find(|a| a["locale"] == "pl" && a["template"] == template)
            .map(|a| a["findings"].clone())
            .expect("pl asset")
    };
    assert_eq!(recorded(&m, "card")[0]["code"], "orphan", "{m}");
    assert_eq!(recorded(&m, "card")[0]["severity"], "warning");

    let again = placard(dir.path(), &["build"]);
    assert!(stderr(&again).contains("(0 rendered, 4 unchanged)"), "{}", stderr(&again));
    assert_eq!(page(), full, "a build that reuses every file");
    assert_eq!(recorded(&manifest(&dir.path().join("dist")), "card"), recorded(&m, "card"));

    let narrowed = placard(dir.path(), &["build", "--force", "--template", "second"]);
    assert_eq!(exit_code(&narrowed), 0, "{}", stderr(&narrowed));
    assert_eq!(page(), full, "a build of the other template");
    assert_eq!(recorded(&manifest(&dir.path().join("dist")), "card"), recorded(&m, "card"));

    // A build that fails (another locale's text is broken) still reports the unchanged file's warning.
    fs::create_dir_all(dir.path().join("locales/de")).expect("mkdir");
    fs::write(dir.path().join("locales/de/main.ftl"), "headline = { broken\n").expect("write");
    let failing = placard(dir.path(), &["build"]);
    assert_eq!(exit_code(&failing), 1, "{}", stderr(&failing));
    assert!(stdout(&failing).contains("warning[orphan]: `headline` leaves"), "{}", stdout(&failing));
}
