//! The network as a graph: organisations and the themes they carry. Drawn as SVG for the
//! site, and printed as Graphviz dot or Mermaid by `pioneers graph`.

use std::collections::{BTreeSet, HashMap};
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

/// Every organisation, every theme, who carries what, and who took part (hosting or
/// attending) in a session with a theme on its agenda.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Graph {
    /// Organisations, by name.
    pub organisations: Vec<GraphNode>,
    /// Themes, by title.
    pub themes: Vec<GraphNode>,
    /// (organisation index, theme index): the organisation carries the theme.
    pub edges: Vec<(usize, usize)>,
    /// (organisation index, theme index): the organisation hosted or attended a session
    /// with the theme on its agenda, and does not carry it.
    pub took_part: Vec<(usize, usize)>,
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
            Data::Organisation(o) => Some(node("org", &d.id, &o.name)),
            _ => None,
        })
        .collect();
    organisations.sort_by_key(|n| (sort_key(&n.label), n.id.clone()));
    let org_at: HashMap<&str, usize> = organisations
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let theme_at: HashMap<&str, usize> = themes
        .iter()
        .enumerate()
        .map(|(i, (t, _))| (t.id.as_str(), i))
        .collect();
    let mut edges = BTreeSet::new();
    for (t, (_, carriers)) in themes.iter().enumerate() {
        for carrier in carriers.iter() {
            if let Some(&o) = org_at.get(carrier.as_str()) {
                edges.insert((o, t));
            }
        }
    }
    let mut took_part = BTreeSet::new();
    for doc in &kb.documents {
        let Data::Session(s) = &doc.data else {
            continue;
        };
        for org in s.hosts.iter().chain(&s.participants) {
            for theme in &s.themes {
                if let (Some(&o), Some(&t)) =
                    (org_at.get(org.as_str()), theme_at.get(theme.as_str()))
                    && !edges.contains(&(o, t))
                {
                    took_part.insert((o, t));
                }
            }
        }
    }
    Graph {
        organisations,
        themes: themes.into_iter().map(|(n, _)| n).collect(),
        edges: edges.into_iter().collect(),
        took_part: took_part.into_iter().collect(),
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

/// The font size of the picture's labels, in pixels.
const FONT: f64 = 14.0;
/// The distance between two labels of a column, in pixels.
const ROW: f64 = 24.0;
/// Room above the first and below the last label.
const MARGIN: f64 = 16.0;
/// Between a label and its column's line ends.
const GAP: f64 = 8.0;
/// The width of the band of lines between the two columns.
const BAND: f64 = 240.0;

/// How wide `text` is at most in the picture's font, in pixels: a generous width per
/// character (wide for capitals, wider for CJK and emoji), so a label always fits the room
/// made for it whatever sans-serif font draws it.
pub fn label_width(text: &str) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            ' ' | '.' | ',' | ':' | ';' | '\'' | '|' | 'i' | 'l' | 'j' | 'f' | 't' | 'I' => 0.4,
            'm' | 'w' | 'M' | 'W' | '@' => 1.0,
            c if c.is_ascii_lowercase() || c.is_ascii_digit() => 0.62,
            c if c.is_ascii() => 0.78,
            c if (c as u32) < 0x2e80 => 0.8,
            _ => 1.25,
        })
        .sum();
    ems * FONT
}

