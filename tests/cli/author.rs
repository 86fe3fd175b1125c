//! `new`, `init`, `schema`, `completions`, `man` and the CI examples.

use std::path::Path;

use crate::support::{Test, located};

fn run_ok(test: &Test, args: &[&str]) -> String {
    let output = Test::empty()
        .args(["--root", test.root().to_str().expect("utf-8")])
        .args(args.iter().copied())
        .run();
    assert_eq!(
        output.status,
        Some(0),
        "{args:?}: {}{}",
        output.stdout,
        output.stderr
    );
    output.stdout
}

#[test]
fn new_user_journey_init_then_one_of_each_type_validates() {
    let kb = Test::empty();
    std::fs::remove_dir(kb.root().join("content")).expect("empty");
    let created = Test::empty()
        .args(["init", kb.root().to_str().expect("utf-8")])
        .run();
    assert_eq!(created.status, Some(0), "{}", created.stderr);
    assert!(
        created
            .stdout
            .contains("created .github/workflows/pioneers.yml")
    );
    assert_eq!(
        run_ok(
            &kb,
            &[
                "new",
                "organisation",
                "--name",
                "Gemeente Zwolle",
                "--kind",
                "municipality",
                "--city",
                "Zwolle"
            ]
        ),
        "content/organisations/gemeente-zwolle.md\n"
    );
    assert_eq!(
        run_ok(
            &kb,
            &[
                "new",
                "theme",
                "--title",
                "Open raadsinformatie",
                "--summary",
                "Raadsstukken als open data.",
                "--carriers",
                "gemeente-zwolle",
                "--links",
                "Voorbeeld; https://example.org/raad"
            ]
        ),
        "content/themes/open-raadsinformatie.md\n"
    );
    assert_eq!(
        run_ok(
            &kb,
            &[
                "new",
                "session",
                "--title",
                "Sessie Zwolle",
                "--date",
                "2026-03-14",
                "--start",
                "14:00",
                "--end",
                "17:00",
                "--city",
                "Zwolle",
                "--hosts",
                "gemeente-zwolle",
                "--themes",
                "open-raadsinformatie"
            ]
        ),
        "content/sessions/2026-03-14-sessie-zwolle.md\n"
    );
    assert_eq!(
        run_ok(
            &kb,
            &[
                "new",
                "retrospective",
                "--session",
                "2026-03-14-sessie-zwolle",
                "--authors",
                "Ana de Vries,Piet Jansen",
                "--speakers",
                "Marlies; directeur; gemeente-zwolle"
            ]
        ),
        "content/retrospectives/2026-03-14-sessie-zwolle.md\n"
    );
    let validate = || {
        Test::empty()
            .args([
                "--root",
                kb.root().to_str().expect("utf-8"),
                "validate",
                "--deny-warnings",
            ])
            .run()
    };
    // The new retrospective still has the questions `new` wrote: a warning for each, in
    // Dutch, because `init` writes a Dutch knowledge base.
    let output = validate();
    assert_eq!(output.status, Some(1), "{}", output.stdout);
    assert_eq!(
        output
            .stdout
            .matches("waarschuwing[placeholder-text]")
            .count(),
        3,
        "{}",
        output.stdout
    );
    let path = kb
        .root()
        .join("content/retrospectives/2026-03-14-sessie-zwolle.md");
    let retro = std::fs::read_to_string(&path).expect("read");
    let answered = retro
        .replace(
            "Wie waren er, wat werd er gepresenteerd en besproken?",
            "Twintig gemeenten.",
        )
        .replace(
            "Welke inzichten en ervaringen nemen de deelnemers mee?",
            "Klein beginnen.",
        )
        .replace(
            "Welke thema's komen terug, en wanneer is de volgende sessie?",
            "Open raadsinformatie, in juni.",
        );
    std::fs::write(&path, answered).expect("write");
    let output = validate();
    assert_eq!(output.status, Some(0), "{}", output.stdout);
    assert_eq!(
        output.stdout,
        "4 bestanden gecontroleerd: 0 fouten, 0 waarschuwingen\n"
    );
    assert!(
        retro.contains("title: \"Terugblik: Sessie Zwolle\"\n"),
        "{retro}"
    );
    assert!(
        retro.contains("published: 2026-11-28\n"),
        "published is today: {retro}"
    );
    assert!(retro.contains("## Wat we leerden"));
}

