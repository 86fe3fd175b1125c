//! The query commands: `list`, `show`, `search` and `stats`, from parsed flags to output.

use std::io::{IsTerminal, Write};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use anyhow::Result;

use super::output::{columns, write_json, write_list, write_rows, write_show};
use super::record::{fields, record};
use super::relations::{Relations, related};
use super::search::search;
use super::stats::{Stats, stats};
use super::{Filter, ListQuery, expr, is_field, list};
use crate::cli::{ListArgs, SearchArgs, ShowArgs, ShowFormat, StatsArgs, TableOrJson};
use crate::kb::{Data, DocKind, KnowledgeBase};
use crate::run::{EXIT_CONTENT, EXIT_FAILURE, EXIT_OK};
use crate::text::escape_control;
use crate::validate::closest;

/// `<type> list`: filters, `--where`, sorting and the chosen format.
pub fn list_command(
    kb: &KnowledgeBase,
    kind: DocKind,
    filters: Vec<Filter>,
    args: &ListArgs,
    out: &mut dyn Write,
) -> Result<u8> {
    for (ref_kind, id) in filters.iter().filter_map(Filter::reference) {
        if kb.get(ref_kind, id).is_none() {
            eprintln!("error: {}", no_such(kb, ref_kind, id));
            return Ok(EXIT_CONTENT);
        }
    }
    let expr = match &args.filter {
        Some(source) => match expr::parse(source, &fields(kind)) {
            Ok(expr) => Some(expr),
            Err(error) => {
                eprintln!("{}", render_expr_error(source, &error));
                return Ok(EXIT_FAILURE);
            }
        },
        None => None,
    };
    if let Some(sort) = &args.sort
        && !is_field(kind, sort)
    {
        let names: Vec<_> = fields(kind).into_iter().map(|(n, _)| n).collect();
        let hint = closest(sort, names.iter().copied()).map_or_else(
            || format!("sortable fields: {}", names.join(", ")),
            |c| format!("did you mean `{c}`?"),
        );
        eprintln!("error: cannot sort {}s on `{sort}`; {hint}", kind.name());
        return Ok(EXIT_FAILURE);
    }
    let query = ListQuery {
        filters,
        expr,
        sort: args.sort.clone(),
        reverse: args.reverse,
        limit: args.limit,
    };
    let records = list(kb, kind, &query);
    write_list(out, &records, columns(kind), args.format, terminal_width())?;
    Ok(EXIT_OK)
}

/// `<type> show ID`.
pub fn show_command(
    kb: &KnowledgeBase,
    kind: DocKind,
    args: &ShowArgs,
    out: &mut dyn Write,
) -> Result<u8> {
    let Some(doc) = kb.get(kind, &args.id) else {
        eprintln!("error: {}", no_such(kb, kind, &args.id));
        return Ok(EXIT_CONTENT);
    };
    let relations = Relations::build(kb);
    let mut rec = record(kb, &relations, doc);
    let body = kb.text(doc).get(doc.body_range.clone()).unwrap_or("");
    match args.format {
        ShowFormat::Json => {
            rec.insert("body".into(), body.into());
            write_json(out, &rec)?;
        }
        ShowFormat::Text => {
            let mut notes = Vec::new();
            if let (Data::Theme(theme), Some(status)) =
                (&doc.data, rec.get("status").and_then(|v| v.as_str()))
                && theme.status.is_none()
            {
                let derived = format!("{status} (derived from the sessions)");
                rec.insert("status".into(), derived.into());
            }
            if kind == DocKind::Organisation && related(&relations.carries, &doc.id).is_empty() {
                notes.push(("carries", "nothing yet".to_string()));
            }
            write_show(out, kind, &rec, &notes, body)?;
        }
    }
    Ok(EXIT_OK)
}

/// `search TEXT`.
pub fn search_command(kb: &KnowledgeBase, args: &SearchArgs, out: &mut dyn Write) -> Result<u8> {
    let hits = search(kb, &args.text.join(" "), args.kind, args.limit);
    match args.format {
        TableOrJson::Json => write_json(out, &hits)?,
        TableOrJson::Table => {
            let rows = hits.iter().map(|h| {
                vec![
                    h.kind.to_string(),
                    h.id.clone(),
                    h.title.clone(),
                    h.snippet.clone(),
                ]
            });
            write_rows(
                out,
                &["type", "id", "title", "match"],
                rows,
                terminal_width(),
            )?;
        }
    }
    Ok(EXIT_OK)
}

/// `stats`.
pub fn stats_command(kb: &KnowledgeBase, args: &StatsArgs, out: &mut dyn Write) -> Result<u8> {
    let report = stats(kb, &Relations::build(kb));
    match args.format {
        TableOrJson::Json => write_json(out, &report)?,
        TableOrJson::Table => write_stats(out, &report)?,
    }
    Ok(EXIT_OK)
}

fn write_stats(out: &mut dyn Write, s: &Stats) -> std::io::Result<()> {
    let width = terminal_width();
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

/// "no theme `x`; did you mean `y`?"
fn no_such(kb: &KnowledgeBase, kind: DocKind, id: &str) -> String {
    let ids = kb.index.ids(kind).iter().map(String::as_str);
    let suggestion = closest(id, ids);
    let id = escape_control(id);
    match suggestion {
        Some(c) => format!("no {kind} `{id}`; did you mean `{}`?", escape_control(c)),
        None => format!("no {kind} `{id}`"),
    }
}

/// The expression with a caret under what is wrong.
fn render_expr_error(source: &str, error: &expr::ExprError) -> String {
    let renderer = if crate::report::use_colour(std::io::stderr().is_terminal()) {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let span = error.span.clone();
    let report = [Level::ERROR.primary_title(error.message.as_str()).element(
        Snippet::source(source)
            .path("--where")
            .annotation(AnnotationKind::Primary.span(span)),
    )];
    renderer.render(&report)
}

/// The terminal's width when standard output is one.
fn terminal_width() -> Option<u16> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    terminal_size::terminal_size().map(|(w, _)| w.0)
}
