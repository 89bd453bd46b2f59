//! The JSON Schemas under `schemas/` that editors complete pipeline.yaml and templates with: they
//! are what the raw serde types generate (`UPDATE_SCHEMAS=1` rewrites them, failing the run so the
//! change is reviewed), the repository's own files name them and are valid against them, and a
//! designer's typo is flagged by them as Placard flags it.

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo root")
}

fn schemas() -> [(&'static str, serde_json::Value); 2] {
    [("pipeline", placard_pipeline::schema::pipeline()), ("template", placard_pipeline::schema::template())]
}

#[test]
fn committed_schemas_are_what_the_types_generate() {
    let mut updated = Vec::new();
    for (name, schema) in schemas() {
        let path = repo().join(format!("schemas/{name}.schema.json"));
        let generated = serde_json::to_string_pretty(&schema).expect("a schema serialises") + "\n";
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed == generated {
            continue;
        }
        if std::env::var_os("UPDATE_SCHEMAS").is_some() {
            std::fs::create_dir_all(path.parent().expect("schemas/")).expect("mkdir schemas");
            std::fs::write(&path, &generated).expect("write schema");
            updated.push(path.display().to_string());
        } else {
            panic!(
                "{} is not what the raw types in placard-pipeline generate: run the tests with UPDATE_SCHEMAS=1 \
                 and review the change",
                path.display()
            );
        }
    }
    assert!(updated.is_empty(), "updated {}; review the change and run again", updated.join(", "));
}

/// Each YAML file Placard reads in this repository: pipeline.yaml and every template in assets/.
fn repository_files() -> Vec<(PathBuf, &'static str)> {
    let mut files = vec![(repo().join("pipeline.yaml"), "pipeline")];
    let mut templates: Vec<PathBuf> = std::fs::read_dir(repo().join("assets/templates"))
        .expect("assets/templates")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    templates.sort();
    assert!(!templates.is_empty());
    files.extend(templates.into_iter().map(|t| (t, "template")));
    files
}

fn validate(path: &Path, schema: &serde_json::Value) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("UTF-8");
    let value: serde_json::Value = serde_saphyr::from_str(&text).expect("valid YAML");
    let validator = jsonschema::validator_for(schema).expect("a valid schema");
    validator.iter_errors(&value).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

fn schema(name: &str) -> serde_json::Value {
    schemas().into_iter().find(|(n, _)| *n == name).expect("a schema").1
}

#[test]
fn the_repository_files_name_their_schema_and_are_valid_against_it() {
    for (path, kind) in repository_files() {
        let text = std::fs::read_to_string(&path).expect("UTF-8");
        let line = text
            .lines()
            .find_map(|l| l.strip_prefix("# yaml-language-server: $schema="))
            .unwrap_or_else(|| panic!("{} has no `# yaml-language-server: $schema=` line", path.display()));
        let named = path.parent().expect("a folder").join(line.trim());
        assert_eq!(
            named.canonicalize().ok(),
            Some(repo().join(format!("schemas/{kind}.schema.json"))),
            "{} names {line}",
            path.display()
        );
        let errors = validate(&path, &schema(kind));
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

#[test]
fn the_schema_flags_a_misspelt_key_and_a_misplaced_value() {
    let dir = tempfile::tempdir().expect("temp dir");
    let card = dir.path().join("card.yaml");
    std::fs::write(
        &card,
        "size: [1080, 1080]\nbackground: { color: \"#000\" }\nlayers:\n  - text: headline\n    box: [80, 150, 920]\n    colour: \"#fff\"\n    align: middle\n",
    )
    .expect("write");
    let errors = validate(&card, &schema("template")).join("\n");
    assert!(errors.contains("colour"), "{errors}");
    assert!(errors.contains("/layers/0/box"), "{errors}");
    assert!(errors.contains("/layers/0/align"), "{errors}");
    std::fs::write(&card, "size: [1080, 1080]\nbackground: { color: \"#000\" }\nlayers:\n  - text: helpline\n    box: [60, 760, 960, 260]\n    band: { color: \"#ffd4000\" }\n").expect("write");
    let errors = validate(&card, &schema("template")).join("\n");
    assert!(errors.contains("/layers/0/band") && errors.contains("#ffd4000"), "a colour Placard cannot read: {errors}");
    let pipeline = dir.path().join("pipeline.yaml");
    std::fs::write(&pipeline, "locales: {dir: l, reference: en-GB, stirct: false}\nlimits: {ftl_file_mb: 32}\n")
        .expect("write");
    let errors = validate(&pipeline, &schema("pipeline")).join("\n");
    assert!(errors.contains("stirct") && errors.contains("ftl_file_mb"), "{errors}");
}

#[test]
fn the_schema_describes_keys_for_a_designer() {
    let template = schema("template");
    let layer = &template["definitions"]["Layer"];
    let description = layer["properties"]["box"]["description"].as_str().expect("box is described");
    assert!(description.contains("[x, y, width, height]"), "{description}");
    assert_eq!(layer["additionalProperties"], false, "an unknown key is flagged, as Placard flags it");
    let pipeline = schema("pipeline");
    let limit = &pipeline["properties"]["limits"]["properties"]["ftl_file_mib"];
    assert_eq!(limit["maximum"], 1024, "{limit}");
}
