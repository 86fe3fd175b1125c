//! Builds every file of the site: the document pages (`page.rs`), the lists (`lists.rs`),
//! the feed (`feed.rs`), data and sitemap (`data.rs`), the calendar, the network picture, the stylesheet and the assets. Pure and deterministic:
//! the same content and options give the same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::{Context, Result};
use minijinja::{Environment, Value as Template};
use rayon::prelude::*;
use serde_json::{Value, json};

use super::graph::{graph, svg};
use super::i18n::{Lang, words};
use super::output::{OutFile, Sink};
use super::templates::{environment, stylesheet};
use crate::kb::walk::{published_path, reserved};
use crate::kb::{DocKind, Document, KnowledgeBase};

/// What the site is built with.
#[derive(Debug, Clone)]
pub struct SiteOptions {
    /// The site's name.
    pub title: String,
    /// Where it is published, ending in `/`; feeds, calendar and sitemap need it for
    /// absolute links.
    pub base_url: Option<String>,
    /// The language of every word on it.
    pub lang: Lang,
}

const MENU: &[(&str, &str)] = &[
    ("themes", "themes/index.html"),
    ("sessions", "sessions/index.html"),
    ("retrospectives", "retrospectives/index.html"),
    ("organisations", "organisations/index.html"),
    ("tags", "tags/index.html"),
];

/// Builds every file of the site and hands each to `sink` as soon as it is made, so the
/// site is never held in memory whole.
pub fn build(kb: &KnowledgeBase, options: &SiteOptions, sink: &Sink) -> Result<()> {
    let prepared = Prepared::new(kb, options.clone())?;
    let site = prepared.site(kb);
    kb.documents
        .par_iter()
        .try_for_each(|doc| site.document_files(doc, sink))?;
    site.site_wide(sink)?;
    assets(kb, sink)
}

/// What stays the same from one build to the next while the knowledge base changes under
/// `serve`: the options, the templates, the words and the git dates — and, for `serve`, the
/// parts of site-wide files made from one document alone.
pub struct Prepared {
    options: SiteOptions,
    env: Environment<'static>,
    dates: HashMap<String, String>,
    words: BTreeMap<&'static str, &'static str>,
    cache: Option<Cache>,
}

/// Parts of site-wide files that depend on one document's file alone (its search-index
/// entry), by the file's path, kept between builds; [`Prepared::forget`] drops a changed
/// file's.
#[derive(Debug, Default)]
pub struct Cache {
    parts: std::sync::Mutex<HashMap<String, std::sync::Arc<str>>>,
}

impl Cache {
    /// The part made for the file at `path`, if any.
    pub fn get(&self, path: &str) -> Option<std::sync::Arc<str>> {
        self.parts.lock().ok()?.get(path).cloned()
    }

    /// Keeps `part` for the file at `path`.
    pub fn put(&self, path: &str, part: std::sync::Arc<str>) {
        if let Ok(mut parts) = self.parts.lock() {
            parts.insert(path.to_string(), part);
        }
    }
}

impl Prepared {
    /// Reads the templates and the git dates once, for every page to come.
    pub fn new(kb: &KnowledgeBase, options: SiteOptions) -> Result<Self> {
        Ok(Prepared {
            env: environment(&kb.root)?,
            dates: crate::git::last_changed(&kb.root, kb.documents.iter().map(|d| kb.path(d))),
            words: words(options.lang),
            options,
            cache: None,
        })
    }

    /// The same, keeping the parts made from one document between builds (for `serve`).
    pub fn with_cache(self) -> Self {
        Prepared {
            cache: Some(Cache::default()),
            ..self
        }
    }

