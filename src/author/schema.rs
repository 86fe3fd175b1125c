//! `pioneers schema [TYPE]`: the JSON Schema (draft 2020-12) of front matter, generated
//! from the same field definitions the validator checks against, so that an editor flags
//! what `validate` flags. Where the two could drift they share the definition: patterns
//! are built from the validator's own character tests ([`char::is_whitespace`],
//! [`is_forbidden_in_value`]), and `tests/cli/differential/schema.rs` checks thousands of
//! front matters against both. What JSON Schema cannot say (two tags with one tag page,
//! references to documents that do not exist) only `validate` says.

use std::sync::OnceLock;

use serde_json::{Map, Value, json};

use crate::kb::schema::{DocKind, Field, FieldType, Unique, is_forbidden_in_value};

/// The draft every generated schema declares.
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The lowercase slug an id must be.
const SLUG: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// A session's id: its date, then a slug.
const SESSION_ID: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$";

/// `YYYY-MM-DD` (ASCII digits; `format: date` checks that the day exists).
const DATE: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// `HH:MM` on a 24-hour clock.
const TIME: &str = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

/// The schema of one type's front matter.
pub fn schema_of(kind: DocKind) -> Value {
    let mut map = object(kind.fields());
    map.insert("$schema".into(), json!(DRAFT));
    map.insert("title".into(), json!(format!("pioneers {kind}")));
    map.insert(
        "description".into(),
        json!(format!("Front matter of content/{}/<id>.md", kind.folder())),
    );
    Value::Object(map)
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

fn object(fields: &[Field]) -> Map<String, Value> {
    let properties: Map<String, Value> = fields
        .iter()
        .map(|f| (f.name.to_string(), Value::Object(property(f))))
        .collect();
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    let mut map = Map::new();
    map.insert("type".into(), json!("object"));
    map.insert("additionalProperties".into(), json!(false));
    map.insert("required".into(), json!(required));
    map.insert("properties".into(), json!(properties));
    map
}

/// The schema of one field: its type, and its description and limits.
fn property(field: &Field) -> Map<String, Value> {
    let mut map = of_type(field.ty, field.required);
    map.insert("description".into(), json!(field.doc));
    if let Some(max) = field.max_chars {
        map.insert("maxLength".into(), json!(max));
    }
    if let Some(max) = field.max_items {
        map.insert("maxItems".into(), json!(max));
    }
    if field.unique != Unique::No {
        // Exact values only: `Open` and `open` (one tag page) pass here; `validate` says.
        map.insert("uniqueItems".into(), json!(true));
    }
    map
}

/// The schema of a value of type `ty`. A value that is not `required` may also be null
/// (`venue:` with nothing after it is a field left out); a list item is always required.
fn of_type(ty: FieldType, required: bool) -> Map<String, Value> {
    let types = |names: &[&str]| {
        let mut names: Vec<&str> = names.to_vec();
        if !required {
            names.push("null");
        }
        match names.as_slice() {
            [one] => json!(one),
            _ => json!(names),
        }
    };
    let value = match ty {
        // An unquoted number is text as written (`title: 2017`); true/false is not.
        FieldType::String | FieldType::Text => json!({
            "type": types(&["string", "number"]),
            "pattern": if required { &patterns().filled_text } else { &patterns().text },
        }),
        FieldType::Date => json!({ "type": types(&["string"]), "format": "date", "pattern": DATE }),
        FieldType::Time => json!({ "type": types(&["string"]), "pattern": TIME }),
        FieldType::Url => json!({ "type": types(&["string"]), "pattern": &patterns().url }),
        FieldType::Bool => json!({ "type": types(&["boolean"]) }),
        FieldType::Enum(words) => {
            let mut choices: Vec<Value> = words.iter().map(|w| json!(w)).collect();
            if !required {
                choices.push(Value::Null);
            }
            json!({ "type": types(&["string"]), "enum": choices })
        }
        FieldType::Ref(DocKind::Session) => {
            json!({ "type": types(&["string"]), "pattern": SESSION_ID })
        }
        FieldType::Ref(_) => json!({ "type": types(&["string"]), "pattern": SLUG }),
        FieldType::List(item) => {
            let mut list = json!({ "type": types(&["array"]), "items": of_type(*item, true) });
            if required {
                list["minItems"] = json!(1);
            }
            list
        }
        FieldType::Object(fields) => return object(fields),
    };
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// The patterns built from the validator's character tests.
struct Patterns {
    /// Text without control characters.
    text: String,
    /// Text without control characters that is not empty or only spaces.
    filled_text: String,
    /// An absolute http(s) URL, as [`crate::kb::schema::is_web_url`] accepts it.
    url: String,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let forbidden = class_of(0, is_forbidden_in_value);
        let space = class_of(0, char::is_whitespace);
        // Beyond ASCII, a host may have any letter, but no space or control character.
        let beyond_ascii = class_of(0x80, |c| c.is_whitespace() || is_forbidden_in_value(c));
        let host_char = format!(r"(?:[A-Za-z0-9.:\[\]-]|[^\u0000-\u007F{beyond_ascii}])");
        let first_host_char = format!(r"(?:[A-Za-z0-9.\[\]-]|[^\u0000-\u007F{beyond_ascii}])");
        Patterns {
            text: format!("^[^{forbidden}]*$"),
            filled_text: format!("^[^{forbidden}]*[^{forbidden}{space}][^{forbidden}]*$"),
            url: format!(
                "^https?://(?:[^/?#{forbidden}{space}]*@)?{first_host_char}{host_char}*(?:[/?#][^{forbidden}{space}]*)?$"
            ),
        }
    })
}

