//! Reading the knowledge base from the editor: hover, go to definition, find references,
//! the headings of a document and every document of the base as symbols.

use std::ops::Range;

use lsp_types::{
    DocumentSymbol, Hover, HoverContents, Location, MarkupContent, MarkupKind, OneOf,
    Range as LspRange, SymbolKind, WorkspaceSymbol,
};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::convert::uri;
use super::cursor::{At, at, link_target};
use super::position::Lines;
use super::state::State;
use crate::diag::Code;
use crate::kb::markdown::{HeadingIds, options};
use crate::kb::model::FieldValue;
use crate::kb::{DocKind, Document, KnowledgeBase};
use crate::lang::Lang;
use crate::rename::references;

/// A heading of a body: its level, text, anchor id and byte range in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: usize,
    /// Its text, flattened.
    pub text: String,
    /// The id the page gives it.
    pub anchor: String,
    /// Where it is in the file.
    pub span: Range<usize>,
}

/// The headings of `doc`'s body, in order.
pub fn headings(kb: &KnowledgeBase, doc: &Document) -> Vec<Heading> {
    let text = kb.text(doc);
    let Some(body) = text.get(doc.body_range.clone()) else {
        return Vec::new();
    };
    let base = doc.body_range.start;
    let mut ids = HeadingIds::new();
    let mut found = Vec::new();
    let mut open: Option<(usize, String, Range<usize>)> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                open = Some((level as usize, String::new(), range));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, title, _)) = open.as_mut() {
                    title.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, title, _)) = open.as_mut() {
                    title.push(' ');
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text, range)) = open.take() {
                    let end = body[range.clone()].trim_end().len() + range.start;
                    found.push(Heading {
                        level,
                        anchor: ids.id(&text),
                        text,
                        span: base + range.start..base + end,
                    });
                }
            }
            _ => {}
        }
    }
    found
}

/// The document a place in `doc` is about: the one a reference or link names, else `doc`.
fn subject<'a>(kb: &'a KnowledgeBase, doc: &'a Document, offset: usize) -> Option<&'a Document> {
    match at(doc, offset) {
        At::Reference(r) => kb.get(r.kind, r.id),
        At::Link(link) => link_target(kb, doc, link).map(|(d, _)| d),
        _ => Some(doc),
    }
}

/// The place of `doc` in its file: its first line.
fn location(state: &State, doc: &Document) -> Option<Location> {
    Some(Location::new(
        uri(&state.root, state.kb.path(doc))?,
        LspRange::default(),
    ))
}

/// Hover at `offset` of `doc`: a reference or link shows the document it names, a key
/// its field; a problem there adds what its rule checks (`pioneers explain`).
pub fn hover(state: &State, doc: &Document, offset: usize) -> Option<Hover> {
    let kb = &state.kb;
    let text = kb.text(doc);
    let lines = Lines::new(text);
    let (mut markdown, mut span) = match at(doc, offset) {
        At::Reference(r) => kb
            .get(r.kind, r.id)
            .map(|target| (describe(kb, target, state.lang), r.node.span.clone()))
            .unwrap_or_default(),
        At::Link(link) => link_target(kb, doc, link)
            .map(|(target, _)| (describe(kb, target, state.lang), link.span.clone()))
            .unwrap_or_default(),
        At::Key(field, key) => {
            let label = state.lang.pick(field.label.nl, field.label.en);
            let name = if label.is_empty() { field.name } else { label };
            let holds = crate::msg::describe(field.ty, state.lang);
            let markdown = format!("**{name}** (`{}`): {holds}\n\n{}", field.name, field.doc);
            (markdown, key.span.clone())
        }
        At::Itself | At::Nothing => Default::default(),
    };
    for (code, problem) in problems_at(state, doc, offset) {
        if markdown.is_empty() {
            span = problem;
        } else {
            markdown.push_str("\n\n---\n\n");
        }
        markdown.push_str(&explanation(code, state.lang));
    }
    (!markdown.is_empty()).then(|| Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: Some(lines.range(text, &span)),
    })
}

