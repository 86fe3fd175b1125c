//! What `init` writes to ship a new knowledge base: CI that downloads this very version of
//! pioneers (action, container image) instead of compiling it, and the workflows that publish
//! the website.

use std::path::Path;

use crate::support::Test;

/// Runs `init` in a new folder and returns it.
fn init() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = Test::empty()
        .args(["init", dir.path().to_str().expect("utf-8")])
        .run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    dir
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn init_writes_the_pages_workflow_of_the_examples() {
    let dir = init();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        read(dir.path(), ".github/workflows/pages.yml"),
        read(root, "examples/github-pages.yml")
    );
    let pages = read(dir.path(), ".github/workflows/pages.yml");
    assert!(pages.contains("pioneers render --out public --base-url"));
    assert!(pages.contains("actions/upload-pages-artifact@"));
    assert!(pages.contains("actions/deploy-pages@"));
    let gitlab = read(dir.path(), ".gitlab-ci.yml");
    assert!(
        gitlab.contains("\npages:\n"),
        "GitLab Pages needs a job named pages"
    );
    assert!(gitlab.contains("pioneers render --out public --base-url \"$CI_PAGES_URL\""));
}

#[test]
fn what_init_writes_runs_this_version_without_compiling() {
    let dir = init();
    let version = env!("CARGO_PKG_VERSION");
    for file in [
        ".github/workflows/pioneers.yml",
        ".github/workflows/pages.yml",
    ] {
        let text = read(dir.path(), file);
        assert!(
            text.contains(&format!("uses: pioniersnetwerk/pioneers@v{version}\n")),
            "{file} uses the action at v{version}"
        );
    }
    let gitlab = read(dir.path(), ".gitlab-ci.yml");
    assert!(gitlab.contains(&format!("ghcr.io/pioniersnetwerk/pioneers:{version}\n")));
    for file in [
        ".github/workflows/pioneers.yml",
        ".github/workflows/pages.yml",
        ".gitlab-ci.yml",
    ] {
        let text = read(dir.path(), file);
        for stale in [
            "cargo install",
            "OWNER",
            "rust:latest",
            "actions/checkout@v4",
        ] {
            assert!(!text.contains(stale), "{file} still has {stale}");
        }
    }
}

#[test]
fn the_action_installs_this_version_by_default() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let action = read(root, "action.yml");
    let version = env!("CARGO_PKG_VERSION");
    assert!(action.contains(&format!("    default: \"{version}\"\n")));
    let pre_commit = read(root, "examples/pre-commit-config.yaml");
    assert!(pre_commit.contains(&format!("rev: v{version}\n")));
}
