//! Diagnostics: a problem in the content, its rule code, and where it is.
//!
//! Positions are byte offsets into the file's text while the program works; they become
//! 1-based line:column only when printed, through [`locate`], the single conversion.

use std::ops::Range;

use serde::Serialize;

use crate::msg::Msg;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Makes `validate` fail.
    Error,
    /// Reported, but fails only with `--deny-warnings`.
    Warning,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// What a diagnostic depends on, which decides what `validate --changed-since` re-reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Only the file it is in: reported when that file changed.
    File,
    /// Other documents too (a reference, a link, an id elsewhere): also reported when a
    /// change elsewhere may have caused it.
    Cross,
}

/// Declares the rule codes once: variant, kebab-case code, severity, scope and a description.
/// A new code cannot be added without saying each, so no output or mode can miss it.
macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $scope:ident, $description:literal;)*) => {
        /// A stable rule code; CI scripts and users filter on it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $description] $variant,)*
        }

        impl Code {
            /// Every code, in the order of DESIGN.md §4.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The kebab-case code, as printed.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// The severity every diagnostic with this code has.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// A one-line description of what the rule checks.
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => $description,)* }
            }

            /// What the problem depends on.
            pub fn scope(self) -> Scope {
                match self { $(Code::$variant => Scope::$scope,)* }
            }
        }
    };
}

codes! {
    NotUtf8 = "not-utf8", Error, File, "The file is not valid UTF-8 text.";
    FileTooLarge = "file-too-large", Error, File, "The file is larger than the limit for one document.";
    UnreadableFile = "unreadable-file", Error, File, "The file or folder is not read: a symbolic link, a dot-file, not a regular file, or permission denied.";
    ControlCharacter = "control-character", Error, File, "The text contains a control character (other than tab and line breaks) that would corrupt terminals, feeds or calendars.";
    MissingFrontMatter = "missing-front-matter", Error, File, "The file does not start with a `---` front-matter block, or the block is never closed.";
    YamlSyntax = "yaml-syntax", Error, File, "The front matter is not valid YAML (or nests too deep, expands too many aliases, repeats a key).";
    InvalidId = "invalid-id", Error, File, "The file name is not a valid id (a lowercase slug; sessions start with their date).";
    DuplicateId = "duplicate-id", Error, Cross, "Two documents of one type have the same id, or ids that differ only in case.";
    UnknownFolder = "unknown-folder", Error, File, "A Markdown file lies outside the four document folders.";
    MissingField = "missing-field", Error, File, "A required field is absent or empty, or a list has an empty item.";
    UnknownField = "unknown-field", Error, File, "A field is not part of the document type.";
    WrongType = "wrong-type", Error, File, "A value has the wrong shape (text, list, mapping, true/false).";
    InvalidValue = "invalid-value", Error, File, "A value is not one of the allowed choices.";
    InvalidDate = "invalid-date", Error, File, "A date is not a real date written as YYYY-MM-DD.";
    InvalidTime = "invalid-time", Error, File, "A time is not written as HH:MM.";
    InvalidUrl = "invalid-url", Error, File, "A URL is not an absolute http or https address.";
    TooLong = "too-long", Error, File, "A value is longer than its field allows.";
    UnknownReference = "unknown-reference", Error, Cross, "A reference names a document that does not exist.";
    SelfReference = "self-reference", Error, File, "A document refers to itself where that makes no sense.";
    DateMismatch = "date-mismatch", Error, File, "A session's date differs from the date its id starts with.";
    EndBeforeStart = "end-before-start", Error, File, "A session ends before (or when) it starts.";
    EndWithoutStart = "end-without-start", Error, File, "A session has an end time but no start time.";
    RetrospectiveBeforeSession = "retrospective-before-session", Error, Cross, "A retrospective is published before its session took place.";
    RetrospectiveForPlannedSession = "retrospective-for-planned-session", Error, Cross, "A retrospective looks back on a session that has not happened yet.";
    RetrospectiveForCancelledSession = "retrospective-for-cancelled-session", Error, Cross, "A retrospective looks back on a cancelled session.";
    StatusContradiction = "status-contradiction", Warning, Cross, "A theme's declared status contradicts the sessions that treat it.";
    EmptyBody = "empty-body", Error, File, "A retrospective has no text below its front matter.";
    BrokenLink = "broken-link", Error, Cross, "A relative link points to a document or file that does not exist.";
    BrokenAnchor = "broken-anchor", Error, Cross, "A link points to a `#heading` that its target does not have.";
    MissingImage = "missing-image", Error, Cross, "An image points to a file that does not exist.";
    RawHtml = "raw-html", Warning, File, "The body contains raw HTML, which is escaped when rendered.";
    MissingRetrospective = "missing-retrospective", Warning, Cross, "A held session has no retrospective yet.";
    PlaceholderText = "placeholder-text", Warning, File, "A retrospective still has a question that `new` wrote for its author to answer.";
    DuplicateItem = "duplicate-item", Error, File, "A list names the same item twice (tags count as the same when their pages would be).";
    ReservedPath = "reserved-path", Error, Cross, "A file under `content/` would be published at the path of a page the site generates.";
}

