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

/// Where the missing closing `---` of front matter opened at `opening` belongs: right
/// after the last line of fields, before the first blank or text line that follows them.
#[derive(Debug, PartialEq, Eq)]
pub struct Closing {
    /// The byte offset to insert the line at.
    pub at: usize,
    /// The 1-based number of the last field line, which the new line follows.
    pub after_line: usize,
    /// The text to insert: `---` with the file's line break (and one before it at the end of
    /// a file that lacks one).
    pub insert: String,
    /// Whether the fields clearly end there: a text line follows them (otherwise the rest of
    /// the file looks like fields too, and the place is a guess).
    pub certain: bool,
}

/// Where the closing `---` of the unclosed front matter of `text` belongs (its opening line
/// at `opening`), or `None` when no field line follows the opening.
pub fn closing(text: &str, opening: &Range<usize>) -> Option<Closing> {
    let start = opening.end + usize::from(text[opening.end..].starts_with('\n'));
    let mut last_field: Option<Line> = None;
    let mut after_blank = false;
    let mut certain = false;
    for line in (Lines { text, pos: start }) {
        let content = text[line.content.clone()].trim_end_matches('\r');
        if content.trim().is_empty() {
            after_blank = last_field.is_some();
            continue;
        }
        let continues = last_field.is_some()
            && !after_blank
            && (content.starts_with([' ', '\t']) || content.starts_with("- "));
        // After a blank line, a sentence such as `Tekst: mooi.` is text, not a field.
        let field =
            is_field_line(content) && !(after_blank && content.starts_with(char::is_uppercase));
        if field || continues {
            last_field = Some(line);
            after_blank = false;
        } else {
            certain = last_field.is_some();
            break;
        }
    }
    let last = last_field?;
    let crlf = text[last.content.clone()].ends_with('\r');
    let newline = if crlf { "\r\n" } else { "\n" };
    let at = last.next;
    let missing_break = at == last.content.end;
    Some(Closing {
        at,
        after_line: text[..last.content.start].matches('\n').count() + 1,
        insert: format!("{}---{newline}", if missing_break { newline } else { "" }),
        certain,
    })
}

/// Whether `line` starts a top-level field: a word, a colon, and a space or the line's end.
fn is_field_line(line: &str) -> bool {
    let Some((key, rest)) = line.split_once(':') else {
        return false;
    };
    let word = key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    word && (rest.is_empty() || rest.starts_with([' ', '\t']))
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

    /// The text with the closing line inserted, and the closing.
    fn closed(text: &str) -> (String, Closing) {
        let found = closing(text, &(0..3)).expect("a place");
        let mut closed = text.to_string();
        closed.insert_str(found.at, &found.insert);
        (closed, found)
    }

    #[test]
    fn the_closing_line_goes_after_the_last_field_before_the_text() {
        let (text, found) = closed("---\ntitle: x\nauthors:\n  - Ana\n\nTekst: mooi.\n");
        assert_eq!(
            text,
            "---\ntitle: x\nauthors:\n  - Ana\n---\n\nTekst: mooi.\n"
        );
        assert_eq!(found.after_line, 4);
        assert!(found.certain);
        let (text, found) = closed("---\ntitle: x\nDe tekst begint hier.\n");
        assert_eq!(text, "---\ntitle: x\n---\nDe tekst begint hier.\n");
        assert!(found.certain);
        let (text, _) = closed("---\r\ntitle: x\r\n\r\n# Kop\r\n");
        assert_eq!(text, "---\r\ntitle: x\r\n---\r\n\r\n# Kop\r\n");
    }

    #[test]
    fn blank_lines_between_fields_stay_in_the_fields() {
        let (text, found) = closed("---\ntitle: x\n\nsummary: y\n\nTekst\n");
        assert_eq!(text, "---\ntitle: x\n\nsummary: y\n---\n\nTekst\n");
        assert_eq!(found.after_line, 4);
    }

    #[test]
    fn only_fields_is_a_guess_and_no_fields_has_no_place() {
        let (text, found) = closed("---\ntitle: x");
        assert_eq!(text, "---\ntitle: x\n---\n");
        assert!(!found.certain);
        assert_eq!(closing("---\nJust text\n", &(0..3)), None);
        assert_eq!(closing("---", &(0..3)), None);
    }

    #[test]
    fn a_longer_dash_line_is_not_a_delimiter() {
        assert_eq!(
            yaml_and_body("---\na: 1\n----\n---\nb"),
            ("a: 1\n----\n", "b")
        );
    }
}
