//! `sessions.ics`: one VEVENT per session, written as RFC 5545 directly: CRLF line endings,
//! content lines folded at 75 octets, TEXT values escaped, local times in Europe/Amsterdam
//! with its VTIMEZONE, a stable UID and a URL back to the session's page.

use time::{Date, Time};

use crate::kb::{Data, Document, KnowledgeBase, Session};

/// The time zone of every session.
const TZID: &str = "Europe/Amsterdam";

/// Who made the calendar (RFC 5545 §3.7.3).
const PRODID: &str = "-//Pioniersnetwerk Open Overheid//pioneers//EN";

/// The longest content line, in octets, without its CRLF (RFC 5545 §3.1).
const LINE_LIMIT: usize = 75;

/// Europe/Amsterdam since 1996: CET, and CEST from the last Sunday of March to the last
/// Sunday of October. Each part is a component followed by its properties.
const VTIMEZONE: [(&str, &[(&str, &str)]); 2] = [
    (
        "DAYLIGHT",
        &[
            ("TZOFFSETFROM", "+0100"),
            ("TZOFFSETTO", "+0200"),
            ("TZNAME", "CEST"),
            ("DTSTART", "19700329T020000"),
            ("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
        ],
    ),
    (
        "STANDARD",
        &[
            ("TZOFFSETFROM", "+0200"),
            ("TZOFFSETTO", "+0100"),
            ("TZNAME", "CET"),
            ("DTSTART", "19701025T030000"),
            ("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
        ],
    ),
];

/// The calendar of every session. `base_url` (ending in `/`) gives page URLs and the UID's
/// host; `title` names the calendar.
pub fn calendar(kb: &KnowledgeBase, base_url: Option<&str>, title: &str) -> String {
    let host = base_url.and_then(host_of).unwrap_or("pioneers.invalid");
    let mut sessions: Vec<_> = kb
        .documents
        .iter()
        .filter_map(|d| match &d.data {
            Data::Session(s) => s.date.map(|date| (d, s, date)),
            _ => None,
        })
        .collect();
    sessions.sort_by_key(|(d, _, date)| (*date, d.id.clone()));

    let mut out = Writer::default();
    out.begin("VCALENDAR");
    out.property("VERSION", &[], "2.0");
    out.property("PRODID", &[], PRODID);
    out.property("CALSCALE", &[], "GREGORIAN");
    out.text("NAME", title);
    out.text("X-WR-CALNAME", title);
    write_timezone(&mut out);
    for (doc, session, date) in sessions {
        write_event(&mut out, doc, session, date, base_url, host);
    }
    out.end("VCALENDAR");
    out.finish()
}

/// The VTIMEZONE that every local time refers to.
fn write_timezone(out: &mut Writer) {
    out.begin("VTIMEZONE");
    out.property("TZID", &[], TZID);
    for (component, properties) in VTIMEZONE {
        out.begin(component);
        for (name, value) in properties {
            out.property(name, &[], value);
        }
        out.end(component);
    }
    out.end("VTIMEZONE");
}

/// One session on `date`: timed in Europe/Amsterdam when it has a start time, all day
/// otherwise.
fn write_event(
    out: &mut Writer,
    doc: &Document,
    session: &Session,
    date: Date,
    base_url: Option<&str>,
    host: &str,
) {
    out.begin("VEVENT");
    out.property("UID", &[], &format!("{}@{host}", doc.id));
    out.property("DTSTAMP", &[], &format!("{}T000000Z", basic_date(date)));
    out.text("SUMMARY", &session.title);
    let location = match &session.venue {
        Some(venue) => format!("{venue}, {}", session.city),
        None => session.city.clone(),
    };
    out.text("LOCATION", &location);
    let status = if session.cancelled {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    out.property("STATUS", &[], status);
    match session.start {
        Some(start) => {
            let end = session.end.unwrap_or(start);
            out.property("DTSTART", &[("TZID", TZID)], &local(date, start));
            out.property("DTEND", &[("TZID", TZID)], &local(date, end));
        }
        None => {
            out.property("DTSTART", &[("VALUE", "DATE")], &basic_date(date));
            out.property("DTEND", &[("VALUE", "DATE")], &basic_date(date));
        }
    }
    if let Some(base) = base_url {
        out.property("URL", &[], &format!("{base}sessions/{}.html", doc.id));
    }
    out.end("VEVENT");
}

/// `date` as an RFC 5545 DATE: `YYYYMMDD`.
fn basic_date(date: Date) -> String {
    format!(
        "{:04}{:02}{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// `at` on `date` as a local DATE-TIME: `YYYYMMDDTHHMMSS`.
fn local(date: Date, at: Time) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        basic_date(date),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// The host of `https://host/path`.
fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    (!host.is_empty()).then_some(host.split(':').next().unwrap_or(host))
}

/// Writes content lines: `NAME;PARAM=value:VALUE`, folded, each ended by CRLF.
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    /// `BEGIN:component`.
    fn begin(&mut self, component: &str) {
        self.property("BEGIN", &[], component);
    }

    /// `END:component`.
    fn end(&mut self, component: &str) {
        self.property("END", &[], component);
    }

    /// A property whose value is TEXT: escaped, with no control characters.
    fn text(&mut self, name: &str, value: &str) {
        self.property(name, &[], &escape_text(value));
    }

    /// A property with `value` as it is (a date, a URI, a keyword). Parameters are constants
    /// of this module, so they need no quoting. Any line break or control character in
    /// `value` becomes U+FFFD: it cannot end the line and start a forged property.
    fn property(&mut self, name: &str, params: &[(&str, &str)], value: &str) {
        let mut line = String::from(name);
        for (param, param_value) in params {
            line.push(';');
            line.push_str(param);
            line.push('=');
            line.push_str(param_value);
        }
        line.push(':');
        line.extend(value.chars().map(|c| {
            if c.is_control() && c != '\t' {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        }));
        fold(&line, &mut self.out);
    }

    /// The calendar written so far.
    fn finish(self) -> String {
        self.out
    }
}

/// Appends `line` to `out` folded at [`LINE_LIMIT`] octets: each continuation starts with one
/// space, no character is split, and every part ends in CRLF.
fn fold(line: &str, out: &mut String) {
    let mut rest = line;
    let mut limit = LINE_LIMIT;
    loop {
        let at = split_point(rest, limit);
        out.push_str(&rest[..at]);
        out.push_str("\r\n");
        rest = &rest[at..];
        if rest.is_empty() {
            return;
        }
        out.push(' ');
        limit = LINE_LIMIT - 1;
    }
}

/// How many bytes of `rest` fit in `limit` octets, on a character boundary. Where it can,
/// the split has no whitespace on either side, because lenient parsers trim the ends of
/// folded lines.
fn split_point(rest: &str, limit: usize) -> usize {
    if rest.len() <= limit {
        return rest.len();
    }
    let boundaries = || (1..=limit).rev().filter(|&at| rest.is_char_boundary(at));
    let clear = |at: usize| {
        !rest[..at].ends_with(char::is_whitespace) && !rest[at..].starts_with(char::is_whitespace)
    };
    boundaries()
        .find(|&at| clear(at))
        .or_else(|| boundaries().next())
        // A character longer than the limit cannot happen (UTF-8 has at most 4 bytes).
        .unwrap_or(limit.min(rest.len()))
}

/// `text` as an RFC 5545 TEXT value: backslash, semicolon and comma escaped, every line
/// break (CRLF, CR or LF) written as `\n`, and other control characters replaced.
fn escape_text(text: &str) -> String {
    let text = crate::text::without_controls(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        fold(line, &mut out);
        out
    }

    /// What a parser that trims folded lines (like the `ical` crate) reads back.
    fn unfolded(text: &str) -> String {
        text.trim_end_matches("\r\n")
            .split("\r\n ")
            .map(str::trim_end)
            .collect()
    }

    #[test]
    fn text_values_are_escaped_and_hold_no_carriage_return_or_control() {
        assert_eq!(escape_text("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
        assert_eq!(
            escape_text("a\rDTSTART:1\r\nb\u{1b}"),
            "a\\nDTSTART:1\\nb\u{fffd}"
        );
    }

    #[test]
    fn raw_values_cannot_break_the_line() {
        let mut out = Writer::default();
        out.property("URL", &[], "https://x/\r\nX-EVIL:1");
        assert_eq!(out.finish(), "URL:https://x/\u{fffd}\u{fffd}X-EVIL:1\r\n");
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(folded("SUMMARY:kort"), "SUMMARY:kort\r\n");
        let exact = format!("SUMMARY:{}", "x".repeat(LINE_LIMIT - 8));
        assert_eq!(folded(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_with_a_leading_space() {
        let line = format!("SUMMARY:{}", "x".repeat(200));
        let text = folded(&line);
        let lines: Vec<&str> = text.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(lines[0].len(), 75);
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with(' ') && l.len() <= 75)
        );
        assert_eq!(lines[1].len(), 75);
        assert_eq!(unfolded(&text), line);
    }

    #[test]
    fn folding_never_splits_a_multi_byte_character() {
        // 73 ASCII octets, then `é` (2 octets) would end at 75; `€` (3 octets) would not fit.
        for (filler, c) in [(73, 'é'), (73, '€'), (74, 'é'), (72, '😀')] {
            let line = format!("{}{c}{c}{c}", "x".repeat(filler));
            let text = folded(&line);
            for part in text.split("\r\n") {
                assert!(part.len() <= LINE_LIMIT, "{part}");
            }
            assert_eq!(unfolded(&text), line, "{filler} {c}");
        }
        assert_eq!(folded(&format!("{}€", "x".repeat(73))).find('\r'), Some(73));
    }

    #[test]
    fn folding_keeps_spaces_away_from_the_split() {
        let line = format!("SUMMARY:{} b c", "a".repeat(66));
        let text = folded(&line);
        assert!(
            !text.contains(" \r\n") && !text.contains("\r\n  "),
            "{text:?}"
        );
        assert_eq!(unfolded(&text), line);
    }

    #[test]
    fn a_whole_calendar() {
        let mut out = Writer::default();
        out.begin("VCALENDAR");
        out.property("VERSION", &[], "2.0");
        out.text("X-WR-CALNAME", "Pioniers, overal");
        out.begin("VEVENT");
        out.property("DTSTART", &[("TZID", TZID)], "20170918T140000");
        out.end("VEVENT");
        out.end("VCALENDAR");
        assert_eq!(
            out.finish(),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Pioniers\\, overal\r\n\
             BEGIN:VEVENT\r\nDTSTART;TZID=Europe/Amsterdam:20170918T140000\r\n\
             END:VEVENT\r\nEND:VCALENDAR\r\n"
        );
    }

    #[test]
    fn dates_and_local_times() {
        let date = Date::from_calendar_date(2017, time::Month::September, 8).expect("date");
        let at = Time::from_hms(9, 5, 0).expect("time");
        assert_eq!(basic_date(date), "20170908");
        assert_eq!(local(date, at), "20170908T090500");
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://example.org/netwerk/"), Some("example.org"));
        assert_eq!(host_of("http://localhost:8080/"), Some("localhost"));
        assert_eq!(host_of("nope"), None);
    }
}
