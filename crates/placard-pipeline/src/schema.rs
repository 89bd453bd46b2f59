//! JSON Schemas for pipeline.yaml and for templates, generated from the raw serde types (their doc
//! comments are the descriptions an editor shows), so that what an editor completes and what
//! Placard accepts cannot drift apart. Committed under `schemas/` and named by each file's
//! `# yaml-language-server: $schema=` line; a test fails when the committed files are stale.
//! Draft 7: the newest draft the YAML language server (VS Code's YAML extension) fully supports.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};

use crate::config::RawConfig;
use crate::template::RawTemplate;

/// The schema of pipeline.yaml.
pub fn pipeline() -> Value {
    schema_for::<RawConfig>()
}

/// The schema of a template file.
pub fn template() -> Value {
    schema_for::<RawTemplate>()
}

fn schema_for<T: JsonSchema>() -> Value {
    SchemaSettings::draft07().into_generator().into_root_schema_for::<T>().to_value()
}

/// `limits`: one key per limit Placard has (placard_core's table), each a whole number from 1 to
/// its ceiling.
pub(crate) fn limits(_: &mut SchemaGenerator) -> Schema {
    let mut properties = Map::new();
    for key in placard_core::LIMIT_KEYS {
        let description = format!("{} (in {}; 1 to {})", key.what, key.unit, key.ceiling);
        properties.insert(
            key.name.to_owned(),
            serde_json::json!({ "type": "integer", "minimum": 1, "maximum": key.ceiling, "description": description }),
        );
    }
    json_schema!({ "type": "object", "properties": properties, "additionalProperties": false })
}
