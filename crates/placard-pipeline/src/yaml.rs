//! Reading the YAML files Placard is configured with (pipeline.yaml, templates): UTF-8 first, then
//! YAML into a tree ([`tree`]; a syntax error stops the file), then the raw serde mirror read from
//! the tree ([`de`]), recording every fault it can recover from, each at its line and column, so
//! that one run reports them all.

mod de;
mod tree;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

pub(crate) use de::{At, Tolerant, unknown_key};

use crate::Error;

/// One fault in a file: where (1-based line and column) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fault {
    pub line: u64,
    pub column: u64,
    pub message: String,
}

/// The faults found in one file: by reading it, then by the checks of its values.
#[derive(Debug)]
pub(crate) struct Faults {
    path: PathBuf,
    found: RefCell<Vec<Fault>>,
}

impl Faults {
    pub fn new(path: &Path) -> Faults {
        Faults { path: path.to_owned(), found: RefCell::new(Vec::new()) }
    }

    /// `text` read into `T`, every recoverable fault recorded; `None` when nothing usable is
    /// left (a syntax error, or a fault outside any value that can be left out).
    pub fn read<T: DeserializeOwned>(&self, text: &str) -> Option<T> {
        let root = match tree::parse(text) {
            Ok(root) => root,
            Err(e) => {
                let at = e.location();
                let message = e.to_string().lines().next().unwrap_or("invalid YAML").trim().to_owned();
                // serde-saphyr says where as well; the location has fields of its own.
                let message = message.strip_prefix("error: ").unwrap_or(&message);
                let message = match message.split_once(": ") {
                    Some((place, rest)) if place.starts_with("line ") && place.contains(" column ") => rest,
                    _ => message,
                }
                .to_owned();
                let message = format!("not valid YAML, so nothing after this in the file is checked: {message}");
                self.found.borrow_mut().push(Fault {
                    line: at.map_or(1, |l| l.line()),
                    column: at.map_or(1, |l| l.column()),
                    message,
                });
                return None;
            }
        };
        if matches!(root.value, tree::Value::Null) {
            self.at_line(1, 1, "the file is empty");
            return None;
        }
        match de::read(&root, &self.found) {
            Ok(value) => Some(value),
            Err(fault) => {
                self.found.borrow_mut().extend(fault);
                None
            }
        }
    }

    /// A fault at the value `at` was written at.
    pub fn at<T>(&self, at: &At<T>, message: impl Into<String>) {
        self.at_line(at.line, at.column, message);
    }

    /// Whether a fault in `within` (from one line and column up to another) already suggests
    /// the key `key` for a misspelt one: then "give `key`" would be the same mistake twice.
    pub fn suggested(&self, key: &str, within: std::ops::Range<(u64, u64)>) -> bool {
        let wanted = format!("did you mean `{key}`?");
        self.found.borrow().iter().any(|f| within.contains(&(f.line, f.column)) && f.message.ends_with(&wanted))
    }

    pub fn at_line(&self, line: u64, column: u64, message: impl Into<String>) {
        self.found.borrow_mut().push(Fault { line, column, message: message.into() });
    }

    /// `value` when nothing was found, else every fault, in file order.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, Error> {
        let path = self.path;
        let faults = self.found.into_inner();
        let errors: Vec<Error> = faults
            .into_iter()
            .map(|f| Error::Config {
                path: path.clone(),
                line: Some(f.line),
                column: Some(f.column),
                message: f.message,
            })
            .collect();
        match (Error::from_faults(errors), value) {
            (None, Some(value)) => Ok(value),
            (Some(error), _) => Err(error),
            // Not reached: a file that could not be read has a fault. Said rather than panicked.
            (None, None) => Err(Error::Config { path, line: None, column: None, message: "cannot be read".into() }),
        }
    }
}

