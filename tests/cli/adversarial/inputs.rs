//! Input an attacker controls: ids given to `new`, `--where` nesting, YAML aliases, list
//! lengths, and what the CSV, terminal, graph and SARIF writers make of hostile text.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support::Test;

/// Every file and folder under `dir`, relative to it, sorted.
fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walk(dir)
        .into_iter()
        .map(|p| p.strip_prefix(dir).expect("under dir").to_path_buf())
        .collect();
    found.sort();
    found
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read_dir") {
        let path = entry.expect("entry").path();
        found.push(path.clone());
        if std::fs::symlink_metadata(&path).expect("metadata").is_dir() {
            found.extend(walk(&path));
        }
    }
    found
}

/// Runs `new` with `args` in a knowledge base that sits one folder below a scratch folder,
/// so a path that climbs out of it still lands somewhere the test can see.
fn new_in_nested_root(args: &[&str]) -> (crate::support::Output, Vec<PathBuf>) {
    let outer = tempfile::tempdir().expect("tempdir");
    let template = Test::fixture("clean");
    let root = outer.path().join("kb");
    std::fs::create_dir_all(&root).expect("mkdir");
    copy(template.root(), &root);
    let before = tree(outer.path());
    let output = Test::empty()
        .args(["--root", root.to_str().expect("utf-8")])
        .args(["new"])
        .args(args.iter().copied())
        .run();
    let after = tree(outer.path());
    let added = after.into_iter().filter(|p| !before.contains(p)).collect();
    (output, added)
}

fn copy(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

#[test]
fn new_refuses_ids_that_are_not_one_slug() {
    let theme = ["theme", "--title", "Nieuw", "--summary", "S."];
    for id in [
        "../../x",
        "../../../escaped",
        "a/b",
        "A",
        "a--b",
        "",
        "x.md",
        "é",
    ] {
        let args: Vec<&str> = theme.iter().copied().chain(["--id", id]).collect();
        let (output, added) = new_in_nested_root(&args);
        assert_eq!(output.status, Some(2), "--id {id:?}: {}", output.stderr);
        assert!(
            output.stderr.contains("is not a valid id")
                && output.stderr.contains("nothing was written"),
            "--id {id:?}: {}",
            output.stderr
        );
        assert_eq!(added, Vec::<PathBuf>::new(), "--id {id:?} wrote something");
    }
}

#[test]
fn new_refuses_ids_made_from_values_that_are_not_a_slug() {
    let cases: [&[&str]; 3] = [
        &["theme", "--title", "!!!", "--summary", "S."],
        &["organisation", "--name", "…", "--kind", "other"],
        &[
            "session", "--title", "x", "--date", "../../y", "--city", "U", "--hosts", "utrecht",
        ],
    ];
    // A retrospective's id is its session's: a session that does not exist is refused
    // before any id is made.
    let (output, added) = new_in_nested_root(&[
        "retrospective",
        "--session",
        "../../../y",
        "--authors",
        "A",
        "--title",
        "T",
    ]);
    assert_eq!(output.status, Some(1), "{}", output.stderr);
    assert!(
        output.stderr.contains("there is no session `../../../y`"),
        "{}",
        output.stderr
    );
    assert_eq!(added, Vec::<PathBuf>::new(), "a retrospective was written");
    for args in cases {
        let (output, added) = new_in_nested_root(args);
        assert_eq!(output.status, Some(2), "{args:?}: {}", output.stderr);
        assert!(
            output.stderr.contains("cannot make a valid id") && output.stderr.contains("--id"),
            "{args:?}: {}",
            output.stderr
        );
        assert_eq!(added, Vec::<PathBuf>::new(), "{args:?} wrote something");
    }
}

#[test]
fn new_still_writes_a_valid_id() {
    let (output, added) =
        new_in_nested_root(&["theme", "--title", "Nieuw thema", "--summary", "S."]);
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    assert_eq!(output.stdout, "content/themes/nieuw-thema.md\n");
    assert_eq!(added, [PathBuf::from("kb/content/themes/nieuw-thema.md")]);
}

#[cfg(unix)]
#[test]
fn new_does_not_follow_links_planted_at_temporary_names() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().expect("tempdir");
    let victim = outside.path().join("victim.txt");
    std::fs::write(&victim, "precious").expect("write");
    let test = Test::fixture("clean");
    let themes = test.root().join("content/themes");
    // The old name was `.<file>.<pid>.tmp`: process ids are handed out in order, so plant a
    // link at every name the next few thousand processes would use.
    let next_pid = std::process::Command::new("true")
        .spawn()
        .expect("spawn")
        .id();
    for pid in next_pid..next_pid + 5_000 {
        symlink(&victim, themes.join(format!(".nieuw.md.{pid}.tmp"))).expect("symlink");
    }
    let test = test.args(["new", "theme", "--title", "Nieuw", "--summary", "S."]);
    let output = test.run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    assert_eq!(
        std::fs::read_to_string(&victim).expect("read"),
        "precious",
        "the victim outside the knowledge base was overwritten"
    );
    let written = themes.join("nieuw.md");
    assert!(
        !std::fs::symlink_metadata(&written)
            .expect("written")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&written)
            .expect("read")
            .contains("title: Nieuw")
    );
}

