//! `placard new-locale CODE`: a new locale folder with every reference file, each entry commented
//! out under the reference's own comments, so a translator starts from the reference text and its
//! context; and, when asked, the locale added to pipeline.yaml's `locales.only`.

use std::path::Path;

use crate::paths::relative;
use crate::{Config, Error, Workspace};

/// What [`new_locale`] did.
#[derive(Debug)]
pub struct NewLocale {
    /// The new folder, relative to the config's folder.
    pub dir: String,
    /// The files written, relative to the new folder.
    pub files: Vec<String>,
    /// Entries (messages and terms) to translate.
    pub entries: usize,
    /// What pipeline.yaml says about the new locale after the change: added to `only`, already
    /// included because there is no `only`, or left alone.
    pub pipeline: PipelineChange,
    /// Notes for the translator and the designer (direction, fonts), also written at the top of
    /// every file.
    pub notes: Vec<String>,
}

/// What happened to pipeline.yaml.
#[derive(Debug, PartialEq, Eq)]
pub enum PipelineChange {
    /// `locales.only` now lists the locale.
    Added,
    /// There is no `locales.only`: every locale folder is built already.
    IncludedAlready,
    /// `locales.only` does not list it and it was not asked to: the locale is not built yet.
    NotListed,
}

/// Scripts (ISO 15924, as [`placard_core::Locale::script`] gives a locale's) that the campaign's
/// default font (Noto Sans: Latin, Greek, Cyrillic) does not cover, with their name and a Noto
/// family that does. Urdu is Arabic script but set in Nastaliq: see [`script_font`].
const SCRIPTS: &[(&str, &str, &str)] = &[
    ("Arab", "Arabic", "Noto Sans Arabic"),
    ("Hebr", "Hebrew", "Noto Sans Hebrew"),
    ("Hans", "Chinese", "Noto Sans CJK SC (Simplified) or TC (Traditional)"),
    ("Hant", "Chinese", "Noto Sans CJK SC (Simplified) or TC (Traditional)"),
    ("Jpan", "Japanese", "Noto Sans CJK JP"),
    ("Kore", "Korean", "Noto Sans CJK KR"),
    ("Deva", "Devanagari", "Noto Sans Devanagari"),
    ("Guru", "Gurmukhi", "Noto Sans Gurmukhi"),
    ("Beng", "Bengali", "Noto Sans Bengali"),
    ("Gujr", "Gujarati", "Noto Sans Gujarati"),
    ("Taml", "Tamil", "Noto Sans Tamil"),
    ("Telu", "Telugu", "Noto Sans Telugu"),
    ("Knda", "Kannada", "Noto Sans Kannada"),
    ("Mlym", "Malayalam", "Noto Sans Malayalam"),
    ("Sinh", "Sinhala", "Noto Sans Sinhala"),
    ("Thai", "Thai", "Noto Sans Thai"),
    ("Ethi", "Ethiopic", "Noto Sans Ethiopic"),
    ("Geor", "Georgian", "Noto Sans Georgian"),
    ("Armn", "Armenian", "Noto Sans Armenian"),
    ("Khmr", "Khmer", "Noto Sans Khmer"),
    ("Mymr", "Myanmar", "Noto Sans Myanmar"),
];

/// The script `locale` is written in and a font for it, when the default font does not cover it.
fn script_font(locale: &placard_core::Locale) -> Option<(&'static str, &'static str)> {
    if locale.language() == "ur" && locale.script() == Some("Arab") {
        return Some(("Arabic (Nastaliq)", "Noto Nastaliq Urdu (Placard sets Nastaliq lines taller by itself)"));
    }
    let script = locale.script()?;
    SCRIPTS.iter().find(|(code, _, _)| *code == script).map(|(_, name, font)| (*name, *font))
}

/// Creates the folder for `code` beside the other locales, from the reference locale's files.
/// With `add_to_pipeline`, also lists `code` in pipeline.yaml's `locales.only` (when there is
/// one). Nothing is written when the tag is invalid or the folder exists; the folder appears
/// whole or not at all.
pub fn new_locale(workspace: &Workspace, code: &str, add_to_pipeline: bool) -> Result<NewLocale, Error> {
    let config = &workspace.config;
    let refuse = |message: String| Error::Refused { message: format!("new-locale {code}: {message}") };
    if config.locale(code).is_err() {
        return Err(refuse(
            "not a BCP 47 language tag: use hyphens and a registered language, e.g. `pt-BR`, `zh-Hant`, `gd`"
                .to_owned(),
        ));
    }
    let dir = config.locales_dir.join(code);
    let display_dir = relative(&dir, &config.root);
    if dir.symlink_metadata().is_ok() {
        return Err(refuse(format!("{display_dir} already exists; new-locale never overwrites a locale")));
    }
    let reference = &config.reference.code;
    let Some(source) = workspace.reference() else {
        return Err(refuse(format!("the reference locale {reference} has no folder to copy from")));
    };

    let notes = notes(config, code);
    let mut files = Vec::new();
    let mut entries = 0;
    let mut contents = Vec::new();
    for file in &source.files {
        let (text, count) = comment_out(file.parsed.source_text());
        entries += count;
        let header = header(code, reference, &file.path, &notes);
        contents.push((file.path.clone(), format!("{header}{text}")));
        files.push(file.path.clone());
    }

    // Write into a hidden folder beside the target, then rename it into place.
    let staging = config.locales_dir.join(format!(".{code}.new-{}", std::process::id()));
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| cannot_write(&path, source)
    };
    let written = (|| {
        std::fs::create_dir_all(&staging).map_err(io(&staging))?;
        for (path, text) in &contents {
            let target = staging.join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            std::fs::write(&target, text).map_err(io(&target))?;
        }
        std::fs::rename(&staging, &dir).map_err(io(&dir))
    })();
    if let Err(error) = written {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(error);
    }

    let pipeline = match (&config.only, add_to_pipeline) {
        (None, _) => PipelineChange::IncludedAlready,
        (Some(_), false) => PipelineChange::NotListed,
        (Some(_), true) => {
            add_to_only(&config.path, code)?;
            PipelineChange::Added
        }
    };
    Ok(NewLocale { dir: display_dir, files, entries, pipeline, notes })
}

