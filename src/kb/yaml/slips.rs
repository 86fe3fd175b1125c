//! Plain diagnoses for the slips people make when they write front matter by hand: an
//! unquoted `: ` inside a value, curly or mismatched quotes, tabs, and a missing space after
//! a colon. Each becomes a [`YamlProblem`] whose help shows the corrected text and whose fix
//! makes that edit; a parser error that none of them explains keeps the parser's own words,
//! with a hint where to look.
//!
//! The slips are recognised from the lines of the front matter around the parser's error,
//! never by parsing again: the corrected text is shown, not guessed into the tree.

use std::ops::Range;

use super::{Node, Value, YamlProblem};
use crate::diag::Fix;
use crate::msg::Msg;

/// Every character a word processor or a hurried hand uses as a quote.
const QUOTES: &[char] = &[
    '"', '\'', '\u{201c}', '\u{201d}', '\u{201e}', '\u{201f}', '\u{2018}', '\u{2019}', '\u{201a}',
    '\u{201b}', '\u{ab}', '\u{bb}',
];
/// Curly quotes that may open a value.
const CURLY_OPENING: &[char] = &['\u{201c}', '\u{201e}', '\u{2018}', '\u{201a}', '\u{ab}'];
/// Curly quotes that may close a value.
const CURLY_CLOSING: &[char] = &['\u{201d}', '\u{201c}', '\u{2019}', '\u{2018}', '\u{bb}'];

/// The problem for a parser error `info` at local byte `at` of `yaml` (which starts at file
/// byte `base`): a recognised slip, or the parser's words with a hint.
pub(super) fn diagnose(yaml: &str, base: usize, at: usize, info: &str) -> YamlProblem {
    let error_line = lines(yaml)
        .take_while(|line| line.start <= at)
        .count()
        .max(1);
    let before: Vec<Line<'_>> = lines(yaml).take(error_line).collect();
    let line = before
        .last()
        .copied()
        .unwrap_or(Line { start: 0, text: "" });
    // A tab that ends a plain value is reported where the value is, a line early.
    let tab_lines: Vec<Line<'_>> = lines(yaml)
        .take(error_line + usize::from(info.contains("tab")))
        .collect();
    let found = tab(&tab_lines)
        .or_else(|| mismatched_quote(line, at))
        .or_else(|| colon_in_value(line, at, info))
        .or_else(|| before.iter().find_map(|line| no_space_after_colon(*line)));
    match found {
        Some(slip) => slip.at(base),
        None => YamlProblem {
            span: base + at..base + at,
            message: Msg::YamlParser(info.to_string()),
            help: Some(Msg::CheckQuotesColonsIndentation),
            first: None,
            fixes: Vec::new(),
        },
    }
}

/// A problem for front matter that parsed, but only because a missing space after a colon
/// made `key:value` one word: the whole front matter as one plain value, or a key such as
/// `title:Terugblik` (from `title:Terugblik: Zwolle`). `None` when there is no such slip.
pub(super) fn parsed_slip(yaml: &str, base: usize, root: &Node) -> Option<YamlProblem> {
    let slip = match &root.value {
        Value::Scalar { quoted: false, .. } => {
            let line = lines(yaml).find(|line| !line.text.trim().is_empty())?;
            no_space_after_colon(line)
        }
        Value::Mapping(entries) => {
            // Found by bisection: thousands of such keys must not rescan the text each.
            let all: Vec<Line<'_>> = lines(yaml).collect();
            entries.iter().find_map(|(key, _)| {
                let plain = matches!(&key.value, Value::Scalar { text, quoted: false } if text.contains(':'));
                let at = key.span.start.checked_sub(base).filter(|_| plain)?;
                let index = all.partition_point(|line| line.start <= at).checked_sub(1)?;
                no_space_after_colon(*all.get(index)?)
            })
        }
        _ => None,
    };
    slip.map(|slip| slip.at(base))
}

/// A recognised slip, in local byte offsets of the front matter.
struct Slip {
    span: Range<usize>,
    message: Msg,
    help: Msg,
    fix: Fix,
}

