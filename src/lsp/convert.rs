//! Between the knowledge base's terms and the protocol's: file URIs and relative paths,
//! diagnostics with UTF-16 ranges, fixes as text edits.

use std::path::Path;

use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position,
    Range as LspRange, TextEdit, Url,
};

use super::position::Lines;
use crate::diag::{Diagnostic, Fix, Severity};
use crate::lang::Lang;
use crate::msg::Msg;

/// The name diagnostics give as their source.
pub const SOURCE: &str = "pioneers";

/// The `file:` URI of `rel` under `root`.
pub fn uri(root: &Path, rel: &str) -> Option<Url> {
    let mut path = root.to_path_buf();
    path.extend(rel.split('/'));
    Url::from_file_path(path).ok()
}

/// The path relative to `root`, with `/` separators, of a `file:` URI inside it.
pub fn relative(root: &Path, uri: &Url) -> Option<String> {
    let path = uri.to_file_path().ok()?;
    let inside = path
        .strip_prefix(root)
        .ok()
        .map(Path::to_path_buf)
        .or_else(|| {
            let root = root.canonicalize().ok()?;
            let path = path
                .parent()
                .and_then(|p| p.canonicalize().ok())
                .map(|p| p.join(path.file_name().unwrap_or_default()))?;
            path.strip_prefix(root).ok().map(Path::to_path_buf)
        })?;
    let parts: Option<Vec<&str>> = inside
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect();
    let rel = parts?.join("/");
    (!rel.is_empty() && !rel.split('/').any(|p| p == "..")).then_some(rel)
}

/// The protocol's form of `diagnostic`, in `text` (its file's text) indexed by `lines`:
/// the message and its help line in `lang`, the severity and the rule code.
pub fn diagnostic(d: &Diagnostic, text: &str, lines: &Lines, lang: Lang) -> lsp_types::Diagnostic {
    let range = d
        .span
        .as_ref()
        .map_or_else(LspRange::default, |span| lines.range(text, span));
    let mut message = d.message.text(lang);
    if let Some(help) = &d.help {
        let word = crate::msg::severity_words(lang)[2];
        message.push_str(&format!("\n{word}: {}", help.text(lang)));
    }
    lsp_types::Diagnostic {
        range,
        severity: Some(match d.severity() {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.as_str().to_string())),
        code_description: None,
        source: Some(SOURCE.to_string()),
        message,
        related_information: None,
        tags: None,
        data: None,
    }
}

/// The places a diagnostic names besides its own: for `duplicate-id`, the other document.
pub fn related(
    root: &Path,
    d: &Diagnostic,
    lang: Lang,
) -> Option<Vec<DiagnosticRelatedInformation>> {
    let Msg::DuplicateId { other, .. } = &d.message else {
        return None;
    };
    Some(vec![DiagnosticRelatedInformation {
        location: Location::new(uri(root, other)?, LspRange::default()),
        message: Msg::LspOtherWithId.text(lang),
    }])
}

/// A fix as a text edit.
pub fn text_edit(fix: &Fix, text: &str, lines: &Lines) -> TextEdit {
    TextEdit::new(lines.range(text, &fix.span), fix.replacement.clone())
}

/// Whether two ranges share a position (touching counts).
pub fn touches(a: LspRange, b: LspRange) -> bool {
    let le = |x: Position, y: Position| (x.line, x.character) <= (y.line, y.character);
    le(a.start, b.end) && le(b.start, a.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_round_trip_inside_the_root_only() {
        let root = std::env::temp_dir().join("pioneers-lsp-uri");
        let uri = uri(&root, "content/themes/café.md").expect("uri");
        assert_eq!(
            relative(&root, &uri).as_deref(),
            Some("content/themes/café.md")
        );
        let outside = Url::from_file_path(std::env::temp_dir().join("x.md")).expect("uri");
        assert_eq!(relative(&root, &outside), None);
    }

    #[test]
    fn ranges_touch_at_their_ends() {
        let r = |a, b, c, d| LspRange::new(Position::new(a, b), Position::new(c, d));
        assert!(touches(r(0, 0, 0, 5), r(0, 5, 0, 6)));
        assert!(!touches(r(0, 0, 0, 5), r(0, 6, 0, 7)));
        assert!(touches(r(1, 0, 3, 0), r(2, 4, 2, 4)));
    }
}
