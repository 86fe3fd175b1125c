//! `pioneers validate`: exit codes, formats, positions and path selection.

use crate::support::{Test, located};

#[test]
fn sample_content_is_valid_and_speaks_its_language() {
    // The sample's pioneers.toml says `language = "nl"`.
    let output = Test::empty()
        .args(["--root", env!("CARGO_MANIFEST_DIR"), "validate"])
        .run();
    assert_eq!(output.status, Some(0), "{}", output.stdout);
    assert!(
        output.stdout.ends_with("0 fouten, 1 waarschuwing\n"),
        "{}",
        output.stdout
    );
    assert!(
        output
            .stdout
            .contains("waarschuwing[missing-retrospective]: sessie")
    );
    assert!(
        output
            .stdout
            .contains("= tip: voeg content/retrospectives/")
    );

    let english = Test::empty()
        .args([
            "--root",
            env!("CARGO_MANIFEST_DIR"),
            "--lang",
            "en",
            "validate",
        ])
        .run();
    assert!(
        english.stdout.ends_with("0 errors, 1 warning\n"),
        "{}",
        english.stdout
    );
    assert!(english.stdout.contains("warning[missing-retrospective]"));
}

#[test]
fn clean_fixture_passes_with_a_summary() {
    let output = Test::fixture("clean").args(["validate"]).run();
    assert_eq!(output.status, Some(0), "{}", output.stdout);
    assert_eq!(output.stdout, "6 files checked: 0 errors, 0 warnings\n");
}

#[test]
fn warnings_pass_unless_denied() {
    let output = Test::fixture("warnings-only").args(["validate"]).run();
    assert_eq!(output.status, Some(0));
    assert!(output.stdout.contains("warning[missing-retrospective]"));
    let output = Test::fixture("warnings-only")
        .args(["validate", "--deny-warnings"])
        .run();
    assert_eq!(output.status, Some(1));
}

#[test]
fn many_errors_human_snapshot() {
    let output = Test::fixture("many-errors").args(["validate"]).run();
    assert_eq!(output.status, Some(1));
    insta::assert_snapshot!(output.stdout);
}

/// The same report in Dutch: chosen by `PIONEERS_LANG`, by `--lang`, or by the knowledge
/// base's `language`, in that order of precedence after the flag.
#[test]
fn many_errors_human_snapshot_in_dutch() {
    let output = Test::fixture("many-errors")
        .args(["validate"])
        .env("PIONEERS_LANG", "nl")
        .run();
    assert_eq!(output.status, Some(1));
    insta::assert_snapshot!(output.stdout);
    let by_flag = Test::fixture("many-errors")
        .args(["--lang", "nl", "validate"])
        .run();
    assert_eq!(by_flag.stdout, output.stdout);
    let by_config = Test::fixture("many-errors")
        .file("pioneers.toml", "language = \"nl\"\n")
        .args(["validate"])
        .run();
    assert_eq!(by_config.stdout, output.stdout);
    let flag_wins = Test::fixture("many-errors")
        .file("pioneers.toml", "language = \"nl\"\n")
        .args(["--lang", "en", "validate"])
        .run();
    assert!(
        flag_wins.stdout.contains("checked:"),
        "{}",
        flag_wins.stdout
    );
}

#[test]
fn many_errors_github_snapshot_in_dutch() {
    let output = Test::fixture("many-errors")
        .args(["--lang", "nl", "validate", "--format", "github"])
        .run();
    assert_eq!(output.status, Some(1));
    insta::assert_snapshot!(output.stdout);
}

#[test]
fn many_errors_json_snapshot() {
    let (status, json) = Test::fixture("many-errors").json();
    assert_eq!(status, Some(1));
    insta::assert_json_snapshot!(json);
}

#[test]
fn many_errors_github_snapshot() {
    let output = Test::fixture("many-errors")
        .args(["validate", "--format", "github"])
        .run();
    assert_eq!(output.status, Some(1));
    insta::assert_snapshot!(output.stdout);
}

#[test]
fn three_errors_in_one_file_give_three_diagnostics_on_three_lines() {
    let (status, json) = Test::fixture("clean")
        .file(
            "content/themes/open-wob.md",
            "---\ntitle: Open Wob\nsummary: [niet, een, zin]\ncarriers: [utrech]\nstatus: klaar\n---\n## Aanpak\n",
        )
        .json();
    assert_eq!(status, Some(1));
    assert_eq!(
        located(&json),
        [
            "wrong-type@content/themes/open-wob.md:3:10",
            "unknown-reference@content/themes/open-wob.md:4:12",
            "invalid-value@content/themes/open-wob.md:5:9",
        ]
    );
}

