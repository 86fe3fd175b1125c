//! `--format json`: `{"diagnostics": [...], "summary": {...}}` as DESIGN.md §4 fixes it.

use std::io::{self, Write};

use serde::Serialize;

use super::{Sources, Summary};
use crate::diag::{Diagnostic, Severity};

#[derive(Serialize)]
struct Report<'a> {
    diagnostics: Vec<Entry<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Entry<'a> {
    severity: Severity,
    code: &'static str,
    message: String,
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    help: Option<String>,
}

/// Writes the JSON report and a final newline.
pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    sources: &Sources<'_>,
    summary: Summary,
) -> io::Result<()> {
    let diagnostics = diagnostics
        .iter()
        .map(|d| {
            let (start, end) = sources.locate(d);
            Entry {
                severity: d.severity(),
                code: d.code.as_str(),
                message: sources.say(&d.message),
                file: &d.file,
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                help: d.help.as_ref().map(|h| sources.say(h)),
            }
        })
        .collect();
    serde_json::to_writer_pretty(
        &mut *out,
        &Report {
            diagnostics,
            summary,
        },
    )?;
    writeln!(out)
}
