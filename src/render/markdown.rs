//! Markdown to HTML: the only way HTML enters a page. comrak with GitHub's extensions and
//! heading ids; raw HTML is escaped, dangerous URLs dropped, links between documents turned
//! into links between pages, and headings moved so the highest is an h2 under the page's
//! own h1.
//! Each heading's `id` comes from [`HeadingIds`], the function validation names anchors
//! with, so a `#anchor` that `validate` accepts is an id on the page.

use std::fmt;
use std::sync::{Mutex, PoisonError};

use comrak::adapters::{HeadingAdapter, HeadingMeta};
use comrak::nodes::{NodeValue, Sourcepos};
use comrak::options::Plugins;
use comrak::{Arena, Options, format_html_with_plugins, parse_document};

use super::i18n::Lang;
use crate::kb::markdown::HeadingIds;

/// comrak's options for pages.
fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.tasklist = true;
    options.extension.footnotes = true;
    options.extension.autolink = true;
    options.render.r#unsafe = false;
    options.render.escape = true;
    options
}

/// Renders `markdown`; `rewrite` maps a link or image destination to the URL the page
/// should use (or `None` to keep it). Heading links are labelled in English.
pub fn to_html(markdown: &str, rewrite: &dyn Fn(&str) -> Option<String>) -> String {
    to_html_in(markdown, rewrite, Lang::En)
}

