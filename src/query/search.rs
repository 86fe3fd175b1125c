//! Full-text search over titles, summaries and bodies: BM25 with field weights (a title
//! hit outranks a body hit), case- and accent-insensitive, with a snippet of the match.

use rayon::prelude::*;
use serde::Serialize;

use crate::kb::{Data, DocKind, Document, KnowledgeBase};
use crate::text::{fold, words};

/// How much a term counts in each field.
const TITLE_WEIGHT: f64 = 5.0;
const SUMMARY_WEIGHT: f64 = 2.0;
const BODY_WEIGHT: f64 = 1.0;
/// BM25's term-frequency saturation and length normalisation.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The document's type.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// Its title (or name).
    pub title: String,
    /// The relevance score (higher is better).
    pub score: f64,
    /// Text around the first match.
    pub snippet: String,
}

/// The title (or name) and summary of a document.
pub fn title_and_summary(doc: &Document) -> (&str, &str) {
    match &doc.data {
        Data::Theme(t) => (&t.title, &t.summary),
        other => (other.title(), ""),
    }
}

/// Searches `kb` for `query`, restricted to `kind` if given: the best `limit` hits, best
/// first. Only those get a snippet.
pub fn search(kb: &KnowledgeBase, query: &str, kind: Option<DocKind>, limit: usize) -> Vec<Hit> {
    let terms: Vec<String> = words(query).map(|(_, w)| fold(w)).collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let docs: Vec<(&Document, Weighted)> = kb
        .documents
        .par_iter()
        .filter(|d| kind.is_none_or(|k| d.kind == k))
        .map(|d| (d, weigh(kb, d, &terms)))
        .collect();
    let n = docs.len() as f64;
    let avg_len = docs.iter().map(|(_, w)| w.len).sum::<f64>() / n.max(1.0);
    let idf: Vec<f64> = (0..terms.len())
        .map(|i| {
            let df = docs.iter().filter(|(_, w)| w.tf[i] > 0.0).count() as f64;
            ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
        })
        .collect();
    let mut scored: Vec<(&Document, f64)> = docs
        .into_iter()
        .filter(|(_, w)| w.tf.iter().any(|&tf| tf > 0.0))
        .map(|(doc, w)| {
            let norm = K1 * (1.0 - B + B * w.len / avg_len.max(1.0));
            let score = (0..terms.len())
                .map(|i| idf[i] * w.tf[i] * (K1 + 1.0) / (w.tf[i] + norm))
                .sum();
            (doc, score)
        })
        .collect();
    scored.par_sort_unstable_by(|(a, x), (b, y)| y.total_cmp(x).then_with(|| a.id.cmp(&b.id)));
    scored.truncate(limit);
    scored
        .into_iter()
        .map(|(doc, score)| {
            let (title, summary) = title_and_summary(doc);
            Hit {
                kind: doc.kind.name(),
                id: doc.id.clone(),
                title: title.to_string(),
                score,
                snippet: snippet(&[summary, body_text(kb, doc), title], &terms),
            }
        })
        .collect()
}

struct Weighted {
    /// Weighted frequency of each query term.
    tf: Vec<f64>,
    /// Weighted length in words.
    len: f64,
}

fn weigh(kb: &KnowledgeBase, doc: &Document, terms: &[String]) -> Weighted {
    let (title, summary) = title_and_summary(doc);
    let mut tf = vec![0.0; terms.len()];
    let mut len = 0.0;
    for (text, weight) in [
        (title, TITLE_WEIGHT),
        (summary, SUMMARY_WEIGHT),
        (body_text(kb, doc), BODY_WEIGHT),
    ] {
        for (_, word) in words(text) {
            len += weight;
            if let Some(i) = matching_term(word, terms) {
                tf[i] += weight;
            }
        }
    }
    Weighted { tf, len }
}

/// The index of the (folded) term that `word` folds to. Most words are ASCII, and those
/// are compared without folding them into a new string.
fn matching_term(word: &str, terms: &[String]) -> Option<usize> {
    if word.is_ascii() {
        terms.iter().position(|t| word.eq_ignore_ascii_case(t))
    } else {
        let folded = fold(word);
        terms.iter().position(|t| *t == folded)
    }
}

