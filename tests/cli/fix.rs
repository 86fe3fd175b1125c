//! `validate --fix` and `--fix --dry-run`: the exact bytes after a fix, nothing else
//! touched, a second run changes nothing, links are not written through; SARIF offers the
//! fixes; the cascades of a broken reference are gone.

use std::fs;

use crate::support::Test;

const UTRECHT: &str = "---\nname: Gemeente Utrecht\nkind: municipality\n---\n";
const OPEN_WOB: &str = "---\ntitle: Open Wob\nsummary: Wob\ncarriers: [utrecht]\n---\n";
const SESSION: &str = "---\ntitle: Utrecht\ndate: 2017-11-22\ncity: Utrecht\nhosts: [utrecht]\nthemes: [open-wob]\n---\n";

/// A valid knowledge base of one organisation, theme and held session, and a retrospective
/// of it with `retro` as its text.
fn with_retrospective(retro: &str) -> Test {
    Test::empty()
        .file("content/organisations/utrecht.md", UTRECHT)
        .file("content/themes/open-wob.md", OPEN_WOB)
        .file("content/sessions/2017-11-22-utrecht.md", SESSION)
        .file("content/retrospectives/2017-11-22-utrecht.md", retro)
}

const RETRO: &str = "content/retrospectives/2017-11-22-utrecht.md";

/// Several certain slips, CRLF line endings and a body that looks like them.
const SLIPPED: &str = "---\r\ntitle: Terugblik\r\nsession: 2017-11-22-utrect\r\npublished: 2017-11-30\r\nauthors: [Ana]\r\nthemes_discussed: [Open Wob]\r\n---\r\nWe spraken over Open Wob en 2017-11-22-utrect.\r\nkind: Municipality\r\n";
const FIXED: &str = "---\r\ntitle: Terugblik\r\nsession: 2017-11-22-utrecht\r\npublished: 2017-11-30\r\nauthors: [Ana]\r\nthemes_discussed: [open-wob]\r\n---\r\nWe spraken over Open Wob en 2017-11-22-utrect.\r\nkind: Municipality\r\n";

fn read(test: &Test, path: &str) -> String {
    fs::read_to_string(test.root().join(path)).expect("read")
}

#[test]
fn fix_writes_the_exact_bytes_and_reports_the_changes() {
    let test = with_retrospective(SLIPPED).args(["validate", "--fix"]);
    let output = test.run();
    assert_eq!(read(&test, RETRO), FIXED);
    assert_eq!(output.status, Some(0), "{}{}", output.stdout, output.stderr);
    assert!(
        output.stdout.starts_with(
            "fixed content/retrospectives/2017-11-22-utrecht.md:3:10: 2017-11-22-utrect → 2017-11-22-utrecht\n\
             fixed content/retrospectives/2017-11-22-utrecht.md:6:20: Open Wob → open-wob\n\n"
        ),
        "{}",
        output.stdout
    );
    assert!(output.stdout.contains("0 errors"), "{}", output.stdout);
}

#[test]
fn a_wrong_case_enum_word_is_fixed_and_a_second_fix_changes_nothing() {
    let test = with_retrospective(FIXED)
        .file(
            "content/organisations/utrecht.md",
            "---\nname: Gemeente Utrecht\nkind: \"Municipality\" # soort\n---\n",
        )
        .args(["validate", "--fix"]);
    test.run();
    let fixed = "---\nname: Gemeente Utrecht\nkind: \"municipality\" # soort\n---\n";
    assert_eq!(read(&test, "content/organisations/utrecht.md"), fixed);
    let again = test.run();
    assert_eq!(again.status, Some(0));
    assert!(!again.stdout.contains("fixed "), "{}", again.stdout);
    assert_eq!(read(&test, "content/organisations/utrecht.md"), fixed);
    assert_eq!(read(&test, RETRO), FIXED);
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let test = with_retrospective(SLIPPED).args(["validate", "--fix", "--dry-run"]);
    let output = test.run();
    assert_eq!(output.status, Some(1), "{}", output.stderr);
    assert_eq!(read(&test, RETRO), SLIPPED);
    assert!(
        output.stdout.starts_with(
            "--- a/content/retrospectives/2017-11-22-utrecht.md\n\
             +++ b/content/retrospectives/2017-11-22-utrecht.md\n\
             @@ -1,9 +1,9 @@\n"
        ),
        "{}",
        output.stdout
    );
    assert!(
        output
            .stdout
            .contains("-session: 2017-11-22-utrect\r\n+session: 2017-11-22-utrecht\r\n"),
        "{}",
        output.stdout
    );
    let clean = with_retrospective(FIXED)
        .args(["validate", "--fix", "--dry-run"])
        .run();
    assert_eq!((clean.status, clean.stdout.as_str()), (Some(0), ""));
}

#[test]
fn dry_run_needs_fix() {
    let output = Test::empty().args(["validate", "--dry-run"]).run();
    assert_eq!(output.status, Some(2), "{}", output.stderr);
}

#[test]
fn uncertain_fixes_are_not_applied() {
    let ambiguous = "---\ntitle: Terugblik\nsession: 2017-11-22-utrect\npublished: 2017-11-30\nauthors: [Ana]\n---\nTekst.\n";
    let test = with_retrospective(ambiguous)
        .file(
            "content/sessions/2017-11-23-utrecht.md",
            SESSION.replace("2017-11-22", "2017-11-23"),
        )
        .args(["validate", "--fix"]);
    let output = test.run();
    assert_eq!(output.status, Some(1));
    assert_eq!(read(&test, RETRO), ambiguous);
    assert!(
        output.stdout.contains("unknown-reference"),
        "{}",
        output.stdout
    );
}

