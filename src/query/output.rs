//! Output formats of queries: an aligned table that fits the terminal, JSON, CSV and a
//! GitHub Markdown table; and the readable text of `show`.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, LineStyle, Table, TableStyle};
use serde_json::Value;

use super::Record;
use super::record::cell;
use crate::kb::DocKind;

/// A list format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    /// Aligned columns.
    Table,
    /// An array of objects.
    Json,
    /// RFC 4180 CSV with every field.
    Csv,
    /// A GitHub Markdown table.
    Markdown,
}

/// The columns a table or Markdown list shows for `kind`.
pub fn columns(kind: DocKind) -> &'static [&'static str] {
    match kind {
        DocKind::Organisation => &["id", "name", "kind", "city"],
        DocKind::Theme => &["id", "title", "status", "carriers"],
        DocKind::Session => &["date", "id", "title", "city", "state"],
        DocKind::Retrospective => &["published", "id", "title", "session"],
    }
}

/// Writes `records` in `format`; `width` limits a table to the terminal's width.
pub fn write_list(
    out: &mut dyn Write,
    records: &[Record],
    columns: &[&str],
    format: ListFormat,
    width: Option<u16>,
) -> io::Result<()> {
    match format {
        ListFormat::Table => write_table(out, records, columns, width),
        ListFormat::Json => write_json(out, &records),
        ListFormat::Csv => write_csv(out, records),
        ListFormat::Markdown => write_markdown(out, records, columns),
    }
}

/// Writes any serialisable value as pretty JSON with a final newline.
pub fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// An aligned table; with a width, long cells are cut with an ellipsis to fit.
pub fn write_table(
    out: &mut dyn Write,
    records: &[Record],
    columns: &[&str],
    width: Option<u16>,
) -> io::Result<()> {
    let rows = records.iter().map(|r| {
        columns
            .iter()
            .map(|c| r.get(*c).map(cell).unwrap_or_default())
            .collect()
    });
    write_rows(out, columns, rows, width)
}

/// An aligned table of `header` and `rows`.
pub fn write_rows(
    out: &mut dyn Write,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
    width: Option<u16>,
) -> io::Result<()> {
    let mut table = Table::new();
    table.load_style(TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─')));
    table.set_header(header.iter().map(|h| h.to_uppercase()));
    table.set_truncation_indicator("…");
    if let Some(width) = width {
        table.set_width(width);
        table.set_content_arrangement(ContentArrangement::Dynamic);
    }
    for row in rows {
        table.add_row(row);
    }
    for row in table.row_iter_mut() {
        row.max_height(1);
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn write_csv(out: &mut dyn Write, records: &[Record]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    if let Some(first) = records.first() {
        writer.write_record(first.keys())?;
    }
    for record in records {
        writer.write_record(record.values().map(cell))?;
    }
    writer.flush()
}

fn write_markdown(out: &mut dyn Write, records: &[Record], columns: &[&str]) -> io::Result<()> {
    writeln!(out, "| {} |", columns.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(columns.len()))?;
    for record in records {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| {
                record
                    .get(*c)
                    .map(cell)
                    .unwrap_or_default()
                    .replace('|', "\\|")
                    .replace('\n', " ")
            })
            .collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// `show` as text: a heading, every field that has a value, then the body.
pub fn write_show(
    out: &mut dyn Write,
    kind: DocKind,
    record: &Record,
    notes: &[(&str, String)],
    body: &str,
) -> io::Result<()> {
    let title = ["title", "name"]
        .iter()
        .find_map(|k| record.get(*k).and_then(Value::as_str))
        .unwrap_or("");
    let id = record.get("id").and_then(Value::as_str).unwrap_or("");
    writeln!(out, "{title}")?;
    writeln!(out, "{kind} `{id}`\n")?;
    let filled: Vec<(&str, String)> = record
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "id" | "title" | "name"))
        .map(|(k, v)| (k.as_str(), show_value(v)))
        .filter(|(_, v)| !v.is_empty())
        .chain(notes.iter().cloned())
        .collect();
    let width = filled.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (key, value) in filled {
        writeln!(out, "{key:<width$}  {value}")?;
    }
    let body = body.trim();
    if !body.is_empty() {
        writeln!(out, "\n{body}")?;
    }
    Ok(())
}

fn show_value(value: &Value) -> String {
    match value {
        Value::Bool(false) => String::new(),
        Value::Array(items) if items.iter().any(Value::is_object) => items
            .iter()
            .map(|item| match item {
                Value::Object(map) => map
                    .values()
                    .filter(|v| !v.is_null())
                    .map(cell)
                    .collect::<Vec<_>>()
                    .join(", "),
                other => cell(other),
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => cell(other),
    }
}
