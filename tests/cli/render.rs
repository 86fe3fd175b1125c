//! `pioneers render` and `pioneers graph`: the files, their links, feeds, calendar, safety,
//! determinism and inert payloads.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::{Test, render_site, rendered_site};

const BASE: &str = "https://example.org/netwerk/";

/// Renders `fixture` (or the sample content for `None`) into `<tmp>/site`.
fn render(fixture: Option<&str>, extra: &[&str]) -> (Test, PathBuf) {
    let test = match fixture {
        Some(name) => Test::fixture(name),
        None => {
            let test = Test::empty();
            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            copy(&root.join("content"), &test.root().join("content"));
            std::fs::copy(
                root.join("pioneers.toml"),
                test.root().join("pioneers.toml"),
            )
            .expect("config");
            test
        }
    };
    let mut flags = vec!["--base-url", BASE];
    flags.extend(extra);
    let out = rendered_site(&test, &flags);
    (test, out)
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Every file of a site, relative path → bytes.
pub(crate) fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut all = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .to_string_lossy()
                    .replace('\\', "/");
                all.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    all
}

fn html_pages(site: &BTreeMap<String, Vec<u8>>) -> Vec<(&String, String)> {
    site.iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b.clone()).expect("utf-8")))
        .collect()
}

/// The raw tags of an HTML text: what is between `<` and `>` (escaped text has no `<`).
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|t| t.split('>').next())
        .collect()
}

/// The values of `attr="…"` in the tags of `html`.
pub(crate) fn attributes<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    let mut values = Vec::new();
    for tag in tags(html) {
        for (i, _) in tag.match_indices(&needle) {
            if let Some(value) = tag[i + needle.len()..].split('"').next() {
                values.push(value);
            }
        }
    }
    values
}

#[test]
fn the_sample_renders_every_page_type() {
    let (_test, out) = render(None, &[]);
    let site = files(&out);
    for path in [
        "index.html",
        "themes/index.html",
        "themes/open-wob.html",
        "sessions/index.html",
        "sessions/2017-09-18-kick-off-schiedam.html",
        "retrospectives/2017-09-18-kick-off-schiedam.html",
        "organisations/utrecht.html",
        "tags/index.html",
        "tags/wob.html",
        "feed.atom",
        "sessions.ics",
        "sitemap.xml",
        "network.svg",
        "style.css",
        "data/themes.json",
        "data/sessions.json",
        "data/organisations.json",
        "data/retrospectives.json",
        ".pioneers-render",
    ] {
        assert!(site.contains_key(path), "{path} is missing");
    }
    let home = String::from_utf8(site["index.html"].clone()).expect("utf-8");
    assert!(home.contains("<html lang=\"nl\">"));
    assert!(home.contains("Recente terugblikken"));
    // No empty sections: the sample plans no session.
    assert!(!home.contains("Komende sessies"));
    let session = String::from_utf8(site["sessions/2017-09-18-kick-off-schiedam.html"].clone())
        .expect("utf-8");
    assert!(session.contains("18 september 2017"), "Dutch dates");
    assert!(session.contains("14:00–17:00"));
}

#[test]
fn every_page_is_accessible_in_structure() {
    let (_test, out) = render(None, &[]);
    for (path, html) in html_pages(&files(&out)) {
        assert_eq!(html.matches("<h1").count(), 1, "{path}: one h1");
        assert!(
            html.contains("<a class=\"skip\" href=\"#main\">"),
            "{path}: skip link"
        );
        assert!(html.contains("<main id=\"main\""), "{path}: main landmark");
        assert!(
            html.contains("<nav aria-label="),
            "{path}: named navigation"
        );
        assert!(html.contains("<html lang=\"nl\">"), "{path}");
        // JavaScript only adds the search box (progressive enhancement; search.mjs checks
        // the page without it): one deferred script, nothing else.
        assert_eq!(html.matches("<script src").count(), 1, "{path}");
        assert!(
            html.contains("<script src=\"") && html.contains("search.js\" defer=\"defer\" "),
            "{path}: only the search script, deferred"
        );
        let mut last = 1;
        for level in tags(&html)
            .iter()
            .filter_map(|t| t.strip_prefix('h'))
            .filter_map(|t| t.chars().next()?.to_digit(10))
        {
            assert!(level <= last + 1, "{path}: heading h{level} after h{last}");
            last = level;
        }
    }
}

