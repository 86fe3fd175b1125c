//! The knowledge base: root and config, the walk, loading every file once in parallel, the
//! typed model and the index of ids.

pub mod access;
pub mod change;
pub mod date;
mod index;
pub(crate) mod load;
pub mod markdown;
pub mod model;
mod organisation;
mod retrospective;
pub mod root;
pub mod schema;
mod session;
pub mod split;
mod theme;
pub mod walk;
pub mod yaml;

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Result;
use rayon::prelude::*;
use time::Date;

pub use index::{Index, Relation};
pub use load::MAX_FILE_BYTES;
pub use model::{Data, Declared, FieldValue};
pub use organisation::Organisation;
pub use retrospective::{
    PLACEHOLDERS as RETROSPECTIVE_PLACEHOLDERS, Retrospective, Speaker,
    skeleton as retrospective_skeleton,
};
pub use root::{Config, find_root, read_config};
pub use schema::DocKind;
pub use session::{Session, SessionState};
pub use theme::{Link, Theme, ThemeStatus};

use crate::diag::Diagnostic;
use markdown::Body;
use schema::{Derived, Source};
use yaml::Node;

/// Every folder above the `/`-separated `paths`.
fn folders_of<'a>(paths: impl Iterator<Item = &'a str>) -> HashSet<String> {
    let mut folders = HashSet::new();
    for path in paths {
        let mut folder = path;
        while let Some((parent, _)) = folder.rsplit_once('/') {
            if !folders.insert(parent.to_string()) {
                break;
            }
            folder = parent;
        }
    }
    folders
}

/// A file that was read, kept for diagnostics to quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Relative to the root, with `/` separators.
    pub path: String,
    /// Its text.
    pub text: String,
}

/// One document: where it is, its front matter with spans, its body facts and typed data.
#[derive(Debug, Clone)]
pub struct Document {
    /// Its type.
    pub kind: DocKind,
    /// Its id: the file stem.
    pub id: String,
    /// Its position in [`KnowledgeBase::files`].
    pub file: usize,
    /// The opening `---` line (empty when there is no front matter).
    pub opening: Range<usize>,
    /// The front matter; `None` when it is missing or not valid YAML.
    pub front: Option<Node>,
    /// The body's byte range.
    pub body_range: Range<usize>,
    /// What the body links to and which anchors it has.
    pub body: Body,
    /// The typed model.
    pub data: Data,
}

/// Everything loaded from one root.
#[derive(Debug)]
pub struct KnowledgeBase {
    /// The root folder.
    pub root: PathBuf,
    /// `pioneers.toml`.
    pub config: Config,
    /// The day that decides planned and held.
    pub today: Date,
    /// Every Markdown file read, including those that failed to parse.
    pub files: Vec<SourceFile>,
    /// The documents, sorted by path.
    pub documents: Vec<Document>,
    /// Every non-Markdown file under `content/` (and READMEs), for link checks.
    pub other_files: HashSet<String>,
    /// The position of each document by its relative path.
    pub by_path: HashMap<String, usize>,
    /// Every folder that holds a file read or found (`content`, `content/assets`, …).
    pub folders: HashSet<String>,
    /// Ids and derived facts.
    pub index: Index,
    /// Problems found while loading: the walk's first, then each file's in file order.
    pub load_diagnostics: Vec<Diagnostic>,
    /// How many of [`KnowledgeBase::load_diagnostics`] the walk gave.
    walk_diagnostics: usize,
    /// Which documents link to each path, once a change has asked.
    links_in: std::sync::OnceLock<change::LinksIn>,
    /// Which documents have and refer to each id, once a change has asked.
    neighbours: std::sync::OnceLock<change::Neighbours>,
}

