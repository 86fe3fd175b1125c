//! Changing a loaded knowledge base in place, for `serve`, `validate --watch` and the editor
//! server: only the files that changed are read and parsed again, the rest is kept where it
//! is (a changed document is put in its place; new and removed files come and go in place,
//! in walk order); the index of ids is made again when it can differ.
//! [`KnowledgeBase::affected`] says which documents a change can touch, so that rules and
//! pages run again for those alone.
//!
//! The result is always what a full [`KnowledgeBase::load`] of the same files gives: the same
//! files, documents, order and diagnostics (tested against it over random edit sequences).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use anyhow::Result;

use super::load::{self, Loaded};
use super::schema::{DocKind, FieldType};
use super::walk::{self, Found};
use super::{Document, FieldValue, KnowledgeBase, SourceFile};
use crate::diag::Diagnostic;

/// A new text for one file, or its removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Relative to the root, `/`-separated (`content/themes/open-data.md`).
    pub path: String,
    /// The new text; `None` when the file is gone.
    pub text: Option<String>,
}

/// What a change replaced: enough of the old state to find what it touched.
#[derive(Debug, Default)]
pub struct Applied {
    /// Each Markdown file read again, added or removed, with what it held before.
    pub files: Vec<Before>,
    /// Whether a document appeared, disappeared or changed its id: every "did you mean"
    /// over the ids can change.
    pub ids_changed: bool,
    /// Whether files or folders appeared or disappeared (Markdown or other).
    pub paths_changed: bool,
    /// The files and folders that appeared or disappeared: links to them resolve
    /// differently.
    pub paths: Vec<String>,
}

impl Applied {
    /// Whether only text below the front matter changed, in files that stayed where they
    /// were: no fact any other page shows changed.
    pub fn body_only(&self, kb: &KnowledgeBase) -> bool {
        !self.paths_changed && self.files.iter().all(|b| b.body_only(kb))
    }
}

/// One file before a change.
#[derive(Debug)]
pub struct Before {
    /// Its path.
    pub path: String,
    /// Its document, when it was there and was one.
    pub document: Option<Document>,
    /// Its text (empty when it was not there).
    pub text: String,
}

impl Before {
    /// Whether only the body changed: the file is still there, at the same place, and its
    /// front matter (and everything before the body) is what it was.
    pub fn body_only(&self, kb: &KnowledgeBase) -> bool {
        let Some(old) = &self.document else {
            return false;
        };
        let Some(new) = kb
            .by_path
            .get(&self.path)
            .and_then(|&i| kb.documents.get(i))
        else {
            return false;
        };
        let old_head = self.text.get(..old.body_range.start);
        old_head.is_some() && old_head == kb.text(new).get(..new.body_range.start)
    }
}

/// Which documents' bodies link to each path (relative to the root, without a trailing
/// `/`): built when a change first asks, kept up to date by in-place reloads, dropped when
/// files come or go.
#[derive(Debug, Default)]
pub struct LinksIn {
    by_target: HashMap<String, Vec<String>>,
}

impl LinksIn {
    fn of(kb: &KnowledgeBase) -> Self {
        use rayon::prelude::*;
        let found: Vec<(&str, Vec<String>)> = (kb.documents.par_iter())
            .map(|doc| (kb.path(doc), targets(kb.path(doc), doc)))
            .collect();
        let mut links = LinksIn::default();
        for (path, targets) in found {
            links.add_targets(path, targets);
        }
        links
    }

    fn add(&mut self, path: &str, doc: &Document) {
        self.add_targets(path, targets(path, doc));
    }

    fn add_targets(&mut self, path: &str, targets: Vec<String>) {
        for target in targets {
            let from = self.by_target.entry(target).or_default();
            if from.last().map(String::as_str) != Some(path) {
                from.push(path.to_string());
            }
        }
    }

    fn remove(&mut self, path: &str, doc: &Document) {
        for target in targets(path, doc) {
            if let Some(from) = self.by_target.get_mut(&target) {
                from.retain(|p| p != path);
            }
        }
    }

    /// The paths of the documents that link to `target`.
    fn to(&self, target: &str) -> &[String] {
        self.by_target.get(target).map_or(&[], Vec::as_slice)
    }
}

/// Which documents have each id and which refer to each id, ids folded to lowercase (a
/// reference in the wrong case still counts): what a change to front matter can touch,
/// found without a pass over every document.
#[derive(Debug, Default)]
pub struct Neighbours {
    /// Folded id → the positions of the documents with that id, of any type.
    with_id: HashMap<String, Vec<usize>>,
    /// Folded id → the positions of the documents that refer to it, by any field.
    referring: HashMap<String, Vec<usize>>,
}

