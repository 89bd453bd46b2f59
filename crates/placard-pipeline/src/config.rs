//! pipeline.yaml in two stages: [`RawConfig`] mirrors what the user wrote (every unknown key is an
//! error, because a typo must never silently switch a rule off); [`Config`] is what the rest of
//! Placard uses, with paths resolved against the file's folder and every value checked.
//! Every key is documented in docs/pipeline.md.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use placard_core::Limits;
use placard_fluent::forms::Value;
use placard_lint::{Lockup, Required, Rules};
use schemars::JsonSchema;
use serde::Deserialize;

use crate::Error;
use crate::yaml::{At, Faults, Tolerant};

/// The file used when `-c/--config` is not given.
pub const DEFAULT_CONFIG: &str = "pipeline.yaml";

/// A Placard job: where the translations, fonts and templates are, and the rules every locale must
/// pass. Paths are relative to this file's folder. Every key is described in docs/pipeline.md.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "the keys of pipeline.yaml (`locales`, `templates`, ...)")]
#[schemars(title = "Placard pipeline.yaml")]
pub(crate) struct RawConfig {
    /// A name for the campaign; not used by the checks.
    campaign: Option<String>,
    /// Where the translations are, which locale is the reference, and which locales to check.
    locales: RawLocales,
    /// Rules every locale must pass: a message that must exist and show each `contains` string
    /// exactly, in reading order (the helpline's name and number).
    #[serde(default)]
    required: Vec<At<Tolerant<RawRequired>>>,
    /// Values the application passes to messages (a string or a number each): a selector on one of
    /// them shows only the variant it chooses.
    #[serde(default)]
    variables: BTreeMap<String, RawValue>,
    /// Where the campaign's fonts are and which family each locale's text is shaped with.
    fonts: Option<RawFonts>,
    /// The template files to build, e.g. `assets/templates/instagram-square.yaml`; each must stay
    /// inside the project folder.
    #[serde(default)]
    templates: Vec<At<String>>,
    /// Where the built images go.
    output: Option<RawOutput>,
    /// How much input Placard takes before it stops; raise a limit only when a real file needs it
    /// (docs/RELIABILITY.md lists every key, its default and its ceiling).
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::limits")]
    limits: BTreeMap<String, At<u64>>,
}

/// The `fonts` section.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "`dir` and `families`")]
#[schemars(rename = "Fonts")]
struct RawFonts {
    /// The folder of the campaign's fonts: every .ttf and .otf file in it is loaded (never a system
    /// font).
    dir: At<String>,
    /// The family each locale's text is shaped with first, by locale code or language (`ar`,
    /// `zh-Hans`), with `default` for the rest; a family name, or `{family, line_height}`.
    #[serde(default)]
    families: BTreeMap<String, At<RawFamily>>,
}

/// A font family, by name or with a line-height factor.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged, deny_unknown_fields, expecting = "a family name, or `{ family: NAME, line_height: FACTOR }`")]
#[schemars(rename = "Family")]
enum RawFamily {
    /// The family's name, as the font file gives it, e.g. `Noto Sans Arabic`.
    Name(String),
    /// A family and a factor on every template line height, replacing the script's default
    /// (`placard_layout::line_height_factor`: 1.05 for Arabic, 1.8 for Nastaliq).
    Detailed {
        /// The family's name, as the font file gives it.
        family: String,
        /// A factor on every line height of this locale's text, 0.5 to 3.
        #[schemars(range(min = 0.5, max = 3.0))]
        line_height: Option<f32>,
    },
}

/// The `output` section.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "`dir`")]
#[schemars(rename = "Output")]
struct RawOutput {
    /// The folder the images, manifest.json and the contact sheet are written to (default `dist`;
    /// `placard build --out DIR` overrides it).
    dir: String,
}

/// The `locales` section.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "`dir`, `reference` and the other keys of `locales`")]
#[schemars(rename = "Locales")]
struct RawLocales {
    /// The folder with one sub-folder per locale, each named by its BCP 47 tag (`pl`, `zh-Hans`).
    dir: String,
    /// The source locale (e.g. `en-GB`): every other locale is compared with it, file by file.
    reference: At<String>,
    /// Check only these locales (default: every folder under `dir`).
    only: Option<Vec<At<String>>>,
    /// Whether a missing message is an error (`true`, the default) or a warning (`false`, for a
    /// product that ships partial translations with fallback).
    strict: Option<bool>,
    /// Message and term ids (`-brand-short-name`) defined by files outside this tree.
    #[serde(default)]
    external: Vec<At<String>>,
    /// A folder code that is not itself a BCP 47 tag, mapped to the tag it stands for
    /// (`ur_PK: ur-PK`); the folder keeps its name everywhere.
    #[serde(default)]
    aliases: BTreeMap<String, At<String>>,
    /// Folders under `dir` that are not locales (a `_configs` folder): not read, not reported.
    #[serde(default)]
    exclude: Vec<At<String>>,
}

