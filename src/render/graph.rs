//! The network as a graph: organisations and the themes they carry. Drawn as SVG for the
//! site, and printed as Graphviz dot or Mermaid by `pioneers graph`.

use std::fmt::Write;

use super::escape::escape_html;
use crate::kb::schema::is_slug;
use crate::kb::{Data, KnowledgeBase};
use crate::text::{escape_control, sort_key};

/// A node: an organisation or a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphNode {
    /// `org:<id>` or `theme:<id>`.
    pub key: String,
    /// The document id.
    pub id: String,
    /// Its name or title.
    pub label: String,
}

/// Organisations that carry something, themes, and who carries what.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Graph {
    /// Organisations, by name.
    pub organisations: Vec<GraphNode>,
    /// Themes, by title.
    pub themes: Vec<GraphNode>,
    /// (organisation index, theme index).
    pub edges: Vec<(usize, usize)>,
}

/// Builds the graph of `kb`, ordered so the same content gives the same picture.
pub fn graph(kb: &KnowledgeBase) -> Graph {
    let mut themes: Vec<(GraphNode, &[String])> = kb
        .documents
        .iter()
        .filter_map(|d| match &d.data {
            Data::Theme(t) => Some((node("theme", &d.id, &t.title), t.carriers.as_slice())),
            _ => None,
        })
        .collect();
    themes.sort_by_key(|(n, _)| (sort_key(&n.label), n.id.clone()));
    let mut organisations: Vec<GraphNode> = kb
        .documents
        .iter()
        .filter_map(|d| match &d.data {
            Data::Organisation(o) if themes.iter().any(|(_, c)| c.contains(&d.id)) => {
                Some(node("org", &d.id, &o.name))
            }
            _ => None,
        })
        .collect();
    organisations.sort_by_key(|n| (sort_key(&n.label), n.id.clone()));
    let mut edges = Vec::new();
    for (t, (_, carriers)) in themes.iter().enumerate() {
        for carrier in carriers.iter() {
            if let Some(o) = organisations.iter().position(|o| &o.id == carrier) {
                edges.push((o, t));
            }
        }
    }
    edges.sort_unstable();
    Graph {
        organisations,
        themes: themes.into_iter().map(|(n, _)| n).collect(),
        edges,
    }
}

fn node(prefix: &str, id: &str, label: &str) -> GraphNode {
    GraphNode {
        key: format!("{prefix}:{id}"),
        id: id.to_string(),
        label: if label.is_empty() {
            id.to_string()
        } else {
            label.to_string()
        },
    }
}

/// Graphviz dot.
pub fn dot(g: &Graph) -> String {
    let mut out = String::from("digraph network {\n  rankdir=LR;\n");
    for n in &g.organisations {
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\", shape=box];",
            dot_escape(&n.key),
            dot_escape(&n.label)
        );
    }
    for n in &g.themes {
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\", shape=ellipse];",
            dot_escape(&n.key),
            dot_escape(&n.label)
        );
    }
    for (o, t) in &g.edges {
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\";",
            dot_escape(&g.organisations[*o].key),
            dot_escape(&g.themes[*t].key)
        );
    }
    out.push_str("}\n");
    out
}

/// Text for inside a DOT double-quoted string: `\` and `"` escaped, a line break (LF, CR or
/// CRLF) as DOT's `\n`, and other control characters as visible `\u{…}` escapes (with the
/// backslash escaped, so Graphviz shows them as written and the terminal never sees them).
fn dot_escape(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {
                out.push_str(&escape_control(c.encode_utf8(&mut [0; 4])).replace('\\', "\\\\"))
            }
            c => out.push(c),
        }
    }
    out
}

/// Mermaid flowchart.
pub fn mermaid(g: &Graph) -> String {
    let mut out = String::from("graph LR\n");
    let shaped = g
        .organisations
        .iter()
        .enumerate()
        .map(|(i, n)| (mermaid_id(n, i), n, "[", "]"))
        .chain(
            g.themes
                .iter()
                .enumerate()
                .map(|(i, n)| (mermaid_id(n, i), n, "([", "])")),
        );
    for (id, n, open, close) in shaped {
        let _ = writeln!(out, "  {id}{open}\"{}\"{close}", mermaid_label(&n.label));
    }
    for (o, t) in &g.edges {
        let _ = writeln!(
            out,
            "  {} --> {}",
            mermaid_id(&g.organisations[*o], *o),
            mermaid_id(&g.themes[*t], *t)
        );
    }
    out
}

/// A Mermaid node id: `org_<id>` with hyphens as underscores for a slug id (readable, and
/// never two underscores in a row), else `org__<position>`, so an id with spaces, brackets
/// or quotes can neither break the syntax nor collide with another.
fn mermaid_id(node: &GraphNode, position: usize) -> String {
    let prefix = node.key.split(':').next().unwrap_or_default();
    if is_slug(&node.id) {
        format!("{prefix}_{}", node.id.replace('-', "_"))
    } else {
        format!("{prefix}__{position}")
    }
}

/// Text for inside a Mermaid `["…"]` label: the characters Mermaid or the HTML it makes
/// would read (`"`, `#`, `<`, `>`, `&`) as Mermaid entity codes (`#quot;`, `#35;`, …), a
/// line break as a space (a node is written on one line), and other control characters as
/// visible `\u{…}` escapes.
fn mermaid_label(text: &str) -> String {
    let text = text.replace("\r\n", " ").replace(['\n', '\r'], " ");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            c => out.push(c),
        }
    }
    escape_control(&out).into_owned()
}

