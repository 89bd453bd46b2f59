//! One fingerprint per finding, for the CI systems that track findings across runs (GitHub code
//! scanning's `partialFingerprints`, GitLab Code Quality's `fingerprint`): the same finding in
//! the next run must get the same one, so its alert stays open rather than being closed and
//! opened again, and two findings of one run must never share one.
//!
//! What identifies a finding is what it is about, not where it is: the check, the locale, the
//! file, the message id, the template and the layer. Lines are left out (a translation added
//! above a message moves it, and the finding stays the same one), and so is the message text
//! (some name a column). Findings alike in all of these are told apart by their order among
//! themselves, which is the report's fixed order.

use std::collections::HashMap;
use std::fmt::Write;

use placard_core::Diagnostic;
use sha2::{Digest, Sha256};

/// The fingerprint of each diagnostic, in order: a SHA-256 as 64 lowercase hex digits.
pub(crate) fn fingerprints(diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut seen: HashMap<Vec<u8>, u32> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let mut key = Vec::new();
            key.extend_from_slice(d.code.as_str().as_bytes());
            for field in [&d.locale, &d.file, &d.message_id, &d.template, &d.layer] {
                // A tag before each field, and a terminator, so no two different keys join up
                // to the same bytes (`None` differs from `Some("")`).
                match field {
                    Some(value) => {
                        key.push(1);
                        key.extend_from_slice(value.as_bytes());
                        key.push(0);
                    }
                    None => key.push(2),
                }
            }
            let count = seen.entry(key.clone()).or_insert(0);
            *count += 1;
            key.extend_from_slice(format!("#{count}").as_bytes());
            hex(&Sha256::digest(&key))
        })
        .collect()
}

/// The fingerprint of the `index`-th problem of unusable input (in `file`).
pub(crate) fn unusable(file: Option<&str>, index: usize) -> String {
    hex(&Sha256::digest(format!("unusable-input\0{}\0#{index}", file.unwrap_or("")).as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use placard_core::Code;

    #[test]
    fn stable_across_lines_and_unique_within_a_run() {
        let at = |line| {
            let mut d = Diagnostic::error(Code::UnsafeChar, format!("at column {line}"))
                .locale("pl")
                .file("locales/pl/main.ftl")
                .message_id("helpline");
            d.line = Some(line);
            d
        };
        let first = fingerprints(&[at(3), at(9)]);
        let moved = fingerprints(&[at(5), at(12)]);
        assert_eq!(first, moved, "lines and message text do not change a fingerprint");
        assert_ne!(first[0], first[1], "two findings alike get two fingerprints");
        assert_eq!(first[0].len(), 64);
        assert!(first[0].bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        let other_locale = fingerprints(&[at(3).locale("de")]);
        assert_ne!(other_locale[0], first[0]);
        let no_id = Diagnostic::error(Code::UnsafeChar, "x").locale("pl").file("locales/pl/main.ftl");
        let empty_id = no_id.clone().message_id("");
        assert_ne!(fingerprints(&[no_id]), fingerprints(&[empty_id]));
    }
}
