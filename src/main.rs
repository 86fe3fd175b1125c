//! The `pioneers` binary: parse the command line and hand it to the library.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    pioneers::run(pioneers::cli::Cli::parse())
}