#[test]
fn a_broken_sample_field_is_reported_at_its_line_and_column_in_every_format() {
    let sample = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/organisations/utrecht.md"),
    )
    .expect("sample");
    let broken = sample.replace("kind: municipality", "kind: gemeente");
    assert_ne!(broken, sample);
    let test = || Test::fixture("clean").file("content/organisations/utrecht.md", &broken);
    let human = test().args(["validate"]).run().stdout;
    assert!(
        human.contains("--> content/organisations/utrecht.md:3:7"),
        "{human}"
    );
    let (_, json) = test().json();
    assert_eq!(
        located(&json),
        ["invalid-value@content/organisations/utrecht.md:3:7"]
    );
    let github = test().args(["validate", "--format", "github"]).run().stdout;
    assert!(github.starts_with("::error file=content/organisations/utrecht.md,line=3,col=7,endLine=3,endColumn=15,title=invalid-value::"), "{github}");
}

#[test]
fn json_has_exactly_the_documented_shape() {
    let (_, json) = Test::fixture("many-errors").json();
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<_> = v.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&json), ["diagnostics", "summary"]);
    assert_eq!(keys(&json["summary"]), ["errors", "files", "warnings"]);
    for d in json["diagnostics"].as_array().expect("array") {
        assert_eq!(
            keys(d),
            [
                "code",
                "column",
                "end_column",
                "end_line",
                "file",
                "help",
                "line",
                "message",
                "severity"
            ]
        );
    }
}

#[test]
fn paths_select_what_is_reported_but_everything_is_loaded() {
    let (status, json) = Test::fixture("many-errors")
        .file("content/organisations/kapot.md", "---\nname: x\n---\n")
        .args(["validate", "content/organisations/kapot.md"])
        .json();
    assert_eq!(status, Some(1));
    assert_eq!(
        located(&json),
        ["missing-field@content/organisations/kapot.md:1:1"]
    );
    assert_eq!(json["summary"]["files"], 1);

    let (status, json) = Test::fixture("many-errors")
        .args(["validate", "content/organisations"])
        .json();
    assert_eq!(status, Some(0), "{json}");
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error() {
    let output = Test::fixture("clean")
        .args(["validate", "content/nope.md"])
        .run();
    assert_eq!(output.status, Some(2));
    assert!(
        output.stderr.contains("cannot find content/nope.md"),
        "{}",
        output.stderr
    );
}

#[test]
fn the_root_is_found_upwards_and_paths_stay_relative_to_it() {
    let (status, json) = Test::fixture("many-errors")
        .current_dir("content/themes")
        .args(["validate", "open-wob.md"])
        .json();
    assert_eq!(status, Some(1));
    assert!(
        located(&json)
            .iter()
            .all(|l| l.contains("@content/themes/open-wob.md:"))
    );
}

#[test]
fn root_flag_overrides_discovery() {
    let elsewhere = Test::fixture("clean");
    let output = Test::empty()
        .args([
            "--root",
            elsewhere.root().to_str().expect("utf-8"),
            "validate",
        ])
        .run();
    assert_eq!(output.status, Some(0), "{}{}", output.stdout, output.stderr);
}

#[test]
fn today_decides_held_and_planned_and_comes_from_the_environment_too() {
    let output = Test::fixture("warnings-only")
        .without_today()
        .env("PIONEERS_TODAY", "2017-01-01")
        .args(["validate", "--deny-warnings"])
        .run();
    assert_eq!(output.status, Some(0), "{}", output.stdout);
    let output = Test::fixture("warnings-only")
        .without_today()
        .env("PIONEERS_TODAY", "2026-11-28")
        .args(["validate", "--deny-warnings"])
        .run();
    assert_eq!(output.status, Some(1));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        Test::fixture("clean")
            .args(["validate", "--today", "18-09-2017"])
            .run()
            .status,
        Some(2)
    );
    assert_eq!(
        Test::fixture("clean")
            .args(["validate", "--format", "xml"])
            .run()
            .status,
        Some(2)
    );
    assert_eq!(
        Test::fixture("clean").args(["frobnicate"]).run().status,
        Some(2)
    );
}