impl KnowledgeBase {
    /// Loads the knowledge base at `root`. Only an unreadable root or config is an error;
    /// problems in files are diagnostics.
    pub fn load(root: &Path, today: Date) -> Result<Self> {
        let config = read_config(root)?;
        let walked = walk::walk(root)?;
        let loaded: Vec<_> = walked
            .documents
            .par_iter()
            .enumerate()
            .map(|(i, found)| load::load(root, found, i))
            .collect();
        let mut kb = Self::assemble(root, today, loaded, walked.files);
        kb.config = config;
        kb.walk_diagnostics = walked.diagnostics.len();
        kb.load_diagnostics.splice(0..0, walked.diagnostics);
        Ok(kb)
    }

    /// Builds a knowledge base from files held in memory: `(relative path, text)` pairs
    /// under `content/`, plus the paths of other files that links may point to. For tests and
    /// fuzzing; nothing is read from disk.
    pub fn from_memory(files: &[(&str, &str)], other_files: &[&str], today: Date) -> Self {
        let files: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
        Self::from_memory_bytes(&files, other_files, today)
    }

    /// As [`KnowledgeBase::from_memory`], from raw bytes decoded as files on disk are (so
    /// invalid UTF-8 gives `not-utf8`).
    pub fn from_memory_bytes(files: &[(&str, &[u8])], other_files: &[&str], today: Date) -> Self {
        let loaded = files
            .iter()
            .filter_map(|(rel, bytes)| {
                let kind = rel.split('/').nth(1).and_then(DocKind::from_folder)?;
                let found = walk::Found {
                    path: PathBuf::from(rel),
                    rel: (*rel).to_string(),
                    kind,
                };
                Some((found, *bytes))
            })
            .enumerate()
            .map(|(i, (found, bytes))| load::from_bytes(&found, i, bytes.to_vec()))
            .collect();
        let others = other_files.iter().map(|f| (*f).to_string()).collect();
        Self::assemble(Path::new("."), today, loaded, others)
    }

    fn assemble(
        root: &Path,
        today: Date,
        loaded: Vec<load::Loaded>,
        other_files: HashSet<String>,
    ) -> Self {
        let mut files = Vec::with_capacity(loaded.len());
        let mut documents = Vec::with_capacity(loaded.len());
        let mut load_diagnostics = Vec::new();
        for item in loaded {
            files.push(item.file);
            documents.extend(item.document);
            load_diagnostics.extend(item.diagnostics);
        }
        let mut kb = KnowledgeBase {
            root: root.to_path_buf(),
            config: Config::default(),
            today,
            files,
            documents,
            other_files,
            by_path: HashMap::new(),
            folders: HashSet::new(),
            index: Index::default(),
            load_diagnostics,
            walk_diagnostics: 0,
            links_in: std::sync::OnceLock::new(),
            neighbours: std::sync::OnceLock::new(),
        };
        kb.derive();
        kb
    }

    /// Makes what follows from the files and documents again: the index, the positions by
    /// path and the folders.
    fn derive(&mut self) {
        let (documents, files) = (&self.documents, &self.files);
        let (index, by_path) = rayon::join(
            || Index::build(documents, self.today),
            || {
                let mut by_path = HashMap::with_capacity(documents.len());
                by_path.extend(
                    documents
                        .iter()
                        .enumerate()
                        .filter_map(|(i, d)| Some((files.get(d.file)?.path.clone(), i))),
                );
                by_path
            },
        );
        self.folders = folders_of(
            files
                .iter()
                .map(|f| f.path.as_str())
                .chain(self.other_files.iter().map(String::as_str)),
        );
        self.index = index;
        self.by_path = by_path;
    }

    /// Adds a document that is not on disk yet (what `new` is about to write), so it can be
    /// checked against everything else; returns its position, or the load diagnostics when
    /// it does not parse.
    pub fn add_document(
        &mut self,
        rel: &str,
        kind: DocKind,
        text: String,
    ) -> Result<usize, Vec<Diagnostic>> {
        let found = walk::Found {
            path: PathBuf::from(rel),
            rel: rel.to_string(),
            kind,
        };
        let loaded = load::from_text(&found, self.files.len(), text);
        if !loaded.diagnostics.is_empty() {
            return Err(loaded.diagnostics);
        }
        let Some(document) = loaded.document else {
            return Err(loaded.diagnostics);
        };
        self.files.push(loaded.file);
        self.documents.push(document);
        let position = self.documents.len() - 1;
        self.by_path.insert(rel.to_string(), position);
        self.index = Index::build(&self.documents, self.today);
        self.forget_indexes();
        Ok(position)
    }