/// One rule of `required`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a rule: `message` and `contains`")]
#[schemars(rename = "Required")]
struct RawRequired {
    /// The message the rule is about: `id`, `-term` or `id.attribute` (e.g. `deterrence-card.alt`).
    message: At<String>,
    /// Text that must appear exactly in every form of the message a reader could see, e.g.
    /// `["Stop It Now", "0131 556 3535"]`.
    #[schemars(length(min = 1))]
    contains: At<Vec<String>>,
    /// Draw the message as a lock-up: one unbreakable unit on a line of its own, at least `scale`
    /// times the size of the message `after` that leads into it (drawn just before it in every
    /// template that shows it), e.g. `{ after: helpline-lead, scale: 1.25 }`.
    lockup: Option<At<RawLockup>>,
}

/// A lock-up: how a required message stands out from the sentence that leads into it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a lock-up: `{ after: <message id>, scale: 1.25 }`")]
#[schemars(rename = "Lockup")]
struct RawLockup {
    /// The message (a lead-in sentence) drawn just before the lock-up.
    after: At<String>,
    /// The lock-up's size over the lead-in's, at least: 1 to 4 (default 1.25).
    #[schemars(range(min = 1.0, max = 4.0))]
    scale: Option<At<f32>>,
}

/// A value the application passes to messages.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged, expecting = "a number or a string")]
#[schemars(rename = "Variable")]
enum RawValue {
    /// A number: a selector on it chooses by the locale's plural rules.
    Number(f64),
    /// A string: a selector on it chooses the variant of that name.
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
#[derive(Clone, Debug, Default, PartialEq)]
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
        placard_core::entry_for(&self.families, locale).or_else(|| self.families.get("default")).map(String::as_str)
    }

    /// The line-height factor configured for `locale` (its own entry, else its language's); without
    /// one the build uses its script's default (`placard_layout::line_height_factor`).
    pub fn line_height_for(&self, locale: &str) -> Option<f32> {
        placard_core::entry_for(&self.line_heights, locale).copied()
    }
}

impl Config {
    /// Reads and validates the pipeline file at `path`.
    pub fn load(path: &Path) -> Result<Config, Error> {
        let bytes = std::fs::read(path).map_err(|source| Error::ReadConfig { path: path.to_owned(), source })?;
        let text = crate::yaml::utf8(path, &bytes)?;
        Config::parse(path, text)
    }

    /// Validates `text` as the contents of the pipeline file at `path`: every fault in it at once.
    pub fn parse(path: &Path, text: &str) -> Result<Config, Error> {
        let faults = Faults::new(path);
        let config = faults.read::<RawConfig>(text).map(|raw| Config::check(path, raw, &faults));
        faults.finish(config)
    }

