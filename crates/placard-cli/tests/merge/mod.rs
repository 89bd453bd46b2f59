//! `placard merge`: the shards of `placard build --shard K/N` joined into what a full build
//! makes, byte for byte; shards balanced by cost; and every shard that cannot be joined refused
//! (exit 2, naming its folder), with nothing written.

use std::path::Path;

use crate::build::{campaign_build, files, manifest};
use crate::support::*;

fn merge(dirs: &[&Path], extra: &[&str]) -> std::process::Output {
    let config = repo().join("pipeline.yaml");
    let mut args = vec!["-c", config.to_str().expect("UTF-8"), "merge"];
    args.extend(dirs.iter().map(|d| d.to_str().expect("UTF-8 path")));
    args.extend(extra);
    placard_with_env(&repo(), &args, &[("NO_COLOR", "1"), ("RAYON_NUM_THREADS", "2")])
}

/// The cost `--shard` balances: each asset's pixels, once per raster file (a PDF is drawn from
/// the scene as vectors); with the number of assets (locale × template).
fn cost_of(shard: &Path) -> (usize, u64) {
    let m = manifest(shard);
    let assets = m["assets"].as_array().expect("assets");
    let mut pairs: Vec<(&str, &str)> =
        assets.iter().map(|a| (a["locale"].as_str().unwrap_or(""), a["template"].as_str().unwrap_or(""))).collect();
    pairs.dedup();
    let pixels = assets
        .iter()
        .filter(|a| a["format"] != "pdf")
        .map(|a| a["width"].as_u64().unwrap_or(0) * a["height"].as_u64().unwrap_or(0))
        .sum();
    (pairs.len(), pixels)
}

#[test]
fn a_merge_of_shards_is_the_full_build_byte_for_byte() {
    let full = tempfile::tempdir().expect("temp dir");
    let output = campaign_build(full.path(), &[], "2");
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let shards: Vec<tempfile::TempDir> = (1..=2).map(|_| tempfile::tempdir().expect("temp dir")).collect();
    for (k, shard) in shards.iter().enumerate() {
        let output = campaign_build(shard.path(), &["--shard", &format!("{}/2", k + 1)], "2");
        assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
        assert_eq!(manifest(shard.path())["shard"], serde_json::json!({"index": k + 1, "count": 2}));
    }
    assert!(manifest(full.path()).get("shard").is_none(), "a full build's manifest says nothing of shards");

    // The two parts cost the same: the campaign's split is exact (each A4 poster in PNG and
    // JPEG outweighs eight Instagram squares, and there are 16 of them).
    let (one, two) = (cost_of(shards[0].path()), cost_of(shards[1].path()));
    assert_eq!(one.0 + two.0, 72, "every asset in one shard");
    assert_eq!(one.1, two.1, "pixels per shard: {one:?} and {two:?}");

    let merged = tempfile::tempdir().expect("temp dir");
    let out = merged.path().join("dist");
    let dirs: Vec<&Path> = shards.iter().map(|s| s.path()).collect();
    let output = merge(&dirs, &["--out", out.to_str().expect("UTF-8")]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    assert!(stderr(&output).contains("(0 rendered, 72 unchanged)"), "nothing rendered: {}", stderr(&output));
    let (expected, actual) = (files(full.path()), files(&out));
    let names = |m: &std::collections::BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&expected), names(&actual), "the same files");
    for (name, bytes) in &expected {
        assert!(actual[name] == *bytes, "{name} differs between the full build and the merge");
    }
    for part in ["manifest.json", "index.html", "context/pl.html", "print/a4-poster.pdf", "fonts/", "thumbs/"] {
        assert!(expected.keys().any(|f| f.starts_with(part)), "the comparison covers {part}");
    }
}

#[test]
fn merge_refuses_shards_that_do_not_make_the_whole_output() {
    // Small shards: one template, eight locales.
    let root = tempfile::tempdir().expect("temp dir");
    let shard = |k: u32, n: u32| {
        let dir = root.path().join(format!("shard-{k}-of-{n}"));
        let output = campaign_build(&dir, &["--template", "x-post", "--shard", &format!("{k}/{n}")], "2");
        assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
        dir
    };
    let (one, two) = (shard(1, 2), shard(2, 2));
    let out = root.path().join("dist");
    let refused = |dirs: &[&Path], extra: &[&str], names: &[&str]| {
        let mut args = vec!["--template", "x-post", "--out", out.to_str().expect("UTF-8")];
        args.extend(extra);
        let output = merge(dirs, &args);
        let err = stderr(&output);
        assert_eq!(exit_code(&output), 2, "{err}");
        for name in names {
            assert!(err.contains(name), "the message names {name}: {err}");
        }
        assert!(!out.exists(), "a refused merge writes nothing");
        err
    };
    let name = |p: &Path| p.display().to_string();

    // A missing shard, and one given twice.
    let err = refused(&[&one], &[], &["shard 2/2", "missing", &name(&one)]);
    assert!(err.contains("all 2 shards"), "{err}");
    refused(&[&one, &one, &two], &[], &["again", &name(&one)]);
    // Shards of different splits.
    let third = shard(1, 3);
    refused(&[&one, &two, &third], &[], &["is shard 1/3", &name(&third)]);
    // A folder that is not a shard's output: empty, or a full build.
    let empty = root.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    refused(&[&one, &two, &empty], &[], &["no manifest.json", &name(&empty)]);
    let full = root.path().join("full");
    assert_eq!(exit_code(&campaign_build(&full, &["--template", "x-post"], "2")), 0);
    refused(&[&full], &[], &["a full build's", &name(&full.join("manifest.json"))]);
    // Another version's shard.
    let old = root.path().join("old");
    copy_tree(&two, &old);
    let manifest_path = old.join("manifest.json");
    let text = std::fs::read_to_string(&manifest_path).expect("manifest");
    let version = format!("\"placard\": \"{}\"", env!("CARGO_PKG_VERSION"));
    std::fs::write(&manifest_path, text.replace(&version, "\"placard\": \"0.0.1\"")).expect("write");
    refused(&[&one, &old], &[], &["Placard 0.0.1", &name(&manifest_path)]);

    // An asset changed after its shard was built.
    let tampered = root.path().join("tampered");
    copy_tree(&two, &tampered);
    let m = manifest(&tampered);
    let path = m["assets"][0]["path"].as_str().expect("a path").to_owned();
    let file = tampered.join(&path);
    let mut bytes = std::fs::read(&file).expect("asset");
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&file, &bytes).expect("write");
    refused(&[&one, &tampered], &[], &[&name(&file), "changed after the shard was built"]);
    std::fs::remove_file(&file).expect("rm");
    refused(&[&one, &tampered], &[], &[&name(&file), "is missing"]);

    // Shards that do not cover what the merge is asked for: another template, or one too few.
    let err = refused(&[&one, &two], &["--template", "facebook-link"], &["no shard has", "facebook-link"]);
    assert!(err.contains("build the shards again"), "{err}");

    // And the shards as they are: the merged output is the full build of the same scope.
    let output = merge(&[&two, &one], &["--template", "x-post", "--out", out.to_str().expect("UTF-8")]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    assert_eq!(files(&out), files(&full), "the merge of x-post's shards is its full build");
}

fn copy_tree(from: &Path, to: &Path) {
    for (rel, bytes) in files(from) {
        let path = to.join(rel);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
}
