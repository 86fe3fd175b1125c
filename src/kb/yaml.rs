//! YAML with a byte span for every key and value, built from saphyr-parser's events.
//!
//! The tree is built here rather than by a generic loader so that the limits are ours:
//! nesting deeper than [`MAX_DEPTH`] and alias expansion beyond [`MAX_ALIAS_NODES`] values or
//! the byte budget of [`alias_byte_budget`] stop the parse of that one file in microseconds,
//! and a repeated key is reported with both places.

use std::collections::HashMap;
use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use crate::diag::Fix;
use crate::msg::{Form, Msg};

mod slips;

/// The deepest nesting of sequences and mappings accepted in front matter.
pub const MAX_DEPTH: usize = 64;
/// The most nodes that aliases may expand into, for the whole front matter of one file.
pub const MAX_ALIAS_NODES: usize = 10_000;
/// The most bytes of text that anchors and aliases may copy, for one file, whatever its size.
pub const MAX_ALIAS_BYTES: usize = 10 * 1024 * 1024;
/// The most bytes of text that anchors and aliases may copy, as a multiple of the size of the
/// front matter.
pub const ALIAS_BYTES_PER_BYTE: usize = 4;

/// How many bytes of text anchors and aliases may copy in front matter of `len` bytes: the
/// smaller of [`ALIAS_BYTES_PER_BYTE`] times `len` and [`MAX_ALIAS_BYTES`].
///
/// Counting values is not enough: one 4 MB string aliased 300 times is 300 values and
/// 1.2 GB. An anchor that is used a few times (the reason to write one) copies a few times
/// its own size, which is at most the document's, so 4× the front matter leaves room for
/// that; the fixed cap keeps even the largest accepted file (5 MiB) to 10 MiB of copies.
/// Remembering an anchored value copies it too (nested anchors would otherwise copy a value
/// once per level), so that is counted as well.
pub fn alias_byte_budget(len: usize) -> usize {
    len.saturating_mul(ALIAS_BYTES_PER_BYTE)
        .min(MAX_ALIAS_BYTES)
}

/// A YAML value with the byte range it covers in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Byte range in the whole file (not just the front matter).
    pub span: Range<usize>,
    /// The value.
    pub value: Value,
}

/// The shapes a YAML value can take; scalars keep their text and resolve on demand.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A scalar; `quoted` when written in quotes or as a block scalar.
    Scalar {
        /// The scalar's text after YAML unescaping.
        text: String,
        /// Whether it was quoted (then it is always a string).
        quoted: bool,
    },
    /// A sequence.
    Sequence(Vec<Node>),
    /// A mapping, in document order.
    Mapping(Vec<(Node, Node)>),
}

/// A problem found while parsing, at a byte range of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlProblem {
    /// Where it is.
    pub span: Range<usize>,
    /// What it is.
    pub message: Msg,
    /// A hint, if one helps.
    pub help: Option<Msg>,
    /// For a repeated key: the byte offset of its first occurrence.
    pub first: Option<usize>,
    /// Edits that repair it, when a slip was recognised.
    pub fixes: Vec<Fix>,
}

/// The result of parsing one front matter: the tree (if it parsed) and every problem.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The root value; `None` when the front matter is empty or could not be parsed.
    pub root: Option<Node>,
    /// Syntax errors, exceeded limits and repeated keys.
    pub problems: Vec<YamlProblem>,
}

