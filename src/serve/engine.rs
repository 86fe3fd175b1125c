//! The incremental engine behind `serve` and `validate --watch`. The knowledge base and its
//! diagnostics are kept in memory; after a change only the files that changed are read
//! again and only the documents the change can touch are checked again. The site is not
//! kept whole: each file is made when it is asked for, from the knowledge base as it is
//! then (so a page never shows an older state), and only the site-wide files, which take
//! the whole base to make, are kept between requests — within a budget, and dropped as soon
//! as a change can alter them. Every file equals what a full `render` of the same content
//! writes (tested over random edit sequences).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use anyhow::Result;

use crate::diag::Diagnostic;
use crate::kb::change::Applied;
use crate::kb::schema::tag_slug;
use crate::kb::walk::published_path;
use crate::kb::{Document, KnowledgeBase};
use crate::msg::Msg;
use crate::render::ics::document_paths;
use crate::render::output::Sink;
use crate::render::site::{
    Part, Prepared, SEARCH_INDEX, SiteOptions, Touched, asset_paths, open_asset, tag_path,
};
use crate::validate::incremental::Incremental;

/// The files of a site by path.
pub type Files = BTreeMap<String, Bytes>;

/// The bytes of a file of the site, shared between the cache and the requests sending it.
pub type Bytes = Arc<Vec<u8>>;

/// A file of the site as it is sent.
pub enum Sent<'a> {
    /// Made whole (or kept since it was).
    Made(Bytes),
    /// Made as it is read.
    Streamed(Box<dyn std::io::Read + 'a>),
}

/// What changed on disk since the last build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// Anything may have changed (the watcher lost events, or the templates, the config or
    /// git changed): everything is loaded again.
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
    /// Whether to serve the site too (`serve`) or only check (`validate --watch`).
    pub site: bool,
}

/// The knowledge base with its diagnostics and site, kept up to date.
pub struct Engine {
    setup: Setup,
    /// The last knowledge base that loaded (kept when a later load fails, so its pages stay
    /// served).
    state: Option<State>,
    /// Why the last full load failed, if it did.
    failure: Option<String>,
}

struct State {
    kb: KnowledgeBase,
    checked: Incremental,
    /// The site, when asked for.
    site: Option<SiteState>,
}

/// What the site's files are made with, and where each path comes from.
struct SiteState {
    /// The templates, words and dates; `Err` when the templates could not be read and no
    /// earlier ones are at hand.
    prepared: std::result::Result<Prepared, String>,
    /// Why the templates in use are not the knowledge base's own (they did not load), if so.
    failure: Option<String>,
    /// The first path two files of the site would share, if any (a full render fails then).
    collision: Option<String>,
    /// What makes the file at each path that is not a document's page or calendar (those
    /// are found from the path itself: see [`document_source`]).
    routes: HashMap<String, Source>,
    /// How many files the documents' pages and calendars are.
    document_files: usize,
    /// Site-wide files made already.
    cache: Mutex<Cache>,
}

/// What makes one file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// The page of the document at this position.
    Page(usize),
    /// The calendar of the document at this position.
    Calendar(usize),
    /// A site-wide part.
    Part(Part),
    /// The page of the tag with this slug.
    Tag(String),
    /// The file at this path under the root, published as it is.
    Asset(String),
}

/// What one update did (the property test checks that it stayed incremental).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Documents checked again.
    pub checked: usize,
    /// Site-wide files dropped because the change can alter them.
    pub dropped: usize,
    /// Whether everything was loaded again.
    pub full: bool,
}

impl Engine {
    /// Loads and checks everything, and prepares the site when asked.
    pub fn start(setup: Setup) -> Self {
        let mut engine = Engine {
            setup,
            state: None,
            failure: None,
        };
        engine.load_all();
        engine
    }

