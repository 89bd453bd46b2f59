//! Bytes to text. Translators' editors save BOMs, CRLF line endings and, now and then, Latin-1,
//! UTF-16 or classic Mac OS line endings (CR alone): the first two are fine; the others are
//! reported ([`EncodingProblem`]) and the file is still read as well as it can be, so the rest of
//! it is checked.

/// Why a file's bytes are not what a Fluent application reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodingProblem {
    /// Not valid UTF-8 (Latin-1, Windows-1252, MacRoman...): each invalid sequence became
    /// U+FFFD. `at` is the first one's byte offset in the text.
    InvalidUtf8 { at: usize, sequences: usize },
    /// UTF-16 (Windows' "Unicode"), which Fluent applications cannot read; decoded as UTF-16, so
    /// offsets are into the UTF-8 text, which is what the reporters show.
    Utf16 { big_endian: bool, bom: bool },
    /// Lines end with CR alone (classic Mac OS). Fluent reads a CR alone as part of the text, so
    /// an application sees the first message swallow the rest; each lone CR was read as LF (one
    /// byte for one, so every offset stays the file's). `at` is the first.
    CrLineEndings { at: usize },
}

/// The text of one file, ready to parse.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The text without a leading byte-order mark; invalid bytes became U+FFFD.
    pub text: String,
    /// What was wrong with the bytes, in the order found (at most one of each kind).
    pub problems: Vec<EncodingProblem>,
}

/// Decodes `bytes`: UTF-8 (a BOM stripped, invalid sequences replaced) unless they are UTF-16,
/// and lone CR line endings read as LF. Valid UTF-8 with LF or CRLF endings is not copied.
pub fn decode(mut bytes: Vec<u8>) -> Decoded {
    let mut problems = Vec::new();
    let mut text = if let Some((big_endian, bom)) = utf16(&bytes) {
        problems.push(EncodingProblem::Utf16 { big_endian, bom });
        let units = bytes[if bom { 2 } else { 0 }..].chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if big_endian { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) }
        });
        char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
    } else {
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let bytes = error.as_bytes();
                let mut text = String::with_capacity(bytes.len() + 8);
                let mut first = None;
                let mut sequences = 0;
                for chunk in bytes.utf8_chunks() {
                    text.push_str(chunk.valid());
                    if !chunk.invalid().is_empty() {
                        first.get_or_insert(text.len());
                        sequences += 1;
                        text.push(char::REPLACEMENT_CHARACTER);
                    }
                }
                problems.push(EncodingProblem::InvalidUtf8 { at: first.unwrap_or(0), sequences });
                text
            }
        }
    };
    if let Some(at) = cr_line_endings(&text) {
        problems.push(EncodingProblem::CrLineEndings { at });
        // CR and LF are one byte each: replacing one with the other keeps the text valid UTF-8
        // and every offset where it was.
        let mut bytes = std::mem::take(&mut text).into_bytes();
        for i in memchr::memchr_iter(b'\r', &bytes).collect::<Vec<_>>() {
            if bytes.get(i + 1) != Some(&b'\n') {
                bytes[i] = b'\n';
            }
        }
        text = String::from_utf8(bytes).expect("one ASCII byte replaced by another");
    }
    Decoded { text, problems }
}

/// Whether `bytes` are UTF-16, and then (big-endian, with a BOM). With a byte-order mark that is
/// certain; without one, a file of ASCII-heavy text (ids, `=`, newlines: every `.ftl`) in UTF-16
/// has a zero in every other byte, which UTF-8 text never has.
fn utf16(bytes: &[u8]) -> Option<(bool, bool)> {
    // UTF-8's BOM starts EF BB; UTF-16's are FF FE and FE FF, which UTF-8 never contains.
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some((false, true));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some((true, true));
    }
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    // UTF-8 text has no NUL bytes; UTF-16 text of ASCII-heavy lines has one in every other byte.
    memchr::memchr(0, sample)?;
    let pairs = sample.len() / 2;
    let zeros = |from: usize| sample.iter().skip(from).step_by(2).filter(|b| **b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    // A quarter of the characters ASCII is plenty for an `.ftl` file even in Cyrillic or CJK.
    if odd * 4 >= pairs && even * 10 <= odd {
        Some((false, false))
    } else if even * 4 >= pairs && odd * 10 <= even {
        Some((true, false))
    } else {
        None
    }
}

/// The offset of the first line ending that is a CR alone, when most line endings are (classic
/// Mac OS). A stray CR in a file of LF lines is text, as Fluent reads it, and is left alone.
fn cr_line_endings(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut lone = memchr::memchr_iter(b'\r', bytes).filter(|&i| bytes.get(i + 1) != Some(&b'\n'));
    let first = lone.next()?;
    let lone_count = 1 + lone.count();
    let lf_count = memchr::memchr_iter(b'\n', bytes).count();
    (lone_count > lf_count).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_valid_text_is_untouched() {
        let d = decode(b"\xEF\xBB\xBFkey = value\r\n".to_vec());
        assert_eq!(d.text, "key = value\r\n");
        assert_eq!(d.problems, []);
    }

    #[test]
    fn latin1_is_reported_at_its_offset_and_replaced() {
        let d = decode(b"a = caf\xE9\nb = na\xEFve\n".to_vec());
        assert_eq!(d.problems, [EncodingProblem::InvalidUtf8 { at: 7, sequences: 2 }]);
        assert_eq!(d.text, "a = caf\u{FFFD}\nb = na\u{FFFD}ve\n");
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        for unit in bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16()) {
            bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        bytes
    }

    #[test]
    fn utf16_is_recognised_with_or_without_a_bom_and_decoded() {
        let text = "hello = Привет, { $name }\nbye = 你好\nwelcome = Ласкаво просимо\n";
        for big_endian in [false, true] {
            for bom in [false, true] {
                let d = decode(utf16(text, big_endian, bom));
                assert_eq!(d.problems, [EncodingProblem::Utf16 { big_endian, bom }], "{big_endian} {bom}");
                assert_eq!(d.text, text);
            }
        }
        // UTF-8 text in scripts whose UTF-16 has zero bytes is still UTF-8.
        for utf8 in ["a = Ā Ѐ\n", "ab = cd\n", "b = 中文中文\n"] {
            assert_eq!(decode(utf8.as_bytes().to_vec()).problems, [], "{utf8}");
        }
    }

    #[test]
    fn cr_line_endings_are_read_as_lf_in_place() {
        let d = decode(b"a = one\rb = two\r".to_vec());
        assert_eq!(d.problems, [EncodingProblem::CrLineEndings { at: 7 }]);
        assert_eq!(d.text, "a = one\nb = two\n");
        // CRLF is fine, and a stray CR among LF lines is text, as Fluent reads it.
        assert_eq!(decode(b"a = one\r\nb = two\r\n".to_vec()).problems, []);
        let stray = decode(b"a = one\rstill one\nb = two\n".to_vec());
        assert_eq!((stray.problems, stray.text.as_str()), (vec![], "a = one\rstill one\nb = two\n"));
        // Latin-1 with classic Mac line endings: both are said.
        let both = decode(b"a = caf\xE9\rb = x\r".to_vec());
        assert_eq!(
            both.problems,
            [EncodingProblem::InvalidUtf8 { at: 7, sequences: 1 }, EncodingProblem::CrLineEndings { at: 10 }]
        );
    }
}
