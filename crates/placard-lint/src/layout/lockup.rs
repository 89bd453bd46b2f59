//! `helpline-lockup`: a required message drawn as a lock-up (pipeline.yaml's `lockup`) is one line
//! of its own, at least its scale times the size of the sentence that leads into it, in every
//! asset; and every template that draws it draws its lead-in just before it.

use crate::Lockup;
use placard_core::{Code, Diagnostic};

use super::ComposedText;
use super::geometry::TemplateGeometry;

/// A lock-up's size may fall short of `scale` times its lead-in's by this much (px rounding of
/// the sizes the fit tries).
const TOLERANCE: f32 = 0.01;

/// Checks one asset's lock-up layer, `lead_size` being the size its lead-in was drawn at in the
/// same asset (`None` when the lead-in shows no text there).
pub fn check_lockup(layer: &ComposedText<'_>, lockup: &Lockup, lead_size: Option<f32>, out: &mut Vec<Diagnostic>) {
    let block = layer.block;
    let lines = block.lines.len();
    let id = layer.message;
    if lines > 1 {
        out.push(
            layer
                .finding(
                    Code::HelplineLockup,
                    format!(
                        "`{id}` takes {lines} lines in {} {}: a lock-up is one line of its own",
                        layer.template,
                        layer.layer_name()
                    ),
                )
                .hint(
                    "Keep the message to the name and number; or the designer can give the layer a wider box or a \
                     smaller minimum size.",
                ),
        );
    }
    if let Some(lead) = lead_size
        && lead > 0.0
        && block.size + TOLERANCE < lockup.scale * lead
    {
        out.push(
            layer
                .finding(
                    Code::HelplineLockup,
                    format!(
                        "`{id}` is drawn at {:.0} px in {} {}, {:.2}× its lead-in `{}` ({lead:.0} px): it must be at \
                         least {}×",
                        block.size,
                        layer.template,
                        layer.layer_name(),
                        block.size / lead,
                        lockup.after,
                        lockup.scale
                    ),
                )
                .hint("The designer can give the lead-in a smaller minimum size, or the lock-up more room."),
        );
    }
}

/// The template-level half: a template that draws a lock-up draws its lead-in, just before it.
pub fn check_lockup_order(template: &TemplateGeometry<'_>, lockups: &[Lockup]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for lockup in lockups {
        let position = |id: &str| template.layers.iter().position(|l| l.message.as_deref() == Some(id));
        let Some(at) = position(&lockup.message) else { continue };
        let (name, id, after) = (template.name, &lockup.message, &lockup.after);
        match position(after) {
            None => out.push(
                template
                    .finding(
                        Code::HelplineLockup,
                        format!("template {name} draws the lock-up `{id}` without its lead-in `{after}`"),
                        Some(at),
                    )
                    .hint(format!("Add a text layer with `text: {after}` just before it.")),
            ),
            Some(lead) if lead > at => out.push(
                template
                    .finding(
                        Code::HelplineLockup,
                        format!(
                            "template {name} draws the lock-up `{id}` (layers[{at}]) before its lead-in `{after}` \
                             (layers[{lead}])"
                        ),
                        Some(at),
                    )
                    .hint("Put the lead-in's layer just before the lock-up's."),
            ),
            Some(_) => {}
        }
    }
    out
}
