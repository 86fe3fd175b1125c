//! Property test: for any knowledge base that validates without errors, every writer of
//! the site emits well-formed output — HTML pages (parsed as XML once the doctype and void
//! elements are made XML), the Atom feed, the network picture and the sitemap (parsed by
//! roxmltree), every calendar (read by the `ical` crate, CRLF and at most 75 octets a
//! line), JSON-LD and the data exports (parsed by serde_json).

use std::collections::BTreeMap;

use pioneers::diag::Severity;
use pioneers::kb::KnowledgeBase;
use pioneers::kb::date::parse_date;
use pioneers::render::i18n::Lang;
use pioneers::render::output::Sink;
use pioneers::render::site::{SiteOptions, build};
use proptest::prelude::*;

/// Text that tries every escaping: markup, entities, quotes, CDATA ends, comments,
/// Markdown, iCalendar separators, accents, astral characters, and now and then a character
/// XML forbids or that Word pastes (vertical tab, U+0001, DEL, NEL, noncharacters), which
/// validation must reject or every writer must survive.
fn text() -> impl Strategy<Value = String> {
    let common = "[a-zA-Z0-9 <>&\"'\\[\\]()#*_`~!?;:,./\\\\=é€😀\u{a0}\u{feff}\u{2028}\u{200b}-]";
    let hostile = "[\u{0b}\u{1}\u{7f}\u{85}\u{fffe}\u{ffff}\u{1fffe}\u{d7ff}\u{e000}]";
    proptest::collection::vec(
        prop_oneof![800 => proptest::string::string_regex(common).expect("regex"), 1 => proptest::string::string_regex(hostile).expect("regex")],
        1..30,
    )
    .prop_map(|chars| chars.concat())
}

/// A body: lines of [`text`] with Markdown around them.
fn body() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (
            prop_oneof![
                Just(""),
                Just("# "),
                Just("## "),
                Just("- "),
                Just("> "),
                Just("    ")
            ],
            text(),
            prop_oneof![
                Just(String::new()),
                text().prop_map(|t| format!(" [{t}](#aanpak)")),
                text().prop_map(|t| format!(" [{t}](../themes/t.md#aanpak)")),
                text().prop_map(|t| format!(" <b title=\"{t}\">x</b>")),
            ],
        ),
        1..6,
    )
    .prop_map(|lines| {
        // A heading every fragment link points at, so that the links validate.
        let heading = String::from("## Aanpak\n\n");
        heading
            + &lines
                .into_iter()
                .map(|(prefix, text, tail)| format!("{prefix}{text}{tail}\n\n"))
                .collect::<String>()
    })
}

/// A YAML double-quoted scalar holding `text` as it is.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// A knowledge base of one of each document, its words from the strategies.
#[derive(Debug, Clone)]
struct Words {
    site_title: String,
    name: String,
    title: String,
    summary: String,
    tag: String,
    city: String,
    venue: String,
    author: String,
    theme_body: String,
    retro_body: String,
    /// Whether the site has a base URL (absolute links, sitemap, `<base>` on the 404 page).
    with_base: bool,
    /// English rather than Dutch.
    english: bool,
}