impl Neighbours {
    fn of(kb: &KnowledgeBase) -> Self {
        use rayon::prelude::*;
        let found: Vec<(String, Vec<String>)> = (kb.documents.par_iter())
            .map(|doc| (doc.id.to_lowercase(), folded_references(doc)))
            .collect();
        let mut neighbours = Neighbours::default();
        for (at, (id, referred)) in found.into_iter().enumerate() {
            neighbours.with_id.entry(id).or_default().push(at);
            for id in referred {
                neighbours.referring.entry(id).or_default().push(at);
            }
        }
        neighbours
    }

    /// Takes in that the document at `at` now refers to what `now` does instead of `old`.
    fn replace(&mut self, at: usize, old: &Document, now: &Document) {
        for id in folded_references(old) {
            if let Some(from) = self.referring.get_mut(&id) {
                from.retain(|&p| p != at);
            }
        }
        for id in folded_references(now) {
            let from = self.referring.entry(id).or_default();
            if !from.contains(&at) {
                from.push(at);
            }
        }
    }

    fn with_id(&self, folded: &str) -> &[usize] {
        self.with_id.get(folded).map_or(&[], Vec::as_slice)
    }

    fn referring(&self, folded: &str) -> &[usize] {
        self.referring.get(folded).map_or(&[], Vec::as_slice)
    }
}

/// The ids `doc` refers to, folded to lowercase.
fn folded_references(doc: &Document) -> Vec<String> {
    references(doc)
        .into_iter()
        .map(|(_, id)| id.to_lowercase())
        .collect()
}

/// Every path `doc`'s body (in the file at `path`) links to.
fn targets(path: &str, doc: &Document) -> Vec<String> {
    doc.body
        .links
        .iter()
        .filter_map(|link| crate::validate::links::target_path(path, &link.dest))
        .collect()
}

impl KnowledgeBase {
    /// Brings the knowledge base up to date after the files at `changed` (paths relative
    /// to the root, under `content/`) changed on disk: when they are all files it holds and
    /// still regular files, or are gone and were never held (an editor's temporary file), only
    /// the Markdown ones are read again, in place; otherwise the content folder is walked
    /// again, and new and changed files are read. Fails only as [`KnowledgeBase::load`] does.
    pub fn refresh(&mut self, changed: &HashSet<String>) -> Result<Applied> {
        match self.reload_in_place(changed) {
            Some(applied) => Ok(applied),
            None => self.reload_after_walk(changed),
        }
    }

    /// Reloads `changed` in place when no file came, went or changed type; `None` (and
    /// nothing changed) otherwise.
    fn reload_in_place(&mut self, changed: &HashSet<String>) -> Option<Applied> {
        let mut reloads = Vec::new();
        for path in changed {
            let found = std::fs::symlink_metadata(self.root.join(path));
            let regular = found.as_ref().is_ok_and(|m| m.file_type().is_file());
            let document = self.by_path.get(path).copied();
            let held = document.is_some() || self.other_files.contains(path);
            // A new folder (whose files a watcher may not have seen yet) or one that went
            // takes a walk; only a file that is gone and was never held (an editor's
            // temporary file) is nothing.
            let never_held = found.is_err()
                && !self.folders.contains(path)
                && !self.files.iter().any(|f| &f.path == path);
            match (held, regular) {
                (true, true) => reloads.extend(document),
                (false, false) if never_held => {}
                _ => return None,
            }
        }
        let mut loaded = Vec::with_capacity(reloads.len());
        for position in reloads {
            let document = self.documents.get(position)?;
            let found = Found {
                path: self.root.join(self.path(document)),
                rel: self.path(document).to_string(),
                kind: document.kind,
            };
            let file = load::load(&self.root, &found, document.file);
            file.document.as_ref()?;
            loaded.push((position, file));
        }
        let mut index_changed = false;
        let mut before = Vec::with_capacity(loaded.len());
        for (position, file) in loaded {
            let (was, indexed_alike) = self.put_in_place(position, file)?;
            index_changed |= !indexed_alike;
            before.push(was);
        }
        if index_changed {
            self.index = super::Index::build(&self.documents, self.today);
        }
        Some(self.applied(before, false))
    }

