//! `sessions.ics`: one VEVENT per session, RFC 5545 (CRLF, lines folded at 75 octets, by
//! the icalendar crate), local times in Europe/Amsterdam with its VTIMEZONE, a stable UID
//! and a URL back to the session's page.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus};

use crate::kb::{Data, KnowledgeBase};

/// The time zone of every session.
pub const TZID: &str = "Europe/Amsterdam";

/// Europe/Amsterdam since 1996: CET, and CEST from the last Sunday of March to the last
/// Sunday of October.
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

/// The calendar of every session. `base_url` (ending in `/`) gives page URLs and the UID's
/// host; `title` names the calendar.
pub fn calendar(kb: &KnowledgeBase, base_url: Option<&str>, title: &str) -> String {
    let host = base_url.and_then(host_of).unwrap_or("pioneers.invalid");
    let mut sessions: Vec<_> = kb
        .documents
        .iter()
        .filter_map(|d| match &d.data {
            Data::Session(s) => Some((d, s)),
            _ => None,
        })
        .filter(|(_, s)| s.date.is_some())
        .collect();
    sessions.sort_by_key(|(d, s)| (s.date, d.id.clone()));
    let mut cal = Calendar::new();
    cal.name(title);
    for (doc, session) in sessions {
        let Some(date) = session.date.map(naive_date) else {
            continue;
        };
        let mut event = Event::new();
        event
            .uid(&format!("{}@{host}", doc.id))
            .timestamp(Utc.from_utc_datetime(&date.and_time(NaiveTime::MIN)))
            .summary(&text_value(&session.title))
            .location(&text_value(&match &session.venue {
                Some(venue) => format!("{venue}, {}", session.city),
                None => session.city.clone(),
            }))
            .status(if session.cancelled {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            });
        match (session.start, session.end) {
            (Some(start), end) => {
                event.starts(local(date, start));
                event.ends(local(date, end.unwrap_or(start)));
            }
            (None, _) => {
                event.all_day(date);
            }
        }
        if let Some(base) = base_url {
            event.url(&format!("{base}sessions/{}.html", doc.id));
        }
        cal.push(event);
    }
    let text = cal.done().to_string();
    match text.find("BEGIN:VEVENT") {
        Some(at) => format!("{}{VTIMEZONE}{}", &text[..at], &text[at..]),
        None => text.replacen("END:VCALENDAR", &format!("{VTIMEZONE}END:VCALENDAR"), 1),
    }
}

fn naive_date(date: time::Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(
        date.year(),
        u32::from(u8::from(date.month())),
        u32::from(date.day()),
    )
    .unwrap_or_default()
}

fn local(date: NaiveDate, at: time::Time) -> CalendarDateTime {
    let time = NaiveTime::from_hms_opt(u32::from(at.hour()), u32::from(at.minute()), 0)
        .unwrap_or_default();
    CalendarDateTime::WithTimezone {
        date_time: NaiveDateTime::new(date, time),
        tzid: TZID.to_string(),
    }
}

/// `text` as an RFC 5545 TEXT value may hold it: one line break form (which the writer
/// escapes as `\n`), no bare carriage return that a parser could take for the end of the
/// property, and no other control characters.
fn text_value(text: &str) -> String {
    crate::text::without_controls(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}

/// The host of `https://host/path`.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    (!host.is_empty()).then_some(host.split(':').next().unwrap_or(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_hold_no_carriage_return_or_control() {
        assert_eq!(
            text_value("a\rDTSTART:1\r\nb\u{1b}"),
            "a\nDTSTART:1\nb\u{fffd}"
        );
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://example.org/netwerk/"), Some("example.org"));
        assert_eq!(host_of("http://localhost:8080/"), Some("localhost"));
        assert_eq!(host_of("nope"), None);
    }
}
