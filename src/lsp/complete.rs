//! Completion: in the front matter, the keys of the document's type, enum words, ids in
//! reference fields (ranked by likeness to what is typed), tags in use and today's date; in
//! the body, relative links to documents and the anchors of a link's target.

use std::collections::BTreeSet;
use std::ops::Range;

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionTextEdit, Documentation, TextEdit,
};

use super::navigate::headings;
use super::position::Lines;
use super::state::State;
use crate::kb::schema::{Field, FieldType};
use crate::kb::{DocKind, Document, KnowledgeBase};
use crate::lang::Lang;
use crate::validate::links::{Target, resolve};

/// The most items one completion returns; the list is marked incomplete beyond it, so the
/// editor asks again as the user types.
pub const MAX_ITEMS: usize = 100;

/// The completion at byte `offset` of `doc`.
pub fn complete(state: &State, doc: &Document, offset: usize) -> CompletionList {
    let kb = &state.kb;
    let text = kb.text(doc);
    let offset = offset.min(text.len());
    let lines = Lines::new(text);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = text.get(line_start..offset).unwrap_or_default();
    let word = word_at(text, offset);
    let replaced = if in_front(doc, offset) {
        word.clone()
    } else {
        link_start(before).map_or(word.clone(), |start| {
            line_start + start..word.end.max(offset)
        })
    };
    let edit = |new_text: String| {
        Some(CompletionTextEdit::Edit(TextEdit::new(
            lines.range(text, &replaced),
            new_text,
        )))
    };
    let typed = text.get(word.start..offset).unwrap_or_default();
    let items = if in_front(doc, offset) {
        front_items(state, doc, before, typed, offset)
    } else {
        body_items(kb, doc, before)
    };
    let complete = items.len() <= MAX_ITEMS;
    let items = items
        .into_iter()
        .take(MAX_ITEMS)
        .enumerate()
        .map(|(rank, mut item)| {
            item.sort_text = Some(format!("{rank:04}"));
            if item.text_edit.is_none() {
                item.text_edit = edit(
                    item.insert_text
                        .take()
                        .unwrap_or_else(|| item.label.clone()),
                );
            }
            item
        })
        .collect();
    CompletionList {
        is_incomplete: !complete,
        items,
    }
}

/// Whether `offset` is inside the front matter of `doc`.
fn in_front(doc: &Document, offset: usize) -> bool {
    !doc.opening.is_empty() && offset > doc.opening.end && offset < doc.body_range.start
}

/// Where, in the line before the cursor, the part of a link destination that completion
/// replaces starts: after `#` for an anchor, else after `](`.
fn link_start(before: &str) -> Option<usize> {
    let open = before.rfind("](")? + 2;
    Some(
        before[open..]
            .find('#')
            .map_or(open, |hash| open + hash + 1),
    )
}

/// The range of the id-like word (letters, digits, `-`, `_`) around `offset`.
fn word_at(text: &str, offset: usize) -> Range<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map_or(text.len(), |(i, _)| offset + i);
    start..end
}

/// Items in the front matter: a key at the start of a line, else values of the key the
/// cursor is after. Read from the text, which may not parse while it is being written.
fn front_items(
    state: &State,
    doc: &Document,
    before: &str,
    typed: &str,
    offset: usize,
) -> Vec<CompletionItem> {
    let text = state.kb.text(doc);
    let front = text
        .get(doc.opening.end..doc.body_range.start)
        .unwrap_or_default();
    let is_key = !before.contains(':') && before.chars().all(|c| c.is_alphanumeric() || c == '_');
    if is_key {
        return key_items(front, typed, doc.kind, state.lang);
    }
    let above = text.get(doc.opening.end..offset).unwrap_or_default();
    match field_at(doc.kind, before, above) {
        Some(field) => value_items(state, doc, field, field.ty, typed),
        None => Vec::new(),
    }
}

/// The keys of the document's type that it does not have yet (read from the lines of the
/// front matter, which may not parse while it is being written).
fn key_items(front: &str, typed: &str, kind: DocKind, lang: Lang) -> Vec<CompletionItem> {
    let present: BTreeSet<&str> = top_level_keys(front)
        .map(|(_, key)| key)
        .filter(|k| *k != typed)
        .collect();
    kind.fields()
        .iter()
        .filter(|f| !present.contains(f.name))
        .map(|f| CompletionItem {
            label: f.name.to_string(),
            kind: Some(CompletionItemKind::FIELD),
            detail: Some(crate::msg::describe(f.ty, lang)),
            documentation: Some(Documentation::String(f.doc.to_string())),
            insert_text: Some(format!("{}: ", f.name)),
            ..CompletionItem::default()
        })
        .collect()
}

/// Each line of `front` that starts a top-level key, with the key.
fn top_level_keys(front: &str) -> impl Iterator<Item = (&str, &str)> {
    front.lines().filter_map(|line| {
        let (key, _) = line.split_once(':')?;
        let is_key = !key.is_empty()
            && !key.starts_with(|c: char| c.is_whitespace() || c == '-' || c == '#');
        is_key.then_some((line, key.trim()))
    })
}

/// The field whose value is being written: the key on the cursor's line (`key: `,
/// `- key: `, a nested one included), else the last top-level key `above` the cursor.
fn field_at(kind: DocKind, before: &str, above: &str) -> Option<&'static Field> {
    let name = match before.split_once(':') {
        Some((key, _)) => key.trim().trim_start_matches('-').trim(),
        None => top_level_keys(above).last()?.1,
    };
    kind.fields()
        .iter()
        .find(|f| f.name == name)
        .or_else(|| nested_field(kind, name))
}