    /// Puts `loaded`, a new text of the document at `position` at the same path, in place
    /// of it, with its load diagnostics, keeping the indexes of links and neighbours up to
    /// date. Gives what it was, and whether the index of ids still holds (the same type,
    /// id, references and session state); making that index again is the caller's (once
    /// for many). `None`, and nothing changed, when `loaded` is not a document.
    pub(crate) fn put_in_place(
        &mut self,
        position: usize,
        loaded: Loaded,
    ) -> Option<(Before, bool)> {
        let Loaded {
            file,
            document,
            diagnostics,
        } = loaded;
        let mut document = document?;
        let slot = self.documents.get_mut(position)?;
        document.file = slot.file;
        let alike = indexed_alike(slot, &document, self.today);
        if let Some(links) = self.links_in.get_mut() {
            links.remove(&file.path, slot);
            links.add(&file.path, &document);
        }
        if let Some(neighbours) = self.neighbours.get_mut() {
            neighbours.replace(position, slot, &document);
        }
        let old = std::mem::replace(slot, document);
        let text = self
            .files
            .get_mut(old.file)
            .map(|f| std::mem::replace(&mut f.text, file.text))
            .unwrap_or_default();
        self.replace_load_diagnostics(&file.path, diagnostics);
        let before = Before {
            path: file.path,
            document: Some(old),
            text,
        };
        Some((before, alike))
    }

    /// The load diagnostics of the file at `path` replaced by `fresh`, where they stand:
    /// after the walk's, each file's in walk order.
    fn replace_load_diagnostics(&mut self, path: &str, fresh: Vec<Diagnostic>) {
        let files = self
            .load_diagnostics
            .get(self.walk_diagnostics..)
            .unwrap_or_default();
        let start = files.partition_point(|d| walk_order(&d.file, path).is_lt());
        let end = start
            + files
                .get(start..)
                .unwrap_or_default()
                .iter()
                .take_while(|d| d.file == path)
                .count();
        let walk = self.walk_diagnostics;
        self.load_diagnostics
            .splice(walk + start..walk + end, fresh);
    }

    /// Each file's load diagnostics (not the walk's), by path.
    fn file_diagnostics(&self) -> HashMap<String, Vec<Diagnostic>> {
        let mut by_file: HashMap<String, Vec<Diagnostic>> = HashMap::new();
        for d in self.load_diagnostics.iter().skip(self.walk_diagnostics) {
            by_file.entry(d.file.clone()).or_default().push(d.clone());
        }
        by_file
    }

    /// Walks the content folder again, reloads `changed` and the new files, keeps the rest
    /// where it is (see [`KnowledgeBase::replace_files`]).
    fn reload_after_walk(&mut self, changed: &HashSet<String>) -> Result<Applied> {
        let walked = walk::walk(&self.root)?;
        let paths_changed = self.other_files != walked.files
            || self.files.len() != walked.documents.len()
            || self
                .files
                .iter()
                .zip(&walked.documents)
                .any(|(file, found)| file.path != found.rel);
        let old_paths = paths_changed.then(|| self.paths_held());
        let links = self.links_in.take();
        let root = self.root.clone();
        let before = self.replace_files(&walked.documents, changed, |found, at| {
            load::load(&root, found, at)
        });
        self.other_files = walked.files;
        let walk = walked.diagnostics.len();
        self.load_diagnostics
            .splice(..self.walk_diagnostics, walked.diagnostics);
        self.walk_diagnostics = walk;
        Ok(self.settle(before, old_paths, links))
    }