/// An SVG: organisations on the left, themes on the right, a line for each carry; every
/// name links to its page. `title` and `desc` make it accessible.
pub fn svg(g: &Graph, title: &str) -> String {
    const ROW: usize = 30;
    const TOP: usize = 40;
    const WIDTH: usize = 760;
    const LEFT: usize = 250;
    const RIGHT: usize = 510;
    let rows = g.organisations.len().max(g.themes.len()).max(1);
    let height = TOP + rows * ROW + 10;
    let y = |i: usize, n: usize| TOP + i * ROW + (rows - n) * ROW / 2 + ROW / 2;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-labelledby=\"graph-title\">\n<title id=\"graph-title\">{}</title>\n<style>text{{font-family:system-ui,Arial,sans-serif;font-size:14px;fill:#1a1a1a}}line{{stroke:#5a7ea6;stroke-width:1.5}}</style>\n",
        escape_html(title)
    );
    for (o, t) in &g.edges {
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}\" y1=\"{}\" x2=\"{RIGHT}\" y2=\"{}\"/>",
            y(*o, g.organisations.len()) - 5,
            y(*t, g.themes.len()) - 5
        );
    }
    for (i, n) in g.organisations.iter().enumerate() {
        let _ = writeln!(
            out,
            "<a href=\"organisations/{}.html\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text></a>",
            n.id,
            LEFT - 8,
            y(i, g.organisations.len()),
            escape_html(&n.label)
        );
    }
    for (i, n) in g.themes.iter().enumerate() {
        let _ = writeln!(
            out,
            "<a href=\"themes/{}.html\"><text x=\"{}\" y=\"{}\">{}</text></a>",
            n.id,
            RIGHT + 8,
            y(i, g.themes.len()),
            escape_html(&n.label)
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::date::parse_date;

    fn kb() -> KnowledgeBase {
        let files = [
            (
                "content/organisations/u.md",
                "---\nname: Utrecht <&>\nkind: other\n---\n",
            ),
            (
                "content/organisations/z.md",
                "---\nname: Zwolle\nkind: other\n---\n",
            ),
            (
                "content/themes/w.md",
                "---\ntitle: \"Open \\\"Wob\\\"\"\nsummary: S\ncarriers: [u]\n---\n",
            ),
            (
                "content/themes/a.md",
                "---\ntitle: Alpha\nsummary: S\n---\n",
            ),
        ];
        KnowledgeBase::from_memory(&files, &[], parse_date("2020-01-01").expect("date"))
    }

    #[test]
    fn only_carrying_organisations_and_every_theme() {
        let g = graph(&kb());
        assert_eq!(g.organisations.len(), 1);
        assert_eq!(
            g.themes.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            ["a", "w"]
        );
        assert_eq!(g.edges, [(0, 1)]);
    }

    #[test]
    fn dot_escapes_quotes_backslashes_line_breaks_and_controls() {
        assert_eq!(
            dot_escape("a \"b\" c\\d\ne\r\nf\rg\u{1b}[31mh"),
            "a \\\"b\\\" c\\\\d\\ne\\nf\\ng\\\\u{1b}[31mh"
        );
    }

    #[test]
    fn mermaid_labels_use_entity_codes_on_one_line() {
        assert_eq!(
            mermaid_label("a \"b\"] --> x[\"#quot;<b>&\nc\r\nd\u{7}"),
            "a #quot;b#quot;] --#gt; x[#quot;#35;quot;#lt;b#gt;#amp; c d\\u{7}"
        );
    }

    #[test]
    fn odd_ids_get_safe_distinct_node_names() {
        let files = [
            (
                "content/organisations/a b\".md",
                "---\nname: A\nkind: other\n---\n",
            ),
            (
                "content/organisations/a-b.md",
                "---\nname: B\nkind: other\n---\n",
            ),
            (
                "content/themes/t\"].md",
                "---\ntitle: T\nsummary: S\ncarriers: [a b\", a-b]\n---\n",
            ),
        ];
        let kb = KnowledgeBase::from_memory(&files, &[], parse_date("2020-01-01").expect("date"));
        let g = graph(&kb);
        let m = mermaid(&g);
        assert!(m.contains("  org__0[\"A\"]\n"), "{m}");
        assert!(m.contains("  org_a_b[\"B\"]\n"), "{m}");
        assert!(m.contains("  theme__0([\"T\"])\n"), "{m}");
        assert!(m.contains("  org__0 --> theme__0\n"), "{m}");
        let d = dot(&g);
        assert!(d.contains("  \"theme:t\\\"]\" [label=\"T\""), "{d}");
        assert!(d.contains("  \"org:a b\\\"\" -> \"theme:t\\\"]\";"), "{d}");
    }

    #[test]
    fn formats_escape_labels() {
        let g = graph(&kb());
        assert!(dot(&g).contains("\"org:u\" -> \"theme:w\";"));
        assert!(dot(&g).contains("label=\"Open \\\"Wob\\\"\""));
        assert!(mermaid(&g).contains("org_u --> theme_w"));
        let svg = svg(&g, "Netwerk");
        assert!(svg.contains("Utrecht &lt;&amp;&gt;"));
        assert!(svg.contains("role=\"img\""));
    }
}