fn words() -> impl Strategy<Value = Words> {
    (
        (text(), text(), text(), text(), text()),
        (text(), text(), text(), body(), body()),
        (any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |(
                (site_title, name, title, summary, tag),
                (city, venue, author, theme_body, retro_body),
                (with_base, english),
            )| Words {
                site_title,
                name,
                title,
                summary,
                tag,
                city,
                venue,
                author,
                theme_body,
                retro_body,
                with_base,
                english,
            },
        )
}

fn files(w: &Words) -> Vec<(String, String)> {
    let q = |t: &str| quoted(t);
    vec![
        (
            "content/organisations/o.md".into(),
            format!(
                "---\nname: {}\nkind: municipality\ncity: {}\n---\n",
                q(&w.name),
                q(&w.city)
            ),
        ),
        (
            "content/themes/t.md".into(),
            format!(
                "---\ntitle: {}\nsummary: {}\ncarriers: [o]\ntags: [{}]\n---\n{}",
                q(&w.title),
                q(&w.summary),
                q(&w.tag),
                w.theme_body
            ),
        ),
        (
            "content/sessions/2017-09-18-s.md".into(),
            format!(
                "---\ntitle: {}\ndate: 2017-09-18\nstart: \"14:00\"\ncity: {}\nvenue: {}\nhosts: [o]\nthemes: [t]\n---\n",
                q(&w.title),
                q(&w.city),
                q(&w.venue)
            ),
        ),
        (
            "content/retrospectives/2017-09-18-s.md".into(),
            format!(
                "---\ntitle: {}\nsession: 2017-09-18-s\npublished: 2017-09-20\nauthors: [{}]\n---\n{}",
                q(&w.title),
                q(&w.author),
                w.retro_body
            ),
        ),
    ]
}

/// The site of `w`, or `None` when its content does not validate.
fn site(w: &Words) -> Option<BTreeMap<String, Vec<u8>>> {
    let files = files(w);
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let kb = KnowledgeBase::from_memory(&borrowed, &[], parse_date("2020-01-01").expect("date"));
    let errors: Vec<_> = pioneers::validate::validate(&kb)
        .into_iter()
        .filter(|d| d.code.severity() == Severity::Error)
        .collect();
    if !errors.is_empty() {
        eprintln!(
            "DEBUG {:?}",
            errors.iter().map(|d| d.code).collect::<Vec<_>>()
        );
        return None;
    }
    let options = SiteOptions {
        title: w.site_title.clone(),
        base_url: w.with_base.then(|| "https://example.org/n/".into()),
        lang: if w.english { Lang::En } else { Lang::Nl },
    };
    let sink = Sink::in_memory();
    build(&kb, &options, &sink).expect("a valid knowledge base renders");
    Some(sink.into_files())
}

/// HTML as XML: no doctype, void elements closed, JSON-LD taken out (and returned).
fn as_xml(html: &str) -> (String, Vec<String>) {
    let mut xml = html.replacen("<!DOCTYPE html>", "", 1);
    let mut scripts = Vec::new();
    let open = "<script type=\"application/ld+json\">";
    while let Some(start) = xml.find(open) {
        let from = start + open.len();
        let Some(len) = xml[from..].find("</script>") else {
            break;
        };
        scripts.push(xml[from..from + len].to_string());
        xml.replace_range(start..from + len + "</script>".len(), "");
    }
    for void in ["meta", "link", "img", "br", "hr", "input", "base"] {
        let mut out = String::with_capacity(xml.len());
        let mut rest = xml.as_str();
        let tag = format!("<{void}");
        while let Some(at) = rest.find(&tag) {
            let after = &rest[at + tag.len()..];
            if !after.starts_with([' ', '>', '/']) {
                out.push_str(&rest[..at + tag.len()]);
                rest = after;
                continue;
            }
            let end = at + tag.len() + after.find('>').unwrap_or(after.len());
            out.push_str(&rest[..end]);
            if !rest[..end].ends_with('/') {
                out.push('/');
            }
            rest = &rest[end..];
        }
        out.push_str(rest);
        xml = out;
    }
    (xml, scripts)
}

fn check_xml(path: &str, text: &str) -> Result<(), TestCaseError> {
    roxmltree::Document::parse(text)
        .map(|_| ())
        .map_err(|e| TestCaseError::fail(format!("{path} is not well-formed: {e}\n{text}")))
}

fn check_calendar(path: &str, text: &str) -> Result<(), TestCaseError> {
    for line in text.split_terminator("\r\n") {
        prop_assert!(
            line.len() <= 75 && !line.contains(['\r', '\n']),
            "{path}: {line:?}"
        );
    }
    let calendar = ical::IcalParser::new(text.as_bytes()).next();
    prop_assert!(
        matches!(calendar, Some(Ok(_))),
        "{path} does not parse:\n{text}"
    );
    Ok(())
}

fn check_site(site: &BTreeMap<String, Vec<u8>>) -> Result<(), TestCaseError> {
    for (path, bytes) in site {
        let text =
            std::str::from_utf8(bytes).map_err(|e| TestCaseError::fail(format!("{path}: {e}")))?;
        let extension = path.rsplit('.').next().unwrap_or("");
        match extension {
            "html" => {
                let (xml, scripts) = as_xml(text);
                check_xml(path, &xml)?;
                for script in scripts {
                    prop_assert!(!script.contains("</"), "{path}: JSON-LD can end its script");
                    serde_json::from_str::<serde_json::Value>(&script).map_err(|e| {
                        TestCaseError::fail(format!("{path}: JSON-LD does not parse: {e}"))
                    })?;
                }
            }
            "atom" | "svg" | "xml" => check_xml(path, text)?,
            "ics" => check_calendar(path, text)?,
            "json" | "jsonld" => {
                serde_json::from_str::<serde_json::Value>(text)
                    .map_err(|e| TestCaseError::fail(format!("{path}: {e}")))?;
            }
            _ => {}
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_writer_is_well_formed_for_any_valid_content(w in words()) {
        if let Some(site) = site(&w) {
            check_site(&site)?;
        }
    }
}

/// The property is not empty: content made of nothing but markup characters validates,
/// and the check finds a page that is not well-formed.
#[test]
fn the_property_sees_valid_content_and_a_broken_page() {
    let markup = "<a href=\"x\">&amp; ]]> <!-- é 😀";
    let w = Words {
        site_title: markup.into(),
        name: markup.into(),
        title: markup.into(),
        summary: markup.into(),
        tag: "t&<".into(),
        city: markup.into(),
        venue: markup.into(),
        author: markup.into(),
        theme_body: format!("## Aanpak\n\n# {markup}\n\n[{markup}](#aanpak)\n"),
        retro_body: format!("{markup} [x](../themes/t.md#aanpak)\n"),
        with_base: true,
        english: false,
    };
    let mut site = site(&w).expect("markup characters are valid content");
    assert!(check_site(&site).is_ok());
    site.insert("broken.html".into(), b"<p><b></p>".to_vec());
    assert!(check_site(&site).is_err());
}
