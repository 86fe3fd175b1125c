//! Integration tests: the real `pioneers` binary on fixture knowledge bases.
//! One test binary (fast to link), a module per command.

mod adversarial;
mod author;
mod bad_input;
mod changed;
mod declared;
mod differential;
mod explain;
mod fix;
mod generator;
mod incremental;
mod lsp;
mod mv;
mod props;
mod query;
mod render;
mod render_calendars;
mod render_feed;
mod render_look;
mod render_opendata;
mod render_props;
mod reports;
mod serve;
mod ship;
mod slips_fix;
mod slips_values;
mod slips_yaml;
mod support;
mod validate;
