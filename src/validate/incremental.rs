//! Validation kept up to date with a changing knowledge base: each document's diagnostics
//! are remembered, and after a change only the documents it can touch
//! ([`KnowledgeBase::affected`]) are checked again. [`Incremental::all`] always equals
//! [`super::validate`] of the same knowledge base.

use std::collections::HashMap;

use rayon::prelude::*;

use super::{check_document, sorted};
use crate::diag::Diagnostic;
use crate::kb::KnowledgeBase;
use crate::kb::change::Applied;

/// Every document's diagnostics, by the document's path.
#[derive(Debug, Default)]
pub struct Incremental {
    by_path: HashMap<String, Vec<Diagnostic>>,
}

impl Incremental {
    /// Checks every document of `kb`.
    pub fn new(kb: &KnowledgeBase) -> Self {
        let by_path = kb
            .documents
            .par_iter()
            .map(|doc| (kb.path(doc).to_string(), check_document(kb, doc)))
            .collect();
        Incremental { by_path }
    }

    /// Checks again what `applied` (already applied to `kb`) can have changed; gives how
    /// many documents were checked.
    pub fn update(&mut self, kb: &KnowledgeBase, applied: &Applied) -> usize {
        for before in &applied.files {
            self.by_path.remove(&before.path);
        }
        let affected = kb.affected(applied);
        let checked: Vec<(String, Vec<Diagnostic>)> = affected
            .par_iter()
            .filter_map(|&i| kb.documents.get(i))
            .map(|doc| (kb.path(doc).to_string(), check_document(kb, doc)))
            .collect();
        let count = checked.len();
        self.by_path.extend(checked);
        count
    }

    /// Every diagnostic, as [`super::validate`] gives them.
    pub fn all(&self, kb: &KnowledgeBase) -> Vec<Diagnostic> {
        let checked = kb
            .documents
            .iter()
            .filter_map(|doc| self.by_path.get(kb.path(doc)))
            .flatten()
            .cloned();
        sorted(kb.load_diagnostics.iter().cloned().chain(checked).collect())
    }

    /// Every diagnostic of the file at `path` (the loader's and the rules'), sorted.
    pub fn of_file(&self, kb: &KnowledgeBase, path: &str) -> Vec<Diagnostic> {
        let loaded = kb.load_diagnostics.iter().filter(|d| d.file == path);
        let checked = self.by_path.get(path).into_iter().flatten();
        sorted(loaded.chain(checked).cloned().collect())
    }
}
