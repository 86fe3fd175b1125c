//! Querying: records of documents, filters, `--where`, sorting, search, the health report
//! and their output formats.

pub mod expr;
pub mod output;
pub mod record;
pub mod search;
pub mod show;
pub mod stats;

use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::kb::date::format_date;
use crate::kb::{DocKind, Document, FieldValue, KnowledgeBase, ThemeStatus};
use crate::text::sort_key;
use expr::Expr;
use record::{Kind, record};

/// A record: `id`, the front-matter fields and the derived ones.
pub type Record = Map<String, Value>;

/// A filter flag of `list`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Themes with this status.
    Status(ThemeStatus),
    /// Themes this organisation carries.
    Carrier(String),
    /// Documents with this tag.
    Tag(String),
    /// Sessions still to come.
    Upcoming,
    /// Sessions held.
    Past,
    /// Sessions this organisation hosts.
    Host(String),
    /// Sessions with this theme on the agenda.
    Theme(String),
    /// Sessions in this year.
    Year(i32),
    /// Retrospectives of this session.
    Session(String),
    /// Organisations of this kind.
    Kind(String),
}

impl Filter {
    /// Whether `record` passes.
    pub fn matches(&self, record: &Record) -> bool {
        let has = |field: &str, value: &str| {
            record
                .get(field)
                .and_then(Value::as_array)
                .is_some_and(|items| items.iter().any(|v| v.as_str() == Some(value)))
        };
        let is =
            |field: &str, value: &str| record.get(field).and_then(Value::as_str) == Some(value);
        match self {
            Filter::Status(s) => is("status", s.as_str()),
            Filter::Carrier(org) => has("carriers", org),
            Filter::Tag(tag) => has("tags", tag),
            Filter::Upcoming => is("state", "planned"),
            Filter::Past => is("state", "held"),
            Filter::Host(org) => has("hosts", org),
            Filter::Theme(theme) => has("themes", theme),
            Filter::Year(year) => {
                record.get("year").and_then(Value::as_i64) == Some(i64::from(*year))
            }
            Filter::Session(id) => is("session", id),
            Filter::Kind(kind) => is("kind", kind),
        }
    }

    /// The type and id this filter names, to check that it exists.
    pub fn reference(&self) -> Option<(DocKind, &str)> {
        match self {
            Filter::Carrier(id) | Filter::Host(id) => Some((DocKind::Organisation, id)),
            Filter::Theme(id) => Some((DocKind::Theme, id)),
            Filter::Session(id) => Some((DocKind::Session, id)),
            _ => None,
        }
    }
}

/// What `list` shows.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    /// The filter flags, all of which must hold.
    pub filters: Vec<Filter>,
    /// The `--where` expression.
    pub expr: Option<Expr>,
    /// The field to sort on; `None` for the type's default.
    pub sort: Option<String>,
    /// Reverse the order.
    pub reverse: bool,
    /// Show at most this many.
    pub limit: Option<usize>,
}

/// The records of every document of `kind`.
pub fn records(kb: &KnowledgeBase, kind: DocKind) -> Vec<Record> {
    kb.documents
        .par_iter()
        .filter(|d| d.kind == kind)
        .map(|d| record(kb, d))
        .collect()
}

/// The records of `kind` that pass `query`, sorted and limited.
pub fn list(kb: &KnowledgeBase, kind: DocKind, query: &ListQuery) -> Vec<Record> {
    let mut found: Vec<(&Document, Record)> = kb
        .documents
        .par_iter()
        .filter(|d| d.kind == kind)
        .map(|d| (d, record(kb, d)))
        .filter(|(_, r)| query.filters.iter().all(|f| f.matches(r)))
        .filter(|(_, r)| query.expr.as_ref().is_none_or(|e| e.matches(r)))
        .collect();
    match query.sort.as_deref() {
        Some(field) if field != kind.default_sort() => found
            .par_sort_by_cached_key(|(_, r)| (SortKey::of(r.get(field)), SortKey::of(r.get("id")))),
        _ => found.par_sort_by_cached_key(|(d, _)| default_key(d)),
    }
    if query.reverse {
        found.reverse();
    }
    if let Some(limit) = query.limit {
        found.truncate(limit);
    }
    found.into_iter().map(|(_, r)| r).collect()
}

