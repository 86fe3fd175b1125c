//! `pioneers mv`: renaming an id from the command line, with `--dry-run`, in and out of git.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{Test, git};

/// Every file under `root` with its bytes, `.git` left out.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file() && !e.path().components().any(|c| c.as_os_str() == ".git")
        })
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

#[test]
fn dry_run_prints_the_changes_and_writes_nothing() {
    let test = Test::fixture("network");
    let before = tree(test.root());
    let test = test.args(["mv", "utrecht", "gemeente-utrecht", "--dry-run"]);
    let output = test.run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    assert_eq!(tree(test.root()), before);
    insta::assert_snapshot!("mv_dry_run", output.stdout);
}

#[test]
fn mv_in_git_moves_the_file_and_rewrites_every_reference() {
    let test = Test::fixture("network");
    git(test.root(), None, &["init", "-q"]);
    git(test.root(), None, &["add", "-A"]);
    git(test.root(), None, &["commit", "-qm", "start"]);
    let test = test.args(["mv", "content/themes/open-wob.md", "open-woo"]);
    let root = test.root().to_path_buf();
    let output = test.run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    assert_eq!(
        output.stdout,
        "content/themes/open-wob.md is now content/themes/open-woo.md; 2 reference(s) in 2 file(s) changed\n"
    );
    let status = std::process::Command::new("git")
        .arg("-C")
        .arg(&root)
        .args(["status", "--porcelain"])
        .output()
        .expect("git status");
    let status = format!(
        "{}{}",
        String::from_utf8_lossy(&status.stdout),
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(
        status.contains("R  content/themes/open-wob.md -> content/themes/open-woo.md"),
        "{status}"
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_pioneers"))
        .args(["validate", "--today", crate::support::TODAY, "--root"])
        .arg(&root)
        .env("PIONEERS_LANG", "en")
        .output()
        .expect("validate");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn mv_refuses_a_taken_or_invalid_id_and_an_ambiguous_one() {
    let run = |args: &[&str]| Test::fixture("network").args(args.iter().copied()).run();
    let taken = run(&["mv", "utrecht", "zwolle"]);
    assert_eq!(taken.status, Some(2));
    assert!(
        taken
            .stderr
            .contains("there is already an organisation with the id `zwolle`"),
        "{}",
        taken.stderr
    );
    let invalid = run(&["mv", "utrecht", "Utrecht"]);
    assert_eq!(invalid.status, Some(2));
    let ambiguous = run(&["mv", "2017-09-18-kick-off", "2017-09-18-start"]);
    assert_eq!(ambiguous.status, Some(2));
    assert!(ambiguous.stderr.contains("--kind"), "{}", ambiguous.stderr);
    let unknown = run(&["mv", "nobody", "somebody"]);
    assert_eq!(unknown.status, Some(1));
}

#[test]
fn mv_without_git_renames_and_validates() {
    let test = Test::fixture("network").args([
        "mv",
        "2017-09-18-kick-off",
        "2017-09-18-start",
        "--kind",
        "session",
    ]);
    let root = test.root().to_path_buf();
    let output = test.run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    assert!(root.join("content/sessions/2017-09-18-start.md").exists());
    let retro = std::fs::read_to_string(root.join("content/retrospectives/2017-09-18-kick-off.md"))
        .expect("read");
    assert!(retro.contains("session: 2017-09-18-start\n"), "{retro}");
}
