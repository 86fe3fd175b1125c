//! Rendering: an accessible static website with feeds, calendar, data and a picture of the
//! network, from the same typed model the queries read.

pub mod escape;
pub mod graph;
pub mod i18n;
pub mod ics;
pub mod jsonld;
pub mod markdown;
pub mod output;
pub mod site;