    /// Puts the files in line with `found` (every Markdown file, in walk order), in place:
    /// a file held at a path found and not `changed` stays as it is; the others found are
    /// read with `read` (given their position); those held and not found leave. The
    /// documents leave and come in place, so that a new file costs about its own size in
    /// memory, not the whole base's. Gives what each changed file was; the indexes are made
    /// again by [`KnowledgeBase::settle`].
    fn replace_files(
        &mut self,
        found: &[Found],
        changed: &HashSet<String>,
        mut read: impl FnMut(&Found, usize) -> Loaded,
    ) -> Vec<Before> {
        let plan = Plan::of(&self.files, found, changed);
        let mut diagnostics = self.file_diagnostics();
        let mut before = Vec::new();
        // What leaves: the files not kept (gone, or to be read again) with their documents.
        let mut leaving = self
            .documents
            .extract_if(.., |d| plan.new_place(d.file).is_none())
            .peekable();
        let empty = || SourceFile {
            path: String::new(),
            text: String::new(),
        };
        let mut files: Vec<SourceFile> = std::iter::repeat_with(empty).take(found.len()).collect();
        for (old, file) in std::mem::take(&mut self.files).into_iter().enumerate() {
            match plan.new_place(old).and_then(|at| files.get_mut(at)) {
                Some(slot) => *slot = file,
                None => {
                    diagnostics.remove(&file.path);
                    before.push(Before {
                        document: leaving.next_if(|d| d.file == old),
                        path: file.path,
                        text: file.text,
                    });
                }
            }
        }
        drop(leaving);
        for document in &mut self.documents {
            document.file = plan.new_place(document.file).unwrap_or(document.file);
        }
        // What comes: the new files and those read again.
        let mut added = Vec::with_capacity(plan.read.len());
        for &(at, held) in &plan.read {
            let (Some(found), Some(slot)) = (found.get(at), files.get_mut(at)) else {
                continue;
            };
            let loaded = read(found, at);
            if !held {
                before.push(Before {
                    path: found.rel.clone(),
                    document: None,
                    text: String::new(),
                });
            }
            diagnostics.insert(found.rel.clone(), loaded.diagnostics);
            *slot = loaded.file;
            added.extend(loaded.document);
        }
        self.insert_documents(added);
        self.files = files;
        self.load_diagnostics.truncate(self.walk_diagnostics);
        for file in &self.files {
            self.load_diagnostics
                .extend(diagnostics.remove(&file.path).unwrap_or_default());
        }
        before
    }

    /// After files were replaced: makes the indexes again, carries `links` over, and says
    /// what changed (`old_paths`: the paths held before, when files or folders came or went).
    fn settle(
        &mut self,
        before: Vec<Before>,
        old_paths: Option<HashSet<String>>,
        links: Option<LinksIn>,
    ) -> Applied {
        self.neighbours = std::sync::OnceLock::new();
        self.derive();
        let mut applied = self.applied(before, old_paths.is_some());
        if let Some(old_paths) = old_paths {
            applied.paths = self.paths_unlike(&old_paths);
        }
        self.carry_links(links, &applied.files);
        applied
    }

    /// Puts `added` (in file order) among the documents, which stay in file order.
    fn insert_documents(&mut self, added: Vec<Document>) {
        self.documents.reserve_exact(added.len());
        if added.len() <= FEW_ENOUGH_TO_INSERT {
            for document in added {
                let at = self.documents.partition_point(|d| d.file < document.file);
                self.documents.insert(at, document);
            }
        } else {
            self.documents.extend(added);
            self.documents.sort_unstable_by_key(|d| d.file);
        }
    }

    /// Every path held: Markdown files, other files and folders.
    fn paths_held(&self) -> HashSet<String> {
        let files = self.files.iter().map(|f| &f.path);
        files
            .chain(&self.other_files)
            .chain(&self.folders)
            .cloned()
            .collect()
    }

    /// Finds, once, which documents link to each path and which have or refer to each id,
    /// so that the first change does not wait for it (`serve` asks at the start and after
    /// files came or went).
    pub fn index_links(&self) {
        self.links_in.get_or_init(|| LinksIn::of(self));
        self.neighbours.get_or_init(|| Neighbours::of(self));
    }

    /// Drops the indexes kept for [`KnowledgeBase::affected`] (links, ids, references): for
    /// code that changes [`KnowledgeBase::documents`] by itself.
    pub fn forget_indexes(&mut self) {
        self.links_in = std::sync::OnceLock::new();
        self.neighbours = std::sync::OnceLock::new();
    }

    /// Keeps `links` (the reverse index of links before files came or went), brought up to date with
    /// the files in `changed`.
    fn carry_links(&mut self, links: Option<LinksIn>, changed: &[Before]) {
        let Some(mut links) = links else {
            return;
        };
        for before in changed {
            if let Some(old) = &before.document {
                links.remove(&before.path, old);
            }
            let now = self.by_path.get(&before.path).copied();
            if let Some(doc) = now.and_then(|at| self.documents.get(at)) {
                links.add(&before.path, doc);
            }
        }
        let _ = self.links_in.set(links);
    }