/// A coordinate as written: at most one decimal, none when whole.
fn px(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// Where each node of one column goes: the positions (0 = top) of its nodes.
type Order = Vec<usize>;

/// A deterministic order of both columns with few crossing lines: barycentric sweeps (each
/// node moves to the mean position of its neighbours in the other column), keeping the best
/// order seen. Nodes without lines go last, by name. Returns the position of each
/// organisation and of each theme.
pub fn layout(g: &Graph) -> (Order, Order) {
    let lines: Vec<(usize, usize)> = g.edges.iter().chain(&g.took_part).copied().collect();
    let mut orgs: Order = (0..g.organisations.len()).collect();
    let mut themes: Order = (0..g.themes.len()).collect();
    let mut best = (
        crossings(&lines, &orgs, &themes),
        orgs.clone(),
        themes.clone(),
    );
    for _ in 0..12 {
        themes = barycentric(&themes, &orgs, lines.iter().map(|&(o, t)| (t, o)));
        orgs = barycentric(&orgs, &themes, lines.iter().copied());
        let count = crossings(&lines, &orgs, &themes);
        if count < best.0 {
            best = (count, orgs.clone(), themes.clone());
        }
    }
    (best.1, best.2)
}

/// New positions for one column: each node by the mean position of its neighbours in the
/// other (`lines` as (this column, other column)), ties by its current position; nodes
/// without neighbours after all others, in their current order.
fn barycentric(
    current: &Order,
    other: &Order,
    lines: impl Iterator<Item = (usize, usize)>,
) -> Order {
    let mut sums = vec![(0.0_f64, 0_usize); current.len()];
    for (this, that) in lines {
        if let (Some(sum), Some(&at)) = (sums.get_mut(this), other.get(that)) {
            sum.0 += at as f64;
            sum.1 += 1;
        }
    }
    let mut nodes: Vec<usize> = (0..current.len()).collect();
    let key = |n: usize| match sums[n] {
        (_, 0) => (1, 0.0, current[n]),
        (sum, count) => (0, sum / count as f64, current[n]),
    };
    nodes.sort_by(|&a, &b| {
        let (ka, kb) = (key(a), key(b));
        ka.0.cmp(&kb.0)
            .then(ka.1.total_cmp(&kb.1))
            .then(ka.2.cmp(&kb.2))
    });
    let mut positions = vec![0; current.len()];
    for (position, node) in nodes.into_iter().enumerate() {
        positions[node] = position;
    }
    positions
}

/// How many pairs of lines cross, for lines between positions `orgs` and `themes`: the
/// inversions of the themes' positions once the lines are sorted by the organisations',
/// counted by merge sort (O(E log E), so a large network stays fast).
pub fn crossings(lines: &[(usize, usize)], orgs: &Order, themes: &Order) -> u64 {
    let mut placed: Vec<(usize, usize)> = lines
        .iter()
        .filter_map(|&(o, t)| Some((*orgs.get(o)?, *themes.get(t)?)))
        .collect();
    placed.sort_unstable();
    let mut ends: Vec<usize> = placed.into_iter().map(|(_, t)| t).collect();
    inversions(&mut ends)
}

/// Sorts `values` and returns how many pairs were out of order (strictly).
fn inversions(values: &mut [usize]) -> u64 {
    if values.len() < 2 {
        return 0;
    }
    let (len, middle) = (values.len(), values.len() / 2);
    let (left, right) = values.split_at_mut(middle);
    let mut count = inversions(left) + inversions(right);
    let mut merged = Vec::with_capacity(len);
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if right[j] < left[i] {
            count += (left.len() - i) as u64;
            merged.push(right[j]);
            j += 1;
        } else {
            merged.push(left[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&left[i..]);
    merged.extend_from_slice(&right[j..]);
    values.copy_from_slice(&merged);
    count
}

/// An SVG: organisations on the left, themes on the right, ordered by [`layout`]; a solid
/// line for each theme an organisation carries, a dashed one for a theme it took part in a
/// session about. Every label is a link to its page (focusable), and the picture is as
/// wide as its longest labels, so none is cut off. `title` names it for assistive
/// technology; links are relative to the site's root.
pub fn svg(g: &Graph, title: &str) -> String {
    let (org_at, theme_at) = layout(g);
    // A line to a node that is not there (a graph built by hand) goes to the top.
    let at = |order: &Order, node: usize| order.get(node).copied().unwrap_or(0);
    let widest = |nodes: &[GraphNode]| {
        nodes
            .iter()
            .map(|n| label_width(&n.label))
            .fold(0.0, f64::max)
    };
    let left = (MARGIN + widest(&g.organisations) + GAP).ceil();
    let right = left + BAND;
    let width = (right + GAP + widest(&g.themes) + MARGIN).ceil();
    let rows = g.organisations.len().max(g.themes.len()).max(1);
    let height = (2.0 * MARGIN + rows as f64 * ROW).ceil();
    // Each column centred in the height; y is the label's baseline.
    let y = |position: usize, count: usize| {
        MARGIN + (rows - count) as f64 * ROW / 2.0 + position as f64 * ROW + ROW / 2.0 + FONT / 3.0
    };
    let line_y = |position: usize, count: usize| y(position, count) - FONT / 3.0;
    let (orgs, themes) = (g.organisations.len(), g.themes.len());
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" aria-labelledby=\"graph-title\">\n<title id=\"graph-title\">{}</title>\n<style>text{{font-family:system-ui,Arial,sans-serif;font-size:{FONT}px;fill:#1a1a1a}}a:hover text,a:focus text{{fill:#01689b;text-decoration:underline}}line{{stroke:#5a7ea6;stroke-width:1.5}}line.took-part{{stroke-dasharray:4 3;stroke-width:1;stroke-opacity:.45}}</style>\n",
        escape_html(title),
        w = px(width),
        h = px(height),
    );
    for (lines, class) in [(&g.edges, ""), (&g.took_part, " class=\"took-part\"")] {
        for &(o, t) in lines {
            let _ = writeln!(
                out,
                "<line{class} x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                px(left),
                px(line_y(at(&org_at, o), orgs)),
                px(right),
                px(line_y(at(&theme_at, t), themes))
            );
        }
    }
    for (i, n) in g.organisations.iter().enumerate() {
        let _ = writeln!(
            out,
            "<a href=\"organisations/{}.html\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text></a>",
            escape_html(&n.id),
            px(left - GAP),
            px(y(at(&org_at, i), orgs)),
            escape_html(&n.label)
        );
    }
    for (i, n) in g.themes.iter().enumerate() {
        let _ = writeln!(
            out,
            "<a href=\"themes/{}.html\"><text x=\"{}\" y=\"{}\">{}</text></a>",
            escape_html(&n.id),
            px(right + GAP),
            px(y(at(&theme_at, i), themes)),
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
    fn every_organisation_and_every_theme() {
        let g = graph(&kb());
        assert_eq!(g.organisations.len(), 2);
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
        assert!(svg.contains("aria-labelledby=\"graph-title\""));
    }

    /// 300 organisations and 200 themes with long, wide and accented names, each theme
    /// carried by a few organisations and discussed in sessions with many.
    fn large() -> KnowledgeBase {
        let mut seed: u64 = 17;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut files: Vec<(String, String)> = Vec::new();
        for o in 0..300 {
            let name = match o % 4 {
                0 => format!("Gemeente Súdwest-Fryslân {o}"),
                1 => format!("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties {o}"),
                2 => format!("WWW {o}"),
                _ => format!("東京 {o}"),
            };
            files.push((
                format!("content/organisations/o{o}.md"),
                format!("---\nname: \"{name}\"\nkind: other\n---\n"),
            ));
        }
        for t in 0..200 {
            let carriers: Vec<String> = (0..1 + next(3))
                .map(|_| format!("o{}", next(300)))
                .collect();
            files.push((
                format!("content/themes/t{t}.md"),
                format!(
                    "---\ntitle: \"Meetbaarheid: wanneer ben je tevreden over thema {t}?\"\nsummary: S\ncarriers: [{}]\n---\n",
                    carriers.join(", ")
                ),
            ));
        }
        for s in 0..60 {
            let themes: Vec<String> = (0..2).map(|_| format!("t{}", next(200))).collect();
            let people: Vec<String> = (0..6).map(|_| format!("o{}", next(300))).collect();
            files.push((
                format!("content/sessions/2019-01-{:02}-s{s}.md", 1 + s % 28),
                format!(
                    "---\ntitle: S\ndate: 2019-01-{:02}\ncity: C\nhosts: [{}]\nthemes: [{}]\nparticipants: [{}]\n---\n",
                    1 + s % 28,
                    people[0],
                    themes.join(", "),
                    people[1..].join(", ")
                ),
            ));
        }
        let borrowed: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        KnowledgeBase::from_memory(&borrowed, &[], parse_date("2020-01-01").expect("date"))
    }

    /// A label's box: (left, top, right, bottom).
    fn label_box(text: roxmltree::Node<'_, '_>) -> (f64, f64, f64, f64) {
        let number = |name: &str| -> f64 {
            text.attribute(name)
                .and_then(|v| v.parse().ok())
                .expect(name)
        };
        let (x, y) = (number("x"), number("y"));
        let width = label_width(text.text().unwrap_or(""));
        let (left, right) = match text.attribute("text-anchor") {
            Some("end") => (x - width, x),
            _ => (x, x + width),
        };
        (left, y - FONT, right, y + FONT * 0.3)
    }

    #[test]
    fn five_hundred_nodes_fit_with_no_label_cut_or_overlapping() {
        let g = graph(&large());
        assert_eq!((g.organisations.len(), g.themes.len()), (300, 200));
        let picture = svg(&g, "Netwerk");
        let doc = roxmltree::Document::parse(&picture).expect("well-formed");
        let view: Vec<f64> = doc
            .root_element()
            .attribute("viewBox")
            .expect("viewBox")
            .split(' ')
            .filter_map(|v| v.parse().ok())
            .collect();
        let boxes: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(label_box)
            .collect();
        assert_eq!(boxes.len(), 500);
        for &(left, top, right, bottom) in &boxes {
            assert!(left >= view[0] && top >= view[1], "{left} {top}");
            assert!(
                right <= view[2] && bottom <= view[3],
                "{right} {bottom} in {view:?}"
            );
        }
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
        // Every label is a link, so every node can be reached with the keyboard.
        let links = doc.descendants().filter(|n| n.has_tag_name("a")).count();
        assert_eq!(links, 500);
    }

    #[test]
    fn barycentric_ordering_crosses_fewer_lines_than_alphabetical() {
        let g = graph(&large());
        let lines: Vec<_> = g.edges.iter().chain(&g.took_part).copied().collect();
        let alphabetical = (
            (0..g.organisations.len()).collect(),
            (0..g.themes.len()).collect(),
        );
        let before = crossings(&lines, &alphabetical.0, &alphabetical.1);
        let (orgs, themes) = layout(&g);
        let after = crossings(&lines, &orgs, &themes);
        assert!(
            after * 2 < before,
            "{after} crossings, {before} alphabetically"
        );
        assert_eq!(layout(&g), (orgs, themes), "deterministic");
    }

    #[test]
    fn crossings_are_counted() {
        let identity: Order = vec![0, 1, 2];
        // (0,0) and (1,1) do not cross; (0,1) and (1,0) do; a shared end never crosses.
        assert_eq!(crossings(&[(0, 0), (1, 1)], &identity, &identity), 0);
        assert_eq!(crossings(&[(0, 1), (1, 0)], &identity, &identity), 1);
        assert_eq!(
            crossings(&[(0, 1), (0, 0), (1, 1)], &identity, &identity),
            0
        );
        assert_eq!(
            crossings(&[(0, 2), (1, 1), (2, 0)], &identity, &identity),
            3
        );
    }
}