impl Slip {
    /// The problem, with spans moved to file offsets.
    fn at(self, base: usize) -> YamlProblem {
        let shift = |r: Range<usize>| base + r.start..base + r.end;
        YamlProblem {
            span: shift(self.span),
            message: self.message,
            help: Some(self.help),
            first: None,
            fixes: vec![Fix {
                span: shift(self.fix.span),
                replacement: self.fix.replacement,
                certain: self.fix.certain,
            }],
        }
    }
}

/// One line of the front matter: where it starts (local byte offset) and its text without
/// the line break.
#[derive(Clone, Copy, Debug)]
struct Line<'a> {
    start: usize,
    text: &'a str,
}

impl Line<'_> {
    /// A range of this line as a range of the front matter.
    fn range(&self, r: Range<usize>) -> Range<usize> {
        self.start + r.start..self.start + r.end
    }
}

fn lines(yaml: &str) -> impl Iterator<Item = Line<'_>> {
    let mut start = 0;
    yaml.split_inclusive('\n').map(move |raw| {
        let line = Line {
            start,
            text: raw.trim_end_matches('\n').trim_end_matches('\r'),
        };
        start += raw.len();
        line
    })
}

/// A `key: value`, `- value` or `- key: value` line, as byte ranges of the line.
#[derive(Debug, PartialEq, Eq)]
struct Field<'a> {
    /// Where the text after the indentation starts.
    indent: usize,
    /// The key, empty for a plain list item.
    key: &'a str,
    /// The value, without trailing spaces.
    value: Range<usize>,
    /// Where the key's colon is.
    colon: Option<usize>,
}

impl Field<'_> {
    /// The line from its indentation on, with `value` in place of the value.
    fn rewritten(&self, line: &str, value: &str) -> String {
        format!("{}{value}", &line[self.indent..self.value.start])
    }
}

fn field(line: &str) -> Option<Field<'_>> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let mut pos = indent;
    if line[pos..] == *"-" || line[pos..].starts_with("- ") {
        pos += 1;
        pos = line.len() - line[pos..].trim_start_matches(' ').len();
    }
    let rest = &line[pos..];
    let colon = key_colon(rest);
    let (key, value_start) = match colon {
        Some(i) => {
            let after = &rest[i + 1..];
            let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
            (&rest[..i], pos + i + 1 + spaces)
        }
        None => ("", pos),
    };
    let end = line.trim_end_matches([' ', '\t']).len().max(value_start);
    Some(Field {
        indent,
        key,
        value: value_start..end,
        colon: colon.map(|i| pos + i),
    })
}

/// Where the colon that ends a plain key is in `rest` (a line after its indentation and
/// list dash): the first `:` followed by a space, a tab or the end of the line.
fn key_colon(rest: &str) -> Option<usize> {
    if rest.starts_with(|c: char| "\"'[]{}#&*!|>%@`,?:".contains(c) || QUOTES.contains(&c)) {
        return None;
    }
    let bytes = rest.as_bytes();
    let colon = (0..bytes.len())
        .find(|&i| bytes[i] == b':' && matches!(bytes.get(i + 1), None | Some(b' ' | b'\t')))?;
    let key = &rest[..colon];
    (!key.is_empty() && !key.contains(QUOTES) && !key.contains(" #")).then_some(colon)
}

/// `text` in double quotes, with `\` and `"` escaped.
fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `value` without curly quotes around it, when it has them on both sides.
fn without_curly_quotes(value: &str) -> &str {
    let mut chars = value.chars();
    match (chars.next(), chars.next_back()) {
        (Some(open), Some(close))
            if CURLY_OPENING.contains(&open) && CURLY_CLOSING.contains(&close) =>
        {
            chars.as_str()
        }
        _ => value,
    }
}

/// Whether a plain value may start with `c` (quotes, flow collections, block scalars,
/// anchors, aliases and tags start something else).
fn starts_plain(value: &str) -> bool {
    !value.starts_with(|c: char| "\"'[{|>&*!%@`".contains(c))
}

