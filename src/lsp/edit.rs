//! Changing the knowledge base from the editor: quick fixes from the fix data of each
//! diagnostic, and renaming an id across the base with the engine `pioneers mv` uses.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DocumentChangeOperation, DocumentChanges,
    OneOf, OptionalVersionedTextDocumentIdentifier, PrepareRenameResponse, Range as LspRange,
    RenameFile, ResourceOp, TextDocumentEdit, TextEdit, WorkspaceEdit,
};

use super::convert::{diagnostic, text_edit, touches, uri};
use super::cursor::{At, at, link_target};
use super::position::Lines;
use super::state::State;
use crate::kb::{DocKind, Document};
use crate::msg::Msg;
use crate::rename::{check_new_id, plan};

/// The quick fixes for the diagnostics of file `path` that touch `range`: one action per
/// fix, the certain ones preferred.
pub fn code_actions(state: &State, path: &str, range: LspRange) -> Vec<CodeActionOrCommand> {
    let (Some(text), Some(diagnostics), Some(place)) = (
        state.text(path),
        state.diagnostics.get(path),
        uri(&state.root, path),
    ) else {
        return Vec::new();
    };
    let lines = Lines::new(text);
    let mut actions = Vec::new();
    for d in diagnostics {
        let shown = diagnostic(d, text, &lines, state.lang);
        if !touches(shown.range, range) {
            continue;
        }
        for fix in &d.fixes {
            let before = text.get(fix.span.clone()).unwrap_or_default().to_string();
            let title = Msg::LspReplace {
                before,
                after: fix.replacement.clone(),
            }
            .text(state.lang);
            let edit = WorkspaceEdit {
                changes: Some(HashMap::from([(
                    place.clone(),
                    vec![text_edit(fix, text, &lines)],
                )])),
                ..WorkspaceEdit::default()
            };
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![shown.clone()]),
                edit: Some(edit),
                is_preferred: Some(fix.certain),
                ..CodeAction::default()
            }));
        }
    }
    actions
}

/// The document a rename at `offset` of `doc` renames, and the range of the text that
/// names it there.
fn renamed<'a>(
    state: &'a State,
    doc: &'a Document,
    offset: usize,
) -> Option<(&'a Document, std::ops::Range<usize>)> {
    let kb = &state.kb;
    match at(doc, offset) {
        At::Reference(r) => Some((kb.get(r.kind, r.id)?, r.node.span.clone())),
        At::Link(link) => Some((link_target(kb, doc, link)?.0, link.span.clone())),
        At::Itself => Some((doc, offset..offset)),
        At::Key(..) | At::Nothing => None,
    }
}

/// Where a rename at `offset` of `doc` applies, with the id as placeholder; an error when
/// nothing there can be renamed.
pub fn prepare_rename(
    state: &State,
    doc: &Document,
    offset: usize,
) -> Result<PrepareRenameResponse, Msg> {
    let (target, span) = renamed(state, doc, offset).ok_or(Msg::RenameNotHere)?;
    let text = state.kb.text(doc);
    let range = Lines::new(text).range(text, &span);
    Ok(PrepareRenameResponse::RangeWithPlaceholder {
        range,
        placeholder: target.id.clone(),
    })
}

/// The one workspace edit that renames the document named at `offset` of `doc` to
/// `new_id`: every reference and link, then the file.
pub fn rename(
    state: &State,
    doc: &Document,
    offset: usize,
    new_id: &str,
) -> Result<WorkspaceEdit, Msg> {
    let (target, _) = renamed(state, doc, offset).ok_or(Msg::RenameNotHere)?;
    let kind: DocKind = target.kind;
    check_new_id(&state.kb, kind, &target.id, new_id)?;
    let plan = plan(&state.kb, kind, &target.id, new_id)?;
    let mut operations = Vec::new();
    for (path, edits) in &plan.edits {
        let (Some(text), Some(place)) = (state.text(path), uri(&state.root, path)) else {
            continue;
        };
        let lines = Lines::new(text);
        let version = state.buffers.get(path).map(|b| b.version);
        operations.push(DocumentChangeOperation::Edit(TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri: place,
                version,
            },
            edits: edits
                .iter()
                .map(|e| {
                    OneOf::Left(TextEdit::new(
                        lines.range(text, &e.span),
                        e.replacement.clone(),
                    ))
                })
                .collect(),
        }));
    }
    let (Some(old_uri), Some(new_uri)) = (uri(&state.root, &plan.from), uri(&state.root, &plan.to))
    else {
        return Err(Msg::RenameNotHere);
    };
    operations.push(DocumentChangeOperation::Op(ResourceOp::Rename(
        RenameFile {
            old_uri,
            new_uri,
            options: None,
            annotation_id: None,
        },
    )));
    Ok(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(operations)),
        ..WorkspaceEdit::default()
    })
}
