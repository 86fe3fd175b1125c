//! Loads one file: read (bounded), decode, split, parse YAML, read the body, build the model.
//! Every failure becomes a diagnostic; nothing here stops the run.

use std::io::Read;
use std::ops::Range;
use std::path::Path;

use super::access;
use super::markdown;
use super::model::{Data, Declared};
use super::split::{SplitError, closing, split};
use super::walk::Found;
use super::yaml::{self, Node, Value};
use super::{Document, Organisation, Retrospective, Session, SourceFile, Theme};
use crate::diag::{Code, Diagnostic, Fix, LineIndex};
use crate::kb::schema::DocKind;
use crate::msg::Msg;

/// The largest document read, in bytes (5 MiB); larger files get `file-too-large`.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

/// What loading one file gives.
pub struct Loaded {
    /// The file's text (lossy when it was not UTF-8, empty when unread).
    pub file: SourceFile,
    /// The document, when the file could be read as text.
    pub document: Option<Document>,
    /// Problems found while loading.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads `found` (under `root`); `file_index` is the position its [`SourceFile`] will have.
pub fn load(root: &Path, found: &Found, file_index: usize) -> Loaded {
    let mut diagnostics = Vec::new();
    match read_text(root, found, &mut diagnostics) {
        Ok(text) => from_text(found, file_index, text),
        Err(text) => unparsed(found, text, diagnostics),
    }
}

/// Loads `found` from `bytes` already in memory, decoding them as [`load`] does.
pub fn from_bytes(found: &Found, file_index: usize, bytes: Vec<u8>) -> Loaded {
    let mut diagnostics = Vec::new();
    match decode(found, bytes, &mut diagnostics) {
        Ok(text) => from_text(found, file_index, text),
        Err(text) => unparsed(found, text, diagnostics),
    }
}

/// A file that is kept only for diagnostics to quote.
fn unparsed(found: &Found, text: String, diagnostics: Vec<Diagnostic>) -> Loaded {
    Loaded {
        file: SourceFile {
            path: found.rel.clone(),
            text,
        },
        document: None,
        diagnostics,
    }
}

/// Loads `found` from `text` already in memory.
pub fn from_text(found: &Found, file_index: usize, text: String) -> Loaded {
    let mut diagnostics = Vec::new();
    let document = parse_document(found, file_index, &text, &mut diagnostics);
    Loaded {
        file: SourceFile {
            path: found.rel.clone(),
            text,
        },
        document: Some(document),
        diagnostics,
    }
}

/// The file's text, or (as `Err`) what can be shown of it after a diagnostic.
fn read_text(
    root: &Path,
    found: &Found,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<String, String> {
    let mut problem = |code, message: Msg| {
        diagnostics.push(Diagnostic::new(code, found.rel.clone(), None, message));
        String::new()
    };
    // Through the one access rule: a document swapped for a link after the walk is still
    // not followed.
    let file = access::open(root, &found.rel)
        .map_err(|e| problem(Code::UnreadableFile, Msg::CannotReadFile(e.to_string())))?;
    // The size on disk saves reallocations and probe reads; a file that grows meanwhile is
    // still read, up to the limit.
    let expected = file
        .metadata()
        .map_or(0, |m| m.len().min(MAX_FILE_BYTES + 1));
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0) + 1);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| problem(Code::UnreadableFile, Msg::CannotReadFile(e.to_string())))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(problem(
            Code::FileTooLarge,
            Msg::FileTooLarge {
                mib: MAX_FILE_BYTES / 1024 / 1024,
            },
        ));
    }
    decode(found, bytes, diagnostics)
}

/// `bytes` as text; or (as `Err`), when they are not UTF-8, the text with U+FFFD for what
/// is not, after a `not-utf8` diagnostic whose span covers the first replacement character
/// in the text that diagnostics will quote.
fn decode(
    found: &Found,
    bytes: Vec<u8>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
        let at = String::from_utf8_lossy(&error.as_bytes()[..valid]).len();
        diagnostics.push(
            Diagnostic::new(
                Code::NotUtf8,
                found.rel.clone(),
                Some(at..at + char::REPLACEMENT_CHARACTER.len_utf8()),
                Msg::NotUtf8,
            )
            .with_help(Msg::SaveAsUtf8),
        );
        text
    })
}