    /// The validated form of `raw`, every fault recorded in `faults` (the value is then unused).
    fn check(path: &Path, raw: RawConfig, faults: &Faults) -> Config {
        let root = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        let mut required = Vec::new();
        let mut lockups = Vec::new();
        for rule in raw.required {
            let Tolerant(Some(rule)) = rule.value else { continue };
            if !is_message_id(&rule.message.value) {
                faults.at(
                    &rule.message,
                    format!("`{}` is not a message id: write `id`, `-term` or `id.attribute`", rule.message.value),
                );
            }
            if rule.contains.value.is_empty() || rule.contains.value.iter().any(|s| s.trim().is_empty()) {
                faults.at(
                    &rule.contains,
                    format!("required message `{}` needs at least one non-empty `contains` string", rule.message.value),
                );
            }
            if let Some(lockup) = &rule.lockup {
                let after = &lockup.value.after;
                if !is_message_id(&after.value) || after.value == rule.message.value {
                    faults.at(
                        after,
                        format!(
                            "lockup.after `{}`: name the message that leads into `{}` (another message id)",
                            after.value, rule.message.value
                        ),
                    );
                }
                let scale = match &lockup.value.scale {
                    Some(s) if !(1.0..=4.0).contains(&s.value) => {
                        faults.at(s, format!("lockup.scale {}: use 1 to 4", s.value));
                        1.25
                    }
                    Some(s) => s.value,
                    None => 1.25,
                };
                lockups.push(Lockup { message: rule.message.value.clone(), after: after.value.clone(), scale });
            }
            required.push(Required { message: rule.message.value, contains: rule.contains.value });
        }
        let mut external = HashSet::new();
        for id in raw.locales.external {
            if !is_message_id(&id.value) || id.value.contains('.') {
                faults.at(&id, format!("`{}` is not a message or term id", id.value));
            }
            external.insert(id.value);
        }
        let mut aliases = BTreeMap::new();
        for (code, tag) in raw.locales.aliases {
            if let Err(why) = placard_core::Locale::with_tag(&code, &tag.value) {
                faults.at(
                    &tag,
                    format!(
                        "locales.aliases.{code}: {why}; an alias names the tag the folder stands for, e.g. `ja-JP`"
                    ),
                );
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
            match crate::paths::inside(&root, &template.value) {
                Ok(resolved) => templates.push(resolved),
                Err(why) => faults.at(&template, format!("template `{}` {why}", template.value)),
            }
        }
        let fonts = raw.fonts.map(|fonts| {
            // Like locales.dir, the fonts folder is the owner's choice and may be shared.
            let dir = root.join(&fonts.dir.value);
            let mut families = BTreeMap::new();
            let mut line_heights = BTreeMap::new();
            for (locale, family) in fonts.families {
                match family.value {
                    RawFamily::Name(name) => {
                        families.insert(locale, name);
                    }
                    RawFamily::Detailed { family: name, line_height } => {
                        if let Some(factor) = line_height {
                            if (0.5..=3.0).contains(&factor) {
                                line_heights.insert(locale.clone(), factor);
                            } else {
                                faults.at_line(
                                    family.line,
                                    family.column,
                                    format!("fonts.families.{locale}.line_height {factor}: use 0.5 to 3"),
                                );
                            }
                        }
                        families.insert(locale, name);
                    }
                }
            }
            FontsConfig { dir, families, line_heights }
        });
        let mut limits = Limits::default();
        for (key, value) in &raw.limits {
            match limits.set(key, value.value) {
                Err(placard_core::LimitError::UnknownKey(_)) => {
                    let names: Vec<&'static str> = placard_core::LIMIT_KEYS.iter().map(|k| k.name).collect();
                    faults.at(value, format!("limits: {}", crate::yaml::unknown_key(key, &names)));
                }
                Err(why) => faults.at(value, why.to_string()),
                Ok(()) => {}
            }
        }
        let out_dir = root.join(raw.output.map_or_else(|| "dist".to_owned(), |o| o.dir));
        let locale = |s: At<String>| ConfiguredLocale { code: s.value, line: s.line as u32, column: s.column as u32 };
        Config {
            path: path.to_owned(),
            locales_dir: root.join(&raw.locales.dir),
            root,
            campaign: raw.campaign,
            reference: locale(raw.locales.reference),
            only: raw.locales.only.map(|only| only.into_iter().map(locale).collect()),
            aliases,
            exclude: raw.locales.exclude.into_iter().map(locale).collect(),
            rules: Rules { strict: raw.locales.strict.unwrap_or(true), required, variables, external, limits, lockups },
            fonts,
            templates,
            out_dir,
            limits,
        }
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
        assert!(err.to_string().contains("limits: unknown key `ftl_size`; the keys here are `ftl_file_mib`"), "{err}");
        let err = parse("locales: {dir: l, reference: en}\nlimits:\n  ftl_file_mb: 32\n").expect_err("typo");
        assert!(err.to_string().contains("unknown key `ftl_file_mb`; did you mean `ftl_file_mib`?"), "{err}");
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
    fn every_fault_of_the_file_is_reported_in_file_order() {
        let err = parse(
            "locales:\n  dir: l\n  reference: en-GB\n  stirct: false\n  aliases: {mozilla-ur: ur_PK}\ntemplates: [../shared/card.yaml]\nrequired:\n  - message: helpline\n    contians: [x]\n  - message: \"bad id!\"\n    contains: [x]\n",
        )
        .expect_err("faults");
        let faults: Vec<String> = err.faults().iter().map(ToString::to_string).collect();
        assert_eq!(
            faults,
            [
                "job/pipeline.yaml:4:3: locales: unknown key `stirct`; did you mean `strict`?",
                "job/pipeline.yaml:5:25: locales.aliases.mozilla-ur: `ur_PK` is not a valid BCP 47 language tag; an alias \
                 names the tag the folder stands for, e.g. `ja-JP`",
                "job/pipeline.yaml:6:13: template `../shared/card.yaml` leads outside the project folder",
                "job/pipeline.yaml:9:5: required[0]: unknown key `contians`; did you mean `contains`?",
                "job/pipeline.yaml:10:14: `bad id!` is not a message id: write `id`, `-term` or `id.attribute`",
            ]
        );
        assert!(err.to_string().starts_with("5 problems in the input:\n  job/pipeline.yaml:4:3: "), "{err}");
    }

    #[test]
    fn broken_yaml_names_line_and_column() {
        let err = parse("locales:\n  dir: [unclosed\n").expect_err("broken");
        assert!(matches!(err, Error::Config { line: Some(_), .. }), "{err}");
        assert!(err.to_string().starts_with("job/pipeline.yaml:"), "{err}");
    }
}
