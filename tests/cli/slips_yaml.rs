//! The everyday slips in front matter and file names, as a Dutch contributor sees them: one
//! plain Dutch diagnostic each, on the right line, whose help shows the corrected text.

use crate::support::Test;

/// A fresh Dutch knowledge base with one slip per file.
fn slips() -> Test {
    Test::empty()
        .file("pioneers.toml", "language = \"nl\"\n")
        .file(
            "content/retrospectives/2017-09-18-kick-off.md",
            "---\ntitle: Terugblik: Kick-off Schiedam\nsession: 2017-09-18-schiedam\npublished: 2017-09-20\nauthors: [Ana]\n---\nTekst.\n",
        )
        .file(
            "content/themes/open-wob.md",
            "---\ntitle: \"Open Wob\u{201d}\nsummary: Wob-besluiten openbaar.\n---\nTekst.\n",
        )
        .file(
            "content/themes/open-data.md",
            "---\ntitle: Open data\nsummary: Data openbaar.\ncarriers:\n\t- utrecht\n---\nTekst.\n",
        )
        .file(
            "content/organisations/utrecht.md",
            "---\nname:Gemeente Utrecht\nkind: municipality\n---\n",
        )
        .file(
            "content/sessions/2017-09-18-schiedam.md",
            "---\ntitle: Kick-off\ndate: 2017-09-18\ncity: Schiedam\n\nWe begonnen met een rondje.\n",
        )
        .file(
            "content/terugblikken/2017-11-22 Utrecht.md",
            "---\ntitle: Utrecht\n---\nTekst.\n",
        )
}

#[test]
fn the_common_slips_in_dutch() {
    let output = slips().args(["validate"]).run();
    assert_eq!(output.status, Some(1));
    insta::assert_snapshot!(output.stdout);
}
