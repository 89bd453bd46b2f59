//! Between Placard's positions and the protocol's: byte offsets in a file's text to zero-based
//! lines and UTF-16 columns (what LSP counts by default), and paths to `file://` URIs.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{Position, Range, Uri};
use percent_encoding::percent_decode_str;
use placard_core::LineIndex;

/// A text's lines ([`placard_core::LineIndex`], which counts columns in characters as Placard's
/// findings do), read in the protocol's zero-based lines and UTF-16 columns.
#[derive(Debug)]
pub struct Lines<'a> {
    index: LineIndex<'a>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        Lines { index: LineIndex::new(text) }
    }

    /// The position of byte `offset` (clamped to the text and back to a character's start).
    pub fn position(&self, offset: usize) -> Position {
        let at = self.index.line_col(offset);
        let range = self.index.line_range(at.line).unwrap_or_default();
        let text = &self.index.text()[range];
        let character: usize = text.chars().take(at.column as usize - 1).map(char::len_utf16).sum();
        Position { line: at.line - 1, character: saturate(character) }
    }

    pub fn range(&self, span: std::ops::Range<usize>) -> Range {
        Range { start: self.position(span.start), end: self.position(span.end.max(span.start)) }
    }

    /// The byte offset of `position`: past a line's end is its end, past the last line the text's.
    pub fn offset(&self, position: Position) -> usize {
        let Some(range) = self.index.line_range(position.line.saturating_add(1)) else {
            return self.index.text().len();
        };
        let mut units = 0;
        for (i, c) in self.index.text()[range.clone()].char_indices() {
            if units >= position.character as usize {
                return range.start + i;
            }
            units += c.len_utf16();
        }
        range.end
    }

    /// The range of 1-based `line`, from 1-based `column` (in characters, as Placard counts) to the
    /// end of the line: where a finding known only by line and column is shown.
    pub fn at_line_column(&self, line: u32, column: Option<u32>) -> Range {
        let Some(range) = self.index.line_range(line.max(1)) else {
            let end = self.position(self.index.text().len());
            return Range { start: end, end };
        };
        let skip = column.map_or(0, |c| c.max(1) as usize - 1);
        let text = &self.index.text()[range.clone()];
        let from = text.char_indices().nth(skip).map_or(range.end, |(i, _)| range.start + i);
        Range { start: self.position(from), end: self.position(range.end) }
    }

    /// The first line's range: where a finding about a whole file is shown.
    pub fn first_line(&self) -> Range {
        let end = self.index.line_range(1).map_or(0, |r| r.end);
        Range { start: Position { line: 0, character: 0 }, end: self.position(end) }
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `path` (absolute) as a `file://` URI.
pub fn uri_from_path(path: &Path) -> Option<Uri> {
    let mut uri = String::from("file://");
    for component in path.components() {
        match component {
            std::path::Component::RootDir => {}
            std::path::Component::Normal(part) => {
                uri.push('/');
                uri.push_str(&placard_core::uri_path(part.to_str()?));
            }
            _ => return None,
        }
    }
    if uri == "file://" {
        uri.push('/');
    }
    Uri::from_str(&uri).ok()
}

/// The path a `file://` URI names (`None` for any other scheme).
pub fn path_from_uri(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = text.strip_prefix("file://")?;
    // `file://localhost/…` is the same file as `file:///…`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let decoded = percent_decode_str(rest).decode_utf8().ok()?;
    Some(PathBuf::from(decoded.into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_round_trip() {
        // "€" is one UTF-16 unit and three bytes; "𝔸" two units and four bytes.
        let text = "a = 1\r\nb = €𝔸x\nlast";
        let lines = Lines::new(text);
        let x = text.find('x').expect("x");
        assert_eq!(lines.position(x), Position { line: 1, character: 7 });
        assert_eq!(lines.offset(Position { line: 1, character: 7 }), x);
        assert_eq!(lines.position(text.len()), Position { line: 2, character: 4 });
        // Past a line's end is its end, before the CR.
        assert_eq!(lines.offset(Position { line: 0, character: 99 }), 5);
        assert_eq!(lines.offset(Position { line: 9, character: 0 }), text.len());
        let range = lines.at_line_column(2, Some(5));
        assert_eq!((range.start, range.end), (Position { line: 1, character: 4 }, Position { line: 1, character: 8 }));
    }

    #[test]
    fn paths_and_uris_round_trip_with_escapes() {
        let path = Path::new("/home/tł/My Campaign/locales/pl/main#1.ftl");
        let uri = uri_from_path(path).expect("a URI");
        assert_eq!(uri.as_str(), "file:///home/t%C5%82/My%20Campaign/locales/pl/main%231.ftl");
        assert_eq!(path_from_uri(&uri).as_deref(), Some(path));
        let other = Uri::from_str("untitled:Untitled-1").expect("a URI");
        assert_eq!(path_from_uri(&other), None);
    }
}
