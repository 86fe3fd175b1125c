//! schema.org JSON-LD for the pages of sessions (`Event`), organisations
//! (`GovernmentOrganization` for government, `Organization` otherwise) and retrospectives
//! (`Article` about its session), safe to embed in a `<script>` element.

use serde_json::json;
use time::{Date, Month, Time, Weekday};

use crate::kb::date::format_date;
use crate::kb::{Data, DocKind, Document, KnowledgeBase, Organisation, Retrospective, Session};

/// The JSON-LD of `session`, with `<` escaped so no text can close the script element.
pub fn event(
    kb: &KnowledgeBase,
    doc: &Document,
    session: &Session,
    base_url: Option<&str>,
) -> String {
    let moment = |time: Option<Time>| match (session.date, time) {
        (Some(date), Some(time)) => Some(format!(
            "{}T{:02}:{:02}:00{}",
            format_date(date),
            time.hour(),
            time.minute(),
            amsterdam_offset(date)
        )),
        (Some(date), None) => Some(format_date(date)),
        _ => None,
    };
    let organisers: Vec<_> = session
        .hosts
        .iter()
        .map(
            |id| match kb.get(DocKind::Organisation, id).map(|d| &d.data) {
                Some(Data::Organisation(o)) => {
                    json!({ "@type": "Organization", "name": o.name, "url": o.website.as_deref().filter(|u| crate::kb::schema::is_web_url(u)) })
                }
                _ => json!({ "@type": "Organization", "name": id }),
            },
        )
        .collect();
    let status = if session.cancelled {
        "EventCancelled"
    } else {
        "EventScheduled"
    };
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": session.title,
        "startDate": moment(session.start),
        "endDate": moment(session.end.or(session.start)),
        "eventStatus": format!("https://schema.org/{status}"),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": session.venue.clone().unwrap_or_else(|| session.city.clone()),
            "address": { "@type": "PostalAddress", "addressLocality": session.city, "addressCountry": "NL" },
        },
        "organizer": organisers,
    });
    if let Some(base) = base_url {
        value["url"] = json!(format!("{base}sessions/{}.html", doc.id));
    }
    embeddable(&value)
}

/// Organisation kinds that are government (schema.org `GovernmentOrganization`).
const GOVERNMENT: [&str; 5] = [
    "municipality",
    "province",
    "water-board",
    "national-government",
    "agency",
];

/// The JSON-LD of an organisation: its name, place, website and page.
pub fn organisation(doc: &Document, organisation: &Organisation, base_url: Option<&str>) -> String {
    let government = organisation
        .kind
        .as_deref()
        .is_some_and(|k| GOVERNMENT.contains(&k));
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": if government { "GovernmentOrganization" } else { "Organization" },
        "name": organisation.name,
    });
    if let Some(city) = &organisation.city {
        value["address"] =
            json!({ "@type": "PostalAddress", "addressLocality": city, "addressCountry": "NL" });
    }
    if let Some(website) = organisation
        .website
        .as_deref()
        .filter(|u| crate::kb::schema::is_web_url(u))
    {
        value["sameAs"] = json!(website);
    }
    if let Some(base) = base_url {
        value["url"] = json!(format!("{base}organisations/{}.html", doc.id));
    }
    embeddable(&value)
}

/// The JSON-LD of a retrospective: an `Article` by its authors, published on its day, about
/// its session and the themes it discussed (one step away: their titles only).
pub fn retrospective(
    kb: &KnowledgeBase,
    doc: &Document,
    retrospective: &Retrospective,
    base_url: Option<&str>,
    lang: &str,
) -> String {
    let page =
        |kind: DocKind, id: &str| base_url.map(|b| format!("{b}{}/{id}.html", kind.folder()));
    let authors: Vec<_> = retrospective
        .authors
        .iter()
        .map(|name| json!({ "@type": "Person", "name": name }))
        .collect();
    let mut about: Vec<_> = Vec::new();
    if let Some(id) = &retrospective.session
        && let Some(Data::Session(s)) = kb.get(DocKind::Session, id).map(|d| &d.data)
    {
        about.push(json!({ "@type": "Event", "name": s.title, "url": page(DocKind::Session, id) }));
    }
    for id in &retrospective.themes_discussed {
        if let Some(theme) = kb.get(DocKind::Theme, id) {
            about.push(json!({ "@type": "Thing", "name": theme.data.title(), "url": page(DocKind::Theme, id) }));
        }
    }
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": retrospective.title,
        "inLanguage": lang,
        "author": authors,
        "about": about,
        "datePublished": retrospective.published.map(format_date),
    });
    if !retrospective.tags.is_empty() {
        value["keywords"] = json!(retrospective.tags.join(", "));
    }
    if let Some(url) = page(DocKind::Retrospective, &doc.id) {
        value["url"] = json!(url);
    }
    embeddable(&value)
}

/// `value` as text to put inside `<script type="application/ld+json">`: `<`, `>` and `&`
/// escaped, so no text can close the element.
fn embeddable(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// `+02:00` in summer time (last Sunday of March to last Sunday of October), else `+01:00`.
pub fn amsterdam_offset(date: Date) -> &'static str {
    let last_sunday = |month: Month| {
        let mut day = Date::from_calendar_date(date.year(), month, 31).unwrap_or(date);
        while day.weekday() != Weekday::Sunday {
            day = day.previous_day().unwrap_or(day);
        }
        day
    };
    if date >= last_sunday(Month::March) && date < last_sunday(Month::October) {
        "+02:00"
    } else {
        "+01:00"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::date::parse_date;

    #[test]
    fn summer_and_winter_time() {
        let offset = |d: &str| amsterdam_offset(parse_date(d).expect("date"));
        assert_eq!(offset("2017-09-18"), "+02:00");
        assert_eq!(offset("2017-11-22"), "+01:00");
        assert_eq!(offset("2017-03-26"), "+02:00");
        assert_eq!(offset("2017-03-25"), "+01:00");
        assert_eq!(offset("2017-10-29"), "+01:00");
        assert_eq!(offset("2017-10-28"), "+02:00");
    }

    #[test]
    fn titles_cannot_close_the_script_element() {
        let files = [(
            "content/sessions/2017-09-18-x.md",
            "---\ntitle: \"</script><script>alert(1)</script>\"\ndate: 2017-09-18\ncity: A & B\nhosts: [u]\n---\n",
        )];
        let kb = KnowledgeBase::from_memory(&files, &[], parse_date("2020-01-01").expect("date"));
        let doc = &kb.documents[0];
        let Data::Session(session) = &doc.data else {
            panic!("a session")
        };
        let text = event(&kb, doc, session, None);
        assert!(!text.contains('<'));
        let value: serde_json::Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(value["name"], "</script><script>alert(1)</script>");
        assert_eq!(value["eventStatus"], "https://schema.org/EventScheduled");
    }
}
