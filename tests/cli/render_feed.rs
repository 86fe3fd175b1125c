//! The Atom feed's links: every link in an entry resolves to the page or file it means,
//! `#fragment` ones too — absolute with a base URL, and relative to the entry's `xml:base`
//! (its page) without one.

use crate::support::Test;

const BASE: &str = "https://example.org/netwerk/";

const RETROSPECTIVE: &str = "---\ntitle: Terugblik kick-off\nsession: 2017-09-18-kick-off\npublished: 2017-09-20\nauthors: [Ana de Vries]\n---\n## Aanpak\n\nZie [de aanpak](#aanpak), [het thema](../themes/open-wob.md) en [Zwolle](../organisations/zwolle.md#top).\n";

/// The feed of the network fixture with a retrospective that links three ways.
fn feed(base: Option<&str>) -> String {
    let test = Test::fixture("network")
        .file(
            "content/retrospectives/2017-09-18-kick-off.md",
            RETROSPECTIVE,
        )
        .file(
            "content/organisations/zwolle.md",
            "---\nname: Zwolle\nkind: municipality\n---\n## Top\n\nHanzestad.\n",
        );
    let out = test.root().join("site");
    let mut args = vec![
        "--root".to_string(),
        test.root().display().to_string(),
        "render".into(),
        "--out".into(),
        out.display().to_string(),
    ];
    if let Some(base) = base {
        args.extend(["--base-url".into(), base.into()]);
    }
    let output = Test::empty().args(args).run();
    assert_eq!(output.status, Some(0), "{}{}", output.stdout, output.stderr);
    std::fs::read_to_string(out.join("feed.atom")).expect("feed")
}

/// The entry's `xml:base` and the `href`s inside its (escaped HTML) content.
fn entry_links(feed: &str) -> (String, Vec<String>) {
    let doc = roxmltree::Document::parse(feed).expect("well-formed");
    let entry = doc
        .descendants()
        .find(|n| n.has_tag_name("entry"))
        .expect("an entry");
    let base = entry
        .attribute(("http://www.w3.org/XML/1998/namespace", "base"))
        .expect("xml:base")
        .to_string();
    let content = entry
        .children()
        .find(|n| n.has_tag_name("content"))
        .and_then(|n| n.text())
        .expect("content");
    let hrefs = content
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect();
    (base, hrefs)
}

#[test]
fn with_a_base_url_every_link_in_an_entry_is_absolute() {
    let (base, hrefs) = entry_links(&feed(Some(BASE)));
    let page = format!("{BASE}retrospectives/2017-09-18-kick-off.html");
    assert_eq!(base, page);
    for expected in [
        format!("{page}#aanpak"),
        format!("{BASE}themes/open-wob.html"),
        format!("{BASE}organisations/zwolle.html#top"),
    ] {
        assert!(hrefs.contains(&expected), "{expected} not in {hrefs:?}");
    }
    // The heading's own link is resolved by xml:base; every other link is absolute.
    for href in &hrefs {
        assert!(href.starts_with(BASE) || href.starts_with('#'), "{href}");
    }
}

#[test]
fn without_one_links_are_relative_to_the_entry_page() {
    let (base, hrefs) = entry_links(&feed(None));
    assert_eq!(base, "retrospectives/2017-09-18-kick-off.html");
    for expected in [
        "#aanpak",
        "../themes/open-wob.html",
        "../organisations/zwolle.html#top",
    ] {
        assert!(
            hrefs.iter().any(|h| h == expected),
            "{expected} not in {hrefs:?}"
        );
    }
}