    /// Drops what the cache holds for the files at `paths` (changed, added or removed).
    pub fn forget<'p>(&self, paths: impl IntoIterator<Item = &'p str>) {
        if let Some(Ok(mut parts)) = self.cache.as_ref().map(|c| c.parts.lock()) {
            for path in paths {
                parts.remove(path);
            }
        }
    }

    /// The site of `kb` made with these.
    pub(super) fn site<'a>(&'a self, kb: &'a KnowledgeBase) -> Site<'a> {
        Site {
            kb,
            options: &self.options,
            env: &self.env,
            dates: &self.dates,
            words: &self.words,
            cache: self.cache.as_ref(),
        }
    }

    /// The files of the documents at `positions` in `kb` (see [`Site::document_files`]).
    pub fn document_files(
        &self,
        kb: &KnowledgeBase,
        positions: &[usize],
        sink: &Sink,
    ) -> Result<()> {
        let site = self.site(kb);
        positions
            .par_iter()
            .filter_map(|&i| kb.documents.get(i))
            .try_for_each(|doc| site.document_files(doc, sink))
    }

    /// The site-wide files of `kb` made from front matter (see [`Site::made_of_front_matter`]).
    pub fn made_of_front_matter(&self, kb: &KnowledgeBase, sink: &Sink) -> Result<()> {
        self.site(kb).made_of_front_matter(sink)
    }

    /// The site-wide files of `kb` made from front matter that `touched` can change (see
    /// [`Site::front_matter_files`]).
    pub fn front_matter_files(
        &self,
        kb: &KnowledgeBase,
        touched: &Touched,
        sink: &Sink,
    ) -> Result<()> {
        self.site(kb).front_matter_files(sink, touched)
    }

    /// The site-wide files of `kb` that show bodies (see [`Site::made_of_bodies`]).
    pub fn made_of_bodies(&self, kb: &KnowledgeBase, sink: &Sink) -> Result<()> {
        self.site(kb).made_of_bodies(sink)
    }
}

impl Site<'_> {
    /// The files of one document: its page and, for a session, theme or organisation, its
    /// calendar. Each shows the document and the documents one reference away.
    pub fn document_files(&self, doc: &Document, sink: &Sink) -> Result<()> {
        sink.write(self.document_page(doc)?)?;
        match self.document_calendar(doc) {
            Some(calendar) => sink.write(calendar),
            None => Ok(()),
        }
    }

    /// Every file that is not one document's page nor an asset: the indexes, home, tag
    /// pages, feed, sitemap, calendar, network picture, stylesheet and data. Each may show
    /// any document, so `serve` makes them all again after a change to front matter.
    pub fn site_wide(&self, sink: &Sink) -> Result<()> {
        self.made_of_front_matter(sink)?;
        self.made_of_bodies(sink)
    }

    /// The site-wide files that show documents' bodies (the feed, the search index): `serve`
    /// makes them again after every change, even one below the front matter only.
    pub fn made_of_bodies(&self, sink: &Sink) -> Result<()> {
        sink.write(self.feed()?)?;
        self.search(sink)
    }

    /// The site-wide files made from front matter alone (and the templates): everything
    /// but [`Site::made_of_bodies`].
    pub fn made_of_front_matter(&self, sink: &Sink) -> Result<()> {
        self.front_matter_files(sink, &Touched::everything())
    }

    /// The site-wide files made from front matter that `touched` can change: the index
    /// and data of each touched type, the pages of the touched tags, and every file that
    /// shows documents of any type (home, the tag index, the calendar of all sessions, the
    /// network picture, the open data).
    pub fn front_matter_files(&self, sink: &Sink, touched: &Touched) -> Result<()> {
        let mut parts: Vec<Part> = touched
            .kinds
            .iter()
            .flat_map(|&kind| [Part::Index(kind), Part::Data(kind)])
            .collect();
        parts.extend([
            Part::Home,
            Part::Tags,
            Part::Sitemap,
            Part::Network,
            Part::Style,
            Part::OpenData,
            Part::Info,
        ]);
        if touched.kinds.contains(&DocKind::Session) {
            parts.push(Part::Sessions);
        }
        // Independent of each other: made side by side.
        parts
            .par_iter()
            .try_for_each(|part| self.front_matter_part(*part, sink, touched))
    }

    fn front_matter_part(&self, part: Part, sink: &Sink, touched: &Touched) -> Result<()> {
        let kb = self.kb;
        match part {
            Part::Index(kind) => sink.write(self.index_page(kind)?),
            Part::Data(kind) => sink.write(self.data_of(kind)?),
            Part::Home => sink.write(self.home()?),
            Part::Tags => self.some_tag_pages(sink, touched.tags.as_ref()),
            Part::Sitemap => match self.sitemap()? {
                Some(sitemap) => sink.write(sitemap),
                None => Ok(()),
            },
            Part::Sessions => sink.write(self.sessions_calendar()),
            Part::Network => sink.write(text_file(
                "network.svg",
                svg(&graph(kb), self.words["network_alt"]),
            )),
            Part::Style => sink.write(text_file("style.css", stylesheet(&kb.root)?)),
            Part::OpenData => self.open_data(sink),
            Part::Info => self.info_pages(sink),
        }
    }
}

