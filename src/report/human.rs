//! `--format human`: rustc-style diagnostics rendered by annotate-snippets, with the
//! source line and a caret under the span, and a summary line.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Sources, Summary};
use crate::diag::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::msg::{Msg, severity_words};
use crate::text::escape_control;

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
    writeln!(out, "{}", summary_line(summary, sources.lang()))
}

fn group<'a>(d: &'a Diagnostic, sources: &Sources<'a>) -> Group<'a> {
    let text = sources.text(&d.file);
    let [error, warning, help] = severity_words(sources.lang());
    let level = match d.severity() {
        Severity::Error => Level::ERROR.with_name(error),
        Severity::Warning => Level::WARNING.with_name(warning),
    };
    // Messages and paths quote the content: escape what could steer the terminal. (The
    // quoted source itself is safe: annotate-snippets shows control characters as symbols.)
    let path = escape_control(&d.file);
    let title = level
        .primary_title(escape_control(&sources.say(&d.message)).into_owned())
        .id(d.code.as_str());
    let mut group = match d.span.as_ref().filter(|_| !text.is_empty()) {
        Some(span) => {
            let (lines, local) = lines_around(text, span, |at| sources.line_bounds(&d.file, at));
            let first_line = sources.position(&d.file, lines.start).line;
            let (window, local) = window(&text[lines.clone()], local);
            let snippet =
                Snippet::source(&text[lines.start + window.start..lines.start + window.end])
                    .line_start(first_line)
                    .annotation(AnnotationKind::Primary.span(local));
            if window.start == 0 {
                title.element(snippet.path(path))
            } else {
                // The quote starts inside the line: say where the span is, as the snippet
                // cannot know its column.
                let at = sources.position(&d.file, span.start);
                title
                    .element(Origin::path(path).line(at.line).char_column(at.column))
                    .element(snippet)
            }
        }
        None => title.element(Origin::path(path)),
    };
    if let Some(message) = &d.help {
        group = group.element(
            Level::HELP
                .with_name(help)
                .message(escape_control(&sources.say(message)).into_owned()),
        );
    }
    group
}

/// The most bytes of source quoted for one diagnostic; a longer stretch (a long line or a
/// span over many lines) is cut to a window from shortly before the span, so that thousands of
/// diagnostics on one long line do not each quote all of it.
const MAX_QUOTE: usize = 2048;

/// The part of `lines` to quote, and `local` (the span in `lines`) within it.
fn window(lines: &str, local: Range<usize>) -> (Range<usize>, Range<usize>) {
    if lines.len() <= MAX_QUOTE {
        return (0..lines.len(), local);
    }
    let start = floor_char_boundary(lines, local.start.saturating_sub(MAX_QUOTE / 8));
    let start = lines[start..local.start]
        .rfind('\n')
        .map_or(start, |i| start + i + 1);
    let end = ceil_char_boundary(lines, start + MAX_QUOTE).max(local.start);
    let end = lines[local.start..end]
        .rfind('\n')
        .map_or(end, |i| local.start + i);
    let span = local.start - start..local.end.min(end).max(local.start) - start;
    (start..end, span)
}

/// The whole lines that `span` touches (without a byte-order mark), and the span within
/// them, widened to whole characters so that no slice falls inside one. `line_of` gives
/// the bounds of the line holding an offset, without its line break.
fn lines_around(
    text: &str,
    span: &Range<usize>,
    line_of: impl Fn(usize) -> Range<usize>,
) -> (Range<usize>, Range<usize>) {
    let start = floor_char_boundary(text, span.start);
    let end = ceil_char_boundary(text, span.end.max(start));
    let mut first = line_of(start).start;
    if first == 0 && text.starts_with('\u{feff}') {
        first = 3.min(start);
    }
    let last = line_of(end).end.max(end);
    let last = if text[..last].ends_with('\r') && last > end {
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

fn summary_line(s: Summary, lang: Lang) -> String {
    Msg::Summary {
        files: s.files,
        errors: s.errors,
        warnings: s.warnings,
    }
    .text(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_around_a_span() {
        let text = "a\r\nbc: d\r\ne";
        assert_eq!(around(text, &(7..8)), (3..8, 4..5));
        let bom = "\u{feff}---\nx";
        assert_eq!(around(bom, &(3..6)), (3..6, 0..3));
    }

    fn around(text: &str, span: &Range<usize>) -> (Range<usize>, Range<usize>) {
        let index = crate::diag::LineIndex::new(text);
        lines_around(text, span, |at| index.line_bounds(text, at))
    }

    #[test]
    fn long_lines_are_quoted_around_the_span() {
        let line = "é".repeat(2000);
        let local = 3000..3004;
        let (quoted, span) = window(&line, local.clone());
        assert!(quoted.len() <= MAX_QUOTE + 2, "{quoted:?}");
        assert!(quoted.start > 0 && quoted.end > local.end);
        assert_eq!(
            &line[quoted.clone()][span],
            &line[local],
            "the span stays on the same text"
        );
        assert_eq!(window(&line[..100], 3..5), (0..100, 3..5));
    }

    #[test]
    fn spans_inside_a_character_widen_to_the_whole_character() {
        // U+FFFD (three bytes) where an invalid byte was: a one-byte span at its start.
        let text = "---\ntitle: a\u{fffd}b\n";
        let at = text.find('\u{fffd}').expect("replacement character");
        let (lines, local) = around(text, &(at..at + 1));
        assert_eq!(&text[lines.clone()][local], "\u{fffd}");
        assert_eq!(around(text, &(at + 1..at + 2)).1, 8..11);
    }

    #[test]
    fn summary_counts_with_plurals() {
        let summary = Summary {
            files: 1,
            errors: 2,
            warnings: 0,
        };
        assert_eq!(
            summary_line(summary, Lang::En),
            "1 file checked: 2 errors, 0 warnings"
        );
        assert_eq!(
            summary_line(summary, Lang::Nl),
            "1 bestand gecontroleerd: 2 fouten, 0 waarschuwingen"
        );
    }
}
