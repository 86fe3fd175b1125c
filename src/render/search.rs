//! Site search as progressive enhancement: `search.json`, a compact index written by
//! render, and `search.js`, which adds a search box to the header of every page and finds
//! documents as one types. Without JavaScript the site is as before (the box is never
//! shown). Words are folded as the terminal's `search` folds them (lowercase, accents
//! removed: `cafe` finds `café`), so the script only folds the query. Each query word must
//! begin a word of the document; a title match counts most, then the summary, then the
//! text. Links are relative to the script's own address, so the site works from any
//! sub-path.
//!
//! Why not Pagefind: it is a separate program (or a Node library), not a Rust library that
//! `render` can drive, and users must install nothing else. An index of unique folded
//! words per document is small enough to load at once for the sizes a network has (a few
//! kilobytes per document; measured in the README) and fast to scan as one types.

use std::collections::BTreeSet;

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use super::i18n::long_date;
use super::output::{OutFile, Sink};
use super::site::{SEARCH_INDEX, SEARCH_SCRIPT, Site, text_file};
use crate::kb::Document;
use crate::query::search::title_and_summary;
use crate::text::{fold, words};

/// The script, as written (no build step, no dependencies).
const SCRIPT_TEXT: &str = include_str!("templates/search.js");

/// How many documents one task of the search index writes: enough to keep both cores busy,
/// few enough strings to concatenate.
const DOCUMENTS_PER_TASK: usize = 256;

/// One document in the index: `u` its page, `t` its title, `k` its type's name, `s` a short
/// description (a list's meta line or summary), and `f` the folded unique words of its
/// title, summary and text.
#[derive(Serialize)]
struct SearchEntry<'a> {
    u: String,
    t: String,
    k: &'a str,
    s: String,
    f: [BTreeSet<String>; 3],
}

/// The search index as it is read: made a few hundred documents to a task, a few tasks per
/// thread at a time, so that it is never held whole (`serve` sends it so; `render` reads
/// it into its file). Each entry is written out as text as soon as it is made: the words
/// as JSON values would take ten times the memory.
pub struct SearchIndex<'a> {
    site: Site<'a>,
    /// The documents not yet in the index.
    rest: &'a [Document],
    /// What was made and not yet read, from `at`.
    made: Vec<u8>,
    at: usize,
    /// Whether the opening has been made, an entry, and the closing.
    opened: bool,
    entered: bool,
    closed: bool,
}

impl<'a> SearchIndex<'a> {
    pub(super) fn new(site: Site<'a>) -> Self {
        SearchIndex {
            site,
            rest: &site.kb.documents,
            made: Vec::new(),
            at: 0,
            opened: false,
            entered: false,
            closed: false,
        }
    }

    /// Makes the next part of the index; `false` once it is all made (and read).
    fn make_more(&mut self) -> Result<bool> {
        if self.closed {
            return Ok(false);
        }
        self.made.clear();
        self.at = 0;
        if !std::mem::replace(&mut self.opened, true) {
            self.made.extend_from_slice(b"{\"docs\":[");
        }
        let at_a_time = DOCUMENTS_PER_TASK * rayon::current_num_threads() * 2;
        let (now, later) = self.rest.split_at(at_a_time.min(self.rest.len()));
        let parts: Vec<Vec<u8>> = now
            .par_chunks(DOCUMENTS_PER_TASK)
            .map(|docs| self.site.search_entries(docs))
            .collect::<Result<_>>()?;
        for part in parts {
            // Every entry begins with a comma; the first one's is left out.
            let from = usize::from(!std::mem::replace(&mut self.entered, true));
            self.made
                .extend_from_slice(part.get(from..).unwrap_or_default());
        }
        self.rest = later;
        if later.is_empty() {
            self.made.extend_from_slice(b"]}\n");
            self.closed = true;
        }
        Ok(true)
    }
}

impl std::io::Read for SearchIndex<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.at >= self.made.len() {
            if !self.make_more().map_err(std::io::Error::other)? {
                return Ok(0);
            }
        }
        let made = self.made.get(self.at..).unwrap_or_default();
        let n = made.len().min(out.len());
        out[..n].copy_from_slice(&made[..n]);
        self.at += n;
        Ok(n)
    }
}

