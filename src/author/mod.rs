//! Authoring: `new` writes a document that validates, `init` a knowledge base, and
//! `schema` the JSON Schema of front matter.

pub mod init;
pub mod new;
pub mod schema;
mod yaml_out;
