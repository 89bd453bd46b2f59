//! A locale, parsed once: the code its folder is named by, and the BCP 47 tag that code stands
//! for, with the direction and script ICU4X's likely-subtags data gives it. Every crate asks this
//! type rather than keeping its own table of right-to-left languages.
//!
//! The code and the tag are the same but for a legacy code Mozilla still ships (`ja-JP-mac`) or
//! one a campaign aliases in pipeline.yaml (`locales.aliases`): findings always carry the code.

use std::fmt;

use icu_locale::{Direction, LocaleDirectionality, LocaleExpander};

/// Mozilla's shipping codes that are not BCP 47 tags, each with the tag it stands for
/// (`ja-JP-mac`, Japanese as Firefox and Thunderbird ship it on macOS; `mac` is too short to be
/// a variant subtag).
pub const LEGACY_CODES: &[(&str, &str)] = &[("ja-JP-mac", "ja-JP")];

/// A locale as Placard knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locale {
    code: String,
    tag: icu_locale::Locale,
    script: Option<String>,
    rtl: bool,
}

/// A code that is not a BCP 47 language tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocaleError {
    pub code: String,
}

impl fmt::Display for LocaleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a valid BCP 47 language tag", self.code)
    }
}

impl std::error::Error for LocaleError {}

impl Locale {
    /// Parses `code` as a BCP 47 tag, or as one of Mozilla's [`LEGACY_CODES`].
    pub fn parse(code: &str) -> Result<Locale, LocaleError> {
        let tag = LEGACY_CODES.iter().find(|(legacy, _)| *legacy == code).map_or(code, |(_, tag)| *tag);
        Locale::with_tag(code, tag)
    }

    /// The locale named `code` (a folder's name, kept as written) that is the language `tag`.
    pub fn with_tag(code: &str, tag: &str) -> Result<Locale, LocaleError> {
        let tag = parse_tag(tag)?;
        // ICU4X's extended likely subtags cover every language CLDR knows (`sd` is Arabic
        // script, `pa` Gurmukhi, `pa-PK` Arabic); an explicit script subtag wins.
        let expander = LocaleExpander::new_extended();
        let mut likely = tag.id.clone();
        expander.maximize(&mut likely);
        let script = likely.script.map(|s| s.as_str().to_owned());
        let rtl = LocaleDirectionality::new_with_expander(expander).get(&tag.id) == Some(Direction::RightToLeft);
        Ok(Locale { code: code.to_owned(), tag, script, rtl })
    }

    /// The code as the folder (or pipeline.yaml) writes it: what findings carry.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The BCP 47 tag, normalised (`zh-Hans-CN-x-private`, `ja-JP` for `ja-JP-mac`).
    pub fn tag(&self) -> String {
        self.tag.to_string()
    }

    /// The tag without extensions or private use (`en-US` for `en-US-u-ca-gregory`): what
    /// plural rules and message formatting take.
    pub fn language_tag(&self) -> String {
        self.tag.id.to_string()
    }

    /// The language subtag alone (`pa` for `pa-Arab-PK`).
    pub fn language(&self) -> &str {
        self.tag.id.language.as_str()
    }

    /// The script the locale is written in, as an ISO 15924 code (`Arab`, `Guru`, `Jpan`):
    /// the tag's own script subtag, else the likely one; `None` for a language CLDR does not know.
    pub fn script(&self) -> Option<&str> {
        self.script.as_deref()
    }

    /// Whether text in this locale is set in right-to-left paragraphs.
    pub fn is_rtl(&self) -> bool {
        self.rtl
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)
    }
}

/// Parses a BCP 47 tag with hyphens: `en_GB` is a POSIX locale name, not a tag.
fn parse_tag(tag: &str) -> Result<icu_locale::Locale, LocaleError> {
    let error = || LocaleError { code: tag.to_owned() };
    if tag.contains('_') {
        return Err(error());
    }
    icu_locale::Locale::try_from_str(tag).map_err(|_| error())
}

/// The entry of `map` for the locale `code`: its own, else its language's (`pa` for `pa-IN`),
/// as pipeline.yaml's per-locale settings and a layer's per-locale images are looked up.
pub fn entry_for<'m, V>(map: &'m std::collections::BTreeMap<String, V>, code: &str) -> Option<&'m V> {
    let language = code.split('-').next().unwrap_or(code);
    map.get(code).or_else(|| map.get(language))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_the_locale_s_own_else_its_language_s() {
        let map: std::collections::BTreeMap<String, u8> = [("pa".to_owned(), 1), ("zh-Hans".to_owned(), 2)].into();
        assert_eq!(entry_for(&map, "pa-IN"), Some(&1));
        assert_eq!(entry_for(&map, "zh-Hans"), Some(&2));
        assert_eq!(entry_for(&map, "zh-Hant"), None);
        assert_eq!(entry_for(&map, "de"), None);
    }

    fn locale(code: &str) -> Locale {
        Locale::parse(code).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn direction_follows_language_and_script() {
        for rtl in ["ar", "ur", "he", "fa", "sd", "pa-Arab", "pa-PK", "ar-EG", "ckb", "yi", "dv"] {
            assert!(locale(rtl).is_rtl(), "{rtl}");
        }
        for ltr in ["en-GB", "pa", "pa-IN", "zh-Hans", "gd", "uk", "az-Latn", "ja-JP-mac", "en-XA", "hye"] {
            assert!(!locale(ltr).is_rtl(), "{ltr}");
        }
        assert!(locale("ar-XB").is_rtl(), "the right-to-left pseudo-locale");
    }

    #[test]
    fn script_is_the_likely_one_unless_written() {
        assert_eq!(locale("pa").script(), Some("Guru"));
        assert_eq!(locale("pa-PK").script(), Some("Arab"));
        assert_eq!(locale("sr-Latn").script(), Some("Latn"));
        assert_eq!(locale("sr").script(), Some("Cyrl"));
        assert_eq!(locale("ja-JP-mac").script(), Some("Jpan"));
        assert_eq!(locale("km").script(), Some("Khmr"));
    }

    #[test]
    fn extensions_and_private_use_are_valid() {
        let zh = locale("zh-Hans-CN-x-private");
        assert_eq!((zh.tag().as_str(), zh.language_tag().as_str()), ("zh-Hans-CN-x-private", "zh-Hans-CN"));
        let en = locale("en-US-u-ca-gregory");
        assert_eq!(en.language_tag(), "en-US");
    }

    #[test]
    fn legacy_codes_keep_their_code_and_take_their_tag() {
        let ja = locale("ja-JP-mac");
        assert_eq!((ja.code(), ja.tag().as_str(), ja.language()), ("ja-JP-mac", "ja-JP", "ja"));
        let aliased = Locale::with_tag("mozilla-ur", "ur").expect("valid tag");
        assert!(aliased.is_rtl() && aliased.code() == "mozilla-ur");
    }

    #[test]
    fn posix_names_and_other_folders_are_not_tags() {
        for bad in ["pt_BR", "_configs", "en_GB", "", "ja-JP-mac2", "toolong-language", "x"] {
            assert!(Locale::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Locale::parse("pt_BR").unwrap_err().to_string(), "`pt_BR` is not a valid BCP 47 language tag");
    }
}
