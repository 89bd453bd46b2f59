//! A locale's plural categories, from CLDR's cardinal rules, chosen the way `fluent-bundle` chooses
//! them: one place for the checks that list a message's forms and the build that formats it.
//!
//! CLDR has rules per language (`pt` and `pt-PT`, not `en-GB`): the tag is negotiated against the
//! languages that have rules, falling back to English, as `fluent-bundle` does. Whether the
//! locale's own language has rules is kept apart ([`Plurals::known`]), for checks that need the
//! categories a language really has.

use std::str::FromStr;
use std::sync::OnceLock;

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

/// The cardinal plural rules of one locale.
pub struct Plurals {
    rules: Option<PluralRules>,
    /// The rules are the language's own, not the English fallback.
    known: bool,
    /// The categories the samples reach, worked out once: (whole numbers, all numbers).
    reached: OnceLock<Option<([bool; 6], [bool; 6])>>,
}

impl std::fmt::Debug for Plurals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plurals").field("known", &self.known).finish()
    }
}

impl Plurals {
    /// The rules for the BCP 47 tag `code`; none for a tag that does not parse.
    pub fn for_locale(code: &str) -> Plurals {
        let Ok(requested) = LanguageIdentifier::from_str(code) else {
            return Plurals { rules: None, known: false, reached: OnceLock::new() };
        };
        let english = LanguageIdentifier::from_str("en").unwrap_or_default();
        let available = PluralRules::get_locales(PluralRuleType::CARDINAL);
        let chosen = negotiate_languages(
            std::slice::from_ref(&requested),
            &available,
            Some(&english),
            NegotiationStrategy::Lookup,
        )
        .first()
        .map(|&l| l.clone())
        .unwrap_or(english.clone());
        let known = chosen.language == requested.language && available.contains(&chosen);
        let rules = PluralRules::create(chosen, PluralRuleType::CARDINAL).ok();
        Plurals { rules, known, reached: OnceLock::new() }
    }

    /// Whether CLDR has rules for the locale's language (otherwise English rules stand in).
    pub fn known(&self) -> bool {
        self.known
    }

    /// The category of `n` (`one`, `few`, `other`, ...); `None` when the locale has no rules.
    pub fn category(&self, n: f64) -> Option<&'static str> {
        let category = self.rules.as_ref()?.select(n).ok()?;
        Some(match category {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        })
    }

    /// How many categories the locale's numbers fall into: 1 for Japanese or Korean, 2 for
    /// English, 6 for Arabic; `None` when CLDR has no rules for the language. A tag CLDR lists
    /// only by its language (`zh-CN`, `pt-BR`) takes the language's rules.
    pub fn categories(&self) -> Option<usize> {
        self.category_names().map(|names| names.len())
    }

    /// Which categories the locale's numbers fall into, in CLDR's order (`zero`, `one`, `two`,
    /// `few`, `many`, `other`): `["one", "few", "many", "other"]` for Russian; `None` when CLDR
    /// has no rules for the language. Found by selecting sample numbers (integers 0-200, powers
    /// of ten, decimals with one and two digits): for every language intl_pluralrules knows, they
    /// reach as many categories as 20,000 integers and 60,000 decimals do.
    pub fn category_names(&self) -> Option<Vec<&'static str>> {
        self.reached().map(|(_, all)| names(all))
    }

    /// The categories whole numbers fall into, the ones a count can take: `["one", "few",
    /// "many"]` for Russian (its `other` is for fractions only), `["one", "few", "other"]` for
    /// Czech (whose `many` is for fractions). The same samples as [`Plurals::category_names`],
    /// without the decimals.
    pub fn whole_number_categories(&self) -> Option<Vec<&'static str>> {
        self.reached().map(|(whole, _)| names(whole))
    }

    /// The categories the samples reach, sampled once per locale for every check that asks.
    fn reached(&self) -> Option<([bool; 6], [bool; 6])> {
        *self.reached.get_or_init(|| {
            let rules = self.rules.as_ref().filter(|_| self.known)?;
            let mut whole = [false; 6];
            for n in (0..=200u32).chain([1_000, 10_000, 100_000, 1_000_000]) {
                if let Ok(category) = rules.select(n.to_string().as_str()) {
                    whole[category as usize] = true;
                }
            }
            let mut all = whole;
            let decimals =
                (0..=250u32).flat_map(|n| [format!("{}.{}", n / 10, n % 10), format!("{}.{:02}", n / 100, n % 100)]);
            for sample in decimals {
                if let Ok(category) = rules.select(sample.as_str()) {
                    all[category as usize] = true;
                }
            }
            Some((whole, all))
        })
    }
}

/// The names of the categories marked in `seen`, in CLDR's order.
fn names(seen: [bool; 6]) -> Vec<&'static str> {
    CLDR_ORDER.iter().zip(seen).filter(|&(_, s)| s).map(|(&name, _)| name).collect()
}

/// The categories by `PluralCategory`'s discriminant.
const CLDR_ORDER: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

#[cfg(test)]
mod tests {
    use super::Plurals;

    #[test]
    fn names_the_categories_a_locale_has() {
        let ru = Plurals::for_locale("ru");
        assert_eq!(ru.category_names(), Some(vec!["one", "few", "many", "other"]));
        assert_eq!(ru.whole_number_categories(), Some(vec!["one", "few", "many"]));
        assert_eq!(Plurals::for_locale("cs").whole_number_categories(), Some(vec!["one", "few", "other"]));
        assert_eq!(Plurals::for_locale("en-US").whole_number_categories(), Some(vec!["one", "other"]));
        assert_eq!(Plurals::for_locale("fr").whole_number_categories(), Some(vec!["one", "other"]));
        assert_eq!(Plurals::for_locale("ja").category_names(), Some(vec!["other"]));
        assert_eq!(Plurals::for_locale("ar").categories(), Some(6));
        assert_eq!(Plurals::for_locale("xx-unknown").category_names(), None);
    }
}
