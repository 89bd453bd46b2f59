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
    Encoding => "encoding", "An .ftl file that is not valid UTF-8.";
    InvalidLocale => "invalid-locale", "A locale folder or configured locale that is not a valid BCP 47 language tag.";
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
    EmptyMessage => "empty-message", "A message whose text is empty or missing.";
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
