//! The few questions asked of git, each with one `git` process for all files.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

/// Paths (relative to `root`, `/`-separated) that differ from `rev`: committed since,
/// staged, unstaged, deleted, or untracked.
pub fn changed_since(root: &Path, rev: &str) -> Result<BTreeSet<String>> {
    if rev.starts_with('-') {
        bail!("`{rev}` is not a revision");
    }
    let diff = git(
        root,
        &[
            "diff",
            "--name-only",
            "--no-renames",
            "--relative",
            "-z",
            rev,
            "--",
        ],
    )
    .with_context(|| format!("cannot compare with `{rev}`"))?;
    let untracked = git(
        root,
        &[
            "ls-files",
            "--others",
            "--exclude-standard",
            "-z",
            "--",
            ".",
        ],
    )
    .context("cannot list untracked files")?;
    Ok(diff
        .split('\0')
        .chain(untracked.split('\0'))
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect())
}

/// Runs `git -C root ARGS` and returns its standard output; a failure carries git's message.
fn git(root: &Path, args: &[&str]) -> Result<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .context("cannot run git (is it installed?)")?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        bail!("{}", message.lines().next().unwrap_or("git failed").trim());
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
