//! `pioneers init [DIR]`: a new knowledge base that validates, with its CI and the
//! workflows that publish its website.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::kb::root::CONFIG_FILE;
use crate::kb::schema::DocKind;

/// The files `init` writes, relative to the new root. The CI files are the examples of this
/// repository, so what users copy and what `init` writes cannot drift apart: validation on
/// pull requests and publishing to GitHub Pages (two workflows), and both for GitLab (one
/// file with a `pages` job).
pub const FILES: &[(&str, &str)] = &[
    (
        CONFIG_FILE,
        "title = \"Pioniersnetwerk Open Overheid\"\nlanguage = \"nl\"\n# base_url = \"https://example.org/kennisbank/\"\n",
    ),
    (
        "content/README.md",
        include_str!("templates/content-README.md"),
    ),
    ("content/assets/.gitkeep", ""),
    (
        ".github/workflows/pioneers.yml",
        include_str!("../../examples/github-actions.yml"),
    ),
    (
        ".github/workflows/pages.yml",
        include_str!("../../examples/github-pages.yml"),
    ),
    (
        ".github/pull_request_template.md",
        include_str!("../../examples/pull-request-template.md"),
    ),
    (
        ".gitlab-ci.yml",
        include_str!("../../examples/gitlab-ci.yml"),
    ),
];

/// What `init` did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Created these files (relative paths); existing files of the same name were kept and
    /// are listed in `kept`.
    Created {
        /// Written.
        written: Vec<String>,
        /// Already there, left alone.
        kept: Vec<String>,
    },
    /// `DIR` already holds a knowledge base.
    AlreadyThere(PathBuf),
}

/// Creates a knowledge base in `dir`.
pub fn init(dir: &Path) -> Result<Outcome> {
    if dir.join(CONFIG_FILE).exists() {
        return Ok(Outcome::AlreadyThere(dir.join(CONFIG_FILE)));
    }
    let folders = DocKind::ALL.map(|k| format!("content/{}/.gitkeep", k.folder()));
    let files = FILES
        .iter()
        .map(|(p, t)| (p.to_string(), *t))
        .chain(folders.into_iter().map(|p| (p, "")));
    let mut written = Vec::new();
    let mut kept = Vec::new();
    for (rel, text) in files {
        let path = dir.join(&rel);
        if path.exists() {
            kept.push(rel);
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(rel);
    }
    Ok(Outcome::Created { written, kept })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_then_refuses() {
        let dir = tempfile::tempdir().expect("tempdir");
        let Outcome::Created { written, kept } = init(dir.path()).expect("init") else {
            panic!("expected files");
        };
        assert!(kept.is_empty());
        assert!(written.contains(&"content/themes/.gitkeep".to_string()));
        assert!(dir.path().join(".gitlab-ci.yml").is_file());
        assert!(dir.path().join(".github/workflows/pages.yml").is_file());
        assert!(matches!(
            init(dir.path()).expect("init"),
            Outcome::AlreadyThere(_)
        ));
    }

    #[test]
    fn keeps_files_that_exist() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join(".gitlab-ci.yml"), "mine").expect("write");
        let Outcome::Created { kept, .. } = init(dir.path()).expect("init") else {
            panic!("expected files");
        };
        assert_eq!(kept, [".gitlab-ci.yml"]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join(".gitlab-ci.yml")).expect("read"),
            "mine"
        );
    }
}
