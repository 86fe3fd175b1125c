//! Files an attacker plants: symbolic links, dot-files, generated paths, render housekeeping.
//!
//! A pull request may add symbolic links (git stores them), pipes cannot be committed but a
//! checkout can hold them, and CI publishes whatever `render` writes: none of it may carry a
//! file from outside the content onto the site.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::{Output, Test, located};

/// What the planted secret files hold; it must never appear in the site.
const SECRET: &str = "TOKEN=ghp_s3cr3t_f0r_th3_t3st";

/// The clean fixture with a secret `.env` and `.git/config` at the root, and `content/assets/`.
fn with_secrets() -> Test {
    Test::fixture("clean")
        .file(".env", SECRET)
        .file(".git/config", format!("[remote]\n{SECRET}\n"))
        .file("notes/private.txt", SECRET)
        .file("content/assets/logo.txt", "a logo")
}

#[cfg(unix)]
fn link(test: &Test, target: impl AsRef<Path>, at: &str) {
    std::os::unix::fs::symlink(target, test.root().join(at)).expect("symlink");
}

/// Runs `render --out <root>/site` on `test`'s knowledge base with `extra` arguments.
fn render(test: &Test, extra: &[&str]) -> Output {
    let out = test.root().join("site");
    Test::empty()
        .args(["--root", test.root().to_str().expect("utf-8"), "render"])
        .args(["--out", out.to_str().expect("utf-8")])
        .args(extra.iter().copied())
        .run()
}

/// Runs `validate --format json` on `test`'s knowledge base, leaving `test` for more runs.
fn validate_json(test: &Test) -> (Option<i32>, serde_json::Value) {
    Test::empty()
        .args(["validate", "--root", test.root().to_str().expect("utf-8")])
        .json()
}

/// Every file under `dir`, with the path relative to it, without following links.
fn site_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let kind = entry.file_type().expect("type");
            if kind.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .display()
                    .to_string();
                let bytes = if kind.is_symlink() {
                    b"(a symbolic link)".to_vec()
                } else {
                    std::fs::read(&path).expect("read")
                };
                found.push((rel, bytes));
            }
        }
    }
    found.sort();
    found
}

/// The files of the site that carry `secret`, or are links.
fn leaks(dir: &Path, secret: &str) -> Vec<String> {
    site_files(dir)
        .into_iter()
        .filter(|(_, bytes)| {
            String::from_utf8_lossy(bytes).contains(secret) || bytes == b"(a symbolic link)"
        })
        .map(|(rel, _)| rel)
        .collect()
}

