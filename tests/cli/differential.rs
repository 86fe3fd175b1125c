//! Differential tests: where two parts of the tool must agree, generate many inputs and check
//! that they do. Validation reads Markdown with pulldown-cmark while pages are rendered with
//! comrak (`markdown`); `validate` and the JSON Schema of `pioneers schema` judge the same
//! front matter (`schema`).

mod markdown;
mod schema;
