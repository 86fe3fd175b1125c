//! The everyday slips in values and keys, as a Dutch contributor makes them: a date written
//! day first, a time with a dot or `u`, a key in Dutch or with capitals, a list written as
//! one comma-separated value. Each is one Dutch diagnostic on its line whose help shows
//! the corrected text.

use crate::support::Test;

/// The clean fixture with a retrospective and a session full of the commonest slips.
fn slips() -> Test {
    Test::fixture("clean")
        .file("pioneers.toml", "language = \"nl\"\n")
        .file(
            "content/retrospectives/2017-09-18-kick-off.md",
            "---\ntitel: Terugblik kick-off\nsession: 2017-09-18-kick-off\npublished: 20-09-2017\nauthors: Ana de Vries, Piet Jansen\n---\nWe bespraken het.\n",
        )
        .file(
            "content/sessions/2017-09-18-kick-off.md",
            "---\nTitle: Kick-off\ndate: 18 september 2017\nstart: 14.00\nend: 17u30\ncity: Schiedam\nhosts: [schiedam]\nthema's: [open-wob]\n---\n",
        )
}

#[test]
fn the_commonest_slips_in_dutch() {
    let output = slips().args(["validate"]).run();
    assert_eq!(output.status, Some(1));
    insta::assert_snapshot!(output.stdout);
}

/// `titel:` for `title:` is one error (the unknown key, with its fix), not also a missing
/// `title`; the JSON report says the same.
#[test]
fn a_dutch_key_for_a_required_field_is_one_error() {
    let (status, json) = slips().json();
    assert_eq!(status, Some(1));
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(!codes.contains(&"missing-field"), "{codes:?}");
    assert_eq!(
        codes.iter().filter(|c| **c == "unknown-field").count(),
        3,
        "{codes:?}"
    );
}