    /// The text of the file `document` was read from.
    pub fn text(&self, document: &Document) -> &str {
        self.files
            .get(document.file)
            .map_or("", |f| f.text.as_str())
    }

    /// The file read at `path` (a document's, or one that did not load).
    pub fn file(&self, path: &str) -> Option<&SourceFile> {
        match self.by_path.get(path) {
            Some(&at) => self.documents.get(at).and_then(|d| self.files.get(d.file)),
            None => self.files.iter().find(|f| f.path == path),
        }
    }

    /// The relative path of `document`'s file.
    pub fn path(&self, document: &Document) -> &str {
        self.files
            .get(document.file)
            .map_or("", |f| f.path.as_str())
    }

    /// The document of `kind` with `id`.
    pub fn get(&self, kind: DocKind, id: &str) -> Option<&Document> {
        self.index
            .find(kind, id)
            .and_then(|i| self.documents.get(i))
    }

    /// The session with `id`, typed.
    pub fn session(&self, id: &str) -> Option<&Session> {
        match &self.get(DocKind::Session, id)?.data {
            Data::Session(session) => Some(session),
            _ => None,
        }
    }

    /// The ids of the documents that refer to `id` by `relation`, in document order, each
    /// once.
    pub fn referrers<'a>(
        &'a self,
        relation: Relation,
        id: &str,
    ) -> impl ExactSizeIterator<Item = &'a str> + 'a {
        self.index
            .referrers(relation, id)
            .iter()
            .map(|&i| self.documents.get(i).map_or("", |d| d.id.as_str()))
    }

    /// The status of theme `id`: the declared one, else the one its sessions give it.
    pub fn theme_status(&self, id: &str, theme: &Theme) -> ThemeStatus {
        theme
            .status
            .unwrap_or_else(|| self.index.derived_status(id))
    }

    /// Whether `session` is planned, held or cancelled on [`KnowledgeBase::today`]; `None`
    /// when its date is not valid.
    pub fn session_state(&self, session: &Session) -> Option<SessionState> {
        session.state(self.today)
    }

    /// Each derived fact of `doc` with its value, in the order its type declares them.
    pub fn derived<'a>(&'a self, doc: &'a Document) -> Vec<(&'static Derived, FieldValue<'a>)> {
        doc.kind
            .derived()
            .iter()
            .map(|derived| (derived, self.derived_value(doc, derived.source)))
            .collect()
    }

    fn derived_value<'a>(&'a self, doc: &'a Document, source: Source) -> FieldValue<'a> {
        match (source, &doc.data) {
            (Source::Referrers(relation), _) => {
                FieldValue::List(self.referrers(relation, &doc.id).collect())
            }
            (Source::ThemeStatus, Data::Theme(theme)) => {
                FieldValue::OptText(Some(self.theme_status(&doc.id, theme).as_str()))
            }
            (Source::SessionState, Data::Session(session)) => {
                FieldValue::OptText(self.session_state(session).map(SessionState::as_str))
            }
            (Source::Year, Data::Session(session)) => {
                FieldValue::Number(session.date.map(|d| i64::from(d.year())))
            }
            _ => FieldValue::OptText(None),
        }
    }

    /// Whether session `id` was held and nobody has looked back on it yet.
    pub fn awaits_retrospective(&self, id: &str, session: &Session) -> bool {
        self.session_state(session) == Some(SessionState::Held)
            && self.index.retrospectives_of(id).is_empty()
    }

    /// The number of Markdown files looked at (loaded or not).
    pub fn file_count(&self) -> usize {
        self.files.len()
    }
}
