//! `helpline-hidden`, from the template alone: every message the template `requires` has a text
//! layer, inside the safe area, and nothing drawn after it covers it. Reported at the layer in the
//! template file, where the designer's fix goes.

use placard_core::{Code, Diagnostic};

/// A template's layers and areas, as the geometry checks see them. Boxes are `[x, y, w, h]` px.
#[derive(Clone, Debug)]
pub struct TemplateGeometry<'a> {
    pub name: &'a str,
    /// The template file as findings name it.
    pub file: String,
    pub safe: [i32; 4],
    /// The messages it must show (its `requires`).
    pub requires: &'a [String],
    /// Where each of `requires` is written in the file (1-based line, column), when known.
    pub requires_at: &'a [(u32, u32)],
    pub layers: Vec<LayerBox>,
}

/// One layer: what it shows, its box, and where it starts in the file (1-based line, column).
#[derive(Clone, Debug)]
pub struct LayerBox {
    /// The message id of a text layer; `None` for an image.
    pub message: Option<String>,
    /// What a finding calls it: the message id, or the image's file name.
    pub label: String,
    pub bbox: [i32; 4],
    pub at: Option<(u32, u32)>,
    /// The group the layer is stacked in, if any: its `bbox` is then the room it may take in the
    /// group, and the group keeps it clear of the group's other layers.
    pub group: Option<usize>,
}

impl TemplateGeometry<'_> {
    /// A finding about this template, at layer `index` when there is one.
    pub(super) fn finding(&self, code: Code, message: String, index: Option<usize>) -> Diagnostic {
        let mut d = Diagnostic::error(code, message).file(&self.file);
        d.template = Some(self.name.to_owned());
        if let Some(layer) = index.and_then(|i| self.layers.get(i).map(|l| (i, l))) {
            if let Some((line, column)) = layer.1.at {
                d.line = Some(line);
                d.column = Some(column);
            }
            d.layer = Some(format!("layers[{}] ({})", layer.0, layer.1.label));
        }
        d
    }
}

/// The geometry checks for `template`; `required` are pipeline.yaml's required message ids.
pub fn check_template(template: &TemplateGeometry<'_>, required: &[&str]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let name = template.name;
    for (i, id) in template.requires.iter().enumerate() {
        // Where the designer wrote `requires: [...]`: the fix for these two goes there or beside it.
        let at_requires = |mut d: Diagnostic| {
            if let Some(&(line, column)) = template.requires_at.get(i) {
                d.line = Some(line);
                d.column = Some(column);
            }
            d
        };
        if !required.contains(&id.as_str()) {
            out.push(at_requires(template.finding(
                Code::HelplineHidden,
                format!("`requires: {id}`: pipeline.yaml has no required rule for `{id}`"),
                None,
            )));
        }
        let Some(index) = template.layers.iter().position(|l| l.message.as_deref() == Some(id)) else {
            out.push(at_requires(
                template
                    .finding(
                        Code::HelplineHidden,
                        format!("template {name} must show `{id}` but no text layer shows it"),
                        None,
                    )
                    .hint(format!("Add a text layer with `text: {id}`.")),
            ));
            continue;
        };
        let layer = &template.layers[index];
        let layer_name = format!("layers[{index}] ({id})");
        if !within(layer.bbox, template.safe) {
            out.push(
                template
                    .finding(
                        Code::HelplineHidden,
                        format!("`{id}` in {name} {layer_name} lies outside the safe area {:?}", template.safe),
                        Some(index),
                    )
                    .hint("Move the layer's box inside `safe`."),
            );
        }
        for (j, later) in template.layers.iter().enumerate().skip(index + 1) {
            if overlaps(later.bbox, layer.bbox) && (later.group.is_none() || later.group != layer.group) {
                out.push(
                    template
                        .finding(
                            Code::HelplineHidden,
                            format!(
                                "`{id}` in {name} {layer_name} is covered by layers[{j}] ({}), drawn after it",
                                later.label
                            ),
                            Some(index),
                        )
                        .hint("Draw the required layer last, or move the other layer off it."),
                );
            }
        }
    }
    out
}

fn within([x, y, w, h]: [i32; 4], [sx, sy, sw, sh]: [i32; 4]) -> bool {
    x >= sx && y >= sy && x + w <= sx + sw && y + h <= sy + sh
}

fn overlaps([ax, ay, aw, ah]: [i32; 4], [bx, by, bw, bh]: [i32; 4]) -> bool {
    ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(message: Option<&str>, bbox: [i32; 4]) -> LayerBox {
        let label = message.unwrap_or("logo.png").to_owned();
        LayerBox { message: message.map(str::to_owned), label, bbox, at: Some((1, 3)), group: None }
    }

    #[test]
    fn a_required_layer_must_exist_stay_safe_and_stay_uncovered() {
        let requires = vec!["helpline".to_owned()];
        let mut template = TemplateGeometry {
            name: "card",
            file: "card.yaml".into(),
            safe: [10, 10, 580, 380],
            requires: &requires,
            requires_at: &[(4, 11)],
            layers: vec![layer(Some("helpline"), [20, 300, 560, 80])],
        };
        assert!(check_template(&template, &["helpline"]).is_empty());
        template.layers.push(layer(None, [500, 320, 60, 40]));
        let found = check_template(&template, &["helpline"]);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("covered by layers[1] (logo.png)"), "{}", found[0].message);
        assert_eq!((found[0].line, found[0].column), (Some(1), Some(3)));
        template.layers = vec![layer(Some("helpline"), [0, 300, 560, 80])];
        assert!(check_template(&template, &["helpline"])[0].message.contains("outside the safe area"));
        template.layers.clear();
        let missing = check_template(&template, &["helpline"]);
        assert!(missing[0].message.contains("no text layer shows it"));
        assert_eq!((missing[0].line, missing[0].column), (Some(4), Some(11)), "at the `requires` entry");
        let unruled = check_template(&template, &[]);
        assert!(unruled[0].message.contains("no required rule"));
        assert_eq!((unruled[0].line, unruled[0].column), (Some(4), Some(11)));
    }
}
