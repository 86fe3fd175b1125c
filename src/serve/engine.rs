//! The incremental engine behind `serve` and `validate --watch`: the knowledge base, its
//! diagnostics and (for `serve`) the site are kept in memory; after a change only the files
//! that changed are read again, only the documents the change can touch are checked again,
//! and only their pages are made again, with the site-wide files. The result equals a full
//! load, validation and render of the same files (tested over random edit sequences).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Arc;

use anyhow::Result;

use crate::diag::Diagnostic;
use crate::kb::KnowledgeBase;
use crate::kb::change::Applied;
use crate::kb::schema::tag_slug;
use crate::render::ics::calendar_path;
use crate::render::output::Sink;
use crate::render::site::{Prepared, SiteOptions, Touched, assets, page_path};
use crate::validate::incremental::Incremental;

/// The files of a site by path, each shared with the server's threads.
pub type Files = BTreeMap<String, Arc<[u8]>>;

/// What changed on disk since the last build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// Anything may have changed (the watcher lost events, or the templates, the config or
    /// git changed): everything is loaded and built again.
    Everything,
    /// These files under `content/`, relative to the root (`/`-separated).
    Content(BTreeSet<String>),
}

/// What the engine is asked to keep.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The knowledge-base root.
    pub root: std::path::PathBuf,
    /// The day that decides planned and held.
    pub today: time::Date,
    /// `--lang`, if given (decides the site's language with the config).
    pub lang_flag: Option<crate::lang::Lang>,
    /// Whether to build the site too (`serve`) or only check (`validate --watch`).
    pub site: bool,
}

/// The knowledge base with its diagnostics and site, kept up to date.
pub struct Engine {
    setup: Setup,
    state: Result<State>,
}

struct State {
    kb: KnowledgeBase,
    checked: Incremental,
    /// The site, when asked for; `Err` when it could not be built (a template error, two
    /// files at one path), and then built whole again after the next change.
    site: Option<Result<SiteState>>,
    lang_flag: Option<crate::lang::Lang>,
}

struct SiteState {
    prepared: Prepared,
    files: Files,
    /// The paths [`Prepared::made_of_front_matter`] wrote last.
    made_of_front_matter: Vec<String>,
    /// The paths [`Prepared::made_of_bodies`] wrote last.
    made_of_bodies: Vec<String>,
    /// The paths of the assets published last.
    assets: Vec<String>,
}

/// What one update did (the property test checks that it stayed incremental).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Documents checked again.
    pub checked: usize,
    /// Document pages made again.
    pub pages: usize,
    /// Whether everything was loaded or built again (the site, when it could not be
    /// updated: two files at one path, a template error).
    pub full: bool,
}

impl Engine {
    /// Loads, checks and (when asked) builds everything.
    pub fn start(setup: Setup) -> Self {
        let state = State::full(&setup);
        Engine { setup, state }
    }

    /// Brings everything up to date with `changed`.
    pub fn update(&mut self, changed: &Changed) -> Work {
        let incremental = match (&mut self.state, changed) {
            (Ok(state), Changed::Content(paths)) => state.update(paths),
            _ => Err(anyhow::anyhow!("everything")),
        };
        match incremental {
            Ok(work) => work,
            Err(_) => {
                self.state = State::full(&self.setup);
                Work {
                    full: true,
                    ..Work::default()
                }
            }
        }
    }

    /// The knowledge base, unless it could not be loaded (then why).
    pub fn kb(&self) -> Result<&KnowledgeBase, String> {
        match &self.state {
            Ok(state) => Ok(&state.kb),
            Err(error) => Err(format!("{error:#}")),
        }
    }

    /// Every diagnostic, as `validate` gives them.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match &self.state {
            Ok(state) => state.checked.all(&state.kb),
            Err(_) => Vec::new(),
        }
    }

    /// The site's files, or why there are none.
    pub fn files(&self) -> Result<&Files, String> {
        match &self.state {
            Ok(State {
                site: Some(Ok(site)),
                ..
            }) => Ok(&site.files),
            Ok(State {
                site: Some(Err(error)),
                ..
            })
            | Err(error) => Err(format!("{error:#}")),
            Ok(_) => Ok(const { &Files::new() }),
        }
    }
}

impl State {
    fn full(setup: &Setup) -> Result<Self> {
        let kb = KnowledgeBase::load(&setup.root, setup.today)?;
        let checked = Incremental::new(&kb);
        let site = setup.site.then(|| SiteState::full(&kb, setup.lang_flag));
        Ok(State {
            kb,
            checked,
            site,
            lang_flag: setup.lang_flag,
        })
    }

    /// Reloads what changed; `Err` when only a full build can give the right result.
    fn update(&mut self, paths: &BTreeSet<String>) -> Result<Work> {
        let applied = self.kb.refresh(&paths.iter().cloned().collect())?;
        let assets_changed = applied.paths_changed || paths.iter().any(|p| !is_markdown(p));
        let mut work = Work {
            checked: self.checked.update(&self.kb, &applied),
            ..Work::default()
        };
        if let Some(site) = &mut self.site {
            let updated = match site {
                Ok(state) => state.update(&self.kb, &applied, assets_changed),
                Err(_) => Err(anyhow::anyhow!("no site to update")),
            };
            match updated {
                Ok(pages) => work.pages = pages,
                Err(_) => {
                    *site = SiteState::full(&self.kb, self.lang_flag);
                    work.pages = self.kb.documents.len();
                    work.full = true;
                }
            }
        }
        Ok(work)
    }
}