#[test]
fn every_internal_link_resolves_so_the_site_works_from_disk_and_any_sub_path() {
    let (_test, out) = render(None, &[]);
    let site = files(&out);
    for (path, html) in html_pages(&site) {
        for link in attributes(&html, "href")
            .into_iter()
            .chain(attributes(&html, "src"))
        {
            if link.starts_with('#') || link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            assert!(!link.starts_with('/'), "{path}: {link} is absolute");
            let target = link.split('#').next().unwrap_or_default();
            let resolved = normalise(Path::new(path).parent().unwrap_or(Path::new("")), target);
            assert!(
                site.contains_key(&resolved),
                "{path}: {link} → {resolved} does not exist"
            );
        }
    }
}

/// `link` resolved against the site folder `dir`, as a site-relative path.
pub(crate) fn normalise(dir: &Path, link: &str) -> String {
    let mut parts: Vec<String> = dir
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    for part in link.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p.to_string()),
        }
    }
    parts.join("/")
}

#[test]
fn anchors_that_validation_accepts_are_ids_on_the_pages() {
    let (test, out) = render(None, &[]);
    let kb = pioneers::kb::KnowledgeBase::load(
        test.root(),
        pioneers::kb::date::parse_date("2026-11-28").expect("date"),
    )
    .expect("loads");
    let mut checked = 0;
    for doc in &kb.documents {
        let page =
            std::fs::read_to_string(out.join(format!("{}/{}.html", doc.kind.folder(), doc.id)))
                .expect("page");
        for anchor in &doc.body.anchors {
            assert!(
                page.contains(&format!(" id=\"{anchor}\"")),
                "{}: #{anchor}",
                doc.id
            );
            checked += 1;
        }
    }
    assert!(checked >= 3, "the sample has headings");
}

#[test]
fn rendering_is_deterministic() {
    let (_a, one) = render(Some("network"), &[]);
    let (_b, two) = render(Some("network"), &[]);
    assert_eq!(files(&one), files(&two));
}

#[test]
fn english_site() {
    let (_test, out) = render(None, &["--lang", "en"]);
    let session = std::fs::read_to_string(out.join("sessions/2017-09-18-kick-off-schiedam.html"))
        .expect("page");
    assert!(session.contains("<html lang=\"en\">"));
    assert!(session.contains("18 September 2017"));
    assert!(session.contains("Skip to content"));
}

/// `html` without the inline network picture (`<div class="network-figure">…</div>`), which
/// is checked as XML on its own: well-formed, and no element or attribute but its own.
fn without_network_figure(html: &str) -> String {
    let open = "<div class=\"network-figure\">";
    let Some(start) = html.find(open) else {
        return html.to_string();
    };
    let end = start + html[start..].find("</svg>").expect("closed") + "</svg>".len();
    let svg = &html[start + open.len()..end];
    let doc = roxmltree::Document::parse(svg).expect("the picture is XML");
    for node in doc.descendants().filter(|n| n.is_element()) {
        assert!(
            ["svg", "title", "style", "line", "a", "text"].contains(&node.tag_name().name()),
            "{}",
            node.tag_name().name()
        );
        for attr in node.attributes() {
            assert!(!attr.name().starts_with("on"), "{}", attr.name());
            assert!(!attr.value().trim_start().starts_with("javascript:"));
        }
    }
    format!("{}{}", &html[..start], &html[end..])
}