impl Node {
    /// The scalar's text if this is a scalar that is not null.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } if !self.is_null() => Some(text),
            _ => None,
        }
    }

    /// Whether this is the YAML null (`~`, `null`, or nothing at all).
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, quoted: false }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The boolean if this is a plain `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            Value::Scalar {
                text,
                quoted: false,
            } => match text.as_str() {
                "true" | "True" | "TRUE" => Some(true),
                "false" | "False" | "FALSE" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether this is a plain scalar that YAML 1.2's core schema reads as a number (as an
    /// editor converting the front matter to JSON does): an integer (`12`, `-3`, `0o17`,
    /// `0x1F`), a decimal (`1.5`, `.5`, `1e3`), or `.inf`, `-.inf`, `.nan`.
    pub fn is_number(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, quoted: false } if is_core_number(text))
    }

    /// The items if this is a sequence.
    pub fn as_sequence(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Sequence(items) => Some(items),
            _ => None,
        }
    }

    /// The entries if this is a mapping.
    pub fn as_mapping(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            Value::Mapping(entries) => Some(entries),
            _ => None,
        }
    }

    /// The key and value nodes of `key` in a mapping.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        self.as_mapping()?
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(k, v)| (k, v))
    }

    /// The value of `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    /// What the value is, for messages ("found a list").
    pub fn shape(&self) -> Form {
        match &self.value {
            Value::Scalar { .. } if self.is_null() => Form::Nothing,
            Value::Scalar { .. } if self.as_bool().is_some() => Form::Bool,
            Value::Scalar { .. } if self.is_number() => Form::Number,
            Value::Scalar { .. } => Form::Single,
            Value::Sequence(_) => Form::List,
            Value::Mapping(_) => Form::Mapping,
        }
    }

    /// How many nodes this tree holds (itself included) and how many bytes of text.
    fn size(&self) -> Size {
        match &self.value {
            Value::Scalar { text, .. } => Size {
                nodes: 1,
                bytes: text.len(),
            },
            Value::Sequence(items) => items.iter().map(Node::size).fold(Size::ONE, Size::add),
            Value::Mapping(entries) => entries
                .iter()
                .map(|(k, v)| k.size().add(v.size()))
                .fold(Size::ONE, Size::add),
        }
    }
}

/// Whether plain `text` is a number in YAML 1.2's core schema: `[-+]?[0-9]+`, `0o[0-7]+`,
/// `0x[0-9a-fA-F]+`, `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`,
/// `[-+]?(\.inf|\.Inf|\.INF)` or `\.nan|\.NaN|\.NAN`.
fn is_core_number(text: &str) -> bool {
    let digits = |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c.is_digit(radix));
    if let Some(octal) = text.strip_prefix("0o") {
        return digits(octal, 8);
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return digits(hex, 16);
    }
    if matches!(text, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (unsigned, None),
    };
    let mantissa = match mantissa.split_once('.') {
        Some(("", fraction)) => digits(fraction, 10),
        Some((whole, fraction)) => {
            digits(whole, 10) && (fraction.is_empty() || digits(fraction, 10))
        }
        None => digits(mantissa, 10),
    };
    let exponent = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e), 10));
    mantissa && exponent
}

/// The size of a tree, for the alias budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Size {
    nodes: usize,
    bytes: usize,
}

impl Size {
    /// One collection node, no text.
    const ONE: Size = Size { nodes: 1, bytes: 0 };

    fn add(self, other: Size) -> Size {
        Size {
            nodes: self.nodes.saturating_add(other.nodes),
            bytes: self.bytes.saturating_add(other.bytes),
        }
    }
}

/// Parses `yaml`, which starts at byte `base` of its file, into a tree with file spans.
pub fn parse(yaml: &str, base: usize) -> Parsed {
    let offsets = CharOffsets::new(yaml, base);
    let mut builder = Builder::new(offsets, alias_byte_budget(yaml.len()));
    for event in Parser::new_from_str(yaml) {
        let step = match event {
            Ok((event, span)) => builder.on_event(event, span),
            Err(error) => {
                let at = builder.offsets.byte(error.marker().index()) - base;
                Err(Box::new(slips::diagnose(yaml, base, at, error.info())))
            }
        };
        if let Err(problem) = step {
            builder.problems.push(*problem);
            return Parsed {
                root: None,
                problems: builder.problems,
            };
        }
        if builder.done {
            break;
        }
    }
    if let Some(problem) = builder
        .root
        .as_ref()
        .and_then(|root| slips::parsed_slip(yaml, base, root))
    {
        builder.problems.push(problem);
        return Parsed {
            root: None,
            problems: builder.problems,
        };
    }
    Parsed {
        root: builder.root,
        problems: builder.problems,
    }
}

/// Maps saphyr's character indices to byte offsets in the file.
struct CharOffsets {
    base: usize,
    /// Byte offset of each character, plus the end; empty when the text is ASCII.
    table: Vec<usize>,
    len: usize,
}

