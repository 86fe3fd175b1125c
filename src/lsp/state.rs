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

use crate::diag::{Code, Diagnostic};
use crate::kb::KnowledgeBase;
use crate::lang::Lang;

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
    /// The day that decides planned and held.
    pub today: Date,
    /// The language of messages.
    pub lang: Lang,
    /// The knowledge base as the editor sees it: disk, with open buffers laid over it.
    pub kb: KnowledgeBase,
    /// The knowledge base as on disk.
    disk: KnowledgeBase,
    /// The open buffers, by relative path.
    pub buffers: HashMap<String, Buffer>,
    /// Every diagnostic, by file.
    pub diagnostics: BTreeMap<String, Vec<Diagnostic>>,
}

impl State {
    /// Loads the knowledge base at `root`.
    pub fn load(root: &Path, today: Date, lang: Lang) -> Result<Self> {
        let disk = KnowledgeBase::load(root, today)?;
        let kb = overlay(&disk, &HashMap::new());
        let mut state = State {
            root: root.to_path_buf(),
            today,
            lang,
            kb,
            disk,
            buffers: HashMap::new(),
            diagnostics: BTreeMap::new(),
        };
        state.diagnose();
        Ok(state)
    }

    /// Takes `changes` into account; returns the files whose diagnostics changed (with
    /// their new diagnostics, empty when they have none left).
    pub fn change(&mut self, changes: Vec<Change>) -> Result<Vec<String>> {
        let mut disk_changed = false;
        for change in changes {
            match change.origin {
                Origin::Buffer(text, version) => {
                    self.buffers.insert(change.path, Buffer { text, version });
                }
                Origin::Closed => {
                    self.buffers.remove(&change.path);
                }
                Origin::Disk => disk_changed = true,
            }
        }
        if disk_changed {
            self.disk = KnowledgeBase::load(&self.root, self.today)?;
        }
        self.kb = overlay(&self.disk, &self.buffers);
        Ok(self.diagnose())
    }

    /// Validates again; returns the files whose diagnostics differ from before.
    fn diagnose(&mut self) -> Vec<String> {
        let mut by_file: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
        for d in crate::validate::validate(&self.kb) {
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

/// The codes of diagnostics that come from reading a file or walking the folders rather
/// than from its text: kept for files whose text is not laid over.
const FROM_DISK: [Code; 4] = [
    Code::NotUtf8,
    Code::FileTooLarge,
    Code::UnreadableFile,
    Code::UnknownFolder,
];

/// `disk` with `buffers` laid over it: every document's text, a buffer's where one is
/// open (also for a document not on disk yet), rebuilt in memory.
fn overlay(disk: &KnowledgeBase, buffers: &HashMap<String, Buffer>) -> KnowledgeBase {
    let unread: HashSet<&str> = disk
        .load_diagnostics
        .iter()
        .filter(|d| FROM_DISK.contains(&d.code) && !buffers.contains_key(&d.file))
        .map(|d| d.file.as_str())
        .collect();
    let mut files: BTreeMap<&str, &str> = disk
        .files
        .iter()
        .filter(|f| !unread.contains(f.path.as_str()))
        .map(|f| (f.path.as_str(), f.text.as_str()))
        .collect();
    for (path, buffer) in buffers {
        if is_document_path(path) {
            files.insert(path, &buffer.text);
        }
    }
    let files: Vec<(&str, &str)> = files.into_iter().collect();
    let others: Vec<&str> = disk.other_files.iter().map(String::as_str).collect();
    let mut kb = KnowledgeBase::from_memory(&files, &others, disk.today);
    kb.root = disk.root.clone();
    kb.config = disk.config.clone();
    kb.folders.extend(disk.folders.iter().cloned());
    let kept = disk
        .load_diagnostics
        .iter()
        .filter(|d| FROM_DISK.contains(&d.code) && !buffers.contains_key(&d.file));
    kb.load_diagnostics.extend(kept.cloned());
    kb
}

/// Whether `path` (relative to the root) is where a document lives:
/// `content/<type folder>/…/<name>.md`.
pub fn is_document_path(path: &str) -> bool {
    let mut parts = path.split('/');
    parts.next() == Some("content")
        && parts
            .next()
            .and_then(crate::kb::DocKind::from_folder)
            .is_some()
        && path.ends_with(".md")
        && !path.ends_with("/README.md")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_paths() {
        assert!(is_document_path("content/themes/a.md"));
        assert!(!is_document_path("content/assets/a.md"));
        assert!(!is_document_path("content/themes/a.png"));
        assert!(!is_document_path("README.md"));
        assert!(!is_document_path("content/themes/README.md"));
    }
}
