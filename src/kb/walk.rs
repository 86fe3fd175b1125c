//! Walks `content/` once: the Markdown documents by type, the other files (for link
//! checks), and a diagnostic for every folder or link that cannot be followed safely.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use walkdir::WalkDir;

use super::schema::DocKind;
use crate::diag::{Code, Diagnostic};

/// A Markdown file found under `content/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where it is on disk.
    pub path: PathBuf,
    /// Relative to the root, with `/` separators.
    pub rel: String,
    /// Its type, from the folder it is in.
    pub kind: DocKind,
}

/// Everything the walk found.
#[derive(Debug, Default)]
pub struct Walked {
    /// Documents, sorted by path.
    pub documents: Vec<Found>,
    /// Every other file, relative to the root.
    pub files: HashSet<String>,
    /// Problems: unreadable folders, symlink loops, links out of the root, stray Markdown.
    pub diagnostics: Vec<Diagnostic>,
}

/// Walks `root/content`; fails only when that folder cannot be read at all.
pub fn walk(root: &Path) -> Result<Walked> {
    let content = root.join("content");
    if !content.is_dir() {
        bail!(
            "no `content/` folder in {} (run in a knowledge base or pass --root)",
            root.display()
        );
    }
    let real_root = root
        .canonicalize()
        .with_context(|| format!("cannot read {}", root.display()))?;
    let mut walked = Walked::default();
    let mut entries = WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().map(|p| relative(root, p)).unwrap_or_default();
                let message = match error.loop_ancestor() {
                    Some(_) => "symbolic link loop; the folder is skipped".to_string(),
                    None => format!("cannot read: {error}"),
                };
                walked
                    .diagnostics
                    .push(Diagnostic::new(Code::UnreadableFile, path, None, message));
                continue;
            }
        };
        let rel = relative(root, entry.path());
        let is_dir = entry.file_type().is_dir();
        if entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.') {
            if is_dir {
                entries.skip_current_dir();
            }
            continue;
        }
        if entry.path_is_symlink() && !inside(&real_root, entry.path()) {
            walked.diagnostics.push(Diagnostic::new(
                Code::UnreadableFile,
                rel,
                None,
                "symbolic link to outside the knowledge base; it is not followed",
            ));
            if is_dir {
                entries.skip_current_dir();
            }
            continue;
        }
        if entry.file_type().is_file() {
            classify(&mut walked, entry.path(), rel);
        } else if !is_dir && is_markdown(entry.path()) {
            walked.diagnostics.push(Diagnostic::new(
                Code::UnreadableFile,
                rel,
                None,
                "not a regular file (a pipe, socket or device); it is not read",
            ));
        }
    }
    Ok(walked)
}

fn classify(walked: &mut Walked, path: &Path, rel: String) {
    let is_markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    if !is_markdown {
        walked.files.insert(rel);
        return;
    }
    if path
        .file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
    {
        walked.files.insert(rel);
        return;
    }
    let folder = rel
        .split('/')
        .nth(1)
        .filter(|_| rel.matches('/').count() >= 2);
    match folder.and_then(DocKind::from_folder) {
        Some(kind) => walked.documents.push(Found {
            path: path.to_path_buf(),
            rel,
            kind,
        }),
        None => {
            let folders: Vec<_> = DocKind::ALL.iter().map(|k| k.folder()).collect();
            walked.diagnostics.push(
                Diagnostic::new(
                    Code::UnknownFolder,
                    rel,
                    None,
                    "this Markdown file is not in a document folder",
                )
                .with_help(format!("move it to content/{{{}}}/", folders.join(","))),
            );
        }
    }
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

fn inside(real_root: &Path, path: &Path) -> bool {
    path.canonicalize().is_ok_and(|p| p.starts_with(real_root))
}

/// `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        for file in files {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "x").expect("write");
        }
        dir
    }

    #[test]
    fn sorts_documents_into_types_and_skips_readmes() {
        let dir = tree(&[
            "content/themes/b.md",
            "content/themes/a.md",
            "content/sessions/2017-09-18-x.md",
            "content/README.md",
            "content/assets/logo.png",
        ]);
        let walked = walk(dir.path()).expect("walk");
        let rels: Vec<_> = walked.documents.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(
            rels,
            [
                "content/sessions/2017-09-18-x.md",
                "content/themes/a.md",
                "content/themes/b.md"
            ]
        );
        assert!(walked.files.contains("content/assets/logo.png"));
        assert!(walked.diagnostics.is_empty());
    }

    #[test]
    fn stray_markdown_is_unknown_folder() {
        let dir = tree(&["content/notes/x.md", "content/y.md"]);
        let walked = walk(dir.path()).expect("walk");
        let codes: Vec<_> = walked.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::UnknownFolder, Code::UnknownFolder]);
    }

    #[test]
    fn missing_content_folder_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(walk(dir.path()).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_and_links_outside_are_reported_not_followed() {
        let dir = tree(&["content/themes/a.md"]);
        let outside = tree(&["secret.md"]);
        let themes = dir.path().join("content/themes");
        std::os::unix::fs::symlink(dir.path().join("content"), themes.join("loop"))
            .expect("symlink");
        std::os::unix::fs::symlink(outside.path(), themes.join("out")).expect("symlink");
        let walked = walk(dir.path()).expect("walk");
        assert_eq!(walked.documents.len(), 1);
        let codes: Vec<_> = walked.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::UnreadableFile, Code::UnreadableFile]);
    }
}