/// `bytes` as UTF-8; an invalid byte is reported at its line and column.
pub(crate) fn utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid up to here");
        let line = valid.matches('\n').count() as u64 + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
        let message = "the file is not valid UTF-8".into();
        Error::Config { path: path.to_owned(), line: Some(line), column: Some(column), message }
    })
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "read, not used")]
    struct Card {
        size: At<[u32; 2]>,
        #[serde(default)]
        layers: Vec<At<Tolerant<Layer>>>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "read, not used")]
    struct Layer {
        text: Option<String>,
        #[serde(rename = "box")]
        bbox: [i32; 4],
        color: Option<String>,
        font: Option<String>,
    }

    fn read(text: &str) -> (Option<Card>, Vec<Fault>) {
        let faults = Faults::new(Path::new("card.yaml"));
        let card = faults.read::<Card>(text);
        (card, faults.found.into_inner())
    }

    fn messages(faults: &[Fault]) -> Vec<String> {
        faults.iter().map(|f| format!("{}:{} {}", f.line, f.column, f.message)).collect()
    }

    #[test]
    fn unknown_keys_are_recorded_with_the_key_they_were_meant_to_be() {
        let (card, faults) = read(
            "size: [10, 10]\nlayers:\n  - text: a\n    bbx: [0, 0, 1, 1]\n    box: [0, 0, 1, 1]\n    colour: \"#fff\"\n    fnt: x\n    shadow: 2\n  - text: b\n    bbox: [0, 0, 1, 1]\n",
        );
        assert!(card.is_some(), "unknown keys are skipped, the rest is read");
        assert_eq!(
            messages(&faults),
            [
                "4:5 layers[0]: unknown key `bbx`; did you mean `box`?",
                "6:5 layers[0]: unknown key `colour`; did you mean `color`?",
                "7:5 layers[0]: unknown key `fnt`; did you mean `font`?",
                "8:5 layers[0]: unknown key `shadow`; the keys here are `text`, `box`, `color`, `font`",
                // Not also "missing key `box`": the misspelling says it.
                "10:5 layers[1]: unknown key `bbox`; did you mean `box`?",
            ]
        );
    }

    #[test]
    fn a_fault_in_one_layer_leaves_the_others_readable() {
        let (card, faults) = read(
            "size: [10, 10]\nlayers:\n  - text: a\n    box: [0, 0, 1]\n  - text: b\n  - text: c\n    box: [0, 0, 1, 1]\n",
        );
        let card = card.expect("the card is read");
        let read: Vec<bool> = card.layers.iter().map(|l| l.value.0.is_some()).collect();
        assert_eq!(read, [false, false, true], "layers keep their index");
        assert_eq!((card.layers[2].line, card.layers[2].column), (6, 5));
        assert_eq!(
            messages(&faults),
            [
                "4:10 layers[0].box: expected a list of 4 values, found a list of 3 values",
                "5:5 layers[1]: missing key `box`",
            ]
        );
    }

    #[test]
    fn a_wrong_type_names_the_key_and_what_was_written() {
        let (card, faults) = read("size: [10, big]\n");
        assert!(card.is_none());
        assert_eq!(messages(&faults), ["1:12 size[1]: expected a whole number, 0 or more, found `big`"]);
        let (_, faults) = read("size: [10, 10]\nlayers:\n  - box: [0, 0, 1.5, 1]\n    text: yes\n");
        assert_eq!(messages(&faults), ["3:17 layers[0].box[2]: expected a whole number, found `1.5`"]);
    }

    #[test]
    fn a_syntax_error_stops_the_file_and_an_empty_file_says_so() {
        let (card, faults) = read("size: [10, 10\nlayers: []\n");
        assert!(card.is_none());
        assert_eq!(
            messages(&faults),
            ["2:7 not valid YAML, so nothing after this in the file is checked: illegal placement of ':' indicator"],
            "one fault, and nothing after it"
        );
        let (_, faults) = read("# nothing yet\n");
        assert_eq!(messages(&faults), ["1:1 the file is empty"]);
    }

    #[test]
    fn strings_keep_what_was_written() {
        let (card, faults) = read("size: [10, 10]\nlayers:\n  - text: no\n    box: [0, 0, 1, 1]\n    font: 1984\n");
        assert!(faults.is_empty(), "{faults:?}");
        let card = card.expect("valid");
        let layer = card.layers[0].value.0.as_ref().expect("read");
        assert_eq!(layer.text.as_deref(), Some("no"));
        assert_eq!(layer.font.as_deref(), Some("1984"));
    }

    #[test]
    fn suggestions_are_for_typos_not_for_other_words() {
        let keys = ["text", "image", "box", "font", "color", "align", "valign", "line_height"];
        assert_eq!(de::unknown_key("Color", &keys), "unknown key `Color`; did you mean `color`?");
        assert_eq!(de::unknown_key("line-height", &keys), "unknown key `line-height`; did you mean `line_height`?");
        assert_eq!(de::unknown_key("allign", &keys), "unknown key `allign`; did you mean `align`?");
        assert!(de::unknown_key("opacity", &keys).contains("the keys here are `text`, `image`"));
    }
}
