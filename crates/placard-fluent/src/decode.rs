//! Bytes to text. Translators' editors save BOMs, CRLF line endings and, now and then, Latin-1:
//! the first two are fine; the last is reported and the file is still checked.

/// The text of one file, ready to parse.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The text without a leading byte-order mark; invalid bytes became U+FFFD.
    pub text: String,
    /// Byte offset (in `text`) of the first invalid UTF-8 sequence, if any.
    pub invalid_utf8_at: Option<usize>,
    /// How many invalid sequences were replaced.
    pub invalid_sequences: usize,
}

/// Decodes `bytes` as UTF-8, stripping a BOM and replacing invalid sequences. Valid input is
/// not copied.
pub fn decode(mut bytes: Vec<u8>) -> Decoded {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded { text, invalid_utf8_at: None, invalid_sequences: 0 },
        Err(error) => {
            let bytes = error.as_bytes();
            let mut text = String::with_capacity(bytes.len() + 8);
            let mut first = None;
            let mut count = 0;
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    first.get_or_insert(text.len());
                    count += 1;
                    text.push(char::REPLACEMENT_CHARACTER);
                }
            }
            Decoded { text, invalid_utf8_at: first, invalid_sequences: count }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_valid_text_is_untouched() {
        let d = decode(b"\xEF\xBB\xBFkey = value\r\n".to_vec());
        assert_eq!(d.text, "key = value\r\n");
        assert_eq!(d.invalid_utf8_at, None);
    }

    #[test]
    fn latin1_is_reported_at_its_offset_and_replaced() {
        let d = decode(b"a = caf\xE9\nb = na\xEFve\n".to_vec());
        assert_eq!(d.invalid_utf8_at, Some(7));
        assert_eq!(d.invalid_sequences, 2);
        assert_eq!(d.text, "a = caf\u{FFFD}\nb = na\u{FFFD}ve\n");
    }
}