impl Code {
    /// Whether the problem depends on other documents, so that a change elsewhere can cause
    /// it (used by `validate --changed-since`).
    pub fn is_cross_document(self) -> bool {
        self.scope() == Scope::Cross
    }
}

/// One problem in the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule that found it; it also fixes the severity.
    pub code: Code,
    /// What is wrong, in one sentence (written in a language only when printed).
    pub message: Msg,
    /// The file, relative to the knowledge-base root, with `/` separators.
    pub file: String,
    /// Byte range of the offending key or value in the file; `None` means the whole file.
    pub span: Option<Range<usize>>,
    /// How to fix it, when that can be said.
    pub help: Option<Msg>,
    /// Edits that repair it, when they can be known.
    pub fixes: Vec<Fix>,
}

/// An edit that repairs a diagnostic: replace `span` of the file by `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// Byte range in the file's text.
    pub span: Range<usize>,
    /// The text to put there.
    pub replacement: String,
    /// Whether it is the one repair the author can have meant (`validate --fix` applies
    /// only these; the others are offered).
    pub certain: bool,
}

impl Diagnostic {
    /// A diagnostic for `code` at `span` of `file`.
    pub fn new(
        code: Code,
        file: impl Into<String>,
        span: Option<Range<usize>>,
        message: Msg,
    ) -> Self {
        Diagnostic {
            code,
            message,
            file: file.into(),
            span,
            help: None,
            fixes: Vec::new(),
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: Msg) -> Self {
        self.help = Some(help);
        self
    }

    /// Adds a help line if there is one.
    pub fn with_optional_help(mut self, help: Option<Msg>) -> Self {
        self.help = help;
        self
    }

    /// Adds an edit that repairs it.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    /// The severity, fixed by the code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }
}

/// A 1-based line and column; the column counts characters, a tab is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line, counted from the top of the file.
    pub line: usize,
    /// 1-based column in characters; a byte-order mark is not counted.
    pub column: usize,
}

/// Turns a byte offset into a line and column of `text`.
///
/// Offsets past the end or inside a character are moved back to the nearest character start.
pub fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut column = before[line_start..].chars().count() + 1;
    if line_start == 0 && before.starts_with('\u{feff}') {
        column -= 1;
    }
    Position { line, column }
}

/// Start and end position of a diagnostic in its file's text (1:1 when it has no span).
///
/// For one diagnostic; to place many in one file, build a [`LineIndex`] once.
pub fn locate(diagnostic: &Diagnostic, text: &str) -> (Position, Position) {
    LineIndex::locate_with(diagnostic, |offset| position(text, offset))
}

/// Where the lines of one text start, and how many characters precede each block of
/// [`LineIndex::BLOCK`] bytes, so that turning an offset into a line and column costs a
/// binary search and at most one block's worth of counting, however long the file or line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    chars_before_block: Vec<usize>,
    bom: bool,
}

impl LineIndex {
    /// The bytes per block of counted characters.
    const BLOCK: usize = 1024;

