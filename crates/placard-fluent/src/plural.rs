//! A locale's plural categories, from CLDR's cardinal rules: one place for the checks that list a
//! message's forms and the build that formats it.
//!
//! The rules are current CLDR's, compiled into ICU4X (`icu_plurals`), as the applications that
//! show the translations select them (Firefox and Thunderbird format with ICU's
//! `Intl.PluralRules`). CLDR changes them: Hebrew lost `many` (20, 30, 40, …) in CLDR 42, French
//! gained a `many` for exact millions in CLDR 38 (Spanish, Italian, Portuguese, Catalan and
//! Galician since), Vietnamese a `one` by CLDR 49. `fluent-bundle` still selects with CLDR 37
//! (intl_pluralrules), whose rules also drop the modulus of a range (it calls Arabic 103 `other`,
//! where CLDR's `n % 100 = 3..10` makes it `few`), so for those numbers its form and Placard's
//! differ, deliberately.
//!
//! ICU4X ships rules only for the languages it has locale data for, and leaves out those whose one
//! category is `other`: both fall back to the root locale's `other`. For those, and only those,
//! the rules come from intl_pluralrules (CLDR 37), which lists every language CLDR 37 had rules
//! for, `other`-only ones included: Japanese has one form, Kabyle (which ICU4X leaves out) two,
//! and Western Armenian (`hye`), which CLDR does not know, none. Whether the locale's own language
//! has rules is kept apart ([`Plurals::known`]), for checks that need the categories a language
//! really has; a language nobody knows formats with English rules, as `fluent-bundle` formats it.

use std::str::FromStr;
use std::sync::OnceLock;

use fixed_decimal::{CompactDecimal, Decimal};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use icu_plurals::{PluralCategory, PluralOperands};
use intl_pluralrules::PluralRuleType;
use unic_langid::LanguageIdentifier;

/// The cardinal plural rules of one locale.
pub struct Plurals {
    rules: Option<Rules>,
    /// The rules are the language's own, not the English fallback.
    known: bool,
    /// The categories the samples reach, worked out once: (whole numbers, all numbers).
    reached: OnceLock<Option<([bool; 6], [bool; 6])>>,
}

/// Where a locale's rules come from.
enum Rules {
    /// Current CLDR, for the languages ICU4X has rules for.
    Current(icu_plurals::PluralRules),
    /// CLDR 37, for those it leaves out (and English, for a language neither knows).
    Cldr37(intl_pluralrules::PluralRules),
}

impl std::fmt::Debug for Plurals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plurals").field("known", &self.known).finish()
    }
}

impl Plurals {
    /// The rules for the BCP 47 tag `code`; none for a tag that does not parse.
    pub fn for_locale(code: &str) -> Plurals {
        let (rules, known) = match current(code) {
            Some(rules) => (Some(Rules::Current(rules)), true),
            None => match LanguageIdentifier::from_str(code) {
                Ok(requested) => {
                    let (rules, known) = cldr37(requested);
                    (rules.map(Rules::Cldr37), known)
                }
                Err(_) => (None, false),
            },
        };
        Plurals { rules, known, reached: OnceLock::new() }
    }

    /// Whether CLDR has rules for the locale's language (otherwise English rules stand in).
    pub fn known(&self) -> bool {
        self.known
    }