    /// Applies texts held in memory (an editor's open buffers): each change replaces, adds or
    /// removes one Markdown file under a document folder; other paths are left alone. The
    /// walk's findings are kept as they were.
    pub fn apply(&mut self, changes: Vec<Change>) -> Applied {
        let mut texts: HashMap<String, Option<String>> = changes
            .into_iter()
            .filter(|c| document_kind(&c.path).is_some())
            .map(|c| (c.path, c.text))
            .collect();
        // Every Markdown file after the changes, in walk order.
        let found_at = |rel: &str| {
            Some(Found {
                path: PathBuf::from(rel),
                rel: rel.to_string(),
                kind: document_kind(rel)?,
            })
        };
        let kept = (self.files.iter())
            .filter(|f| !matches!(texts.get(&f.path), Some(None)))
            .filter_map(|f| found_at(&f.path));
        let mut found: Vec<Found> = kept.collect();
        let held: HashSet<&str> = self.files.iter().map(|f| f.path.as_str()).collect();
        let mut paths_changed = false;
        for (path, text) in &texts {
            let is_held = held.contains(path.as_str());
            paths_changed |= is_held != text.is_some();
            if text.is_some() && !is_held {
                found.extend(found_at(path));
            }
        }
        found.sort_unstable_by(|a, b| walk_order(&a.rel, &b.rel));
        let changed: HashSet<String> = (texts.iter())
            .filter(|(_, text)| text.is_some())
            .map(|(path, _)| path.clone())
            .collect();
        let old_paths = paths_changed.then(|| self.paths_held());
        let links = self.links_in.take();
        let before = self.replace_files(&found, &changed, |found, at| {
            let text = texts.remove(&found.rel).flatten().unwrap_or_default();
            load::from_text(found, at, text)
        });
        self.settle(before, old_paths, links)
    }

    /// The files and folders held now but not in `old`, and those in `old` not held now
    /// (only folders and other files count: Markdown files are in [`Applied::files`]).
    fn paths_unlike(&self, old: &HashSet<String>) -> Vec<String> {
        let now: HashSet<&String> = self.other_files.iter().chain(&self.folders).collect();
        let appeared = now
            .iter()
            .filter(|p| !old.contains(p.as_str()))
            .map(|p| (*p).clone());
        let gone = old
            .iter()
            .filter(|p| !now.contains(p) && !self.by_path.contains_key(p.as_str()))
            .cloned();
        appeared.chain(gone).collect()
    }

    fn applied(&self, files: Vec<Before>, paths_changed: bool) -> Applied {
        let ids_changed = files.iter().any(|b| {
            let now = self
                .by_path
                .get(&b.path)
                .and_then(|&i| self.documents.get(i));
            match (&b.document, now) {
                (Some(old), Some(new)) => (old.kind, &old.id) != (new.kind, &new.id),
                (None, None) => false,
                _ => true,
            }
        });
        Applied {
            files,
            ids_changed,
            paths_changed,
            paths: Vec::new(),
        }
    }

    /// The positions of the documents whose checks or page can differ after `applied`: the
    /// changed ones; those with the same id (in any case); those they refer to and those
    /// that refer to them, before and after; those whose body links to a changed file; and,
    /// when ids appeared or went, those whose suggestions can change (a reference that does
    /// not resolve); and those whose body links to a file or folder that appeared or went.
    pub fn affected(&self, applied: &Applied) -> Vec<usize> {
        if applied.body_only(self) {
            return self.affected_by_bodies(applied);
        }
        if !applied.paths_changed && !applied.ids_changed {
            return self.affected_in_place(applied);
        }
        let mut ids: HashSet<String> = HashSet::new();
        let mut referred: HashSet<&str> = HashSet::new();
        let mut paths: HashSet<&str> = HashSet::new();
        let mut positions: HashSet<usize> = HashSet::new();
        paths.extend(applied.paths.iter().map(String::as_str));
        for before in &applied.files {
            paths.insert(&before.path);
            let now = self.by_path.get(&before.path).copied();
            positions.extend(now);
            let now = now.and_then(|i| self.documents.get(i));
            for doc in before.document.iter().chain(now) {
                ids.insert(doc.id.to_lowercase());
                referred.extend(references(doc).into_iter().map(|(_, id)| id));
            }
        }
        let names = file_names(&paths);
        for (i, doc) in self.documents.iter().enumerate() {
            if ids.contains(&doc.id.to_lowercase())
                || referred.contains(doc.id.as_str())
                || references(doc).into_iter().any(|(kind, id)| {
                    ids.contains(&id.to_lowercase())
                        || (applied.ids_changed && self.get(kind, id).is_none())
                })
                || self.links_to(doc, &paths, &names)
            {
                positions.insert(i);
            }
        }
        let mut positions: Vec<usize> = positions.into_iter().collect();
        positions.sort_unstable();
        positions
    }

