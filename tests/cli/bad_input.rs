//! Bad input: each class gives a diagnostic, never a panic, hang or unbounded memory, and
//! the run goes on with the other files. Every run is killed after 30 seconds.

use crate::support::{Test, located};

/// A known problem in another file, to show the run went on past the bad one.
const CANARY: (&str, &str) = (
    "content/themes/canary.md",
    "---\ntitle: C\nsummary: S\nkleur: geel\n---\n",
);
const CANARY_AT: &str = "unknown-field@content/themes/canary.md:4:1";

fn check(path: &str, contents: impl AsRef<[u8]>) -> Vec<String> {
    let (status, json) = Test::fixture("clean")
        .file(CANARY.0, CANARY.1)
        .file(path, contents)
        .json();
    assert_eq!(status, Some(1), "{json}");
    let found = located(&json);
    assert!(
        found.iter().any(|f| f == CANARY_AT),
        "the run stopped early: {found:?}"
    );
    found.into_iter().filter(|f| f != CANARY_AT).collect()
}

#[test]
fn invalid_utf8_points_at_the_first_bad_byte() {
    let found = check("content/themes/latin1.md", b"---\ntitle: caf\xe9\n---\n");
    assert_eq!(found, ["not-utf8@content/themes/latin1.md:2:11"]);
}

#[test]
fn empty_file() {
    assert_eq!(
        check("content/themes/leeg.md", ""),
        ["missing-front-matter@content/themes/leeg.md:1:1"]
    );
}

#[test]
fn file_of_nul_bytes() {
    assert_eq!(
        check("content/themes/nul.md", [0u8; 4096]),
        [
            "control-character@content/themes/nul.md:1:1",
            "missing-front-matter@content/themes/nul.md:1:1"
        ]
    );
}

#[test]
fn missing_front_matter() {
    let found = check("content/themes/geen.md", "# Alleen tekst\n");
    assert_eq!(found, ["missing-front-matter@content/themes/geen.md:1:1"]);
}

#[test]
fn unclosed_front_matter() {
    let found = check("content/themes/open.md", "\n---\ntitle: x\n");
    assert_eq!(found, ["missing-front-matter@content/themes/open.md:1:1"]);
    let found = check("content/themes/open.md", "---\ntitle: x\nsummary: y\n");
    assert_eq!(found, ["missing-front-matter@content/themes/open.md:1:1"]);
}

#[test]
fn yaml_syntax_error_has_the_line_of_the_error() {
    let found = check(
        "content/themes/yaml.md",
        "---\ntitle: x\nsummary: \"open\n  carriers: [a\n---\nBody\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("yaml-syntax@content/themes/yaml.md:"),
        "{found:?}"
    );
    let line: usize = found[0]
        .split(':')
        .nth(1)
        .and_then(|l| l.parse().ok())
        .expect("a line");
    assert!((3..=5).contains(&line), "{found:?}");
}

#[test]
fn a_hundred_thousand_nested_brackets() {
    let text = format!("---\ntitle: {}\n---\n", "[".repeat(100_000));
    let found = check("content/themes/diep.md", text);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("yaml-syntax@content/themes/diep.md:2:"),
        "{found:?}"
    );
}

#[test]
fn billion_laughs_alias_bomb() {
    let mut text = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for name in 'b'..='i' {
        let row = vec![format!("*{prev}"); 9].join(",");
        text.push_str(&format!("{name}: &{name} [{row}]\n"));
        prev = name;
    }
    text.push_str("---\n");
    let found = check("content/themes/bom.md", text);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("yaml-syntax@content/themes/bom.md:"),
        "{found:?}"
    );
}

#[test]
fn fifty_megabyte_file() {
    let text = format!("---\ntitle: x\n---\n{}", "a".repeat(50 * 1024 * 1024));
    assert_eq!(
        check("content/themes/groot.md", text),
        ["file-too-large@content/themes/groot.md:1:1"]
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop() {
    let test = Test::fixture("clean").file(CANARY.0, CANARY.1);
    std::os::unix::fs::symlink(
        test.root().join("content"),
        test.root().join("content/themes/lus"),
    )
    .expect("symlink");
    let (status, json) = test.json();
    assert_eq!(status, Some(1));
    let found = located(&json);
    assert!(
        found.contains(&"unreadable-file@content/themes/lus:1:1".to_string()),
        "{found:?}"
    );
    assert!(found.contains(&CANARY_AT.to_string()));
}

#[cfg(unix)]
#[test]
fn unreadable_files() {
    use std::os::unix::fs::PermissionsExt;
    let test = Test::fixture("clean")
        .file(CANARY.0, CANARY.1)
        .file("content/themes/geheim.md", "---\n---\n");
    let secret = test.root().join("content/themes/geheim.md");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let root_can_read = std::fs::read(&secret).is_ok();
    std::os::unix::fs::symlink(
        test.root().join("nergens.md"),
        test.root().join("content/themes/weg.md"),
    )
    .expect("symlink");
    let (status, json) = test.json();
    assert_eq!(status, Some(1));
    let found = located(&json);
    assert!(
        found.contains(&"unreadable-file@content/themes/weg.md:1:1".to_string()),
        "{found:?}"
    );
    if !root_can_read {
        assert!(
            found.contains(&"unreadable-file@content/themes/geheim.md:1:1".to_string()),
            "{found:?}"
        );
    }
    assert!(found.contains(&CANARY_AT.to_string()));
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_not_read() {
    let test = Test::fixture("clean").file(CANARY.0, CANARY.1);
    let fifo = test.root().join("content/themes/pijp.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let (status, json) = test.json();
    assert_eq!(status, Some(1));
    assert!(located(&json).contains(&"unreadable-file@content/themes/pijp.md:1:1".to_string()));
}

#[test]
fn validate_writes_nothing() {
    let test = Test::fixture("many-errors").args(["validate"]);
    let before = listing(test.root());
    assert_eq!(test.run().status, Some(1));
    assert_eq!(before, listing(test.root()));
}

/// Every file under `root` with its contents.
fn listing(root: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let contents = std::fs::read(&path).expect("read");
                files.push((
                    path.strip_prefix(root)
                        .expect("inside")
                        .display()
                        .to_string(),
                    contents,
                ));
            }
        }
    }
    files.sort();
    files
}
