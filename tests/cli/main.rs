//! Integration tests: the real `pioneers` binary on fixture knowledge bases.
//! One test binary (fast to link), a module per command.

mod bad_input;
mod query;
mod reports;
mod support;
mod validate;
