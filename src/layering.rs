//! Tests of the crate's layering (DESIGN.md §8), read from the sources: only the command
//! line's edge imports `cli`, and no two files import each other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The marker of a test module; spelt in two parts so that this file does not contain it.
const TEST_MODULE: &str = concat!("#[cfg", "(test)]");

/// How a file names the command line; spelt in two parts so that this file does not.
const CLI: &str = concat!("crate::", "cli");

/// Every `.rs` file under `src/`, by its path relative to `src/` with `/` separators, with
/// its text up to its test module (tests may import anything).
fn sources() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    walkdir::WalkDir::new(&src)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let rel = crate::kb::walk::relative(&src, e.path());
            let text = std::fs::read_to_string(e.path()).expect("read a source file");
            let code = text.split(TEST_MODULE).next().unwrap_or("").to_string();
            (rel, code)
        })
        .collect()
}

/// The module path of a file: `render/site.rs` → `[render, site]`, `query/mod.rs` →
/// `[query]`, `lib.rs` → `[]`.
fn module_of(file: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = file.trim_end_matches(".rs").split('/').collect();
    if matches!(parts.last(), Some(&("mod" | "lib" | "main"))) {
        parts.pop();
    }
    parts
}

/// The paths named after `prefix` (`crate::` or `super::`) in `code`: `a::b::c` for
/// `crate::a::b::{c, d}`.
fn paths_after<'a>(code: &'a str, prefix: &str) -> Vec<Vec<&'a str>> {
    code.match_indices(prefix)
        .filter(|(at, _)| {
            code[..*at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() && c != '_')
        })
        .map(|(at, _)| {
            let rest = &code[at + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_lowercase() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            rest[..end].split("::").filter(|p| !p.is_empty()).collect()
        })
        .collect()
}

/// Which files each file imports through `crate::` and `super::` paths.
fn imports(sources: &BTreeMap<String, String>) -> BTreeSet<(String, String)> {
    let modules: BTreeMap<Vec<&str>, &str> = sources
        .keys()
        .map(|file| (module_of(file), file.as_str()))
        .collect();
    let resolve = |path: Vec<&str>| {
        (1..=path.len())
            .rev()
            .find_map(|n| modules.get(&path[..n]).copied())
    };
    let mut edges = BTreeSet::new();
    for (file, code) in sources {
        let module = module_of(file);
        let parent = &module[..module.len().saturating_sub(1)];
        let named = paths_after(code, "crate::").into_iter().chain(
            paths_after(code, "super::")
                .into_iter()
                .map(|p| [parent, &p].concat()),
        );
        for target in named.filter_map(resolve) {
            if target != file {
                edges.insert((file.clone(), target.to_string()));
            }
        }
    }
    edges
}

#[test]
fn only_the_edge_imports_the_command_line() {
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(file, _)| {
            !(file == "cli.rs" || file == "main.rs" || file.starts_with("commands/"))
        })
        .filter(|(_, code)| code.contains(CLI))
        .map(|(file, _)| file)
        .collect();
    assert!(offenders.is_empty(), "these import cli: {offenders:?}");
}

#[test]
fn no_two_files_import_each_other() {
    let edges = imports(&sources());
    let mutual: Vec<_> = edges
        .iter()
        .filter(|(a, b)| a < b && edges.contains(&(b.clone(), a.clone())))
        .collect();
    assert!(mutual.is_empty(), "mutual imports: {mutual:?}");
}

#[test]
fn imports_are_found_and_resolved_to_files() {
    let sources = BTreeMap::from([
        (
            "render/site.rs".to_string(),
            "use super::output::{OutFile, Sink};\nuse crate::kb::walk::relative;".to_string(),
        ),
        (
            "render/output.rs".to_string(),
            "use super::site::X;".to_string(),
        ),
        ("render/mod.rs".to_string(), String::new()),
        ("kb/mod.rs".to_string(), String::new()),
        ("lib.rs".to_string(), String::new()),
    ]);
    let edges = imports(&sources);
    let expected = [
        ("render/output.rs", "render/site.rs"),
        ("render/site.rs", "kb/mod.rs"),
        ("render/site.rs", "render/output.rs"),
    ];
    assert_eq!(
        edges,
        expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    );
}
