//! The fast path of a keystroke: a new text for a document that stays at its path (so
//! keeps its type and id) is put in place of the old one without putting the whole
//! knowledge base together again, and only the documents it can touch are named for
//! checking again.
//!
//! The document keeps its position and its file's. The index of ids and references is
//! built again only when the document's references or (for a session) its state changed.
//! Which other documents can see the change: those it referred to or refers to, those that
//! refer to it (a retrospective reads its session's date), and, when its headings' anchors
//! changed, those that link to it. A new or removed document goes through
//! [`KnowledgeBase::apply`]. The tests of the server's state compare the result with a full
//! validation after every kind of edit.

use std::collections::BTreeSet;

use std::path::PathBuf;

use crate::kb::change::references;
use crate::kb::load;
use crate::kb::schema::DocKind;
use crate::kb::walk::Found;
use crate::kb::{Index, KnowledgeBase, Relation};
use crate::validate::links::{Target, resolve};

/// Puts `text` in place of the document at `path`; gives the positions of the documents to
/// check again, or `None` (nothing changed) when there is no document at `path` yet or the
/// text is not one document, which needs the full [`KnowledgeBase::apply`].
pub fn replace_in_place(kb: &mut KnowledgeBase, path: &str, text: &str) -> Option<Vec<usize>> {
    let &position = kb.by_path.get(path)?;
    let old = kb.documents.get(position)?;
    let found = Found {
        path: PathBuf::from(path),
        rel: path.to_string(),
        kind: old.kind,
    };
    let loaded = load::from_text(&found, old.file, text.to_string());
    let new = loaded.document.as_ref()?;
    if new.id != old.id {
        return None;
    }
    let anchors_changed = new.body.anchors != old.body.anchors;
    let mut touched: BTreeSet<usize> = BTreeSet::from([position]);
    touched.extend(neighbours(kb, position));
    let (_, index_holds) = kb.put_in_place(position, loaded)?;
    if !index_holds {
        kb.index = Index::build(&kb.documents, kb.today);
        touched.extend(neighbours(kb, position));
    }
    if anchors_changed {
        touched.extend(linking_to(kb, path));
    }
    Some(touched.into_iter().collect())
}

/// The documents the one at `position` refers to, and those that refer to it by a relation
/// the index keeps. Other references (a theme's `proposed_by`, a speaker's organisation)
/// only ask that the document exists, which a change in place does not alter; the one rule
/// that reads another document's fields (a retrospective reads its session's date) goes
/// through a relation the index keeps.
fn neighbours(kb: &KnowledgeBase, position: usize) -> Vec<usize> {
    let Some(doc) = kb.documents.get(position) else {
        return Vec::new();
    };
    let mut found: Vec<usize> = references(doc)
        .into_iter()
        .filter_map(|(kind, id)| kb.index.find(kind, id))
        .collect();
    for relation in Relation::ALL {
        if referred_kind(relation) == doc.kind {
            found.extend(kb.index.referrers(relation, &doc.id));
        }
    }
    found
}

/// The type of the documents a relation points at.
fn referred_kind(relation: Relation) -> DocKind {
    match relation {
        Relation::ThemeSessions | Relation::ThemeRetrospectives => DocKind::Theme,
        Relation::SessionRetrospectives => DocKind::Session,
        Relation::Carries | Relation::Hosted | Relation::Attended => DocKind::Organisation,
    }
}

/// The documents with a body link that resolves to `path`.
fn linking_to(kb: &KnowledgeBase, path: &str) -> Vec<usize> {
    kb.documents
        .iter()
        .enumerate()
        .filter(|(_, doc)| {
            doc.body.links.iter().any(|link| {
                matches!(resolve(kb, doc, &link.dest),
                    Target::Path { path: Some(p), .. } if p.trim_end_matches('/') == path)
            })
        })
        .map(|(i, _)| i)
        .collect()
}
