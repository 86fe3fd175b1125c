//! What validation needs from a Markdown body: its links, images, heading anchors and raw
//! HTML, with byte offsets, read once with pulldown-cmark.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A link or image in a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyLink {
    /// The destination as written.
    pub dest: String,
    /// Byte range of the destination (or of the whole link) in the file.
    pub span: Range<usize>,
    /// Whether it is an image.
    pub image: bool,
}

/// The facts of one body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Body {
    /// Links and images, in order.
    pub links: Vec<BodyLink>,
    /// The anchor ids of its headings, as the rendered page has them.
    pub anchors: HashSet<String>,
    /// Byte ranges of raw HTML.
    pub html: Vec<Range<usize>>,
    /// Whether it has no visible text at all.
    pub is_blank: bool,
}

/// The Markdown dialect of DESIGN.md §2: CommonMark with GitHub's extensions.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Reads the body `text`, which starts at byte `base` of its file.
pub fn analyse(text: &str, base: usize) -> Body {
    let mut body = Body {
        is_blank: text.trim().is_empty(),
        ..Body::default()
    };
    let mut slugs = comrak::Anchorizer::new();
    let mut heading: Option<String> = None;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                body.links.push(link(text, base, &dest_url, range, false));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                body.links.push(link(text, base, &dest_url, range, true));
            }
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(title) = heading.take() {
                    body.anchors.insert(slugs.anchorize(&title));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(title) = heading.as_mut() {
                    title.push_str(&t);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                body.html.push(base + range.start..base + range.end);
            }
            _ => {}
        }
    }
    body
}

fn link(text: &str, base: usize, dest: &str, range: Range<usize>, image: bool) -> BodyLink {
    let written = &text[range.clone()];
    let span = match written.find(dest).filter(|_| !dest.is_empty()) {
        Some(at) => range.start + at..range.start + at + dest.len(),
        None => range,
    };
    BodyLink {
        dest: dest.to_string(),
        span: base + span.start..base + span.end,
        image,
    }
}

/// The anchor id of a heading, as the rendered page has it: comrak's own anchorizer (GitHub
/// style: lowercase, letters, digits, `-` and `_` kept, spaces become `-`), so an anchor that
/// validation accepts is exactly an id the page has. Repeated headings get `-1`, `-2`.
pub fn heading_anchor(title: &str) -> String {
    comrak::Anchorizer::new().anchorize(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_follow_github() {
        assert_eq!(heading_anchor("Wat ging er goed?"), "wat-ging-er-goed");
        assert_eq!(heading_anchor("Open Wob & de `Woo`"), "open-wob--de-woo");
        assert_eq!(heading_anchor("Één café"), "één-café");
    }

    #[test]
    fn repeated_headings_get_numbers() {
        let body = analyse("# A\n\n# A\n", 0);
        assert!(body.anchors.contains("a"));
        assert!(body.anchors.contains("a-1"));
    }

    #[test]
    fn links_images_and_html_have_file_offsets() {
        let text = "See [x](../themes/open-wob.md#top) and ![p](img.png) <b>x</b>\n";
        let body = analyse(text, 100);
        assert_eq!(body.links.len(), 2);
        let first = &body.links[0];
        assert_eq!(first.dest, "../themes/open-wob.md#top");
        assert_eq!(first.span.start - 100, text.find("../").expect("dest"));
        assert!(body.links[1].image);
        assert_eq!(body.html.len(), 2);
    }

    #[test]
    fn blank_bodies() {
        assert!(analyse("  \n\n", 0).is_blank);
        assert!(!analyse("Tekst", 0).is_blank);
    }
}
