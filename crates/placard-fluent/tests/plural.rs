//! Plural categories per locale, negotiated as fluent-bundle negotiates them.

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
}

#[test]
fn an_unknown_language_formats_with_english_rules_but_is_not_known() {
    let unknown = Plurals::for_locale("qaa");
    assert!(!unknown.known());
    assert_eq!(unknown.category(1.0), Some("one"));
    let unparsable = Plurals::for_locale("not a tag");
    assert!(!unparsable.known());
    assert_eq!(unparsable.category(1.0), None);
}
