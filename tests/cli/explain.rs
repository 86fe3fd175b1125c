//! `explain`: a rule code explained in Dutch and English, the list of codes, and an
//! unknown code.

use crate::support::{Output, Test};

fn explain(lang: &str, args: &[&str]) -> Output {
    Test::empty()
        .env("PIONEERS_LANG", lang)
        .args(["explain"])
        .args(args.iter().copied())
        .run()
}

fn ok(lang: &str, args: &[&str]) -> String {
    let output = explain(lang, args);
    assert_eq!(output.status, Some(0), "{args:?}: {}", output.stderr);
    assert_eq!(output.stderr, "", "{args:?}");
    output.stdout
}

#[test]
fn unknown_field_in_dutch() {
    insta::assert_snapshot!(ok("nl", &["unknown-field"]));
}

#[test]
fn unknown_field_in_english() {
    insta::assert_snapshot!(ok("en", &["unknown-field"]));
}

#[test]
fn an_unknown_code_suggests_the_closest_and_exits_2() {
    let output = explain("en", &["unknown-fild"]);
    assert_eq!(output.status, Some(2));
    assert_eq!(output.stdout, "");
    insta::assert_snapshot!(output.stderr);
}

#[test]
fn a_code_nothing_is_close_to_is_still_a_usage_error() {
    let output = explain("en", &["zwolle"]);
    assert_eq!(output.status, Some(2));
    assert!(
        output.stderr.contains("no rule code `zwolle`"),
        "{}",
        output.stderr
    );
    assert!(!output.stderr.contains("did you mean"), "{}", output.stderr);
}

#[test]
fn without_a_code_every_code_is_listed() {
    let listed = ok("en", &[]);
    assert_eq!(listed, ok("en", &["--list"]));
    assert_eq!(
        listed.lines().count(),
        pioneers::diag::Code::ALL.len(),
        "{listed}"
    );
    assert!(
        listed
            .lines()
            .any(|line| line.starts_with("reserved-path ")),
        "{listed}"
    );
    let dutch = ok("nl", &["--list"]);
    assert!(
        dutch.contains("Een verplicht veld ontbreekt of is leeg."),
        "{dutch}"
    );
}

#[test]
fn the_language_follows_the_knowledge_base() {
    let output = Test::empty()
        .file("pioneers.toml", "language = \"nl\"\n")
        .env("PIONEERS_LANG", "")
        .env("LC_ALL", "en_GB.UTF-8")
        .args(["explain", "invalid-date"])
        .run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    assert!(
        output.stdout.starts_with("invalid-date (fout): "),
        "{}",
        output.stdout
    );
    assert!(output.stdout.contains("\nGoed ("), "{}", output.stdout);
}

#[test]
fn every_code_is_explained() {
    for line in ok("en", &["--list"]).lines() {
        let code = line.split_whitespace().next().expect("a code");
        let text = ok("en", &[code]);
        assert!(text.starts_with(code), "{text}");
        assert!(
            text.contains("\nWrong (") && text.contains("\nRight ("),
            "{text}"
        );
    }
}

#[test]
fn sarif_rules_carry_the_explanation() {
    let output = Test::fixture("many-errors")
        .args(["validate", "--format", "sarif"])
        .run();
    assert_eq!(output.status, Some(1), "{}", output.stderr);
    let sarif: serde_json::Value = serde_json::from_str(&output.stdout).expect("json");
    let errors = crate::support::sarif_schema_errors(&sarif);
    assert!(errors.is_empty(), "{errors:#?}");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), pioneers::diag::Code::ALL.len());
    let rule = rules
        .iter()
        .find(|r| r["id"] == "unknown-field")
        .expect("unknown-field");
    let full = rule["fullDescription"]["text"].as_str().expect("text");
    assert!(full.starts_with("The header has a field"), "{full}");
    let markdown = rule["help"]["markdown"].as_str().expect("markdown");
    assert!(
        markdown.contains("**Right** (in the header of content/retrospectives/"),
        "{markdown}"
    );
    let text = rule["help"]["text"].as_str().expect("text");
    assert!(text.contains("    authors: [Ana de Vries]"), "{text}");
}