/// Validation reports `unreadable-file` on `at`, and a render with errors allowed publishes
/// the other assets but not the secret.
#[cfg(unix)]
fn assert_link_reported_and_not_published(test: Test, at: &str) {
    let (status, json) = validate_json(&test);
    assert_eq!(status, Some(1), "{json}");
    let found = located(&json);
    assert_eq!(found, [format!("unreadable-file@{at}:1:1")], "{json}");
    let message = json["diagnostics"][0]["message"].as_str().expect("message");
    assert!(message.contains("symbolic link"), "{message}");
    let output = render(&test, &["--allow-errors"]);
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    let site = test.root().join("site");
    assert!(
        site.join("assets/logo.txt").is_file(),
        "other assets are published"
    );
    assert_eq!(leaks(&site, SECRET), Vec::<String>::new());
    assert_eq!(leaks(&site, "[remote]"), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn a_link_to_the_env_file_is_reported_and_not_published() {
    let test = with_secrets();
    link(&test, "../../.env", "content/assets/env.txt");
    assert_link_reported_and_not_published(test, "content/assets/env.txt");
}

#[cfg(unix)]
#[test]
fn a_folder_link_to_the_git_folder_is_reported_and_not_published() {
    let test = with_secrets();
    link(&test, "../../.git", "content/assets/repo");
    assert_link_reported_and_not_published(test, "content/assets/repo");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_inside_the_root_but_outside_content_is_not_published() {
    let test = with_secrets();
    link(&test, "../../notes/private.txt", "content/assets/notes.txt");
    assert_link_reported_and_not_published(test, "content/assets/notes.txt");
}

#[cfg(unix)]
#[test]
fn a_link_between_two_assets_is_not_followed_either() {
    let test = with_secrets();
    link(&test, "logo.txt", "content/assets/logo-copy.txt");
    let (status, json) = validate_json(&test);
    assert_eq!(status, Some(1), "{json}");
    assert_eq!(
        located(&json),
        ["unreadable-file@content/assets/logo-copy.txt:1:1"]
    );
}

#[cfg(unix)]
#[test]
fn a_template_that_is_a_link_is_refused_and_its_target_never_published() {
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::write(outside.path().join("environ"), SECRET).expect("write");
    let test = Test::fixture("clean");
    std::fs::create_dir_all(test.root().join("templates")).expect("mkdir");
    link(&test, outside.path().join("environ"), "templates/style.css");
    let output = render(&test, &[]);
    assert_eq!(output.status, Some(2), "{}", output.stderr);
    assert!(
        output.stderr.contains("templates/style.css") && output.stderr.contains("symbolic link"),
        "{}",
        output.stderr
    );
    assert_eq!(
        leaks(&test.root().join("site"), SECRET),
        Vec::<String>::new()
    );
}

#[cfg(unix)]
#[test]
fn a_templates_folder_that_is_a_link_is_refused() {
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::write(outside.path().join("style.css"), SECRET).expect("write");
    let test = Test::fixture("clean");
    link(&test, outside.path(), "templates");
    let output = render(&test, &[]);
    assert_eq!(output.status, Some(2), "{}", output.stderr);
    assert!(output.stderr.contains("symbolic link"), "{}", output.stderr);
    assert_eq!(
        leaks(&test.root().join("site"), SECRET),
        Vec::<String>::new()
    );
}

#[test]
fn a_dot_file_is_never_published_even_when_linked() {
    let test = Test::fixture("clean")
        .file("content/assets/.env", SECRET)
        .file("content/assets/.hidden/key.txt", SECRET)
        .file(
            "content/themes/lekt.md",
            "---\ntitle: L\nsummary: S\n---\n[env](../assets/.env) [key](../assets/.hidden/key.txt)\n",
        );
    let output = render(&test, &["--allow-errors"]);
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    let site = test.root().join("site");
    assert!(site.join("themes/lekt.html").is_file());
    assert_eq!(leaks(&site, SECRET), Vec::<String>::new());
}

/// Runs `validate` on `test`, failing the test if it takes longer than 10 seconds.
fn validate_quickly(test: Test) -> Output {
    let started = Instant::now();
    let output = test.args(["validate"]).run();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    output
}

#[cfg(unix)]
#[test]
fn a_config_that_is_a_pipe_fails_at_once() {
    let test = Test::fixture("clean");
    let config = test.root().join("pioneers.toml");
    std::fs::remove_file(&config).expect("rm");
    let made = Command::new("mkfifo").arg(&config).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let output = validate_quickly(test);
    assert_eq!(output.status, Some(2), "{}", output.stderr);
    assert!(
        output.stderr.contains("pioneers.toml") && output.stderr.contains("not a regular file"),
        "{}",
        output.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_config_that_is_a_link_is_refused() {
    let test = Test::fixture("clean").file("elsewhere.toml", "title = \"Lek\"\n");
    std::fs::remove_file(test.root().join("pioneers.toml")).expect("rm");
    link(&test, "elsewhere.toml", "pioneers.toml");
    let output = validate_quickly(test);
    assert_eq!(output.status, Some(2), "{}", output.stderr);
    assert!(
        output.stderr.contains("pioneers.toml") && output.stderr.contains("symbolic link"),
        "{}",
        output.stderr
    );
}

#[test]
fn a_config_over_one_mebibyte_is_refused() {
    let padding = "# padding\n".repeat(120_000);
    let test = Test::fixture("clean").file("pioneers.toml", padding);
    let output = validate_quickly(test);
    assert_eq!(output.status, Some(2), "{}", output.stderr);
    assert!(
        output.stderr.contains("pioneers.toml") && output.stderr.contains("1 MiB"),
        "{}",
        output.stderr
    );
}

#[test]
fn a_file_where_the_site_generates_a_page_is_reserved_path() {
    let test = Test::fixture("clean")
        .file("content/index.html", "<h1>planted home</h1>")
        .file("content/feed.atom", "planted feed")
        .file("content/style.css", "planted style")
        .file("content/data/themes.json", "planted data")
        .file("content/tags/x.html", "planted tag")
        .file("content/themes/open-wob.html", "planted theme")
        .file("content/assets/index.html", "an asset page is fine");
    let (status, json) = validate_json(&test);
    assert_eq!(status, Some(1), "{json}");
    let mut found = located(&json);
    found.sort();
    assert_eq!(
        found,
        [
            "reserved-path@content/data/themes.json:1:1",
            "reserved-path@content/feed.atom:1:1",
            "reserved-path@content/index.html:1:1",
            "reserved-path@content/style.css:1:1",
            "reserved-path@content/tags/x.html:1:1",
            "reserved-path@content/themes/open-wob.html:1:1",
        ]
    );
    let home = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["file"] == "content/index.html")
        .expect("home");
    assert_eq!(
        home["message"],
        "`content/index.html` would be published at `index.html`, where the site's home page is generated"
    );
    assert_eq!(home["help"], "rename or move the file");

    let output = render(&test, &[]);
    assert_eq!(
        output.status,
        Some(1),
        "errors stop the render: {}",
        output.stderr
    );
    let output = render(&test, &["--allow-errors"]);
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    let site = test.root().join("site");
    assert_eq!(leaks(&site, "planted"), Vec::<String>::new());
    assert!(site.join("assets/index.html").is_file());
}

#[test]
fn the_output_may_not_be_inside_content_or_templates() {
    for out in ["content/site", "content/assets", "templates/site", "."] {
        let test = Test::fixture("clean")
            .file("content/assets/a.txt", "a")
            .args(["render", "--out", out]);
        let output = test.run();
        assert_eq!(output.status, Some(2), "{out}: {}", output.stderr);
        assert!(
            output.stderr.contains("sources") && output.stderr.contains("public/"),
            "{out}: {}",
            output.stderr
        );
        assert!(!test.root().join("content/site").exists());
        assert!(!test.root().join("content/assets/index.html").exists());
    }
}

#[test]
fn temporary_folders_of_killed_renders_are_removed() {
    let test = Test::fixture("clean")
        .file(".site.tmp-123/index.html", "half a site")
        .file(".site.old-456/index.html", "an old site")
        .file(".other.tmp-1/keep.txt", "not ours");
    let output = render(&test, &[]);
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    assert!(!test.root().join(".site.tmp-123").exists());
    assert!(!test.root().join(".site.old-456").exists());
    assert!(test.root().join(".other.tmp-1/keep.txt").is_file());
    let beside: Vec<String> = std::fs::read_dir(test.root())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site"))
        .collect();
    assert_eq!(
        beside,
        Vec::<String>::new(),
        "no lock or temporary folder is left"
    );
}

#[test]
fn a_second_render_of_the_same_folder_waits_for_none_and_refuses() {
    let test = Test::fixture("clean");
    let lock = std::fs::File::create(test.root().join(".site.lock")).expect("lock file");
    lock.try_lock().expect("the test holds the lock");
    let output = render(&test, &[]);
    assert_eq!(output.status, Some(2), "{}", output.stderr);
    assert!(
        output.stderr.contains("another render is writing"),
        "{}",
        output.stderr
    );
    assert!(!test.root().join("site").exists());
    lock.unlock().expect("unlock");
    let output = render(&test, &[]);
    assert_eq!(output.status, Some(0), "{}", output.stderr);
}

fn git(root: &Path, date: &str, args: &[&str]) {
    crate::support::git(root, Some(date), args);
}

/// The `<lastmod>` of `page` in the sitemap of `site`.
fn lastmod(site: &Path, page: &str) -> Option<String> {
    let sitemap = std::fs::read_to_string(site.join("sitemap.xml")).expect("sitemap");
    let line = sitemap.lines().find(|l| l.contains(page))?;
    let start = line.find("<lastmod>")? + "<lastmod>".len();
    let end = line.find("</lastmod>")?;
    Some(line[start..end].to_string())
}

/// A history whose oldest commit is unreadable (its tree is gone): a `git log` that reads
/// the whole history fails, one that stops once every document is dated does not get there.
#[test]
fn the_history_is_read_only_as_far_as_the_documents_need() {
    let test = Test::fixture("clean").file("content/assets/x.txt", "1");
    let root = test.root();
    std::fs::rename(root.join("content/themes"), root.join("themes.later")).expect("mv");
    git(root, "2020-01-01", &["init", "-q", "-b", "main"]);
    git(root, "2020-01-01", &["add", "-A"]);
    git(root, "2020-01-01", &["commit", "-q", "-m", "first"]);
    std::fs::write(root.join("content/assets/x.txt"), "2").expect("write");
    git(root, "2021-01-01", &["commit", "-q", "-am", "second"]);
    std::fs::rename(root.join("themes.later"), root.join("content/themes")).expect("mv");
    std::fs::write(
        root.join("content/organisations/utrecht.md"),
        std::fs::read_to_string(root.join("content/organisations/utrecht.md")).expect("read")
            + "\nMore.\n",
    )
    .expect("write");
    std::fs::write(
        root.join("content/organisations/schiedam.md"),
        std::fs::read_to_string(root.join("content/organisations/schiedam.md")).expect("read")
            + "\nMore.\n",
    )
    .expect("write");
    for other in [
        "content/sessions/2030-03-01-later.md",
        "content/sessions/2017-09-18-kick-off.md",
        "content/retrospectives/2017-09-18-kick-off.md",
    ] {
        let text = std::fs::read_to_string(root.join(other)).expect("read");
        std::fs::write(root.join(other), text + "\n").expect("write");
    }
    git(root, "2022-02-02", &["add", "-A"]);
    git(root, "2022-02-02", &["commit", "-q", "-m", "third"]);
    let tree = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["rev-parse", "HEAD~2^{tree}"])
        .output()
        .expect("git");
    let tree = String::from_utf8_lossy(&tree.stdout).trim().to_string();
    std::fs::remove_file(root.join(".git/objects").join(&tree[..2]).join(&tree[2..]))
        .expect("the first tree is a loose object");
    let output = render(&test, &["--base-url", "https://example.org/"]);
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    let site = root.join("site");
    for page in [
        "themes/open-wob.html",
        "organisations/utrecht.html",
        "sessions/2030-03-01-later.html",
        "retrospectives/2017-09-18-kick-off.html",
    ] {
        assert_eq!(
            lastmod(&site, page).as_deref(),
            Some("2022-02-02"),
            "{page}"
        );
    }
}

#[test]
fn every_document_gets_the_date_of_its_last_commit() {
    let test = Test::fixture("clean");
    let root = test.root();
    git(root, "2020-01-01", &["init", "-q", "-b", "main"]);
    git(root, "2020-01-01", &["add", "-A"]);
    git(root, "2020-01-01", &["commit", "-q", "-m", "first"]);
    let theme = root.join("content/themes/open-wob.md");
    let text = std::fs::read_to_string(&theme).expect("read");
    std::fs::write(&theme, text + "\nMore.\n").expect("write");
    git(root, "2021-06-15", &["commit", "-q", "-am", "second"]);
    let output = render(&test, &["--base-url", "https://example.org/"]);
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    let site = root.join("site");
    assert_eq!(
        lastmod(&site, "themes/open-wob.html").as_deref(),
        Some("2021-06-15")
    );
    assert_eq!(
        lastmod(&site, "organisations/utrecht.html").as_deref(),
        Some("2020-01-01")
    );
}

/// A link to what is on disk but never published (a dot-file, a file outside `content/`)
/// is broken: the page would link to nothing. A link to a folder that holds files is fine.
#[test]
fn links_to_what_is_not_published_are_broken() {
    let (status, json) = Test::empty()
        .file("content/assets/.geheim.txt", "x")
        .file("content/assets/logo.png", "png")
        .file("README.md", "root readme")
        .file(
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\n---\n[a](../assets/.geheim.txt) [b](../../README.md) [c](../assets/) [d](../assets/logo.png)\n",
        )
        .json();
    assert_eq!(status, Some(1));
    assert_eq!(
        crate::support::located(&json),
        [
            "broken-link@content/themes/open-wob.md:5:5",
            "broken-link@content/themes/open-wob.md:5:32",
        ]
    );
}
