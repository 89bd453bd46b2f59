//! `style-mismatch`: a `.style` attribute sizes a dialog or a field (`width: 15.4em`), and the
//! translation may change the numbers, not the CSS around them (compare-locales' CSS checks).
//!
//! Only widths and heights are understood (`width`, `height`, with `min-` or `max-`), each a
//! number with a unit, separated by `;`: what Mozilla's `.style` attributes hold. When the
//! reference's is such a list and the translation's is not (`15,4em`, a missing `;`, a unit
//! typed wrong), that is an error: CSS drops the declaration and the size with it. A property the
//! reference does not size, one it does that the translation leaves out, or another unit is a
//! warning: a translator may have a reason, a reviewer should look. A pattern with placeables,
//! or a reference whose `.style` is something else, is not compared (compare-locales then
//! reports any translation as "reference is a CSS spec", which would be a false error).

use placard_core::{Code, Diagnostic, Severity};
use placard_fluent::ast::{Pattern, PatternElement};

use crate::LocaleContext;

pub fn check(cx: &LocaleContext<'_, '_>, out: &mut Vec<Diagnostic>) {
    // Only messages with a `.style` are looked up in the reference: a handful in a product's tree.
    for (i, entry, ref_entry) in cx.translated_messages_where(|e| e.attribute("style").is_some()) {
        let (Some(text), Some(ref_text)) = (
            entry.attribute("style").and_then(|a| plain(&a.value)),
            ref_entry.attribute("style").and_then(|a| plain(&a.value)),
        ) else {
            continue;
        };
        let Some(Ok(wanted)) = sizes(ref_text) else {
            continue; // the reference's is not a list of sizes: nothing to compare with
        };
        let key = format!("{}.style", entry.key());
        let at = Some(cx.span(i, text));
        let Some(Ok(given)) = sizes(text) else {
            let message = format!("`{key}` is not CSS the application can read: `{}`", text.trim());
            let hint = format!(
                "Write it as the reference does, changing only the numbers: `{}` (a decimal point, not a comma; `;` between sizes).",
                ref_text.trim()
            );
            out.push(cx.at(Severity::Error, Code::StyleMismatch, i, at, message).message_id(&key).hint(hint));
            continue;
        };
        let mut problems = Vec::new();
        for (property, unit) in &given {
            match wanted.iter().find(|(p, _)| p == property) {
                None => problems.push(format!("`{property}` is not in the reference")),
                Some((_, ref_unit)) if ref_unit != unit => {
                    problems.push(format!("`{property}` is in {unit}, the reference's in {ref_unit}"));
                }
                Some(_) => {}
            }
        }
        for (property, _) in wanted.iter().filter(|(p, _)| !given.iter().any(|(g, _)| g == p)) {
            problems.push(format!("the reference's `{property}` is missing"));
        }
        if !problems.is_empty() {
            let message = format!("`{key}` does not size what the reference does: {}", problems.join("; "));
            let hint = format!(
                "Keep the reference's properties and units (`{}`) and change only the numbers.",
                ref_text.trim()
            );
            out.push(cx.at(Severity::Warning, Code::StyleMismatch, i, at, message).message_id(&key).hint(hint));
        }
    }
}

/// The text of a pattern that is text only.
fn plain<'a>(pattern: &Pattern<&'a str>) -> Option<&'a str> {
    match pattern.elements.as_slice() {
        [PatternElement::TextElement { value }] => Some(value),
        _ => None,
    }
}

const PROPERTIES: [&str; 6] = ["min-width", "max-width", "width", "min-height", "max-height", "height"];
const UNITS: [&str; 10] = ["ch", "em", "ex", "rem", "px", "cm", "mm", "in", "pc", "pt"];

/// The sizes a `.style` sets, as (property, unit): `None` when it does not begin with a size
/// (not such a list at all), `Err` when a size is followed by anything but `;` and another.
fn sizes(text: &str) -> Option<Result<Vec<(&str, &str)>, ()>> {
    let mut out = Vec::new();
    let mut rest = text.trim_start();
    loop {
        let Some((property, unit, after)) = size(rest) else {
            return if out.is_empty() { None } else { Some(Err(())) };
        };
        out.push((property, unit));
        let after = after.trim_start();
        match after.strip_prefix(';') {
            Some(next) if next.trim().is_empty() => return Some(Ok(out)),
            Some(next) => rest = next.trim_start(),
            None if after.is_empty() => return Some(Ok(out)),
            None => return Some(Err(())),
        }
    }
}

/// One `property: <number><unit>` at the start of `text`, and what follows it.
fn size(text: &str) -> Option<(&str, &str, &str)> {
    let property = PROPERTIES.iter().find(|p| text.starts_with(**p))?;
    let rest = text[property.len()..].trim_start().strip_prefix(':')?.trim_start();
    let digits = rest.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    let number = &rest[..digits];
    if number.is_empty() || number.matches('.').count() > 1 || number.ends_with('.') {
        return None;
    }
    let rest = &rest[digits..];
    let unit = UNITS.iter().find(|u| rest.starts_with(**u))?;
    let after = &rest[unit.len()..];
    if after.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None; // `emx`: not a unit
    }
    Some((property, unit, after))
}

#[cfg(test)]
mod tests {
    use super::sizes;

    #[test]
    fn reads_sizes() {
        assert_eq!(sizes("width: 15.4em"), Some(Ok(vec![("width", "em")])));
        assert_eq!(
            sizes("min-width: 3ch; max-height:10px;"),
            Some(Ok(vec![("min-width", "ch"), ("max-height", "px")]))
        );
        assert_eq!(sizes("width: 15,4em"), None);
        assert_eq!(sizes("width: 10em height: 5em"), Some(Err(())));
        assert_eq!(sizes("width: 10em; color: red"), Some(Err(())));
        assert_eq!(sizes("display: none"), None);
        assert_eq!(sizes("width: .5em"), Some(Ok(vec![("width", "em")])));
    }
}