/// The first line with a tab in its indentation (or right after a key's colon).
fn tab(lines: &[Line<'_>]) -> Option<Slip> {
    let mut previous: Option<&str> = None;
    for line in lines {
        let text = line.text;
        let leading = &text[..text.len() - text.trim_start_matches([' ', '\t']).len()];
        if let Some(first) = leading.find('\t')
            && leading.len() < text.len()
        {
            return Some(leading_tab(*line, leading, first, previous));
        }
        if let Some(slip) = tab_after_colon(*line) {
            return Some(slip);
        }
        if !text.trim().is_empty() {
            previous = Some(text);
        }
    }
    None
}

/// A tab in the indentation of `line`: indent as the line above does, or one level (two
/// spaces a tab) below a line that opens a block with `key:`.
fn leading_tab(line: Line<'_>, leading: &str, first: usize, previous: Option<&str>) -> Slip {
    let expanded = |s: &str| s.replace('\t', "  ");
    let indent = match previous {
        Some(above) if !above.trim_end().ends_with(':') => {
            let above_leading = &above[..above.len() - above.trim_start_matches([' ', '\t']).len()];
            expanded(above_leading)
        }
        Some(_) => expanded(leading),
        None => String::new(),
    };
    Slip {
        span: line.range(first..first + 1),
        message: Msg::TabIndent,
        help: Msg::UseSpaces,
        fix: Fix {
            span: line.range(0..leading.len()),
            replacement: indent,
            certain: true,
        },
    }
}

/// `key:<tab>value`, which YAML does not read as a key and its value.
fn tab_after_colon(line: Line<'_>) -> Option<Slip> {
    let field = field(line.text)?;
    let colon = field.colon?;
    let gap = colon + 1..field.value.start;
    if !line.text[gap.clone()].starts_with('\t') {
        return None;
    }
    let value = &line.text[field.value.clone()];
    Some(Slip {
        span: line.range(colon + 1..colon + 2),
        message: Msg::TabIndent,
        help: Msg::WriteInstead(format!("{}: {value}", &line.text[field.indent..colon])),
        fix: Fix {
            span: line.range(gap),
            replacement: " ".into(),
            certain: true,
        },
    })
}

/// A value that opens with a straight quote and ends with another quote, or with none.
fn mismatched_quote(line: Line<'_>, at: usize) -> Option<Slip> {
    let field = field(line.text)?;
    let local = at.checked_sub(line.start)?;
    let value = &line.text[field.value.clone()];
    let open = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    if local < field.value.start {
        return None;
    }
    let after_open = &value[1..];
    let last = after_open.chars().next_back();
    let (inner, span, message) = match last {
        Some(close) if close == open => return None,
        Some(close) if QUOTES.contains(&close) => {
            let end = field.value.end;
            let inner = &after_open[..after_open.len() - close.len_utf8()];
            let message = Msg::MismatchedQuote {
                key: field.key.to_string(),
                open,
                close,
            };
            (inner, end - close.len_utf8()..end, message)
        }
        _ => {
            let end = field.value.end;
            let message = Msg::UnclosedQuote {
                key: field.key.to_string(),
                open,
            };
            (after_open, end..end, message)
        }
    };
    let corrected = quote(inner);
    let certain = !inner.contains(QUOTES) && !matches!(message, Msg::UnclosedQuote { .. });
    Some(Slip {
        span: line.range(span),
        message,
        help: Msg::WriteInstead(field.rewritten(line.text, &corrected)),
        fix: Fix {
            span: line.range(field.value.clone()),
            replacement: corrected,
            certain,
        },
    })
}

/// `key: text: more text`, where the parser stops at the second `: `.
fn colon_in_value(line: Line<'_>, at: usize, info: &str) -> Option<Slip> {
    if !info.contains("mapping values are not allowed") {
        return None;
    }
    let field = field(line.text)?;
    let local = at.checked_sub(line.start)?;
    let value = &line.text[field.value.clone()];
    if field.key.is_empty() || !field.value.contains(&local) || local == field.value.start {
        return None;
    }
    if !starts_plain(value) {
        return None;
    }
    let corrected = quote(without_curly_quotes(value));
    Some(Slip {
        span: line.range(field.value.clone()),
        message: Msg::ColonInValue {
            key: field.key.to_string(),
        },
        help: Msg::WriteInstead(field.rewritten(line.text, &corrected)),
        fix: Fix {
            span: line.range(field.value.clone()),
            replacement: corrected,
            // After ` #` the rest was a comment; whether it was meant as text is not sure.
            certain: !value.contains(" #"),
        },
    })
}

/// `key:value` at the start of a line: a word, a colon and no space.
fn no_space_after_colon(line: Line<'_>) -> Option<Slip> {
    let text = line.text;
    let colon = text.find(':')?;
    let key = &text[..colon];
    let word = key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let rest = text[colon + 1..].trim_end_matches([' ', '\t']);
    let next = rest.chars().next()?;
    if !word || next.is_whitespace() || matches!(next, '/' | ':') {
        return None;
    }
    let needs_quotes = rest.contains(": ") || rest.contains(" #") || !starts_plain(rest);
    let needs_quotes = needs_quotes && !matches!(next, '"' | '\'');
    let value = if needs_quotes {
        quote(rest)
    } else {
        rest.to_string()
    };
    let fix = if needs_quotes {
        Fix {
            span: line.range(colon + 1..colon + 1 + rest.len()),
            replacement: format!(" {value}"),
            certain: !rest.contains(" #"),
        }
    } else {
        Fix {
            span: line.range(colon + 1..colon + 1),
            replacement: " ".into(),
            certain: true,
        }
    };
    Some(Slip {
        span: line.range(colon..colon + 1),
        message: Msg::NoSpaceAfterColon {
            key: key.to_string(),
        },
        help: Msg::WriteInstead(format!("{key}: {value}")),
        fix,
    })
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;
    use crate::lang::Lang;

    /// The one problem of parsing `yaml` at base 4, its help in both languages, its fix.
    fn one(yaml: &str) -> (YamlProblem, String, String) {
        let parsed = parse(yaml, 4);
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        let problem = parsed.problems[0].clone();
        let help = problem.help.clone().expect("a help");
        (problem, help.text(Lang::En), help.text(Lang::Nl))
    }

    /// `yaml` with the problem's (only) fix applied, at base 4.
    fn fixed(yaml: &str, problem: &YamlProblem) -> String {
        assert_eq!(problem.fixes.len(), 1);
        let fix = &problem.fixes[0];
        let mut text = yaml.to_string();
        text.replace_range(fix.span.start - 4..fix.span.end - 4, &fix.replacement);
        text
    }

    #[test]
    fn a_colon_in_a_value_is_shown_quoted() {
        let yaml = "summary: x\ntitle: Terugblik: Sessie Zwolle\n";
        let (problem, en, nl) = one(yaml);
        assert_eq!(
            problem.message.text(Lang::En),
            "the value of `title` contains `: `, so it needs quotes"
        );
        assert_eq!(
            problem.message.text(Lang::Nl),
            "de waarde van `title` bevat `: ` en moet daarom tussen aanhalingstekens"
        );
        assert_eq!(en, "write: title: \"Terugblik: Sessie Zwolle\"");
        assert_eq!(nl, "schrijf: title: \"Terugblik: Sessie Zwolle\"");
        let start = yaml.find("Terugblik").expect("value") + 4;
        assert_eq!(
            problem.span,
            start..start + "Terugblik: Sessie Zwolle".len()
        );
        assert!(problem.fixes[0].certain);
        assert_eq!(
            fixed(yaml, &problem),
            "summary: x\ntitle: \"Terugblik: Sessie Zwolle\"\n"
        );
        assert!(parse(&fixed(yaml, &problem), 0).problems.is_empty());
    }

    #[test]
    fn quotes_and_backslashes_in_the_value_are_escaped() {
        let yaml = "title: Sessie \"Zwolle\": a\\b\r\n";
        let (problem, en, _) = one(yaml);
        assert_eq!(en, r#"write: title: "Sessie \"Zwolle\": a\\b""#);
        let repaired = fixed(yaml, &problem);
        let root = parse(&repaired, 0).root.expect("parses");
        assert_eq!(
            root.get("title").and_then(|n| n.as_str()),
            Some("Sessie \"Zwolle\": a\\b")
        );
    }

    #[test]
    fn a_colon_in_a_value_in_a_list_of_mappings() {
        let yaml = "links:\n  - title: Verslag: deel 1\n";
        let (problem, en, _) = one(yaml);
        assert_eq!(en, "write: - title: \"Verslag: deel 1\"");
        assert_eq!(
            fixed(yaml, &problem),
            "links:\n  - title: \"Verslag: deel 1\"\n"
        );
    }

    #[test]
    fn curly_quotes_around_a_value_with_a_colon_become_straight() {
        let (_, en, _) = one("title: \u{201c}Terugblik: Zwolle\u{201d}\n");
        assert_eq!(en, "write: title: \"Terugblik: Zwolle\"");
    }

    #[test]
    fn a_curly_closing_quote_is_pointed_at() {
        let yaml = "title: \"Open Wob\u{201d}\nsummary: x\n";
        let (problem, en, nl) = one(yaml);
        assert_eq!(
            problem.message.text(Lang::En),
            "the value of `title` starts with `\"` but ends with `\u{201d}`; use a straight `\"` on both sides"
        );
        assert_eq!(
            problem.message.text(Lang::Nl),
            "de waarde van `title` begint met `\"` maar eindigt met `\u{201d}`; gebruik aan beide kanten een recht aanhalingsteken `\"`"
        );
        let curly = yaml.find('\u{201d}').expect("curly") + 4;
        assert_eq!(problem.span, curly..curly + 3);
        assert_eq!(en, "write: title: \"Open Wob\"");
        assert_eq!(nl, "schrijf: title: \"Open Wob\"");
        assert!(problem.fixes[0].certain);
        assert_eq!(fixed(yaml, &problem), "title: \"Open Wob\"\nsummary: x\n");
    }

    #[test]
    fn a_curly_quote_on_the_last_line_and_a_mismatched_straight_one() {
        let (problem, en, _) = one("summary: x\ntitle: \"Open Wob\u{201d}\n");
        assert_eq!(en, "write: title: \"Open Wob\"");
        assert!(problem.fixes[0].certain);
        let (problem, en, _) = one("title: 'Open Wob\u{2019}\nsummary: x\n");
        assert_eq!(en, "write: title: \"Open Wob\"");
        assert!(
            problem
                .message
                .text(Lang::En)
                .contains("ends with `\u{2019}`")
        );
        let (problem, en, _) = one("title: \"Open Wob'\nsummary: x\n");
        assert_eq!(en, "write: title: \"Open Wob\"");
        assert_eq!(problem.span, 20..21);
    }

    #[test]
    fn a_quote_never_closed_is_shown_closed_but_not_certain() {
        let yaml = "title: \"Open Wob\nsummary: x\n";
        let (problem, en, _) = one(yaml);
        assert_eq!(
            problem.message.text(Lang::En),
            "the value of `title` starts with `\"`, but the quote is not closed on this line"
        );
        assert_eq!(en, "write: title: \"Open Wob\"");
        assert!(!problem.fixes[0].certain);
        assert_eq!(problem.span, 20..20);
    }

    #[test]
    fn a_tab_in_the_indentation() {
        let yaml = "title: x\ncarriers:\n\t- utrecht\n";
        let (problem, en, nl) = one(yaml);
        assert_eq!(
            problem.message.text(Lang::En),
            "this line has a tab; front matter allows only spaces here"
        );
        assert_eq!(en, "use spaces instead of the tab (two spaces per level)");
        assert_eq!(
            nl,
            "gebruik spaties in plaats van de tab (twee spaties per niveau)"
        );
        let tab = yaml.find('\t').expect("tab") + 4;
        assert_eq!(problem.span, tab..tab + 1);
        assert!(problem.fixes[0].certain);
        assert_eq!(fixed(yaml, &problem), "title: x\ncarriers:\n  - utrecht\n");
    }

    #[test]
    fn a_tab_before_a_key_takes_the_indentation_of_the_line_above() {
        let yaml = "title: x\n\tsummary: y\n";
        let (problem, _, _) = one(yaml);
        assert_eq!(fixed(yaml, &problem), "title: x\nsummary: y\n");
        let yaml = "carriers:\n  - a\n\t- b\n";
        let (problem, _, _) = one(yaml);
        assert_eq!(fixed(yaml, &problem), "carriers:\n  - a\n  - b\n");
    }

    #[test]
    fn a_tab_after_the_colon() {
        let yaml = "title:\tOpen Wob\nsummary: x\n";
        let (problem, en, nl) = one(yaml);
        assert_eq!(en, "write: title: Open Wob");
        assert_eq!(nl, "schrijf: title: Open Wob");
        assert_eq!(problem.span, 10..11);
        assert_eq!(fixed(yaml, &problem), "title: Open Wob\nsummary: x\n");
    }

    #[test]
    fn no_space_after_the_colon() {
        for yaml in [
            "title:Open Wob\nsummary: x\n",
            "summary: x\ntitle:Open Wob\ncarriers: [a]\n",
            "summary: x\ntitle:Open Wob\n",
            "title:Open Wob\n",
        ] {
            let (problem, en, nl) = one(yaml);
            assert_eq!(
                problem.message.text(Lang::En),
                "there is no space after the colon of `title`",
                "{yaml}"
            );
            assert_eq!(
                problem.message.text(Lang::Nl),
                "na de dubbele punt van `title` ontbreekt een spatie"
            );
            assert_eq!(en, "write: title: Open Wob");
            assert_eq!(nl, "schrijf: title: Open Wob");
            let colon = yaml.find("title:").expect("title") + 5 + 4;
            assert_eq!(problem.span, colon..colon + 1);
            assert!(problem.fixes[0].certain);
            assert_eq!(fixed(yaml, &problem), yaml.replace("title:", "title: "));
        }
    }

    #[test]
    fn no_space_after_the_colon_of_a_web_address() {
        let yaml = "summary: x\nwebsite:https://example.org\n";
        let (problem, en, _) = one(yaml);
        assert_eq!(en, "write: website: https://example.org");
        assert_eq!(
            fixed(yaml, &problem),
            "summary: x\nwebsite: https://example.org\n"
        );
    }

    #[test]
    fn no_space_and_a_colon_in_the_value_is_quoted() {
        let yaml = "title:Terugblik: Zwolle\n";
        let (problem, en, _) = one(yaml);
        assert_eq!(en, "write: title: \"Terugblik: Zwolle\"");
        assert_eq!(fixed(yaml, &problem), "title: \"Terugblik: Zwolle\"\n");
    }

    #[test]
    fn no_space_after_the_colon_that_yaml_reads_as_a_key() {
        let yaml = "summary: x\ntitle:Terugblik: Zwolle\n";
        let (problem, en, _) = one(yaml);
        assert_eq!(en, "write: title: \"Terugblik: Zwolle\"");
        assert_eq!(problem.span, 20..21);
        assert!(
            parse(yaml, 4).root.is_none(),
            "no odd key for the rules to report"
        );
    }

    #[test]
    fn many_keys_with_colons_are_checked_quickly() {
        let yaml: String = (0..50_000).map(|i| format!("{i}:x: y\n")).collect();
        let start = std::time::Instant::now();
        let parsed = parse(&yaml, 0);
        assert!(parsed.problems.is_empty());
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn a_plain_text_front_matter_without_a_colon_word_is_left_to_the_rules() {
        let parsed = parse("just some text\n", 0);
        assert!(parsed.problems.is_empty());
        assert!(parsed.root.is_some());
        let parsed = parse("https://example.org\n", 0);
        assert!(parsed.problems.is_empty());
    }

    #[test]
    fn other_parser_errors_keep_their_words_and_say_where_to_look() {
        let (problem, en, nl) = one("title: x\n  bad: [\n");
        assert!(matches!(problem.message, Msg::YamlParser(_)));
        assert!(
            problem
                .message
                .text(Lang::Nl)
                .starts_with("de kop van het document klopt hier niet (technische melding: ")
        );
        assert_eq!(en, "check the quotes, colons and indentation of this line");
        assert_eq!(
            nl,
            "controleer de aanhalingstekens, de dubbele punten en het inspringen op deze regel"
        );
        assert!(problem.fixes.is_empty());
    }

    #[test]
    fn lines_are_split_into_key_and_value() {
        let f = field("  - name: Open: Wob  ").expect("field");
        assert_eq!(f.key, "name");
        assert_eq!(f.indent, 2);
        assert_eq!(f.value, 10..19);
        let f = field("- utrecht").expect("field");
        assert_eq!((f.key, f.value), ("", 2..9));
        let f = field("title:").expect("field");
        assert_eq!((f.key, f.value), ("title", 6..6));
        assert_eq!(field("\"a: b\": c").expect("field").key, "");
    }
}
