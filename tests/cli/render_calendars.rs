//! The calendars of `pioneers render`: one per theme, organisation and session beside
//! `sessions.ics`, all-day events that end the next day, a `DTSTAMP` from git, and the
//! `end-without-start` diagnostic that keeps a lost end time out of them.

use std::path::Path;

use crate::support::{Test, git, rendered_site};

const BASE: &str = "https://example.org/netwerk/";

/// Renders `test` with the base URL into `<root>/site`.
fn render(test: &Test) -> std::path::PathBuf {
    rendered_site(test, &["--base-url", BASE])
}

/// The events of the calendar at `path`, each as (property name, value) pairs, read by the
/// `ical` crate.
fn events(path: &Path) -> Vec<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let calendar = ical::IcalParser::new(text.as_bytes())
        .next()
        .expect("a calendar")
        .expect("it parses");
    calendar
        .events
        .into_iter()
        .map(|e| {
            e.properties
                .into_iter()
                .map(|p| (p.name, p.value.unwrap_or_default()))
                .collect()
        })
        .collect()
}

fn value<'a>(event: &'a [(String, String)], name: &str) -> Option<&'a str> {
    event
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn uids(path: &Path) -> Vec<String> {
    events(path)
        .iter()
        .filter_map(|e| value(e, "UID").map(str::to_string))
        .collect()
}

#[test]
fn each_theme_organisation_and_session_has_a_calendar_of_its_sessions() {
    let test = Test::fixture("network");
    let out = render(&test);
    assert_eq!(
        uids(&out.join("themes/open-wob.ics")),
        ["2017-09-18-kick-off@example.org"]
    );
    // Den Haag hosts one session and attended the kick-off.
    assert_eq!(
        uids(&out.join("organisations/den-haag.ics")),
        [
            "2017-09-18-kick-off@example.org",
            "2018-03-01-den-haag@example.org"
        ]
    );
    assert_eq!(
        uids(&out.join("sessions/2027-02-01-zwolle.ics")),
        ["2027-02-01-zwolle@example.org"]
    );
    // A theme no session treats yet still has a calendar to subscribe to.
    assert_eq!(
        uids(&out.join("themes/cafe-gesprek.ics")),
        Vec::<String>::new()
    );
    assert_eq!(uids(&out.join("sessions.ics")).len(), 3);
}

#[test]
fn pages_link_to_their_calendar() {
    let test = Test::fixture("network");
    let out = render(&test);
    for (page, link) in [
        (
            "sessions/2017-09-18-kick-off.html",
            "2017-09-18-kick-off.ics",
        ),
        ("themes/open-wob.html", "open-wob.ics"),
        ("organisations/utrecht.html", "utrecht.ics"),
    ] {
        let html = std::fs::read_to_string(out.join(page)).expect("page");
        assert!(
            html.contains(&format!("<a href=\"{link}\" type=\"text/calendar\">")),
            "{page}"
        );
    }
}

#[test]
fn all_day_sessions_end_the_next_day_and_start_only_ones_have_no_end() {
    let test = Test::fixture("network").file(
        "content/sessions/2026-03-29-dst.md",
        "---\ntitle: Zomertijd\ndate: 2026-03-29\nstart: \"01:30\"\ncity: Zwolle\nhosts: [zwolle]\n---\n",
    );
    let out = render(&test);
    let all_day = &events(&out.join("sessions/2018-03-01-den-haag.ics"))[0];
    assert_eq!(value(all_day, "DTSTART"), Some("20180301"));
    assert_eq!(value(all_day, "DTEND"), Some("20180302"));
    assert_eq!(value(all_day, "STATUS"), Some("CANCELLED"));
    let start_only = &events(&out.join("sessions/2026-03-29-dst.ics"))[0];
    assert_eq!(value(start_only, "DTSTART"), Some("20260329T013000"));
    assert_eq!(value(start_only, "DTEND"), None);
    let page = format!("{BASE}sessions/2026-03-29-dst.html");
    assert_eq!(value(start_only, "DESCRIPTION"), Some(page.as_str()));
}

#[test]
fn dtstamp_is_when_git_last_changed_the_session() {
    let test = Test::fixture("network");
    git(test.root(), None, &["init", "-q"]);
    git(test.root(), None, &["add", "."]);
    git(
        test.root(),
        Some("2026-05-04"),
        &["commit", "-q", "-m", "x"],
    );
    let out = render(&test);
    let event = &events(&out.join("sessions/2027-02-01-zwolle.ics"))[0];
    assert_eq!(value(event, "DTSTAMP"), Some("20260504T000000Z"));
}

#[test]
fn an_end_without_a_start_is_an_error_in_both_languages() {
    let test = Test::fixture("network").file(
        "content/sessions/2026-03-29-dst.md",
        "---\ntitle: Zomertijd\ndate: 2026-03-29\nend: \"17:00\"\ncity: Zwolle\nhosts: [zwolle]\n---\n",
    );
    let en = Test::empty()
        .args(["--root", test.root().to_str().expect("utf-8"), "validate"])
        .run();
    assert_eq!(en.status, Some(1), "{}", en.stdout);
    assert!(
        en.stdout.contains("error[end-without-start]"),
        "{}",
        en.stdout
    );
    assert!(
        en.stdout
            .contains("the session has an end time (`end`) but no start time (`start`)"),
        "{}",
        en.stdout
    );
    let nl = Test::empty()
        .args([
            "--root",
            test.root().to_str().expect("utf-8"),
            "--lang",
            "nl",
            "validate",
        ])
        .run();
    assert!(
        nl.stdout
            .contains("de sessie heeft een eindtijd (`end`) maar geen begintijd (`start`)"),
        "{}",
        nl.stdout
    );
}