    /// Brings everything up to date with `changed`.
    pub fn update(&mut self, changed: &Changed) -> Work {
        let incremental = match (&mut self.state, changed, &self.failure) {
            (Some(state), Changed::Content(paths), None) => state.update(paths).ok(),
            _ => None,
        };
        incremental.unwrap_or_else(|| {
            self.load_all();
            Work {
                full: true,
                ..Work::default()
            }
        })
    }

    /// Loads everything again; when that fails the last knowledge base stays (its pages
    /// stay served) and the failure is told.
    fn load_all(&mut self) {
        match KnowledgeBase::load(&self.setup.root, self.setup.today) {
            Ok(kb) => {
                let earlier = (self.state.take())
                    .and_then(|state| state.site)
                    .and_then(|site| site.prepared.ok());
                self.state = Some(State::new(&self.setup, kb, earlier));
                self.failure = None;
            }
            Err(error) => self.failure = Some(format!("{error:#}")),
        }
    }

    /// The knowledge base, unless it could not be loaded (then why).
    pub fn kb(&self) -> Result<&KnowledgeBase, String> {
        match (&self.state, &self.failure) {
            (Some(state), None) => Ok(&state.kb),
            (_, Some(failure)) => Err(failure.clone()),
            (None, None) => Err(String::new()),
        }
    }

    /// Every diagnostic, as `validate` gives them.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match &self.state {
            Some(state) if self.failure.is_none() => state.checked.all(&state.kb),
            _ => Vec::new(),
        }
    }

    /// Why the site cannot be published as the content is now, if so: the knowledge base
    /// or the templates did not load, or two files would be at one path. (A file that
    /// fails to be made says so when it is asked for.)
    pub fn site_failure(&self, lang: crate::lang::Lang) -> Option<String> {
        if let Some(failure) = &self.failure {
            return Some(failure.clone());
        }
        let site = self.state.as_ref()?.site.as_ref()?;
        match &site.prepared {
            Err(error) => Some(error.clone()),
            Ok(_) => site.failure.clone().or_else(|| {
                let path = site.collision.clone()?;
                Some(Msg::ServeTwoFiles { path }.text(lang))
            }),
        }
    }

    /// How many files the site has.
    pub fn file_count(&self) -> usize {
        self.site()
            .map_or(0, |(_, site)| site.document_files + site.routes.len())
    }

    /// The paths of the site's files, in order.
    pub fn paths(&self) -> Vec<String> {
        let Some((state, site)) = self.site() else {
            return Vec::new();
        };
        let kb = &state.kb;
        let documents = (kb.documents.iter().enumerate())
            .filter(|(at, doc)| kb.index.find(doc.kind, &doc.id) == Some(*at))
            .flat_map(|(_, doc)| document_paths(doc.kind, &doc.id));
        let mut paths: Vec<String> = documents.chain(site.routes.keys().cloned()).collect();
        paths.sort_unstable();
        paths
    }

    /// The file of the site at `path`, made now (or kept since it was last made); `None`
    /// when the site has no such file, `Err` when it could not be made (why).
    pub fn file(&self, path: &str) -> Option<std::result::Result<Bytes, String>> {
        let (state, site) = self.site()?;
        let source = document_source(&state.kb, path).or_else(|| site.routes.get(path).cloned())?;
        let prepared = site.prepared.as_ref().ok()?;
        let kb = &state.kb;
        let made = match &source {
            Source::Page(at) => {
                let doc = kb.documents.get(*at)?;
                prepared
                    .document_page(kb, doc)
                    .map(|file| Arc::new(file.bytes))
            }
            Source::Calendar(at) => {
                let doc = kb.documents.get(*at)?;
                Ok(Arc::new(prepared.document_calendar(kb, doc)?.bytes))
            }
            Source::Part(part) => site.site_wide(kb, prepared, path, *part, None)?,
            Source::Tag(slug) => {
                let only: BTreeSet<String> = [slug.clone()].into();
                site.site_wide(kb, prepared, path, Part::Tags, Some(&only))?
            }
            Source::Asset(rel) => read_asset(kb, rel).map(Arc::new),
        };
        Some(made.map_err(|error| format!("{error:#}")))
    }

    /// The file at `path` as it is sent: the search index made as it is read (it is by far
    /// the biggest file, and made anew on each request), any other as [`Engine::file`]
    /// makes it.
    pub fn send(&self, path: &str) -> Option<std::result::Result<Sent<'_>, String>> {
        let (state, site) = self.site()?;
        if path == SEARCH_INDEX && site.routes.get(path) == Some(&Source::Part(Part::Search)) {
            let prepared = site.prepared.as_ref().ok()?;
            let index = prepared.search_index(&state.kb);
            return Some(Ok(Sent::Streamed(Box::new(index))));
        }
        Some(self.file(path)?.map(Sent::Made))
    }

    /// Every file of the site, made as [`Engine::file`] makes each, or why the site cannot
    /// be published (as a full `render` would fail).
    pub fn files(&self) -> std::result::Result<Files, String> {
        if let Some(failure) = self.site_failure(crate::lang::Lang::En) {
            return Err(failure);
        }
        self.paths()
            .into_iter()
            .filter_map(|path| Some((path.clone(), self.file(&path)?)))
            .map(|(path, made)| made.map(|bytes| (path, bytes)))
            .collect()
    }

    fn site(&self) -> Option<(&State, &SiteState)> {
        let state = self.state.as_ref()?;
        Some((state, state.site.as_ref()?))
    }
}

