//! Text an attacker writes: invalid UTF-8, control characters, positions in huge files.

use crate::support::{Test, located};

const ESC_TITLE: &str =
    "---\ntitle: \"Open\\e]52;c;aGFjaw==\\aWob\"\nsummary: Samenvatting.\n---\nTekst.\n";

/// Finding 2: the human report panicked (exit 101) on any invalid UTF-8 byte, because the
/// span was one byte of the three-byte U+FFFD that replaced it.
#[test]
fn invalid_utf8_in_the_human_report_does_not_panic() {
    let output = Test::empty()
        .file(
            "content/themes/latin1.md",
            b"---\ntitle: caf\xe9 \xff\nsummary: S\n---\n",
        )
        .args(["validate"])
        .run();
    assert_eq!(output.status, Some(1), "{}", output.stderr);
    assert!(!output.stderr.contains("panicked"), "{}", output.stderr);
    assert!(
        output
            .stdout
            .contains("error[not-utf8]: the file is not valid UTF-8 text\n --> content/themes/latin1.md:2:11\n"),
        "{}",
        output.stdout
    );
}

/// Finding 2, in every format: none panics on invalid UTF-8.
#[test]
fn invalid_utf8_in_every_format() {
    for format in ["human", "json", "github", "sarif", "gitlab"] {
        let output = Test::empty()
            .file("content/organisations/x.md", b"\xfe\xff---\nname: \xc3\n")
            .args(["validate", "--format", format])
            .run();
        assert_eq!(output.status, Some(1), "{format}: {}", output.stderr);
        assert!(output.stderr.is_empty(), "{format}: {}", output.stderr);
    }
}

/// Finding 4: control characters are an error at their exact position, escapes included.
#[test]
fn control_characters_are_errors_where_they_are() {
    let (status, json) = Test::empty()
        .file("content/themes/open-wob.md", ESC_TITLE)
        .file(
            "content/organisations/word.md",
            "---\nname: Gemeente\u{b}Plakstad\nkind: municipality\n---\nUit Word\u{c} geplakt.\n",
        )
        .json();
    assert_eq!(status, Some(1));
    assert_eq!(
        located(&json),
        [
            "control-character@content/organisations/word.md:2:15",
            "control-character@content/organisations/word.md:5:9",
            "control-character@content/themes/open-wob.md:2:8",
        ]
    );
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert!(
        messages[0].contains("U+000B (vertical tab)"),
        "{messages:?}"
    );
    assert!(messages[2].contains("U+001B (escape)"), "{messages:?}");
}

/// Finding 4: nothing from the content reaches the terminal raw through a diagnostic: not
/// the message, not the file name on the `-->` line.
#[test]
fn human_diagnostics_escape_control_characters() {
    let output = Test::empty()
        .file("content/themes/open-wob.md", ESC_TITLE)
        .file(
            "content/notes/\u{1b}]0;pwned\u{7}.md",
            "---\ntitle: x\n---\n",
        )
        .file(
            "content/themes/ref.md",
            "---\ntitle: T\nsummary: S\ncarriers: [\"a\\e[2Jb\"]\n---\n",
        )
        .args(["validate"])
        .run();
    assert_eq!(output.status, Some(1));
    for stream in [&output.stdout, &output.stderr] {
        assert!(
            !stream.contains(['\u{1b}', '\u{7}']),
            "raw control characters reached the terminal:\n{stream}"
        );
    }
    assert!(
        output
            .stdout
            .contains("--> content/notes/\\u{1b}]0;pwned\\u{7}.md"),
        "{}",
        output.stdout
    );
    let github = Test::empty()
        .file(
            "content/themes/ref.md",
            "---\ntitle: T\nsummary: S\ncarriers: [\"a\\e[2Jb\"]\n---\n",
        )
        .args(["validate", "--format", "github"])
        .run();
    assert!(!github.stdout.contains('\u{1b}'), "{}", github.stdout);
}

/// Every `error:` line goes through one printer that escapes control characters: a base URL
/// in `pioneers.toml` (which a pull request controls) reached the CI log raw.
#[test]
fn error_messages_escape_control_characters() {
    let output = Test::empty()
        .file(
            "pioneers.toml",
            "base_url = \"https://x\\u001b]0;pwned\\u0007\"\n",
        )
        .args(["render"])
        .run();
    assert_eq!(output.status, Some(2), "{}", output.stderr);
    assert!(
        !output.stderr.contains(['\u{1b}', '\u{7}']),
        "raw control characters reached the terminal:\n{}",
        output.stderr
    );
    assert_eq!(
        output.stderr,
        "error: the base URL `https://x\\u{1b}]0;pwned\\u{7}` is not an absolute http(s) URL\n"
    );
}

