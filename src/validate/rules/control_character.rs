//! `control-character`: an invisible control character in a document — written raw, or as a
//! YAML escape (`"\e"`, `"\r"`) in a front-matter value. Tab and line breaks are text; every
//! other C0 or C1 control, DEL and the noncharacters U+FFFE and U+FFFF would corrupt a
//! terminal, make feeds and pictures ill-formed XML or forge calendar properties.

use crate::msg::Msg;
use std::ops::Range;

use crate::diag::{Code, Diagnostic};
use crate::kb::schema::is_forbidden_in_value;
use crate::kb::yaml::{Node, Value};
use crate::text::is_unsafe_control;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct ControlCharacter;

/// The most diagnostics one file gets; a file full of control characters is one problem.
const MAX_PER_FILE: usize = 20;

impl Rule for ControlCharacter {
    fn code(&self) -> Code {
        Code::ControlCharacter
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.kb.text(cx.doc);
        let mut found: Vec<(Range<usize>, char)> = raw_runs(text).collect();
        if let Some(front) = cx.front() {
            escaped_in_values(front, text, &mut found);
        }
        let extra = found.len().saturating_sub(MAX_PER_FILE);
        for (i, (span, c)) in found.into_iter().take(MAX_PER_FILE).enumerate() {
            let more = if i + 1 == MAX_PER_FILE { extra } else { 0 };
            out.push(
                cx.diag(
                    Code::ControlCharacter,
                    span,
                    Msg::ControlCharacter { c, more },
                )
                .with_help(Msg::DeleteControlCharacter),
            );
        }
    }
}

/// Runs of forbidden characters in the raw text: the span of each run and its first one.
fn raw_runs(text: &str) -> impl Iterator<Item = (Range<usize>, char)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = chars.by_ref().find(|(_, c)| is_unsafe_control(*c))?;
        let mut end = start + first.len_utf8();
        while let Some((at, c)) = chars.next_if(|(_, c)| is_unsafe_control(*c)) {
            end = at + c.len_utf8();
        }
        Some((start..end, first))
    })
}

/// Scalars (keys and values) whose unescaped text holds a forbidden character or a carriage
/// return that the raw text does not: it came from an escape sequence.
fn escaped_in_values(node: &Node, text: &str, found: &mut Vec<(Range<usize>, char)>) {
    match &node.value {
        Value::Scalar { text: value, .. } => {
            let raw = text.get(node.span.clone()).unwrap_or("");
            let bad = value
                .chars()
                .find(|c| is_forbidden_in_value(*c) && !raw.contains(*c));
            if let Some(c) = bad {
                found.push((node.span.clone(), c));
            }
        }
        Value::Sequence(items) => {
            for item in items {
                escaped_in_values(item, text, found);
            }
        }
        Value::Mapping(pairs) => {
            for (key, value) in pairs {
                escaped_in_values(key, text, found);
                escaped_in_values(value, text, found);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    fn theme(text: &'static str) -> Vec<(&'static str, &'static str)> {
        with(("content/themes/open-wob.md", text))
    }

    #[test]
    fn raw_control_characters_are_reported_where_they_are() {
        let found = check(
            &ControlCharacter,
            &theme("---\ntitle: Open\u{b}Wob\nsummary: S\n---\nTekst\u{1b}]52;c;aGk=\u{7}.\n"),
        );
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found[0].starts_with(
                "content/themes/open-wob.md:2:12: invisible control character U+000B (vertical tab)"
            ),
            "{found:?}"
        );
        assert!(found[1].starts_with(
            "content/themes/open-wob.md:5:6: invisible control character U+001B (escape)"
        ));
        assert!(found[2].contains("U+0007 (bell)"));
    }

    #[test]
    fn a_run_is_one_problem() {
        let found = check(
            &ControlCharacter,
            &theme("---\ntitle: T\nsummary: S\n---\n\0\0\0\0\n"),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("U+0000 (null)"));
    }

    #[test]
    fn escapes_in_quoted_values_count_too() {
        let found = check(
            &ControlCharacter,
            &theme("---\ntitle: \"Open\\rDTSTART:1\"\nsummary: \"\\e[31mrood\"\n---\n"),
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("content/themes/open-wob.md:2:8:"));
        assert!(found[0].contains("U+000D (carriage return)"));
        assert!(found[1].contains("U+001B (escape)"));
    }

    #[test]
    fn c1_controls_and_noncharacters() {
        let found = check(
            &ControlCharacter,
            &theme("---\ntitle: a\u{85}b\nsummary: c\u{ffff}\n---\n"),
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn tabs_line_breaks_and_crlf_are_text() {
        let found = check(
            &ControlCharacter,
            &theme("---\r\ntitle: \"a\\tb\"\r\nsummary: |\r\n  c\r\n  d\r\n---\r\n\tx\r\n"),
        );
        assert_eq!(found, Vec::<String>::new());
    }

    #[test]
    fn many_are_capped_per_file() {
        let text: &'static str = Box::leak(
            format!("---\ntitle: T\nsummary: S\n---\n{}", "a\u{1}".repeat(500)).into_boxed_str(),
        );
        let found = check(&ControlCharacter, &theme(text));
        assert_eq!(found.len(), MAX_PER_FILE);
        assert!(found[MAX_PER_FILE - 1].contains("480 more follow in this file"));
    }
}
