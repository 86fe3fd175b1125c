//! `validate --fix`: applies the certain fixes that diagnostics carry, as minimal text edits.
//!
//! A [`Fix`] is data: a byte range of a file's text and its replacement. This module applies
//! any of them generically: [`apply`] edits one text (the first of overlapping fixes wins, the
//! others are reported as skipped), [`plan`] re-validates in memory after each round because
//! one fix can uncover another, and [`write_atomically`] puts the result in place of the file
//! without following a symbolic link. Nothing outside a fix's range is touched: line
//! endings, the body and the rest of the front matter stay byte for byte.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write as _;
use std::ops::Range;
use std::path::Path;

use crate::diag::{Fix, LineIndex, Position};
use crate::kb::yaml::{Node, Value};
use crate::kb::{KnowledgeBase, MAX_FILE_BYTES, access};
use crate::msg::Msg;

/// How many times [`plan`] re-validates and fixes again before it stops: enough for a fix
/// that uncovers another, and a bound if two fixes ever undo each other.
pub const MAX_ROUNDS: usize = 5;

/// One edit that was made: where it was (in the text before its round) and what changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Line and column of the start of the edit, in the text it was applied to.
    pub at: Position,
    /// The text that was replaced.
    pub before: String,
    /// The text put in its place.
    pub after: String,
}

/// What [`apply`] did to one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// The text with the fixes applied.
    pub text: String,
    /// The spans that were replaced, in the original text, in file order, with their
    /// replacement.
    pub edits: Vec<(Range<usize>, String)>,
    /// Fixes that were not applied: they overlap an earlier one or their span is not a
    /// range of whole characters of the text.
    pub skipped: Vec<Fix>,
}

/// Applies `fixes` to `text`: in the order given, a fix that overlaps one already taken (or
/// starts where it starts) is skipped, as is one whose span is outside the text or splits a
/// character; a fix that would change nothing, or repeats one taken, is dropped. The rest
/// are applied from the end of the text, so each span still means what it meant.
pub fn apply(text: &str, fixes: &[Fix]) -> Applied {
    let mut taken: Vec<&Fix> = Vec::new();
    let mut skipped = Vec::new();
    for fix in fixes {
        if !is_whole_characters(text, &fix.span) {
            skipped.push(fix.clone());
            continue;
        }
        if text[fix.span.clone()] == fix.replacement || taken.contains(&fix) {
            continue;
        }
        if taken.iter().any(|t| overlaps(&t.span, &fix.span)) {
            skipped.push(fix.clone());
            continue;
        }
        taken.push(fix);
    }
    taken.sort_by_key(|fix| fix.span.start);
    let mut result = text.to_string();
    for fix in taken.iter().rev() {
        result.replace_range(fix.span.clone(), &fix.replacement);
    }
    Applied {
        text: result,
        edits: taken
            .iter()
            .map(|fix| (fix.span.clone(), fix.replacement.clone()))
            .collect(),
        skipped,
    }
}

/// Whether `span` is a range of `text` that starts and ends on character boundaries.
fn is_whole_characters(text: &str, span: &Range<usize>) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Whether two edits touch the same text, or insert at the same place (then their order
/// would be a guess).
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || a.start == b.start
}

/// A fix that replaces the scalar `node` of `text` by the word `word` (an id or a word of a
/// fixed set), written as the scalar was: plain, or in the same quotes. `None` when that
/// cannot be done safely: a block scalar, a span that is not exactly the scalar, a word
/// that YAML would read as something other than text, or one that needs quoting.
pub fn replace_scalar(text: &str, node: &Node, word: &str, certain: bool) -> Option<Fix> {
    let Value::Scalar {
        text: value,
        quoted,
    } = &node.value
    else {
        return None;
    };
    let written = text.get(node.span.clone())?;
    let plain_word = Node {
        span: 0..0,
        value: Value::Scalar {
            text: word.to_string(),
            quoted: false,
        },
    };
    let is_plain_text = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        && !word.starts_with('-')
        && !plain_word.is_null()
        && !plain_word.is_number()
        && plain_word.as_bool().is_none();
    if !is_plain_text {
        return None;
    }
    let (length, replacement) = if !quoted {
        (written == value).then(|| (written.len(), word.to_string()))?
    } else {
        let quote = written.chars().next().filter(|q| ['"', '\''].contains(q))?;
        (
            quoted_length(written, quote)?,
            format!("{quote}{word}{quote}"),
        )
    };
    Some(Fix {
        span: node.span.start..node.span.start + length,
        replacement,
        certain,
    })
}