#[cfg(unix)]
#[test]
fn new_refuses_a_type_folder_that_is_a_link() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().expect("tempdir");
    let test = Test::fixture("clean");
    let themes = test.root().join("content/themes");
    std::fs::remove_dir_all(&themes).expect("rm");
    symlink(outside.path(), &themes).expect("symlink");
    let output = test
        .args(["new", "theme", "--title", "Nieuw", "--summary", "S."])
        .run();
    assert_eq!(output.status, Some(2), "{}", output.stderr);
    assert!(
        output.stderr.contains("is a symbolic link"),
        "{}",
        output.stderr
    );
    assert_eq!(tree(outside.path()), Vec::<PathBuf>::new());
}

#[cfg(unix)]
#[test]
fn new_does_not_write_through_a_dangling_link_at_the_target() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().expect("tempdir");
    let test = Test::fixture("clean");
    let target = test.root().join("content/themes/nieuw.md");
    symlink(outside.path().join("made.md"), &target).expect("symlink");
    let output = test
        .args(["new", "theme", "--title", "Nieuw", "--summary", "S."])
        .run();
    assert_ne!(output.status, Some(0), "{}", output.stderr);
    assert_eq!(tree(outside.path()), Vec::<PathBuf>::new());
}

fn assert_refused_quickly_at(filter: &str, location: &str) {
    let start = Instant::now();
    let output = Test::fixture("clean")
        .args(["themes", "list", "--where", filter])
        .run();
    assert!(start.elapsed() < Duration::from_secs(10));
    assert_eq!(output.status, Some(2), "{}", output.stderr);
    assert!(
        output.stderr.starts_with(
            "error: the expression nests deeper than 64 levels of parentheses and `not`\n"
        ),
        "{}",
        output.stderr
    );
    assert!(output.stderr.contains(location), "{}", output.stderr);
    assert!(
        output.stderr.lines().any(|l| l.trim_end().ends_with('^')),
        "a caret: {}",
        output.stderr
    );
}

#[test]
fn deeply_nested_where_is_an_error_not_a_crash() {
    // At the 65th `(` (column 65) or `not` (column 257).
    assert_refused_quickly_at(&"(".repeat(10_000), "--> --where:1:65\n");
    assert_refused_quickly_at(&("not ".repeat(10_000) + "x"), "--> --where:1:257\n");
}

#[test]
fn long_and_chains_in_where_are_fine() {
    let filter = vec!["status = proposed"; 5_000].join(" and ");
    let output = Test::fixture("clean")
        .args(["themes", "list", "--format", "json", "--where", &filter])
        .run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
}

#[test]
fn one_big_string_aliased_many_times_is_refused_quickly() {
    let aliases = vec!["*big"; 300].join(", ");
    let text = format!(
        "---\ntitle: &big {}\nsummary: S\ntags: [{aliases}]\n---\n",
        "x".repeat(1_000_000)
    );
    let test = Test::fixture("clean").file("content/themes/bom.md", text);
    let start = Instant::now();
    let (status, json) = test.json();
    let elapsed = start.elapsed();
    assert_eq!(status, Some(1));
    let problem = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["file"] == "content/themes/bom.md")
        .expect("a diagnostic on the bomb");
    assert_eq!(problem["code"], "yaml-syntax");
    assert!(
        problem["message"]
            .as_str()
            .expect("message")
            .contains("bytes of text"),
        "{problem}"
    );
    assert_eq!(problem["line"], 4, "at an alias in the tags");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
}

