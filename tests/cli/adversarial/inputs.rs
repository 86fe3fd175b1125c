//! Input an attacker controls: ids given to `new`, `--where` nesting, YAML aliases, list
//! lengths, and what the CSV, terminal, graph and SARIF writers make of hostile text.

use crate::support::Test;

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
