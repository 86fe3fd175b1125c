//! The query commands: `<type> list`, `<type> show`, `search` and `stats`. Queries run on
//! content with errors too; one line on standard error says so.

use crate::lang::Lang;
use crate::msg::Msg;
use std::io::{IsTerminal, Write};

use super::{Context, EXIT_OK, Error, Result};
use crate::cli::{
    ListArgs, Organisations, Retrospectives, SearchArgs, Sessions, ShowArgs, ShowFormat, StatsArgs,
    TableOrJson, Themes,
};
use crate::diag::Severity;
use crate::kb::{DocKind, KnowledgeBase};
use crate::query::output::{write_json, write_list, write_rows, write_stats};
use crate::query::record::fields;
use crate::query::{Filter, ListQuery, expr, is_field, list, show};
use crate::suggest::closest;
use crate::text::escape_control;

/// `themes list|show`.
pub(super) fn themes(context: &Context, command: Themes, out: &mut dyn Write) -> Result {
    let kb = knowledge_base(context)?;
    match command {
        Themes::List {
            status,
            carrier,
            tag,
            list,
        } => {
            let mut filters = Vec::new();
            filters.extend(status.map(Filter::Status));
            filters.extend(carrier.map(Filter::Carrier));
            filters.extend(tag.map(Filter::Tag));
            list_documents(kb, DocKind::Theme, filters, &list, out, context.lang())
        }
        Themes::Show(args) => show_document(kb, DocKind::Theme, &args, out, context.lang()),
    }
}

/// `sessions list|show`.
pub(super) fn sessions(context: &Context, command: Sessions, out: &mut dyn Write) -> Result {
    let kb = knowledge_base(context)?;
    match command {
        Sessions::List {
            upcoming,
            past,
            host,
            theme,
            year,
            list,
        } => {
            let mut filters = Vec::new();
            filters.extend(upcoming.then_some(Filter::Upcoming));
            filters.extend(past.then_some(Filter::Past));
            filters.extend(host.map(Filter::Host));
            filters.extend(theme.map(Filter::Theme));
            filters.extend(year.map(Filter::Year));
            list_documents(kb, DocKind::Session, filters, &list, out, context.lang())
        }
        Sessions::Show(args) => show_document(kb, DocKind::Session, &args, out, context.lang()),
    }
}

/// `retrospectives list|show`.
pub(super) fn retrospectives(
    context: &Context,
    command: Retrospectives,
    out: &mut dyn Write,
) -> Result {
    let kb = knowledge_base(context)?;
    match command {
        Retrospectives::List { session, list } => {
            let filters = session.map(Filter::Session).into_iter().collect();
            list_documents(
                kb,
                DocKind::Retrospective,
                filters,
                &list,
                out,
                context.lang(),
            )
        }
        Retrospectives::Show(args) => {
            show_document(kb, DocKind::Retrospective, &args, out, context.lang())
        }
    }
}

/// `organisations list|show`.
pub(super) fn organisations(
    context: &Context,
    command: Organisations,
    out: &mut dyn Write,
) -> Result {
    let kb = knowledge_base(context)?;
    match command {
        Organisations::List { kind, list } => {
            let filters = kind.map(Filter::Kind).into_iter().collect();
            list_documents(
                kb,
                DocKind::Organisation,
                filters,
                &list,
                out,
                context.lang(),
            )
        }
        Organisations::Show(args) => {
            show_document(kb, DocKind::Organisation, &args, out, context.lang())
        }
    }
}

/// `search TEXT`.
pub(super) fn search(context: &Context, args: &SearchArgs, out: &mut dyn Write) -> Result {
    let kb = knowledge_base(context)?;
    let hits = crate::query::search::search(kb, &args.text.join(" "), args.kind, args.limit);
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
pub(super) fn stats(context: &Context, args: &StatsArgs, out: &mut dyn Write) -> Result {
    let kb = knowledge_base(context)?;
    let report = crate::query::stats::stats(kb);
    match args.format {
        TableOrJson::Json => write_json(out, &report)?,
        TableOrJson::Table => write_stats(out, &report, terminal_width())?,
    }
    Ok(EXIT_OK)
}

/// The knowledge base, after a warning when files in it have problems.
fn knowledge_base(context: &Context) -> Result<&'static KnowledgeBase> {
    let kb = context.knowledge_base()?;
    warn_about_problems(kb, context.lang());
    Ok(kb)
}

/// Queries run on content with errors; one line on standard error says so.
fn warn_about_problems(kb: &KnowledgeBase, lang: Lang) {
    let diagnostics = crate::validate::validate(kb);
    let mut files: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| d.file.as_str())
        .collect();
    files.dedup();
    if !files.is_empty() {
        eprintln!("{}", Msg::FilesHaveProblems(files.len()).text(lang));
    }
}

/// `<type> list`: filters, `--where`, sorting and the chosen format.
fn list_documents(
    kb: &KnowledgeBase,
    kind: DocKind,
    filters: Vec<Filter>,
    args: &ListArgs,
    out: &mut dyn Write,
    lang: Lang,
) -> Result {
    for (ref_kind, id) in filters.iter().filter_map(Filter::reference) {
        if kb.get(ref_kind, id).is_none() {
            return Err(Error::Content(no_such(kb, ref_kind, id, lang)));
        }
    }
    let expr = match &args.filter {
        Some(source) => {
            Some(
                expr::parse(source, &fields(kind)).map_err(|error| Error::Expression {
                    source: source.clone(),
                    error,
                })?,
            )
        }
        None => None,
    };
    if let Some(sort) = &args.sort
        && !is_field(kind, sort)
    {
        let names: Vec<_> = fields(kind).into_iter().map(|(n, _)| n).collect();
        let message = Msg::CannotSortOn {
            kind,
            field: escape_control(sort).into_owned(),
            closest: closest(sort, names.iter().copied()).map(str::to_string),
            fields: names,
        };
        return Err(Error::Usage(message.text(lang)));
    }
    let query = ListQuery {
        filters,
        expr,
        sort: args.sort.clone(),
        reverse: args.reverse,
        limit: args.limit,
    };
    let records = list(kb, kind, &query);
    write_list(out, &records, kind.columns(), args.format, terminal_width())?;
    Ok(EXIT_OK)
}

/// `<type> show ID`.
fn show_document(
    kb: &KnowledgeBase,
    kind: DocKind,
    args: &ShowArgs,
    out: &mut dyn Write,
    lang: Lang,
) -> Result {
    let Some(doc) = kb.get(kind, &args.id) else {
        return Err(Error::Content(no_such(kb, kind, &args.id, lang)));
    };
    match args.format {
        ShowFormat::Json => write_json(out, &show::json(kb, doc))?,
        ShowFormat::Text => show::write_text(out, kb, doc)?,
    }
    Ok(EXIT_OK)
}

/// "no theme `x`; did you mean `y`?"
fn no_such(kb: &KnowledgeBase, kind: DocKind, id: &str, lang: Lang) -> String {
    let ids = kb.index.ids(kind).iter().map(String::as_str);
    Msg::NoSuchDocument {
        kind,
        id: escape_control(id).into_owned(),
        closest: closest(id, ids).map(|c| escape_control(c).into_owned()),
    }
    .text(lang)
}

/// The terminal's width when standard output is one.
fn terminal_width() -> Option<u16> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    terminal_size::terminal_size().map(|(w, _)| w.0)
}
