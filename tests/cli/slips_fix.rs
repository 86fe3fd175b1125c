//! The reference and word slips `--fix` repairs, as a Dutch knowledge base reports them and
//! then repairs them: one diagnostic per slip, help with the right text.

use crate::support::Test;

/// A Dutch knowledge base with a reference in capitals, one with a space, a typo in a
/// retrospective's `session` and a word of a fixed set in capitals.
fn slipped() -> Test {
    Test::empty()
        .file("pioneers.toml", "language = \"nl\"\n")
        .file(
            "content/organisations/utrecht.md",
            "---\nname: Gemeente Utrecht\nkind: Municipality\n---\n",
        )
        .file(
            "content/themes/open-wob.md",
            "---\ntitle: Open Wob\nsummary: Wob\ncarriers: [Utrecht]\n---\n",
        )
        .file(
            "content/sessions/2017-11-22-utrecht.md",
            "---\ntitle: Utrecht\ndate: 2017-11-22\ncity: Utrecht\nhosts: [utrecht]\nthemes: [open wob]\n---\n",
        )
        .file(
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: Terugblik\nsession: 2017-11-22-utrect\npublished: 2017-11-30\nauthors: [Ana]\n---\nTekst.\n",
        )
}

#[test]
fn reference_and_word_slips_in_dutch() {
    let output = slipped().args(["validate"]).run();
    assert_eq!(output.status, Some(1));
    insta::assert_snapshot!(output.stdout);
}

#[test]
fn reference_and_word_slips_fixed_in_dutch() {
    let output = slipped().args(["validate", "--fix"]).run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    insta::assert_snapshot!(output.stdout);
}
