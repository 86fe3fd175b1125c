//! Rendering: an accessible static website with feeds, calendar, data and a picture of the
//! network, from the same typed model the queries read.

mod data;
mod entry;
pub mod escape;
mod feed;
pub mod graph;
pub mod i18n;
pub mod ics;
mod info;
pub mod jsonld;
mod lists;
pub mod look;
pub mod markdown;
mod opendata;
pub mod output;
mod page;
mod search;
pub mod site;
pub mod templates;

pub use search::SearchIndex;