    /// After a change to front matter that kept every file and id (a title, a reference):
    /// what [`KnowledgeBase::affected`] finds, from the indexes of ids, references and links.
    fn affected_in_place(&self, applied: &Applied) -> Vec<usize> {
        let neighbours = self.neighbours.get_or_init(|| Neighbours::of(self));
        let links = self.links_in.get_or_init(|| LinksIn::of(self));
        let mut positions: Vec<usize> = Vec::new();
        for before in &applied.files {
            let now = self.by_path.get(&before.path).copied();
            positions.extend(now);
            let linking = links.to(&before.path).iter();
            positions.extend(linking.filter_map(|path| self.by_path.get(path).copied()));
            let now = now.and_then(|i| self.documents.get(i));
            for doc in before.document.iter().chain(now) {
                let id = doc.id.to_lowercase();
                positions.extend(neighbours.with_id(&id));
                positions.extend(neighbours.referring(&id));
                for (_, referred) in references(doc) {
                    let same =
                        |&&at: &&usize| self.documents.get(at).is_some_and(|d| d.id == referred);
                    let with_id = neighbours.with_id(&referred.to_lowercase());
                    positions.extend(with_id.iter().filter(same));
                }
            }
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }

    /// After a change to bodies alone: the changed documents and those whose body links to
    /// them (their anchors may have changed).
    fn affected_by_bodies(&self, applied: &Applied) -> Vec<usize> {
        let links = self.links_in.get_or_init(|| LinksIn::of(self));
        let mut positions: Vec<usize> = applied
            .files
            .iter()
            .flat_map(|b| std::iter::once(&b.path).chain(links.to(&b.path)))
            .filter_map(|path| self.by_path.get(path).copied())
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
    }

    /// Whether `doc`'s body links to one of `paths`, whose file names are `names`: a link
    /// names the file it points to unless it is percent-encoded, so most links are ruled out
    /// without resolving them.
    fn links_to(&self, doc: &Document, paths: &HashSet<&str>, names: &[&str]) -> bool {
        doc.body.links.iter().any(|link| {
            let may_name =
                link.dest.contains('%') || names.iter().any(|name| link.dest.contains(name));
            may_name
                && match crate::validate::links::resolve(self, doc, &link.dest) {
                    crate::validate::links::Target::Path { path, .. } => {
                        path.is_some_and(|p| paths.contains(p.trim_end_matches('/')))
                    }
                    _ => false,
                }
        })
    }
}

/// The last part of each of `paths`.
fn file_names<'a>(paths: &HashSet<&'a str>) -> Vec<&'a str> {
    paths
        .iter()
        .map(|p| p.rsplit('/').next().unwrap_or(p))
        .collect()
}

/// Whether `old` and `new` give the index the same entries: the same type and id, the same
/// references, and (a session) the same state on `today`.
fn indexed_alike(old: &Document, new: &Document, today: time::Date) -> bool {
    let state = |doc: &Document| match &doc.data {
        super::Data::Session(session) => session.state(today),
        _ => None,
    };
    (old.kind, &old.id) == (new.kind, &new.id)
        && references(old) == references(new)
        && state(old) == state(new)
}

/// The walk's order: folder by folder, names sorted, a folder's files right after it.
fn walk_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.split('/').cmp(b.split('/'))
}

/// A path that sorts in the walk's order (the order of [`KnowledgeBase::documents`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkOrdered(pub String);

impl From<&str> for WalkOrdered {
    fn from(path: &str) -> Self {
        WalkOrdered(path.to_string())
    }
}

impl Ord for WalkOrdered {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        walk_order(&self.0, &other.0)
    }
}

