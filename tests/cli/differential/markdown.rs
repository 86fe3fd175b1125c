//! What validation reads from a body is what the rendered page has: the heading anchors
//! `validate` accepts are exactly the heading ids on the page, and the relative links it
//! checks are exactly the relative `href`s and `src`s on the page (before links between
//! documents are rewritten to pages).

use pioneers::kb::markdown::analyse;
use pioneers::render::markdown::to_html;

/// Every form of heading: breaks, inline markup, entities, emoji, accents, punctuation,
/// repeats, headings in containers and in footnotes.
const HEADINGS: &[&str] = &[
    "# Open Wob\n",
    "# Open Wob\n",
    "# open-wob-1\n",
    "Twee regels\nin één kop\n===\n",
    "Twee regels\nin één kop\n---\n",
    "Harde  \nbreuk\n===\n",
    "Harde\\\nbreuk\n---\n",
    "Setext *nadruk*\nen `code`\n====\n",
    "## De `Woo`, *nadruk*, **sterk** en ~~weg~~\n",
    "### [Een link](../themes/open-wob.md) en ![een beeld](../assets/logo.png)\n",
    "#### Autolinks <https://x.nl> en www.x.nl en a@b.nl\n",
    "# Emoji 🎉 en ✓ en 👩‍👩‍👧\n",
    "# Entiteiten &amp; &copy; &#233; &#x4A; &nbsp;x &quot;\n",
    "# Accenten: Één café, naïef, ÄÖÜ ß İ\n",
    "# Leestekens: wat?! (ja) — 50% @home #1 a/b a.b a_b a-b a–b\n",
    "# Kop \\# met escapes \\*niet\\* nadruk\n",
    "# <b>html</b> in kop <br>\n",
    "#    Spaties   rondom    ##\n",
    "# Tab\tin kop\n",
    "# 123\n",
    "# -\n",
    "# _\n",
    "#\n",
    "# Kop met voetnoot[^v]\n\n[^v]: De noot.\n",
    "> # In een citaat\n",
    "- # In een lijst\n",
    "1. Lijst\n\n   ## In een genummerde lijst\n",
    "Verwijzing[^n]\n\n[^n]: Noot\n\n    # Kop in een voetnoot\n",
    "[^ongebruikt]: Noot\n\n    # Kop in een ongebruikte voetnoot\n",
    "# OPEN wob\n",
    "# Open  Wob\n",
];

/// The ids of the headings on a rendered page.
fn page_heading_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        rest = &rest[at + 2..];
        let is_heading = rest.starts_with(|c: char| ('1'..='6').contains(&c));
        if let Some(attrs) = rest.get(1..).filter(|_| is_heading)
            && let Some(value) = attrs.strip_prefix(" id=\"")
            && let Some(end) = value.find('"')
        {
            ids.push(unescape(&value[..end]));
        }
    }
    ids
}

/// The anchors validation accepts for `markdown`, and the heading ids of its page.
fn both_sides(markdown: &str) -> (Vec<String>, Vec<String>) {
    let mut accepted: Vec<String> = analyse(markdown, 0).anchors.into_iter().collect();
    accepted.sort();
    let mut on_page = page_heading_ids(&to_html(markdown, &|_| None));
    on_page.sort();
    (accepted, on_page)
}

fn assert_same_anchors(markdown: &str) {
    let (accepted, on_page) = both_sides(markdown);
    assert_eq!(
        accepted, on_page,
        "validation accepts the first, the page has the second, for:\n{markdown}"
    );
}

#[test]
fn every_heading_form_alone_has_the_id_validation_accepts() {
    for heading in HEADINGS {
        assert_same_anchors(heading);
    }
}

#[test]
fn every_pair_of_heading_forms_numbers_repeats_alike() {
    for first in HEADINGS {
        for second in HEADINGS {
            assert_same_anchors(&format!("{first}\n{second}"));
        }
    }
}

#[test]
fn all_heading_forms_in_one_page_forwards_and_backwards() {
    let all = HEADINGS.join("\n");
    assert_same_anchors(&all);
    let backwards: Vec<&str> = HEADINGS.iter().rev().copied().collect();
    assert_same_anchors(&backwards.join("\n"));
    let (accepted, _) = both_sides(&all);
    for id in [
        "twee-regels-in-één-kop",
        "twee-regels-in-één-kop-1",
        "open-wob",
        "open-wob-1",
        "open-wob-1-1",
    ] {
        assert!(accepted.iter().any(|a| a == id), "{id}: {accepted:?}");
    }
}

