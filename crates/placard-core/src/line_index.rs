//! Byte offsets to line and column, computed once per file and only for files with findings.

/// A 1-based line and a 1-based column counted in Unicode scalar values, as editors and
/// GitHub annotations count them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// The start offset of every line of a text. `\n` ends a line; a `\r` before it belongs to it.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, starts }
    }

    /// The line and column of `offset`; an offset past the end or inside a character is clamped
    /// back to the nearest character start.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let column = self.text[self.starts[line]..offset].chars().count() + 1;
        LineCol { line: saturating_u32(line + 1), column: saturating_u32(column) }
    }

    /// The text of 1-based `line` without its line ending.
    pub fn line_text(&self, line: u32) -> Option<&'a str> {
        let range = self.line_range(line)?;
        Some(&self.text[range])
    }

    /// The bytes of 1-based `line`, without its line ending.
    pub fn line_range(&self, line: u32) -> Option<std::ops::Range<usize>> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&next| next);
        Some(start..start + self.text[start..end].trim_end_matches(['\n', '\r']).len())
    }

    pub fn text(&self) -> &'a str {
        self.text
    }
}

fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters() {
        let index = LineIndex::new("a = 1\r\nb = é€x\nlast");
        assert_eq!(index.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(7), LineCol { line: 2, column: 1 });
        // 'x' follows two multi-byte characters: column counts characters, not bytes.
        let x = "a = 1\r\nb = é€x".len() - 1;
        assert_eq!(index.line_col(x), LineCol { line: 2, column: 7 });
        assert_eq!(index.line_col(1000), LineCol { line: 3, column: 5 });
        assert_eq!(index.line_text(1), Some("a = 1"));
        assert_eq!(index.line_text(3), Some("last"));
        assert_eq!(index.line_text(4), None);
    }

    #[test]
    fn offsets_inside_a_character_clamp_back() {
        let index = LineIndex::new("é");
        assert_eq!(index.line_col(1), LineCol { line: 1, column: 1 });
    }
}
