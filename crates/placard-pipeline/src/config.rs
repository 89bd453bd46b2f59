//! pipeline.yaml in two stages: [`RawConfig`] mirrors what the user wrote (every unknown key is an
//! error, because a typo must never silently switch a rule off); [`Config`] is what the rest of
//! Placard uses, with paths resolved against the file's folder and every value checked.
//! Every key is documented in docs/pipeline.md.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use placard_core::Limits;
use placard_fluent::forms::Value;
use placard_lint::{Required, Rules};
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::Error;

/// The file used when `-c/--config` is not given.
pub const DEFAULT_CONFIG: &str = "pipeline.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    campaign: Option<String>,
    locales: RawLocales,
    #[serde(default)]
    required: Vec<RawRequired>,
    #[serde(default)]
    variables: BTreeMap<String, RawValue>,
    fonts: Option<RawFonts>,
    #[serde(default)]
    templates: Vec<Spanned<String>>,
    output: Option<RawOutput>,
    #[serde(default)]
    limits: BTreeMap<String, Spanned<u64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFonts {
    dir: Spanned<String>,
    #[serde(default)]
    families: BTreeMap<String, RawFamily>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawFamily {
    Name(String),
    Detailed { family: String, line_height: Option<f32> },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutput {
    dir: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLocales {
    dir: String,
    reference: Spanned<String>,
    only: Option<Vec<Spanned<String>>>,
    strict: Option<bool>,
    #[serde(default)]
    external: Vec<Spanned<String>>,
    #[serde(default)]
    aliases: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequired {
    message: Spanned<String>,
    contains: Spanned<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawValue {
    Number(f64),
    String(String),
}

/// A locale code as written in pipeline.yaml, with the line it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfiguredLocale {
    pub code: String,
    pub line: u32,
    pub column: u32,
}

/// A validated pipeline.yaml.
#[derive(Clone, Debug)]
pub struct Config {
    /// The file this was read from.
    pub path: PathBuf,
    /// Its folder: every relative path in the file, and every path Placard shows, is relative to it.
    pub root: PathBuf,
    pub campaign: Option<String>,
    /// `locales.dir`, resolved against `root`.
    pub locales_dir: PathBuf,
    pub reference: ConfiguredLocale,
    pub only: Option<Vec<ConfiguredLocale>>,
    /// `locales.aliases`: folder code to the BCP 47 tag it stands for, checked to be a tag
    /// (Mozilla's legacy codes, `ja-JP-mac`, need no entry: see [`placard_core::LEGACY_CODES`]).
    pub aliases: BTreeMap<String, String>,
    /// `locales.exclude`: folders under `locales.dir` that are not locales and are not read.
    pub exclude: Vec<ConfiguredLocale>,
    pub rules: Rules,
    /// `fonts`: where the campaign's fonts are and which family each locale shapes with.
    pub fonts: Option<FontsConfig>,
    /// `templates`, resolved against `root` and checked to stay inside it.
    pub templates: Vec<PathBuf>,
    /// `output.dir` (default `dist`), resolved against `root`.
    pub out_dir: PathBuf,
    /// `limits`: the defaults, with any the owner raised or lowered (docs/RELIABILITY.md).
    pub limits: Limits,
}

/// The `fonts` section.
#[derive(Clone, Debug, PartialEq)]
pub struct FontsConfig {
    pub dir: PathBuf,
    /// Locale code (or `default`) to the family its text is shaped with first.
    pub families: BTreeMap<String, String>,
    /// Locale code to a factor on every template line height (Nastaliq needs taller lines).
    pub line_heights: BTreeMap<String, f32>,
}

impl FontsConfig {
    /// The family for `locale`: its own entry, its language's (`pa` for `pa-IN`), or `default`.
    pub fn family_for(&self, locale: &str) -> Option<&str> {
        let language = locale.split('-').next().unwrap_or(locale);
        self.families
            .get(locale)
            .or_else(|| self.families.get(language))
            .or_else(|| self.families.get("default"))
            .map(String::as_str)
    }

    /// The line-height factor for `locale` (1 unless configured).
    pub fn line_height_for(&self, locale: &str) -> f32 {
        let language = locale.split('-').next().unwrap_or(locale);
        self.line_heights.get(locale).or_else(|| self.line_heights.get(language)).copied().unwrap_or(1.0)
    }
}

impl Config {
    /// Reads and validates the pipeline file at `path`.
    pub fn load(path: &Path) -> Result<Config, Error> {
        let bytes = std::fs::read(path).map_err(|source| Error::ReadConfig { path: path.to_owned(), source })?;
        let text = crate::yaml::utf8(path, &bytes)?;
        Config::parse(path, text)
    }

    /// Validates `text` as the contents of the pipeline file at `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Config, Error> {
        let raw: RawConfig = crate::yaml::parse(path, text)?;
        let root = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        let invalid = |at: &serde_saphyr::Location, message: String| Error::Config {
            path: path.to_owned(),
            line: Some(at.line()),
            column: Some(at.column()),
            message,
        };
        let mut required = Vec::new();
        for rule in raw.required {
            if !is_message_id(&rule.message.value) {
                return Err(invalid(
                    &rule.message.referenced,
                    format!("`{}` is not a message id: write `id`, `-term` or `id.attribute`", rule.message.value),
                ));
            }
            if rule.contains.value.is_empty() || rule.contains.value.iter().any(|s| s.trim().is_empty()) {
                return Err(invalid(
                    &rule.contains.referenced,
                    format!("required message `{}` needs at least one non-empty `contains` string", rule.message.value),
                ));
            }
            required.push(Required { message: rule.message.value, contains: rule.contains.value });
        }
        let mut external = HashSet::new();
        for id in raw.locales.external {
            if !is_message_id(&id.value) || id.value.contains('.') {
                return Err(invalid(&id.referenced, format!("`{}` is not a message or term id", id.value)));
            }
            external.insert(id.value);
        }
        let mut aliases = BTreeMap::new();
        for (code, tag) in raw.locales.aliases {
            if let Err(why) = placard_core::Locale::with_tag(&code, &tag.value) {
                return Err(invalid(
                    &tag.referenced,
                    format!(
                        "locales.aliases.{code}: {why}; an alias names the tag the folder stands for, e.g. `ja-JP`"
                    ),
                ));
            }
            aliases.insert(code, tag.value);
        }
        let variables: HashMap<String, Value> = raw
            .variables
            .into_iter()
            .map(|(name, value)| {
                let value = match value {
                    RawValue::Number(n) => Value::Number(n),
                    RawValue::String(s) => Value::String(s),
                };
                (name, value)
            })
            .collect();
        let mut templates = Vec::new();
        for template in raw.templates {
            let resolved = crate::paths::inside(&root, &template.value)
                .map_err(|why| invalid(&template.referenced, format!("template `{}` {why}", template.value)))?;
            templates.push(resolved);
        }
        let fonts = match raw.fonts {
            Some(fonts) => {
                // Like locales.dir, the fonts folder is the owner's choice and may be shared.
                let dir = root.join(&fonts.dir.value);
                let mut families = BTreeMap::new();
                let mut line_heights = BTreeMap::new();
                for (locale, family) in fonts.families {
                    match family {
                        RawFamily::Name(name) => {
                            families.insert(locale, name);
                        }
                        RawFamily::Detailed { family, line_height } => {
                            if let Some(factor) = line_height {
                                if !(0.5..=3.0).contains(&factor) {
                                    return Err(invalid(
                                        &fonts.dir.referenced,
                                        format!("fonts.families.{locale}.line_height {factor}: use 0.5 to 3"),
                                    ));
                                }
                                line_heights.insert(locale.clone(), factor);
                            }
                            families.insert(locale, family);
                        }
                    }
                }
                Some(FontsConfig { dir, families, line_heights })
            }
            None => None,
        };
        let mut limits = Limits::default();
        for (key, value) in &raw.limits {
            limits.set(key, value.value).map_err(|why| invalid(&value.referenced, why.to_string()))?;
        }
        let out_dir = root.join(raw.output.map_or_else(|| "dist".to_owned(), |o| o.dir));
        let locale = |s: Spanned<String>| ConfiguredLocale {
            code: s.value,
            line: s.referenced.line() as u32,
            column: s.referenced.column() as u32,
        };
        Ok(Config {
            path: path.to_owned(),
            locales_dir: root.join(&raw.locales.dir),
            root,
            campaign: raw.campaign,
            reference: locale(raw.locales.reference),
            only: raw.locales.only.map(|only| only.into_iter().map(locale).collect()),
            aliases,
            exclude: raw.locales.exclude.into_iter().map(locale).collect(),
            rules: Rules { strict: raw.locales.strict.unwrap_or(true), required, variables, external, limits },
            fonts,
            templates,
            out_dir,
            limits,
        })
    }

    /// The locale a folder named `code` is: its alias's tag, a legacy code's, or the code itself.
    pub fn locale(&self, code: &str) -> Result<placard_core::Locale, placard_core::LocaleError> {
        match self.aliases.get(code) {
            Some(tag) => placard_core::Locale::with_tag(code, tag),
            None => placard_core::Locale::parse(code),
        }
    }

    /// The config file's path as shown in diagnostics (relative to its own folder).
    pub fn display_path(&self) -> String {
        self.path.file_name().map_or_else(|| DEFAULT_CONFIG.to_owned(), |n| n.to_string_lossy().into_owned())
    }
}

/// `id`, `-term`, optionally `.attribute`; identifiers as Fluent defines them.
fn is_message_id(id: &str) -> bool {
    let ident = |s: &str| {
        let mut chars = s.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let id = id.strip_prefix('-').unwrap_or(id);
    match id.split_once('.') {
        Some((name, attribute)) => ident(name) && ident(attribute),
        None => ident(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Error> {
        Config::parse(Path::new("job/pipeline.yaml"), text)
    }

    #[test]
    fn minimal_config_has_defaults() {
        let config = parse("locales:\n  dir: locales\n  reference: en-US\n").expect("valid");
        assert_eq!(config.locales_dir, Path::new("job/locales"));
        assert!(config.rules.strict);
        assert!(config.only.is_none());
        assert_eq!(config.reference.code, "en-US");
    }

    #[test]
    fn unknown_keys_are_errors_with_a_location() {
        let err = parse("locales:\n  dir: locales\n  reference: en-GB\n  stirct: false\n").expect_err("typo");
        let Error::Config { line, message, .. } = err else { panic!("expected a config error") };
        assert_eq!(line, Some(4));
        assert!(message.contains("stirct"), "{message}");
    }

    #[test]
    fn required_rules_are_validated() {
        let err = parse("locales: {dir: l, reference: en}\nrequired:\n  - message: \"bad id!\"\n    contains: [x]\n")
            .expect_err("bad id");
        assert!(matches!(err, Error::Config { line: Some(3), .. }), "{err}");
        let err = parse("locales: {dir: l, reference: en}\nrequired:\n  - message: helpline\n    contains: []\n")
            .expect_err("empty");
        assert!(err.to_string().contains("at least one"), "{err}");
        let ok = parse(
            "locales: {dir: l, reference: en}\nrequired:\n  - message: card.alt\n    contains: [\"0131 556 3535\"]\n",
        )
        .expect("valid");
        assert_eq!(ok.rules.required[0].split(), ("card", Some("alt")));
    }

    #[test]
    fn limits_can_be_raised_and_are_checked() {
        let config =
            parse("locales: {dir: l, reference: en}\nlimits:\n  ftl_file_mib: 32\n  forms: 4096\n").expect("valid");
        assert_eq!(config.limits.ftl_file_bytes, 32 * 1024 * 1024);
        assert_eq!(config.rules.limits.forms, 4096, "the linter sees the same limits");
        assert_eq!(config.limits.canvas_side, Limits::default().canvas_side);
        let err = parse("locales: {dir: l, reference: en}\nlimits:\n  placeable_depth: 100000\n")
            .expect_err("past the ceiling");
        assert!(matches!(err, Error::Config { line: Some(3), .. }), "{err}");
        assert!(err.to_string().contains("placeable_depth 100000: use 1 to 128"), "{err}");
        let err = parse("locales: {dir: l, reference: en}\nlimits:\n  ftl_size: 1\n").expect_err("unknown");
        assert!(err.to_string().contains("unknown limit `ftl_size`"), "{err}");
        let err = parse("locales: {dir: l, reference: en}\nlimits:\n  forms: lots\n").expect_err("not a number");
        assert!(matches!(err, Error::Config { line: Some(3), .. }), "{err}");
    }

    #[test]
    fn aliases_name_tags_and_legacy_codes_need_none() {
        let config =
            parse("locales:\n  dir: l\n  reference: en-US\n  aliases: {mozilla-ur: ur}\n  exclude: [_configs]\n")
                .expect("valid");
        let ur = config.locale("mozilla-ur").expect("aliased");
        assert!(ur.is_rtl() && ur.code() == "mozilla-ur");
        assert_eq!(config.locale("ja-JP-mac").expect("built in").tag(), "ja-JP");
        assert!(config.locale("pt_BR").is_err());
        assert_eq!(config.exclude[0].code, "_configs");
        let err =
            parse("locales:\n  dir: l\n  reference: en-US\n  aliases:\n    ja-JP-mac: ja_JP\n").expect_err("bad tag");
        assert!(matches!(err, Error::Config { line: Some(5), .. }), "{err}");
        assert!(err.to_string().contains("`ja_JP` is not a valid BCP 47 language tag"), "{err}");
    }

    #[test]
    fn broken_yaml_names_line_and_column() {
        let err = parse("locales:\n  dir: [unclosed\n").expect_err("broken");
        assert!(matches!(err, Error::Config { line: Some(_), .. }), "{err}");
        assert!(err.to_string().starts_with("job/pipeline.yaml:"), "{err}");
    }
}