impl CharOffsets {
    fn new(text: &str, base: usize) -> Self {
        let table = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect()
        };
        CharOffsets {
            base,
            table,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        let local = if self.table.is_empty() {
            char_index.min(self.len)
        } else {
            self.table.get(char_index).copied().unwrap_or(self.len)
        };
        self.base + local
    }

    fn range(&self, span: Span) -> Range<usize> {
        self.byte(span.start.index())..self.byte(span.end.index())
    }
}

/// A collection being built.
enum Open {
    Sequence {
        start: usize,
        anchor: usize,
        items: Vec<Node>,
    },
    Mapping {
        start: usize,
        anchor: usize,
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
    },
}

struct Builder {
    offsets: CharOffsets,
    stack: Vec<Open>,
    anchors: HashMap<usize, Node>,
    /// What anchors and aliases may still copy.
    alias_budget: Size,
    /// The byte budget this file started with, for the message.
    alias_bytes: usize,
    root: Option<Node>,
    problems: Vec<YamlProblem>,
    done: bool,
}

impl Builder {
    fn new(offsets: CharOffsets, alias_bytes: usize) -> Self {
        Builder {
            offsets,
            stack: Vec::new(),
            anchors: HashMap::new(),
            alias_budget: Size {
                nodes: MAX_ALIAS_NODES,
                bytes: alias_bytes,
            },
            alias_bytes,
            root: None,
            problems: Vec::new(),
            done: false,
        }
    }

    fn on_event(&mut self, event: Event<'_>, span: Span) -> Result<(), Box<YamlProblem>> {
        let range = self.offsets.range(span);
        match event {
            Event::Scalar(text, style, anchor, _tag) => {
                // The tree lives as long as the run: drop the parser's growth slack.
                let mut text = text.into_owned();
                text.shrink_to_fit();
                let node = Node {
                    span: range,
                    value: Value::Scalar {
                        text,
                        quoted: style != ScalarStyle::Plain,
                    },
                };
                self.remember(anchor, &node)?;
                self.push(node);
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if self.stack.len() >= MAX_DEPTH {
                    return Err(Box::new(YamlProblem {
                        span: range,
                        message: Msg::TooDeep { max: MAX_DEPTH },
                        help: Some(Msg::FewerLevels),
                        first: None,
                        fixes: Vec::new(),
                    }));
                }
                let start = range.start;
                self.stack
                    .push(if matches!(event, Event::SequenceStart(..)) {
                        Open::Sequence {
                            start,
                            anchor,
                            items: Vec::new(),
                        }
                    } else {
                        Open::Mapping {
                            start,
                            anchor,
                            entries: Vec::new(),
                            key: None,
                        }
                    });
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(range.end)?,
            Event::Alias(id) => self.expand_alias(id, range)?,
            Event::DocumentEnd => self.done = self.root.is_some(),
            Event::StreamEnd => self.done = true,
            Event::Nothing | Event::StreamStart | Event::DocumentStart(_) => {}
        }
        Ok(())
    }

    fn close(&mut self, end: usize) -> Result<(), Box<YamlProblem>> {
        let (node, anchor) = match self.stack.pop() {
            Some(Open::Sequence {
                start,
                anchor,
                mut items,
            }) => {
                items.shrink_to_fit();
                (
                    Node {
                        span: start..end.max(start),
                        value: Value::Sequence(items),
                    },
                    anchor,
                )
            }
            Some(Open::Mapping {
                start,
                anchor,
                mut entries,
                ..
            }) => {
                entries.shrink_to_fit();
                self.check_duplicate_keys(&entries);
                let end = entries.last().map_or(end, |(_, v)| v.span.end.max(end));
                (
                    Node {
                        span: start..end.max(start),
                        value: Value::Mapping(entries),
                    },
                    anchor,
                )
            }
            None => return Ok(()),
        };
        self.remember(anchor, &node)?;
        self.push(node);
        Ok(())
    }

    fn expand_alias(&mut self, id: usize, range: Range<usize>) -> Result<(), Box<YamlProblem>> {
        let unknown = || {
            Box::new(YamlProblem {
                span: range.clone(),
                message: Msg::UnknownAlias,
                help: None,
                first: None,
                fixes: Vec::new(),
            })
        };
        // Measured before it is copied: the copy is what must not happen.
        let cost = self.anchors.get(&id).ok_or_else(unknown)?.size();
        self.spend(cost, &range)?;
        let mut node = self.anchors.get(&id).ok_or_else(unknown)?.clone();
        node.span = range;
        self.push(node);
        Ok(())
    }

    /// Keeps a copy of an anchored value for its aliases, within the alias budget.
    fn remember(&mut self, anchor: usize, node: &Node) -> Result<(), Box<YamlProblem>> {
        if anchor != 0 {
            self.spend(node.size(), &node.span)?;
            self.anchors.insert(anchor, node.clone());
        }
        Ok(())
    }

    /// Takes `cost`, the size of a copy, from the alias budget, or says where it ran out.
    fn spend(&mut self, cost: Size, at: &Range<usize>) -> Result<(), Box<YamlProblem>> {
        let problem = |message: Msg| {
            Box::new(YamlProblem {
                span: at.clone(),
                message,
                help: Some(Msg::WriteValuesOut),
                first: None,
                fixes: Vec::new(),
            })
        };
        if cost.nodes > self.alias_budget.nodes {
            return Err(problem(Msg::AliasValues {
                max: MAX_ALIAS_NODES,
            }));
        }
        if cost.bytes > self.alias_budget.bytes {
            return Err(problem(Msg::AliasBytes {
                max: self.alias_bytes,
            }));
        }
        self.alias_budget.nodes -= cost.nodes;
        self.alias_budget.bytes -= cost.bytes;
        Ok(())
    }

    fn push(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(Open::Sequence { items, .. }) => items.push(node),
            Some(Open::Mapping { entries, key, .. }) => match key.take() {
                Some(k) => entries.push((k, node)),
                None => *key = Some(node),
            },
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
        }
    }

