//! Builds every file of the site: the document pages (`page.rs`), the lists (`lists.rs`),
//! the feed (`feed.rs`), data and sitemap (`data.rs`), the calendar, the network picture, the stylesheet and the assets. Pure and deterministic:
//! the same content and options give the same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::{Context, Result};
use minijinja::{Environment, Value as Template};
use rayon::prelude::*;

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
    Part::all()
        .par_iter()
        .try_for_each(|&part| site.part(part, None, sink))?;
    assets(kb, sink)
}

/// What stays the same from one build to the next while the knowledge base changes under
/// `serve`: the options, the templates, the words and the git dates.
pub struct Prepared {
    options: SiteOptions,
    env: Environment<'static>,
    dates: HashMap<String, String>,
    words: BTreeMap<&'static str, &'static str>,
    words_value: Template,
}

impl Prepared {
    /// Reads the templates and the git dates once, for every page to come.
    pub fn new(kb: &KnowledgeBase, options: SiteOptions) -> Result<Self> {
        let words = words(options.lang);
        Ok(Prepared {
            env: environment(&kb.root)?,
            dates: crate::git::last_changed(&kb.root, kb.documents.iter().map(|d| kb.path(d))),
            words_value: Template::from(minijinja::value::Serde(&words)),
            words,
            options,
        })
    }

    /// The title, base URL and language.
    pub fn options(&self) -> &SiteOptions {
        &self.options
    }

    /// The site of `kb` made with these.
    pub(super) fn site<'a>(&'a self, kb: &'a KnowledgeBase) -> Site<'a> {
        Site {
            kb,
            options: &self.options,
            env: &self.env,
            dates: &self.dates,
            words: &self.words,
            words_value: &self.words_value,
        }
    }

    /// The page of `doc` in `kb`.
    pub fn document_page(&self, kb: &KnowledgeBase, doc: &Document) -> Result<OutFile> {
        self.site(kb).document_page(doc)
    }

    /// The calendar of `doc` in `kb`, if it has one.
    pub fn document_calendar(&self, kb: &KnowledgeBase, doc: &Document) -> Option<OutFile> {
        self.site(kb).document_calendar(doc)
    }

    /// The files of `part` of the site of `kb` (see [`Site::part`]).
    pub fn part(
        &self,
        kb: &KnowledgeBase,
        part: Part,
        tags: Option<&BTreeSet<String>>,
        sink: &Sink,
    ) -> Result<()> {
        self.site(kb).part(part, tags, sink)
    }

    /// The search index of `kb` ([`SEARCH_INDEX`]), made as it is read.
    pub fn search_index<'a>(&'a self, kb: &'a KnowledgeBase) -> super::SearchIndex<'a> {
        super::SearchIndex::new(self.site(kb))
    }

    /// The slug of every tag of `kb`: each has a page `tags/<slug>.html`.
    pub fn tag_slugs(&self, kb: &KnowledgeBase) -> Vec<String> {
        self.site(kb).tagged().into_keys().collect()
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

    /// The files of `part`; for [`Part::Tags`] the pages of `tags` only (of every tag when
    /// `None`) and the tag index.
    pub fn part(&self, part: Part, tags: Option<&BTreeSet<String>>, sink: &Sink) -> Result<()> {
        let kb = self.kb;
        match part {
            Part::Index(kind) => sink.write(self.index_page(kind)?),
            Part::Data(kind) => sink.write(self.data_of(kind)?),
            Part::Home => sink.write(self.home()?),
            Part::Tags => self.some_tag_pages(sink, tags),
            Part::Sitemap => match self.sitemap()? {
                Some(sitemap) => sink.write(sitemap),
                None => Ok(()),
            },
            Part::Sessions => sink.write(self.sessions_calendar()),
            Part::Network => sink.write(text_file(
                NETWORK,
                svg(&graph(kb), self.words["network_alt"]),
            )),
            Part::Style => sink.write(text_file(STYLE, stylesheet(&kb.root)?)),
            Part::OpenData => self.open_data(sink),
            Part::Info => self.info_pages(sink),
            Part::Feed => sink.write(self.feed()?),
            Part::Search => self.search(sink),
        }
    }
}

/// A site-wide file, or a few made together: everything that is not one document's page or
/// calendar nor an asset. Each may show any document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// A type's index page.
    Index(DocKind),
    /// A type's data export.
    Data(DocKind),
    /// The home page.
    Home,
    /// The tag index and a page per tag.
    Tags,
    /// The sitemap (with a base URL only).
    Sitemap,
    /// The calendar of all sessions.
    Sessions,
    /// The network picture.
    Network,
    /// The stylesheet.
    Style,
    /// The themes as SKOS and the catalogue as DCAT.
    OpenData,
    /// The not-found page and the accessibility statement.
    Info,
    /// The Atom feed.
    Feed,
    /// The search index and its script.
    Search,
}

/// The home page.
pub const HOME: &str = "index.html";
/// The tag index.
pub const TAG_INDEX: &str = "tags/index.html";
/// The sitemap (with a base URL only).
pub const SITEMAP: &str = "sitemap.xml";
/// The calendar of all sessions.
pub const SESSIONS_CALENDAR: &str = "sessions.ics";
/// The network picture.
pub const NETWORK: &str = "network.svg";
/// The stylesheet.
pub const STYLE: &str = "style.css";
/// The Atom feed.
pub const FEED: &str = "feed.atom";
/// The not-found page.
pub const NOT_FOUND: &str = "404.html";
/// The accessibility statement (its Dutch name, as Dutch sites publish it).
pub const STATEMENT: &str = "toegankelijkheid.html";
/// The themes as a SKOS concept scheme (JSON-LD).
pub const SKOS_PATH: &str = "data/themes.jsonld";
/// The catalogue of the site's data (DCAT, JSON-LD).
pub const CATALOG_PATH: &str = "data/catalog.jsonld";
/// The search index.
pub const SEARCH_INDEX: &str = "search.json";
/// The search script.
pub const SEARCH_SCRIPT: &str = "search.js";