/// The length in bytes of the quoted scalar `written` starts with (opening and closing
/// quote included): the parser's span of a quoted scalar can run on over a comment after
/// it. `None` if it is not closed.
fn quoted_length(written: &str, quote: char) -> Option<usize> {
    let mut chars = written.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            '\'' if quote == '\'' && chars.peek().is_some_and(|&(_, next)| next == '\'') => {
                chars.next();
            }
            c if c == quote => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The fixes of one file after every round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFix {
    /// The file, relative to the root.
    pub path: String,
    /// Its text as read.
    pub original: String,
    /// Its text with every certain fix applied.
    pub fixed: String,
    /// What changed, round by round.
    pub changes: Vec<Change>,
    /// Where a certain fix was left out because another one changed the same text in the
    /// last round.
    pub skipped: Vec<Position>,
}

/// Applies the certain fixes of the files `selected` accepts, re-validating the changed
/// knowledge base in memory after each round until no certain fix is left (at most
/// [`MAX_ROUNDS`] rounds). Only files that change are returned, in path order. Nothing is
/// written.
pub fn plan(kb: &KnowledgeBase, selected: &dyn Fn(&str) -> bool) -> Vec<FileFix> {
    let mut texts: BTreeMap<String, String> = kb
        .files
        .iter()
        .map(|f| (f.path.clone(), f.text.clone()))
        .collect();
    let others: Vec<&str> = kb.other_files.iter().map(String::as_str).collect();
    let mut changes: BTreeMap<String, Vec<Change>> = BTreeMap::new();
    let mut skipped: BTreeMap<String, Vec<Position>> = BTreeMap::new();
    let mut current: Option<KnowledgeBase> = None;
    for _ in 0..MAX_ROUNDS {
        let diagnostics = crate::validate::validate(current.as_ref().unwrap_or(kb));
        let mut certain: BTreeMap<&str, Vec<Fix>> = BTreeMap::new();
        for d in diagnostics.iter().filter(|d| selected(&d.file)) {
            let fixes = d.fixes.iter().filter(|f| f.certain).cloned();
            certain.entry(d.file.as_str()).or_default().extend(fixes);
        }
        skipped.clear();
        let mut changed = false;
        for (path, fixes) in certain {
            let Some(text) = texts.get_mut(path) else {
                continue;
            };
            let applied = apply(text, &fixes);
            let index = LineIndex::new(text);
            let at = |offset| index.position(text, offset);
            if !applied.skipped.is_empty() {
                let places = applied.skipped.iter().map(|f| at(f.span.start)).collect();
                skipped.insert(path.to_string(), places);
            }
            if applied.edits.is_empty() {
                continue;
            }
            let made = applied.edits.iter().map(|(span, after)| Change {
                at: at(span.start),
                before: text[span.clone()].to_string(),
                after: after.clone(),
            });
            let made: Vec<Change> = made.collect();
            changes.entry(path.to_string()).or_default().extend(made);
            *text = applied.text;
            changed = true;
        }
        if !changed {
            break;
        }
        current = Some(rebuild(kb, &texts, &others));
    }
    let originals: BTreeMap<&str, &str> = kb
        .files
        .iter()
        .map(|f| (f.path.as_str(), f.text.as_str()))
        .collect();
    let touched: BTreeSet<&String> = changes.keys().chain(skipped.keys()).collect();
    touched
        .into_iter()
        .filter_map(|path| {
            let original = originals.get(path.as_str())?;
            Some(FileFix {
                path: path.clone(),
                original: (*original).to_string(),
                fixed: texts.get(path)?.clone(),
                changes: changes.get(path).cloned().unwrap_or_default(),
                skipped: skipped.get(path).cloned().unwrap_or_default(),
            })
        })
        .collect()
}

/// The knowledge base as it would be with `texts`, for the next round's diagnostics.
fn rebuild(kb: &KnowledgeBase, texts: &BTreeMap<String, String>, others: &[&str]) -> KnowledgeBase {
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_str()))
        .collect();
    let mut rebuilt = KnowledgeBase::from_memory(&files, others, kb.today);
    rebuilt.config = kb.config.clone();
    rebuilt.root = kb.root.clone();
    rebuilt
}

/// A unified diff of one file's fixes, with `a/` and `b/` paths as git writes them.
/// Control characters in the file are shown as escapes, so the diff cannot drive the
/// terminal that shows it.
pub fn unified_diff(fix: &FileFix) -> String {
    let diff = similar::TextDiff::from_lines(&fix.original, &fix.fixed)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{}", fix.path), &format!("b/{}", fix.path))
        .to_string();
    crate::text::escape_control_keep_lines(&diff).into_owned()
}

