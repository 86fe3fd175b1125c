//! Splits a document into its YAML front matter and Markdown body, keeping byte offsets.
//!
//! The first line (after an optional byte-order mark) must be `---`; the front matter runs to
//! the next line that is `---`. Trailing spaces and CRLF line endings are accepted on both.

use std::ops::Range;

/// Where the parts of a document are, as byte ranges of the whole file.
#[derive(Debug, PartialEq, Eq)]
pub struct Parts {
    /// The opening `---` line, without its line break.
    pub opening: Range<usize>,
    /// The YAML between the delimiters.
    pub yaml: Range<usize>,
    /// Everything after the closing delimiter's line.
    pub body: Range<usize>,
}

/// Why a document has no usable front matter.
#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    NoOpening,
    /// The opening `---` at this range is never closed.
    Unclosed(Range<usize>),
}

/// Finds the front matter of `text`.
pub fn split(text: &str) -> Result<Parts, SplitError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = Lines { text, pos: start };
    let opening = match lines.next() {
        Some(line) if is_delimiter(&text[line.content.clone()]) => line,
        _ => return Err(SplitError::NoOpening),
    };
    let yaml_start = opening.next;
    for line in lines {
        if is_delimiter(&text[line.content.clone()]) {
            return Ok(Parts {
                opening: opening.content,
                yaml: yaml_start..line.content.start,
                body: line.next..text.len(),
            });
        }
    }
    Err(SplitError::Unclosed(opening.content))
}

fn is_delimiter(line: &str) -> bool {
    line.trim_end_matches([' ', '\t', '\r']) == "---"
}

struct Line {
    /// The line without its `\n`.
    content: Range<usize>,
    /// Where the following line starts.
    next: usize,
}

struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let (len, step) = match rest.find('\n') {
            Some(i) => (i, i + 1),
            None => (rest.len(), rest.len()),
        };
        let line = Line {
            content: self.pos..self.pos + len,
            next: self.pos + step,
        };
        self.pos += step;
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml_and_body(text: &str) -> (&str, &str) {
        let parts = split(text).expect("front matter");
        (&text[parts.yaml], &text[parts.body])
    }

    #[test]
    fn splits_front_matter_from_body() {
        assert_eq!(
            yaml_and_body("---\ntitle: x\n---\nBody\n"),
            ("title: x\n", "Body\n")
        );
    }

    #[test]
    fn accepts_crlf_and_trailing_spaces() {
        assert_eq!(
            yaml_and_body("--- \r\ntitle: x\r\n---\r\nBody"),
            ("title: x\r\n", "Body")
        );
    }

    #[test]
    fn accepts_bom() {
        let text = "\u{feff}---\na: 1\n---\n";
        let parts = split(text).expect("front matter");
        assert_eq!(parts.opening, 3..6);
        assert_eq!(&text[parts.yaml], "a: 1\n");
    }

    #[test]
    fn empty_front_matter_and_no_body() {
        assert_eq!(yaml_and_body("---\n---"), ("", ""));
    }

    #[test]
    fn missing_opening() {
        assert_eq!(split("title: x\n"), Err(SplitError::NoOpening));
        assert_eq!(split(""), Err(SplitError::NoOpening));
        assert_eq!(split("\0\0\0"), Err(SplitError::NoOpening));
    }

    #[test]
    fn unclosed() {
        assert_eq!(split("---\ntitle: x\n"), Err(SplitError::Unclosed(0..3)));
    }

    #[test]
    fn a_longer_dash_line_is_not_a_delimiter() {
        assert_eq!(
            yaml_and_body("---\na: 1\n----\n---\nb"),
            ("a: 1\n----\n", "b")
        );
    }
}
