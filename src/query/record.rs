//! A document as a record: `id`, every front-matter key of its type (null when absent) and
//! the derived fields. Filters, `--where`, sorting and every output format read records.

use serde_json::{Map, Value, json};

use crate::kb::date::{format_date, format_time};
use crate::kb::schema::{DocKind, FieldType, Shape};
use crate::kb::{Document, FieldValue, KnowledgeBase};

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

/// The fields of a record of `kind`, in column order, with their kinds: `id`, the declared
/// fields, the derived facts (a derived fact of the same name as a field, a theme's
/// effective `status`, takes the field's place).
pub fn fields(kind: DocKind) -> Vec<(&'static str, Kind)> {
    let mut fields = vec![("id", Kind::Text)];
    fields.extend(
        kind.fields()
            .iter()
            .map(|field| (field.name, field_kind(field.ty))),
    );
    for derived in kind.derived() {
        let k = match derived.shape() {
            Shape::Ids(_) => Kind::List,
            Shape::Word => Kind::Text,
            Shape::Number => Kind::Number,
        };
        match fields.iter_mut().find(|(name, _)| *name == derived.name) {
            Some(field) => field.1 = k,
            None => fields.push((derived.name, k)),
        }
    }
    fields
}

fn field_kind(ty: FieldType) -> Kind {
    match ty {
        FieldType::Date => Kind::Date,
        FieldType::Time => Kind::Time,
        FieldType::Bool => Kind::Bool,
        FieldType::List(item) if item.is_scalar() => Kind::List,
        FieldType::List(_) | FieldType::Object(_) => Kind::Other,
        _ => Kind::Text,
    }
}

/// The record of `doc`: its typed fields and derived facts, as JSON.
pub fn record(kb: &KnowledgeBase, doc: &Document) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), json!(doc.id));
    for (field, value) in doc.data.values() {
        m.insert(field.name.into(), to_json(&value));
    }
    // A key already there keeps its place (the map preserves insertion order).
    for (derived, value) in kb.derived(doc) {
        m.insert(derived.name.into(), to_json(&value));
    }
    m
}

/// A value of the model as JSON: dates `YYYY-MM-DD`, times `HH:MM`, absent values null.
pub fn to_json(value: &FieldValue<'_>) -> Value {
    match value {
        FieldValue::Text(text) => json!(text),
        FieldValue::OptText(text) => json!(text),
        FieldValue::List(items) => json!(items),
        FieldValue::Date(date) => json!(date.map(format_date)),
        FieldValue::Time(time) => json!(time.map(format_time)),
        FieldValue::Bool(yes) => json!(yes),
        FieldValue::Number(number) => json!(number),
        FieldValue::Objects(objects) => Value::Array(
            objects
                .iter()
                .map(|fields| {
                    Value::Object(
                        fields
                            .iter()
                            .map(|(field, value)| (field.name.to_string(), to_json(value)))
                            .collect(),
                    )
                })
                .collect(),
        ),
    }
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