fn body_text<'a>(kb: &'a KnowledgeBase, doc: &Document) -> &'a str {
    kb.text(doc).get(doc.body_range.clone()).unwrap_or("")
}

/// About 40 characters either side of the first word that matches a term, on one line.
fn snippet(texts: &[&str], terms: &[String]) -> String {
    for text in texts {
        let found = words(text).find(|(_, w)| matching_term(w, terms).is_some());
        if let Some((at, word)) = found {
            return around(text, at, at + word.len());
        }
    }
    String::new()
}

fn around(text: &str, start: usize, end: usize) -> String {
    const CONTEXT: usize = 40;
    let before: Vec<char> = text[..start].chars().rev().take(CONTEXT).collect();
    let after: String = text[end..].chars().take(CONTEXT).collect();
    let before: String = before.into_iter().rev().collect();
    let lead = if before.len() < text[..start].len() {
        "…"
    } else {
        ""
    };
    let tail = if after.len() < text[end..].len() {
        "…"
    } else {
        ""
    };
    let line = format!("{lead}{before}{}{after}{tail}", &text[start..end]);
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::date::parse_date;

    fn kb() -> KnowledgeBase {
        let files = [
            (
                "content/themes/wob.md",
                "---\ntitle: Open Wob\nsummary: Besluiten openbaar.\n---\nDe raad leest mee.\n",
            ),
            (
                "content/themes/raad.md",
                "---\ntitle: Raadsinformatie\nsummary: Data van de raad.\n---\nOok de Wob komt langs, met veel meer tekst eromheen om de lengte op te voeren.\n",
            ),
            (
                "content/themes/cafe.md",
                "---\ntitle: Het café\nsummary: Praten.\n---\nKoffie.\n",
            ),
        ];
        KnowledgeBase::from_memory(&files, &[], parse_date("2020-01-01").expect("date"))
    }

    #[test]
    fn a_title_hit_outranks_a_body_hit() {
        let hits = search(&kb(), "wob", None, usize::MAX);
        let ids: Vec<_> = hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["wob", "raad"]);
        assert!(
            hits[1].snippet.contains("Wob komt langs"),
            "{}",
            hits[1].snippet
        );
    }

    #[test]
    fn accents_and_case_do_not_matter() {
        assert_eq!(search(&kb(), "CAFE", None, usize::MAX)[0].id, "cafe");
        assert_eq!(search(&kb(), "café", None, usize::MAX)[0].id, "cafe");
    }

    #[test]
    fn types_filter_and_nothing_found() {
        assert!(search(&kb(), "wob", Some(DocKind::Session), usize::MAX).is_empty());
        assert!(search(&kb(), "zwolle", None, usize::MAX).is_empty());
        assert!(search(&kb(), "  ", None, usize::MAX).is_empty());
    }

    #[test]
    fn the_limit_keeps_the_best_hits() {
        let all = search(&kb(), "raad wob", None, usize::MAX);
        assert_eq!(all.len(), 2);
        assert_eq!(search(&kb(), "raad wob", None, 1), all[..1]);
    }

    #[test]
    fn words_match_terms_folded_either_way() {
        let terms = ["cafe".to_string(), "wob".to_string()];
        assert_eq!(matching_term("Café", &terms), Some(0));
        assert_eq!(matching_term("WOB", &terms), Some(1));
        assert_eq!(matching_term("wobbel", &terms), None);
        assert_eq!(matching_term("straße", &["straße".to_string()]), Some(0));
    }

    #[test]
    fn snippets_are_short_and_on_one_line() {
        let text = format!("{}\nWob\n{}", "a ".repeat(100), "b ".repeat(100));
        let s = around(&text, 201, 204);
        assert!(
            s.starts_with('…') && s.ends_with('…') && s.contains("Wob"),
            "{s}"
        );
        assert!(!s.contains('\n'));
    }
}