impl PartialOrd for WalkOrdered {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The type of a Markdown file at `path` as the walk would see it.
fn document_kind(path: &str) -> Option<DocKind> {
    let mut parts = path.split('/');
    let top = parts.next()?;
    let folder = parts.next()?;
    let name = parts.next_back()?;
    let markdown = std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    let readme = name
        .rsplit_once('.')
        .is_some_and(|(stem, _)| stem.eq_ignore_ascii_case("README"));
    (top == "content" && markdown && !readme && !name.starts_with('.'))
        .then(|| DocKind::from_folder(folder))
        .flatten()
}

/// Every id `doc`'s front matter refers to, with the type it names, in any reference field
/// (nested ones too).
pub fn references(doc: &Document) -> Vec<(DocKind, &str)> {
    let mut ids = Vec::new();
    for (field, value) in doc.data.values() {
        collect_references(field.ty, &value, &mut ids);
    }
    ids
}

fn collect_references<'a>(
    ty: FieldType,
    value: &FieldValue<'a>,
    ids: &mut Vec<(DocKind, &'a str)>,
) {
    match (ty, value) {
        (FieldType::Ref(kind), FieldValue::OptText(Some(id))) => ids.push((kind, id)),
        (FieldType::List(FieldType::Ref(kind)), FieldValue::List(list)) => {
            ids.extend(list.iter().map(|id| (*kind, *id)));
        }
        (_, FieldValue::Objects(objects)) => {
            for object in objects {
                for (field, value) in object {
                    collect_references(field.ty, value, ids);
                }
            }
        }
        _ => {}
    }
}

/// How many new documents are put in place one by one; more are sorted in at once.
const FEW_ENOUGH_TO_INSERT: usize = 32;

/// What a walk means for the files held: where each one kept is now, and which files found
/// are read (with whether one was held at that path).
struct Plan {
    /// The new position of each file held, by its old one; `None` when it is gone or read
    /// again.
    kept: Vec<Option<usize>>,
    /// The positions among the files found of those to read, and whether each was held.
    read: Vec<(usize, bool)>,
}

impl Plan {
    /// Matches `held` and `found` (both in walk order) in one pass; files at paths in
    /// `changed` are read again.
    fn of(held: &[SourceFile], found: &[Found], changed: &HashSet<String>) -> Self {
        let mut plan = Plan {
            kept: vec![None; held.len()],
            read: Vec::new(),
        };
        let mut held = held.iter().enumerate().peekable();
        for (at, found) in found.iter().enumerate() {
            while held
                .next_if(|(_, f)| walk_order(&f.path, &found.rel).is_lt())
                .is_some()
            {}
            match held.next_if(|(_, f)| f.path == found.rel) {
                Some((old, _)) if !changed.contains(&found.rel) => {
                    if let Some(slot) = plan.kept.get_mut(old) {
                        *slot = Some(at);
                    }
                }
                was => plan.read.push((at, was.is_some())),
            }
        }
        plan
    }

    /// Where the file held at `old` is now, if it is kept.
    fn new_place(&self, old: usize) -> Option<usize> {
        self.kept.get(old).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `text` at `rel` under `root`, making its folders.
    fn write_file(root: &std::path::Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
        std::fs::write(path, text).expect("write");
    }

    #[test]
    fn a_folder_that_came_or_went_is_walked_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let write = |rel: &str, text: &str| write_file(root, rel, text);
        write("content/themes/a.md", "---\ntitle: A\nsummary: S.\n---\n");
        let today = crate::kb::date::parse_date("2026-11-30").expect("a date");
        let mut kb = KnowledgeBase::load(root, today).expect("loads");
        // A watcher tells of the new folder only: the file in it was made before the folder
        // was watched.
        write(
            "content/themes/sub/b.md",
            "---\ntitle: B\nsummary: S.\n---\n",
        );
        kb.refresh(&["content/themes/sub".to_string()].into())
            .expect("refreshes");
        assert!(kb.by_path.contains_key("content/themes/sub/b.md"));
        // The folder moved out of the knowledge base: told of the folder only.
        std::fs::rename(root.join("content/themes/sub"), root.join("elders")).expect("move");
        kb.refresh(&["content/themes/sub".to_string()].into())
            .expect("refreshes");
        assert!(!kb.by_path.contains_key("content/themes/sub/b.md"));
        // An editor's temporary file, already gone, is nothing to walk for.
        let held = kb.files.len();
        kb.refresh(&["content/themes/.a.md.swp".to_string()].into())
            .expect("refreshes");
        assert_eq!(kb.files.len(), held);
    }

    /// What a knowledge base holds, by path: each file's text and its document's id and
    /// position, the positions the index and `by_path` give, and the load diagnostics.
    fn held(kb: &KnowledgeBase) -> String {
        let files: Vec<_> = (kb.files.iter().enumerate())
            .map(|(i, f)| {
                let document = kb.documents.iter().position(|d| d.file == i);
                let id = document.and_then(|at| kb.documents.get(at)).map(|d| &d.id);
                (&f.path, &f.text, document, id, kb.by_path.get(&f.path))
            })
            .collect();
        let codes: Vec<_> = (kb.load_diagnostics.iter())
            .map(|d| (d.code, &d.file))
            .collect();
        let found: Vec<_> = (kb.documents.iter())
            .map(|d| kb.index.find(d.kind, &d.id))
            .collect();
        format!("{files:#?}\n{codes:?}\n{found:?}")
    }

