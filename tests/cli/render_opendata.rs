//! Open standards in the rendered site: the sitemap with tag pages and `lastmod` from git,
//! schema.org JSON-LD on organisation and retrospective pages, and the SKOS concept scheme
//! and DCAT catalogue (read by rdflib in CI, by serde_json here).

use crate::support::{Test, git, read_site, rendered_site};

const BASE: &str = "https://example.org/netwerk/";

/// The network fixture committed on `2026-05-04`, rendered with a base URL.
fn rendered() -> (Test, std::path::PathBuf) {
    let test = Test::fixture("network");
    git(test.root(), None, &["init", "-q"]);
    git(test.root(), None, &["add", "."]);
    git(
        test.root(),
        Some("2026-05-04"),
        &["commit", "-q", "-m", "x"],
    );
    let out = rendered_site(&test, &["--base-url", BASE]);
    (test, out)
}

/// The JSON-LD in the page at `path`.
fn json_ld(out: &std::path::Path, path: &str) -> serde_json::Value {
    let page = read_site(out, path);
    let open = "<script type=\"application/ld+json\">";
    let start = page.find(open).expect("JSON-LD") + open.len();
    let end = start + page[start..].find("</script>").expect("end");
    serde_json::from_str(&page[start..end]).expect("JSON")
}

#[test]
fn the_sitemap_has_tag_pages_and_every_url_a_lastmod_from_git() {
    let (_test, out) = rendered();
    let xml = read_site(&out, "sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed");
    let urls: Vec<(String, Option<String>)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .map(|u| {
            let child = |name: &str| {
                u.children()
                    .find(|n| n.has_tag_name(name))
                    .and_then(|n| n.text())
                    .map(str::to_string)
            };
            (child("loc").expect("loc"), child("lastmod"))
        })
        .collect();
    for page in ["tags/index.html", "tags/open-data.html", "tags/wob.html"] {
        assert!(
            urls.iter().any(|(loc, _)| *loc == format!("{BASE}{page}")),
            "{page} not in the sitemap"
        );
    }
    let statement = format!("{BASE}toegankelijkheid.html");
    assert!(urls.iter().any(|(loc, _)| *loc == statement));
    // Every page made from documents has the day git last changed them.
    for (loc, lastmod) in urls.iter().filter(|(loc, _)| *loc != statement) {
        assert_eq!(lastmod.as_deref(), Some("2026-05-04"), "{loc}");
    }
}

#[test]
fn organisation_and_retrospective_pages_carry_schema_org() {
    let (_test, out) = rendered();
    let utrecht = json_ld(&out, "organisations/utrecht.html");
    assert_eq!(utrecht["@type"], "GovernmentOrganization");
    assert_eq!(utrecht["url"], format!("{BASE}organisations/utrecht.html"));
    let argu = json_ld(&out, "organisations/argu.html");
    assert_eq!(argu["@type"], "Organization");
    let retro = json_ld(&out, "retrospectives/2017-09-18-kick-off.html");
    assert_eq!(retro["@type"], "Article");
    assert_eq!(retro["headline"], "Terugblik kick-off");
    assert_eq!(retro["datePublished"], "2017-09-20");
    assert_eq!(retro["author"][0]["name"], "Ana de Vries");
    assert_eq!(retro["about"][0]["@type"], "Event");
    assert_eq!(
        retro["about"][0]["url"],
        format!("{BASE}sessions/2017-09-18-kick-off.html")
    );
}

#[test]
fn skos_scheme_and_dcat_catalogue_are_written() {
    let (_test, out) = rendered();
    let skos: serde_json::Value =
        serde_json::from_str(&read_site(&out, "data/themes.jsonld")).expect("JSON");
    let concepts = skos["@graph"]
        .as_array()
        .expect("graph")
        .iter()
        .filter(|n| n["@type"] == "skos:Concept")
        .count();
    assert_eq!(concepts, 4);
    let catalog: serde_json::Value =
        serde_json::from_str(&read_site(&out, "data/catalog.jsonld")).expect("JSON");
    let catalog = &catalog["@graph"][0];
    assert_eq!(catalog["@type"], "dcat:Catalog");
    assert_eq!(catalog["dct:modified"]["@value"], "2026-05-04");
    assert_eq!(catalog["dcat:dataset"].as_array().map(Vec::len), Some(4));
}
