//! Markdown to HTML: the only way HTML enters a page. comrak with GitHub's extensions and
//! heading ids; raw HTML is escaped, dangerous URLs dropped, links between documents turned
//! into links between pages, and headings moved one level down under the page's own h1.

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, format_html, parse_document};

/// comrak's options for pages.
fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.tasklist = true;
    options.extension.footnotes = true;
    options.extension.autolink = true;
    options.extension.header_id_prefix = Some(String::new());
    options.render.r#unsafe = false;
    options.render.escape = true;
    options
}

/// Renders `markdown`; `rewrite` maps a link or image destination to the URL the page
/// should use (or `None` to keep it).
pub fn to_html(markdown: &str, rewrite: &dyn Fn(&str) -> Option<String>) -> String {
    let arena = Arena::new();
    let options = options();
    // Content with errors can still be rendered (`--allow-errors`): the page stays valid.
    let markdown = crate::text::without_controls(markdown);
    let root = parse_document(&arena, &markdown, &options);
    for node in root.descendants() {
        let mut data = node.data_mut();
        match &mut data.value {
            NodeValue::Link(link) | NodeValue::Image(link) => {
                if let Some(url) = rewrite(&link.url) {
                    link.url = url;
                }
            }
            NodeValue::Heading(heading) => heading.level = (heading.level + 1).min(6),
            _ => {}
        }
    }
    let mut html = String::new();
    if format_html(root, &options, &mut html).is_err() {
        html.clear();
    }
    html
}

/// Renders one line of inline Markdown (a summary), without the paragraph around it.
pub fn inline(text: &str) -> String {
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
    fn github_extensions() {
        let html = plain("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~weg~~ - [x] klaar\n");
        assert!(html.contains("<table>") && html.contains("<del>"), "{html}");
    }

    #[test]
    fn inline_summaries() {
        assert_eq!(inline("Een *korte* zin."), "Een <em>korte</em> zin.");
    }
}
