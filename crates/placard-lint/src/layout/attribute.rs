//! Who can fix a layout finding. A check that fails on the same layer of a template in every
//! locale (two or more) is the template's doing — a colour, a box too small for any text — and no
//! translator can fix it: it is reported once, at that layer in the template file, naming the
//! locales. A finding only some locales have stays at the message in that locale's `.ftl` file.

use std::collections::{BTreeMap, BTreeSet};

use placard_core::{Code, Diagnostic};

use super::TemplateGeometry;

/// The findings to report, given each asset's findings as `(locale, template, findings)`, every
/// asset that was checked listed (also those with none), and the templates' geometry.
pub fn attribute(assets: &[(&str, &str, &[Diagnostic])], templates: &[TemplateGeometry<'_>]) -> Vec<Diagnostic> {
    let mut locales_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut by_fault: BTreeMap<(&str, &str, Code), BTreeSet<&str>> = BTreeMap::new();
    for &(locale, template, findings) in assets {
        locales_of.entry(template).or_default().insert(locale);
        for d in findings {
            by_fault.entry((template, d.layer.as_deref().unwrap_or(""), d.code)).or_default().insert(locale);
        }
    }
    let of_template: BTreeSet<(&str, &str, Code)> = by_fault
        .iter()
        .filter(|((template, _, _), locales)| locales.len() >= 2 && Some(*locales) == locales_of.get(template))
        .map(|(fault, _)| *fault)
        .collect();
    let mut out = Vec::new();
    let mut reported = BTreeSet::new();
    for &(_, template, findings) in assets {
        for d in findings {
            let fault = (template, d.layer.as_deref().unwrap_or(""), d.code);
            if !of_template.contains(&fault) {
                out.push(d.clone());
            } else if reported.insert(fault) {
                let locales: Vec<&str> = by_fault[&fault].iter().copied().collect();
                let geometry = templates.iter().find(|t| t.name == template);
                out.push(at_template(d, geometry, &locales));
            }
        }
    }
    out
}

/// `d`, found in every one of `locales`, moved to its layer in the template file.
fn at_template(d: &Diagnostic, template: Option<&TemplateGeometry<'_>>, locales: &[&str]) -> Diagnostic {
    let index = d.layer.as_deref().and_then(layer_index);
    let message = format!("{} (in every locale: {})", d.message, locales.join(", "));
    let mut moved = match template {
        Some(t) => t.finding(d.code, message, index),
        None => Diagnostic::error(d.code, message),
    };
    moved.severity = d.severity;
    moved.template.clone_from(&d.template);
    moved.layer.clone_from(&d.layer);
    moved.message_id.clone_from(&d.message_id);
    let fix = match d.code {
        Code::Overflow => "give the layer a bigger box or a smaller minimum size.".to_owned(),
        Code::TooSmall => "give the layer a bigger box, so the required text can be set at a legible size.".to_owned(),
        Code::BrokenNumber => "widen the layer's box, so the number fits on one line.".to_owned(),
        _ => d.hint.clone().unwrap_or_default(),
    };
    moved.hint = Some(format!("It fails in every locale, so the template is the place to fix it: {fix}"));
    moved
}

/// The index in `layers[3] (helpline)`.
fn layer_index(layer: &str) -> Option<usize> {
    layer.strip_prefix("layers[")?.split(']').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(locale: &str, code: Code) -> Diagnostic {
        let mut d = Diagnostic::error(code, "x").locale(locale).file(format!("locales/{locale}/main.ftl"));
        d.template = Some("card".into());
        d.layer = Some("layers[0] (headline)".into());
        d
    }

    #[test]
    fn a_fault_in_every_locale_moves_to_the_template_and_one_in_some_stays() {
        let requires = Vec::new();
        let geometry = TemplateGeometry {
            name: "card",
            file: "card.yaml".into(),
            safe: [0, 0, 10, 10],
            requires: &requires,
            requires_at: &[],
            layers: vec![super::super::LayerBox {
                message: Some("headline".into()),
                label: "headline".into(),
                bbox: [0, 0, 10, 10],
                at: Some((5, 5)),
                group: None,
            }],
        };
        let en = [finding("en-GB", Code::Contrast)];
        let pl = [finding("pl", Code::Contrast), finding("pl", Code::Overflow)];
        let found = attribute(&[("en-GB", "card", &en), ("pl", "card", &pl)], &[geometry]);
        assert_eq!(found.len(), 2, "{found:#?}");
        let contrast = found.iter().find(|d| d.code == Code::Contrast).expect("contrast");
        assert_eq!(
            (contrast.file.as_deref(), contrast.line, contrast.locale.as_deref()),
            (Some("card.yaml"), Some(5), None)
        );
        assert!(contrast.message.ends_with("(in every locale: en-GB, pl)"));
        let overflow = found.iter().find(|d| d.code == Code::Overflow).expect("overflow");
        assert_eq!(overflow.locale.as_deref(), Some("pl"), "only Polish overflows: the translation's");
        // One locale alone proves nothing about the template.
        let alone = attribute(&[("pl", "card", &pl)], &[]);
        assert!(alone.iter().all(|d| d.locale.as_deref() == Some("pl")));
    }
}
