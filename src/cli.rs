//! The command line: clap definitions only, no logic.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use time::Date;

use crate::kb::date::parse_date;

/// Keep, validate, query and render the knowledge of the Pioniersnetwerk Open Overheid.
#[derive(Debug, Parser)]
#[command(name = "pioneers", version, about, propagate_version = true)]
pub struct Cli {
    /// The knowledge-base root (default: the nearest folder upwards with pioneers.toml,
    /// else the working directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// The date that decides which sessions are planned and which held.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", env = "PIONEERS_TODAY", value_parser = parse_today)]
    pub today: Option<Date>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every document and report every problem with its file, line and column.
    #[command(after_help = VALIDATE_EXAMPLES)]
    Validate(ValidateArgs),
}

const VALIDATE_EXAMPLES: &str = "\
Examples:
  pioneers validate                          check the whole knowledge base
  pioneers validate content/themes/open-wob.md
                                             report on one file (all are still loaded)
  pioneers validate --format github          annotations on a pull request
  pioneers validate --format json | jq '.summary'
  pioneers validate --deny-warnings          fail on warnings too

Exit status: 0 no errors, 1 errors found (or warnings with --deny-warnings),
2 usage error or the knowledge base cannot be read.";

/// Options of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Report only on these files or folders (everything is still loaded to resolve
    /// references).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How to print the diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Exit with status 1 when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// Output formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style, with the source line and a caret; coloured on a terminal.
    Human,
    /// One JSON object with `diagnostics` and `summary`.
    Json,
    /// GitHub Actions workflow commands, one per diagnostic.
    Github,
}

fn parse_today(text: &str) -> Result<Date, String> {
    parse_date(text).ok_or_else(|| format!("`{text}` is not a date; write YYYY-MM-DD"))
}
