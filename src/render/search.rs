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
use serde_json::{Value, json};

use super::output::Sink;
use super::site::{SEARCH_INDEX, SEARCH_SCRIPT, Site, page_path, text_file, title_of};
use crate::kb::Document;
use crate::query::search::title_and_summary;
use crate::text::{fold, words};

/// The script, as written (no build step, no dependencies).
const SCRIPT_TEXT: &str = include_str!("templates/search.js");

impl Site<'_> {
    /// Writes the search index and the script that reads it.
    pub(super) fn search(&self, sink: &Sink) -> Result<()> {
        // Each entry is written out as text as soon as it is made: the words as JSON values
        // would take ten times the memory.
        let entries: Vec<String> = self
            .kb
            .documents
            .par_iter()
            .map(|doc| Ok(serde_json::to_string(&self.search_entry(doc))?))
            .collect::<Result<_>>()?;
        let length = entries.iter().map(|e| e.len() + 1).sum::<usize>();
        let mut index = String::with_capacity(length + 16);
        index.push_str("{\"docs\":[");
        for (i, entry) in entries.iter().enumerate() {
            if i > 0 {
                index.push(',');
            }
            index.push_str(entry);
        }
        index.push_str("]}\n");
        sink.write(text_file(SEARCH_INDEX, index))?;
        sink.write(text_file(SEARCH_SCRIPT, SCRIPT_TEXT.to_string()))
    }

    /// One document in the index: `u` its page, `t` its title, `k` its type's name, `s` a
    /// short description (a list's meta line or summary), and `f` the folded unique words
    /// of its title, summary and text.
    fn search_entry(&self, doc: &Document) -> Value {
        let (title, summary) = title_and_summary(doc);
        let body = self.kb.text(doc).get(doc.body_range.clone()).unwrap_or("");
        let entry = self.entry(doc);
        let mut described: Vec<String> = Vec::new();
        if let Some(date) = entry["date"]["text"].as_str() {
            described.push(date.to_string());
        }
        if let Some(meta) = entry["meta"].as_array() {
            described.extend(meta.iter().filter_map(Value::as_str).map(str::to_string));
        }
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
        json!({
            "u": page_path(doc.kind, &doc.id),
            "t": title_of(doc),
            "k": self.word(doc.kind.folder()).unwrap_or(doc.kind.folder()),
            "s": described.join(" · "),
            "f": [title_words, summary_words, body_words],
        })
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
}
