//! Plural categories per locale: current CLDR (ICU4X) where ICU4X has the language's rules,
//! CLDR 37 (intl_pluralrules, negotiated as fluent-bundle negotiates) for those it leaves out.

use placard_fluent::plural::Plurals;

#[test]
fn regional_tags_use_their_languages_rules() {
    let en_gb = Plurals::for_locale("en-GB");
    assert!(en_gb.known());
    assert_eq!(en_gb.category(1.0), Some("one"));
    assert_eq!(en_gb.category(2.0), Some("other"));
    let pl = Plurals::for_locale("pl");
    assert_eq!([1.0, 3.0, 5.0, 22.0].map(|n| pl.category(n)), [Some("one"), Some("few"), Some("many"), Some("few")]);
    // pt-PT has rules of its own, pt-BR those of pt: 0 is "one" only in Brazil.
    assert_eq!(Plurals::for_locale("pt-BR").category(0.0), Some("one"));
    assert_eq!(Plurals::for_locale("pt-PT").category(0.0), Some("other"));
    let zh = Plurals::for_locale("zh-CN");
    assert!(zh.known());
    assert_eq!([0.0, 1.0, 2.0].map(|n| zh.category(n)), [Some("other"); 3]);
    // Thunderbird's `ja-JP-mac` is linted as ja-JP.
    assert_eq!(Plurals::for_locale("ja-JP").category_names(), Some(vec!["other"]));
}

#[test]
fn a_script_the_language_is_not_usually_written_in_keeps_the_languages_rules() {
    // CLDR keys plural rules by language; ICU4X's fallback alone would give sr-Latn the root
    // locale's `other`.
    let sr_latn = Plurals::for_locale("sr-Latn");
    assert_eq!(sr_latn.category_names(), Plurals::for_locale("sr").category_names());
    assert_eq!([1.0, 2.0, 5.0].map(|n| sr_latn.category(n)), [Some("one"), Some("few"), Some("other")]);
}

#[test]
fn an_unknown_language_formats_with_english_rules_but_is_not_known() {
    let unknown = Plurals::for_locale("qaa");
    assert!(!unknown.known());
    assert_eq!(unknown.category(1.0), Some("one"));
    // Western Armenian, a Thunderbird locale: in neither CLDR 37 nor current CLDR.
    let hye = Plurals::for_locale("hye");
    assert!(!hye.known());
    assert_eq!(hye.categories(), None);
    let unparsable = Plurals::for_locale("not a tag");
    assert!(!unparsable.known());
    assert_eq!(unparsable.category(1.0), None);
}

#[test]
fn hebrew_has_current_cldrs_categories() {
    // CLDR 42 dropped Hebrew `many` (20, 30, 40, …, CLDR 37) and gave `one` the fractions
    // below 1.
    let he = Plurals::for_locale("he");
    assert_eq!(he.category_names(), Some(vec!["one", "two", "other"]));
    assert_eq!(he.whole_number_categories(), Some(vec!["one", "two", "other"]));
    assert_eq!(
        [1.0, 2.0, 20.0, 100.0, 0.5].map(|n| he.category(n)),
        [Some("one"), Some("two"), Some("other"), Some("other"), Some("one")]
    );
}

#[test]
fn a_category_for_compact_notation_is_not_one_a_count_needs() {
    // French `many` (CLDR 38) is for compact notation (1,5 M de fichiers) and exact millions: a
    // million is selected as `many`, but a count does not need the form.
    let fr = Plurals::for_locale("fr");
    assert_eq!(fr.category(1_000_000.0), Some("many"));
    assert_eq!(fr.category_names(), Some(vec!["one", "many", "other"]));
    assert_eq!(fr.whole_number_categories(), Some(vec!["one", "other"]));
    for code in ["es-ES", "it", "pt-BR", "ca", "gl"] {
        assert_eq!(Plurals::for_locale(code).whole_number_categories(), Some(vec!["one", "other"]), "{code}");
    }
    // Breton's `many` is for exact millions whatever the notation: a count needs it.
    let br = Plurals::for_locale("br");
    assert_eq!(br.category(2_000_000.0), Some("many"));
    assert_eq!(br.whole_number_categories(), Some(vec!["one", "two", "few", "many", "other"]));
}

#[test]
fn a_language_icu4x_leaves_out_has_cldr_37s_rules() {
    // ICU4X ships rules for the languages it has locale data for; Kabyle (a Thunderbird locale)
    // is not one, and its rules (0 and 1 are `one`) come from CLDR 37.
    let kab = Plurals::for_locale("kab");
    assert!(kab.known());
    assert_eq!(kab.category_names(), Some(vec!["one", "other"]));
    assert_eq!([0.0, 1.0, 2.0].map(|n| kab.category(n)), [Some("one"), Some("one"), Some("other")]);
}

#[test]
fn modulo_rules_take_the_whole_number() {
    // CLDR's Arabic `few` is `n % 100 = 3..10` (103-110 included), Lithuanian `few`
    // `n % 10 = 2..9 and n % 100 != 11..19`; intl_pluralrules (and so fluent-bundle) drops the
    // modulus and calls 103 and 22 `other`.
    let ar = Plurals::for_locale("ar");
    assert_eq!([103.0, 111.0, 3.5].map(|n| ar.category(n)), [Some("few"), Some("many"), Some("other")]);
    let lt = Plurals::for_locale("lt");
    assert_eq!([22.0, 11.0, 2.5].map(|n| lt.category(n)), [Some("few"), Some("other"), Some("many")]);
}

#[test]
fn languages_icu4x_knows_take_its_current_categories() {
    // Not CLDR 37's (sampled through intl_pluralrules): each of these has a category list of
    // its own in ICU4X, which category_names() must give (Hebrew without `many`, `vi` with `one`).
    for code in [
        "ar", "be", "br", "bs", "ca", "cs", "cy", "de", "dsb", "en", "es", "fr", "ga", "gd", "gl", "he", "hr", "hsb",
        "is", "it", "ja", "lt", "lv", "mk", "mt", "pl", "pt", "pt-PT", "ro", "ru", "sl", "sr", "uk", "vi",
    ] {
        let language: icu_locale_core::LanguageIdentifier = code.parse().expect("a tag");
        let rules = icu_plurals::PluralRules::try_new_cardinal((&language).into()).expect("rules");
        let cldr: Vec<String> = rules.categories().map(|c| format!("{c:?}").to_lowercase()).collect();
        let sampled = Plurals::for_locale(code).category_names().expect("known");
        assert_eq!(sampled, cldr, "{code}");
    }
}