fn parse_document(
    found: &Found,
    file_index: usize,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Document {
    let id = found
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (front, opening, body_range) = match split(text) {
        Ok(parts) => {
            let front = parse_front(found, text, &parts.yaml, &parts.opening, diagnostics);
            (front, parts.opening, parts.body)
        }
        Err(error) => {
            diagnostics.push(split_diagnostic(found, text, error));
            (None, 0..0, 0..text.len())
        }
    };
    let body = markdown::analyse(&text[body_range.clone()], body_range.start);
    let empty = Node {
        span: opening.clone(),
        value: Value::Mapping(Vec::new()),
    };
    let data = typed(found.kind, front.as_ref().unwrap_or(&empty));
    Document {
        kind: found.kind,
        id,
        file: file_index,
        opening,
        front,
        body_range,
        body,
        data,
    }
}

fn parse_front(
    found: &Found,
    text: &str,
    yaml_range: &Range<usize>,
    opening: &Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Node> {
    let parsed = yaml::parse(&text[yaml_range.clone()], yaml_range.start);
    // Built on the first repeated key only: thousands of them must not rescan the file each.
    let lines = std::cell::OnceCell::new();
    for problem in &parsed.problems {
        let help = match problem.first {
            Some(first) => Some(Msg::FirstOneCounts {
                line: lines
                    .get_or_init(|| LineIndex::new(text))
                    .position(text, first)
                    .line,
            }),
            None => problem.help.clone(),
        };
        let diagnostic = Diagnostic::new(
            Code::YamlSyntax,
            found.rel.clone(),
            Some(problem.span.clone()),
            problem.message.clone(),
        )
        .with_optional_help(help);
        diagnostics.push(
            problem
                .fixes
                .iter()
                .cloned()
                .fold(diagnostic, Diagnostic::with_fix),
        );
    }
    match parsed.root {
        Some(root) => Some(root),
        None if parsed.problems.is_empty() => Some(Node {
            span: opening.clone(),
            value: Value::Mapping(Vec::new()),
        }),
        None => None,
    }
}

fn split_diagnostic(found: &Found, text: &str, error: SplitError) -> Diagnostic {
    let rel = found.rel.clone();
    match error {
        SplitError::NoOpening => {
            let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            Diagnostic::new(
                Code::MissingFrontMatter,
                rel,
                Some(start..end),
                Msg::NoFrontMatter,
            )
            .with_help(Msg::BeginWithFrontMatter)
        }
        SplitError::Unclosed(opening) => {
            let diagnostic = Diagnostic::new(
                Code::MissingFrontMatter,
                rel,
                Some(opening.clone()),
                Msg::FrontMatterNotClosed,
            );
            match closing(text, &opening) {
                Some(close) => diagnostic
                    .with_help(Msg::CloseFrontMatterAfter {
                        line: close.after_line,
                    })
                    .with_fix(Fix {
                        span: close.at..close.at,
                        replacement: close.insert,
                        certain: close.certain,
                    }),
                None => diagnostic.with_help(Msg::CloseFrontMatter),
            }
        }
    }
}

fn typed(kind: DocKind, front: &Node) -> Data {
    match kind {
        DocKind::Organisation => Data::Organisation(Organisation::from_front(front)),
        DocKind::Theme => Data::Theme(Theme::from_front(front)),
        DocKind::Session => Data::Session(Session::from_front(front)),
        DocKind::Retrospective => Data::Retrospective(Retrospective::from_front(front)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn diagnostics(text: &str) -> Vec<Diagnostic> {
        let found = Found {
            path: "content/themes/open-wob.md".into(),
            rel: "content/themes/open-wob.md".into(),
            kind: DocKind::Theme,
        };
        from_text(&found, 0, text.to_string()).diagnostics
    }

    #[test]
    fn an_unclosed_front_matter_says_where_the_closing_line_goes() {
        let text = "---\ntitle: Open Wob\nsummary: x\n\nDe tekst.\n";
        let found = diagnostics(text);
        assert_eq!(found.len(), 1);
        let help = found[0].help.as_ref().expect("help");
        assert_eq!(
            help.text(Lang::En),
            "add a line `---` right after line 3, the last field, before the text"
        );
        assert_eq!(
            help.text(Lang::Nl),
            "zet een regel `---` direct onder regel 3, het laatste veld, boven de tekst"
        );
        let fix = &found[0].fixes[0];
        assert_eq!(
            (fix.span.clone(), fix.replacement.as_str()),
            (31..31, "---\n")
        );
        assert!(fix.certain);
    }

    #[test]
    fn a_yaml_slip_carries_its_fix_into_the_diagnostic() {
        let text = "---\ntitle: Terugblik: Zwolle\n---\nTekst\n";
        let found = diagnostics(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::YamlSyntax);
        let fix = &found[0].fixes[0];
        assert_eq!(&text[fix.span.clone()], "Terugblik: Zwolle");
        assert_eq!(fix.replacement, "\"Terugblik: Zwolle\"");
    }
}
