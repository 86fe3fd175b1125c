//! Validation kept up to date with a changing knowledge base: each document's diagnostics
//! are remembered, and after a change only the documents it can touch
//! ([`KnowledgeBase::affected`]) are checked again. [`Incremental::all`] always equals
//! [`super::validate`] of the same knowledge base.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::{check_document, sorted};
use crate::diag::Diagnostic;
use crate::kb::KnowledgeBase;
use crate::kb::change::{Applied, WalkOrdered};

/// The diagnostics of each document that has any, by the document's path in the walk's
/// order: the whole list is put together from the documents with problems alone.
#[derive(Debug, Default)]
pub struct Incremental {
    by_path: BTreeMap<WalkOrdered, Vec<Diagnostic>>,
}

impl Incremental {
    /// Checks every document of `kb`.
    pub fn new(kb: &KnowledgeBase) -> Self {
        let checked: Vec<(WalkOrdered, Vec<Diagnostic>)> = kb
            .documents
            .par_iter()
            .map(|doc| (WalkOrdered::from(kb.path(doc)), check_document(kb, doc)))
            .filter(|(_, diagnostics)| !diagnostics.is_empty())
            .collect();
        Incremental {
            by_path: checked.into_iter().collect(),
        }
    }

    /// Checks again what `applied` (already applied to `kb`) can have changed; gives how
    /// many documents were checked.
    pub fn update(&mut self, kb: &KnowledgeBase, applied: &Applied) -> usize {
        self.update_affected(kb, applied, &kb.affected(applied))
    }

    /// The same, with `affected` ([`KnowledgeBase::affected`] of `applied`) known already.
    pub fn update_affected(
        &mut self,
        kb: &KnowledgeBase,
        applied: &Applied,
        affected: &[usize],
    ) -> usize {
        for before in &applied.files {
            self.by_path
                .remove(&WalkOrdered::from(before.path.as_str()));
        }
        let checked: Vec<(WalkOrdered, Vec<Diagnostic>)> = affected
            .par_iter()
            .filter_map(|&i| kb.documents.get(i))
            .map(|doc| (WalkOrdered::from(kb.path(doc)), check_document(kb, doc)))
            .collect();
        let count = checked.len();
        for (path, diagnostics) in checked {
            if diagnostics.is_empty() {
                self.by_path.remove(&path);
            } else {
                self.by_path.insert(path, diagnostics);
            }
        }
        count
    }

    /// Every diagnostic, as [`super::validate`] gives them.
    pub fn all(&self, kb: &KnowledgeBase) -> Vec<Diagnostic> {
        let checked = self.by_path.values().flatten().cloned();
        sorted(kb.load_diagnostics.iter().cloned().chain(checked).collect())
    }

    /// Every diagnostic of the file at `path` (the loader's and the rules'), sorted.
    pub fn of_file(&self, kb: &KnowledgeBase, path: &str) -> Vec<Diagnostic> {
        let loaded = kb.load_diagnostics.iter().filter(|d| d.file == path);
        let checked = self
            .by_path
            .get(&WalkOrdered::from(path))
            .into_iter()
            .flatten();
        sorted(loaded.chain(checked).cloned().collect())
    }
}