/// The documents of `kind` in the order `list` gives them by default: on
/// [`DocKind::default_sort`], then on the id.
pub fn in_default_order(kb: &KnowledgeBase, kind: DocKind) -> Vec<&Document> {
    let mut docs: Vec<&Document> = kb.documents.iter().filter(|d| d.kind == kind).collect();
    docs.par_sort_by_cached_key(|d| default_key(d));
    docs
}

/// Where `doc` sorts on its type's [`DocKind::default_sort`] field, then on its id, read from the
/// typed model: the same key its record gives for that field.
fn default_key(doc: &Document) -> (SortKey, SortKey) {
    let text = |t: &str| SortKey::Text(sort_key(t));
    let field = doc.kind.default_sort();
    let first = match doc.data.value(field) {
        Some(FieldValue::Text(t) | FieldValue::OptText(Some(t))) => text(t),
        Some(FieldValue::Date(Some(d))) => text(&format_date(d)),
        _ => SortKey::Absent,
    };
    (first, text(&doc.id))
}

/// Whether `field` can be sorted on for `kind`.
pub fn is_field(kind: DocKind, field: &str) -> bool {
    record::fields(kind)
        .iter()
        .any(|(name, k)| *name == field && *k != Kind::Other)
}

/// Orders values: absent last, numbers by value, text by its Dutch sort key.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Number(i64),
    Text(String),
    Absent,
}

impl SortKey {
    fn of(value: Option<&Value>) -> Self {
        match value {
            None | Some(Value::Null) => SortKey::Absent,
            Some(Value::Number(n)) => SortKey::Number(n.as_i64().unwrap_or_default()),
            Some(Value::Array(items)) if items.is_empty() => SortKey::Absent,
            Some(v) => SortKey::Text(sort_key(&record::cell(v))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::date::parse_date;

    fn kb() -> KnowledgeBase {
        let files = [
            (
                "content/organisations/b.md",
                "---\nname: Émmen\nkind: other\n---\n",
            ),
            (
                "content/organisations/a.md",
                "---\nname: emmen\nkind: other\n---\n",
            ),
            ("content/organisations/c.md", "---\nkind: other\n---\n"),
            (
                "content/themes/z.md",
                "---\ntitle: Alpha\nsummary: S\n---\n",
            ),
            (
                "content/themes/y.md",
                "---\ntitle: alpha\nsummary: S\n---\n",
            ),
            (
                "content/sessions/2017-02-01-s.md",
                "---\ntitle: S\ndate: 2017-02-01\ncity: C\nhosts: [a]\n---\n",
            ),
            (
                "content/sessions/2017-01-01-s.md",
                "---\ntitle: S\ndate: 2017-01-01\ncity: C\nhosts: [a]\n---\n",
            ),
            (
                "content/sessions/2017-03-01-s.md",
                "---\ntitle: S\ndate: not-a-date\ncity: C\nhosts: [a]\n---\n",
            ),
            (
                "content/retrospectives/2017-01-01-s.md",
                "---\ntitle: R\nsession: 2017-01-01-s\npublished: 2017-01-02\nauthors: [X]\n---\nx\n",
            ),
            (
                "content/retrospectives/2017-02-01-s.md",
                "---\ntitle: R\nsession: 2017-02-01-s\nauthors: [X]\n---\nx\n",
            ),
        ];
        KnowledgeBase::from_memory(&files, &[], parse_date("2020-01-01").expect("date"))
    }

    #[test]
    fn the_typed_key_equals_the_record_key_on_the_default_field() {
        let kb = kb();
        for doc in &kb.documents {
            let rec = record(&kb, doc);
            let from_record = (
                SortKey::of(rec.get(doc.kind.default_sort())),
                SortKey::of(rec.get("id")),
            );
            assert_eq!(default_key(doc), from_record, "{}", doc.id);
        }
    }

    #[test]
    fn the_default_order_is_the_order_of_records_sorted_on_the_default_field() {
        let kb = kb();
        for kind in DocKind::ALL {
            let typed: Vec<&str> = in_default_order(&kb, kind)
                .iter()
                .map(|d| d.id.as_str())
                .collect();
            let mut by_record = records(&kb, kind);
            by_record.sort_by_cached_key(|r| {
                (
                    SortKey::of(r.get(kind.default_sort())),
                    SortKey::of(r.get("id")),
                )
            });
            let listed: Vec<&str> = by_record
                .iter()
                .map(|r| r["id"].as_str().unwrap_or_default())
                .collect();
            assert_eq!(typed, listed, "{kind:?}");
        }
    }
}
