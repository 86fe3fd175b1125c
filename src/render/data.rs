//! What machines read: `data/<type>.json` (the records of `list --format json`) and
//! `sitemap.xml`.

use anyhow::Result;
use serde::Serializer;
use serde_json::{Value, json};

use super::output::OutFile;
use super::site::{Site, page_path, text_file};
use crate::kb::{DocKind, Document};
use crate::query::record::record;

impl Site<'_> {
    /// `sitemap.xml`, only when the site has a base URL (a sitemap needs absolute ones):
    /// home, the index pages, every document's page, the tags index, every tag page and the
    /// accessibility statement; those made from documents with `lastmod` — when git last
    /// changed the document, or the newest of the documents a list shows.
    pub fn sitemap(&self) -> Result<Option<OutFile>> {
        let Some(base) = self.options.base_url.as_deref() else {
            return Ok(None);
        };
        let newest = |docs: &mut dyn Iterator<Item = &Document>| {
            docs.filter_map(|d| self.dates.get(self.kb.path(d)))
                .max()
                .cloned()
        };
        let url = |path: &str, lastmod: Option<String>| json!({ "loc": format!("{base}{path}"), "lastmod": lastmod });
        let all = &self.kb.documents;
        let mut urls: Vec<Value> = vec![url("index.html", newest(&mut all.iter()))];
        for kind in DocKind::ALL {
            let lastmod = newest(&mut all.iter().filter(|d| d.kind == kind));
            urls.push(url(&format!("{}/index.html", kind.folder()), lastmod));
        }
        let mut docs: Vec<&Document> = all.iter().collect();
        docs.sort_by_key(|d| page_path(d.kind, &d.id));
        urls.extend(docs.iter().map(|d| {
            url(
                &page_path(d.kind, &d.id),
                self.dates.get(self.kb.path(d)).cloned(),
            )
        }));
        let tags = self.tagged();
        let tagged = newest(&mut tags.values().flat_map(|(_, docs)| docs.iter().copied()));
        urls.push(url("tags/index.html", tagged));
        for (slug, (_, docs)) in &tags {
            urls.push(url(
                &super::site::tag_path(slug),
                newest(&mut docs.iter().copied()),
            ));
        }
        urls.push(url(super::site::STATEMENT, None));
        let xml = self.render(
            "sitemap.xml",
            "",
            "",
            "",
            minijinja::context! { urls => minijinja::value::Serde(&urls) },
        )?;
        Ok(Some(text_file(super::site::SITEMAP, xml)))
    }

    /// `data/<type>.json` of one type.
    pub fn data_of(&self, kind: DocKind) -> Result<OutFile> {
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
        Ok(OutFile {
            path: super::site::data_path(kind),
            bytes,
        })
    }
}