#[test]
fn a_root_without_content_is_an_environment_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = Test::empty()
        .args(["--root", dir.path().to_str().expect("utf-8"), "validate"])
        .run();
    assert_eq!(output.status, Some(2));
    assert!(
        output.stderr.starts_with("error: no `content/` folder"),
        "{}",
        output.stderr
    );
}

#[test]
fn an_invalid_config_is_an_environment_error() {
    let output = Test::fixture("clean")
        .file("pioneers.toml", "titel = 1\n")
        .args(["validate"])
        .run();
    assert_eq!(output.status, Some(2));
    assert!(output.stderr.contains("invalid"), "{}", output.stderr);
}

#[test]
fn markdown_outside_the_type_folders_is_unknown_folder() {
    let (status, json) = Test::fixture("unknown-folder").json();
    assert_eq!(status, Some(1));
    assert_eq!(located(&json), ["unknown-folder@content/notes/idee.md:1:1"]);
}

#[test]
fn bom_and_crlf_do_not_shift_positions() {
    let text = "\u{feff}---\r\nname: Gemeente Ede\r\nkind: gemeente\r\n---\r\n";
    let test = || Test::fixture("clean").file("content/organisations/ede.md", text);
    let (_, json) = test().json();
    assert_eq!(
        located(&json),
        ["invalid-value@content/organisations/ede.md:3:7"]
    );
    assert_eq!(json["diagnostics"][0]["end_column"], 15);
    let human = test().args(["validate"]).run().stdout;
    assert!(human.contains("3 | kind: gemeente\n"), "{human}");
}

#[test]
fn multibyte_characters_count_as_one_column() {
    let text = "---\nname: Één café\nkind: gemeente\ncity: Ëde\nwebsiet: x\n---\n";
    let (_, json) = Test::fixture("clean")
        .file("content/organisations/ede.md", text)
        .json();
    assert_eq!(
        located(&json),
        [
            "invalid-value@content/organisations/ede.md:3:7",
            "unknown-field@content/organisations/ede.md:5:1"
        ]
    );
}

