//! The pages of the site itself: `404.html` (what a host shows for an address that does
//! not exist; GitHub and GitLab Pages use it) and `toegankelijkheid.html`, the
//! accessibility statement, from a template the network fills in (`templates/statement.html`).

use anyhow::Result;

use super::output::Sink;
use super::site::{NOT_FOUND, STATEMENT, Site, text_file};

impl Site<'_> {
    /// Writes the not-found page and the accessibility statement.
    pub(super) fn info_pages(&self, sink: &Sink) -> Result<()> {
        // A host shows the not-found page at any depth, so its links start from the base
        // URL (`<base href>`) when there is one.
        let html = self.render(
            "404.html",
            "",
            "",
            self.word("not_found").unwrap_or(""),
            minijinja::context! { not_found => true },
        )?;
        sink.write(text_file(NOT_FOUND, html))?;
        let html = self.render(
            "statement.html",
            "",
            "statement",
            self.word("statement").unwrap_or(""),
            minijinja::context! {},
        )?;
        sink.write(text_file(STATEMENT, html))
    }
}