/// A field of a mapping nested in the type's fields (a speaker's `organisation`).
fn nested_field(kind: DocKind, name: &str) -> Option<&'static Field> {
    kind.fields().iter().find_map(|f| match f.ty {
        FieldType::List(FieldType::Object(nested)) => nested.iter().find(|n| n.name == name),
        FieldType::Object(nested) => nested.iter().find(|n| n.name == name),
        _ => None,
    })
}

/// The values `field` (or an item of it, of type `ty`) may take.
fn value_items(
    state: &State,
    doc: &Document,
    field: &Field,
    ty: FieldType,
    typed: &str,
) -> Vec<CompletionItem> {
    let kb = &state.kb;
    match ty {
        FieldType::List(item) => value_items(state, doc, field, *item, typed),
        FieldType::Ref(kind) => id_items(kb, kind, typed, &doc.id),
        FieldType::Enum(words) => words
            .iter()
            .map(|w| simple(w, CompletionItemKind::ENUM_MEMBER))
            .collect(),
        FieldType::Bool => ["true", "false"]
            .iter()
            .map(|w| simple(w, CompletionItemKind::VALUE))
            .collect(),
        FieldType::Date => {
            let today = kb.today.to_string();
            vec![simple(&today, CompletionItemKind::VALUE)]
        }
        FieldType::String if field.name == "tags" => tag_items(kb, doc, typed),
        _ => Vec::new(),
    }
}

fn simple(label: &str, kind: CompletionItemKind) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        ..CompletionItem::default()
    }
}

/// The ids of `kind` (without `own`), those starting with what is typed first, then by
/// likeness, each with its title.
fn id_items(kb: &KnowledgeBase, kind: DocKind, typed: &str, own: &str) -> Vec<CompletionItem> {
    let typed = typed.to_lowercase();
    let mut ranked: Vec<(bool, u32, &str)> = kb
        .index
        .ids(kind)
        .iter()
        .filter(|id| id.as_str() != own)
        .map(|id| {
            let score = strsim::jaro_winkler(&typed, id);
            (
                !id.starts_with(&typed),
                ((1.0 - score) * 1e6) as u32,
                id.as_str(),
            )
        })
        .collect();
    ranked.sort_unstable();
    ranked
        .into_iter()
        .take(MAX_ITEMS + 1)
        .map(|(_, _, id)| CompletionItem {
            label: id.to_string(),
            kind: Some(CompletionItemKind::REFERENCE),
            detail: kb.get(kind, id).map(|d| d.data.title().to_string()),
            ..CompletionItem::default()
        })
        .collect()
}

/// The tags in use in other documents, when the field is `tags`.
fn tag_items(kb: &KnowledgeBase, doc: &Document, typed: &str) -> Vec<CompletionItem> {
    let typed = typed.to_lowercase();
    let own = doc.data.tags();
    let tags: BTreeSet<&str> = kb
        .documents
        .iter()
        .flat_map(|d| d.data.tags())
        .filter(|t| !own.contains(t))
        .map(String::as_str)
        .filter(|t| t.to_lowercase().starts_with(&typed))
        .collect();
    tags.into_iter()
        .map(|t| simple(t, CompletionItemKind::KEYWORD))
        .collect()
}

/// Items in the body: after `](`, relative links to every document, or after `#` the
/// anchors of the link's target.
fn body_items(kb: &KnowledgeBase, doc: &Document, before: &str) -> Vec<CompletionItem> {
    let Some(open) = before.rfind("](") else {
        return Vec::new();
    };
    let dest = &before[open + 2..];
    if dest.contains(')') || dest.contains(char::is_whitespace) {
        return Vec::new();
    }
    if let Some((path, _)) = dest.split_once('#') {
        let target = if path.is_empty() {
            Some(doc)
        } else {
            match resolve(kb, doc, path) {
                Target::Path { document, .. } => document,
                _ => None,
            }
        };
        return target.map_or_else(Vec::new, |target| {
            headings(kb, target)
                .into_iter()
                .map(|h| CompletionItem {
                    label: h.anchor,
                    kind: Some(CompletionItemKind::REFERENCE),
                    detail: Some(h.text),
                    ..CompletionItem::default()
                })
                .collect()
        });
    }
    let from = kb.path(doc);
    let mut items: Vec<CompletionItem> = kb
        .documents
        .iter()
        .filter(|d| d.id != doc.id || d.kind != doc.kind)
        .map(|d| {
            let link = relative_link(from, kb.path(d));
            CompletionItem {
                filter_text: Some(link.clone()),
                label: link,
                kind: Some(CompletionItemKind::FILE),
                detail: Some(d.data.title().to_string()),
                ..CompletionItem::default()
            }
        })
        .filter(|item| item.label.contains(dest) || dest.is_empty())
        .collect();
    items.sort_by(|a, b| a.label.cmp(&b.label));
    items
}

/// The relative link from the file `from` to the file `to` (both relative to the root).
pub fn relative_link(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = from.split('/').collect();
    let from_dir = &from_dir[..from_dir.len().saturating_sub(1)];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<&str> = vec![".."; from_dir.len() - common];
    parts.extend(&to_parts[common..]);
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links() {
        assert_eq!(
            relative_link("content/themes/a.md", "content/organisations/b.md"),
            "../organisations/b.md"
        );
        assert_eq!(
            relative_link("content/themes/a.md", "content/themes/c.md"),
            "c.md"
        );
    }

    #[test]
    fn words_around_the_cursor() {
        assert_eq!(word_at("hosts: [utr, x]", 11), 8..11);
        assert_eq!(word_at("hosts: [utr, x]", 9), 8..11);
        assert_eq!(word_at("a: ", 3), 3..3);
    }
}