#[test]
fn only_the_files_asked_about_are_fixed() {
    let slipped_org = "---\nname: Gemeente Utrecht\nkind: Municipality\n---\n";
    let test = with_retrospective(SLIPPED)
        .file("content/organisations/utrecht.md", slipped_org)
        .args(["validate", "--fix", "content/organisations"]);
    test.run();
    assert_eq!(read(&test, "content/organisations/utrecht.md"), UTRECHT);
    assert_eq!(read(&test, RETRO), SLIPPED);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_not_written_through() {
    let test = with_retrospective(FIXED);
    let outside = tempfile::tempdir().expect("tempdir");
    let target = outside.path().join("utrecht.md");
    let slipped_org = "---\nname: Gemeente Utrecht\nkind: Municipality\n---\n";
    fs::write(&target, slipped_org).expect("write");
    let link = test.root().join("content/organisations/zwolle.md");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let test = test.args(["validate", "--fix"]);
    let output = test.run();
    assert_eq!(fs::read_to_string(&target).expect("read"), slipped_org);
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(!output.stdout.contains("fixed "), "{}", output.stdout);
}

#[cfg(unix)]
#[test]
fn a_fixed_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let test = with_retrospective(SLIPPED);
    let path = test.root().join(RETRO);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
    let folder = path.parent().expect("folder").to_path_buf();
    let test = test.args(["validate", "--fix"]);
    test.run();
    let mode = fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
    let leftovers: Vec<_> = fs::read_dir(&folder)
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name() != "2017-11-22-utrecht.md")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn changes_are_reported_in_dutch_and_json_stays_parseable() {
    let test = with_retrospective(SLIPPED)
        .args(["validate", "--fix", "--format", "json"])
        .env("PIONEERS_LANG", "nl");
    let output = test.run();
    let json: serde_json::Value = serde_json::from_str(&output.stdout).expect("json");
    assert_eq!(json["summary"]["errors"], 0);
    assert!(
        output
            .stderr
            .contains("hersteld content/retrospectives/2017-11-22-utrecht.md:3:10: 2017-11-22-utrect → 2017-11-22-utrecht"),
        "{}",
        output.stderr
    );
}

#[test]
fn sarif_offers_every_fix_and_validates_against_the_schema() {
    let output = with_retrospective(SLIPPED)
        .args(["validate", "--format", "sarif"])
        .run();
    let sarif: serde_json::Value = serde_json::from_str(&output.stdout).expect("json");
    let errors = crate::support::sarif_schema_errors(&sarif);
    assert!(errors.is_empty(), "{errors:#?}");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let fixes: Vec<&serde_json::Value> = results
        .iter()
        .filter_map(|r| r["fixes"].as_array())
        .flatten()
        .collect();
    assert_eq!(fixes.len(), 2, "{results:#?}");
    let start = SLIPPED.find("2017-11-22-utrect").expect("typo");
    let replacement = &fixes[0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(
        replacement["deletedRegion"],
        serde_json::json!({
            "startLine": 3, "startColumn": 10, "endLine": 3, "endColumn": 27,
            "byteOffset": start, "byteLength": 17,
        })
    );
    assert_eq!(replacement["insertedContent"]["text"], "2017-11-22-utrecht");
    assert_eq!(
        fixes[0]["description"]["text"],
        "replace `2017-11-22-utrect` with `2017-11-22-utrecht`"
    );
    assert_eq!(fixes[0]["properties"]["certain"], true);
}

#[test]
fn a_broken_session_does_not_also_make_the_session_miss_its_retrospective() {
    let (status, json) = with_retrospective(SLIPPED).json();
    assert_eq!(status, Some(1));
    assert_eq!(
        crate::support::located(&json),
        [
            "unknown-reference@content/retrospectives/2017-11-22-utrecht.md:3:10",
            "invalid-value@content/retrospectives/2017-11-22-utrecht.md:6:20",
        ]
    );
}

#[test]
fn a_reference_to_a_file_that_did_not_load_is_not_a_second_error() {
    let (_, json) = with_retrospective(FIXED)
        .file(
            "content/organisations/zwolle.md",
            b"---\nname: Z\xff\n---\n",
        )
        .file(
            "content/organisations/ede.md",
            "---\nname: Ede: gemeente\n---\n",
        )
        .file(
            "content/themes/open-wob.md",
            OPEN_WOB.replace("[utrecht]", "[utrecht, zwolle, ede]"),
        )
        .json();
    assert_eq!(
        crate::support::located(&json),
        [
            "yaml-syntax@content/organisations/ede.md:2:7",
            "not-utf8@content/organisations/zwolle.md:2:8",
        ]
    );
}

#[test]
fn with_changed_since_only_the_changed_files_are_fixed() {
    let slipped_org = "---\nname: Gemeente Utrecht\nkind: Municipality\n---\n";
    let test = with_retrospective(FIXED).file("content/organisations/utrecht.md", slipped_org);
    crate::support::git(test.root(), None, &["init", "-q"]);
    crate::support::git(test.root(), None, &["add", "-A"]);
    crate::support::git(test.root(), None, &["commit", "-qm", "base"]);
    let test = test
        .file(RETRO, SLIPPED)
        .args(["validate", "--fix", "--changed-since", "HEAD"]);
    let output = test.run();
    assert_eq!(output.status, Some(0), "{}{}", output.stdout, output.stderr);
    assert_eq!(read(&test, RETRO), FIXED);
    assert_eq!(read(&test, "content/organisations/utrecht.md"), slipped_org);
}