impl State {
    /// Checks `kb` and prepares its site when asked; the `earlier` templates stay in use
    /// when the knowledge base's own do not load.
    fn new(setup: &Setup, kb: KnowledgeBase, earlier: Option<Prepared>) -> Self {
        let checked = Incremental::new(&kb);
        kb.index_links();
        let site = (setup.site).then(|| SiteState::new(&kb, setup.lang_flag, earlier));
        State { kb, checked, site }
    }

    /// Reloads what changed; `Err` when only loading everything again gives the right
    /// result.
    fn update(&mut self, paths: &BTreeSet<String>) -> Result<Work> {
        let applied = self.kb.refresh(&paths.iter().cloned().collect())?;
        let affected = self.kb.affected(&applied);
        let mut work = Work {
            checked: self.checked.update_affected(&self.kb, &applied, &affected),
            ..Work::default()
        };
        if let Some(site) = &mut self.site {
            work.dropped = site.update(&self.kb, &applied, &affected);
        }
        self.kb.index_links();
        Ok(work)
    }
}

/// The most bytes of site-wide files kept between requests (home, the indexes, the data,
/// tag pages: a few megabytes for 10,000 documents); the search index alone is bigger and
/// is made again when asked for.
const CACHE_BUDGET: usize = 8 << 20;

impl SiteState {
    /// Prepares the site of `kb`: reads the templates (or keeps `earlier` ones when they do
    /// not load) and maps every path. Nothing is made yet.
    fn new(
        kb: &KnowledgeBase,
        lang_flag: Option<crate::lang::Lang>,
        earlier: Option<Prepared>,
    ) -> Self {
        let (prepared, failure) = match (Prepared::new(kb, site_options(kb, lang_flag)), earlier) {
            (Ok(prepared), _) => (Ok(prepared), None),
            (Err(error), Some(earlier)) => (Ok(earlier), Some(format!("{error:#}"))),
            (Err(error), None) => (Err(format!("{error:#}")), None),
        };
        let mut site = SiteState {
            prepared,
            failure,
            collision: None,
            routes: HashMap::new(),
            document_files: 0,
            cache: Mutex::new(Cache::default()),
        };
        site.map(kb);
        site
    }

