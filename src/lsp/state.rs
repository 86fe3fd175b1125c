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

use rayon::prelude::*;

use super::keystroke;
use crate::diag::Diagnostic;
use crate::kb::change::Applied;
use crate::kb::{self, KnowledgeBase};
use crate::lang::Lang;
use crate::validate::check_document;

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
    /// The rules' diagnostics of each document, by its path, kept up to date.
    checked: HashMap<String, Vec<Diagnostic>>,
    /// The open buffers, by relative path.
    pub buffers: HashMap<String, Buffer>,
    /// Every diagnostic, by file, in the order `validate` gives them.
    pub diagnostics: BTreeMap<String, Vec<Diagnostic>>,
}

impl State {
    /// Loads the knowledge base at `root` and checks everything.
    pub fn load(root: &Path, today: Date, lang: Lang) -> Result<Self> {
        let kb = KnowledgeBase::load(root, today)?;
        let checked = kb
            .documents
            .par_iter()
            .map(|doc| (kb.path(doc).to_string(), check_document(&kb, doc)))
            .collect();
        let mut state = State {
            root: root.to_path_buf(),
            lang,
            kb,
            checked,
            buffers: HashMap::new(),
            diagnostics: BTreeMap::new(),
        };
        state.diagnose(None);
        Ok(state)
    }