/// Notes on direction and fonts that apply to `code`.
fn notes(config: &Config, code: &str) -> Vec<String> {
    let mut notes = Vec::new();
    let Ok(locale) = config.locale(code) else { return notes };
    if locale.is_rtl() {
        notes.push(
            "This locale is written right to left. Keep phone numbers and other left-to-right runs \
             isolated so they never reverse: -helpline-number = { \"\\u2066\" }0131 556 3535{ \"\\u2069\" } \
             (see docs/checks.md, bidi-order)."
                .to_owned(),
        );
    }
    let language = locale.language();
    if let Some((script, suggestion)) = script_font(&locale) {
        let configured = config
            .fonts
            .as_ref()
            .and_then(|f| f.families.get(code).or_else(|| f.families.get(language)).map(String::as_str));
        match configured {
            Some(family) => {
                notes.push(format!("Text in {script} script is shaped with `{family}` (pipeline.yaml fonts.families)."))
            }
            None => notes.push(format!(
                "{script} script needs its own font: the default family does not cover it, so `placard lint` \
                 will report missing-glyph. Designers: add its font under the fonts folder (with its licence) \
                 and `{code}: {suggestion}` under fonts.families in pipeline.yaml."
            )),
        }
    }
    notes
}

/// The `###` comment at the top of each new file.
fn header(code: &str, reference: &str, path: &str, notes: &[String]) -> String {
    let mut out = format!(
        "### {code}: translation of {reference}/{path}, made by `placard new-locale {code}`.\n\
         ### Every entry below is the {reference} text, commented out. To translate one, remove the\n\
         ### `# ` in front of each of its lines and replace the text after `=`. Keep ids, `{{ $variables }}`\n\
         ### and `{{ -terms }}` exactly as they are; names and numbers (such as -helpline-number) usually\n\
         ### stay as they are too. Comments above an entry explain where it appears.\n"
    );
    for note in notes {
        for line in wrap(note, 92) {
            out.push_str("### ");
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push('\n');
    out
}

/// Every entry line of `text` commented out (comments and blank lines kept as they are), and how
/// many entries there were. Lines are taken as Fluent defines them: an entry starts at a line
/// that begins with an identifier or `-`; indented lines continue it.
fn comment_out(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut entries = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare.is_empty() || bare.starts_with('#') {
            out.push_str(line);
            continue;
        }
        if bare.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-') {
            entries += 1;
        }
        out.push_str("# ");
        out.push_str(line);
    }
    if !out.ends_with('\n') && !out.is_empty() {
        out.push('\n');
    }
    (out, entries)
}

/// `text` in lines of at most `width` characters, broken at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let line = lines.last_mut().expect("at least one line");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// Adds `code` to `locales.only` in the pipeline file at `path`, keeping the rest of the file as
/// it is; the edited file must still parse and list the code, or nothing is written.
fn add_to_only(path: &Path, code: &str) -> Result<(), Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::ReadConfig { path: path.to_owned(), source })?;
    let refuse = |message: &str| Error::Config {
        path: path.to_owned(),
        line: None,
        column: None,
        message: format!("{message}; add `{code}` to locales.only by hand"),
    };
    let edited = insert_into_only(&text, code).ok_or_else(|| refuse("cannot find a `only:` list to add to"))?;
    let config = Config::parse(path, &edited).map_err(|_| refuse("the edited file would not be valid"))?;
    if !config.only.is_some_and(|only| only.iter().any(|l| l.code == code)) {
        return Err(refuse("the edit did not take"));
    }
    crate::paths::write_atomic(path, edited.as_bytes()).map_err(|source| cannot_write(path, source))
}

fn cannot_write(path: &Path, source: std::io::Error) -> Error {
    Error::Refused { message: format!("cannot write {}: {source}", path.display()) }
}

