//! Where a relative link in a body points: shared by `broken-link`, `broken-anchor` and
//! `missing-image`.

use crate::kb::{Document, KnowledgeBase};

/// The target of a link destination.
#[derive(Debug)]
pub enum Target<'a> {
    /// An absolute URL, `mailto:` and the like, or an empty link: not checked.
    External,
    /// `#anchor` in the same document.
    SameDocument(String),
    /// A path relative to the root, with an optional `#anchor`.
    Path {
        /// The normalised path, relative to the root; `None` when it climbs out of it.
        path: Option<String>,
        /// The anchor, if any.
        anchor: Option<String>,
        /// The document at that path, if there is one.
        document: Option<&'a Document>,
    },
}

/// The path (relative to the root) that `dest`, written in the file at `from`, points to;
/// `None` for an external link, a link within the page, or one that climbs out.
pub fn target_path(from: &str, dest: &str) -> Option<String> {
    if dest.is_empty() || has_scheme(dest) || dest.starts_with("//") {
        return None;
    }
    let path = dest.split_once('#').map_or(dest, |(path, _)| path);
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() {
        return None;
    }
    normalise(from, &percent_decode(path)).map(|p| p.trim_end_matches('/').to_string())
}

/// Resolves `dest`, written in `doc`, against the knowledge base.
pub fn resolve<'a>(kb: &'a KnowledgeBase, doc: &Document, dest: &str) -> Target<'a> {
    if dest.is_empty() || has_scheme(dest) || dest.starts_with("//") {
        return Target::External;
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((path, anchor)) => (path, Some(percent_decode(anchor))),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() {
        return match anchor {
            Some(anchor) => Target::SameDocument(anchor),
            None => Target::External,
        };
    }
    let path = normalise(kb.path(doc), &percent_decode(path));
    let document = path
        .as_ref()
        .and_then(|p| kb.by_path.get(p))
        .and_then(|&i| kb.documents.get(i));
    Target::Path {
        path,
        anchor,
        document,
    }
}

/// Whether a file or folder that the walk accepted is at `path` (relative to the root):
/// what is published, so a link to a dot-file, through a symbolic link or outside
/// `content/` is broken even when something is there on disk.
pub fn exists(kb: &KnowledgeBase, path: &str) -> bool {
    let path = path.trim_end_matches('/');
    kb.by_path.contains_key(path) || kb.other_files.contains(path) || kb.folders.contains(path)
}

fn has_scheme(dest: &str) -> bool {
    match dest.find(':') {
        Some(colon) => {
            let scheme = &dest[..colon];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Joins `link` to the folder of `from` (both relative to the root) and removes `.` and
/// `..`; a leading `/` means the root. `None` when the path climbs above the root.
fn normalise(from: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = if link.starts_with('/') {
        Vec::new()
    } else {
        let mut dir: Vec<&str> = from.split('/').collect();
        dir.pop();
        dir
    };
    for part in link.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// `text` with `%XX` escapes decoded (invalid UTF-8 becomes U+FFFD, a lone `%` stays).
fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_relative_paths() {
        assert_eq!(
            normalise("content/retrospectives/a.md", "../themes/open-wob.md").as_deref(),
            Some("content/themes/open-wob.md")
        );
        assert_eq!(
            normalise("content/a/b.md", "./c.png").as_deref(),
            Some("content/a/c.png")
        );
        assert_eq!(
            normalise("content/a/b.md", "/content/x.md").as_deref(),
            Some("content/x.md")
        );
        assert_eq!(normalise("content/a.md", "../../../x"), None);
    }

    #[test]
    fn schemes_are_external() {
        assert!(has_scheme("https://example.org"));
        assert!(has_scheme("mailto:a@b.nl"));
        assert!(!has_scheme("../themes/a.md"));
        assert!(!has_scheme("a.md#x:y"));
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("open%20wob"), "open wob");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%C3%A9%zz"), "é%zz");
        assert_eq!(percent_decode("%ff"), "\u{fffd}");
    }
}
