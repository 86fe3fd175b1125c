//! `pioneers init [DIR]`: creates a knowledge base and lists what it wrote.

use crate::msg::Msg;
use std::io::Write;
use std::path::Path;

use super::{Context, EXIT_OK, Error, Result};
use crate::author::init::{Outcome, init};
use crate::cli::InitArgs;

/// Creates the knowledge base in `args.dir` (default: the working directory).
pub(super) fn run(context: &Context, args: &InitArgs, out: &mut dyn Write) -> Result {
    let dir = context
        .cwd()
        .join(args.dir.as_deref().unwrap_or(Path::new(".")));
    match init(&dir)? {
        Outcome::AlreadyThere(config) => Err(Error::Content(
            Msg::InitAlreadyThere(config.display().to_string()).text(context.lang()),
        )),
        Outcome::Created { written, kept } => {
            for file in written {
                writeln!(out, "created {file}")?;
            }
            for file in kept {
                writeln!(out, "kept    {file} (it existed)")?;
            }
            Ok(EXIT_OK)
        }
    }
}