    /// Indexes `text` in one pass.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let bytes = text.as_bytes();
        let mut chars_before_block = Vec::with_capacity(bytes.len() / Self::BLOCK + 1);
        let mut chars = 0;
        for block in bytes.chunks(Self::BLOCK) {
            chars_before_block.push(chars);
            chars += block.iter().filter(|&&b| !is_continuation(b)).count();
        }
        chars_before_block.push(chars);
        LineIndex {
            line_starts,
            chars_before_block,
            bom: text.starts_with('\u{feff}'),
        }
    }

    /// The line and column of byte `offset` of `text` (the text this index was built
    /// from); the same answer as [`position`].
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let mut column = self.chars_before(text, offset) - self.chars_before(text, line_start) + 1;
        if line == 1 && self.bom && offset > 0 {
            column -= 1;
        }
        Position { line, column }
    }

    /// The byte range of the line holding byte `offset`, without its line break.
    pub fn line_bounds(&self, text: &str, offset: usize) -> Range<usize> {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let end = self
            .line_starts
            .get(line)
            .map_or(text.len(), |next| next - 1);
        start..end.max(start)
    }

    /// Start and end position of `diagnostic`, which is in the indexed text.
    pub fn locate(&self, diagnostic: &Diagnostic, text: &str) -> (Position, Position) {
        Self::locate_with(diagnostic, |offset| self.position(text, offset))
    }

    fn locate_with(
        diagnostic: &Diagnostic,
        at: impl Fn(usize) -> Position,
    ) -> (Position, Position) {
        match &diagnostic.span {
            Some(span) => (at(span.start), at(span.end)),
            None => {
                let start = Position { line: 1, column: 1 };
                (start, start)
            }
        }
    }

    /// The number of characters before byte `offset` (a character boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / Self::BLOCK;
        let from = block * Self::BLOCK;
        let counted = self.chars_before_block.get(block).copied().unwrap_or(0);
        counted
            + text.as_bytes()[from..offset]
                .iter()
                .filter(|&&b| !is_continuation(b))
                .count()
    }
}

/// Whether `byte` continues a UTF-8 character rather than starting one.
fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, offset: usize) -> (usize, usize) {
        let p = position(text, offset);
        (p.line, p.column)
    }

    #[test]
    fn first_character_is_line_one_column_one() {
        assert_eq!(at("abc", 0), (1, 1));
    }

    #[test]
    fn counts_lines_after_newlines() {
        assert_eq!(at("a\nbc\nd", 3), (2, 2));
        assert_eq!(at("a\nbc\nd", 5), (3, 1));
    }

    #[test]
    fn crlf_counts_as_one_line_break() {
        assert_eq!(at("a\r\nb", 3), (2, 1));
    }

    #[test]
    fn byte_order_mark_is_not_a_column() {
        let text = "\u{feff}---\ntitle: x";
        assert_eq!(at(text, 3), (1, 1));
        assert_eq!(at(text, 4), (1, 2));
        assert_eq!(at(text, 7), (2, 1));
    }

    #[test]
    fn tab_is_one_column() {
        assert_eq!(at("\tx", 1), (1, 2));
    }

    #[test]
    fn multibyte_characters_are_one_column_each() {
        let text = "café: x";
        assert_eq!(at(text, "café".len()), (1, 5));
    }

    #[test]
    fn offset_inside_a_character_moves_back() {
        assert_eq!(at("é", 1), (1, 1));
    }

    #[test]
    fn offset_past_end_is_clamped() {
        assert_eq!(at("ab", 99), (1, 3));
    }

    #[test]
    fn line_index_agrees_with_position_everywhere() {
        let long_line = "é".repeat(1500);
        let texts = [
            String::new(),
            "abc".to_string(),
            "a\r\nbc\nd\n".to_string(),
            "\u{feff}---\ntitle: x\n".to_string(),
            format!("---\n{long_line}x\n{long_line}\n"),
            "\u{feff}".to_string(),
            "🙂a\n\n\tb".to_string(),
        ];
        for text in &texts {
            let index = LineIndex::new(text);
            for offset in 0..=text.len() + 2 {
                assert_eq!(
                    index.position(text, offset),
                    position(text, offset),
                    "offset {offset} of {text:?}"
                );
            }
        }
    }

    #[test]
    fn line_bounds_exclude_the_line_break() {
        let text = "ab\ncd\n\nef";
        let index = LineIndex::new(text);
        assert_eq!(index.line_bounds(text, 0), 0..2);
        assert_eq!(index.line_bounds(text, 2), 0..2);
        assert_eq!(index.line_bounds(text, 4), 3..5);
        assert_eq!(index.line_bounds(text, 6), 6..6);
        assert_eq!(index.line_bounds(text, 9), 7..9);
        assert_eq!(index.line_bounds(text, 99), 7..9);
    }

    #[test]
    fn every_code_is_kebab_case_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let s = code.as_str();
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
            );
            assert!(seen.insert(s), "{s} twice");
        }
    }
}
