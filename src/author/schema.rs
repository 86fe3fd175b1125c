//! `pioneers schema [TYPE]`: the JSON Schema (draft 2020-12) of front matter, generated
//! from the same field definitions the validator checks against.

use serde_json::{Map, Value, json};

use crate::kb::schema::{DocKind, Field, FieldType};

/// The draft every generated schema declares.
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The lowercase slug an id must be.
const SLUG: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The schema of one type's front matter.
pub fn schema_of(kind: DocKind) -> Value {
    let mut schema = object(kind.fields());
    let map = schema.as_object_mut().expect("object schemas are objects");
    map.insert("$schema".into(), json!(DRAFT));
    map.insert("title".into(), json!(format!("pioneers {kind}")));
    map.insert(
        "description".into(),
        json!(format!("Front matter of content/{}/<id>.md", kind.folder())),
    );
    schema
}

/// One schema for all four types: `$defs` per type, any of them.
pub fn schema_of_all() -> Value {
    let defs: Map<String, Value> = DocKind::ALL
        .iter()
        .map(|k| (k.name().to_string(), schema_of(*k)))
        .collect();
    let refs: Vec<Value> = DocKind::ALL
        .iter()
        .map(|k| json!({ "$ref": format!("#/$defs/{}", k.name()) }))
        .collect();
    json!({
        "$schema": DRAFT,
        "title": "pioneers front matter",
        "$defs": defs,
        "anyOf": refs,
    })
}

fn object(fields: &[Field]) -> Value {
    let properties: Map<String, Value> = fields
        .iter()
        .map(|f| {
            let mut schema = of_type(f.ty, f.required);
            if let Some(map) = schema.as_object_mut() {
                map.insert("description".into(), json!(f.doc));
                if let Some(max) = f.max_chars {
                    map.insert("maxLength".into(), json!(max));
                }
                if let Some(max) = f.max_items {
                    map.insert("maxItems".into(), json!(max));
                }
            }
            (f.name.to_string(), schema)
        })
        .collect();
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
    })
}

fn of_type(ty: FieldType, required: bool) -> Value {
    let min = usize::from(required);
    match ty {
        FieldType::String | FieldType::Text => json!({ "type": "string", "minLength": min }),
        FieldType::Date => {
            json!({ "type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$" })
        }
        FieldType::Time => json!({ "type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d$" }),
        FieldType::Url => {
            json!({ "type": "string", "format": "uri", "pattern": "^https?://[^\\s/]+" })
        }
        FieldType::Bool => json!({ "type": "boolean" }),
        FieldType::Enum(words) => json!({ "type": "string", "enum": words }),
        FieldType::Ref(DocKind::Session) => {
            json!({ "type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*$" })
        }
        FieldType::Ref(_) => json!({ "type": "string", "pattern": SLUG }),
        FieldType::List(item) => {
            json!({ "type": "array", "items": of_type(*item, true), "minItems": min })
        }
        FieldType::Object(fields) => object(fields),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_keys_enums_and_limits_come_from_the_field_definitions() {
        let theme = schema_of(DocKind::Theme);
        assert_eq!(theme["required"], json!(["title", "summary"]));
        assert_eq!(theme["properties"]["summary"]["maxLength"], 200);
        assert_eq!(theme["properties"]["status"]["enum"][0], "proposed");
        assert_eq!(
            theme["properties"]["links"]["items"]["required"],
            json!(["title", "url"])
        );
        let session = schema_of(DocKind::Session);
        assert_eq!(session["properties"]["hosts"]["minItems"], 1);
        assert_eq!(session["properties"]["cancelled"]["type"], "boolean");
        assert_eq!(session["properties"]["hosts"]["maxItems"], 500);
        assert_eq!(theme["properties"]["tags"]["maxItems"], 50);
        assert_eq!(theme["properties"]["links"]["maxItems"], 100);
        assert_eq!(theme["properties"]["title"].get("maxItems"), None);
    }

    #[test]
    fn all_types_in_one() {
        let all = schema_of_all();
        assert_eq!(all["$defs"].as_object().map(Map::len), Some(4));
    }
}