    /// The category of `n` (`one`, `few`, `other`, ...); `None` when the locale has no rules.
    pub fn category(&self, n: f64) -> Option<&'static str> {
        // The shortest text that reads back as `n` (`1.5`, `3`), which is what fluent-bundle
        // takes the operands from too.
        self.select(&n.to_string()).map(|c| CLDR_ORDER[c])
    }

    /// How many categories the locale's numbers fall into: 1 for Japanese or Korean, 2 for
    /// English, 6 for Arabic; `None` when CLDR has no rules for the language. A tag CLDR lists
    /// only by its language (`zh-CN`, `pt-BR`) takes the language's rules.
    pub fn categories(&self) -> Option<usize> {
        self.category_names().map(|names| names.len())
    }

    /// Which categories the locale's numbers fall into, in CLDR's order (`zero`, `one`, `two`,
    /// `few`, `many`, `other`): `["one", "few", "many", "other"]` for Russian; `None` when CLDR
    /// has no rules for the language. ICU4X lists them for current CLDR; for CLDR 37 they are
    /// found by selecting sample numbers (integers 0-200, powers of ten, decimals with one and
    /// two digits), which reach every category CLDR defines (a test compares the two for the
    /// languages both know).
    pub fn category_names(&self) -> Option<Vec<&'static str>> {
        self.reached().map(|(_, all)| names(all))
    }

    /// The categories whole numbers fall into, the ones a count can take: `["one", "few",
    /// "many"]` for Russian (its `other` is for fractions only), `["one", "few", "other"]` for
    /// Czech (whose `many` is for fractions). The same samples as [`Plurals::category_names`],
    /// without the decimals.
    ///
    /// A category CLDR keeps for numbers in compact notation is left out, though exact millions
    /// written out take it too: the `many` of French (since CLDR 38), Spanish, Italian, Portuguese,
    /// Catalan and Galician ("1,5 M de fichiers", "1 000 000 de fichiers"). Fluent
    /// writes numbers out, and Mozilla's plural table, which translations are written against
    /// (compare-locales and Pontoon use it), does not list it: French is `["one", "other"]`.
    /// Breton's `many`, which exact millions take whatever the notation, stays.
    pub fn whole_number_categories(&self) -> Option<Vec<&'static str>> {
        self.reached().map(|(whole, _)| names(whole))
    }

    /// The index in [`CLDR_ORDER`] of the category of the number written `decimal`.
    fn select(&self, decimal: &str) -> Option<usize> {
        match self.rules.as_ref()? {
            Rules::Current(rules) => {
                let number = Decimal::from_str(decimal).ok()?;
                Some(index(rules.category_for(PluralOperands::from(&number))))
            }
            Rules::Cldr37(rules) => rules.select(decimal).ok().map(|c| c as usize),
        }
    }

    /// The categories the samples reach, sampled once per locale for every check that asks.
    fn reached(&self) -> Option<([bool; 6], [bool; 6])> {
        *self.reached.get_or_init(|| {
            if !self.known {
                return None;
            }
            let mut whole = [false; 6];
            let mut all = [false; 6];
            let integers = (0..=200u32).chain([1_000, 10_000, 100_000, 1_000_000]);
            match self.rules.as_ref()? {
                // ICU4X lists the rules' categories; whole numbers are sampled as numbers.
                Rules::Current(rules) => {
                    for n in integers {
                        whole[index(rules.category_for(n))] = true;
                    }
                    for category in rules.categories() {
                        all[index(category)] = true;
                    }
                }
                Rules::Cldr37(_) => {
                    for n in integers {
                        if let Some(category) = self.select(&n.to_string()) {
                            whole[category] = true;
                        }
                    }
                    all = whole;
                    let decimals = (0..=250u32)
                        .flat_map(|n| [format!("{}.{}", n / 10, n % 10), format!("{}.{:02}", n / 100, n % 100)]);
                    for sample in decimals {
                        if let Some(category) = self.select(&sample) {
                            all[category] = true;
                        }
                    }
                }
            }
            for (count, compact) in whole.iter_mut().zip(self.compact_notation()) {
                *count &= !compact;
            }
            Some((whole, all))
        })
    }

    /// The categories CLDR keeps for compact notation: those the exponent of a number in compact
    /// notation decides. 1.5 million in compact notation (`1.5c6`) is French `many`, written out
    /// (1,500,000) `other`; for a language whose rules know nothing of the notation both are the
    /// same. CLDR 37 (intl_pluralrules) has no such category.
    fn compact_notation(&self) -> [bool; 6] {
        let mut seen = [false; 6];
        let Some(Rules::Current(rules)) = &self.rules else {
            return seen;
        };
        for exponent in 1..=9 {
            let compact = CompactDecimal::from_str(&format!("1.5c{exponent}"));
            let written = Decimal::from_str(&format!("15{}", "0".repeat(exponent - 1)));
            if let (Ok(compact), Ok(written)) = (compact, written) {
                let category = rules.category_for(PluralOperands::from(&compact));
                if category != rules.category_for(PluralOperands::from(&written)) {
                    seen[index(category)] = true;
                }
            }
        }
        seen
    }
}

/// Current CLDR's rules for the tag, when ICU4X has rules of the language's own. CLDR keys plural
/// rules by language (and `pt-PT`): the script is left out of the request, which ICU4X would
/// otherwise follow to the root locale for a script the language is not usually written in
/// (`sr-Latn`, `pa-Arab`).
fn current(code: &str) -> Option<icu_plurals::PluralRules> {
    let tag = icu_locale_core::LanguageIdentifier::try_from_str(code).ok()?;
    let language = icu_locale_core::LanguageIdentifier::from((tag.language, None, tag.region));
    let rules = icu_plurals::PluralRules::try_new_cardinal((&language).into()).ok()?;
    // The root locale's rules (`other` alone) stand for every language ICU4X leaves out.
    let own = rules.categories().any(|c| c != PluralCategory::Other);
    own.then_some(rules)
}

/// CLDR 37's rules for the tag, negotiated as fluent-bundle negotiates them (falling back to
/// English), and whether they are the language's own.
fn cldr37(requested: LanguageIdentifier) -> (Option<intl_pluralrules::PluralRules>, bool) {
    let english = LanguageIdentifier::from_str("en").unwrap_or_default();
    let available = intl_pluralrules::PluralRules::get_locales(PluralRuleType::CARDINAL);
    let chosen =
        negotiate_languages(std::slice::from_ref(&requested), &available, Some(&english), NegotiationStrategy::Lookup)
            .first()
            .map(|&l| l.clone())
            .unwrap_or(english.clone());
    let known = chosen.language == requested.language && available.contains(&chosen);
    (intl_pluralrules::PluralRules::create(chosen, PluralRuleType::CARDINAL).ok(), known)
}

/// The index of an ICU4X category in [`CLDR_ORDER`].
fn index(category: PluralCategory) -> usize {
    match category {
        PluralCategory::Zero => 0,
        PluralCategory::One => 1,
        PluralCategory::Two => 2,
        PluralCategory::Few => 3,
        PluralCategory::Many => 4,
        PluralCategory::Other => 5,
    }
}

/// The names of the categories marked in `seen`, in CLDR's order.
fn names(seen: [bool; 6]) -> Vec<&'static str> {
    CLDR_ORDER.iter().zip(seen).filter(|&(_, s)| s).map(|(&name, _)| name).collect()
}

/// The categories in CLDR's order, which is also intl_pluralrules' `PluralCategory` discriminant.
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
