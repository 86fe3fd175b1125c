//! Text folding shared by ids, sorting and search: lowercase, accents removed.

use std::borrow::Cow;
use std::fmt::Write;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` in lowercase with accents removed (`Één café` → `een cafe`).
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `c` is a control character that must not reach a terminal, a feed or a calendar:
/// every C0 and C1 control but tab, line feed and carriage return, DEL, and the
/// noncharacters U+FFFE and U+FFFF (which XML forbids too).
pub fn is_unsafe_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// `text` with every [unsafe control](is_unsafe_control) replaced by U+FFFD, so that XML,
/// HTML and calendar writers emit well-formed output even for content with errors.
pub fn without_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(is_unsafe_control) {
        text.chars()
            .map(|c| {
                if is_unsafe_control(c) {
                    char::REPLACEMENT_CHARACTER
                } else {
                    c
                }
            })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// A key that sorts the way a Dutch reader expects: case and accents ignored, and
/// punctuation other than spaces skipped ("Één" sorts under E).
pub fn sort_key(text: &str) -> String {
    fold(text)
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect()
}

/// A slug for `text`: lowercase ASCII letters and digits, anything else one hyphen.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The words of `text` with their byte ranges: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// `text` with every control character (C0, DEL and C1, U+0080–U+009F) written as a
/// visible escape such as `\u{1b}`, so that text from the knowledge base cannot move the
/// cursor, recolour, retitle the window, write the clipboard (OSC 52) or ring the bell of the
/// terminal that shows it. Line feeds and tabs are escaped too: this is for one-line values.
/// Borrowed unchanged when there is nothing to escape.
pub fn escape_control(text: &str) -> Cow<'_, str> {
    escape_controls_except(text, |_, _| false)
}

/// Like [`escape_control`], but keeps the layout of multi-line text: line feeds, tabs, and a
/// carriage return that ends a line (CRLF) stay as they are.
pub fn escape_control_keep_lines(text: &str) -> Cow<'_, str> {
    escape_controls_except(text, |c, next| {
        matches!(c, '\n' | '\t') || (c == '\r' && next == Some('\n'))
    })
}

fn escape_controls_except(text: &str, keep: impl Fn(char, Option<char>) -> bool) -> Cow<'_, str> {
    let needs =
        |(i, c): (usize, char)| c.is_control() && !keep(c, text[i + c.len_utf8()..].chars().next());
    if !text.char_indices().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        if needs((i, c)) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Één Café"), "een cafe");
        assert_eq!(fold("Ëde"), "ede");
    }

    #[test]
    fn unsafe_controls_are_replaced() {
        assert_eq!(
            without_controls("a\u{1b}[31mb\tc\r\n"),
            "a\u{fffd}[31mb\tc\r\n"
        );
        assert_eq!(
            without_controls("\u{b}\u{85}\u{7f}\u{ffff}"),
            "\u{fffd}".repeat(4)
        );
        assert!(matches!(
            without_controls("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn sort_keys_ignore_punctuation() {
        assert!(sort_key("Den Haag") < sort_key("Dordrecht"));
        assert!(sort_key("Ede") < sort_key("Één") && sort_key("Één") < sort_key("Emmen"));
    }

    #[test]
    fn slugs_fold_accents() {
        assert_eq!(slugify("Gemeente Zwolle"), "gemeente-zwolle");
        assert_eq!(slugify("Café Één!"), "cafe-een");
        assert_eq!(slugify("Open_Wob Twee"), "open-wob-twee");
    }

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(
            escape_control("a\u{1b}]52;c;ZXZpbA==\u{7}b\r\n\tc\u{7f}\u{9b}d"),
            "a\\u{1b}]52;c;ZXZpbA==\\u{7}b\\u{d}\\u{a}\\u{9}c\\u{7f}\\u{9b}d"
        );
        assert!(matches!(escape_control("Één café"), Cow::Borrowed(_)));
        assert_eq!(
            escape_control("\u{a0}ü"),
            "\u{a0}ü",
            "U+00A0 and above are text"
        );
    }

    #[test]
    fn multi_line_text_keeps_its_lines() {
        assert_eq!(
            escape_control_keep_lines("a\r\n\tb\n\u{1b}[2Jc\rd"),
            "a\r\n\tb\n\\u{1b}[2Jc\\u{d}d"
        );
    }

    #[test]
    fn words_have_offsets() {
        let text = "Open Wob, café!";
        let found: Vec<_> = words(text).collect();
        assert_eq!(found, [(0, "Open"), (5, "Wob"), (10, "café")]);
    }
}