/// `text` with `code` added to the `only:` list under `locales:`, flow (`only: [a, b]`) or block
/// (`- a` lines) style.
fn insert_into_only(text: &str, code: &str) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let locales = lines.iter().position(|l| l.trim_end() == "locales:" && indent(l) == 0)?;
    let (i, only) = lines
        .iter()
        .enumerate()
        .skip(locales + 1)
        .take_while(|(_, l)| l.trim().is_empty() || indent(l) > 0)
        .find(|(_, l)| l.trim_start().starts_with("only:"))?;
    let after = only.trim_start().strip_prefix("only:")?;
    let value = after.split(" #").next().unwrap_or(after).trim();
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    if value.starts_with('[') && value.ends_with(']') {
        let close = only.rfind(']')?;
        let inner = value[1..value.len() - 1].trim();
        let insert = if inner.is_empty() { code.to_owned() } else { format!(", {code}") };
        out[i] = format!("{}{insert}{}", &only[..close].trim_end_matches(' '), &only[close..]);
        return Some(out.concat());
    }
    if !value.is_empty() {
        return None;
    }
    // Block style: after the last `- item` line of the list.
    let items: Vec<usize> = (i + 1..lines.len())
        .take_while(|&j| {
            lines[j].trim().is_empty() || lines[j].trim_start().starts_with("- ") && indent(lines[j]) >= indent(only)
        })
        .filter(|&j| !lines[j].trim().is_empty())
        .collect();
    let last = *items.last()?;
    let item_indent = &lines[last][..indent(lines[last])];
    if !out[last].ends_with('\n') {
        out[last].push('\n');
    }
    out.insert(last + 1, format!("{item_indent}- {code}\n"));
    Some(out.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_commented_out_and_comments_kept() {
        let (text, count) = comment_out(
            "# File comment\n\n## Group\n# About greeting\ngreeting = Hello\n    .alt = Hi\n-brand = Placard\nmulti =\n    Line one\n    Line two\n",
        );
        assert_eq!(count, 3);
        assert_eq!(
            text,
            "# File comment\n\n## Group\n# About greeting\n# greeting = Hello\n#     .alt = Hi\n# -brand = Placard\n# multi =\n#     Line one\n#     Line two\n"
        );
        let parsed = placard_fluent::ParsedFile::parse(text);
        assert!(parsed.problems().is_empty(), "a valid file");
        assert!(
            parsed
                .ast()
                .body
                .iter()
                .all(|e| !matches!(e, placard_fluent::ast::Entry::Message(_) | placard_fluent::ast::Entry::Term(_))),
            "with nothing translated yet"
        );
    }

    #[test]
    fn only_lists_gain_the_code_in_either_style() {
        let flow = "locales:\n  dir: locales\n  reference: en-GB\n  only: [pl, ar]   # built\nfonts: {}\n";
        assert_eq!(
            insert_into_only(flow, "de").as_deref(),
            Some("locales:\n  dir: locales\n  reference: en-GB\n  only: [pl, ar, de]   # built\nfonts: {}\n")
        );
        let block = "locales:\n  only:\n    - pl\n    - ar\n  dir: locales\n";
        assert_eq!(
            insert_into_only(block, "de").as_deref(),
            Some("locales:\n  only:\n    - pl\n    - ar\n    - de\n  dir: locales\n")
        );
        assert_eq!(insert_into_only("locales:\n  only: []\n", "de").as_deref(), Some("locales:\n  only: [de]\n"));
        assert_eq!(insert_into_only("locales:\n  dir: l\n", "de"), None, "no list to add to");
    }

    #[test]
    fn notes_say_when_a_script_needs_a_font() {
        let config = Config::parse(
            Path::new("p/pipeline.yaml"),
            "locales: {dir: l, reference: en-GB}\nfonts:\n  dir: f\n  families: {default: Noto Sans, ar: Noto Sans Arabic}\n",
        )
        .expect("valid");
        let ar = notes(&config, "ar");
        assert_eq!(ar.len(), 2, "{ar:?}");
        assert!(ar[0].contains("right to left") && ar[1].contains("`Noto Sans Arabic`"), "{ar:?}");
        let hi = notes(&config, "hi");
        assert!(hi[0].contains("Devanagari script needs its own font") && hi[0].contains("`hi: Noto Sans Devanagari"));
        assert!(notes(&config, "de").is_empty());
        assert!(notes(&config, "sr-Latn").is_empty(), "a Latin script subtag needs nothing more");
        // The script comes from the tag: Punjabi is Gurmukhi unless written in Shahmukhi.
        assert!(notes(&config, "pa")[0].contains("Gurmukhi script"));
        let shahmukhi = notes(&config, "pa-Arab");
        assert!(shahmukhi[0].contains("right to left") && shahmukhi[1].contains("Arabic script"), "{shahmukhi:?}");
        assert!(notes(&config, "ur")[1].contains("Nastaliq"));
        assert!(notes(&config, "ja-JP-mac")[0].contains("Japanese script"));
    }
}
