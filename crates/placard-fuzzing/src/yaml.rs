//! pipeline.yaml and template parsing.

use std::path::Path;

use placard_pipeline::{Config, Layer, MAX_CANVAS, Template};

/// Parses `data` both as a pipeline.yaml and as a template, and checks what a valid one promises.
pub fn yaml(data: &[u8]) {
    let project = Path::new("/nonexistent-placard-fuzz/project");
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(config) = Config::parse(&project.join("pipeline.yaml"), text)
    {
        for template in &config.templates {
            assert!(template.starts_with(project), "template path {template:?} escapes the project");
        }
    }
    if let Ok(template) = Template::parse(&project.join("templates/card.yaml"), data, project) {
        assert!((1..=MAX_CANVAS).contains(&template.width) && (1..=MAX_CANVAS).contains(&template.height));
        assert!(template.name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        for layer in &template.layers {
            if let Layer::Image(image) = layer {
                for path in std::iter::once(&image.path).chain(image.locales.values()) {
                    assert!(path.starts_with(project), "image path {path:?} escapes the project");
                }
            }
        }
    }
}
