//! The look of the rendered site as `pioneers.toml` and the content shape it: accent colour
//! (only when readable), logo, description, titles, breadcrumbs, the not-found page and the
//! accessibility statement, lists with status and summary, tag pages by kind, no empty
//! sections, and heading links labelled in the page's language.

use crate::support::{Test, read_site, rendered_site};

/// The network fixture with `config` as its `pioneers.toml` and a logo under `content/`.
fn configured(config: &str) -> Test {
    Test::fixture("network").file("pioneers.toml", config).file(
        "content/images/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
}

#[test]
fn accent_logo_and_description_come_from_pioneers_toml() {
    let test = configured(
        "title = \"Testnetwerk\"\ndescription = \"Wij <b>delen</b> wat werkt.\"\naccent = \"#8B0000\"\nlogo = \"images/logo.svg\"\n",
    );
    let out = rendered_site(&test, &[]);
    let home = read_site(&out, "index.html");
    assert!(
        home.contains("<style>:root { --brand: #8b0000; }</style>"),
        "{home}"
    );
    assert!(home.contains("<p class=\"lead\">Wij &lt;b&gt;delen&lt;/b&gt; wat werkt.</p>"));
    assert!(home.contains("<meta name=\"description\" content=\"Wij &lt;b&gt;delen"));
    assert!(home.contains("<img src=\"images/logo.svg\" alt=\"\""));
    let theme = read_site(&out, "themes/open-wob.html");
    assert!(theme.contains("<img src=\"../images/logo.svg\" alt=\"\""));
}

#[test]
fn an_unreadable_accent_and_a_missing_logo_are_left_out() {
    let test = configured("title = \"T\"\naccent = \"#ffd700\"\nlogo = \"images/nope.svg\"\n");
    let out = rendered_site(&test, &[]);
    let home = read_site(&out, "index.html");
    assert!(!home.contains("--brand"), "yellow fails the contrast check");
    assert!(!home.contains("<img src=\"images/"));
}

#[test]
fn titles_breadcrumbs_and_the_site_s_own_pages() {
    let test = Test::fixture("network");
    let out = rendered_site(&test, &["--base-url", "https://example.org/n/"]);
    assert!(read_site(&out, "index.html").contains("<title>Testnetwerk</title>"));
    let theme = read_site(&out, "themes/open-wob.html");
    assert!(theme.contains("<title>Open Wob · Testnetwerk</title>"));
    assert!(theme.contains("<nav class=\"crumbs wrap\" aria-label=\"Kruimelpad\">"));
    assert!(theme.contains("<li><a href=\"../themes/index.html\">Thema&#39;s</a></li>"));
    let not_found = read_site(&out, "404.html");
    assert!(not_found.contains("<base href=\"https://example.org/n/\">"));
    assert!(not_found.contains("<h1>Pagina niet gevonden</h1>"));
    let statement = read_site(&out, "toegankelijkheid.html");
    assert!(statement.contains("<h1>Toegankelijkheidsverklaring</h1>"));
    assert!(statement.contains("WCAG"));
    assert!(
        theme.contains("href=\"../toegankelijkheid.html\""),
        "linked from every page"
    );
}

#[test]
fn lists_show_status_date_and_summary_and_tag_pages_group_by_kind() {
    let test = Test::fixture("network").file(
        "content/organisations/utrecht.md",
        "---\nname: Utrecht\nkind: municipality\ncity: Utrecht\ntags: [wob]\n---\nDomstad.\n",
    );
    let out = rendered_site(&test, &[]);
    let themes = read_site(&out, "themes/index.html");
    assert!(themes.contains("<span class=\"badge badge-discussed\">Besproken</span>"));
    assert!(themes.contains("<p class=\"summary\">Wob-besluiten doorzoekbaar voor iedereen.</p>"));
    assert!(themes.contains("Dragers: Utrecht"));
    let sessions = read_site(&out, "sessions/index.html");
    assert!(sessions.contains("<time datetime=\"2017-09-18\">18 september 2017</time><span>14:00–17:00</span><span>Utrecht</span>"));
    let tag = read_site(&out, "tags/wob.html");
    let organisations = tag
        .find("<h2 id=\"group-1\">Organisaties</h2>")
        .expect("organisations");
    let themes = tag
        .find("<h2 id=\"group-2\">Thema&#39;s</h2>")
        .expect("themes");
    assert!(organisations < themes);
}

#[test]
fn no_empty_sections_and_no_repeated_facts() {
    let test = Test::fixture("network");
    let out = rendered_site(&test, &[]);
    // Argu carries, hosts and attended nothing but the kick-off.
    let argu = read_site(&out, "organisations/argu.html");
    assert!(!argu.contains("Nog niets."), "{argu}");
    let session = read_site(&out, "sessions/2017-09-18-kick-off.html");
    assert_eq!(session.matches("18 september 2017").count(), 1, "{session}");
    assert_eq!(session.matches("<dt>Plaats</dt>").count(), 1, "{session}");
    assert_eq!(session.matches("14:00–17:00").count(), 1, "{session}");
}

#[test]
fn heading_links_are_labelled_in_the_page_language() {
    let test = Test::fixture("network").file(
        "content/themes/open-wob.md",
        "---\ntitle: Open Wob\nsummary: S.\ncarriers: [utrecht]\n---\n## Aanpak\n\nTekst.\n",
    );
    let nl = read_site(&rendered_site(&test, &[]), "themes/open-wob.html");
    assert!(nl.contains("aria-label=\"Link naar kop ‘Aanpak’\""), "{nl}");
    let en = read_site(
        &rendered_site(&test, &["--lang", "en"]),
        "themes/open-wob.html",
    );
    assert!(
        en.contains("aria-label=\"Link to heading ‘Aanpak’\""),
        "{en}"
    );
}

#[test]
fn the_search_index_holds_folded_words_of_every_document() {
    let test = Test::fixture("network").file(
        "content/themes/cafe-gesprek.md",
        "---\ntitle: Het café-gesprek\nsummary: Informeel praten.\n---\nMet Één koffie.\n",
    );
    let out = rendered_site(&test, &[]);
    let index: serde_json::Value =
        serde_json::from_str(&read_site(&out, "search.json")).expect("JSON");
    let docs = index["docs"].as_array().expect("docs");
    assert_eq!(docs.len(), 13, "every document");
    let cafe = docs
        .iter()
        .find(|d| d["u"] == "themes/cafe-gesprek.html")
        .expect("the café");
    assert_eq!(cafe["t"], "Het café-gesprek");
    assert_eq!(cafe["k"], "Thema's");
    assert_eq!(cafe["f"][0], serde_json::json!(["cafe", "gesprek", "het"]));
    assert!(
        cafe["f"][2]
            .as_array()
            .expect("body")
            .contains(&"een".into())
    );
    let script = read_site(&out, "search.js");
    assert!(
        script.contains("new URL(\"search.json\", root)"),
        "relative to the script"
    );
    let page = read_site(&out, "themes/cafe-gesprek.html");
    assert!(page.contains(
        "<script src=\"../search.js\" defer=\"defer\" data-label=\"Zoeken op deze site\""
    ));
}