#[test]
fn a_list_longer_than_its_field_allows_is_too_long_and_not_rendered() {
    let tags = (0..10_000)
        .map(|i| format!("t{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let kb = || {
        Test::fixture("clean").file(
            "content/themes/veel.md",
            format!("---\ntitle: Veel\nsummary: S\ntags: [{tags}]\n---\n"),
        )
    };
    let render = kb().args(["render"]);
    let output = render.run();
    assert_eq!(output.status, Some(1), "{}", output.stderr);
    assert!(
        !render.root().join("public").exists(),
        "nothing is rendered"
    );
    let (status, json) = kb().json();
    assert_eq!(status, Some(1));
    assert_eq!(
        crate::support::located(&json),
        ["too-long@content/themes/veel.md:4:7"]
    );
    assert_eq!(
        json["diagnostics"][0]["message"],
        "`tags` has 10000 items; at most 50 are allowed"
    );
}

#[test]
fn the_schema_declares_list_limits() {
    let output = Test::empty().args(["schema", "session"]).run();
    let schema: serde_json::Value = serde_json::from_str(&output.stdout).expect("json");
    assert_eq!(schema["properties"]["hosts"]["maxItems"], 500);
    assert_eq!(schema["properties"]["participants"]["maxItems"], 500);
    let theme: serde_json::Value =
        serde_json::from_str(&Test::empty().args(["schema", "theme"]).run().stdout).expect("json");
    assert_eq!(theme["properties"]["tags"]["maxItems"], 50);
}

/// A theme whose title and tags are spreadsheet formulas.
fn formula_theme() -> Test {
    Test::fixture("clean").file(
        "content/themes/formule.md",
        "---\ntitle: \"=HYPERLINK(\\\"http://evil.example/\\\",\\\"klik\\\")\"\nsummary: \"+1+1\"\ntags: [\"@SUM(A1)\", x]\nstatus: proposed\n---\n",
    )
}

#[test]
fn csv_cells_cannot_start_a_formula() {
    let output = formula_theme()
        .args(["themes", "list", "--format", "csv"])
        .run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    let mut reader = csv::Reader::from_reader(output.stdout.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let row = reader
        .records()
        .map(|r| r.expect("record"))
        .find(|r| &r[column("id")] == "formule")
        .expect("the formula theme");
    assert_eq!(
        &row[column("title")],
        "'=HYPERLINK(\"http://evil.example/\",\"klik\")"
    );
    assert_eq!(&row[column("summary")], "'+1+1");
    assert_eq!(&row[column("tags")], "'@SUM(A1), x");
    assert_eq!(&row[column("status")], "proposed");
}

/// Text that would drive a terminal: clear the screen, set the clipboard (OSC 52), bell,
/// carriage return, DEL and a C1 CSI.
const HOSTILE: &str = "\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}\r\u{7f}\u{9b}31m";

/// `text` as a YAML double-quoted scalar, every control character as a `\u` escape.
fn yaml_quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn hostile_kb() -> Test {
    Test::fixture("clean")
        .file(
            "content/themes/gevaar.md",
            format!(
                "---\ntitle: {}\nsummary: Gevaar\ntags: [{}]\n---\nTekst over gevaar {HOSTILE}\n",
                yaml_quoted(&format!("Open {HOSTILE} Wob")),
                yaml_quoted(&format!("tag{HOSTILE}")),
            ),
        )
        .file(
            "content/themes/naam\u{1b}[31m.md",
            "---\ntitle: Gevaarlijke naam\nsummary: S\n---\n",
        )
}

/// No control character but line feeds reaches the terminal.
fn assert_no_controls(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect();
    assert!(bad.is_empty(), "{what} prints {bad:?}:\n{text}");
}

#[test]
fn terminal_output_shows_control_characters_as_escapes() {
    let runs: [&[&str]; 6] = [
        &["themes", "list"],
        &["themes", "list", "--format", "markdown"],
        &["themes", "show", "gevaar"],
        &["search", "gevaar"],
        &["search", "gevaarlijke"],
        &["themes", "show", "naam"],
    ];
    for args in runs {
        let output = hostile_kb().args(args.iter().copied()).run();
        assert_no_controls(&format!("{args:?}"), &output.stdout);
        assert_no_controls(&format!("{args:?} (stderr)"), &output.stderr);
    }
    let shown = hostile_kb().args(["themes", "show", "gevaar"]).run().stdout;
    assert!(
        shown
            .starts_with("Open \\u{1b}[2J\\u{1b}]52;c;ZXZpbA==\\u{7}\\u{d}\\u{7f}\\u{9b}31m Wob\n"),
        "{shown}"
    );
    assert!(shown.contains("Tekst over gevaar \\u{1b}[2J"), "{shown}");
    let listed = hostile_kb().args(["themes", "list"]).run().stdout;
    assert!(listed.contains("naam\\u{1b}[31m"), "{listed}");
}

#[test]
fn json_output_keeps_the_text_exactly() {
    let output = hostile_kb()
        .args(["themes", "show", "gevaar", "--format", "json"])
        .run();
    assert_no_controls("json", &output.stdout);
    let json: serde_json::Value = serde_json::from_str(&output.stdout).expect("json");
    assert_eq!(json["title"], format!("Open {HOSTILE} Wob"));
}

fn graph_kb() -> Test {
    Test::fixture("clean").file(
        "content/themes/aanhalen.md",
        "---\ntitle: \"Zeg \\\"hallo\\\"\\\\ \\n\\\"] --> x[\\\"<b>#quot;\"\nsummary: S\ncarriers: [utrecht]\n---\n",
    )
}

#[test]
fn dot_labels_escape_quotes_backslashes_and_line_breaks() {
    let output = graph_kb().args(["graph", "--format", "dot"]).run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    assert!(
        output.stdout.contains(
            "  \"theme:aanhalen\" [label=\"Zeg \\\"hallo\\\"\\\\ \\n\\\"] --> x[\\\"<b>#quot;\", shape=ellipse];\n"
        ),
        "{}",
        output.stdout
    );
    assert_dot_strings_are_closed(&output.stdout);
}

/// Each statement line of the DOT output is whole: its quoted strings end on the line and
/// it ends with `;` outside a string (what Graphviz's lexer would need).
fn assert_dot_strings_are_closed(dot: &str) {
    for line in dot.lines().filter(|l| l.starts_with("  ")) {
        let mut in_string = false;
        let mut chars = line.chars();
        let mut last_outside = None;
        while let Some(c) = chars.next() {
            match (in_string, c) {
                (true, '\\') => {
                    chars.next();
                }
                (_, '"') => in_string = !in_string,
                (false, c) if !c.is_whitespace() => last_outside = Some(c),
                _ => {}
            }
        }
        assert!(!in_string, "an unclosed string: {line}");
        assert_eq!(last_outside, Some(';'), "{line}");
    }
}

#[test]
fn mermaid_labels_use_entity_codes() {
    let output = graph_kb().args(["graph", "--format", "mermaid"]).run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    assert!(
        output.stdout.contains(
            "  theme_aanhalen([\"Zeg #quot;hallo#quot;\\  #quot;] --#gt; x[#quot;#lt;b#gt;#35;quot;\"])\n"
        ),
        "{}",
        output.stdout
    );
    assert!(output.stdout.contains("  org_utrecht --> theme_aanhalen\n"));
}

fn odd_name_kb() -> Test {
    Test::fixture("clean").file(
        "content/themes/a b#%é.md",
        "---\ntitle: T\nsummary: S\n---\n",
    )
}

#[test]
fn sarif_uris_are_percent_encoded_and_round_trip() {
    let output = odd_name_kb().args(["validate", "--format", "sarif"]).run();
    let sarif: serde_json::Value = serde_json::from_str(&output.stdout).expect("json");
    let uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .expect("uri")
        })
        .collect();
    assert!(
        uris.contains(&"content/themes/a%20b%23%25%C3%A9.md"),
        "{uris:?}"
    );
    for uri in uris {
        let decoded = percent_encoding::percent_decode_str(uri)
            .decode_utf8()
            .expect("utf-8");
        assert!(
            odd_name_kb().root().join(decoded.as_ref()).exists(),
            "{uri} does not name a file"
        );
    }
}

#[test]
fn sarif_with_odd_file_names_validates_with_formats_checked() {
    let output = odd_name_kb().args(["validate", "--format", "sarif"]).run();
    let sarif: serde_json::Value = serde_json::from_str(&output.stdout).expect("json");
    let errors = crate::support::sarif_schema_errors(&sarif);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn gitlab_paths_stay_plain_paths() {
    let output = odd_name_kb().args(["validate", "--format", "gitlab"]).run();
    let issues: serde_json::Value = serde_json::from_str(&output.stdout).expect("json");
    assert!(
        issues
            .as_array()
            .expect("array")
            .iter()
            .any(|i| i["location"]["path"] == "content/themes/a b#%é.md"),
        "{issues}"
    );
}
