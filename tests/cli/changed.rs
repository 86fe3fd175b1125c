//! `validate --changed-since REV` in real, temporary git repositories.

use crate::support::{Test, located};

fn git(test: &Test, args: &[&str]) {
    crate::support::git(test.root(), None, args);
}

/// The many-errors fixture committed as `main`.
fn repo() -> Test {
    let test = Test::fixture("clean").file(
        "content/themes/oud.md",
        "---\ntitle: Oud\nsummary: S\nkleur: rood\n---\n",
    );
    git(&test, &["init", "-q", "-b", "main"]);
    git(&test, &["add", "-A"]);
    git(&test, &["commit", "-q", "-m", "start"]);
    test
}

#[test]
fn unchanged_files_are_not_reported() {
    let (status, json) = repo().args(["validate", "--changed-since", "HEAD"]).json();
    assert_eq!(status, Some(0), "{json}");
    assert!(located(&json).is_empty());
}

#[test]
fn committed_staged_unstaged_and_untracked_changes_are_reported() {
    let test = repo().file(
        "content/themes/nieuw.md",
        "---\ntitle: N\nsummary: S\nstatus: klaar\n---\n",
    );
    let modified =
        "---\ntitle: Open Wob\nsummary: S\ncarriers: [utrecht]\nzzz: 1\n---\n## Aanpak\n";
    let test = test.file("content/themes/open-wob.md", modified);
    git(&test, &["add", "content/themes/open-wob.md"]);
    let (status, json) = test.args(["validate", "--changed-since", "HEAD"]).json();
    assert_eq!(status, Some(1));
    assert_eq!(
        located(&json),
        [
            "invalid-value@content/themes/nieuw.md:4:9",
            "unknown-field@content/themes/open-wob.md:5:1"
        ]
    );
    // The two changed files, and the session and retrospective that refer to open-wob.
    assert_eq!(json["summary"]["files"], 4);
}

#[test]
fn a_deleted_organisation_reports_the_theme_that_still_carries_it() {
    let test = repo();
    git(&test, &["rm", "-q", "content/organisations/utrecht.md"]);
    git(&test, &["commit", "-q", "-m", "weg met utrecht"]);
    let (status, json) = test.args(["validate", "--changed-since", "HEAD~1"]).json();
    assert_eq!(status, Some(1));
    let found = located(&json);
    assert!(
        found.contains(&"unknown-reference@content/themes/open-wob.md:4:12".to_string()),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|f| f.contains("oud.md")),
        "old problems elsewhere stay quiet: {found:?}"
    );
}

#[test]
fn outside_a_repository_or_with_an_unknown_revision_is_an_environment_error() {
    let output = Test::fixture("clean")
        .args(["validate", "--changed-since", "HEAD"])
        .run();
    assert_eq!(output.status, Some(2));
    assert!(
        output
            .stderr
            .starts_with("error: cannot compare with `HEAD`"),
        "{}",
        output.stderr
    );
    let output = repo()
        .args(["validate", "--changed-since", "no-such-branch"])
        .run();
    assert_eq!(output.status, Some(2));
    assert!(
        output.stderr.contains("no-such-branch"),
        "{}",
        output.stderr
    );
}
