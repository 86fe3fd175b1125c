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

/// The date of the last commit that touched each file under `content/`, from one
/// `git log`; empty outside a git repository or when git is missing.
pub fn last_changed(root: &Path) -> std::collections::HashMap<String, String> {
    let mut dates = std::collections::HashMap::new();
    let Ok(log) = git(
        root,
        &[
            "log",
            "--format=%x00%cs",
            "--name-only",
            "--no-renames",
            "--relative",
            "--",
            "content",
        ],
    ) else {
        return dates;
    };
    let mut current = None;
    for line in log.lines() {
        if let Some(date) = line.strip_prefix('\0') {
            current = Some(date.to_string());
        } else if !line.is_empty()
            && let Some(date) = &current
        {
            dates
                .entry(line.to_string())
                .or_insert_with(|| date.clone());
        }
    }
    dates
}
