//! The pages that list documents: one index per type, the home page, and a page per tag
//! with their index.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use minijinja::context;
use minijinja::value::Value;

use super::entry::{Entry, Link, Word, list};
use super::i18n::long_date;
use super::output::{OutFile, Sink};
use super::site::{Site, page_path, text_file, title_of};
use crate::kb::schema::tag_slug;
use crate::kb::{Data, DocKind, Document, SessionState, ThemeStatus};
use crate::query::in_default_order;
use crate::text::sort_key;

/// The theme statuses in the order the home page groups them: what comes next first.
const HOME_STATUS_ORDER: [ThemeStatus; 4] = [
    ThemeStatus::Scheduled,
    ThemeStatus::Proposed,
    ThemeStatus::Discussed,
    ThemeStatus::Closed,
];

impl Site<'_> {
    /// What a list shows of `doc`, on a page one folder deep (see [`Entry`]).
    pub(super) fn entry(&self, doc: &Document) -> Entry {
        let lang = self.options.lang;
        let day = |date: Option<time::Date>| date.map(|d| long_date(lang, d)).unwrap_or_default();
        let word = |key: String, word: &'static str| Word {
            word,
            text: self.word(&key).unwrap_or(""),
        };
        let mut entry = Entry {
            title: title_of(doc),
            page: page_path(doc.kind, &doc.id),
            at_root: false,
            kind: doc.kind,
            status: None,
            date: None,
            summary_html: None,
            carriers: None,
            meta: Vec::new(),
            note: String::new(),
            lang,
        };
        entry.note = match &doc.data {
            Data::Theme(t) => {
                let status = self.kb.theme_status(&doc.id, t);
                entry.status = Some(word(format!("status_{status}"), status.as_str()));
                entry.summary_html = Some(super::markdown::inline(&t.summary));
                let carriers = t
                    .carriers
                    .iter()
                    .filter_map(|id| self.kb.get(DocKind::Organisation, id))
                    .map(title_of);
                entry.carriers = Some(carriers.collect());
                self.status_label(status).to_string()
            }
            Data::Session(s) => {
                if let Some(state) = self.kb.session_state(s) {
                    entry.status = Some(word(format!("state_{}", state.as_str()), state.as_str()));
                }
                entry.date = s.date;
                if let Some(start) = s.start {
                    let time = crate::kb::date::format_time(start);
                    entry.meta.push(match s.end {
                        Some(end) => format!("{time}–{}", crate::kb::date::format_time(end)),
                        None => time,
                    });
                }
                entry.meta.push(match &s.venue {
                    Some(venue) => format!("{venue}, {}", s.city),
                    None => s.city.clone(),
                });
                day(s.date)
            }
            Data::Retrospective(r) => {
                entry.date = r.published;
                entry.meta.push(r.authors.join(", "));
                day(r.published)
            }
            Data::Organisation(o) => {
                if let Some(kind) = &o.kind {
                    let text = self.word(&format!("kind_{kind}")).unwrap_or(kind);
                    entry.meta.push(text.to_string());
                }
                entry.meta.extend(o.city.clone());
                o.city.clone().unwrap_or_default()
            }
        };
        entry.meta.retain(|m| !m.is_empty());
        entry
    }

    fn status_label(&self, status: ThemeStatus) -> &'static str {
        self.word(&format!("status_{status}")).unwrap_or("")
    }

    /// `<folder>/index.html`: every document of `kind`, newest first where they have a day.
    pub fn index_page(&self, kind: DocKind) -> Result<OutFile> {
        let mut docs = in_default_order(self.kb, kind);
        if kind.newest_first() {
            docs.reverse();
        }
        let items = list(docs.into_iter().map(|doc| self.entry(doc)));
        let title = self.word(kind.folder()).unwrap_or(kind.folder());
        let html = self.render("list.html", "../", kind.folder(), title, context! { items })?;
        Ok(text_file(&super::site::index_path(kind), html))
    }

    /// Every tag by the slug of its page: its name as first written, and the documents
    /// that carry it.
    pub(super) fn tagged(&self) -> BTreeMap<String, (String, Vec<&Document>)> {
        let mut tags: BTreeMap<String, (String, Vec<&Document>)> = BTreeMap::new();
        for doc in &self.kb.documents {
            for tag in doc.data.tags() {
                tags.entry(tag_slug(tag))
                    .or_insert_with(|| (tag.clone(), Vec::new()))
                    .1
                    .push(doc);
            }
        }
        tags
    }

    /// `index.html`: upcoming sessions, recent retrospectives and the themes by status.
    pub fn home(&self) -> Result<OutFile> {
        let at_root = |doc: &Document| Entry {
            at_root: true,
            ..self.entry(doc)
        };
        let upcoming = in_default_order(self.kb, DocKind::Session)
            .into_iter()
            .filter(|d| match &d.data {
                Data::Session(s) => self.kb.session_state(s) == Some(SessionState::Planned),
                _ => false,
            })
            .map(at_root);
        let recent = in_default_order(self.kb, DocKind::Retrospective)
            .into_iter()
            .rev()
            .take(5)
            .map(at_root);
        let themes: Vec<(&Document, ThemeStatus)> = in_default_order(self.kb, DocKind::Theme)
            .into_iter()
            .filter_map(|d| match &d.data {
                Data::Theme(t) => Some((d, self.kb.theme_status(&d.id, t))),
                _ => None,
            })
            .collect();
        let statuses: Vec<Value> = HOME_STATUS_ORDER
            .into_iter()
            .filter(|status| themes.iter().any(|(_, s)| s == status))
            .map(|status| {
                let members = themes
                    .iter()
                    .filter(|(_, s)| *s == status)
                    .map(|(d, _)| Link {
                        title: title_of(d),
                        href: page_path(DocKind::Theme, &d.id),
                        id: Some(d.id.clone()),
                        note: None,
                    });
                context! { label => self.status_label(status), themes => list(members) }
            })
            .collect();
        let network = super::graph::graph(self.kb);
        let html = self.render(
            "home.html",
            "",
            "home",
            self.word("home").unwrap_or(""),
            context! {
                upcoming => list(upcoming),
                recent => list(recent),
                statuses,
                network_svg => super::graph::svg(&network, self.word("network_alt").unwrap_or("")),
                network_table => network_table(&network),
            },
        )?;
        Ok(text_file(super::site::HOME, html))
    }

    /// `tags/<slug>.html` of the tags in `only` (of every tag when `None`) that some
    /// document still carries, and `tags/index.html`.
    pub fn some_tag_pages(&self, sink: &Sink, only: Option<&BTreeSet<String>>) -> Result<()> {
        let tags = self.tagged();
        let mut index = Vec::new();
        for (slug, (name, docs)) in &tags {
            if only.is_none_or(|only| only.contains(slug)) {
                sink.write(self.tag_page(slug, name, docs)?)?;
            }
            index.push(Link {
                title: name.clone(),
                href: format!("{slug}.html"),
                id: None,
                note: Some(docs.len().to_string()),
            });
        }
        let html = self.render(
            "list.html",
            "../",
            "tags",
            self.word("tags").unwrap_or(""),
            context! { items => list(index) },
        )?;
        sink.write(text_file(super::site::TAG_INDEX, html))
    }

    /// The page of one tag: the documents that carry it, grouped by type.
    fn tag_page(&self, slug: &str, name: &str, docs: &[&Document]) -> Result<OutFile> {
        let mut entries: Vec<Entry> = docs.iter().map(|d| self.entry(d)).collect();
        entries.sort_by_key(|e| sort_key(&e.title));
        let items: Vec<(DocKind, Value)> = entries
            .into_iter()
            .map(|e| (e.kind, Value::from_object(e)))
            .collect();
        let groups: Vec<Value> = DocKind::ALL
            .iter()
            .filter(|kind| items.iter().any(|(k, _)| k == *kind))
            .map(|kind| {
                let members: Vec<Value> = items
                    .iter()
                    .filter(|(k, _)| k == kind)
                    .map(|(_, v)| v.clone())
                    .collect();
                context! { label => self.word(kind.folder()).unwrap_or(kind.folder()), items => members }
            })
            .collect();
        let items: Vec<Value> = items.into_iter().map(|(_, v)| v).collect();
        let title = format!("{}: {name}", self.word("tagged").unwrap_or(""));
        let html = self.render(
            "list.html",
            "../",
            "tags",
            &title,
            context! { items, groups },
        )?;
        Ok(text_file(&super::site::tag_path(slug), html))
    }
}

/// The network picture as a table, its text alternative: per organisation (by name) the
/// themes it carries and those it took part in a session about, each a [`Link`] from the
/// site's root.
fn network_table(g: &super::graph::Graph) -> Vec<Value> {
    let refs = |lines: &[(usize, usize)], org: usize| {
        let themes = lines
            .iter()
            .filter(|(o, _)| *o == org)
            .filter_map(|(_, t)| g.themes.get(*t));
        list(themes.map(|t| Link {
            title: t.label.clone(),
            href: format!("themes/{}.html", t.id),
            id: None,
            note: None,
        }))
    };
    g.organisations
        .iter()
        .enumerate()
        .map(|(i, o)| {
            context! {
                title => o.label.as_str(),
                href => format!("organisations/{}.html", o.id),
                carries => refs(&g.edges, i),
                took_part => refs(&g.took_part, i),
            }
        })
        .collect()
}