#[test]
fn payloads_come_out_inert() {
    let (_test, out) = render(Some("xss"), &["--allow-errors"]);
    let site = files(&out);
    for (path, html) in html_pages(&site) {
        // The network picture is inline SVG (with its own <style>) made from escaped labels;
        // what is around it must hold no markup of the payloads.
        let html = without_network_figure(&html);
        let html = html.as_str();
        let lower = html.to_lowercase();
        let scripts = lower.matches("<script").count();
        let json_ld = lower
            .matches("<script type=\"application/ld+json\">")
            .count();
        let search = lower.matches("search.js\" defer=\"defer\" ").count();
        assert_eq!(search, 1, "{path}: the search script");
        assert_eq!(scripts, json_ld + search, "{path}: only JSON-LD and search");
        for tag in tags(&lower) {
            let name = tag.split_whitespace().next().unwrap_or_default();
            assert!(
                !["iframe", "object", "style", "svg", "img src=x"].contains(&name),
                "{path}: <{tag}>"
            );
            for attr in tag.split_whitespace().skip(1) {
                assert!(!attr.starts_with("on"), "{path}: event handler in <{tag}>");
            }
        }
        for url in attributes(&lower, "href")
            .into_iter()
            .chain(attributes(&lower, "src"))
        {
            assert!(
                !url.trim_start().starts_with("javascript:"),
                "{path}: {url}"
            );
        }
        if let Some(start) = lower.find("<script type=\"application/ld+json\">") {
            let rest = &html[start + 35..];
            let json = &rest[..rest.find("</script>").expect("closed")];
            let value: serde_json::Value = serde_json::from_str(json).expect("JSON-LD parses");
            if value["@type"] == "Event" {
                assert_eq!(value["name"], "</script><script>alert('jsonld')</script>");
            }
        }
    }
    let feed = String::from_utf8(site["feed.atom"].clone()).expect("utf-8");
    roxmltree::Document::parse(&feed).expect("the feed is still XML");
    let svg = String::from_utf8(site["network.svg"].clone()).expect("utf-8");
    roxmltree::Document::parse(&svg).expect("the picture is still XML");
}

#[test]
fn atom_feed_parses_with_absolute_links_newest_first() {
    let (_test, out) = render(None, &[]);
    let feed = std::fs::read_to_string(out.join("feed.atom")).expect("feed");
    let doc = roxmltree::Document::parse(&feed).expect("XML");
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let entries: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 1);
    let link = entries[0]
        .children()
        .find(|n| n.has_tag_name("link"))
        .and_then(|l| l.attribute("href"))
        .expect("link");
    assert_eq!(
        link,
        format!("{BASE}retrospectives/2017-09-18-kick-off-schiedam.html")
    );
    let updated = root
        .children()
        .find(|n| n.has_tag_name("updated"))
        .and_then(|n| n.text())
        .expect("updated");
    assert_eq!(updated, "2017-09-18T00:00:00Z");
    let content = entries[0]
        .children()
        .find(|n| n.has_tag_name("content"))
        .and_then(|n| n.text())
        .expect("content");
    assert!(
        content.contains(&format!("href=\"{BASE}themes/open-wob.html\"")),
        "links in entries are absolute"
    );
}

#[test]
fn calendar_imports_with_amsterdam_local_times() {
    let (_test, out) = render(Some("network"), &[]);
    let text = std::fs::read_to_string(out.join("sessions.ics")).expect("ics");
    assert!(text.contains("\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line}");
        assert!(!line.contains('\n'), "bare LF");
    }
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("a calendar").expect("parses");
    assert_eq!(calendar.events.len(), 3);
    let prop = |event: &ical::parser::ical::component::IcalEvent, name: &str| {
        event
            .properties
            .iter()
            .find(|p| p.name == name)
            .cloned()
            .expect(name)
    };
    let kickoff = &calendar.events[0];
    assert_eq!(
        prop(kickoff, "UID").value.as_deref(),
        Some("2017-09-18-kick-off@example.org")
    );
    let start = prop(kickoff, "DTSTART");
    assert_eq!(start.value.as_deref(), Some("20170918T140000"));
    let params = start.params.expect("TZID");
    assert!(
        params
            .iter()
            .any(|(k, v)| k == "TZID" && v == &vec!["Europe/Amsterdam".to_string()])
    );
    assert_eq!(
        prop(kickoff, "URL").value.as_deref(),
        Some(&*format!("{BASE}sessions/2017-09-18-kick-off.html"))
    );
    assert!(prop(kickoff, "DTSTAMP").value.is_some());
    let cancelled = &calendar.events[1];
    assert_eq!(
        prop(cancelled, "STATUS").value.as_deref(),
        Some("CANCELLED")
    );
    let all_day = prop(cancelled, "DTSTART");
    assert_eq!(all_day.value.as_deref(), Some("20180301"));
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam"));
}

