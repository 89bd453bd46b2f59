//! pipeline.yaml and template parsing.

use std::path::Path;

use placard_core::{LIMIT_KEYS, Limits};
use placard_pipeline::{Config, Layer, Template};

/// Parses `data` both as a pipeline.yaml and as a template, and checks what a valid one promises.
pub fn yaml(data: &[u8]) {
    let project = Path::new("/nonexistent-placard-fuzz/project");
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(config) = Config::parse(&project.join("pipeline.yaml"), text)
    {
        for template in &config.templates {
            assert!(template.starts_with(project), "template path {template:?} escapes the project");
        }
        for key in LIMIT_KEYS {
            assert!((1..=key.ceiling).contains(&key.value(&config.limits)), "limits.{} past its ceiling", key.name);
        }
    }
    let limits = Limits::default();
    if let Ok(template) = Template::parse(&project.join("templates/card.yaml"), data, project, &limits) {
        let side = 1..=limits.canvas_side;
        assert!(side.contains(&template.width) && side.contains(&template.height));
        assert!(u64::from(template.width) * u64::from(template.height) <= limits.canvas_pixels);
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
