//! The pages that list documents: one index per type, the home page, and a page per tag
//! with their index.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use serde_json::{Value, json};

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
    /// An entry of a list, from a page one folder deep: `{title, href, note}`, the note
    /// saying what matters most about it (a theme's status, a session's day…); and for the
    /// built-in list: `kind`, `status` (`{word, text}`: a theme's status, a session's
    /// state), `date` (`{iso, text}`), `meta` (short facts: time, place, authors, kind of
    /// organisation), `summary_html` (a theme's summary) and `carriers` (names).
    pub(super) fn entry(&self, doc: &Document) -> Value {
        let day = |date: Option<time::Date>| {
            date.map(|d| long_date(self.options.lang, d))
                .unwrap_or_default()
        };
        let dated = |date: Option<time::Date>| {
            date.map_or(Value::Null, |d| {
                json!({ "iso": crate::kb::date::format_date(d), "text": long_date(self.options.lang, d) })
            })
        };
        let word = |key: String, fallback: &str| json!({ "word": fallback, "text": self.word(&key).unwrap_or("").to_string() });
        let mut entry = json!({
            "title": title_of(doc),
            "href": format!("../{}", page_path(doc.kind, &doc.id)),
            "kind": doc.kind.name(),
        });
        let mut meta: Vec<String> = Vec::new();
        let note = match &doc.data {
            Data::Theme(t) => {
                let status = self.kb.theme_status(&doc.id, t);
                entry["status"] = word(format!("status_{status}"), status.as_str());
                entry["summary_html"] = json!(super::markdown::inline(&t.summary));
                let carriers: Vec<String> = t
                    .carriers
                    .iter()
                    .filter_map(|id| self.kb.get(DocKind::Organisation, id))
                    .map(title_of)
                    .collect();
                entry["carriers"] = json!(carriers);
                self.status_label(status).to_string()
            }
            Data::Session(s) => {
                if let Some(state) = self.kb.session_state(s) {
                    entry["status"] = word(format!("state_{}", state.as_str()), state.as_str());
                }
                entry["date"] = dated(s.date);
                if let Some(start) = s.start {
                    let time = crate::kb::date::format_time(start);
                    meta.push(match s.end {
                        Some(end) => format!("{time}–{}", crate::kb::date::format_time(end)),
                        None => time,
                    });
                }
                meta.push(match &s.venue {
                    Some(venue) => format!("{venue}, {}", s.city),
                    None => s.city.clone(),
                });
                day(s.date)
            }
            Data::Retrospective(r) => {
                entry["date"] = dated(r.published);
                meta.push(r.authors.join(", "));
                day(r.published)
            }
            Data::Organisation(o) => {
                if let Some(kind) = &o.kind {
                    meta.push(
                        self.word(&format!("kind_{kind}"))
                            .unwrap_or(kind)
                            .to_string(),
                    );
                }
                meta.extend(o.city.clone());
                o.city.clone().unwrap_or_default()
            }
        };
        meta.retain(|m| !m.is_empty());
        entry["meta"] = json!(meta);
        entry["note"] = json!(note);
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
        let items: Vec<Value> = docs.into_iter().map(|doc| self.entry(doc)).collect();
        let title = self.word(kind.folder()).unwrap_or(kind.folder());
        let html = self.render(
            "list.html",
            "../",
            kind.folder(),
            title,
            json!({ "items": items }),
        )?;
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
        let statuses: Vec<Value> = HOME_STATUS_ORDER
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
        let network = super::graph::graph(self.kb);
        let html = self.render(
            "home.html",
            "",
            "home",
            self.word("home").unwrap_or(""),
            json!({
                "upcoming": upcoming,
                "recent": recent,
                "statuses": statuses,
                "network_svg": super::graph::svg(&network, self.word("network_alt").unwrap_or("")),
                "network_table": network_table(&network),
            }),
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
            index.push(json!({ "title": name, "href": format!("{slug}.html"), "note": docs.len().to_string() }));
        }
        let html = self.render(
            "list.html",
            "../",
            "tags",
            self.word("tags").unwrap_or(""),
            json!({ "items": index }),
        )?;
        sink.write(text_file(super::site::TAG_INDEX, html))
    }

    /// The page of one tag: the documents that carry it, grouped by type.
    fn tag_page(&self, slug: &str, name: &str, docs: &[&Document]) -> Result<OutFile> {
        let mut items: Vec<Value> = docs.iter().map(|d| self.entry(d)).collect();
        items.sort_by_key(|v| sort_key(v["title"].as_str().unwrap_or("")));
        let groups: Vec<Value> = DocKind::ALL
            .iter()
            .map(|kind| {
                let members: Vec<&Value> =
                    items.iter().filter(|i| i["kind"] == kind.name()).collect();
                json!({ "label": self.word(kind.folder()).unwrap_or(kind.folder()), "items": members })
            })
            .filter(|g| g["items"].as_array().is_some_and(|a| !a.is_empty()))
            .collect();
        let title = format!("{}: {name}", self.word("tagged").unwrap_or(""));
        let html = self.render(
            "list.html",
            "../",
            "tags",
            &title,
            json!({ "items": items, "groups": groups }),
        )?;
        Ok(text_file(&super::site::tag_path(slug), html))
    }
}

/// The network picture as a table, its text alternative: per organisation (by name) the
/// themes it carries and those it took part in a session about, each `{title, href}` from
/// the site's root.
fn network_table(g: &super::graph::Graph) -> Vec<Value> {
    let refs = |lines: &[(usize, usize)], org: usize| -> Vec<Value> {
        lines
            .iter()
            .filter(|(o, _)| *o == org)
            .filter_map(|(_, t)| g.themes.get(*t))
            .map(|t| json!({ "title": t.label, "href": format!("themes/{}.html", t.id) }))
            .collect()
    };
    g.organisations
        .iter()
        .enumerate()
        .map(|(i, o)| {
            json!({
                "title": o.label,
                "href": format!("organisations/{}.html", o.id),
                "carries": refs(&g.edges, i),
                "took_part": refs(&g.took_part, i),
            })
        })
        .collect()
}