/// A long title folds where no space touches the fold, so a parser that trims folded lines
/// (like `ical`) still reads every space, comma and accent.
#[test]
fn calendar_titles_survive_folding() {
    let title = format!("{} b, c; dé € 😀 {}", "a".repeat(66), "é".repeat(60));
    let test = Test::fixture("network").file(
        "content/sessions/2019-05-05-lang.md",
        format!("---\ntitle: \"{title}\"\ndate: 2019-05-05\ncity: Zwolle\nhosts: [zwolle]\n---\n"),
    );
    let output = render_site(&test, &[]);
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    let text = std::fs::read_to_string(test.root().join("site/sessions.ics")).expect("ics");
    let calendar = ical::IcalParser::new(text.as_bytes())
        .next()
        .expect("a calendar")
        .expect("it parses");
    let summaries: Vec<_> = calendar
        .events
        .iter()
        .flat_map(|e| &e.properties)
        .filter(|p| p.name == "SUMMARY")
        .filter_map(|p| p.value.clone())
        .collect();
    let escaped = title.replace(',', "\\,").replace(';', "\\;");
    assert!(summaries.contains(&escaped), "{summaries:?}");
}

#[test]
fn session_pages_carry_event_json_ld() {
    let (_test, out) = render(Some("network"), &[]);
    let page =
        std::fs::read_to_string(out.join("sessions/2018-03-01-den-haag.html")).expect("page");
    let start = page.find("application/ld+json\">").expect("JSON-LD") + 21;
    let json: serde_json::Value =
        serde_json::from_str(&page[start..start + page[start..].find("</script>").expect("end")])
            .expect("JSON");
    assert_eq!(json["@type"], "Event");
    assert_eq!(json["eventStatus"], "https://schema.org/EventCancelled");
    assert_eq!(json["location"]["address"]["addressLocality"], "Den Haag");
    assert_eq!(json["organizer"][0]["name"], "Den Haag");
    let kickoff =
        std::fs::read_to_string(out.join("sessions/2017-09-18-kick-off.html")).expect("page");
    assert!(kickoff.contains("\"startDate\":\"2017-09-18T14:00:00+02:00\""));
}

#[test]
fn data_export_has_the_shapes_of_list_json_and_the_sitemap_is_absolute() {
    let (test, out) = render(Some("network"), &[]);
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/themes.json")).expect("data"))
            .expect("json");
    let listed = Test::empty()
        .args([
            "--root",
            test.root().to_str().expect("utf-8"),
            "themes",
            "list",
            "--format",
            "json",
            "--sort",
            "id",
        ])
        .run();
    let mut listed: Vec<serde_json::Value> = serde_json::from_str(&listed.stdout).expect("json");
    let mut exported = exported.as_array().expect("array").clone();
    let by_id = |v: &serde_json::Value| v["id"].as_str().unwrap_or_default().to_string();
    listed.sort_by_key(by_id);
    exported.sort_by_key(by_id);
    assert_eq!(listed, exported);
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).expect("sitemap");
    let doc = roxmltree::Document::parse(&sitemap).expect("XML");
    let locs: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.len() > 10);
    assert!(locs.iter().all(|l| l.starts_with(BASE)));
}

#[test]
fn content_with_errors_is_not_rendered_unless_allowed() {
    let test = Test::fixture("many-errors");
    let out = test.root().join("site");
    let output = render_site(&test, &[]);
    assert_eq!(output.status, Some(1));
    assert!(!out.exists(), "nothing written");
    let output = render_site(&test, &["--allow-errors"]);
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    assert!(out.join("index.html").is_file());
}

#[test]
fn a_folder_that_render_did_not_make_is_never_replaced() {
    let test = Test::fixture("clean").file("site/scriptie.docx", "kostbaar");
    let out = test.root().join("site");
    let output = render_site(&test, &[]);
    assert_eq!(output.status, Some(1));
    assert!(
        output.stderr.contains("was not made by `pioneers render`"),
        "{}",
        output.stderr
    );
    assert_eq!(
        std::fs::read_to_string(out.join("scriptie.docx")).expect("kept"),
        "kostbaar"
    );
    assert!(!out.join("index.html").exists());
}

#[test]
fn a_previous_render_is_replaced_whole() {
    let (test, out) = render(Some("clean"), &[]);
    std::fs::write(out.join("stale.html"), "oud").expect("write");
    let output = render_site(&test, &[]);
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    assert!(!out.join("stale.html").exists());
    assert!(out.join("index.html").is_file());
}