/// The codes and spans of the problems of `doc` at `offset`, each code once.
fn problems_at(state: &State, doc: &Document, offset: usize) -> Vec<(Code, Range<usize>)> {
    let mut found: Vec<(Code, Range<usize>)> = Vec::new();
    let all = state.diagnostics.get(state.kb.path(doc));
    for d in all.into_iter().flatten() {
        if let Some(span) = &d.span
            && span.start <= offset
            && offset <= span.end
            && !found.iter().any(|(code, _)| *code == d.code)
        {
            found.push((d.code, span.clone()));
        }
    }
    found
}

/// What the rule `code` checks, in a few lines of Markdown, and how to read more.
pub fn explanation(code: Code, lang: Lang) -> String {
    let explained = crate::explain::explain(code);
    format!(
        "**{}**: {}\n\n{}\n\n`pioneers explain {}`",
        code.as_str(),
        explained.summary.get(lang),
        explained.what.get(lang),
        code.as_str()
    )
}

/// A document in a few lines of Markdown: its title, type and id, and what matters most.
pub fn describe(kb: &KnowledgeBase, doc: &Document, lang: Lang) -> String {
    let kind = lang.pick(crate::msg::kind_nl(doc.kind), doc.kind.name());
    let mut out = format!("**{}**\n\n{kind} `{}`", escape(doc.data.title()), doc.id);
    let fields: &[&str] = match doc.kind {
        DocKind::Organisation => &["kind", "city"],
        DocKind::Theme => &["summary"],
        DocKind::Session => &["date", "city"],
        DocKind::Retrospective => &["session", "published"],
    };
    for (field, value) in doc.data.values() {
        if fields.contains(&field.name) {
            let label = lang.pick(field.label.nl, field.label.en);
            push_fact(&mut out, label, &value);
        }
    }
    for (derived, value) in kb.derived(doc) {
        if matches!(derived.name, "status" | "state") {
            push_fact(
                &mut out,
                lang.pick(derived.label.nl, derived.label.en),
                &value,
            );
        }
    }
    out
}

fn push_fact(out: &mut String, label: &str, value: &FieldValue<'_>) {
    let text = match value {
        FieldValue::Text(t) | FieldValue::OptText(Some(t)) => (*t).to_string(),
        FieldValue::Date(Some(d)) => d.to_string(),
        _ => return,
    };
    if !text.is_empty() {
        out.push_str(&format!("\n\n{label}: {}", escape(&text)));
    }
}

/// Text with Markdown's punctuation escaped, so a title shows as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::without_controls(text).chars() {
        if "\\`*_{}[]<>()#+-.!|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where a reference or link at `offset` of `doc` points: the document, or the heading its
/// anchor names.
pub fn definition(state: &State, doc: &Document, offset: usize) -> Option<Location> {
    let kb = &state.kb;
    let (target, anchor) = match at(doc, offset) {
        At::Reference(r) => (kb.get(r.kind, r.id)?, None),
        At::Link(link) => link_target(kb, doc, link)?,
        _ => return None,
    };
    let mut place = location(state, target)?;
    if let Some(heading) =
        anchor.and_then(|a| headings(kb, target).into_iter().find(|h| h.anchor == a))
    {
        let text = kb.text(target);
        place.range = Lines::new(text).range(text, &heading.span);
    }
    Some(place)
}

/// Every reference and link to the document a place in `doc` is about, in path order; with
/// `declaration`, that document's first line first.
pub fn find_references(
    state: &State,
    doc: &Document,
    offset: usize,
    declaration: bool,
) -> Vec<Location> {
    let kb = &state.kb;
    let Some(target) = subject(kb, doc, offset) else {
        return Vec::new();
    };
    let mut found: Vec<Location> = Vec::new();
    if declaration {
        found.extend(location(state, target));
    }
    for other in &kb.documents {
        let spans = referring_spans(kb, other, target);
        if spans.is_empty() {
            continue;
        }
        let Some(place) = uri(&state.root, kb.path(other)) else {
            continue;
        };
        let text = kb.text(other);
        let lines = Lines::new(text);
        found.extend(
            spans
                .iter()
                .map(|span| Location::new(place.clone(), lines.range(text, span))),
        );
    }
    found
}

