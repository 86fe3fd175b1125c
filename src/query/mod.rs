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

use crate::kb::{DocKind, KnowledgeBase};
use crate::text::sort_key;
use expr::Expr;
use record::{Kind, record};

/// A record: `id`, the front-matter fields and the derived ones.
pub type Record = Map<String, Value>;

/// A filter flag of `list`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Themes with this status.
    Status(String),
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
            Filter::Status(s) => is("status", s),
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

/// The field each type sorts on by default.
pub fn default_sort(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Organisation => "name",
        DocKind::Theme => "title",
        DocKind::Session => "date",
        DocKind::Retrospective => "published",
    }
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
    let mut found: Vec<Record> = records(kb, kind)
        .into_par_iter()
        .filter(|r| query.filters.iter().all(|f| f.matches(r)))
        .filter(|r| query.expr.as_ref().is_none_or(|e| e.matches(r)))
        .collect();
    let field = query.sort.as_deref().unwrap_or(default_sort(kind));
    found.par_sort_by_cached_key(|r| (SortKey::of(r.get(field)), SortKey::of(r.get("id"))));
    if query.reverse {
        found.reverse();
    }
    if let Some(limit) = query.limit {
        found.truncate(limit);
    }
    found
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
