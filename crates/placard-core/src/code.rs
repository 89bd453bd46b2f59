//! Stable check codes. A code is part of Placard's interface: CI configurations, suppressions
//! and translators' bookmarks name it, so a code is never renamed or reused.

use std::fmt;

use serde::Serialize;

macro_rules! codes {
    ($($variant:ident => $name:literal, $summary:literal;)*) => {
        /// Which check produced a diagnostic.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $summary] $variant,)*
        }

        impl Code {
            /// Every code, in the order the documentation lists them.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The user-facing name, e.g. `required-text`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// One line saying what the check looks for.
            pub const fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }

            /// The code named `name`, if there is one.
            pub fn from_name(name: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|code| code.as_str() == name)
            }
        }
    };
}

codes! {
    Syntax => "syntax", "A part of an .ftl file that Fluent cannot parse; the rest of the file is still checked.";
    Encoding => "encoding", "An .ftl file that is not valid UTF-8, is UTF-16, or ends its lines with CR alone.";
    Symlink => "symlink", "A symbolic link inside a locale folder: Placard does not follow it.";
    InvalidLocale => "invalid-locale", "A locale folder or configured locale that is not a valid BCP 47 language tag, or one tag in two folders.";
    MissingLocale => "missing-locale", "A locale named in pipeline.yaml that has no folder.";
    MissingRequired => "missing-required", "A message or attribute that pipeline.yaml requires is absent.";
    RequiredText => "required-text", "A required message does not show every required string in every form a reader could see.";
    BidiOrder => "bidi-order", "Required text that a right-to-left paragraph would display out of order.";
    UnsafeChar => "unsafe-char", "Bidi controls or invisible characters that can hide or reorder text.";
    MissingMessage => "missing-message", "A message or term of the reference locale that this locale lacks.";
    ObsoleteMessage => "obsolete-message", "A message or term that the reference locale no longer has.";
    MissingAttribute => "missing-attribute", "An attribute of the reference message that the translation lacks.";
    VariableMismatch => "variable-mismatch", "A translation uses a variable the reference does not pass, or drops one it does.";
    UnresolvedReference => "unresolved-reference", "A reference to a message or term that does not exist, or a reference cycle.";
    DuplicateMessage => "duplicate-message", "The same message or term defined twice in one file.";
    DuplicateAttribute => "duplicate-attribute", "The same attribute twice in one message or term.";
    DuplicateVariant => "duplicate-variant", "The same variant key twice in one select expression.";
    MissingPlural => "missing-plural", "A plural select without a variant for a plural category the locale's whole numbers take.";
    ReferenceMismatch => "reference-mismatch", "A message's value or attribute shows other messages or terms than the reference's does.";
    ObsoleteValue => "obsolete-value", "A message with a value where the reference's has only attributes.";
    StyleMismatch => "style-mismatch", "A `.style` attribute whose widths and heights do not match the reference's CSS.";
    EmptyMessage => "empty-message", "A message whose text is empty or missing.";
    Overflow => "overflow", "Text that does not fit its box even at the layer's smallest size.";
    TooSmall => "too-small", "Required text (the helpline) drawn below its legible minimum size.";
    MissingGlyph => "missing-glyph", "A character that no font in the layer's stack has: it would draw as a box.";
    Contrast => "contrast", "Text colour against the pixels behind it below WCAG 2.x contrast (4.5:1, or 3:1 for large text).";
    HelplineHidden => "helpline-hidden", "A template that must show a required message has no layer for it, or the layer is outside the safe area or covered.";
    BrokenNumber => "broken-number", "A required string (a phone number) split across lines.";
    HelplineLockup => "helpline-lockup", "A lock-up (the helpline's name and number) not on one line of its own, or drawn smaller than its scale times its lead-in.";
    QrMismatch => "qr-mismatch", "A QR code that, read back from the rendered pixels, does not give its payload and a required number, or is too small or without its quiet zone.";
    LineCollision => "line-collision", "The ink of one line of a text layer touches the ink of the next (marks of one line on the letters of another).";
    Orphan => "orphan", "A single word alone on the last line of a text layer of two or more lines.";
}