    /// Maps every path of the site that is not a document's to what makes it; the first of
    /// two files at one path keeps it (a document before anything else), and the site is
    /// told it cannot be published (a full render fails then).
    fn map(&mut self, kb: &KnowledgeBase) {
        let mut twice: Option<String> = None;
        let mut document_files = 0;
        for (at, doc) in kb.documents.iter().enumerate() {
            let paths = document_paths(doc.kind, &doc.id);
            if kb.index.find(doc.kind, &doc.id) == Some(at) {
                document_files += paths.len();
            } else if twice.is_none() {
                // An earlier document with the same id has these paths.
                twice = paths.into_iter().next();
            }
        }
        let mut routes = HashMap::new();
        let mut add = |path: String, source: Source| {
            if document_source(kb, &path).is_some() || routes.contains_key(&path) {
                twice.get_or_insert(path);
            } else {
                routes.insert(path, source);
            }
        };
        if let Ok(prepared) = &self.prepared {
            for part in Part::all() {
                for path in part.paths(prepared.options()) {
                    add(path, Source::Part(part));
                }
            }
            for slug in prepared.tag_slugs(kb) {
                add(tag_path(&slug), Source::Tag(slug));
            }
        }
        for rel in asset_paths(kb) {
            add(published_path(rel).to_string(), Source::Asset(rel.clone()));
        }
        self.routes = routes;
        self.document_files = document_files;
        self.collision = twice;
    }

    /// After `applied`, which can change the documents at `affected`: maps the paths again
    /// when files came or went or tags changed, and drops the kept site-wide files the
    /// change can alter; gives how many were dropped.
    fn update(&mut self, kb: &KnowledgeBase, applied: &Applied, affected: &[usize]) -> usize {
        let touched = (!applied.body_only(kb)).then(|| touched(kb, applied, affected));
        if applied.paths_changed || applied.ids_changed || tags_changed(kb, applied) {
            self.map(kb);
        }
        let routes = &self.routes;
        let Ok(mut cache) = self.cache.lock() else {
            return 0;
        };
        cache.retain(|path| match routes.get(path) {
            Some(Source::Part(part)) => !part.changed_by(touched.as_ref()),
            Some(Source::Tag(slug)) => touched.as_ref().is_none_or(|t| {
                t.tags
                    .as_ref()
                    .is_some_and(|touched| !touched.contains(slug))
            }),
            _ => false,
        })
    }

    /// The site-wide file at `path` made by `part` (with the pages of tags `only`): kept,
    /// or made now and kept with the rest of the part's files.
    fn site_wide(
        &self,
        kb: &KnowledgeBase,
        prepared: &Prepared,
        path: &str,
        part: Part,
        only: Option<&BTreeSet<String>>,
    ) -> Option<Result<Bytes>> {
        if let Some(kept) = self.cache.lock().ok().and_then(|mut c| c.get(path)) {
            return Some(Ok(kept));
        }
        let no_tag_pages = BTreeSet::new();
        let sink = Sink::in_memory();
        let only = only.or((part == Part::Tags).then_some(&no_tag_pages));
        if let Err(error) = prepared.part(kb, part, only, &sink) {
            return Some(Err(error));
        }
        let mut wanted = None;
        let mut cache = self.cache.lock().ok();
        for (made, mut bytes) in sink.into_files() {
            // Kept without the room the text grew into, and without a copy.
            bytes.shrink_to_fit();
            let bytes: Bytes = Arc::new(bytes);
            if made == path {
                wanted = Some(Arc::clone(&bytes));
            }
            if let Some(cache) = &mut cache {
                cache.put(made, bytes);
            }
        }
        wanted.map(Ok)
    }
}

/// The page or calendar of a document at `path` (`<folder>/<id>.html`, `<folder>/<id>.ics`),
/// if a document has it: the first with that id, as the site is made.
fn document_source(kb: &KnowledgeBase, path: &str) -> Option<Source> {
    let (folder, name) = path.split_once('/')?;
    let (id, _) = name.rsplit_once('.')?;
    let kind = crate::kb::DocKind::from_folder(folder)?;
    let at = kb.index.find(kind, id)?;
    let mut paths = document_paths(kind, id).into_iter();
    if paths.next()? == path {
        return Some(Source::Page(at));
    }
    paths.any(|p| p == path).then_some(Source::Calendar(at))
}

