//! `pioneers completions <SHELL>`: a completion script made from the command line's own
//! definition.

use std::io::Write;

use clap::CommandFactory;

use super::{EXIT_OK, Result};
use crate::cli::{Cli, CompletionsArgs};

/// Prints the completion script for `args.shell`.
pub(super) fn run(args: &CompletionsArgs, mut out: &mut dyn Write) -> Result {
    clap_complete::generate(args.shell, &mut Cli::command(), "pioneers", &mut out);
    Ok(EXIT_OK)
}
