//! The few questions asked of git, each with one `git` process for all files.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

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

/// The date (`YYYY-MM-DD`) of the last commit that touched each of `wanted` (paths relative
/// to `root`, `/`-separated, under `content/`), from one `git log` read as it runs and
/// stopped as soon as every wanted file has its date: on a long history the newest commits
/// usually date every file, and the rest is never read. Empty outside a git repository or
/// when git is missing; files never committed have no date.
pub fn last_changed<'a>(
    root: &Path,
    wanted: impl IntoIterator<Item = &'a str>,
) -> HashMap<String, String> {
    let wanted: HashSet<&str> = wanted.into_iter().collect();
    if wanted.is_empty() {
        return HashMap::new();
    }
    let child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "log",
            "--format=date %cs",
            "--name-only",
            "--no-renames",
            "--relative",
            "-z",
            "--",
            "content",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else {
        return HashMap::new();
    };
    let dates = match child.stdout.take() {
        Some(stdout) => {
            let tokens = BufReader::new(stdout)
                .split(b'\0')
                .map_while(std::result::Result::ok);
            dates_from_log(tokens, &wanted)
        }
        None => HashMap::new(),
    };
    // Stops git if it is still writing (it has nothing more we need), and reaps it.
    let _ = child.kill();
    let _ = child.wait();
    dates
}

/// Reads the NUL-separated tokens of `git log --format='date %cs' --name-only -z`, newest
/// commit first, and gives each wanted path the date of the first commit that names it;
/// stops taking tokens as soon as every wanted path has its date.
fn dates_from_log(
    tokens: impl Iterator<Item = Vec<u8>>,
    wanted: &HashSet<&str>,
) -> HashMap<String, String> {
    let mut dates = HashMap::new();
    let mut current: Option<String> = None;
    for token in tokens {
        let token = String::from_utf8_lossy(&token);
        // After the header, git puts a line break before the first path of a commit.
        let token = token.trim_start_matches('\n');
        if let Some(date) = token.strip_prefix("date ") {
            current = Some(date.to_string());
        } else if let Some(date) = &current
            && wanted.contains(token)
            && !dates.contains_key(token)
        {
            dates.insert(token.to_string(), date.clone());
            if dates.len() == wanted.len() {
                break;
            }
        }
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Vec<u8>> {
        text.split('\0').map(|t| t.as_bytes().to_vec()).collect()
    }

    #[test]
    fn the_newest_commit_that_names_a_file_dates_it() {
        let log = tokens(
            "date 2026-11-30\0\ncontent/a.md\0content/b.md\0\0date 2026-10-01\0\ncontent/a.md\0content/c.md\0",
        );
        let wanted = HashSet::from(["content/a.md", "content/b.md", "content/c.md"]);
        let dates = dates_from_log(log.into_iter(), &wanted);
        assert_eq!(dates["content/a.md"], "2026-11-30");
        assert_eq!(dates["content/b.md"], "2026-11-30");
        assert_eq!(dates["content/c.md"], "2026-10-01");
    }

    #[test]
    fn stops_reading_once_every_wanted_file_has_its_date() {
        let mut log = tokens("date 2026-11-30\0\ncontent/a.md\0content/b.md\0\0");
        for _ in 0..100_000 {
            log.extend(tokens("date 2000-01-01\0\ncontent/a.md\0\0"));
        }
        let wanted = HashSet::from(["content/a.md", "content/b.md"]);
        let mut taken = 0;
        let counted = log.into_iter().inspect(|_| taken += 1);
        let dates = dates_from_log(counted, &wanted);
        assert_eq!(dates.len(), 2);
        assert_eq!(dates["content/b.md"], "2026-11-30");
        assert_eq!(taken, 3, "nothing after the last wanted file is read");
    }

    #[test]
    fn paths_not_wanted_are_ignored() {
        let log = tokens("date 2026-11-30\0\ncontent/assets/x.png\0content/a.md\0");
        let wanted = HashSet::from(["content/a.md"]);
        let dates = dates_from_log(log.into_iter(), &wanted);
        assert_eq!(dates.len(), 1);
    }

    #[test]
    fn outside_a_repository_there_are_no_dates() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(last_changed(dir.path(), ["content/a.md"]).is_empty());
    }
}