/// One of the site-wide files (or sets of files) made from front matter.
#[derive(Debug, Clone, Copy)]
enum Part {
    Index(DocKind),
    Data(DocKind),
    Home,
    Tags,
    Sitemap,
    Sessions,
    Network,
    Style,
    OpenData,
    Info,
}

/// What a change touched, for the site-wide files that list documents: the types of the
/// documents whose facts can show differently, and the tags they carry (or carried).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Touched {
    /// The types of the changed documents and of those one reference away.
    pub kinds: BTreeSet<DocKind>,
    /// The slugs of their tags, before and after; `None` for every tag.
    pub tags: Option<BTreeSet<String>>,
}

impl Touched {
    /// Everything: every type and every tag.
    pub fn everything() -> Self {
        Touched {
            kinds: DocKind::ALL.into_iter().collect(),
            tags: None,
        }
    }
}

/// A file of the site made of text.
pub(super) fn text_file(path: &str, text: String) -> OutFile {
    OutFile {
        path: path.to_string(),
        bytes: text.into_bytes(),
    }
}

/// What every part of the site is made from.
pub(super) struct Site<'a> {
    /// The knowledge base.
    pub kb: &'a KnowledgeBase,
    /// Title, base URL and language.
    pub options: &'a SiteOptions,
    /// The templates.
    pub env: &'a Environment<'static>,
    /// When each document last changed in git (`YYYY-MM-DD` by path).
    pub dates: &'a HashMap<String, String>,
    /// The site's words in its language.
    pub words: &'a BTreeMap<&'static str, &'static str>,
    /// Parts kept between `serve`'s builds.
    pub cache: Option<&'a Cache>,
}

impl Site<'_> {
    /// Renders `template` with the common context plus `extra`.
    pub fn render(
        &self,
        template: &str,
        root: &str,
        section: &str,
        title: &str,
        extra: Value,
    ) -> Result<String> {
        let menu: Vec<Value> = MENU
            .iter()
            .map(|(key, href)| json!({"key": key, "href": href}))
            .collect();
        let mut context = json!({
            "site": {
                "title": self.options.title,
                "lang": self.options.lang.code(),
                "base_url": self.options.base_url,
                "description": self.kb.config.description,
                "accent": super::look::accent(self.kb.config.accent.as_deref()),
                "logo": super::look::logo(self.kb),
            },
            "t": self.words,
            "root": root,
            "section": section,
            "title": title,
            "menu": menu,
        });
        if let (Some(map), Value::Object(extra)) = (context.as_object_mut(), extra) {
            map.extend(extra);
        }
        let template = self
            .env
            .get_template(template)
            .with_context(|| format!("no template {template}"))?;
        template
            .render(Template::from(minijinja::value::Serde(&context)))
            .with_context(|| format!("cannot render {template}", template = template.name()))
    }

    /// The word for `key` in the site's language, if it has one.
    pub fn word(&self, key: &str) -> Option<&'static str> {
        self.words.get(key).copied()
    }
}

/// The page of a document: `<folder>/<id>.html`.
pub fn page_path(kind: DocKind, id: &str) -> String {
    format!("{}/{id}.html", kind.folder())
}

/// What a page calls a document: its title (or name), else its id.
pub(super) fn title_of(doc: &Document) -> String {
    match doc.data.title() {
        "" => doc.id.clone(),
        title => title.to_string(),
    }
}

/// `path` under the site's base URL, when it has one.
pub(super) fn absolute(base: Option<&str>, path: &str) -> Option<String> {
    base.map(|b| format!("{b}{path}"))
}

/// Every file under `content/` that is not Markdown, at the same place under the site:
/// only what the walk collected (regular files, no links, no dot-files; see
/// [`crate::kb::walk`]), each opened again under the rule of [`crate::kb::access`] so that a
/// file swapped for a link since is still not followed. Files where the site generates a
/// page (`reserved-path`, reported by validation) are left out.
pub(crate) fn assets(kb: &KnowledgeBase, sink: &Sink) -> Result<()> {
    let mut paths: Vec<&String> = kb
        .other_files
        .iter()
        .filter(|p| !p.to_lowercase().ends_with(".md"))
        .filter(|p| p.starts_with("content/"))
        .filter(|p| reserved(published_path(p)).is_none())
        .collect();
    paths.sort();
    paths.into_iter().try_for_each(|rel| {
        let file = crate::kb::access::open(&kb.root, rel)
            .map_err(|denied| anyhow::anyhow!("cannot read {rel}: {denied}"))?;
        sink.copy(published_path(rel), file)
            .with_context(|| format!("cannot publish {rel}"))
    })
}