/// A typo in a reference is what `new` reports first, with the id it likely meant, in the
/// knowledge base's language; nothing is written.
#[test]
fn new_checks_references_before_anything_else() {
    let output = Test::fixture("clean")
        .args([
            "new",
            "retrospective",
            "--session",
            "2017-09-18-kick-of",
            "--authors",
            "Ana",
        ])
        .run();
    assert_eq!(output.status, Some(1), "{}", output.stderr);
    assert_eq!(
        output.stderr,
        "error: `--session 2017-09-18-kick-of`: there is no session `2017-09-18-kick-of` (did you mean `--session 2017-09-18-kick-off`?); nothing was written\n"
    );
    let dutch = Test::fixture("clean")
        .env("PIONEERS_LANG", "nl")
        .args([
            "new",
            "theme",
            "--title",
            "X",
            "--summary",
            "Y",
            "--carriers",
            "utrech,nergens",
        ])
        .run();
    assert_eq!(dutch.status, Some(1), "{}", dutch.stderr);
    assert_eq!(
        dutch.stderr,
        "fout: `--carriers utrech`: er is geen organisatie `utrech` (bedoel je `--carriers utrecht`?); er is niets geschreven\n\
         `--carriers nergens`: er is geen organisatie `nergens` (de bestaande staan in content/organisations/, of kijk met `pioneers organisations list`); er is niets geschreven\n"
    );
}

#[test]
fn new_says_what_to_do_next() {
    let test = Test::fixture("clean").env("PIONEERS_LANG", "nl");
    let output = test
        .args([
            "new",
            "theme",
            "--title",
            "Open data",
            "--summary",
            "Data voor iedereen.",
        ])
        .run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    assert_eq!(output.stdout, "content/themes/open-data.md\n");
    assert_eq!(
        output.stderr,
        "Volgende stappen:\n  1. open content/themes/open-data.md en schrijf de tekst onder de tweede regel `---`\n  2. controleer het: pioneers validate\n  3. stel het voor in een pull request:\n     git switch -c thema-open-data && git add content/themes/open-data.md && git commit -m \"Thema open-data\" && git push -u origin thema-open-data\n"
    );
}

#[test]
fn new_never_overwrites() {
    let test = Test::fixture("clean");
    let path = test.root().join("content/organisations/utrecht.md");
    let before = std::fs::read_to_string(&path).expect("read");
    let test = test.args([
        "new",
        "organisation",
        "--name",
        "Utrecht",
        "--kind",
        "municipality",
    ]);
    let output = test.run();
    assert_eq!(output.status, Some(1));
    assert!(
        output
            .stderr
            .contains("content/organisations/utrecht.md already exists"),
        "{}",
        output.stderr
    );
    assert_eq!(before, std::fs::read_to_string(&path).expect("read"));
}

#[test]
fn new_checks_references_before_writing() {
    let test = Test::fixture("clean").args([
        "new",
        "theme",
        "--title",
        "Nieuw",
        "--summary",
        "S.",
        "--carriers",
        "utrech",
    ]);
    let output = test.run();
    assert_eq!(output.status, Some(1));
    assert!(
        output.stderr.contains("did you mean `--carriers utrecht`?"),
        "{}",
        output.stderr
    );
    assert!(!test.root().join("content/themes/nieuw.md").exists());
}

#[test]
fn new_checks_values_before_writing() {
    let test = Test::fixture("clean").args([
        "new",
        "session",
        "--title",
        "X",
        "--date",
        "2027-02-30",
        "--city",
        "U",
        "--hosts",
        "utrecht",
    ]);
    let output = test.run();
    assert_eq!(output.status, Some(1));
    assert!(output.stderr.contains("invalid-date"), "{}", output.stderr);
}