impl Code {
    /// What the check means and how to fix what it finds, for `placard lint --explain CODE`.
    pub const fn explanation(self) -> &'static str {
        match self {
            Code::Syntax => {
                "A part of an .ftl file that Fluent cannot parse. The entry it belongs to is ignored (and so counts as missing); the rest of the file is still checked.\nFix: look at the line and column; common causes are a missing `=`, an unclosed `{`, a continuation line that does not start with spaces, or an unknown escape (Fluent knows \\\\, \\\", \\uXXXX and \\UXXXXXX)."
            }
            Code::Encoding => {
                "The file is not UTF-8 (often Latin-1 or Windows-1252; invalid bytes were read as U+FFFD), is UTF-16 (read as such, so the rest is checked), or ends its lines with CR alone, old Mac OS style (read as LF).\nFix: save the file as UTF-8 with LF line endings. A byte-order mark and CRLF line endings are fine."
            }
            Code::Symlink => {
                "A symbolic link inside a locale folder. Placard reads only real files and folders there, so a link cannot bring in a file from outside the project; the link is skipped (anything it points at counts as missing).\nFix: replace the link with the file itself, or remove it."
            }
            Code::InvalidLocale => {
                "A locale folder or configured locale that is not a BCP 47 language tag (Mozilla's ja-JP-mac is accepted), or two folders that are one tag (de and DE).\nFix: name folders by tag with hyphens: pt-BR, zh-Hans, gd (not pt_BR); map another code to its tag in locales.aliases, or leave a folder out with locales.exclude."
            }
            Code::MissingLocale => {
                "A locale named in pipeline.yaml (or with --locale) has no folder.\nFix: create locales/<code>/ or remove the locale from pipeline.yaml."
            }
            Code::MissingRequired => {
                "A message or attribute that pipeline.yaml requires (the helpline) does not exist in this locale, or was lost to a syntax error.\nFix: copy it from the reference locale and translate it, keeping the required text exactly."
            }
            Code::RequiredText => {
                "A required message does not show a required string exactly in every form a reader could see (every variant of every selector), or Placard cannot prove that it does within a limit (the finding names the limit: it is an error, never a pass). The finding says what is there instead: another digit, digits of another script, a dropped term; when the wrong text is in a term, the finding is at the term, with each message that shows it as a second location.\nFix: correct the text where the finding points; in a message, use the term the reference uses, e.g. { -helpline-number }, rather than typing the number."
            }
            Code::BidiOrder => {
                "Required text that would not read in order once displayed. In a right-to-left paragraph the spaces between a phone number's digit groups take the paragraph's direction, so 0131 556 3535 shows as 3535 556 0131. Layout checks also look at the laid-out glyphs.\nFix: isolate the number where it is defined: -helpline-number = { \"\\u2066\" }0131 556 3535{ \"\\u2069\" }. Never use the overrides U+202D or U+202E."
            }
            Code::UnsafeChar => {
                "Bidi overrides and embeddings, or invisible characters (zero-width space, word joiner, ...). In or next to required text they are errors: they can reverse a number or break search and tap-to-call. Elsewhere a warning where the language does not use them on purpose.\nFix: delete the character; isolate numbers with U+2066 ... U+2069 instead."
            }
            Code::MissingMessage => {
                "A message or term of the reference that this locale lacks (or a whole file). Readers would see the reference language.\nFix: translate it. With `strict: false` this is a warning."
            }
            Code::ObsoleteMessage => {
                "A message, attribute or file the reference no longer has.\nFix: delete it, or check whether the reference renamed it."
            }
            Code::MissingAttribute => {
                "An attribute of a reference message (such as .alt) that the translation lacks.\nFix: add it under the message."
            }
            Code::VariableMismatch => {
                "A translation uses a variable the application does not pass (error: readers would see {$name}, or, when it only chooses a variant, always the default variant), or drops one it does (warning; a selector on the variable counts as using it, and a language with one plural form may drop a variable that only chooses the plural form). Variables are compared per message: its value and attributes together.\nFix: use the reference's variable names exactly."
            }
            Code::UnresolvedReference => {
                "A reference to a message or term this locale does not define (or an attribute it lacks: a select on a missing term attribute always shows its default variant), or a chain of references that leads back to itself.\nFix: check the spelling against the reference; break cycles by writing the text out."
            }
            Code::DuplicateMessage => "The same id twice in one file. Fluent uses the first.\nFix: delete one.",
            Code::DuplicateAttribute => {
                "The same attribute twice in one message or term (`.label` written twice). Fluent implementations disagree on which one they show (fluent-rs the first, fluent.js the last), so one of the two is dead text that a translator may believe is live.\nFix: delete one of the two."
            }
            Code::DuplicateVariant => {
                "The same key twice in one select expression (`[one]` twice, or `[1]` and `[1.0]`). Fluent picks the first variant that matches, so the second is never shown.\nFix: delete one, or give it the key it was meant to have (often a plural category such as `[few]`)."
            }
            Code::MissingPlural => {
                "A select on a number, with variants for plural categories, that lacks a category the locale's whole numbers take (CLDR's rules): Russian needs `[one]`, `[few]` and `[many]`, so without `[few]` readers see the default variant's grammar for 2, 3 and 4. `[other]` is never required: the default variant takes it. A warning, as compare-locales reports it.\nFix: add the variant the finding names, e.g. `[few] { $count } файла`."
            }
            Code::ReferenceMismatch => {
                "A message's value or attribute shows a message or term that the reference's same value or attribute does not, or leaves out one it shows (compare-locales' missing and obsolete message and term references). Often the reference changed `{ button.label }` to `{ button.tooltip }` and the translation still shows the old text. Selectors and term attributes (`-brand.gender`) are not compared. A warning: the text still shows.\nFix: write the reference the finding names, or delete the one the reference dropped."
            }
            Code::ObsoleteValue => {
                "A message with a value where the reference's has only attributes (compare-locales' obsolete-value). The application localizes the element's attributes only; in a web page or dialog a value would replace the element's own content.\nFix: delete the value and keep the attributes."
            }
            Code::StyleMismatch => {
                "A `.style` attribute (a dialog's size, `width: 42em`) that does not match the reference's: an error when the reference's is CSS and the translation's is not (a mistyped unit or a missing `;` loses the size); a warning when a property or unit differs from the reference's (compare-locales' CSS checks).\nFix: keep the reference's properties and units, change only the numbers."
            }
            Code::EmptyMessage => {
                "A value or attribute that shows nothing, or a message with no value where the reference has one.\nFix: write the text, or delete the entry so it counts as missing."
            }
            Code::Overflow => {
                "The text does not fit its box in a template even at the layer's smallest size: part of it would be cut off or spill over other text.\nFix (translator): a shorter wording. Fix (designer): a bigger box or a smaller minimum size in the template."
            }
            Code::TooSmall => {
                "A required message (the helpline) would be drawn below its legible minimum: the layer's `min_legible` in the template, or 2.5% of the canvas's shorter side (27 px on a 1080 px square).\nFix: a shorter wording around the number, or more room in the template."
            }
            Code::MissingGlyph => {
                "A character that no font loaded for the layer has: it would draw as an empty box.\nFix (translator): check for a typo or a character from another script. Fix (designer): add a font that covers it to the fonts folder."
            }
            Code::Contrast => {
                "The text colour against the pixels behind it is below WCAG 2.x contrast: 4.5:1, or 3:1 for large text.\nFix (designer): change the text colour, the band or the background in the template."
            }
            Code::HelplineHidden => {
                "A template that must show a required message has no layer bound to it, or the layer lies outside the canvas or the safe area, or a later layer covers it.\nFix (designer): bind a text layer to the message inside the safe area, above every other layer."
            }
            Code::HelplineLockup => {
                "pipeline.yaml draws a required message as a lock-up (`lockup: { after, scale }`): the helpline's name and number as one unit, on a line of its own, at least `scale` (1.25) times the size of the sentence that leads into it, so a reader's eye lands on the number. Placard lays the lock-up out on one line at the largest size that fits and holds the lead-in below it; this finding means it could not: the lock-up took two lines or more (it is wider than its box even at the layer's smallest size), or the lead-in could not be made small enough, or the template draws the lock-up without its lead-in, or before it.\nFix (translator): keep the lock-up message to the name and number (the sentence around them belongs in the lead-in). Fix (designer): give the lock-up's layer a wider box or a smaller minimum size, and draw the lead-in's layer just before it."
            }
            Code::BrokenNumber => {
                "A required string (a phone number) is split across lines in the laid-out text.\nFix: Placard keeps required strings together; this means the string is wider than the box. Give the layer more width or a smaller minimum size."
            }
            Code::QrMismatch => {
                "A `qr` layer's code, decoded from the asset's rendered pixels (everything drawn over it included), does not prove the helpline: nothing decodes (a band, text or image covers it); it decodes to another payload than the template declares; its `tel:` number is none of the numbers in the `contains` lists of the required rules for the messages the template shows or requires (+44 131 556 3535 is the national 0131 556 3535); its modules are smaller than legible (0.5 mm at the template's dpi for print, 4 px on screen); or its 4-module quiet zone is not clear (a pixel there less than 40% of full scale lighter than the dark modules).\nFix (designer): move whatever covers the code, or give it a bigger `box`; correct the payload to the helpline's number; keep the margin around the code empty and light."
            }
            Code::LineCollision => {
                "The ink of one line of a text layer touches or overlaps the ink of the next, measured on the glyph masks as drawn (a pixel counts as ink from a quarter coverage; touching includes neighbouring pixels, diagonals too): the dots under Arabic letters, or a Nastaliq word's tail, run into the line below, and the reader cannot tell which line a mark belongs to. An error. The finding names the two lines and the canvas pixel where they meet.\nFix (designer): a taller line height for the script: `fonts.families.<locale>.line_height` in pipeline.yaml, or the layer's `line_height`. Placard already sets Arabic and Nastaliq taller by default (docs/templates.md)."
            }
            Code::Orphan => {
                "The last line of a text layer of two or more lines holds a single word (\"everything.\", \"吗？\"; words of Chinese and Japanese as ICU4X's segmenter finds them), which reads as an afterthought. Placard balances a block's lines and carries a word down to the last line when the text still fits the box, so this is only reported where that is impossible. A warning. A last line that the text itself starts (after a line break) is not an orphan.\nFix (translator): a slightly longer or shorter wording. Fix (designer): a wider or narrower box."
            }
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &code in Code::ALL {
            assert_eq!(Code::from_name(code.as_str()), Some(code));
            assert!(seen.insert(code.as_str()), "duplicate code name {code}");
            assert!(code.as_str().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
        }
        assert_eq!(Code::from_name("no-such-check"), None);
    }
}
