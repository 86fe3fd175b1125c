//! `pioneers lsp`: the editor server on standard input and output.

use std::io::Write;

use super::{Context, EXIT_OK, Result};
use crate::kb::date::system_today;
use crate::lsp::{Options, run as serve};

/// Serves the editor until it says `exit`.
pub(super) fn run(context: &Context, out: &mut dyn Write) -> Result {
    let options = Options {
        root: context.root.clone(),
        cwd: context.cwd().to_path_buf(),
        today: context.today.unwrap_or_else(system_today),
        lang_flag: context.lang_flag(),
    };
    let input = std::io::BufReader::new(std::io::stdin());
    serve(&options, input, out)?;
    Ok(EXIT_OK)
}
