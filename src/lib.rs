//! `pioneers`: keep, validate, query and render the knowledge of the Pioniersnetwerk Open
//! Overheid: Markdown files with YAML front matter in a git repository.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod author;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod explain;
pub mod fix;
pub mod git;
pub mod kb;
pub mod lang;
#[cfg(test)]
mod layering;
pub mod lsp;
pub mod msg;
pub mod query;
pub mod rename;
pub mod render;
pub mod report;
pub mod serve;
pub mod suggest;
pub mod text;
pub mod validate;

pub use commands::run;