    /// Takes `changes` into account: a buffer whose document keeps its id and references is
    /// put in place ([`keystroke`](super::keystroke)); other buffers go through
    /// [`KnowledgeBase::apply`], files closed or changed on disk through
    /// [`KnowledgeBase::refresh`] (a file open in the editor keeps its buffer). Only the
    /// documents a change can touch are checked again. Returns the files whose diagnostics
    /// changed.
    pub fn change(&mut self, changes: Vec<Change>) -> Result<Vec<String>> {
        let mut texts = Vec::new();
        let mut from_disk = HashSet::new();
        let mut dirty = HashSet::new();
        for change in changes {
            match change.origin {
                Origin::Buffer(text, version) => {
                    let in_place = texts.is_empty()
                        && from_disk.is_empty()
                        && self.put_in_place(&change.path, &text, &mut dirty);
                    if !in_place {
                        texts.push(kb::change::Change {
                            path: change.path.clone(),
                            text: Some(text.clone()),
                        });
                    }
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
        let everything = !from_disk.is_empty();
        if everything {
            let applied = self.kb.refresh(&from_disk)?;
            self.check_again(&applied, &mut dirty);
            texts.extend(self.buffers_not_applied());
        }
        if !texts.is_empty() {
            let applied = self.kb.apply(texts);
            self.check_again(&applied, &mut dirty);
        }
        Ok(self.diagnose((!everything).then_some(dirty)))
    }

    /// The fast path of a keystroke; whether it applied.
    fn put_in_place(&mut self, path: &str, text: &str, dirty: &mut HashSet<String>) -> bool {
        let Some(touched) = keystroke::replace_in_place(&mut self.kb, path, text) else {
            return false;
        };
        dirty.insert(path.to_string());
        self.check(&touched, dirty);
        true
    }

    /// Checks again what `applied` (applied to the knowledge base) can have changed.
    fn check_again(&mut self, applied: &Applied, dirty: &mut HashSet<String>) {
        for before in &applied.files {
            self.checked.remove(&before.path);
            dirty.insert(before.path.clone());
        }
        let affected = self.kb.affected(applied);
        self.check(&affected, dirty);
    }

    /// Checks the documents at `positions` again.
    fn check(&mut self, positions: &[usize], dirty: &mut HashSet<String>) {
        let kb = &self.kb;
        let checked: Vec<(String, Vec<Diagnostic>)> = positions
            .par_iter()
            .filter_map(|&i| kb.documents.get(i))
            .map(|doc| (kb.path(doc).to_string(), check_document(kb, doc)))
            .collect();
        for (path, diagnostics) in checked {
            dirty.insert(path.clone());
            self.checked.insert(path, diagnostics);
        }
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

    /// Gathers the diagnostics of the files in `dirty` (every file when `None`) in
    /// `validate`'s order; returns the files whose diagnostics differ from before.
    fn diagnose(&mut self, dirty: Option<HashSet<String>>) -> Vec<String> {
        let files: Vec<String> = match dirty {
            Some(dirty) => dirty.into_iter().collect(),
            None => {
                let mut all: HashSet<String> = self.diagnostics.keys().cloned().collect();
                all.extend(self.kb.load_diagnostics.iter().map(|d| d.file.clone()));
                all.extend(self.checked.keys().cloned());
                all.into_iter().collect()
            }
        };
        let mut loaded: HashMap<&str, Vec<&Diagnostic>> = HashMap::new();
        for d in &self.kb.load_diagnostics {
            loaded.entry(d.file.as_str()).or_default().push(d);
        }
        let mut changed = Vec::new();
        let mut updates = Vec::new();
        for file in files {
            let now = self.gather(&file, loaded.get(file.as_str()).map_or(&[], Vec::as_slice));
            if self
                .diagnostics
                .get(&file)
                .map_or(now.is_empty(), |before| *before == now)
            {
                continue;
            }
            updates.push((file.clone(), now));
            changed.push(file);
        }
        for (file, now) in updates {
            if now.is_empty() {
                self.diagnostics.remove(&file);
            } else {
                self.diagnostics.insert(file, now);
            }
        }
        changed.sort();
        changed
    }

    /// The diagnostics of `file`: the loader's (`loaded`), then the rules' (when it is a
    /// document), by position, as `validate` orders them.
    fn gather(&self, file: &str, loaded: &[&Diagnostic]) -> Vec<Diagnostic> {
        let is_document = self.kb.by_path.contains_key(file);
        let checked = self
            .checked
            .get(file)
            .filter(|_| is_document)
            .into_iter()
            .flatten();
        let mut all: Vec<Diagnostic> = loaded.iter().copied().chain(checked).cloned().collect();
        all.sort_by_key(|d| (d.span.as_ref().map_or(0, |s| s.start), d.code));
        all
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

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: &[(&str, &str)] = &[
        (
            "content/organisations/utrecht.md",
            "---\nname: Utrecht\nkind: municipality\n---\nDomstad.\n",
        ),
        (
            "content/organisations/zwolle.md",
            "---\nname: Zwolle\nkind: municipality\n---\nHanzestad.\n",
        ),
        (
            "content/themes/open-wob.md",
            "---\ntitle: Open Wob\nsummary: S\ncarriers: [utrecht]\nproposed_by: [zwolle]\n---\n# Aanpak\n\nTekst.\n",
        ),
        (
            "content/themes/checklist.md",
            "---\ntitle: Checklist\nsummary: S\nrelated: [open-wob]\n---\nZie [aanpak](open-wob.md#aanpak).\n",
        ),
        (
            "content/sessions/2017-09-18-kick-off.md",
            "---\ntitle: Kick-off\ndate: 2017-09-18\ncity: Utrecht\nhosts: [utrecht]\nthemes: [open-wob]\n---\nDe eerste keer.\n",
        ),
        (
            "content/retrospectives/2017-09-18-kick-off.md",
            "---\ntitle: Terugblik\nsession: 2017-09-18-kick-off\npublished: 2017-09-20\nauthors: [Ana]\n---\nGoed.\n",
        ),
    ];

    /// Edits, each a file and a change of its text, that together touch every path of
    /// [`State::change`] and of the keystroke's fast path: the body, a title, a heading
    /// other documents link to, a session's date that its retrospective reads, a reference
    /// added and taken back, a front matter that stops parsing, a session cancelled, and
    /// (in the test) a new document through `apply`.
    fn edits() -> Vec<(&'static str, &'static str, &'static str)> {
        vec![
            (
                "content/themes/open-wob.md",
                "Tekst.",
                "Meer tekst <b>html</b>.",
            ),
            (
                "content/themes/open-wob.md",
                "title: Open Wob",
                "title: Open Woo",
            ),
            ("content/themes/open-wob.md", "# Aanpak", "# Werkwijze"),
            ("content/themes/open-wob.md", "# Werkwijze", "# Aanpak"),
            (
                "content/sessions/2017-09-18-kick-off.md",
                "date: 2017-09-18",
                "date: 2017-09-21",
            ),
            (
                "content/sessions/2017-09-18-kick-off.md",
                "date: 2017-09-21",
                "date: 2017-09-18",
            ),
            (
                "content/themes/checklist.md",
                "related: [open-wob]",
                "related: [open-wb]",
            ),
            (
                "content/themes/checklist.md",
                "related: [open-wb]",
                "related: [open-wob]",
            ),
            (
                "content/organisations/zwolle.md",
                "kind: municipality",
                "kind: [x",
            ),
            (
                "content/organisations/zwolle.md",
                "kind: [x",
                "kind: municipality",
            ),
            (
                "content/themes/open-wob.md",
                "proposed_by: [zwolle]",
                "proposed_by: [zwolle, utrecht]",
            ),
            (
                "content/sessions/2017-09-18-kick-off.md",
                "cancelled",
                "cancelled",
            ),
            (
                "content/sessions/2017-09-18-kick-off.md",
                "city: Utrecht",
                "city: Utrecht\ncancelled: true",
            ),
        ]
    }

    fn full(texts: &BTreeMap<String, String>, today: Date) -> Vec<Diagnostic> {
        let files: Vec<(&str, &str)> = texts
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        crate::validate::validate(&KnowledgeBase::from_memory(&files, &[], today))
    }

    /// The fixture on disk, loaded.
    fn loaded() -> (tempfile::TempDir, State, Date) {
        let dir = tempfile::tempdir().expect("tempdir");
        for (path, text) in FILES {
            let file = dir.path().join(path);
            std::fs::create_dir_all(file.parent().expect("folder")).expect("mkdir");
            std::fs::write(file, text).expect("write");
        }
        let today = crate::kb::date::parse_date("2026-11-28").expect("date");
        let state = State::load(dir.path(), today, Lang::En).expect("load");
        (dir, state, today)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        /// Any order of the edits (each applied where its text is found, both ways) gives
        /// what a full validation gives, after every one.
        #[test]
        fn edits_in_any_order_give_what_a_full_validation_gives(
            picks in proptest::collection::vec((0..13usize, proptest::bool::ANY), 1..10)
        ) {
            let (_dir, mut state, today) = loaded();
            let mut texts: BTreeMap<String, String> =
                FILES.iter().map(|(p, t)| ((*p).to_string(), (*t).to_string())).collect();
            let all = edits();
            for (version, (pick, forward)) in picks.into_iter().enumerate() {
                let (path, from, to) = all[pick % all.len()];
                let (from, to) = if forward { (from, to) } else { (to, from) };
                let text = texts[path].replacen(from, to, 1);
                texts.insert(path.to_string(), text.clone());
                let version = i32::try_from(version).expect("small");
                let change = Change { path: path.to_string(), origin: Origin::Buffer(text, version) };
                state.change(vec![change]).expect("change");
                let flat: Vec<Diagnostic> = state.diagnostics.values().flatten().cloned().collect();
                proptest::prop_assert_eq!(flat, full(&texts, today));
            }
        }
    }

    #[test]
    fn every_edit_gives_what_a_full_validation_gives() {
        let (_dir, mut state, today) = loaded();
        let mut texts: BTreeMap<String, String> = FILES
            .iter()
            .map(|(p, t)| ((*p).to_string(), (*t).to_string()))
            .collect();
        let flat = |state: &State| {
            state
                .diagnostics
                .values()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(flat(&state), full(&texts, today));
        for (version, (path, from, to)) in edits().into_iter().enumerate() {
            let text = texts[path].replacen(from, to, 1);
            texts.insert(path.to_string(), text.clone());
            let version = i32::try_from(version).expect("small");
            state
                .change(vec![Change {
                    path: path.to_string(),
                    origin: Origin::Buffer(text, version),
                }])
                .expect("change");
            assert_eq!(
                flat(&state),
                full(&texts, today),
                "after {path}: {from} → {to}"
            );
        }
        let new = "content/themes/nieuw.md";
        let text = "---\ntitle: Nieuw\nsummary: S\nrelated: [checklist]\n---\n".to_string();
        texts.insert(new.to_string(), text.clone());
        state
            .change(vec![Change {
                path: new.to_string(),
                origin: Origin::Buffer(text, 1),
            }])
            .expect("change");
        assert_eq!(flat(&state), full(&texts, today), "a new document");
    }

    #[test]
    fn a_keystroke_in_the_body_is_put_in_place() {
        let text = "---\ntitle: T\nsummary: S\n---\nA\n";
        let today = crate::kb::date::parse_date("2026-11-28").expect("date");
        let mut kb = KnowledgeBase::from_memory(&[("content/themes/t.md", text)], &[], today);
        let touched = keystroke::replace_in_place(
            &mut kb,
            "content/themes/t.md",
            "---\ntitle: T\nsummary: S\n---\nAB\n",
        );
        assert_eq!(touched, Some(vec![0]));
        assert!(kb.text(&kb.documents[0]).ends_with("AB\n"));
        let missing = keystroke::replace_in_place(&mut kb, "content/themes/new.md", "---\n---\n");
        assert_eq!(missing, None, "a new document needs the full apply");
    }
}
