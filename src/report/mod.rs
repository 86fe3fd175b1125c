//! Printing diagnostics: one file per output format.

mod github;
mod gitlab;
mod human;
mod json;
mod sarif;

use std::cell::OnceCell;
use std::collections::HashMap;
use std::io::{self, Write};

use crate::diag::{Diagnostic, LineIndex, Position, Severity};
use crate::lang::Lang;
use crate::msg::Msg;

/// Output formats of a report (`validate --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style, with the source line and a caret; coloured on a terminal.
    Human,
    /// One JSON object with `diagnostics` and `summary`.
    Json,
    /// GitHub Actions workflow commands, one per diagnostic.
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitLab Code Quality JSON, for merge-request widgets.
    Gitlab,
}

/// What a report needs besides the diagnostics: the files' texts, the count of files and
/// the language of the messages.
pub struct Sources<'a> {
    texts: HashMap<&'a str, (&'a str, OnceCell<LineIndex>)>,
    files: usize,
    lang: Lang,
}

impl<'a> Sources<'a> {
    /// Sources from `(path, text)` pairs; `files` is the number of files checked.
    pub fn new(texts: impl IntoIterator<Item = (&'a str, &'a str)>, files: usize) -> Self {
        Sources {
            texts: texts
                .into_iter()
                .map(|(path, text)| (path, (text, OnceCell::new())))
                .collect(),
            files,
            lang: Lang::En,
        }
    }

    /// The same sources, with messages written in `lang` (English unless told).
    pub fn in_language(self, lang: Lang) -> Self {
        Sources { lang, ..self }
    }

    /// The language messages are written in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// `message` in the report's language.
    pub fn say(&self, message: &Msg) -> String {
        message.text(self.lang)
    }

    /// The text of `path`, or empty if it was not read.
    pub fn text(&self, path: &str) -> &'a str {
        self.texts.get(path).map_or("", |(text, _)| text)
    }

    /// Start and end of `diagnostic` as lines and columns; each file is indexed once, on
    /// its first diagnostic, so many diagnostics in one file cost no rescans.
    pub fn locate(&self, diagnostic: &Diagnostic) -> (Position, Position) {
        match self.texts.get(diagnostic.file.as_str()) {
            Some((text, index)) => index
                .get_or_init(|| LineIndex::new(text))
                .locate(diagnostic, text),
            None => crate::diag::locate(diagnostic, ""),
        }
    }

    /// The line and column of byte `offset` in `path`.
    pub fn position(&self, path: &str, offset: usize) -> Position {
        match self.texts.get(path) {
            Some((text, index)) => index
                .get_or_init(|| LineIndex::new(text))
                .position(text, offset),
            None => crate::diag::position("", offset),
        }
    }

    /// The byte range of the line of `path` that holds byte `offset`, without its line
    /// break (empty when the file was not read).
    pub fn line_bounds(&self, path: &str, offset: usize) -> std::ops::Range<usize> {
        match self.texts.get(path) {
            Some((text, index)) => index
                .get_or_init(|| LineIndex::new(text))
                .line_bounds(text, offset),
            None => 0..0,
        }
    }
}

/// Whether to colour output to a stream: only a terminal, and never with `NO_COLOR` set.
pub fn use_colour(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The counts printed at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Diagnostics with severity error.
    pub errors: usize,
    /// Diagnostics with severity warning.
    pub warnings: usize,
}

impl Summary {
    /// Counts `diagnostics`.
    pub fn of(diagnostics: &[Diagnostic], files: usize) -> Self {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .count();
        Summary {
            files,
            errors,
            warnings: diagnostics.len() - errors,
        }
    }
}

/// Writes `diagnostics` in `format`; `color` only matters for the human format.
pub fn write(
    out: &mut dyn Write,
    format: Format,
    diagnostics: &[Diagnostic],
    sources: &Sources<'_>,
    color: bool,
) -> io::Result<()> {
    let summary = Summary::of(diagnostics, sources.files);
    match format {
        Format::Human => human::write(out, diagnostics, sources, summary, color),
        Format::Json => json::write(out, diagnostics, sources, summary),
        Format::Github => github::write(out, diagnostics, sources),
        Format::Sarif => sarif::write(out, diagnostics, sources),
        Format::Gitlab => gitlab::write(out, diagnostics, sources),
    }
}
