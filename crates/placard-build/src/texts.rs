//! Messages formatted the way an application formats them: fluent-bundle, with the campaign's
//! variables and Fluent's isolation marks around placeables. A message a locale lacks falls back
//! to the reference locale (only possible with `strict: false`).

use std::collections::BTreeMap;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use placard_fluent::forms::Value;
use placard_fluent::split_attribute;
use placard_pipeline::{LoadedLocale, Workspace};
use unic_langid::LanguageIdentifier;

/// One formatted message.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Text {
    pub text: String,
    /// The locale whose translation was used (the reference, when this locale lacks it).
    pub from: String,
}

/// Formats `ids` (`id` or `id.attribute`) for `locale`; `None` for an id no locale defines.
pub fn format_all(workspace: &Workspace, locale: &str, ids: &[&str]) -> BTreeMap<String, Option<Text>> {
    let reference = &workspace.config.reference.code;
    let own = workspace.locales.iter().find(|l| l.code == locale).map(bundle);
    let fallback =
        (locale != reference).then(|| workspace.locales.iter().find(|l| &l.code == reference).map(bundle)).flatten();
    let mut args = FluentArgs::new();
    for (name, value) in &workspace.config.rules.variables {
        match value {
            Value::String(s) => args.set(name.clone(), FluentValue::from(s.clone())),
            Value::Number(n) => args.set(name.clone(), FluentValue::from(*n)),
        }
    }
    ids.iter()
        .map(|id| {
            let text = [(own.as_ref(), locale), (fallback.as_ref(), reference.as_str())]
                .into_iter()
                .find_map(|(bundle, from)| Some(Text { text: format(bundle?, id, &args)?, from: from.to_owned() }));
            ((*id).to_owned(), text)
        })
        .collect()
}

fn bundle(locale: &LoadedLocale) -> FluentBundle<FluentResource> {
    let language: LanguageIdentifier = locale.code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![language]);
    for file in &locale.files {
        // Junk and duplicates are lint's business; the bundle keeps what it can read.
        let resource = FluentResource::try_new(file.parsed.source_text().to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn format(bundle: &FluentBundle<FluentResource>, id: &str, args: &FluentArgs<'_>) -> Option<String> {
    let (name, attribute) = split_attribute(id);
    let message = bundle.get_message(name)?;
    let pattern = match attribute {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, Some(args), &mut errors).into_owned())
}
