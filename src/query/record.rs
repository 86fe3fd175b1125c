//! A document as a record: `id`, every front-matter key of its type (null when absent) and
//! the derived fields. Filters, `--where`, sorting and every output format read records.

use serde_json::{Map, Value, json};

use crate::kb::date::format_date;
use crate::kb::schema::{DocKind, FieldType};
use crate::kb::{Data, Document, KnowledgeBase, Relation};

/// The kind of value a record field holds, for `--where` type checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text (also ids, enums and URLs).
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// `HH:MM`.
    Time,
    /// A number.
    Number,
    /// true or false.
    Bool,
    /// A list of text values.
    List,
    /// Anything nested (not comparable).
    Other,
}

/// The fields of a record of `kind`, in column order, with their kinds.
pub fn fields(kind: DocKind) -> Vec<(&'static str, Kind)> {
    let mut fields = vec![("id", Kind::Text)];
    for field in kind.fields() {
        let k = match field.ty {
            FieldType::Date => Kind::Date,
            FieldType::Time => Kind::Time,
            FieldType::Bool => Kind::Bool,
            FieldType::List(item) if item.is_scalar() => Kind::List,
            FieldType::List(_) | FieldType::Object(_) => Kind::Other,
            _ => Kind::Text,
        };
        fields.push((field.name, k));
    }
    fields.extend(derived(kind));
    fields
}

/// The derived fields of `kind`.
fn derived(kind: DocKind) -> Vec<(&'static str, Kind)> {
    match kind {
        DocKind::Organisation => vec![
            ("carries", Kind::List),
            ("hosted", Kind::List),
            ("attended", Kind::List),
        ],
        DocKind::Theme => vec![("sessions", Kind::List), ("retrospectives", Kind::List)],
        DocKind::Session => vec![
            ("state", Kind::Text),
            ("year", Kind::Number),
            ("retrospectives", Kind::List),
        ],
        DocKind::Retrospective => vec![],
    }
}

/// The record of `doc`.
pub fn record(kb: &KnowledgeBase, doc: &Document) -> Map<String, Value> {
    let id = doc.id.as_str();
    let related = |relation| kb.referrers(relation, id).collect::<Vec<_>>();
    let mut m = Map::new();
    m.insert("id".into(), json!(id));
    match &doc.data {
        Data::Organisation(o) => {
            m.insert("name".into(), json!(o.name));
            m.insert("kind".into(), json!(o.kind));
            m.insert("city".into(), json!(o.city));
            m.insert("website".into(), json!(o.website));
            m.insert("tags".into(), json!(o.tags));
            m.insert("carries".into(), json!(related(Relation::Carries)));
            m.insert("hosted".into(), json!(related(Relation::Hosted)));
            m.insert("attended".into(), json!(related(Relation::Attended)));
        }
        Data::Theme(t) => {
            m.insert("title".into(), json!(t.title));
            m.insert("summary".into(), json!(t.summary));
            m.insert("carriers".into(), json!(t.carriers));
            m.insert("proposed_by".into(), json!(t.proposed_by));
            m.insert("proposed_in".into(), json!(t.proposed_in));
            m.insert("status".into(), json!(kb.theme_status(id, t)));
            m.insert("related".into(), json!(t.related));
            m.insert("tags".into(), json!(t.tags));
            m.insert("links".into(), json!(t.links));
            m.insert("sessions".into(), json!(related(Relation::ThemeSessions)));
            m.insert(
                "retrospectives".into(),
                json!(related(Relation::ThemeRetrospectives)),
            );
        }
        Data::Session(s) => {
            let time =
                |t: Option<time::Time>| t.map(|t| format!("{:02}:{:02}", t.hour(), t.minute()));
            m.insert("title".into(), json!(s.title));
            m.insert("date".into(), json!(s.date.map(format_date)));
            m.insert("start".into(), json!(time(s.start)));
            m.insert("end".into(), json!(time(s.end)));
            m.insert("city".into(), json!(s.city));
            m.insert("venue".into(), json!(s.venue));
            m.insert("hosts".into(), json!(s.hosts));
            m.insert("themes".into(), json!(s.themes));
            m.insert("participants".into(), json!(s.participants));
            m.insert("cancelled".into(), json!(s.cancelled));
            m.insert("registration".into(), json!(s.registration));
            m.insert("state".into(), json!(kb.session_state(s)));
            m.insert("year".into(), json!(s.date.map(|d| d.year())));
            m.insert(
                "retrospectives".into(),
                json!(related(Relation::SessionRetrospectives)),
            );
        }
        Data::Retrospective(r) => {
            m.insert("title".into(), json!(r.title));
            m.insert("session".into(), json!(r.session));
            m.insert("published".into(), json!(r.published.map(format_date)));
            m.insert("authors".into(), json!(r.authors));
            m.insert("speakers".into(), json!(r.speakers));
            m.insert("themes_discussed".into(), json!(r.themes_discussed));
            m.insert("themes_proposed".into(), json!(r.themes_proposed));
            m.insert("next_session".into(), json!(r.next_session));
            m.insert("tags".into(), json!(r.tags));
        }
    }
    m
}

/// A record value as one line of text: lists joined with ", ", null as empty.
pub fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(", "),
        Value::Object(map) => map
            .get("name")
            .or_else(|| map.get("title"))
            .map(cell)
            .unwrap_or_else(|| value.to_string()),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_field_has_a_record_column() {
        use crate::kb::date::parse_date;
        let files = [
            (
                "content/organisations/a.md",
                "---\nname: A\nkind: other\n---\n",
            ),
            ("content/themes/t.md", "---\ntitle: T\nsummary: S\n---\n"),
            (
                "content/sessions/2017-01-01-s.md",
                "---\ntitle: S\ndate: 2017-01-01\ncity: C\nhosts: [a]\n---\n",
            ),
            (
                "content/retrospectives/2017-01-01-s.md",
                "---\ntitle: R\nsession: 2017-01-01-s\npublished: 2017-01-02\nauthors: [X]\n---\nx\n",
            ),
        ];
        let kb = KnowledgeBase::from_memory(&files, &[], parse_date("2020-01-01").expect("date"));
        for doc in &kb.documents {
            let rec = record(&kb, doc);
            let names: Vec<_> = fields(doc.kind).into_iter().map(|(n, _)| n).collect();
            let keys: Vec<_> = rec.keys().map(String::as_str).collect();
            assert_eq!(keys, names, "{:?}", doc.kind);
        }
    }
}