#[test]
fn templates_in_the_root_replace_the_built_in_ones() {
    let test = Test::fixture("clean").file(
        "templates/list.html",
        "{% extends \"base.html\" %}{% block main %}<h1>EIGEN {{ title }}</h1>{% endblock %}",
    );
    let out = test.root().join("site");
    let output = render_site(&test, &[]);
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    let page = std::fs::read_to_string(out.join("themes/index.html")).expect("page");
    assert!(page.contains("<h1>EIGEN Thema&#39;s</h1>"), "{page}");
}

#[test]
fn graph_as_dot_and_mermaid() {
    let dot = Test::fixture("network").args(["graph"]).run();
    assert_eq!(dot.status, Some(0), "{}", dot.stderr);
    assert_eq!(
        dot.stdout,
        r#"digraph network {
  rankdir=LR;
  "org:argu" [label="Argu", shape=box];
  "org:den-haag" [label="Den Haag", shape=box];
  "org:een" [label="Één Overheid", shape=box];
  "org:utrecht" [label="Utrecht", shape=box];
  "org:zwolle" [label="Zwolle", shape=box];
  "theme:checklist" [label="Checklist open overheid", shape=ellipse];
  "theme:cafe-gesprek" [label="Het café-gesprek", shape=ellipse];
  "theme:open-wob" [label="Open Wob", shape=ellipse];
  "theme:raadsinformatie" [label="Raadsinformatie", shape=ellipse];
  "org:den-haag" -> "theme:raadsinformatie";
  "org:utrecht" -> "theme:open-wob";
  "org:utrecht" -> "theme:raadsinformatie";
  "org:zwolle" -> "theme:checklist";
}
"#
    );
    let mermaid = Test::fixture("network")
        .args(["graph", "--format", "mermaid"])
        .run();
    assert_eq!(mermaid.status, Some(0), "{}", mermaid.stderr);
    assert_eq!(
        mermaid.stdout,
        r#"graph LR
  org_argu["Argu"]
  org_den_haag["Den Haag"]
  org_een["Één Overheid"]
  org_utrecht["Utrecht"]
  org_zwolle["Zwolle"]
  theme_checklist(["Checklist open overheid"])
  theme_cafe_gesprek(["Het café-gesprek"])
  theme_open_wob(["Open Wob"])
  theme_raadsinformatie(["Raadsinformatie"])
  org_den_haag --> theme_raadsinformatie
  org_utrecht --> theme_open_wob
  org_utrecht --> theme_raadsinformatie
  org_zwolle --> theme_checklist
"#
    );
}

/// One file of each kind the site has, from the network fixture: the home page, the four
/// index pages, one page per document kind, a tag page and the tags index, the feed, the
/// calendar, the sitemap, the network picture, the not-found page, the accessibility
/// statement, the SKOS scheme and the DCAT catalogue.
const ONE_OF_EACH_PAGE_TYPE: [(&str, &str); 19] = [
    ("home", "index.html"),
    ("themes_index", "themes/index.html"),
    ("sessions_index", "sessions/index.html"),
    ("retrospectives_index", "retrospectives/index.html"),
    ("organisations_index", "organisations/index.html"),
    ("theme", "themes/open-wob.html"),
    ("session", "sessions/2017-09-18-kick-off.html"),
    ("retrospective", "retrospectives/2017-09-18-kick-off.html"),
    ("organisation", "organisations/utrecht.html"),
    ("tag", "tags/open-data.html"),
    ("tags_index", "tags/index.html"),
    ("feed", "feed.atom"),
    ("calendar", "sessions.ics"),
    ("sitemap", "sitemap.xml"),
    ("network", "network.svg"),
    ("not_found", "404.html"),
    ("statement", "toegankelijkheid.html"),
    ("skos", "data/themes.jsonld"),
    ("catalog", "data/catalog.jsonld"),
];

#[test]
fn every_page_type_matches_its_snapshot() {
    let (_test, out) = render(Some("network"), &[]);
    for (name, path) in ONE_OF_EACH_PAGE_TYPE {
        let text =
            std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        // iCalendar lines end in CRLF (checked by `calendar_imports_with_amsterdam_local_times`);
        // the snapshot shows them as plain lines so it reads and diffs like the others.
        let text = text.replace("\r\n", "\n");
        // The version in PRODID changes with every release, not with the content.
        let text = text.replace(
            &format!("pioneers {}//", env!("CARGO_PKG_VERSION")),
            "pioneers [version]//",
        );
        insta::with_settings!({ description => path }, {
            insta::assert_snapshot!(format!("page_{name}"), text);
        });
    }
}
