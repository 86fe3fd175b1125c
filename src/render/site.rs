//! Builds every file of the site in memory: pages from templates, feeds, calendar, data,
//! sitemap and the network picture. Pure and deterministic: the same content and options
//! give the same bytes.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::{Context, Result};
use minijinja::{AutoEscape, Environment, Value as Template};
use rayon::prelude::*;
use serde::Serializer;
use serde_json::{Value, json};

use super::escape::escape_html;
use super::graph::{graph, svg};
use super::i18n::{Lang, long_date, words};
use super::markdown::{inline, to_html};
use super::output::{OutFile, Sink};
use crate::kb::date::format_date;
use crate::kb::schema::tag_slug;
use crate::kb::walk::{published_path, reserved};
use crate::kb::{Data, DocKind, Document, KnowledgeBase, Relation, SessionState, ThemeStatus};
use crate::query::in_default_order;
use crate::query::record::record;
use crate::text::sort_key;
use crate::validate::is_web_url;
use crate::validate::links::{Target, resolve};

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

/// The templates and what each receives; a file of the same name in `templates/` at the
/// root replaces the embedded one.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("macros.html", include_str!("templates/macros.html")),
    ("home.html", include_str!("templates/home.html")),
    ("list.html", include_str!("templates/list.html")),
    ("theme.html", include_str!("templates/theme.html")),
    ("session.html", include_str!("templates/session.html")),
    (
        "retrospective.html",
        include_str!("templates/retrospective.html"),
    ),
    (
        "organisation.html",
        include_str!("templates/organisation.html"),
    ),
    ("feed.atom", include_str!("templates/feed.atom")),
    ("sitemap.xml", include_str!("templates/sitemap.xml")),
];

/// The stylesheet (replaceable by `templates/style.css`).
const STYLE: &str = include_str!("templates/style.css");

/// The newest retrospectives the feed carries, as feeds do (readers poll it).
const FEED_ENTRIES: usize = 50;

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
    let env = environment(&kb.root)?;
    let site = Site {
        kb,
        options,
        env,
        dates: crate::git::last_changed(&kb.root, kb.documents.iter().map(|d| kb.path(d))),
        words: words(options.lang),
    };
    kb.documents
        .par_iter()
        .try_for_each(|doc| sink.write(site.document_page(doc)?))?;
    for kind in DocKind::ALL {
        sink.write(site.index_page(kind)?)?;
    }
    sink.write(site.home()?)?;
    site.tag_pages(sink)?;
    sink.write(site.feed()?)?;
    if let Some(sitemap) = site.sitemap()? {
        sink.write(sitemap)?;
    }
    sink.write(text_file(
        "sessions.ics",
        super::ics::calendar(kb, options.base_url.as_deref(), &options.title),
    ))?;
    sink.write(text_file(
        "network.svg",
        svg(&graph(kb), site.words["network_alt"]),
    ))?;
    sink.write(text_file(
        "style.css",
        read_override(&kb.root, "style.css")?.unwrap_or_else(|| STYLE.to_string()),
    ))?;
    site.data(sink)?;
    assets(kb, sink)
}

fn text_file(path: &str, text: String) -> OutFile {
    OutFile {
        path: path.to_string(),
        bytes: text.into_bytes(),
    }
}

/// The template environment: embedded templates, replaced by files in `templates/`.
fn environment(root: &Path) -> Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| {
        if [".html", ".xml", ".atom"]
            .iter()
            .any(|ext| name.ends_with(ext))
        {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(
        |out, state, value| match (state.auto_escape(), value.as_str()) {
            (AutoEscape::Html, Some(text)) if !value.is_safe() => {
                out.write_str(&escape_html(text)).map_err(|e| {
                    minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string())
                })
            }
            _ => minijinja::escape_formatter(out, state, value),
        },
    );
    for (name, text) in TEMPLATES {
        let source = read_override(root, name)?.unwrap_or_else(|| (*text).to_string());
        env.add_template_owned(name.to_string(), source)
            .with_context(|| format!("template {name} does not compile"))?;
    }
    Ok(env)
}