    #[test]
    fn many_files_come_and_go_at_once_as_after_a_checkout() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let write = |rel: &str, text: &str| write_file(root, rel, text);
        let theme = |n: usize| format!("content/themes/t{n:03}.md");
        for n in (0..100).step_by(3) {
            write(&theme(n), &format!("---\ntitle: T{n}\nsummary: S.\n---\n"));
        }
        write("content/themes/broken.md", "---\ntitle: [\n---\n");
        let today = crate::kb::date::parse_date("2026-11-30").expect("a date");
        let mut kb = KnowledgeBase::load(root, today).expect("loads");
        // More new files than are put in one by one, between those held; some held go,
        // one is changed.
        let mut changed = HashSet::new();
        for n in (1..100).step_by(2) {
            write(&theme(n), &format!("---\ntitle: N{n}\nsummary: S.\n---\n"));
            changed.insert(theme(n));
        }
        for n in [0, 9, 99] {
            std::fs::remove_file(root.join(theme(n))).expect("remove");
            changed.insert(theme(n));
        }
        write(&theme(6), "---\ntitle: Changed\nsummary: S.\n---\n");
        changed.insert(theme(6));
        let applied = kb.refresh(&changed).expect("refreshes");
        let loaded = KnowledgeBase::load(root, today).expect("loads");
        assert_eq!(held(&kb), held(&loaded));
        let told: HashSet<&str> = applied.files.iter().map(|b| b.path.as_str()).collect();
        let expected: HashSet<&str> = changed.iter().map(String::as_str).collect();
        assert_eq!(told, expected);
        // And a few: put in one by one.
        write(&theme(2), "---\ntitle: Two\nsummary: S.\n---\n");
        kb.refresh(&[theme(2)].into()).expect("refreshes");
        assert_eq!(
            held(&kb),
            held(&KnowledgeBase::load(root, today).expect("loads"))
        );
    }

    #[test]
    fn texts_applied_give_what_loading_those_texts_gives() {
        let today = crate::kb::date::parse_date("2026-11-30").expect("a date");
        let theme = |title: &str| format!("---\ntitle: {title}\nsummary: S.\n---\n");
        let (a, b, c) = (theme("A"), theme("B"), theme("C"));
        let mut kb = KnowledgeBase::from_memory(
            &[
                ("content/themes/a.md", &a),
                ("content/themes/b.md", &b),
                ("content/themes/sub/c.md", &c),
            ],
            &[],
            today,
        );
        let change = |path: &str, text: Option<&str>| Change {
            path: path.to_string(),
            text: text.map(str::to_string),
        };
        let (b2, d, broken) = (theme("B2"), theme("D"), "---\ntitle: [\n---\n".to_string());
        let applied = kb.apply(vec![
            change("content/themes/b.md", Some(&b2)),
            change("content/themes/d.md", Some(&d)),
            change("content/themes/broken.md", Some(&broken)),
            change("content/themes/a.md", None),
            change("content/themes/never.md", None),
            change("content/notes/x.md", Some(&d)),
        ]);
        let loaded = KnowledgeBase::from_memory(
            &[
                ("content/themes/b.md", &b2),
                ("content/themes/broken.md", &broken),
                ("content/themes/d.md", &d),
                ("content/themes/sub/c.md", &c),
            ],
            &[],
            today,
        );
        assert_eq!(held(&kb), held(&loaded));
        let mut told: Vec<&str> = applied.files.iter().map(|b| b.path.as_str()).collect();
        told.sort_unstable();
        let expected = ["a.md", "b.md", "broken.md", "d.md"].map(|f| format!("content/themes/{f}"));
        assert_eq!(told, expected);
        assert!(applied.paths_changed);
    }

    #[test]
    fn a_document_path_is_recognised_as_the_walk_does() {
        assert_eq!(document_kind("content/themes/a.md"), Some(DocKind::Theme));
        assert_eq!(
            document_kind("content/sessions/2026/a.MD"),
            Some(DocKind::Session)
        );
        assert_eq!(document_kind("content/themes/README.md"), None);
        assert_eq!(document_kind("content/themes/.a.md"), None);
        assert_eq!(document_kind("content/a.md"), None);
        assert_eq!(document_kind("content/elsewhere/a.md"), None);
        assert_eq!(document_kind("content/themes/a.png"), None);
    }
}
