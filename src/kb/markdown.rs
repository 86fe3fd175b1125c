//! What validation needs from a Markdown body: its links, images, heading anchors and raw
//! HTML, with byte offsets, read once with pulldown-cmark.
//!
//! The page is rendered by comrak (`render::markdown`), so what is read here follows what the
//! page will have: a heading's anchor comes from [`HeadingIds`], the one function both sides
//! call, on the heading's text flattened the way comrak flattens it; footnote definitions
//! that nothing refers to are left out (comrak drops them), and the others are read after
//! the rest of the body, in the order of their first reference (comrak moves them there).
//! `tests/cli/differential.rs` renders documents and checks that both sides agree.

use std::collections::{HashMap, HashSet};
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
    let mut reader = Reader {
        text,
        base,
        main: Vec::new(),
        footnotes: Vec::new(),
        open_footnotes: Vec::new(),
        references: Vec::new(),
        heading: None,
        html: Vec::new(),
    };
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        reader.read(event, range);
    }
    let mut body = Body {
        is_blank: text.trim().is_empty(),
        html: std::mem::take(&mut reader.html),
        ..Body::default()
    };
    reader.finish(&mut body);
    body
}

/// Something in a body that the page shows, in the order pulldown-cmark reads it.
enum Part {
    /// A link or image.
    Link(BodyLink),
    /// A heading, by its flattened text.
    Heading(String),
    /// A footnote definition, by its index in [`Reader::footnotes`].
    Footnote(usize),
}

/// A footnote definition and what is in it.
struct Footnote {
    /// Its label, normalised as comrak matches labels.
    label: String,
    /// Whether it is outside any other footnote definition: only those are moved to the end
    /// of the page (or dropped) by comrak; one inside another stays where it is.
    top_level: bool,
    parts: Vec<Part>,
}

/// The state of one pass over a body's events.
struct Reader<'a> {
    text: &'a str,
    base: usize,
    /// What is outside footnote definitions, in order.
    main: Vec<Part>,
    footnotes: Vec<Footnote>,
    /// The footnote definitions being read, innermost last.
    open_footnotes: Vec<usize>,
    /// The labels of footnote references, normalised, in the order they are written.
    references: Vec<String>,
    /// The text of the heading being read.
    heading: Option<String>,
    html: Vec<Range<usize>>,
}

impl Reader<'_> {
    fn read(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let link = link(self.text, self.base, &dest_url, range, false);
                self.push(Part::Link(link));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let link = link(self.text, self.base, &dest_url, range, true);
                self.push(Part::Link(link));
            }
            Event::Start(Tag::Heading { .. }) => self.heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(title) = self.heading.take() {
                    self.push(Part::Heading(title));
                }
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let index = self.footnotes.len();
                self.push(Part::Footnote(index));
                self.footnotes.push(Footnote {
                    label: footnote_label(&label),
                    top_level: self.open_footnotes.is_empty(),
                    parts: Vec::new(),
                });
                self.open_footnotes.push(index);
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                self.open_footnotes.pop();
            }
            Event::FootnoteReference(label) => self.references.push(footnote_label(&label)),
            Event::Text(t) | Event::Code(t) => {
                if let Some(title) = self.heading.as_mut() {
                    title.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(title) = self.heading.as_mut() {
                    title.push(' ');
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                self.html
                    .push(self.base + range.start..self.base + range.end);
            }
            _ => {}
        }
    }

    fn push(&mut self, part: Part) {
        match self.open_footnotes.last() {
            Some(&open) => match self.footnotes.get_mut(open) {
                Some(footnote) => footnote.parts.push(part),
                None => self.main.push(part),
            },
            None => self.main.push(part),
        }
    }

    /// Puts what was read into `body` in the order of the page: the main text (with footnote
    /// definitions that a later one of the same label replaces, which comrak leaves in
    /// place), then each referred-to footnote in the order of its first reference. Headings
    /// get their ids in that order, so repeated ones are numbered as on the page.
    fn finish(self, body: &mut Body) {
        let mut last: HashMap<&str, usize> = HashMap::new();
        for (index, footnote) in self.footnotes.iter().enumerate() {
            if footnote.top_level {
                last.insert(&footnote.label, index);
            }
        }
        let mut order: Vec<usize> = Vec::new();
        for label in &self.references {
            if let Some(&index) = last.get(label.as_str())
                && !order.contains(&index)
            {
                order.push(index);
            }
        }
        let moved = |index: usize| {
            self.footnotes
                .get(index)
                .is_some_and(|f| f.top_level && last.get(f.label.as_str()) == Some(&index))
        };
        let mut ids = HeadingIds::new();
        let mut out = Emit {
            reader: &self,
            moved: &moved,
            ids: &mut ids,
            body,
        };
        out.parts(&self.main);
        for index in order {
            if let Some(footnote) = self.footnotes.get(index) {
                out.parts(&footnote.parts);
            }
        }
    }
}

