//! Characters a terminal does not show, made visible as `<U+XXXX>`: a right-to-left mark inside
//! a phone number is the finding, so the snippet must show it, and a bidi control printed raw
//! would reorder the very line that reports it.
//!
//! The set is Unicode's (Default_Ignorable_Code_Point and Bidi_Control), so it covers what the
//! lint checks flag and what a future Unicode version adds, without another hand-written list.

use std::borrow::Cow;
use std::fmt::Write;

use icu_properties::CodePointSetData;
use icu_properties::props::{BidiControl, DefaultIgnorableCodePoint};

/// Whether `c` would print as nothing (or move other characters) in a terminal.
pub fn is_invisible(c: char) -> bool {
    CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
        || CodePointSetData::new::<BidiControl>().contains(c)
}

/// `text` with each invisible character written as `<U+XXXX>`.
pub fn reveal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_invisible) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(Revealed::new(text).text)
}

/// A line as shown, with the way back from byte offsets of the original to offsets of the shown
/// text, so annotations still cover the characters they were made for.
#[derive(Debug)]
pub struct Revealed {
    pub text: String,
    /// `shown[i]` is where byte `i` of the original starts in `text`; one entry past the end.
    shown: Vec<usize>,
}

impl Revealed {
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut shown = Vec::with_capacity(original.len() + 1);
        for c in original.chars() {
            let at = text.len();
            shown.extend(std::iter::repeat_n(at, c.len_utf8()));
            if is_invisible(c) {
                let _ = write!(text, "<U+{:04X}>", c as u32);
            } else {
                text.push(c);
            }
        }
        shown.push(text.len());
        Revealed { text, shown }
    }

    /// The shown byte offset of original byte offset `offset` (clamped to the end).
    pub fn offset(&self, offset: usize) -> usize {
        self.shown[offset.min(self.shown.len() - 1)]
    }

    /// The 1-based character column at which shown byte offset `offset` is printed.
    pub fn column(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())].chars().count() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_revealed_and_offsets_follow_them() {
        let line = "556\u{200F}3535";
        let shown = Revealed::new(line);
        assert_eq!(shown.text, "556<U+200F>3535");
        assert_eq!(shown.offset(3), 3, "the mark starts where it did");
        assert_eq!(shown.offset(3 + '\u{200F}'.len_utf8()), 11, "the next digit follows the marker");
        assert_eq!(shown.offset(line.len()), shown.text.len());
        assert_eq!(shown.column(11), 12);
        for c in ['\u{200B}', '\u{202E}', '\u{2066}', '\u{FEFF}', '\u{00AD}', '\u{061C}'] {
            assert!(is_invisible(c), "U+{:04X}", c as u32);
        }
        for c in ['a', ' ', '\u{00A0}', 'ا', '0'] {
            assert!(!is_invisible(c), "U+{:04X}", c as u32);
        }
        assert!(matches!(reveal("plain"), Cow::Borrowed("plain")));
    }
}