impl SiteState {
    fn full(kb: &KnowledgeBase, lang_flag: Option<crate::lang::Lang>) -> Result<Self> {
        let prepared = Prepared::new(kb, site_options(kb, lang_flag))?.with_cache();
        // One sink for everything, as `render` writes: two files at one path fail the same.
        let sink = Sink::in_memory();
        let all: Vec<usize> = (0..kb.documents.len()).collect();
        prepared.document_files(kb, &all, &sink)?;
        let made_of_front_matter = collect(&sink, |sink| prepared.made_of_front_matter(kb, sink))?;
        let made_of_bodies = collect(&sink, |sink| prepared.made_of_bodies(kb, sink))?;
        let assets = collect(&sink, |sink| assets(kb, sink))?;
        Ok(SiteState {
            prepared,
            files: shared(sink),
            made_of_front_matter,
            made_of_bodies,
            assets,
        })
    }

    /// Makes again the pages `applied` can change, the site-wide files (only those that
    /// show bodies when only bodies changed), and the assets when files came or went; gives
    /// how many document pages were made.
    fn update(
        &mut self,
        kb: &KnowledgeBase,
        applied: &Applied,
        assets_changed: bool,
    ) -> Result<usize> {
        if has_colliding_pages(kb) {
            anyhow::bail!("two documents have one page");
        }
        self.prepared
            .forget(applied.files.iter().map(|b| b.path.as_str()));
        for before in &applied.files {
            if let Some(doc) = &before.document {
                self.files.remove(&page_path(doc.kind, &doc.id));
                self.files.remove(&calendar_path(doc.kind, &doc.id));
            }
        }
        let affected = kb.affected(applied);
        let sink = Sink::in_memory();
        self.prepared.document_files(kb, &affected, &sink)?;
        let pages = shared(sink);
        for path in self.made_of_bodies.drain(..) {
            self.files.remove(&path);
        }
        let sink = Sink::in_memory();
        if !applied.body_only(kb) {
            let touched = touched(kb, applied, &affected);
            let gone = tag_pages(touched.tags.iter().flatten());
            self.made_of_front_matter.retain(|path| {
                let keep = !gone.contains(path);
                if !keep {
                    self.files.remove(path);
                }
                keep
            });
            let written = collect(&sink, |sink| {
                self.prepared.front_matter_files(kb, &touched, sink)
            })?;
            self.made_of_front_matter.extend(written);
            self.made_of_front_matter.sort();
            self.made_of_front_matter.dedup();
        }
        self.made_of_bodies = collect(&sink, |sink| self.prepared.made_of_bodies(kb, sink))?;
        let mut made = shared(sink);
        if assets_changed {
            for path in self.assets.drain(..) {
                self.files.remove(&path);
            }
            let sink = Sink::in_memory();
            self.assets = collect(&sink, |sink| assets(kb, sink))?;
            made.extend(shared(sink));
        }
        let site_wide: HashSet<&String> = (self.made_of_front_matter.iter())
            .chain(&self.made_of_bodies)
            .chain(&self.assets)
            .collect();
        if pages.keys().any(|path| site_wide.contains(path)) {
            anyhow::bail!("a page where another file is");
        }
        let count = pages.len();
        self.files.extend(pages.into_iter().chain(made));
        Ok(count)
    }
}

/// What the site-wide files need to know of a change: the types and tags of the documents
/// it touched, before and after.
fn touched(kb: &KnowledgeBase, applied: &Applied, affected: &[usize]) -> Touched {
    let now = affected.iter().filter_map(|&i| kb.documents.get(i));
    let before = applied.files.iter().filter_map(|b| b.document.as_ref());
    let docs: Vec<&crate::kb::Document> = now.chain(before).collect();
    Touched {
        kinds: docs.iter().map(|d| d.kind).collect(),
        tags: Some(
            docs.iter()
                .flat_map(|d| d.data.tags())
                .map(|tag| tag_slug(tag))
                .collect(),
        ),
    }
}

/// The paths of the pages of `slugs`.
fn tag_pages<'a>(slugs: impl Iterator<Item = &'a String>) -> HashSet<String> {
    slugs.map(|slug| format!("tags/{slug}.html")).collect()
}

/// The paths `write` adds to `sink`.
fn collect(sink: &Sink, write: impl FnOnce(&Sink) -> Result<()>) -> Result<Vec<String>> {
    let before = sink.paths();
    write(sink)?;
    Ok(sink.paths().difference(&before).cloned().collect())
}

fn shared(sink: Sink) -> Files {
    sink.into_files()
        .into_iter()
        .map(|(path, bytes)| (path, Arc::from(bytes)))
        .collect()
}

/// Whether two documents would be written at one path (a full build fails then).
fn has_colliding_pages(kb: &KnowledgeBase) -> bool {
    let mut seen = HashSet::with_capacity(kb.documents.len());
    kb.documents
        .iter()
        .any(|doc| !seen.insert((doc.kind, doc.id.as_str())))
}

fn is_markdown(path: &str) -> bool {
    std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// The site's title, language and (no) base URL, as `serve` builds it.
pub fn site_options(kb: &KnowledgeBase, lang_flag: Option<crate::lang::Lang>) -> SiteOptions {
    SiteOptions {
        title: kb
            .config
            .title
            .clone()
            .unwrap_or_else(|| "Pioniersnetwerk Open Overheid".into()),
        base_url: None,
        lang: crate::lang::for_site(lang_flag, kb.config.language.as_deref()),
    }
}
