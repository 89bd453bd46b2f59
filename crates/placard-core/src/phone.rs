//! Telephone numbers, as far as a QR code's `tel:` payload and a required string must agree: a
//! global number (`tel:+441315563535`, RFC 3966) is the same number as the national form a poster
//! prints (`0131 556 3535`) when the country dials a trunk prefix 0 before it at home. Deliberately
//! small: only countries whose national form is `0` + the number after the country code are
//! listed, and anything else fails to match (the check that asks then reports an error), never
//! matches by guesswork.

use std::fmt;

/// ITU-T E.164 country calling codes whose national form is the trunk prefix `0` followed by the
/// number after the country code (+44 131 556 3535 is 0131 556 3535). Italy (+39), whose numbers
/// keep their `0` after the country code, and countries with another trunk prefix or none (the
/// NANP's 1, Russia's 8, Spain, Poland) are left out on purpose. Codes are prefix-free, so at most
/// one matches a number.
const TRUNK_ZERO: &[&str] = &[
    "20", "27", "31", "32", "33", "36", "40", "41", "43", "44", "46", "49", "54", "55", "61", "62", "64", "66", "81",
    "82", "86", "90", "91", "92", "98", "234", "254", "353", "358", "359", "380", "381", "385", "386", "387", "389",
    "880", "966", "971", "972",
];

/// The fewest and most digits of an international number (E.164: at most 15, country code
/// included; the shortest in use, +290 xxxx on St Helena, has 7).
const DIGITS: std::ops::RangeInclusive<usize> = 7..=15;

/// A global telephone number: its E.164 digits (country code first, no `+`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TelNumber {
    digits: String,
}

impl TelNumber {
    /// The number of a `tel:` URI with a global number: `tel:+` and 7 to 15 digits, the first not
    /// 0, with RFC 3966's visual separators (`-`, `.`, `(`, `)`) allowed between them. A local
    /// number (`tel:0131…`), parameters (`;ext=`) or anything else is refused with the reason.
    pub fn from_uri(uri: &str) -> Result<TelNumber, String> {
        let Some(rest) = uri.strip_prefix("tel:") else { return Err("it does not start with `tel:`".into()) };
        let Some(number) = rest.strip_prefix('+') else {
            return Err(
                "write the number in international form, `tel:+` and the country code (tel:+441315563535)".into()
            );
        };
        if let Some(bad) = number.chars().find(|c| !c.is_ascii_digit() && !"-.()".contains(*c)) {
            return Err(format!("`{bad}` is not a digit or a visual separator (- . ( ))"));
        }
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        if !DIGITS.contains(&digits.len()) {
            return Err(format!("{} digits: an international number has 7 to 15", digits.len()));
        }
        if digits.starts_with('0') {
            return Err("a country code never starts with 0".into());
        }
        Ok(TelNumber { digits })
    }

    /// The E.164 digits, country code first.
    pub fn digits(&self) -> &str {
        &self.digits
    }

    /// The number as dialled at home, `0` and the number after the country code, for a country in
    /// [`TRUNK_ZERO`]; `None` for any other.
    pub fn national(&self) -> Option<String> {
        let code = TRUNK_ZERO.iter().find(|code| self.digits.starts_with(*code))?;
        Some(format!("0{}", &self.digits[code.len()..]))
    }

    /// Whether `text` writes this number: a number in it (digit groups separated by single
    /// spaces, hyphens, dots or parentheses) is, digit for digit, the international form (with its
    /// `+`) or the national one. A number must match whole: 0131 556 3535 is not 556 3535.
    pub fn is_written_in(&self, text: &str) -> bool {
        let national = self.national();
        numbers_in(text).iter().any(|n| match n.strip_prefix('+') {
            Some(international) => international == self.digits,
            None => national.as_deref() == Some(n.as_str()),
        })
    }
}

impl fmt::Display for TelNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "+{}", self.digits)
    }
}