#[test]
fn new_without_a_terminal_names_the_missing_flags() {
    let output = Test::fixture("clean")
        .args(["new", "session", "--title", "X"])
        .run();
    assert_eq!(output.status, Some(2));
    assert_eq!(
        output.stderr,
        "error: a session needs --date, --city, --hosts\n"
    );
}

#[test]
fn new_takes_an_id_and_rejects_unknown_choices() {
    let test = Test::fixture("clean");
    let out = run_ok(
        &test,
        &[
            "new",
            "organisation",
            "--id",
            "zwolle",
            "--name",
            "Gemeente Zwolle",
            "--kind",
            "municipality",
        ],
    );
    assert_eq!(out, "content/organisations/zwolle.md\n");
    let output = Test::fixture("clean")
        .args(["new", "organisation", "--name", "X", "--kind", "gemeente"])
        .run();
    assert_eq!(
        output.status,
        Some(2),
        "clap refuses values outside the enum"
    );
}

#[test]
fn every_field_is_a_flag_of_new() {
    for kind in pioneers::kb::DocKind::ALL {
        let help = Test::empty()
            .args(["new", kind.name(), "--help"])
            .run()
            .stdout;
        assert!(help.contains("--id"), "{kind}");
        for field in kind.fields() {
            let flag = format!("--{}", field.name.replace('_', "-"));
            assert!(help.contains(&flag), "{kind} {flag}");
        }
    }
}

#[test]
fn init_refuses_an_existing_knowledge_base() {
    let test = Test::fixture("clean");
    let output = Test::empty()
        .args(["init", test.root().to_str().expect("utf-8")])
        .run();
    assert_eq!(output.status, Some(1));
    assert!(output.stderr.contains("already"), "{}", output.stderr);
}

#[test]
fn schema_accepts_the_sample_and_rejects_what_validate_rejects() {
    let schema: serde_json::Value =
        serde_json::from_str(&Test::empty().args(["schema"]).run().stdout).expect("json");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    let theme: serde_json::Value =
        serde_json::from_str(&Test::empty().args(["schema", "theme"]).run().stdout).expect("json");
    let theme = jsonschema::validator_for(&theme).expect("valid schema");
    let good = serde_json::json!({"title": "Open Wob", "summary": "Kort.", "carriers": ["utrecht"], "links": [{"title": "x", "url": "https://x.nl"}]});
    assert!(theme.is_valid(&good));
    assert!(validator.is_valid(&good));
    for bad in [
        serde_json::json!({"title": "Open Wob"}),
        serde_json::json!({"title": "T", "summary": "S", "stauts": "x"}),
        serde_json::json!({"title": "T", "summary": "S", "carriers": "utrecht"}),
        serde_json::json!({"title": "T", "summary": "S", "status": "klaar"}),
        serde_json::json!({"title": "T", "summary": "x".repeat(201)}),
    ] {
        assert!(!theme.is_valid(&bad), "{bad}");
    }
}

#[test]
fn the_printed_schema_is_the_one_the_differential_test_checks() {
    for kind in pioneers::kb::DocKind::ALL {
        let printed: serde_json::Value =
            serde_json::from_str(&Test::empty().args(["schema", kind.name()]).run().stdout)
                .expect("json");
        assert_eq!(printed, pioneers::author::schema::schema_of(kind), "{kind}");
    }
    let theme: serde_json::Value =
        serde_json::from_str(&Test::empty().args(["schema", "theme"]).run().stdout).expect("json");
    let theme = jsonschema::options()
        .should_validate_formats(true)
        .build(&theme)
        .expect("valid schema");
    let ok = serde_json::json!({"title": 2017, "summary": "S", "status": null, "tags": null});
    assert!(theme.is_valid(&ok));
    for bad in [
        serde_json::json!({"title": true, "summary": "S"}),
        serde_json::json!({"title": "  ", "summary": "S"}),
        serde_json::json!({"title": "T", "summary": "S", "tags": ["a", null]}),
        serde_json::json!({"title": "T", "summary": "S", "carriers": ["utrecht", "utrecht"]}),
        serde_json::json!({"title": "T", "summary": "S", "carriers": ["Utrecht"]}),
        serde_json::json!({"title": "T", "summary": "S", "links": [{"title": "x", "url": "https://a b.nl"}]}),
    ] {
        assert!(!theme.is_valid(&bad), "{bad}");
    }
}