/// The text of `templates/<name>` at the root, if there is one, read under the rule of
/// [`crate::kb::access`]: a regular file, never through a symbolic link, at most 1 MiB.
fn read_override(root: &Path, name: &str) -> Result<Option<String>> {
    crate::kb::access::read_text(
        root,
        &format!("templates/{name}"),
        crate::kb::access::MAX_SMALL_FILE_BYTES,
    )
}

struct Site<'a> {
    kb: &'a KnowledgeBase,
    options: &'a SiteOptions,
    env: Environment<'static>,
    dates: HashMap<String, String>,
    words: BTreeMap<&'static str, &'static str>,
}

impl Site<'_> {
    /// Renders `template` with the common context plus `extra`.
    fn render(
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
            "site": { "title": self.options.title, "lang": self.options.lang.code(), "base_url": self.options.base_url },
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

    fn document_page(&self, doc: &Document) -> Result<OutFile> {
        let kb = self.kb;
        let (title, fields) = match &doc.data {
            Data::Theme(t) => (t.title.clone(), self.theme(doc, t)),
            Data::Session(s) => (s.title.clone(), self.session(doc, s)),
            Data::Retrospective(r) => (r.title.clone(), self.retrospective(r)),
            Data::Organisation(o) => (o.name.clone(), self.organisation(doc, o)),
        };
        let title = if title.is_empty() {
            doc.id.clone()
        } else {
            title
        };
        let body = kb.text(doc).get(doc.body_range.clone()).unwrap_or("");
        let body_html = to_html(body, &|dest| self.rewrite(doc, dest));
        let mut extra = json!({ "doc": fields, "body": body_html, "updated": self.updated(doc) });
        if let Data::Session(session) = &doc.data {
            extra["jsonld"] = json!(super::jsonld::event(
                kb,
                doc,
                session,
                self.options.base_url.as_deref()
            ));
        }
        let html = self.render(
            &format!("{}.html", doc.kind.name()),
            "../",
            doc.kind.folder(),
            &title,
            extra,
        )?;
        Ok(text_file(&page_path(doc.kind, &doc.id), html))
    }

    fn updated(&self, doc: &Document) -> Value {
        match self
            .dates
            .get(self.kb.path(doc))
            .and_then(|d| crate::kb::date::parse_date(d))
        {
            Some(date) => {
                json!({ "iso": format_date(date), "text": long_date(self.options.lang, date) })
            }
            None => Value::Null,
        }
    }

    /// Where a link in `doc`'s body should point on the site.
    fn rewrite(&self, doc: &Document, dest: &str) -> Option<String> {
        match resolve(self.kb, doc, dest) {
            Target::Path {
                document: Some(target),
                anchor,
                ..
            } => {
                let fragment = anchor.map(|a| format!("#{a}")).unwrap_or_default();
                Some(format!(
                    "../{}{fragment}",
                    page_path(target.kind, &target.id)
                ))
            }
            Target::Path {
                path: Some(path), ..
            } => path.strip_prefix("content/").map(|p| format!("../{p}")),
            _ => None,
        }
    }

    /// `{id, title, href}` of a document, from a page one folder deep.
    fn reference(&self, kind: DocKind, id: &str) -> Value {
        match self.kb.get(kind, id) {
            Some(doc) => {
                json!({ "id": id, "title": doc_title(doc), "href": format!("../{}", page_path(kind, id)) })
            }
            None => json!({ "id": id, "title": id, "href": null }),
        }
    }

    fn references(&self, kind: DocKind, ids: &[impl AsRef<str>]) -> Vec<Value> {
        ids.iter()
            .map(|id| self.reference(kind, id.as_ref()))
            .collect()
    }

    /// The documents that refer to `doc` by `relation`, as references.
    fn related(&self, relation: Relation, doc: &Document) -> Vec<Value> {
        self.kb
            .referrers(relation, &doc.id)
            .map(|id| self.reference(relation.referrer_kind(), id))
            .collect()
    }

    fn tags(&self, tags: &[String]) -> Vec<Value> {
        tags.iter()
            .map(|t| json!({ "name": t, "href": format!("../tags/{}.html", tag_slug(t)) }))
            .collect()
    }

    fn status_label(&self, status: ThemeStatus) -> &'static str {
        self.words
            .get(format!("status_{status}").as_str())
            .copied()
            .unwrap_or("")
    }

    fn theme(&self, doc: &Document, t: &crate::kb::Theme) -> Value {
        let status = self.kb.theme_status(&doc.id, t);
        json!({
            "summary_html": inline(&t.summary),
            "status": status,
            "status_label": self.status_label(status),
            "carriers": self.references(DocKind::Organisation, &t.carriers),
            "proposed_by": self.references(DocKind::Organisation, &t.proposed_by),
            "proposed_in": t.proposed_in.as_ref().map(|id| self.reference(DocKind::Session, id)),
            "related": self.references(DocKind::Theme, &t.related),
            "sessions": self.related(Relation::ThemeSessions, doc),
            "retrospectives": self.related(Relation::ThemeRetrospectives, doc),
            "tags": self.tags(&t.tags),
            "links": t.links.iter().filter(|l| is_web_url(&l.url)).collect::<Vec<_>>(),
        })
    }

    fn session(&self, doc: &Document, s: &crate::kb::Session) -> Value {
        let state = self
            .kb
            .session_state(s)
            .map_or("planned", SessionState::as_str);
        let hm = |t: time::Time| format!("{:02}:{:02}", t.hour(), t.minute());
        let time_text = match (s.start, s.end) {
            (Some(start), Some(end)) => format!("{}–{}", hm(start), hm(end)),
            (Some(start), None) => hm(start),
            _ => String::new(),
        };
        json!({
            "date": s.date.map(format_date),
            "date_text": s.date.map(|d| long_date(self.options.lang, d)),
            "time_text": time_text,
            "city": s.city,
            "venue": s.venue,
            "state": state,
            "state_label": self.words.get(format!("state_{state}").as_str()).copied().unwrap_or(""),
            "hosts": self.references(DocKind::Organisation, &s.hosts),
            "themes": self.references(DocKind::Theme, &s.themes),
            "participants": self.references(DocKind::Organisation, &s.participants),
            "registration": s.registration.as_deref().filter(|u| is_web_url(u)),
            "retrospectives": self.related(Relation::SessionRetrospectives, doc),
        })
    }

    fn retrospective(&self, r: &crate::kb::Retrospective) -> Value {
        let speakers: Vec<Value> = r
            .speakers
            .iter()
            .map(|s| {
                json!({
                    "name": s.name,
                    "role": s.role,
                    "organisation": s.organisation.as_ref().map(|id| self.reference(DocKind::Organisation, id)),
                })
            })
            .collect();
        json!({
            "session": r.session.as_ref().map(|id| self.reference(DocKind::Session, id)),
            "published": r.published.map(format_date),
            "published_text": r.published.map(|d| long_date(self.options.lang, d)),
            "authors": r.authors,
            "speakers": speakers,
            "themes_discussed": self.references(DocKind::Theme, &r.themes_discussed),
            "themes_proposed": self.references(DocKind::Theme, &r.themes_proposed),
            "next_session": r.next_session.as_ref().map(|id| self.reference(DocKind::Session, id)),
            "tags": self.tags(&r.tags),
        })
    }

    fn organisation(&self, doc: &Document, o: &crate::kb::Organisation) -> Value {
        let kind = o.kind.as_deref().unwrap_or("other");
        json!({
            "kind_label": self.words.get(format!("kind_{kind}").as_str()).copied().unwrap_or(kind),
            "city": o.city,
            "website": o.website.as_deref().filter(|u| is_web_url(u)),
            "tags": self.tags(&o.tags),
            "carries": self.related(Relation::Carries, doc),
            "hosted": self.related(Relation::Hosted, doc),
            "attended": self.related(Relation::Attended, doc),
        })
    }

    /// An entry of an index list, from a page one folder deep, with a short note.
    fn entry(&self, doc: &Document) -> Value {
        let note = match &doc.data {
            Data::Theme(t) => self
                .status_label(self.kb.theme_status(&doc.id, t))
                .to_string(),
            Data::Session(s) => s
                .date
                .map(|d| long_date(self.options.lang, d))
                .unwrap_or_default(),
            Data::Retrospective(r) => r
                .published
                .map(|d| long_date(self.options.lang, d))
                .unwrap_or_default(),
            Data::Organisation(o) => o.city.clone().unwrap_or_default(),
        };
        json!({ "title": doc_title(doc), "href": format!("../{}", page_path(doc.kind, &doc.id)), "note": note })
    }

    fn index_page(&self, kind: DocKind) -> Result<OutFile> {
        let mut docs = in_default_order(self.kb, kind);
        if matches!(kind, DocKind::Session | DocKind::Retrospective) {
            docs.reverse();
        }
        let items: Vec<Value> = docs.into_iter().map(|doc| self.entry(doc)).collect();
        let title = self.words[kind.folder()];
        let html = self.render(
            "list.html",
            "../",
            kind.folder(),
            title,
            json!({ "items": items }),
        )?;
        Ok(text_file(&format!("{}/index.html", kind.folder()), html))
    }

    fn home(&self) -> Result<OutFile> {
        let at_root = |mut v: Value| {
            if let Some(href) = v.get("href").and_then(Value::as_str) {
                v["href"] = json!(href.trim_start_matches("../"));
            }
            v
        };
        let upcoming: Vec<Value> = in_default_order(self.kb, DocKind::Session)
            .into_iter()
            .filter(|d| match &d.data {
                Data::Session(s) => self.kb.session_state(s) == Some(SessionState::Planned),
                _ => false,
            })
            .map(|d| at_root(self.entry(d)))
            .collect();
        let recent: Vec<Value> = in_default_order(self.kb, DocKind::Retrospective)
            .into_iter()
            .rev()
            .take(5)
            .map(|d| at_root(self.entry(d)))
            .collect();
        let themes: Vec<(&Document, ThemeStatus)> = in_default_order(self.kb, DocKind::Theme)
            .into_iter()
            .filter_map(|d| match &d.data {
                Data::Theme(t) => Some((d, self.kb.theme_status(&d.id, t))),
                _ => None,
            })
            .collect();
        let statuses: Vec<Value> = [
            ThemeStatus::Scheduled,
            ThemeStatus::Proposed,
            ThemeStatus::Discussed,
            ThemeStatus::Closed,
        ]
        .into_iter()
        .map(|status| {
            let members: Vec<Value> = themes
                .iter()
                .filter(|(_, s)| *s == status)
                .map(|(d, _)| at_root(self.reference(DocKind::Theme, &d.id)))
                .collect();
            json!({ "label": self.status_label(status), "themes": members })
        })
        .filter(|g| g["themes"].as_array().is_some_and(|a| !a.is_empty()))
        .collect();
        let html = self.render(
            "home.html",
            "",
            "home",
            self.words["home"],
            json!({ "upcoming": upcoming, "recent": recent, "statuses": statuses }),
        )?;
        Ok(text_file("index.html", html))
    }

    fn tag_pages(&self, sink: &Sink) -> Result<()> {
        let mut tags: BTreeMap<String, (String, Vec<&Document>)> = BTreeMap::new();
        for doc in &self.kb.documents {
            let doc_tags = match &doc.data {
                Data::Theme(t) => &t.tags,
                Data::Retrospective(r) => &r.tags,
                Data::Organisation(o) => &o.tags,
                Data::Session(_) => continue,
            };
            for tag in doc_tags {
                tags.entry(tag_slug(tag))
                    .or_insert_with(|| (tag.clone(), Vec::new()))
                    .1
                    .push(doc);
            }
        }
        let mut index = Vec::new();
        for (slug, (name, docs)) in &tags {
            let mut items: Vec<Value> = docs.iter().map(|d| self.entry(d)).collect();
            items.sort_by_key(|v| sort_key(v["title"].as_str().unwrap_or("")));
            let title = format!("{}: {name}", self.words["tagged"]);
            let html = self.render(
                "list.html",
                "../",
                "tags",
                &title,
                json!({ "items": items }),
            )?;
            sink.write(text_file(&format!("tags/{slug}.html"), html))?;
            index.push(json!({ "title": name, "href": format!("{slug}.html"), "note": docs.len().to_string() }));
        }
        let html = self.render(
            "list.html",
            "../",
            "tags",
            self.words["tags"],
            json!({ "items": index }),
        )?;
        sink.write(text_file("tags/index.html", html))
    }

    fn feed(&self) -> Result<OutFile> {
        let base = self.options.base_url.as_deref();
        let entries: Vec<Value> = in_default_order(self.kb, DocKind::Retrospective)
            .into_iter()
            .rev()
            .take(FEED_ENTRIES)
            .filter_map(|doc| match &doc.data {
                Data::Retrospective(r) => Some((doc, r)),
                _ => None,
            })
            .map(|(doc, r)| {
                let page = page_path(DocKind::Retrospective, &doc.id);
                let body = self.kb.text(doc).get(doc.body_range.clone()).unwrap_or("");
                json!({
                    "title": doc_title(doc),
                    "id": absolute(base, &page).unwrap_or_else(|| format!("urn:pioneers:retrospective:{}", doc.id)),
                    "href": absolute(base, &page).unwrap_or(page),
                    "updated": r.published.map(|d| format!("{}T00:00:00Z", format_date(d))),
                    "authors": r.authors,
                    "content": to_html(body, &|dest| self.rewrite(doc, dest).map(|u| absolute(base, u.trim_start_matches("../")).unwrap_or(u))),
                })
            })
            .collect();
        let updated = entries
            .iter()
            .filter_map(|e| e["updated"].as_str())
            .max()
            .unwrap_or("1970-01-01T00:00:00Z")
            .to_string();
        let feed = json!({
            "id": absolute(base, "feed.atom").unwrap_or_else(|| "urn:pioneers:feed".into()),
            "self": absolute(base, "feed.atom").unwrap_or_else(|| "feed.atom".into()),
            "home": absolute(base, "index.html").unwrap_or_else(|| "index.html".into()),
            "updated": updated,
        });
        let xml = self.render(
            "feed.atom",
            "",
            "",
            "",
            json!({ "feed": feed, "entries": entries }),
        )?;
        Ok(text_file("feed.atom", xml))
    }

    fn sitemap(&self) -> Result<Option<OutFile>> {
        let Some(base) = self.options.base_url.as_deref() else {
            return Ok(None);
        };
        let mut urls: Vec<Value> = vec![json!({ "loc": format!("{base}index.html") })];
        urls.extend(
            DocKind::ALL
                .iter()
                .map(|k| json!({ "loc": format!("{base}{}/index.html", k.folder()) })),
        );
        let mut docs: Vec<&Document> = self.kb.documents.iter().collect();
        docs.sort_by_key(|d| page_path(d.kind, &d.id));
        urls.extend(docs.iter().map(|d| {
            json!({ "loc": format!("{base}{}", page_path(d.kind, &d.id)), "lastmod": self.dates.get(self.kb.path(d)) })
        }));
        let xml = self.render("sitemap.xml", "", "", "", json!({ "urls": urls }))?;
        Ok(Some(text_file("sitemap.xml", xml)))
    }

    /// `data/<type>.json`: the same records as `list --format json`.
    fn data(&self, sink: &Sink) -> Result<()> {
        for kind in DocKind::ALL {
            // Each record is made, written and dropped in turn: never all at once.
            let records = self
                .kb
                .documents
                .iter()
                .filter(|d| d.kind == kind)
                .map(|d| record(self.kb, d));
            let mut bytes = Vec::new();
            serde_json::Serializer::pretty(&mut bytes).collect_seq(records)?;
            bytes.push(b'\n');
            sink.write(OutFile {
                path: format!("data/{}.json", kind.folder()),
                bytes,
            })?;
        }
        Ok(())
    }
}

/// The page of a document: `<folder>/<id>.html`.
pub fn page_path(kind: DocKind, id: &str) -> String {
    format!("{}/{id}.html", kind.folder())
}

fn doc_title(doc: &Document) -> String {
    let title = match &doc.data {
        Data::Organisation(o) => &o.name,
        Data::Theme(t) => &t.title,
        Data::Session(s) => &s.title,
        Data::Retrospective(r) => &r.title,
    };
    if title.is_empty() {
        doc.id.clone()
    } else {
        title.clone()
    }
}

fn absolute(base: Option<&str>, path: &str) -> Option<String> {
    base.map(|b| format!("{b}{path}"))
}

/// Every file under `content/` that is not Markdown, at the same place under the site:
/// only what the walk collected (regular files, no links, no dot-files; see
/// [`crate::kb::walk`]), each opened again under the rule of [`crate::kb::access`] so that a
/// file swapped for a link since is still not followed. Files where the site generates a
/// page (`reserved-path`, reported by validation) are left out.
fn assets(kb: &KnowledgeBase, sink: &Sink) -> Result<()> {
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
