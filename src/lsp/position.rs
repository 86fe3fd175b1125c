//! LSP positions: a line and a column counted in UTF-16 code units, as the protocol says,
//! turned to and from the byte offsets that diagnostics and spans use.
//!
//! A line ends at `\n` (a `\r` before it is part of the line's text, as LSP clients count
//! it too). A column past the end of its line means the end of the line; a line past the
//! end of the text means the end of the text. An offset inside a character is moved back
//! to its start.

use std::ops::Range;

use lsp_types::{Position, Range as LspRange};

/// Where the lines of one text start, to convert many offsets without rescanning.
#[derive(Debug, Clone)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// The LSP position of byte `offset` of `text` (the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let column: usize = text
            .get(start..offset)
            .unwrap_or_default()
            .chars()
            .map(char::len_utf16)
            .sum();
        Position::new(to_u32(line), to_u32(column))
    }

    /// The byte offset of `position` in `text` (clamped to its line and to the text).
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(text.len(), |next| next - 1);
        let line = text.get(start..end).unwrap_or_default();
        let mut units = 0;
        for (at, c) in line.char_indices() {
            if units >= position.character as usize {
                return start + at;
            }
            units += c.len_utf16();
        }
        end
    }

    /// The LSP range of the byte range `span`.
    pub fn range(&self, text: &str, span: &Range<usize>) -> LspRange {
        LspRange::new(
            self.position(text, span.start),
            self.position(text, span.end),
        )
    }

    /// The byte range of an LSP range.
    pub fn span(&self, text: &str, range: LspRange) -> Range<usize> {
        let start = self.offset(text, range.start);
        start..self.offset(text, range.end).max(start)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, offset: usize) -> (u32, u32) {
        let p = Lines::new(text).position(text, offset);
        (p.line, p.character)
    }

    #[test]
    fn accents_are_one_unit_and_emoji_two() {
        let text = "é🙂x\nçb";
        assert_eq!(at(text, 0), (0, 0));
        assert_eq!(at(text, "é".len()), (0, 1));
        assert_eq!(at(text, "é🙂".len()), (0, 3));
        assert_eq!(at(text, "é🙂x".len()), (0, 4));
        assert_eq!(at(text, "é🙂x\nç".len()), (1, 1));
        assert_eq!(at(text, text.len()), (1, 2));
    }

    #[test]
    fn offsets_inside_a_character_move_back() {
        assert_eq!(at("🙂", 2), (0, 0));
        assert_eq!(at("ab", 99), (0, 2));
    }

    #[test]
    fn positions_round_trip_on_every_character_boundary() {
        let text = "---\r\ntitle: Één café 🙂 ok\n---\n\n# Kop 🎉\n";
        let lines = Lines::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let position = lines.position(text, offset);
            assert_eq!(lines.offset(text, position), offset, "{position:?}");
        }
    }

    #[test]
    fn positions_past_the_line_or_the_text_are_clamped() {
        let text = "ab\ncd";
        let lines = Lines::new(text);
        assert_eq!(lines.offset(text, Position::new(0, 99)), 2);
        assert_eq!(lines.offset(text, Position::new(9, 0)), text.len());
        assert_eq!(
            lines.offset(text, Position::new(0, 1)),
            1,
            "inside the surrogate pair of nothing: a plain column"
        );
        let emoji = "🙂x";
        let lines = Lines::new(emoji);
        assert_eq!(
            lines.offset(emoji, Position::new(0, 1)),
            4,
            "a column between the two halves of an emoji moves to its end"
        );
    }
}