impl Site<'_> {
    /// Writes the search index and the script that reads it.
    pub(super) fn search(&self, sink: &Sink) -> Result<()> {
        // Room for about all of the text at once (the index is smaller: each word once per
        // document), so that it never grows by copying; what is left over is given back.
        let text: usize = self.kb.files.iter().map(|f| f.text.len()).sum();
        let mut index = Vec::with_capacity(text);
        std::io::Read::read_to_end(&mut SearchIndex::new(*self), &mut index)?;
        index.shrink_to_fit();
        sink.write(OutFile {
            path: SEARCH_INDEX.to_string(),
            bytes: index,
        })?;
        sink.write(text_file(SEARCH_SCRIPT, SCRIPT_TEXT.to_string()))
    }

    /// The entries of `docs` as JSON, each after a comma.
    fn search_entries(&self, docs: &[Document]) -> Result<Vec<u8>> {
        let mut text = Vec::new();
        for doc in docs {
            text.push(b',');
            serde_json::to_writer(&mut text, &self.search_entry(doc))?;
        }
        Ok(text)
    }

    /// The entry of `doc` in the index.
    fn search_entry(&self, doc: &Document) -> SearchEntry<'_> {
        let (title, summary) = title_and_summary(doc);
        let body = self.kb.text(doc).get(doc.body_range.clone()).unwrap_or("");
        let entry = self.entry(doc);
        let mut described: Vec<String> = Vec::new();
        described.extend(entry.date.map(|d| long_date(self.options.lang, d)));
        described.extend(entry.meta);
        if !summary.is_empty() {
            described.push(summary.to_string());
        }
        let title_words = folded_words(title);
        let summary_words: BTreeSet<String> = folded_words(summary)
            .difference(&title_words)
            .cloned()
            .collect();
        let body_words: BTreeSet<String> = folded_words(body)
            .into_iter()
            .filter(|w| !title_words.contains(w) && !summary_words.contains(w))
            .collect();
        SearchEntry {
            u: entry.page,
            t: entry.title,
            k: self.word(doc.kind.folder()).unwrap_or(doc.kind.folder()),
            s: described.join(" · "),
            f: [title_words, summary_words, body_words],
        }
    }
}

/// The unique folded words of `text` (letters and digits, as `search` splits them).
fn folded_words(text: &str) -> BTreeSet<String> {
    words(text).map(|(_, w)| fold(w)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_unique() {
        let words: Vec<String> = folded_words("Één café, CAFÉ; [link](../x.md)")
            .into_iter()
            .collect();
        assert_eq!(words, ["cafe", "een", "link", "md", "x"]);
    }

    #[test]
    fn the_index_read_a_few_bytes_at_a_time_over_many_parts_is_one_json_document() {
        use std::io::Read as _;
        let texts: Vec<(String, String)> = (0..2100)
            .map(|n| {
                let path = format!("content/themes/t{n:04}.md");
                (
                    path,
                    format!("---\ntitle: Thema {n}\nsummary: Over {n}.\n---\nWoord{n}\n"),
                )
            })
            .collect();
        let files: Vec<(&str, &str)> = texts
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let today = crate::kb::date::parse_date("2026-11-30").expect("a date");
        let kb = crate::kb::KnowledgeBase::from_memory(&files, &[], today);
        let options = super::super::site::SiteOptions {
            title: "T".into(),
            base_url: None,
            lang: super::super::i18n::Lang::Nl,
        };
        let words = super::super::i18n::words(options.lang);
        let words_value = minijinja::Value::from(minijinja::value::Serde(&words));
        let env = minijinja::Environment::new();
        let dates = std::collections::HashMap::new();
        let site = Site {
            kb: &kb,
            options: &options,
            env: &env,
            dates: &dates,
            words: &words,
            words_value: &words_value,
        };
        let mut index = SearchIndex::new(site);
        let (mut text, mut buffer) = (Vec::new(), [0; 7]);
        loop {
            let n = index.read(&mut buffer).expect("reads");
            if n == 0 {
                break;
            }
            text.extend_from_slice(&buffer[..n]);
        }
        let index: serde_json::Value = serde_json::from_slice(&text).expect("JSON");
        let docs = index["docs"].as_array().expect("docs");
        assert_eq!(docs.len(), 2100);
        assert_eq!(docs[0]["t"], "Thema 0");
        assert_eq!(docs[2099]["u"], "themes/t2099.html");
        let empty = crate::kb::KnowledgeBase::from_memory(&[], &[], today);
        let mut text = String::new();
        SearchIndex::new(Site { kb: &empty, ..site })
            .read_to_string(&mut text)
            .expect("reads");
        assert_eq!(text, "{\"docs\":[]}\n");
    }
}
