//! Messages formatted as a reader is shown them, with the campaign's variables and Fluent's
//! isolation marks around placeables: [`Formatter::shown`] over the catalog of the files lint
//! parsed (no second parse, and no second formatter that could disagree with the checks). A
//! message a locale lacks falls back to the reference locale (only possible with `strict: false`).

use std::collections::BTreeMap;

use placard_fluent::forms::Formatter;
use placard_fluent::plural::Plurals;
use placard_fluent::{Catalog, EntryKind, split_attribute};
use placard_pipeline::{LoadedLocale, Workspace};

/// One formatted message.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Text {
    pub text: String,
    /// The locale whose translation was used (the reference, when this locale lacks it).
    pub from: String,
}

/// Formats `ids` (`id` or `id.attribute`) for each of `locales`; `None` for an id neither the
/// locale nor the reference defines. Each locale's catalog (the reference's too) is built once.
pub fn format_locales<'l>(
    workspace: &Workspace,
    locales: &[&'l str],
    ids: &[&str],
) -> BTreeMap<&'l str, BTreeMap<String, Option<Text>>> {
    let reference = workspace.config.reference.code.as_str();
    let loaded = |code: &str| workspace.locales.iter().find(|l| l.code == code).map(Source::new);
    let fallback = loaded(reference);
    locales
        .iter()
        .map(|&locale| {
            let own = if locale == reference { None } else { loaded(locale) };
            let sources: Vec<&Source<'_>> = own.iter().chain(fallback.as_ref()).collect();
            (locale, format(workspace, &sources, ids))
        })
        .collect()
}

/// `ids` from the first of `sources` that defines each.
fn format(workspace: &Workspace, sources: &[&Source<'_>], ids: &[&str]) -> BTreeMap<String, Option<Text>> {
    let rules = &workspace.config.rules;
    ids.iter()
        .map(|id| {
            let text = sources.iter().find_map(|source| {
                let rule = |n: f64| source.plurals.category(n);
                let formatter =
                    Formatter::new(&source.catalog, &rules.variables).with_plural_rule(&rule).with_limits(rules.limits);
                let (name, attribute) = split_attribute(id);
                let pattern = source.catalog.get(EntryKind::Message, name)?.pattern(attribute)?;
                Some(Text { text: formatter.shown(pattern).form.text, from: source.code.to_owned() })
            });
            ((*id).to_owned(), text)
        })
        .collect()
}

/// A locale to take texts from.
struct Source<'w> {
    code: &'w str,
    catalog: Catalog<'w>,
    plurals: Plurals,
}

impl<'w> Source<'w> {
    fn new(locale: &'w LoadedLocale) -> Self {
        let catalog = Catalog::new(locale.files.iter().map(|f| (f.path.as_str(), &f.parsed)));
        // Plural rules by the tag the folder stands for (`ja-JP` for `ja-JP-mac`), as lint takes them.
        Source { code: &locale.code, catalog, plurals: Plurals::for_locale(&locale.locale.language_tag()) }
    }
}
