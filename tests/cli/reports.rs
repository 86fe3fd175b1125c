//! `validate --format sarif|gitlab`: checked against the SARIF 2.1.0 schema and the
//! fields GitLab's Code Quality widget reads.

use crate::support::Test;

fn report(format: &str, test: Test) -> serde_json::Value {
    let output = test.args(["validate", "--format", format]).run();
    assert_eq!(output.status, Some(1), "{}", output.stderr);
    serde_json::from_str(&output.stdout).expect("json")
}

#[test]
fn sarif_validates_against_the_official_schema() {
    assert!(
        !crate::support::sarif_validator()
            .is_valid(&serde_json::json!({"version": "2.1.0", "runs": [{}]})),
        "the check can fail"
    );
    let sarif = report("sarif", Test::fixture("many-errors"));
    let errors = crate::support::sarif_schema_errors(&sarif);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn sarif_results_carry_rule_ids_and_regions() {
    let sarif = report("sarif", Test::fixture("many-errors"));
    let run = &sarif["runs"][0];
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(run["tool"]["driver"]["name"], "pioneers");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert!(rules.iter().any(|r| r["id"] == "unknown-reference"));
    let first = &run["results"][0];
    assert_eq!(first["ruleId"], "unknown-reference");
    assert_eq!(
        rules[first["ruleIndex"].as_u64().expect("index") as usize]["id"],
        "unknown-reference"
    );
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "content/themes/open-wob.md"
    );
    assert_eq!(location["region"]["startLine"], 4);
    assert_eq!(location["region"]["startColumn"], 21);
}

#[test]
fn gitlab_code_quality_fields() {
    let issues = report("gitlab", Test::fixture("many-errors"));
    let issues = issues.as_array().expect("array");
    assert_eq!(issues.len(), 7);
    let first = &issues[0];
    assert_eq!(first["check_name"], "unknown-reference");
    assert_eq!(first["severity"], "major");
    assert_eq!(first["location"]["path"], "content/themes/open-wob.md");
    assert_eq!(first["location"]["lines"]["begin"], 4);
    assert!(
        first["description"]
            .as_str()
            .expect("text")
            .contains("utrect")
    );
    let mut fingerprints: Vec<_> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().expect("fp").to_string())
        .collect();
    fingerprints.sort();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), 7, "fingerprints are unique");
}

#[test]
fn gitlab_fingerprints_are_stable_across_runs_and_line_moves() {
    let fingerprints = |test: Test| -> Vec<String> {
        report("gitlab", test)
            .as_array()
            .expect("array")
            .iter()
            .map(|i| i["fingerprint"].as_str().expect("fp").to_string())
            .collect()
    };
    let once = fingerprints(Test::fixture("many-errors"));
    assert_eq!(once, fingerprints(Test::fixture("many-errors")));
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/many-errors/content/themes/open-wob.md"),
    )
    .expect("fixture");
    let moved = text.replacen("---\n", "---\n# een opmerking\n", 1);
    let shifted =
        fingerprints(Test::fixture("many-errors").file("content/themes/open-wob.md", moved));
    assert_eq!(once, shifted);
}
