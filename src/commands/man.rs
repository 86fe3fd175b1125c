//! `pioneers man`: the man page, made from the command line's own definition.

use std::io::Write;

use clap::CommandFactory;

use super::{EXIT_OK, Result};
use crate::cli::Cli;

/// Prints the man page (roff).
pub(super) fn run(out: &mut dyn Write) -> Result {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(EXIT_OK)
}
