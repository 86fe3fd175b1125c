//! `--format human`: rustc-style diagnostics rendered by annotate-snippets, with the
//! source line and a caret under the span, and a summary line.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Sources, Summary};
use crate::diag::{Diagnostic, Severity};

/// Writes every diagnostic and then the summary.
pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    sources: &Sources<'_>,
    summary: Summary,
    color: bool,
) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for d in diagnostics {
        writeln!(out, "{}\n", renderer.render(&[group(d, sources)]))?;
    }
    writeln!(out, "{}", summary_line(summary))
}

fn group<'a>(d: &'a Diagnostic, sources: &Sources<'a>) -> Group<'a> {
    let text = sources.text(&d.file);
    let level = match d.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(d.message.as_str()).id(d.code.as_str());
    let mut group = match d.span.as_ref().filter(|_| !text.is_empty()) {
        Some(span) => {
            let (lines, local) = lines_around(text, span);
            let first_line = sources.position(&d.file, lines.start).line;
            title.element(
                Snippet::source(&text[lines])
                    .line_start(first_line)
                    .path(d.file.as_str())
                    .annotation(AnnotationKind::Primary.span(local)),
            )
        }
        None => title.element(Origin::path(d.file.as_str())),
    };
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    group
}

/// The whole lines that `span` touches (without a byte-order mark), and the span within
/// them, widened to whole characters so that no slice falls inside one.
fn lines_around(text: &str, span: &Range<usize>) -> (Range<usize>, Range<usize>) {
    let start = floor_char_boundary(text, span.start);
    let end = ceil_char_boundary(text, span.end.max(start));
    let mut first = text[..start].rfind('\n').map_or(0, |i| i + 1);
    if first == 0 && text.starts_with('\u{feff}') {
        first = 3.min(start);
    }
    let last = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let last = if text[..last].ends_with('\r') {
        last - 1
    } else {
        last
    };
    let lines = first..last.max(first);
    let local = start.max(lines.start) - lines.start..end.min(lines.end).max(start) - lines.start;
    (lines, local)
}

/// The largest character boundary of `text` at or before `i`.
fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary of `text` at or after `i`.
fn ceil_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn summary_line(s: Summary) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{} checked: {}, {}",
        plural(s.files, "file"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_around_a_span() {
        let text = "a\r\nbc: d\r\ne";
        assert_eq!(lines_around(text, &(7..8)), (3..8, 4..5));
        let bom = "\u{feff}---\nx";
        assert_eq!(lines_around(bom, &(3..6)), (3..6, 0..3));
    }

    #[test]
    fn spans_inside_a_character_widen_to_the_whole_character() {
        // U+FFFD (three bytes) where an invalid byte was: a one-byte span at its start.
        let text = "---\ntitle: a\u{fffd}b\n";
        let at = text.find('\u{fffd}').expect("replacement character");
        let (lines, local) = lines_around(text, &(at..at + 1));
        assert_eq!(&text[lines.clone()][local], "\u{fffd}");
        assert_eq!(lines_around(text, &(at + 1..at + 2)).1, 8..11);
    }

    #[test]
    fn summary_counts_with_plurals() {
        let line = summary_line(Summary {
            files: 1,
            errors: 2,
            warnings: 0,
        });
        assert_eq!(line, "1 file checked: 2 errors, 0 warnings");
    }
}