/// The index page of a type: `<folder>/index.html`.
pub fn index_path(kind: DocKind) -> String {
    format!("{}/index.html", kind.folder())
}

/// The data export of a type: `data/<folder>.json`.
pub fn data_path(kind: DocKind) -> String {
    format!("data/{}.json", kind.folder())
}

impl Part {
    /// The paths of the part's files (for [`Part::Tags`] the tag index only: each tag's
    /// page is at [`tag_path`]); the sitemap only with a base URL.
    pub fn paths(self, options: &SiteOptions) -> Vec<String> {
        let fixed: &[&str] = match self {
            Part::Index(kind) => return vec![index_path(kind)],
            Part::Data(kind) => return vec![data_path(kind)],
            Part::Sitemap if options.base_url.is_none() => &[],
            Part::Home => &[HOME],
            Part::Tags => &[TAG_INDEX],
            Part::Sitemap => &[SITEMAP],
            Part::Sessions => &[SESSIONS_CALENDAR],
            Part::Network => &[NETWORK],
            Part::Style => &[STYLE],
            Part::OpenData => &[SKOS_PATH, CATALOG_PATH],
            Part::Info => &[NOT_FOUND, STATEMENT],
            Part::Feed => &[FEED],
            Part::Search => &[SEARCH_INDEX, SEARCH_SCRIPT],
        };
        fixed.iter().map(|path| path.to_string()).collect()
    }

    /// Every part of the site.
    pub fn all() -> Vec<Part> {
        let by_kind = DocKind::ALL
            .into_iter()
            .flat_map(|kind| [Part::Index(kind), Part::Data(kind)]);
        by_kind
            .chain([
                Part::Home,
                Part::Tags,
                Part::Sitemap,
                Part::Sessions,
                Part::Network,
                Part::Style,
                Part::OpenData,
                Part::Info,
                Part::Feed,
                Part::Search,
            ])
            .collect()
    }

    /// Whether a change that `touched` these can change the part's files; `None` for a
    /// change below the front matter only, which shows in the feed and the search index
    /// alone. A type's index and data show that type only, the sessions' calendar sessions
    /// only; everything else shows documents of every type.
    pub fn changed_by(self, touched: Option<&Touched>) -> bool {
        match (self, touched) {
            (Part::Feed | Part::Search, _) => true,
            (_, None) => false,
            (Part::Index(kind) | Part::Data(kind), Some(t)) => t.kinds.contains(&kind),
            (Part::Sessions, Some(t)) => t.kinds.contains(&DocKind::Session),
            (_, Some(_)) => true,
        }
    }
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

/// The page of the tag with `slug`.
pub fn tag_path(slug: &str) -> String {
    format!("tags/{slug}.html")
}

/// A file of the site made of text.
pub(super) fn text_file(path: &str, text: String) -> OutFile {
    OutFile {
        path: path.to_string(),
        bytes: text.into_bytes(),
    }
}

/// What every part of the site is made from.
#[derive(Clone, Copy)]
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
    /// The same words as templates see them (`t`).
    pub words_value: &'a Template,
}

impl Site<'_> {
    /// Renders `template` with the common context plus `extra` (a map; its keys win).
    pub fn render(
        &self,
        template: &str,
        root: &str,
        section: &str,
        title: &str,
        extra: Template,
    ) -> Result<String> {
        let menu: Vec<Template> = MENU
            .iter()
            .map(|&(key, href)| minijinja::context! { key, href })
            .collect();
        let config = &self.kb.config;
        let common = minijinja::context! {
            site => minijinja::context! {
                title => self.options.title.as_str(),
                lang => self.options.lang.code(),
                base_url => self.options.base_url.as_deref(),
                description => config.description.as_deref(),
                accent => super::look::accent(config.accent.as_deref()),
                logo => super::look::logo(self.kb),
            },
            t => self.words_value.clone(),
            root,
            section,
            title,
            menu,
        };
        let template = self
            .env
            .get_template(template)
            .with_context(|| format!("no template {template}"))?;
        template
            .render(minijinja::value::merge_maps([common, extra]))
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
    asset_paths(kb).into_iter().try_for_each(|rel| {
        sink.copy(published_path(rel), open_asset(kb, rel)?)
            .with_context(|| format!("cannot publish {rel}"))
    })
}

/// The asset at `rel` (a path under the root), opened under the rule of
/// [`crate::kb::access`]: no link is followed, even one swapped in since the walk.
pub fn open_asset(kb: &KnowledgeBase, rel: &str) -> Result<std::fs::File> {
    crate::kb::access::open(&kb.root, rel)
        .map_err(|denied| anyhow::anyhow!("cannot read {rel}: {denied}"))
}

/// The files [`assets`] publishes, by their paths under the root, in order (each is
/// published at [`published_path`]).
pub fn asset_paths(kb: &KnowledgeBase) -> Vec<&String> {
    let mut paths: Vec<&String> = kb
        .other_files
        .iter()
        .filter(|p| !p.to_lowercase().ends_with(".md"))
        .filter(|p| p.starts_with("content/"))
        .filter(|p| reserved(published_path(p)).is_none())
        .collect();
    paths.sort();
    paths
}