/// Replaces the file `rel` under `root`, whose text was `expected`, by `text`: written to a
/// temporary file in the same folder and renamed over it, keeping its permissions. Refused
/// (with the reason, as a message) when the path has a symbolic link or a dot-name on the
/// way, is not a regular file, or no longer holds `expected`.
pub fn write_atomically(root: &Path, rel: &str, expected: &str, text: &str) -> Result<(), Msg> {
    let on_disk = access::read(root, rel, MAX_FILE_BYTES)
        .map_err(|denied| Msg::CannotReadFile(denied.to_string()))?;
    if on_disk != expected.as_bytes() {
        return Err(Msg::ChangedWhileFixing);
    }
    let path = root.join(rel);
    let metadata = fs::symlink_metadata(&path).map_err(|e| Msg::CannotReadFile(e.to_string()))?;
    if !metadata.file_type().is_file() {
        return Err(Msg::SymbolicLink);
    }
    let folder = path.parent().ok_or(Msg::ChangedWhileFixing)?;
    let written = (|| {
        let mut temporary = tempfile::Builder::new()
            .prefix(".pioneers-fix-")
            .tempfile_in(folder)?;
        temporary.write_all(text.as_bytes())?;
        temporary.as_file().sync_all()?;
        fs::set_permissions(temporary.path(), metadata.permissions())?;
        temporary.persist(&path).map_err(|e| e.error)?;
        Ok::<(), std::io::Error>(())
    })();
    written.map_err(|e| Msg::CannotWriteFile(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(span: Range<usize>, replacement: &str) -> Fix {
        Fix {
            span,
            replacement: replacement.to_string(),
            certain: true,
        }
    }

    #[test]
    fn applies_from_the_end_whatever_the_order_given() {
        let text = "titel: a\nsoort: b\n";
        let applied = apply(text, &[fix(9..14, "kind"), fix(0..5, "title")]);
        assert_eq!(applied.text, "title: a\nkind: b\n");
        assert_eq!(
            applied.edits,
            [(0..5, "title".to_string()), (9..14, "kind".to_string())]
        );
        assert!(applied.skipped.is_empty());
    }

    #[test]
    fn the_first_of_overlapping_fixes_wins() {
        let text = "abcdef";
        let first = fix(1..4, "X");
        let second = fix(3..5, "Y");
        let same_start = fix(1..1, "Z");
        let applied = apply(text, &[first, second.clone(), same_start.clone()]);
        assert_eq!(applied.text, "aXef");
        assert_eq!(applied.skipped, [second, same_start]);
    }

    #[test]
    fn touching_fixes_both_apply() {
        let applied = apply("abcd", &[fix(0..2, "X"), fix(2..4, "Y")]);
        assert_eq!(applied.text, "XY");
    }

    #[test]
    fn spans_outside_the_text_or_inside_a_character_are_skipped() {
        let text = "é: x";
        let outside = fix(3..9, "y");
        let inside = fix(1..2, "e");
        let backwards = Fix {
            span: Range { start: 3, end: 2 },
            ..fix(0..0, "")
        };
        let applied = apply(text, &[outside.clone(), inside.clone(), backwards.clone()]);
        assert_eq!(applied.text, text);
        assert_eq!(applied.skipped, [outside, inside, backwards]);
    }

    #[test]
    fn repeats_and_no_ops_are_dropped_quietly() {
        let applied = apply("ab", &[fix(0..1, "A"), fix(0..1, "A"), fix(1..2, "b")]);
        assert_eq!(applied.text, "Ab");
        assert_eq!(applied.edits.len(), 1);
        assert!(applied.skipped.is_empty());
    }

    #[test]
    fn nothing_outside_the_spans_changes() {
        let text = "---\r\nkind: Municipality\r\n---\r\nBody \u{1b} é\r\n";
        let applied = apply(text, &[fix(11..23, "municipality")]);
        assert_eq!(
            applied.text,
            "---\r\nkind: municipality\r\n---\r\nBody \u{1b} é\r\n"
        );
    }

    fn kb(files: &[(&str, &str)]) -> KnowledgeBase {
        let today = crate::kb::date::parse_date("2020-01-01").expect("date");
        KnowledgeBase::from_memory(files, &[], today)
    }

    #[test]
    fn plan_applies_certain_fixes_only_to_selected_files() {
        let kb = kb(&[
            (
                "content/organisations/utrecht.md",
                "---\nname: U\nkind: Municipality\n---\n",
            ),
            (
                "content/organisations/zwolle.md",
                "---\nname: Z\nkind: municipalty\n---\n",
            ),
        ]);
        let all = plan(&kb, &|_| true);
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[0].fixed, "---\nname: U\nkind: municipality\n---\n");
        assert_eq!(
            all[0].changes,
            [Change {
                at: Position { line: 3, column: 7 },
                before: "Municipality".into(),
                after: "municipality".into(),
            }]
        );
        let one = plan(&kb, &|path| path.ends_with("zwolle.md"));
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].fixed, "---\nname: Z\nkind: municipality\n---\n");
    }

    #[test]
    fn a_diff_shows_the_change_and_escapes_controls() {
        let fix = FileFix {
            path: "content/x.md".into(),
            original: "a\n\u{1b}[31m\nkind: X\n".into(),
            fixed: "a\n\u{1b}[31m\nkind: x\n".into(),
            changes: Vec::new(),
            skipped: Vec::new(),
        };
        let diff = unified_diff(&fix);
        assert!(
            diff.starts_with("--- a/content/x.md\n+++ b/content/x.md\n@@"),
            "{diff}"
        );
        assert!(diff.contains("-kind: X\n+kind: x\n"), "{diff}");
        assert!(!diff.contains('\u{1b}'), "{diff}");
    }

    fn scalar(text: &str, span: Range<usize>, quoted: bool) -> Node {
        Node {
            value: Value::Scalar {
                text: text[span.clone()].trim_matches(['"', '\'']).to_string(),
                quoted,
            },
            span,
        }
    }

    #[test]
    fn scalars_are_replaced_as_they_were_written() {
        let text = "kind: Municipality";
        let plain = replace_scalar(text, &scalar(text, 6..18, false), "municipality", true);
        assert_eq!(plain.map(|f| f.replacement), Some("municipality".into()));
        let text = "kind: 'Municipality'";
        let quoted = replace_scalar(text, &scalar(text, 6..20, true), "municipality", true);
        assert_eq!(quoted.map(|f| f.replacement), Some("'municipality'".into()));
        let text = "kind: |\n  Municipality\n";
        let block = Node {
            value: Value::Scalar {
                text: "Municipality\n".into(),
                quoted: true,
            },
            span: 6..text.len(),
        };
        assert_eq!(replace_scalar(text, &block, "municipality", true), None);
    }

    #[test]
    fn a_quoted_scalar_ends_at_its_closing_quote() {
        assert_eq!(quoted_length("\"a\\\"b\" # c", '"'), Some(6));
        assert_eq!(quoted_length("'a''b' # c'", '\''), Some(6));
        assert_eq!(quoted_length("\"open", '"'), None);
        let text = "kind: \"Municipality\" # soort";
        let node = Node {
            value: Value::Scalar {
                text: "Municipality".into(),
                quoted: true,
            },
            span: 6..text.len(),
        };
        let fix = replace_scalar(text, &node, "municipality", true).expect("fix");
        assert_eq!(
            (fix.span, fix.replacement.as_str()),
            (6..20, "\"municipality\"")
        );
    }

    #[test]
    fn words_yaml_would_not_read_as_text_are_not_written_plain() {
        let text = "carriers: [Null]";
        let node = scalar(text, 11..15, false);
        for word in ["null", "true", "0x1f", "12", "-x", "a b", ""] {
            assert_eq!(replace_scalar(text, &node, word, true), None, "{word}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn write_atomically_never_writes_through_a_link() {
        let root = tempfile::tempdir().expect("tempdir");
        let outside = tempfile::tempdir().expect("tempdir");
        let target = outside.path().join("secret.md");
        fs::write(&target, "old").expect("write");
        fs::create_dir_all(root.path().join("content/themes")).expect("mkdir");
        let link = root.path().join("content/themes/x.md");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        let refused = write_atomically(root.path(), "content/themes/x.md", "old", "new");
        assert!(refused.is_err());
        assert_eq!(fs::read_to_string(&target).expect("read"), "old");
        std::os::unix::fs::symlink(outside.path(), root.path().join("content/sessions"))
            .expect("symlink");
        fs::write(outside.path().join("y.md"), "old").expect("write");
        let refused = write_atomically(root.path(), "content/sessions/y.md", "old", "new");
        assert!(refused.is_err());
        assert_eq!(
            fs::read_to_string(outside.path().join("y.md")).expect("read"),
            "old"
        );
    }

    #[test]
    fn write_atomically_refuses_a_file_changed_since_it_was_read() {
        let root = tempfile::tempdir().expect("tempdir");
        fs::create_dir_all(root.path().join("content")).expect("mkdir");
        fs::write(root.path().join("content/x.md"), "edited").expect("write");
        let refused = write_atomically(root.path(), "content/x.md", "old", "new");
        assert_eq!(refused, Err(Msg::ChangedWhileFixing));
        assert_eq!(
            write_atomically(root.path(), "content/x.md", "edited", "new"),
            Ok(())
        );
        let text = fs::read_to_string(root.path().join("content/x.md")).expect("read");
        assert_eq!(text, "new");
    }
}