/// Runs `validate` on the many-errors fixture under a pseudo-terminal (util-linux `script`),
/// with `NO_COLOR` set to `no_color` or unset; `None` when there is no `script` to run.
fn validate_on_a_terminal(test: &Test, no_color: Option<&str>) -> Option<String> {
    let command = format!(
        "'{}' --root '{}' validate --today {}",
        env!("CARGO_BIN_EXE_pioneers"),
        test.root().display(),
        crate::support::TODAY
    );
    let mut script = std::process::Command::new("script");
    script
        .args(["-qec", &command, "/dev/null"])
        .stdin(std::process::Stdio::null())
        .env_remove("NO_COLOR");
    if let Some(value) = no_color {
        script.env("NO_COLOR", value);
    }
    let output = script.output().ok()?;
    Some(String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n"))
}

/// `text` without its ANSI SGR sequences (`ESC [ … m`).
fn without_colour(text: &str) -> String {
    let mut plain = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("\u{1b}[") {
        plain.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        rest = after.find('m').map_or("", |end| &after[end + 1..]);
    }
    plain.push_str(rest);
    plain
}

#[test]
fn colour_only_when_asked_for_by_a_terminal() {
    // Piped, with NO_COLOR empty (which does not count as set): no colour, because it is
    // not a terminal.
    let test = Test::fixture("many-errors")
        .args(["validate"])
        .env("NO_COLOR", "");
    let piped = test.run();
    assert_eq!(piped.status, Some(1));
    assert!(
        !piped.stdout.contains('\u{1b}'),
        "piped output has no escape codes"
    );
    let Some(coloured) = validate_on_a_terminal(&test, None) else {
        eprintln!("no `script` (util-linux) to make a pseudo-terminal: skipping that half");
        return;
    };
    assert!(
        coloured.contains("\u{1b}[") && coloured.contains("error[unknown-reference]"),
        "a terminal gets colour: {coloured}"
    );
    assert_eq!(
        without_colour(&coloured),
        piped.stdout,
        "colour adds escapes and nothing else"
    );
    for no_color in ["1", "0", "false"] {
        let plain = validate_on_a_terminal(&test, Some(no_color)).expect("script ran before");
        assert!(
            !plain.contains('\u{1b}'),
            "NO_COLOR={no_color} means no colour, even on a terminal: {plain}"
        );
        assert_eq!(plain, piped.stdout);
    }
}

/// The clean fixture with the theme's body replaced, and a retrospective linking `anchor`
/// in it.
fn linking_a_heading(body: &str, anchor: &str) -> Test {
    Test::fixture("clean")
        .file(
            "content/themes/open-wob.md",
            format!("---\ntitle: Open Wob\nsummary: S.\ncarriers: [utrecht]\n---\n{body}"),
        )
        .file(
            "content/retrospectives/2017-09-18-kick-off.md",
            format!("---\ntitle: T\nsession: 2017-09-18-kick-off\npublished: 2017-09-20\nauthors: [A]\n---\nZie [de kop](../themes/open-wob.md#{anchor}).\n"),
        )
}

#[test]
fn a_heading_over_two_lines_is_linked_by_the_id_its_page_has() {
    let body = "Twee regels\nin één kop\n===\n";
    let test = linking_a_heading(body, "twee-regels-in-één-kop");
    let (status, json) = test.json();
    assert_eq!(status, Some(0), "{json}");
    let test = linking_a_heading(body, "twee-regels-in-één-kop");
    let out = test.root().join("site");
    let test = test.args(["render", "--out", out.to_str().expect("utf-8")]);
    let output = test.run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    let page = std::fs::read_to_string(out.join("themes/open-wob.html")).expect("page");
    assert!(page.contains(" id=\"twee-regels-in-één-kop\""), "{page}");

    let (status, json) = linking_a_heading(body, "twee-regelsin-één-kop").json();
    assert_eq!(status, Some(1));
    let diagnostic = &json["diagnostics"][0];
    assert_eq!(diagnostic["code"], "broken-anchor");
    assert_eq!(
        diagnostic["help"], "did you mean `twee-regels-in-één-kop`?",
        "{json}"
    );
}

/// The clean fixture's theme with `fields` added to its front matter.
fn theme_with(fields: &str) -> Test {
    Test::fixture("clean").file(
        "content/themes/open-wob.md",
        format!("---\ntitle: Open Wob\nsummary: S.\n{fields}---\n## Aanpak\n"),
    )
}

#[test]
fn tags_with_one_page_and_repeated_references_are_duplicate_items() {
    let (status, json) = theme_with("carriers: [utrecht, utrecht]\ntags: [Open, open]\n").json();
    assert_eq!(status, Some(1));
    assert_eq!(
        located(&json),
        [
            "duplicate-item@content/themes/open-wob.md:4:21",
            "duplicate-item@content/themes/open-wob.md:5:14",
        ]
    );
    assert_eq!(
        json["diagnostics"][1]["message"],
        "`open` repeats `Open`: both are the tag page tags/open.html"
    );
}

#[test]
fn empty_list_items_are_reported_not_dropped() {
    let (status, json) = theme_with("carriers:\n  - utrecht\n  -\ntags: [a, ~]\n").json();
    assert_eq!(status, Some(1));
    assert_eq!(
        located(&json),
        [
            "missing-field@content/themes/open-wob.md:6:4",
            "missing-field@content/themes/open-wob.md:7:11",
        ]
    );
    assert_eq!(
        json["diagnostics"][1]["message"],
        "`tags` has an empty item"
    );
}

#[test]
fn what_the_schema_accepts_validate_accepts_and_the_other_way_round() {
    let session = |fields: &str| {
        Test::fixture("clean").file(
            "content/sessions/2017-09-18-kick-off.md",
            format!("---\ntitle: 2017\ndate: 2017-09-18\ncity: Schiedam\nhosts: [schiedam]\nthemes: [open-wob]\n{fields}---\n"),
        )
    };
    let (status, json) = session("venue:\n").json();
    assert_eq!(status, Some(0), "{json}");
    let (status, json) = session("registration: https://a b.nl\ncancelled: ja\n").json();
    assert_eq!(status, Some(1));
    assert_eq!(
        located(&json),
        [
            "invalid-url@content/sessions/2017-09-18-kick-off.md:7:15",
            "wrong-type@content/sessions/2017-09-18-kick-off.md:8:12",
        ]
    );
    let (status, json) = theme_with("carriers: [Utrecht, 2017]\nproposed_in: true\n").json();
    assert_eq!(status, Some(1));
    let codes: Vec<_> = located(&json)
        .into_iter()
        .map(|l| l.split('@').next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        codes,
        ["invalid-value", "wrong-type", "wrong-type"],
        "{json}"
    );
}