/// The numbers written in `text`, as their digits (a leading `+` kept): runs of digits joined by
/// at most two separators at a time (`-`, `.`, `(`, `)`, and one space or no-break space), so
/// `(0131) 556-3535` is one number and `1, 2` two.
pub fn numbers_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let (mut separators, mut spaces) = (0, 0);
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let space = matches!(c, ' ' | '\u{a0}');
        if c.is_ascii_digit() {
            if current.is_empty() && previous == Some('+') {
                current.push('+');
            }
            current.push(c);
            (separators, spaces) = (0, 0);
        } else if !current.is_empty() && (space || matches!(c, '-' | '.' | '(' | ')')) {
            separators += 1;
            spaces += usize::from(space);
            if separators > 2 || spaces > 1 {
                out.push(std::mem::take(&mut current));
            }
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        previous = Some(c);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tel(uri: &str) -> TelNumber {
        TelNumber::from_uri(uri).expect(uri)
    }

    #[test]
    fn a_uk_number_is_its_national_form_with_the_trunk_prefix() {
        let stop_it_now = tel("tel:+441315563535");
        assert_eq!(stop_it_now.national().as_deref(), Some("01315563535"));
        assert!(stop_it_now.is_written_in("0131 556 3535"));
        assert!(stop_it_now.is_written_in("Call Stop It Now! on 0131 556 3535."));
        assert!(stop_it_now.is_written_in("+44 131 556 3535"));
        assert!(stop_it_now.is_written_in("(0131) 556-3535"));
        assert!(tel("tel:+44-800-1111").is_written_in("Childline 0800 1111"));
    }

    #[test]
    fn another_number_or_part_of_one_does_not_match() {
        let stop_it_now = tel("tel:+441315563535");
        assert!(!stop_it_now.is_written_in("0800 1111"));
        assert!(!stop_it_now.is_written_in("556 3535"), "part of the number");
        assert!(!stop_it_now.is_written_in("0131 556 35350"), "a longer number");
        assert!(!stop_it_now.is_written_in("+441 315 563 536"));
        assert!(!stop_it_now.is_written_in("1315563535"), "neither national nor international");
        assert!(!stop_it_now.is_written_in("Stop It Now"));
        // The same digits after another country code are another country's number.
        assert!(!tel("tel:+491315563535").is_written_in("+44 131 556 3535"));
        // What the check cannot tell: a national form does not say its country, so Ireland's
        // +353 131 556 3535 is also written 0131 556 3535 (docs/checks.md says so).
        assert!(tel("tel:+3531315563535").is_written_in("0131 556 3535"));
    }

    #[test]
    fn a_country_without_trunk_prefix_zero_is_not_guessed() {
        // Italy keeps the 0 after +39: 06 1234 5678 is +39 06 1234 5678, not +39 6 1234 5678.
        let rome = tel("tel:+390612345678");
        assert_eq!(rome.national(), None);
        assert!(!rome.is_written_in("06 1234 5678"));
        assert!(rome.is_written_in("+39 06 1234 5678"), "the international form still matches");
        assert!(!tel("tel:+12025550123").is_written_in("1 202 555 0123"), "the NANP's trunk prefix is 1");
    }

    #[test]
    fn numbers_are_found_whole_with_their_separators() {
        assert_eq!(numbers_in("Stop It Now! 0131 556 3535"), ["01315563535"]);
        assert_eq!(numbers_in("+44 (0)131 556-3535 or 0800 1111."), ["+4401315563535", "08001111"]);
        assert_eq!(numbers_in("1, 2"), ["1", "2"], "a comma ends a number");
        assert_eq!(numbers_in("12  34"), ["12", "34"], "two separators end it");
        assert_eq!(numbers_in("no digits"), Vec::<String>::new());
    }

    #[test]
    fn a_tel_uri_must_be_a_plausible_global_number() {
        assert_eq!(tel("tel:+44(131)556-3535").digits(), "441315563535");
        for (bad, why) in [
            ("+441315563535", "does not start with `tel:`"),
            ("tel:01315563535", "international form"),
            ("tel:+44 131 556 3535", "is not a digit"),
            ("tel:+441315563535;ext=2", "is not a digit"),
            ("tel:+4413", "4 digits"),
            ("tel:+4413155635351234", "16 digits"),
            ("tel:+0441315563535", "never starts with 0"),
        ] {
            let err = TelNumber::from_uri(bad).expect_err(bad);
            assert!(err.contains(why), "{bad}: {err}");
        }
    }
}