/// As [`to_html`], with heading links labelled in `lang`.
pub fn to_html_in(markdown: &str, rewrite: &dyn Fn(&str) -> Option<String>, lang: Lang) -> String {
    let arena = Arena::new();
    let options = options();
    // Content with errors can still be rendered (`--allow-errors`): the page stays valid.
    let markdown = crate::text::without_controls(markdown);
    let root = parse_document(&arena, &markdown, &options);
    // The body's highest heading becomes an h2, under the page's h1, whatever level the
    // author started at; the others keep their distance to it.
    let top = root
        .descendants()
        .filter_map(|node| match node.data().value {
            NodeValue::Heading(heading) => Some(heading.level),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    for node in root.descendants() {
        let mut data = node.data_mut();
        match &mut data.value {
            NodeValue::Link(link) | NodeValue::Image(link) => {
                if let Some(url) = rewrite(&link.url) {
                    link.url = url;
                }
            }
            NodeValue::Heading(heading) => heading.level = (heading.level + 2 - top).min(6),
            _ => {}
        }
    }
    let headings = Headings {
        label: super::i18n::words(lang)
            .get("heading_link")
            .copied()
            .unwrap_or_default(),
        ..Headings::default()
    };
    let mut plugins = Plugins::default();
    plugins.render.heading_adapter = Some(&headings);
    let mut html = String::new();
    if format_html_with_plugins(root, &options, &mut html, &plugins).is_err() {
        html.clear();
    }
    html
}

/// Writes each heading with the id [`HeadingIds`] gives its text, and a `#` link to itself
/// at its end (as comrak's own heading ids do).
#[derive(Default)]
struct Headings {
    ids: Mutex<HeadingIds>,
    /// The ids of the headings being written (one at a time; a stack to be safe).
    open: Mutex<Vec<String>>,
    /// What a heading's own link is called, before the heading's text ("Link to").
    label: &'static str,
}

impl HeadingAdapter for Headings {
    fn enter(
        &self,
        output: &mut dyn fmt::Write,
        heading: &HeadingMeta,
        _sourcepos: Option<Sourcepos>,
    ) -> fmt::Result {
        let id = self
            .ids
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .id(&heading.content);
        write!(output, "<h{} id=\"", heading.level)?;
        comrak::html::escape(output, &id)?;
        output.write_str("\">")?;
        self.open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(id);
        Ok(())
    }

    fn exit(&self, output: &mut dyn fmt::Write, heading: &HeadingMeta) -> fmt::Result {
        let id = self
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop()
            .unwrap_or_default();
        output.write_str("<a href=\"#")?;
        comrak::html::escape(output, &id)?;
        output.write_str("\" aria-label=\"")?;
        comrak::html::escape(output, self.label)?;
        output.write_str(" ‘")?;
        comrak::html::escape(output, &heading.content)?;
        writeln!(output, "’\" class=\"anchor\"></a></h{}>", heading.level)
    }
}

/// Renders one line of inline Markdown (a summary), without the paragraph around it.
pub fn inline(text: &str) -> String {
    // A summary has no headings, so the language of their links does not matter.
    let html = to_html(text, &|_| None);
    let trimmed = html.trim();
    trimmed
        .strip_prefix("<p>")
        .and_then(|t| t.strip_suffix("</p>"))
        .unwrap_or(trimmed)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(md: &str) -> String {
        to_html(md, &|_| None)
    }

    #[test]
    fn raw_html_is_escaped() {
        let html = plain(
            "Hallo <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">blok</div>\n",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img src=x"), "{html}");
        assert!(!html.contains("<div onclick"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn dangerous_urls_are_dropped() {
        for md in [
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](vbscript:msgbox)",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
        ] {
            let html = plain(md);
            assert!(
                !html.to_lowercase().contains("script:") && !html.contains("data:text"),
                "{md}: {html}"
            );
        }
    }

    #[test]
    fn headings_move_down_and_get_the_validator_s_ids() {
        let html = plain("# Wat ging goed?\n\n## Één café\n");
        assert!(html.contains("<h2 id=\"wat-ging-goed\">"), "{html}");
        let anchor = crate::kb::markdown::heading_anchor("Één café");
        assert!(html.contains(&format!("<h3 id=\"{anchor}\">")), "{html}");
    }

    #[test]
    fn a_heading_has_its_id_and_a_link_to_itself() {
        assert_eq!(
            plain("# Kop & \"zo\"\n"),
            "<h2 id=\"kop--zo\">Kop &amp; &quot;zo&quot;<a href=\"#kop--zo\" aria-label=\"Link to heading ‘Kop &amp; &quot;zo&quot;’\" class=\"anchor\"></a></h2>\n"
        );
    }

    #[test]
    fn a_heading_over_two_lines_has_the_id_validation_accepts() {
        let text = "Twee regels\nin één kop\n===\n\nTwee regels\nin één kop\n---\n";
        let html = plain(text);
        let anchors = crate::kb::markdown::analyse(text, 0).anchors;
        for id in ["twee-regels-in-één-kop", "twee-regels-in-één-kop-1"] {
            assert!(html.contains(&format!(" id=\"{id}\"")), "{html}");
            assert!(anchors.contains(id), "{anchors:?}");
        }
    }

    #[test]
    fn links_are_rewritten() {
        let html = to_html("[w](../themes/open-wob.md#aanpak)", &|url| {
            url.strip_suffix(".md#aanpak")
                .map(|p| format!("{p}.html#aanpak"))
        });
        assert!(
            html.contains("href=\"../themes/open-wob.html#aanpak\""),
            "{html}"
        );
    }

    #[test]
    fn heading_links_are_labelled_in_the_page_language() {
        let nl = to_html_in("# Aanpak & zo\n", &|_| None, Lang::Nl);
        assert!(
            nl.contains("aria-label=\"Link naar kop ‘Aanpak &amp; zo’\" class=\"anchor\""),
            "{nl}"
        );
        let en = to_html("# Approach\n", &|_| None);
        assert!(
            en.contains("aria-label=\"Link to heading ‘Approach’\""),
            "{en}"
        );
    }

    #[test]
    fn a_body_that_starts_at_h2_still_follows_the_page_h1() {
        let html = plain("## Wat ging goed?\n\n### Details\n\n## Wat kan beter?\n");
        assert!(html.contains("<h2 id=\"wat-ging-goed\">"), "{html}");
        assert!(html.contains("<h3 id=\"details\">"), "{html}");
        assert!(html.contains("<h2 id=\"wat-kan-beter\">"), "{html}");
    }

    #[test]
    fn github_extensions() {
        let html = plain("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~weg~~ - [x] klaar\n");
        assert!(html.contains("<table>") && html.contains("<del>"), "{html}");
    }

    #[test]
    fn inline_summaries() {
        assert_eq!(inline("Een *korte* zin."), "Een <em>korte</em> zin.");
    }
}
