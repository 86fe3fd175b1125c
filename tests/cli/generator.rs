//! The benchmark generator (`examples/gen_kb.rs`) writes valid, deterministic knowledge
//! bases; a small one is validated, queried and rendered here as a smoke test.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::Test;

/// `target/<profile>/examples/gen_kb`, which `cargo test` builds with the examples.
fn gen_kb() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target dir");
    let path = dir
        .join("examples")
        .join(format!("gen_kb{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.is_file(),
        "{} is missing: run through `cargo test`",
        path.display()
    );
    path
}

fn generate(out: &std::path::Path, n: &str, seed: &str) {
    let status = Command::new(gen_kb())
        .arg(out)
        .arg(n)
        .args(["--seed", seed, "--hugo"])
        .output()
        .expect("runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn a_generated_base_is_valid_and_renders() {
    let dir = tempfile::tempdir().expect("tempdir");
    let kb = dir.path().join("kb");
    generate(&kb, "200", "7");
    assert!(kb.join("hugo.toml").is_file());
    let root = kb.to_str().expect("utf-8");
    let output = Test::empty()
        .args(["--root", root, "validate", "--deny-warnings"])
        .run();
    assert_eq!(output.status, Some(0), "{}", output.stdout);
    assert_eq!(output.stdout, "200 files checked: 0 errors, 0 warnings\n");
    let listed = Test::empty()
        .args(["--root", root, "themes", "list", "--format", "json"])
        .run();
    let themes: serde_json::Value = serde_json::from_str(&listed.stdout).expect("json");
    assert_eq!(themes.as_array().map(Vec::len), Some(50));
    let site = dir.path().join("site");
    let output = Test::empty()
        .args([
            "--root",
            root,
            "render",
            "--out",
            site.to_str().expect("utf-8"),
        ])
        .run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    assert_rendered_whole(&kb, &site, &output.stdout);
}

/// The site in `site` has a page per document of `kb` plus each index, a page per tag, says
/// how many files it wrote, and a sampled page links only to files that exist.
fn assert_rendered_whole(kb: &Path, site: &Path, stdout: &str) {
    let written = crate::render::files(site);
    assert_eq!(
        stdout,
        format!("wrote {} files to {}\n", written.len(), site.display())
    );
    let html_in = |folder: &str| {
        written
            .keys()
            .filter(|p| p.starts_with(&format!("{folder}/")) && p.ends_with(".html"))
            .count()
    };
    for folder in ["themes", "sessions", "retrospectives", "organisations"] {
        let documents = std::fs::read_dir(kb.join("content").join(folder))
            .expect("content folder")
            .count();
        assert!(documents > 0, "{folder}: the generator wrote none");
        assert_eq!(
            html_in(folder),
            documents + 1,
            "{folder}: a page per document and the index"
        );
    }
    let mut tags = BTreeSet::new();
    for kind in ["themes", "sessions", "retrospectives", "organisations"] {
        let records: serde_json::Value =
            serde_json::from_slice(&written[&format!("data/{kind}.json")]).expect("json");
        for record in records.as_array().expect("array") {
            for tag in record["tags"].as_array().into_iter().flatten() {
                tags.insert(tag.as_str().expect("tag").to_string());
            }
        }
    }
    assert!(!tags.is_empty(), "the generator tags documents");
    assert_eq!(
        html_in("tags"),
        tags.len() + 1,
        "a page per tag and the index"
    );
    let theme = written
        .keys()
        .find(|p| p.starts_with("themes/") && !p.ends_with("index.html"))
        .expect("a theme page");
    for page in ["index.html", theme.as_str()] {
        let html = String::from_utf8(written[page].clone()).expect("utf-8");
        let links: Vec<_> = crate::render::attributes(&html, "href")
            .into_iter()
            .chain(crate::render::attributes(&html, "src"))
            .filter(|l| !l.starts_with('#') && !l.contains("://") && !l.starts_with("mailto:"))
            .collect();
        assert!(links.len() > 5, "{page} links to the rest of the site");
        for link in links {
            let dir = Path::new(page).parent().unwrap_or(Path::new(""));
            let target = crate::render::normalise(dir, link.split('#').next().unwrap_or(""));
            assert!(written.contains_key(&target), "{page}: {link} → {target}");
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    generate(&dir.path().join("a"), "60", "3");
    generate(&dir.path().join("b"), "60", "3");
    for folder in ["themes", "sessions"] {
        let a = dir.path().join("a/content").join(folder);
        for entry in std::fs::read_dir(&a).expect("dir").flatten() {
            let other = dir
                .path()
                .join("b/content")
                .join(folder)
                .join(entry.file_name());
            assert_eq!(
                std::fs::read(entry.path()).expect("a"),
                std::fs::read(other).expect("b")
            );
        }
    }
}
