//! `feed.atom`: the newest retrospectives as an Atom feed. Links in an entry's content are
//! absolute when the site has a base URL (`#fragment` ones too, against the entry's page),
//! and each entry has `xml:base` (its page), so readers resolve the rest as the page would.

use anyhow::Result;
use minijinja::value::Serde;
use serde_json::{Value, json};

use super::markdown::to_html_in;
use super::output::OutFile;
use super::site::{Site, absolute, page_path, text_file, title_of};
use crate::kb::date::format_date;
use crate::kb::{Data, DocKind, Document};
use crate::query::in_default_order;

/// The newest retrospectives the feed carries, as feeds do (readers poll it).
const FEED_ENTRIES: usize = 50;

impl Site<'_> {
    /// The feed: absolute links when the site has a base URL, else relative ones and `urn:`
    /// ids.
    pub fn feed(&self) -> Result<OutFile> {
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
                    "title": title_of(doc),
                    "id": absolute(base, &page).unwrap_or_else(|| format!("urn:pioneers:retrospective:{}", doc.id)),
                    "href": absolute(base, &page).unwrap_or_else(|| page.clone()),
                    "updated": r.published.map(|d| format!("{}T00:00:00Z", format_date(d))),
                    "authors": r.authors,
                    "content": to_html_in(body, &|dest| self.feed_link(doc, dest, &page), self.options.lang),
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
            minijinja::context! { feed => Serde(&feed), entries => Serde(&entries) },
        )?;
        Ok(text_file(super::site::FEED, xml))
    }
}

impl Site<'_> {
    /// Where a link `dest` in the body of `doc` (whose page is `page`) points, for a feed
    /// entry: a document or file as on the page, a `#fragment` on the page itself. Absolute
    /// under the base URL when there is one; else relative to the page, as the entry's
    /// `xml:base` says. `None` leaves an absolute link as it is.
    fn feed_link(&self, doc: &Document, dest: &str, page: &str) -> Option<String> {
        let (from_root, from_page) = match dest.strip_prefix('#') {
            Some(_) => (format!("{page}{dest}"), dest.to_string()),
            None => {
                let from_page = self.rewrite(doc, dest)?;
                (from_page.trim_start_matches("../").to_string(), from_page)
            }
        };
        Some(absolute(self.options.base_url.as_deref(), &from_root).unwrap_or(from_page))
    }
}
