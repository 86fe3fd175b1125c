//! What machines read: `data/<type>.json` (the records of `list --format json`) and
//! `sitemap.xml`.

use anyhow::Result;
use serde::Serializer;
use serde_json::{Value, json};

use super::output::{OutFile, Sink};
use super::site::{Site, page_path, text_file};
use crate::kb::{DocKind, Document};
use crate::query::record::record;

impl Site<'_> {
    /// `sitemap.xml`, only when the site has a base URL (a sitemap needs absolute ones).
    pub fn sitemap(&self) -> Result<Option<OutFile>> {
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
    pub fn data(&self, sink: &Sink) -> Result<()> {
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
