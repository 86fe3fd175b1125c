//! Output formats of queries: an aligned table that fits the terminal, JSON, CSV and a
//! GitHub Markdown table; and the readable text of `show`.
//!
//! Every text value comes from the knowledge base, which an attacker may have written: the
//! formats meant for people show control characters as visible escapes (see
//! [`escape_control`]), and CSV cells cannot start a spreadsheet formula. JSON needs nothing:
//! serde escapes control characters.

use std::borrow::Cow;
use std::io::{self, Write};

use comfy_table::{ContentArrangement, LineStyle, Table, TableStyle};
use serde_json::Value;

use super::Record;
use super::record::cell;
use super::stats::Stats;
use crate::kb::DocKind;
use crate::text::{escape_control, escape_control_keep_lines};

/// A list format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// Aligned columns that fit the terminal.
    Table,
    /// An array of objects with every field.
    Json,
    /// CSV with every field (RFC 4180).
    #[value(help = "CSV with every field")]
    Csv,
    /// A GitHub Markdown table.
    Markdown,
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

/// Writes any serialisable value as pretty JSON with a final newline. serde escapes the C0
/// controls; DEL and the C1 controls (U+007F–U+009F), which JSON allows raw but a terminal
/// may obey, are escaped here too (`\u009b`), which JSON readers decode to the same text.
pub fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    let json = serde_json::to_string_pretty(value)?;
    writeln!(out, "{}", escape_json_controls(&json))
}

/// `json` with every DEL and C1 control written as a `\uXXXX` escape. Serialised JSON has
/// them only inside strings (everything outside is ASCII punctuation, digits and words), so
/// the result means the same.
fn escape_json_controls(json: &str) -> Cow<'_, str> {
    let is_raw = |c: char| ('\u{7f}'..='\u{9f}').contains(&c);
    if !json.contains(is_raw) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_raw(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
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
        table.add_row(row.iter().map(|c| table_cell(c)));
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

/// A table cell: a tab becomes a space, other control characters but line feeds (which
/// the table shows as lines) become visible escapes.
fn table_cell(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\t', " ");
    escape_control_keep_lines(&text).into_owned()
}

fn write_csv(out: &mut dyn Write, records: &[Record]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    if let Some(first) = records.first() {
        writer.write_record(first.keys())?;
    }
    for record in records {
        writer.write_record(record.values().map(csv_cell))?;
    }
    writer.flush()
}

/// A CSV cell a spreadsheet will not run as a formula: text that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'`, as OWASP advises against CSV
/// injection. Numbers and true/false are written as they are (a year is never negative).
fn csv_cell(value: &Value) -> String {
    let text = cell(value);
    let is_text = !matches!(value, Value::Number(_) | Value::Bool(_));
    if is_text && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

fn write_markdown(out: &mut dyn Write, records: &[Record], columns: &[&str]) -> io::Result<()> {
    writeln!(out, "| {} |", columns.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(columns.len()))?;
    for record in records {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| {
                let text = record.get(*c).map(cell).unwrap_or_default();
                table_cell(&text).replace('|', "\\|").replace('\n', " ")
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
    writeln!(out, "{}", escape_control(title))?;
    writeln!(out, "{kind} `{}`\n", escape_control(id))?;
    let filled: Vec<(&str, String)> = record
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "id" | "title" | "name"))
        .map(|(k, v)| (k.as_str(), escape_control(&show_value(v)).into_owned()))
        .filter(|(_, v)| !v.is_empty())
        .chain(
            notes
                .iter()
                .map(|(k, v)| (*k, escape_control(v).into_owned())),
        )
        .collect();
    let width = filled.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (key, value) in filled {
        writeln!(out, "{key:<width$}  {value}")?;
    }
    let body = body.trim();
    if !body.is_empty() {
        writeln!(out, "\n{}", escape_control_keep_lines(body))?;
    }
    Ok(())
}

/// The health report as two tables: the measures, then what each organisation does.
pub fn write_stats(out: &mut dyn Write, s: &Stats, width: Option<u16>) -> io::Result<()> {
    let list = |ids: &[String]| {
        if ids.is_empty() {
            "none".to_string()
        } else {
            ids.join(", ")
        }
    };
    let statuses = s
        .themes_per_status
        .iter()
        .map(|(k, v)| format!("{v} {k}"))
        .collect::<Vec<_>>();
    let years = s
        .sessions_per_year
        .iter()
        .map(|(y, n)| format!("{y}: {n}"))
        .collect::<Vec<_>>();
    let median = match s.median_days_to_first_session {
        Some(days) => {
            let themes = if s.themes_measured == 1 {
                "theme"
            } else {
                "themes"
            };
            format!("{days} days (over {} {themes})", s.themes_measured)
        }
        None => "not known yet".into(),
    };
    let rows = [
        ("themes per status", statuses.join(", ")),
        ("themes without carriers", list(&s.themes_without_carriers)),
        ("sessions per year", years.join(", ")),
        ("awaiting a retrospective", list(&s.awaiting_retrospective)),
        ("proposal to first session", format!("median {median}")),
    ];
    write_rows(
        out,
        &["measure", "value"],
        rows.into_iter().map(|(k, v)| vec![k.to_string(), v]),
        width,
    )?;
    writeln!(out)?;
    let orgs = s.organisations.iter().map(|o| {
        vec![
            o.name.clone(),
            o.hosted.to_string(),
            o.carries.to_string(),
            o.attended.to_string(),
        ]
    });
    write_rows(
        out,
        &["organisation", "hosted", "carries", "attended"],
        orgs,
        width,
    )
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn shown(value: &Value) -> String {
        let mut out = Vec::new();
        write_json(&mut out, value).expect("write");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn json_escapes_every_control_character_and_means_the_same() {
        let value = json!({ "title": "a\u{1b}[2J\u{7f}\u{9b}31m\u{9f}\u{a0}é" });
        let text = shown(&value);
        assert!(
            !text.contains(|c: char| c.is_control() && c != '\n'),
            "{text}"
        );
        assert!(
            text.contains("a\\u001b[2J\\u007f\\u009b31m\\u009f\u{a0}é"),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<Value>(&text).expect("json"), value);
    }

    #[test]
    fn csv_defuses_formulas_in_text_but_not_numbers() {
        assert_eq!(csv_cell(&json!("=1+1")), "'=1+1");
        assert_eq!(csv_cell(&json!("-x")), "'-x");
        assert_eq!(csv_cell(&json!("\tx")), "'\tx");
        assert_eq!(csv_cell(&json!(["@a", "b"])), "'@a, b");
        assert_eq!(csv_cell(&json!("a=b")), "a=b");
        assert_eq!(csv_cell(&json!(-3)), "-3");
        assert_eq!(csv_cell(&json!(2017)), "2017");
    }

    #[test]
    fn tables_keep_lines_and_escape_other_controls() {
        assert_eq!(table_cell("a\tb\r\nc\u{1b}d"), "a b\nc\\u{1b}d");
    }
}