/// A session whose title would forge calendar properties and break XML, rendered anyway.
const FORGED_SESSION: &str = "---\ntitle: \"Sessie\\rDTSTART:20000101T000000Z\\r\\nX-EVIL:1\\e\\a\\f\"\ndate: 2017-09-18\ncity: \"Schiedam\\v\"\nhosts: [schiedam]\n---\nVerslag\u{b} met\u{1} tekens.\n";

fn forged_site() -> (Test, std::path::PathBuf) {
    let test = Test::empty()
        .file(
            "content/organisations/schiedam.md",
            "---\nname: \"Gemeente\\eSchiedam\"\nkind: municipality\ntags: [\"a\\ab\"]\n---\n",
        )
        .file(
            "content/themes/open-wob.md",
            "---\ntitle: \"Open\\bWob\\u0001\"\nsummary: S\ncarriers: [schiedam]\n---\nTekst\u{1b}.\n",
        )
        .file("content/sessions/2017-09-18-schiedam.md", FORGED_SESSION)
        .file(
            "content/retrospectives/2017-09-18-schiedam.md",
            "---\ntitle: \"Terug\\ablik\\f\"\nsession: 2017-09-18-schiedam\npublished: 2017-09-20\nauthors: [\"A\\e\"]\n---\nTekst\u{b} \u{7f} \u{1}.\n",
        );
    let test = test.args([
        "render",
        "--allow-errors",
        "--base-url",
        "https://example.org/",
    ]);
    let output = test.run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    let out = test.root().join("public");
    (test, out)
}

/// Finding 4: a bare CR in a title reached `sessions.ics` raw (a forged property for
/// parsers that split on CR); control characters made feed and picture ill-formed XML.
#[test]
fn rendered_files_stay_well_formed_with_control_characters() {
    let (_test, out) = forged_site();
    let ics = std::fs::read_to_string(out.join("sessions.ics")).expect("calendar");
    assert!(
        !ics.split("\r\n")
            .any(|line| line.contains('\r') || line.starts_with("X-EVIL")),
        "{ics}"
    );
    assert!(!ics.contains(|c: char| c.is_control() && c != '\r' && c != '\n'));
    let calendar = ical::IcalParser::new(ics.as_bytes())
        .next()
        .expect("a calendar")
        .expect("it parses");
    let starts: Vec<_> = calendar.events[0]
        .properties
        .iter()
        .filter(|p| p.name == "DTSTART")
        .collect();
    assert_eq!(starts.len(), 1, "one DTSTART, not a forged one");
    for file in ["feed.atom", "network.svg", "sitemap.xml"] {
        let text = std::fs::read_to_string(out.join(file)).expect(file);
        roxmltree::Document::parse(&text)
            .unwrap_or_else(|e| panic!("{file} is not well-formed XML: {e}"));
    }
    for page in [
        "sessions/2017-09-18-schiedam.html",
        "retrospectives/2017-09-18-schiedam.html",
        "themes/open-wob.html",
        "organisations/schiedam.html",
        "index.html",
        "tags/a-b.html",
    ] {
        let html = std::fs::read_to_string(out.join(page)).expect(page);
        assert!(
            !html.contains(|c: char| crate::adversarial::text::is_unsafe(c)),
            "{page} holds a control character"
        );
    }
}

/// What no output file may hold: C0 controls but tab and line breaks, DEL, C1 controls.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Finding 6: every diagnostic rescanned its file; 10,000 broken links in one 269 KB
/// document took 28 s, and the human report quoted a whole long line for each. With a line
/// index and a quoting window they take milliseconds; the bound here is loose (a debug
/// build on a busy machine) but far below the quadratic time.
#[test]
fn ten_thousand_diagnostics_in_one_file_are_fast() {
    let one_line: String = (0..10_000).map(|i| format!("[x](nope-{i}.md) ")).collect();
    let many_lines = one_line.replace(") [", ")\n[");
    for body in [one_line, many_lines] {
        for format in ["human", "json"] {
            let started = std::time::Instant::now();
            let output = Test::empty()
                .file(
                    "content/themes/links.md",
                    format!("---\ntitle: T\nsummary: S\n---\n{body}\n"),
                )
                .args(["validate", "--format", format])
                .run();
            assert_eq!(output.status, Some(1));
            assert!(
                started.elapsed() < std::time::Duration::from_secs(10),
                "{format}: {:?}",
                started.elapsed()
            );
            if format == "human" {
                assert!(
                    output
                        .stdout
                        .ends_with("1 file checked: 10000 errors, 0 warnings\n")
                );
            }
        }
    }
}