/// Link forms, with the reference definitions they need (written at the end of a body).
const LINKS: &[(&str, &str)] = &[
    ("[a](../themes/open-wob.md)", ""),
    ("[a](../themes/open-wob.md#aanpak)", ""),
    ("[a](#kop)", ""),
    ("[a](../themes/open-wob.md \"titel\")", ""),
    ("[a](<../themes/a b.md>)", ""),
    ("[a](../themes/a%20b.md)", ""),
    ("[a](../themes/é.md)", ""),
    ("[a](a&amp;b.md)", ""),
    ("[a](a\\)b.md)", ""),
    ("[a](../themes/x.md?versie=1#y)", ""),
    ("[a](?versie=1)", ""),
    ("[a](/content/themes/open-wob.md)", ""),
    ("[a][ref]", "[ref]: ../themes/ref.md\n"),
    ("[Kort]", "[kort]: ../themes/kort.md \"titel\"\n"),
    ("[a][]", "[a]: ../themes/leeg.md\n"),
    ("[a][hoek]", "[hoek]: <../themes/hoek met spaties.md>\n"),
    ("![b](../assets/logo.png)", ""),
    ("![b][beeld]", "[beeld]: ../assets/beeld.png\n"),
    ("[![b](../assets/in-link.png)](../themes/om-beeld.md)", ""),
    ("<https://x.nl/a>", ""),
    ("<mailto:a@b.nl>", ""),
    ("www.x.nl/pad", ""),
    ("a@b.nl", ""),
    ("[a](https://x.nl)", ""),
    ("[a](//x.nl/pad)", ""),
    ("[a](javascript:alert(1))", ""),
    ("[a](<>)", ""),
    ("[a]()", ""),
    ("[niet gedefinieerd][nergens]", ""),
];

/// The places a link can be.
const CONTEXTS: &[&str] = &[
    "Zie {}.\n",
    "## Kop met {}\n",
    "Kop met {}\n---\n",
    "| a | {} |\n|---|---|\n| {} | b |\n",
    "> Citaat met {}\n",
    "- Lijst met {}\n",
    "*Nadruk met {}* en ~~{}~~\n",
    "Tekst[^1]\n\n[^1]: Noot met {}.\n",
    "Tekst[^1] en[^1]\n\n[^1]: Noot met {}.\n",
    "Tekst\n\n[^weg]: Ongebruikte noot met {}.\n",
];

/// Whether validation checks `dest`: what `validate::links::resolve` does not call
/// external (empty, with a scheme, protocol-relative, or only a query).
fn is_checked(dest: &str) -> bool {
    let scheme = dest.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    let path = dest.split(['?', '#']).next().unwrap_or_default();
    !dest.is_empty()
        && !scheme
        && !dest.starts_with("//")
        && (!path.is_empty() || dest.contains('#'))
}

fn decoded(dest: &str) -> String {
    percent_encoding::percent_decode_str(dest)
        .decode_utf8_lossy()
        .into_owned()
}

/// The relative destinations validation checks: `href:…` for links, `src:…` for images.
fn checked_by_validation(markdown: &str) -> Vec<String> {
    let mut dests: Vec<String> = analyse(markdown, 0)
        .links
        .into_iter()
        .filter(|l| is_checked(&l.dest))
        .map(|l| {
            format!(
                "{}:{}",
                if l.image { "src" } else { "href" },
                decoded(&l.dest)
            )
        })
        .collect();
    dests.sort();
    dests
}

/// The relative `href`s and `src`s a rendered page has, leaving out the links comrak adds
/// itself (a heading's link to itself, footnote references and back-references).
fn linked_by_page(html: &str) -> Vec<String> {
    let mut dests = Vec::new();
    for (tag, attribute) in [("<a ", "href"), ("<img ", "src")] {
        for element in html.split(tag).skip(1) {
            let element = element.split('>').next().unwrap_or_default();
            let added_by_comrak = [
                "class=\"anchor\"",
                "data-footnote-ref",
                "data-footnote-backref",
            ]
            .iter()
            .any(|marker| element.contains(marker));
            let value = element
                .split_once(&format!("{attribute}=\""))
                .and_then(|(_, rest)| rest.split_once('"'))
                .map(|(value, _)| unescape(value));
            if let Some(value) = value.filter(|v| !added_by_comrak && is_checked(v)) {
                dests.push(format!("{attribute}:{}", decoded(&value)));
            }
        }
    }
    dests.sort();
    dests
}

fn assert_same_links(markdown: &str) {
    let checked = checked_by_validation(markdown);
    let linked = linked_by_page(&to_html(markdown, &|_| None));
    assert_eq!(
        checked, linked,
        "validation checks the first, the page links the second, for:\n{markdown}"
    );
}

#[test]
fn every_link_form_in_every_place_is_checked_exactly_when_the_page_links_it() {
    for (link, definitions) in LINKS {
        for context in CONTEXTS {
            let body = context.replace("{}", link);
            assert_same_links(&format!("{body}\n{definitions}"));
        }
    }
}

#[test]
fn all_link_forms_in_one_page() {
    let mut body = String::new();
    let mut definitions = String::new();
    for (i, (link, definition)) in LINKS.iter().enumerate() {
        let context = CONTEXTS[i % CONTEXTS.len()];
        body.push_str(
            &context
                .replace("{}", link)
                .replace("[^1]", &format!("[^n{i}]"))
                .replace("[^weg]", &format!("[^weg{i}]")),
        );
        body.push('\n');
        definitions.push_str(definition);
    }
    let markdown = format!("{body}\n{definitions}");
    assert_same_links(&markdown);
    let checked = checked_by_validation(&markdown);
    for dest in [
        "href:../themes/a b.md",
        "href:../themes/ref.md",
        "href:../themes/hoek met spaties.md",
        "src:../assets/beeld.png",
    ] {
        assert!(checked.iter().any(|c| c == dest), "{dest}: {checked:?}");
    }
}

/// `text` with the character references comrak writes in attributes decoded.
fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
