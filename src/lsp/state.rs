//! What the server knows: the knowledge base with the editor's open buffers laid over the
//! files on disk, and the diagnostics of every file.
//!
//! Every change goes through [`State::change`], which takes the same list of changed files
//! whatever their origin (a keystroke in a buffer, a file closed, a file changed on disk),
//! so the way the knowledge base is brought up to date lives in one place.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::Result;
use time::Date;

use crate::diag::Diagnostic;
use crate::kb::{self, KnowledgeBase};
use crate::lang::Lang;
use crate::validate::incremental::Incremental;

/// One file that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Relative to the root, with `/` separators.
    pub path: String,
    /// Where it came from.
    pub origin: Origin,
}

/// Where a change came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The editor's buffer now holds this text, at this version.
    Buffer(String, i32),
    /// The editor closed the buffer: the file on disk counts again.
    Closed,
    /// The file changed on disk (or was created or removed).
    Disk,
}

/// An open buffer.
#[derive(Clone, Debug)]
pub struct Buffer {
    /// Its text.
    pub text: String,
    /// The editor's version of it.
    pub version: i32,
}

/// The server's state.
pub struct State {
    /// The knowledge-base root.
    pub root: PathBuf,
    /// The language of messages.
    pub lang: Lang,
    /// The knowledge base as the editor sees it: disk, with open buffers laid over it.
    pub kb: KnowledgeBase,
    /// Each document's diagnostics, kept up to date with the knowledge base.
    incremental: Incremental,
    /// The open buffers, by relative path.
    pub buffers: HashMap<String, Buffer>,
    /// Every diagnostic, by file.
    pub diagnostics: BTreeMap<String, Vec<Diagnostic>>,
}

impl State {
    /// Loads the knowledge base at `root`.
    pub fn load(root: &Path, today: Date, lang: Lang) -> Result<Self> {
        let kb = KnowledgeBase::load(root, today)?;
        let incremental = Incremental::new(&kb);
        let mut state = State {
            root: root.to_path_buf(),
            lang,
            kb,
            incremental,
            buffers: HashMap::new(),
            diagnostics: BTreeMap::new(),
        };
        state.diagnose();
        Ok(state)
    }

    /// Takes `changes` into account: buffers are applied as they are, files closed or
    /// changed on disk are read again (a file open in the editor keeps its buffer). Returns
    /// the files whose diagnostics changed.
    pub fn change(&mut self, changes: Vec<Change>) -> Result<Vec<String>> {
        let mut texts = Vec::new();
        let mut from_disk = HashSet::new();
        for change in changes {
            match change.origin {
                Origin::Buffer(text, version) => {
                    texts.push(kb::change::Change {
                        path: change.path.clone(),
                        text: Some(text.clone()),
                    });
                    self.buffers.insert(change.path, Buffer { text, version });
                }
                Origin::Closed => {
                    self.buffers.remove(&change.path);
                    from_disk.insert(change.path);
                }
                Origin::Disk => {
                    if !self.buffers.contains_key(&change.path) {
                        from_disk.insert(change.path);
                    }
                }
            }
        }
        if !from_disk.is_empty() {
            let applied = self.kb.refresh(&from_disk)?;
            self.incremental.update(&self.kb, &applied);
            texts.extend(self.buffers_not_applied());
        }
        if !texts.is_empty() {
            let applied = self.kb.apply(texts);
            self.incremental.update(&self.kb, &applied);
        }
        Ok(self.diagnose())
    }

    /// The open buffers whose text the knowledge base does not hold (after reading the disk
    /// again: a buffer of a file not saved yet).
    fn buffers_not_applied(&self) -> Vec<kb::change::Change> {
        self.buffers
            .iter()
            .filter(|(path, buffer)| {
                let held = self
                    .kb
                    .by_path
                    .get(*path)
                    .and_then(|&i| self.kb.documents.get(i));
                held.is_none_or(|doc| self.kb.text(doc) != buffer.text)
            })
            .map(|(path, buffer)| kb::change::Change {
                path: path.clone(),
                text: Some(buffer.text.clone()),
            })
            .collect()
    }

    /// Gathers every diagnostic by file; returns the files whose diagnostics differ from
    /// before.
    fn diagnose(&mut self) -> Vec<String> {
        let mut by_file: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
        for d in self.incremental.all(&self.kb) {
            by_file.entry(d.file.clone()).or_default().push(d);
        }
        let files: HashSet<&String> = by_file.keys().chain(self.diagnostics.keys()).collect();
        let changed: Vec<String> = files
            .into_iter()
            .filter(|f| by_file.get(*f) != self.diagnostics.get(*f))
            .cloned()
            .collect();
        self.diagnostics = by_file;
        changed
    }

    /// The text of file `path` as the editor sees it.
    pub fn text(&self, path: &str) -> Option<&str> {
        if let Some(buffer) = self.buffers.get(path) {
            return Some(&buffer.text);
        }
        let &i = self.kb.by_path.get(path)?;
        self.kb.documents.get(i).map(|d| self.kb.text(d))
    }
}