/// The bytes of the asset at `rel`, read as `render` reads it ([`open_asset`]).
fn read_asset(kb: &KnowledgeBase, rel: &str) -> Result<Vec<u8>> {
    use std::io::Read as _;
    let mut file = open_asset(kb, rel)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Site-wide files kept between requests, the least recently asked for dropped first once
/// they take more than [`CACHE_BUDGET`].
#[derive(Default)]
struct Cache {
    files: HashMap<String, Kept>,
    bytes: usize,
    clock: u64,
}

struct Kept {
    bytes: Bytes,
    used: u64,
}

impl Cache {
    fn get(&mut self, path: &str) -> Option<Bytes> {
        self.clock += 1;
        let kept = self.files.get_mut(path)?;
        kept.used = self.clock;
        Some(Arc::clone(&kept.bytes))
    }

    fn put(&mut self, path: String, bytes: Bytes) {
        if bytes.len() > CACHE_BUDGET / 2 {
            return;
        }
        self.clock += 1;
        self.bytes += bytes.len();
        let kept = Kept {
            bytes,
            used: self.clock,
        };
        if let Some(old) = self.files.insert(path, kept) {
            self.bytes -= old.bytes.len();
        }
        while self.bytes > CACHE_BUDGET {
            let Some(oldest) = (self.files.iter())
                .min_by_key(|(_, kept)| kept.used)
                .map(|(path, _)| path.clone())
            else {
                break;
            };
            if let Some(gone) = self.files.remove(&oldest) {
                self.bytes -= gone.bytes.len();
            }
        }
    }

    /// Keeps the files `keep` says yes to; gives how many went.
    fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) -> usize {
        let before = self.files.len();
        let mut freed = 0;
        self.files.retain(|path, kept| {
            let stays = keep(path);
            if !stays {
                freed += kept.bytes.len();
            }
            stays
        });
        self.bytes -= freed;
        before - self.files.len()
    }
}

/// What the site-wide files need to know of a change: the types and tags of the documents
/// it touched, before and after.
fn touched(kb: &KnowledgeBase, applied: &Applied, affected: &[usize]) -> Touched {
    let now = affected.iter().filter_map(|&i| kb.documents.get(i));
    let before = applied.files.iter().filter_map(|b| b.document.as_ref());
    let docs: Vec<&Document> = now.chain(before).collect();
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

/// Whether a changed file's tags changed (so the set of tag pages can have).
fn tags_changed(kb: &KnowledgeBase, applied: &Applied) -> bool {
    applied.files.iter().any(|before| {
        let now = kb
            .by_path
            .get(&before.path)
            .and_then(|&at| kb.documents.get(at));
        let tags = |doc: Option<&Document>| doc.map(|d| d.data.tags().to_vec());
        tags(before.document.as_ref()) != tags(now)
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_drops_the_least_recently_asked_for_beyond_its_budget() {
        let mut cache = Cache::default();
        let third = CACHE_BUDGET / 3 + 1;
        cache.put("a".into(), Arc::new(vec![0; third]));
        cache.put("b".into(), Arc::new(vec![0; third]));
        assert!(cache.get("a").is_some());
        cache.put("c".into(), Arc::new(vec![0; third]));
        assert!(cache.get("b").is_none(), "b was asked for least recently");
        assert!(cache.get("a").is_some() && cache.get("c").is_some());
        assert_eq!(cache.bytes, 2 * third);
        cache.put("huge".into(), Arc::new(vec![0; CACHE_BUDGET]));
        assert!(cache.get("huge").is_none(), "too big to keep");
        assert_eq!(cache.retain(|path| path != "a"), 1);
        assert_eq!(cache.bytes, third);
    }
}
