//! `placard merge`: the folders of a CI matrix's shards (`placard build --shard K/N`) joined into
//! the output a full build makes, byte for byte. Each shard is checked first (its manifest, this
//! version's, one of the same N, each once; every file it lists there as it was made; two shards
//! that both have an asset agree about it), then the build runs over their files as over an
//! earlier output of its own, with one difference: it may render nothing. It reuses every asset
//! and writes the print packs, the translator pages and the contact sheet as a full build does;
//! an asset it would have to render means the shards are not of the project as it is now.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use placard_pipeline::Workspace;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::output::{AssetRecord, Manifest, Previous, hex};
use crate::plan::{BuildOptions, BuildReport, Event, Render, run};
use crate::{BuildError, Shard};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Joins the shards in `dirs` into `options.out` (default `output.dir`), as `placard build`
/// would write it for the locales `workspace` selected and `options.templates`; the output
/// folder's earlier content is replaced, not reused. Rendering nothing, it stops with
/// [`BuildError::Shards`] or [`BuildError::Input`] (naming the shard's folder) when the shards
/// do not make the whole of that output.
pub fn merge(
    workspace: &Workspace,
    dirs: &[PathBuf],
    options: &BuildOptions,
    events: &(dyn Fn(Event<'_>) + Sync),
) -> Result<BuildReport, BuildError> {
    let previous = read_shards(dirs)?;
    let options = BuildOptions { shard: None, force: false, ..options.clone() };
    run(workspace, &options, Some(previous), Render::Nothing, events)
}

/// One shard's folder, as its manifest describes it.
struct Part {
    dir: PathBuf,
    manifest: Manifest,
    shard: Shard,
}

/// Every shard's manifest and files checked, every fault of them found; their records joined.
fn read_shards(dirs: &[PathBuf]) -> Result<Previous, BuildError> {
    let mut faults = Vec::new();
    let parts: Vec<Part> = dirs.iter().filter_map(|dir| read_part(dir).map_err(|e| faults.push(e)).ok()).collect();
    faults.extend(every_shard_once(&parts, dirs));
    // Every file a shard lists is there as it was made (the hashes in parallel: the posters are large).
    let files: Vec<(&Part, &AssetRecord)> =
        parts.iter().flat_map(|part| part.manifest.assets.iter().map(move |record| (part, record))).collect();
    let mut file_faults: Vec<BuildError> =
        files.par_iter().filter_map(|&(part, record)| check_file(part, record)).collect();
    faults.append(&mut file_faults);

    // Two shards that have the same asset (a folder that several shard builds wrote) agree on it.
    let mut joined: BTreeMap<(&str, &str, &str), (&AssetRecord, &Part)> = BTreeMap::new();
    for &(part, record) in &files {
        let key = (record.locale.as_str(), record.template.as_str(), record.format.as_str());
        match joined.get(&key) {
            Some((earlier, first)) if *earlier != record => faults.push(BuildError::input(
                part.dir.join("manifest.json"),
                format!(
                    "disagrees with {} about {}: the two were built from different inputs; build every shard from one commit",
                    first.dir.join("manifest.json").display(),
                    record.path
                ),
            )),
            Some(_) => {}
            None => {
                joined.insert(key, (record, part));
            }
        }
    }
    if let Some(error) = BuildError::from_faults(faults) {
        return Err(error);
    }
    let mut folders = BTreeMap::new();
    for (record, part) in joined.values() {
        folders.insert(record.path.clone(), part.dir.clone());
        folders.entry(record.thumbnail.clone()).or_insert_with(|| part.dir.clone());
    }
    let assets = joined.into_values().map(|(record, _)| record.clone()).collect();
    let manifest = Manifest { placard: VERSION.to_owned(), shard: None, assets, packs: Vec::new() };
    Ok(Previous::shards(manifest, folders))
}

/// The shard in `dir`: a manifest this version wrote, of a `--shard K/N` build.
fn read_part(dir: &Path) -> Result<Part, BuildError> {
    let path = dir.join("manifest.json");
    let bytes = std::fs::read(&path).map_err(|e| {
        let why = if dir.is_dir() {
            format!("no manifest.json ({e}): not the output of `placard build --shard K/N`")
        } else {
            "no such folder".to_owned()
        };
        BuildError::input(dir, why)
    })?;
    // The version first: another version's manifest may not even read as this one's.
    let version = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|v| v.get("placard")?.as_str().map(str::to_owned));
    match version {
        Some(v) if v == VERSION => {}
        Some(v) => {
            return Err(BuildError::input(
                path,
                format!(
                    "was written by Placard {v}, this is {VERSION}: build every shard with the Placard that merges them"
                ),
            ));
        }
        None => return Err(BuildError::input(path, "is not a Placard manifest")),
    }
    let manifest: Manifest = serde_json::from_slice(&bytes)
        .map_err(|e| BuildError::input(&path, format!("is not a Placard manifest: {e}")))?;
    let Some(shard) = manifest.shard else {
        return Err(BuildError::input(
            path,
            "is a full build's, not a shard's: build each part with `placard build --shard K/N`",
        ));
    };
    Ok(Part { dir: dir.to_owned(), manifest, shard })
}

/// Faults unless `parts` are shards 1 to N of one N, each once.
fn every_shard_once(parts: &[Part], dirs: &[PathBuf]) -> Vec<BuildError> {
    let Some(first) = parts.first() else { return Vec::new() };
    let count = first.shard.count;
    let mut faults = Vec::new();
    for part in parts.iter().filter(|p| p.shard.count != count) {
        faults.push(BuildError::input(
            part.dir.join("manifest.json"),
            format!(
                "is shard {}/{}, but {} is shard {}/{count}: merge the shards of one build, split the same way",
                part.shard.index,
                part.shard.count,
                first.dir.display(),
                first.shard.index
            ),
        ));
    }
    if !faults.is_empty() {
        return faults;
    }
    let mut missing = Vec::new();
    for index in 1..=count {
        let with: Vec<&Part> = parts.iter().filter(|p| p.shard.index == index).collect();
        match with.as_slice() {
            [] => missing.push(format!("{index}/{count}")),
            [one, again, ..] => faults.push(BuildError::input(
                again.dir.join("manifest.json"),
                format!("is shard {index}/{count} again ({} is too): give each shard once", one.dir.display()),
            )),
            [_] => {}
        }
    }
    if !missing.is_empty() {
        let given: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
        faults.push(BuildError::Shards {
            message: format!(
                "shard {} of the build is missing: merge needs all {count} shards (given: {})",
                missing.join(", "),
                given.join(", ")
            ),
        });
    }
    faults
}

/// A fault unless the file `record` lists, and its thumbnail, are in the shard as it was made.
fn check_file(part: &Part, record: &AssetRecord) -> Option<BuildError> {
    let listed = part.dir.join("manifest.json");
    // The paths a build writes, and nothing that could reach outside the shard or the output.
    let plain = |rel: &str| !rel.is_empty() && Path::new(rel).components().all(|c| matches!(c, Component::Normal(_)));
    let expected = format!("{}/{}.{}", record.locale, record.template, record.format);
    if record.path != expected || !plain(&record.path) || !plain(&record.thumbnail) {
        return Some(BuildError::input(listed, format!("lists a file Placard does not write: {}", record.path)));
    }
    let path = part.dir.join(&record.path);
    let Ok(bytes) = std::fs::read(&path) else {
        return Some(BuildError::input(path, format!("is missing: {} lists it", listed.display())));
    };
    let sha256 = hex(&Sha256::digest(&bytes));
    if sha256 != record.sha256 || bytes.len() as u64 != record.bytes {
        return Some(BuildError::input(
            path,
            format!(
                "is not the file {} lists (SHA-256 {}…, recorded {}…): it changed after the shard was built",
                listed.display(),
                &sha256[..12],
                record.sha256.get(..12).unwrap_or(&record.sha256)
            ),
        ));
    }
    let thumbnail = part.dir.join(&record.thumbnail);
    (!thumbnail.is_file()).then(|| BuildError::input(thumbnail, format!("is missing: {} lists it", listed.display())))
}

/// Why the shards do not make the project's output as it is now: assets no shard has, assets a
/// shard made from other inputs (by folder), assets the project no longer has (by folder).
pub(crate) fn uncovered(previous: Option<&Previous>, missing: &[(&str, &str)], extra: &[&AssetRecord]) -> BuildError {
    let hint = "build the shards again from this commit, with the --locale, --template and --pseudo of this merge";
    let mut stale: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    let mut absent = Vec::new();
    for &(locale, template) in missing {
        let record =
            previous.and_then(|p| p.manifest.assets.iter().find(|r| r.locale == locale && r.template == template));
        match record.and_then(|r| previous?.folder_of(&r.path)) {
            Some(folder) => stale.entry(folder.to_owned()).or_default().push(format!("{locale}/{template}")),
            None => absent.push(format!("{locale}/{template}")),
        }
    }
    let mut gone: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    for record in extra {
        let folder = previous.and_then(|p| p.folder_of(&record.path)).unwrap_or(Path::new("")).to_owned();
        let asset = format!("{}/{}", record.locale, record.template);
        let assets = gone.entry(folder).or_default();
        if !assets.contains(&asset) {
            assets.push(asset);
        }
    }
    let mut faults = Vec::new();
    if !absent.is_empty() {
        faults.push(BuildError::Shards {
            message: format!("no shard has {}, which the project builds now: {hint}", list(&absent)),
        });
    }
    for (folder, assets) in stale {
        let what = format!("has {} built from other inputs than the project has now: {hint}", list(&assets));
        faults.push(BuildError::input(folder, what));
    }
    for (folder, assets) in gone {
        faults.push(BuildError::input(
            folder,
            format!("has {}, which the project does not build now: {hint}", list(&assets)),
        ));
    }
    BuildError::from_faults(faults).unwrap_or_else(|| BuildError::Shards { message: hint.to_owned() })
}

/// `items`, the first few of them when there are many.
fn list(items: &[String]) -> String {
    const SHOWN: usize = 6;
    if items.len() <= SHOWN {
        return items.join(", ");
    }
    format!("{} and {} more", items[..SHOWN].join(", "), items.len() - SHOWN)
}