/// The spans in `doc` that name `target`: front-matter references and body links.
pub fn referring_spans(kb: &KnowledgeBase, doc: &Document, target: &Document) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = doc
        .front
        .as_ref()
        .map(|front| {
            references(front, doc.kind.fields())
                .into_iter()
                .filter(|r| r.kind == target.kind && r.id == target.id)
                .map(|r| r.node.span.clone())
                .collect()
        })
        .unwrap_or_default();
    let target_path = kb.path(target);
    spans.extend(
        doc.body
            .links
            .iter()
            .filter(|link| {
                link_target(kb, doc, link).is_some_and(|(d, _)| kb.path(d) == target_path)
            })
            .map(|link| link.span.clone()),
    );
    spans.sort_by_key(|s| s.start);
    spans
}

/// The headings of `doc` as symbols.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must be given; it is `None`.
pub fn document_symbols(state: &State, doc: &Document) -> Vec<DocumentSymbol> {
    let kb = &state.kb;
    let text = kb.text(doc);
    let lines = Lines::new(text);
    headings(kb, doc)
        .into_iter()
        .map(|h| {
            let range = lines.range(text, &h.span);
            DocumentSymbol {
                name: if h.text.is_empty() {
                    "#".into()
                } else {
                    h.text
                },
                detail: Some(format!("#{}", h.anchor)),
                kind: SymbolKind::STRING,
                tags: None,
                deprecated: None,
                range,
                selection_range: range,
                children: None,
            }
        })
        .collect()
}

/// The most symbols one workspace query returns.
pub const MAX_SYMBOLS: usize = 200;

/// Every document whose title or id holds `query` (ignoring case and accents), by title.
pub fn workspace_symbols(state: &State, query: &str) -> Vec<WorkspaceSymbol> {
    let kb = &state.kb;
    let query = crate::text::fold(query);
    let mut found: Vec<&Document> = kb
        .documents
        .iter()
        .filter(|d| {
            query.is_empty()
                || d.id.contains(&query)
                || crate::text::fold(d.data.title()).contains(&query)
        })
        .collect();
    found.sort_by(|a, b| (a.data.title(), &a.id).cmp(&(b.data.title(), &b.id)));
    found
        .into_iter()
        .take(MAX_SYMBOLS)
        .filter_map(|d| {
            let title = d.data.title();
            Some(WorkspaceSymbol {
                name: if title.is_empty() {
                    d.id.clone()
                } else {
                    title.to_string()
                },
                kind: SymbolKind::FILE,
                tags: None,
                container_name: Some(
                    state
                        .lang
                        .pick(crate::msg::kind_nl(d.kind), d.kind.name())
                        .to_string(),
                ),
                location: OneOf::Left(location(state, d)?),
                data: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_have_anchors_and_spans() {
        let text = "---\ntitle: T\nsummary: S\n---\n# Één café 🙂\n\nx\n\n## Één café 🙂\n";
        let kb = KnowledgeBase::from_memory(
            &[("content/themes/t.md", text)],
            &[],
            crate::kb::date::parse_date("2020-01-01").expect("date"),
        );
        let doc = kb.get(DocKind::Theme, "t").expect("theme");
        let found = headings(&kb, doc);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].anchor, "één-café-");
        assert_eq!(found[1].anchor, "één-café--1");
        assert_eq!(&text[found[0].span.clone()], "# Één café 🙂");
        assert_eq!(found[1].level, 2);
    }

    #[test]
    fn titles_are_escaped() {
        assert_eq!(escape("a*b [c]"), "a\\*b \\[c\\]");
    }
}