/// Writes parts to a [`Body`] in page order.
struct Emit<'r, 'b> {
    reader: &'r Reader<'r>,
    /// Whether a footnote definition is moved to the end of the page (or dropped).
    moved: &'r dyn Fn(usize) -> bool,
    ids: &'b mut HeadingIds,
    body: &'b mut Body,
}

impl Emit<'_, '_> {
    fn parts(&mut self, parts: &[Part]) {
        for part in parts {
            match part {
                Part::Link(link) => self.body.links.push(link.clone()),
                Part::Heading(title) => {
                    self.body.anchors.insert(self.ids.id(title));
                }
                Part::Footnote(index) if !(self.moved)(*index) => {
                    if let Some(footnote) = self.reader.footnotes.get(*index) {
                        self.parts(&footnote.parts);
                    }
                }
                Part::Footnote(_) => {}
            }
        }
    }
}

/// A footnote label as comrak matches it: trimmed, runs of whitespace as one space, and
/// lowercase.
fn footnote_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
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

/// The ids of one page's headings: the one heading-slug function that validation (which
/// anchors a link may name) and rendering (the `id` each heading gets) both call, so an
/// anchor that validation accepts is exactly an id the page has.
///
/// An id is GitHub's: the heading's text in lowercase, with letters, marks, digits, `_`
/// and `-` kept, each space turned into `-`, and everything else left out; a repeated id
/// gets `-1`, `-2`, … (comrak's anchorizer, which GitHub's previews follow too). Call
/// [`HeadingIds::id`] once per heading, in the order of the page.
#[derive(Debug, Default)]
pub struct HeadingIds(comrak::Anchorizer);

impl HeadingIds {
    /// Ids for a new page.
    pub fn new() -> Self {
        HeadingIds(comrak::Anchorizer::new())
    }

    /// The id of the next heading, whose text (flattened: text and code, a line break as
    /// one space) is `text`.
    pub fn id(&mut self, text: &str) -> String {
        self.0.anchorize(text)
    }
}

/// The anchor id of a single heading on its own page (see [`HeadingIds`]).
pub fn heading_anchor(title: &str) -> String {
    HeadingIds::new().id(title)
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
    fn a_line_break_in_a_heading_is_a_space() {
        let body = analyse("Twee regels\nin één kop\n===\n\n## Hard\\\nbreuk\n", 0);
        assert!(body.anchors.contains("twee-regels-in-één-kop"), "{body:?}");
        assert!(!body.anchors.contains("twee-regelsin-één-kop"));
    }

    #[test]
    fn footnotes_nobody_refers_to_are_not_on_the_page() {
        let body = analyse(
            "Tekst[^Noot]\n\n[^noot]: Zie [a](a.md)\n\n[^weg]: Zie [b](b.md)\n",
            0,
        );
        let dests: Vec<_> = body.links.iter().map(|l| l.dest.as_str()).collect();
        assert_eq!(dests, ["a.md"]);
    }

    #[test]
    fn footnotes_come_after_the_text_in_the_order_they_are_referred_to() {
        let text = "Eerst[^b] dan[^a]\n\n[^a]: [a](a.md)\n\n[^b]: [b](b.md)\n\n[c](c.md)\n";
        let body = analyse(text, 0);
        let dests: Vec<_> = body.links.iter().map(|l| l.dest.as_str()).collect();
        assert_eq!(dests, ["c.md", "b.md", "a.md"]);
    }

    #[test]
    fn heading_ids_number_repeats_in_page_order() {
        let mut ids = HeadingIds::new();
        assert_eq!(ids.id("A"), "a");
        assert_eq!(ids.id("A"), "a-1");
        assert_eq!(ids.id("A-1"), "a-1-1");
    }

    #[test]
    fn blank_bodies() {
        assert!(analyse("  \n\n", 0).is_blank);
        assert!(!analyse("Tekst", 0).is_blank);
    }
}
