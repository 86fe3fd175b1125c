//! `pioneers schema [TYPE]`: the JSON Schema of the front matter.

use std::io::Write;

use super::{EXIT_OK, Result};
use crate::author::schema::{schema_of, schema_of_all};
use crate::cli::SchemaArgs;

/// Prints the schema of one type, or of all four.
pub(super) fn run(args: &SchemaArgs, out: &mut dyn Write) -> Result {
    let schema = match args.kind {
        None => schema_of_all(),
        Some(kind) => schema_of(kind),
    };
    serde_json::to_writer_pretty(&mut *out, &schema)?;
    writeln!(out)?;
    Ok(EXIT_OK)
}