    fn check_duplicate_keys(&mut self, entries: &[(Node, Node)]) {
        let mut seen: HashMap<&str, &Node> = HashMap::new();
        for (key, _) in entries {
            let Some(name) = key.as_str() else { continue };
            if let Some(first) = seen.get(name) {
                self.problems.push(YamlProblem {
                    span: key.span.clone(),
                    message: Msg::DuplicateKey(name.to_string()),
                    help: None,
                    first: Some(first.span.start),
                    fixes: Vec::new(),
                });
            } else {
                seen.insert(name, key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn root(yaml: &str) -> Node {
        let parsed = parse(yaml, 0);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        parsed.root.expect("a root")
    }

    #[test]
    fn spans_point_at_keys_and_values() {
        let yaml = "title: Open Wob\ncarriers: [utrecht, ede]\n";
        let node = root(yaml);
        let (key, value) = node.entry("carriers").expect("carriers");
        assert_eq!(&yaml[key.span.clone()], "carriers");
        let items = value.as_sequence().expect("a list");
        assert_eq!(&yaml[items[1].span.clone()], "ede");
        assert_eq!(
            &yaml[node.get("title").expect("title").span.clone()],
            "Open Wob"
        );
    }

    #[test]
    fn spans_are_offset_by_base_and_count_bytes_not_characters() {
        let yaml = "city: Één\nname: x\n";
        let node = parse(yaml, 4).root.expect("root");
        let name = node.get("name").expect("name");
        assert_eq!(name.span.start - 4, yaml.find(": x").expect("x") + 2);
    }

    #[test]
    fn quoted_scalars_are_not_null() {
        assert!(root("a: ''").get("a").expect("a").as_str().is_some());
        assert!(root("a:").get("a").expect("a").is_null());
        assert!(root("a: ~").get("a").expect("a").is_null());
    }

    #[test]
    fn numbers_as_yaml_1_2_core_reads_them() {
        for number in [
            "0", "2017", "-3", "+3", "0o17", "0x1F", "0xff", "1.5", ".5", "1.", "-.5", "1e3",
            "1E-3", "2.5e+10", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "007",
        ] {
            assert!(
                root(&format!("a: {number}"))
                    .get("a")
                    .expect("a")
                    .is_number(),
                "{number}"
            );
        }
        for text in [
            "",
            "~",
            "true",
            "0o18",
            "0xg",
            "-0x1F",
            "+0o7",
            "1_000",
            "1e",
            "e3",
            ".",
            "-",
            "1.2.3",
            "2017-09-18",
            "14:00",
            "1,5",
            "nan",
            "inf",
            ".Nan",
            "0b101",
            "12abc",
            "١٢",
        ] {
            let yaml = format!("a: {text}");
            let parsed = parse(&yaml, 0);
            let node = parsed.root.and_then(|r| r.get("a").cloned());
            assert!(!node.is_some_and(|n| n.is_number()), "{text}");
        }
        assert!(!root("a: '2017'").get("a").expect("a").is_number());
    }

    #[test]
    fn syntax_error_has_its_position() {
        let parsed = parse("title: x\n  bad: [\n", 10);
        assert!(parsed.root.is_none());
        assert_eq!(parsed.problems.len(), 1);
        assert!(parsed.problems[0].span.start > 10);
    }

    #[test]
    fn deep_nesting_is_refused_quickly() {
        let yaml = "a: ".to_string() + &"[".repeat(100_000);
        let start = std::time::Instant::now();
        let parsed = parse(&yaml, 0);
        assert!(parsed.root.is_none());
        let message = parsed.problems[0].message.text(Lang::En);
        assert!(
            message.contains("deeper") || message.contains("recursion"),
            "{message}"
        );
        assert!(start.elapsed().as_secs() < 2);
    }

    #[test]
    fn our_depth_limit_applies_below_the_parser_limit() {
        let yaml = "a: ".to_string() + &"[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        let parsed = parse(&yaml, 0);
        assert!(
            parsed.problems[0].message.text(Lang::En).contains("deeper"),
            "{:?}",
            parsed.problems
        );
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = format!("*a{}", i - 1);
            let row = [prev.as_str(); 10].join(", ");
            yaml.push_str(&format!("a{i}: &a{i} [{row}]\n"));
        }
        let parsed = parse(&yaml, 0);
        assert!(
            parsed.problems[0]
                .message
                .text(Lang::En)
                .contains("aliases")
        );
    }

    #[test]
    fn one_big_string_aliased_many_times_is_refused_by_bytes() {
        let yaml = format!(
            "a: &big {}\nb: [{}]\n",
            "x".repeat(1_000_000),
            ["*big"; 300].join(", ")
        );
        let parsed = parse(&yaml, 0);
        assert!(parsed.root.is_none());
        let problem = &parsed.problems[0];
        assert!(
            problem.message.text(Lang::En).contains("bytes of text"),
            "{:?}",
            problem.message
        );
        let first_alias = yaml.find("*big").expect("alias");
        let refused_at = (problem.span.start - first_alias) / "*big, ".len();
        assert_eq!(
            refused_at, 3,
            "the anchor and three copies fit in 4x the size"
        );
    }

    #[test]
    fn nested_anchors_count_their_copies() {
        let mut yaml = String::from("a: ");
        for i in 0..MAX_DEPTH - 2 {
            yaml.push_str(&format!("&a{i} ["));
        }
        yaml.push_str(&"y".repeat(100_000));
        yaml.push_str(&"]".repeat(MAX_DEPTH - 2));
        let parsed = parse(&yaml, 0);
        assert!(
            parsed.problems[0]
                .message
                .text(Lang::En)
                .contains("bytes of text"),
            "{:?}",
            parsed.problems
        );
    }

    #[test]
    fn the_byte_budget_is_the_smaller_of_a_multiple_and_the_cap() {
        assert_eq!(alias_byte_budget(1000), 4000);
        assert_eq!(alias_byte_budget(5 * 1024 * 1024), MAX_ALIAS_BYTES);
        assert_eq!(alias_byte_budget(usize::MAX), MAX_ALIAS_BYTES);
    }

    #[test]
    fn small_aliases_expand() {
        let node = root("a: &x [1, 2]\nb: *x\n");
        assert_eq!(
            node.get("b").and_then(Node::as_sequence).map(<[_]>::len),
            Some(2)
        );
    }

    #[test]
    fn duplicate_keys_are_reported_and_parsing_goes_on() {
        let parsed = parse("title: a\ntitle: b\n", 0);
        assert!(parsed.root.is_some());
        assert_eq!(parsed.problems.len(), 1);
        assert_eq!(parsed.problems[0].span, 9..14);
    }
}