/// The ways each shell's completion script may spell a subcommand and a flag: the script
/// offers them when it contains one spelling of each.
fn completion_forms(shell: &str, subcommand: &str, flag: &str) -> [Vec<String>; 2] {
    match shell {
        // bash lists the words a position offers, and cases on `pioneers,<subcommand>`.
        "bash" => [
            vec![format!("pioneers,{subcommand})")],
            vec![format!(" {flag} ")],
        ],
        // zsh: `'name:help'`; `--flag[help]` for a switch, `--flag=[help]` for a value.
        "zsh" => [
            vec![format!("'{subcommand}:")],
            vec![format!("{flag}["), format!("{flag}=[")],
        ],
        "fish" => [
            vec![format!("-a \"{subcommand}\"")],
            vec![format!("-l {}", &flag[2..])],
        ],
        "powershell" => [
            vec![format!(
                "[CompletionResult]::new('{subcommand}', '{subcommand}'"
            )],
            vec![format!("[CompletionResult]::new('{flag}', '{flag}'")],
        ],
        "elvish" => [
            vec![format!("cand {subcommand} ")],
            vec![format!("cand {flag} ")],
        ],
        _ => unreachable!("{shell}"),
    }
}

#[test]
fn completions_offer_every_subcommand_and_their_flags_in_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = Test::empty().args(["completions", shell]).run();
        assert_eq!(output.status, Some(0), "{shell}: {}", output.stderr);
        let script = output.stdout;
        for (subcommand, flag) in [
            ("validate", "--format"),
            ("validate", "--deny-warnings"),
            ("validate", "--changed-since"),
            ("themes", "--root"),
            ("sessions", "--today"),
            ("render", "--out"),
            ("render", "--base-url"),
            ("new", "--root"),
            ("graph", "--format"),
        ] {
            for forms in completion_forms(shell, subcommand, flag) {
                assert!(
                    forms.iter().any(|form| script.contains(form)),
                    "{shell}: none of {forms:?}"
                );
            }
        }
        // The values of `validate --format` are offered too, by the shells whose scripts
        // complete values (clap_complete's PowerShell and Elvish scripts do not).
        if ["powershell", "elvish"].contains(&shell) {
            continue;
        }
        for value in ["human", "json", "github", "sarif", "gitlab"] {
            assert!(script.contains(value), "{shell}: no format `{value}`");
        }
    }
}

#[test]
fn the_bash_completion_script_is_valid_bash() {
    let script = Test::empty().args(["completions", "bash"]).run().stdout;
    let Ok(mut bash) = std::process::Command::new("bash")
        .arg("-n")
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("bash is not installed: skipping the syntax check");
        return;
    };
    std::io::Write::write_all(&mut bash.stdin.take().expect("stdin"), script.as_bytes())
        .expect("write");
    let checked = bash.wait_with_output().expect("bash runs");
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
}

#[test]
fn the_man_page_names_the_tool_its_options_and_subcommands() {
    let output = Test::empty().args(["man"]).run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    let man = output.stdout;
    assert!(
        man.contains(".TH pioneers 1"),
        "{}",
        &man[..man.len().min(200)]
    );
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(man.contains(section), "no {section}");
    }
    for option in ["\\fB\\-\\-root\\fR", "\\fB\\-\\-today\\fR"] {
        assert!(man.contains(option), "no {option}");
    }
    for subcommand in ["validate", "themes", "sessions", "render", "new", "graph"] {
        assert!(
            man.contains(&format!("pioneers\\-{subcommand}(1)")),
            "no {subcommand}"
        );
    }
}