/// The characters from `from` to the end of the Basic Multilingual Plane for which `test`
/// holds, as the inside of
/// a regular-expression class (`\u0009-\u000D\u0020…`). Whitespace and control characters
/// all lie in that plane (a unit test checks it).
fn class_of(from: u32, test: impl Fn(char) -> bool) -> String {
    let mut class = String::new();
    let mut run: Option<(u32, u32)> = None;
    fn close(run: Option<(u32, u32)>, class: &mut String) {
        match run {
            Some((first, last)) if first == last => class.push_str(&format!("\\u{first:04X}")),
            Some((first, last)) => class.push_str(&format!("\\u{first:04X}-\\u{last:04X}")),
            None => {}
        }
    }
    for code in from..=0xFFFF_u32 {
        let holds = char::from_u32(code).is_some_and(&test);
        run = match (holds, run) {
            (true, Some((first, last))) if last + 1 == code => Some((first, code)),
            (true, previous) => {
                close(previous, &mut class);
                Some((code, code))
            }
            (false, previous) => {
                close(previous, &mut class);
                None
            }
        };
    }
    close(run, &mut class);
    class
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
        assert_eq!(
            session["properties"]["cancelled"]["type"],
            json!(["boolean", "null"])
        );
        assert_eq!(session["properties"]["hosts"]["maxItems"], 500);
        assert_eq!(theme["properties"]["tags"]["maxItems"], 50);
        assert_eq!(theme["properties"]["links"]["maxItems"], 100);
        assert_eq!(theme["properties"]["title"].get("maxItems"), None);
    }

    #[test]
    fn optional_values_may_be_null_and_list_items_may_not() {
        let theme = schema_of(DocKind::Theme);
        assert_eq!(
            theme["properties"]["title"]["type"],
            json!(["string", "number"])
        );
        assert_eq!(
            theme["properties"]["status"]["enum"]
                .as_array()
                .and_then(|e| e.last()),
            Some(&Value::Null)
        );
        assert_eq!(
            theme["properties"]["tags"]["type"],
            json!(["array", "null"])
        );
        assert_eq!(
            theme["properties"]["tags"]["items"]["type"],
            json!(["string", "number"])
        );
        assert_eq!(theme["properties"]["tags"]["uniqueItems"], true);
        assert_eq!(theme["properties"]["carriers"]["uniqueItems"], true);
        let retro = schema_of(DocKind::Retrospective);
        assert_eq!(retro["properties"]["authors"].get("uniqueItems"), None);
    }

    #[test]
    fn character_classes_are_the_validator_s_tests() {
        assert_eq!(
            class_of(0, |c| c == 'a' || c == 'b' || c == 'd'),
            "\\u0061-\\u0062\\u0064"
        );
        let space = class_of(0, char::is_whitespace);
        assert!(
            space.starts_with("\\u0009-\\u000D\\u0020\\u0085\\u00A0"),
            "{space}"
        );
        assert!(space.ends_with("\\u3000"), "{space}");
        let forbidden = class_of(0, is_forbidden_in_value);
        assert_eq!(
            forbidden,
            "\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\uFFFE-\\uFFFF"
        );
        let beyond = (0x10000..=0x10FFFF).filter_map(char::from_u32);
        assert!(
            !beyond
                .clone()
                .any(|c| c.is_whitespace() || is_forbidden_in_value(c))
        );
    }

    #[test]
    fn all_types_in_one() {
        let all = schema_of_all();
        assert_eq!(all["$defs"].as_object().map(Map::len), Some(4));
    }
}