#[test]
fn the_man_page_is_roff_that_groff_reads_without_warnings() {
    let man = Test::empty().args(["man"]).run().stdout;
    let Ok(mut groff) = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("groff is not installed: skipping the roff check");
        return;
    };
    std::io::Write::write_all(&mut groff.stdin.take().expect("stdin"), man.as_bytes())
        .expect("write");
    let checked = groff.wait_with_output().expect("groff runs");
    assert!(checked.status.success());
    assert_eq!(
        String::from_utf8_lossy(&checked.stderr),
        "",
        "groff warnings"
    );
}

/// Every `pioneers …` command in a CI example, as arguments (redirections and `||` cut).
fn commands_in(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter_map(|line| line.split_once("pioneers validate").map(|(_, rest)| rest))
        .map(|rest| {
            let rest = rest.split(['>', '|']).next().unwrap_or_default();
            std::iter::once("validate".to_string())
                .chain(rest.split_whitespace().map(str::to_string))
                .collect()
        })
        .collect()
}

#[test]
fn ci_examples_parse_and_run_commands_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for file in [
        "examples/github-actions.yml",
        "examples/gitlab-ci.yml",
        "examples/pre-commit-config.yaml",
        ".pre-commit-hooks.yaml",
    ] {
        let text = std::fs::read_to_string(root.join(file)).expect(file);
        let parsed = pioneers::kb::yaml::parse(&text, 0);
        assert!(
            parsed.problems.is_empty() && parsed.root.is_some(),
            "{file}: {:?}",
            parsed.problems
        );
        for args in commands_in(&text) {
            seen += 1;
            let output = Test::fixture("clean")
                .args(args.iter().map(String::as_str))
                .run();
            assert_eq!(
                output.status,
                Some(0),
                "{file}: pioneers {args:?}: {}",
                output.stderr
            );
        }
    }
    assert!(seen >= 4, "the examples run pioneers validate");
    let hooks = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).expect("hooks");
    let hooks = pioneers::kb::yaml::parse(&hooks, 0).root.expect("root");
    let hook = &hooks.as_sequence().expect("a list of hooks")[0];
    assert_eq!(
        hook.get("id").and_then(|n| n.as_str()),
        Some("pioneers-validate")
    );
    let config =
        std::fs::read_to_string(root.join("examples/pre-commit-config.yaml")).expect("config");
    assert!(config.contains("id: pioneers-validate"));
    let gitlab = std::fs::read_to_string(root.join("examples/gitlab-ci.yml")).expect("gitlab");
    assert!(gitlab.contains("codequality: gl-code-quality-report.json"));
}

#[test]
fn init_writes_the_examples() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        Test::empty()
            .args(["init", dir.path().to_str().expect("utf-8")])
            .run()
            .status,
        Some(0)
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (written, example) in [
        (
            ".github/workflows/pioneers.yml",
            "examples/github-actions.yml",
        ),
        (".gitlab-ci.yml", "examples/gitlab-ci.yml"),
    ] {
        assert_eq!(
            std::fs::read_to_string(dir.path().join(written)).expect("written"),
            std::fs::read_to_string(root.join(example)).expect("example")
        );
    }
    let (status, json) = Test::empty()
        .args(["--root", dir.path().to_str().expect("utf-8")])
        .json();
    assert_eq!(status, Some(0));
    assert!(located(&json).is_empty());
}

/// Errors from below the commands (an id that is not one) are in the message language too.
#[test]
fn new_refuses_a_bad_id_in_dutch() {
    let output = Test::fixture("clean")
        .env("PIONEERS_LANG", "nl")
        .args([
            "new",
            "theme",
            "--id",
            "Open_Wob",
            "--title",
            "X",
            "--summary",
            "Y.",
        ])
        .run();
    assert_eq!(output.status, Some(2), "{}", output.stderr);
    assert_eq!(
        output.stderr,
        "fout: `Open_Wob` is geen geldig id: een id bestaat uit kleine letters, cijfers en losse streepjes; er is niets geschreven\n"
    );
}
