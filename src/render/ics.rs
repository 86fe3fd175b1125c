//! The calendars: `sessions.ics` with every session, one per theme (`themes/<id>.ics`, the
//! sessions with it on the agenda) and per organisation (`organisations/<id>.ics`, the
//! sessions it hosts or attends) to subscribe to, and one per session
//! (`sessions/<id>.ics`) to add it to one's own calendar. Written as RFC 5545 directly: CRLF
//! line endings, content lines folded at 75 octets, TEXT values escaped, local times in
//! Europe/Amsterdam with its VTIMEZONE, a stable UID, the page's URL in `URL` and in
//! `DESCRIPTION` (most clients show only the latter), all-day events that end the next day
//! (§3.6.1), no `DTEND` when the end is not known, and a `DTSTAMP` from git.

use std::collections::HashMap;

use time::{Date, Time};

use super::i18n::Lang;
use super::output::OutFile;
use super::site::{Site, absolute, page_path, text_file, title_of};
use crate::kb::{Data, DocKind, Document, KnowledgeBase, Relation, Session};

/// The time zone of every session.
const TZID: &str = "Europe/Amsterdam";

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

/// What every calendar of a site shares: where its pages are, whose it is, and when each
/// session's file last changed.
pub struct Calendars<'a> {
    /// The knowledge base.
    pub kb: &'a KnowledgeBase,
    /// Where the site is published, ending in `/`; page URLs and the UID's host.
    pub base_url: Option<&'a str>,
    /// The site's name: the maker in `PRODID` and the first part of each calendar's name.
    pub site_title: &'a str,
    /// The site's language (`PRODID` names it).
    pub lang: Lang,
    /// When each document last changed in git, `YYYY-MM-DD` by path.
    pub dates: &'a HashMap<String, String>,
}

impl Calendars<'_> {
    /// A calendar named `name` of the `sessions` that have a date, by date and id.
    pub fn calendar<'d>(
        &self,
        name: &str,
        sessions: impl IntoIterator<Item = &'d Document>,
    ) -> String {
        let mut events: Vec<_> = sessions
            .into_iter()
            .filter_map(|d| match &d.data {
                Data::Session(s) => s.date.map(|date| (d, s, date)),
                _ => None,
            })
            .collect();
        events.sort_by_key(|(d, _, date)| (*date, d.id.clone()));

        let mut out = Writer::default();
        out.begin("VCALENDAR");
        out.property("VERSION", &[], "2.0");
        out.text("PRODID", &self.prodid());
        out.property("CALSCALE", &[], "GREGORIAN");
        out.property("METHOD", &[], "PUBLISH");
        out.text("NAME", name);
        out.text("X-WR-CALNAME", name);
        write_timezone(&mut out);
        for (doc, session, date) in events {
            self.write_event(&mut out, doc, session, date);
        }
        out.end("VCALENDAR");
        out.finish()
    }

    /// `-//<site>//pioneers <version>//<LANG>` (RFC 5545 §3.7.3): who publishes the calendar,
    /// the program that wrote it, and the language of its text.
    fn prodid(&self) -> String {
        format!(
            "-//{}//pioneers {}//{}",
            self.site_title,
            env!("CARGO_PKG_VERSION"),
            self.lang.code().to_uppercase()
        )
    }

    /// One session on `date`: timed in Europe/Amsterdam when it has a start time, all day
    /// otherwise.
    fn write_event(&self, out: &mut Writer, doc: &Document, session: &Session, date: Date) {
        let host = self
            .base_url
            .and_then(host_of)
            .unwrap_or("pioneers.invalid");
        let url = absolute(self.base_url, &page_path(DocKind::Session, &doc.id));
        out.begin("VEVENT");
        out.property("UID", &[], &format!("{}@{host}", doc.id));
        out.property(
            "DTSTAMP",
            &[],
            &format!("{}T000000Z", basic_date(self.stamp(doc, date))),
        );
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
        match (session.start, session.end) {
            (Some(start), end) => {
                out.property("DTSTART", &[("TZID", TZID)], &local(date, start));
                if let Some(end) = end {
                    out.property("DTEND", &[("TZID", TZID)], &local(date, end));
                }
            }
            // An end without a start is an `end-without-start` error; the day still holds.
            (None, _) => {
                out.property("DTSTART", &[("VALUE", "DATE")], &basic_date(date));
                let next = date.next_day().unwrap_or(date);
                out.property("DTEND", &[("VALUE", "DATE")], &basic_date(next));
            }
        }
        if let Some(url) = url {
            out.text("DESCRIPTION", &url);
            out.property("URL", &[], &url);
        }
        out.end("VEVENT");
    }

    /// When the session's file last changed in git (the day the published event was last
    /// revised), else — outside git, or never committed — the session's own day.
    fn stamp(&self, doc: &Document, date: Date) -> Date {
        self.dates
            .get(self.kb.path(doc))
            .and_then(|d| crate::kb::date::parse_date(d))
            .unwrap_or(date)
    }
}

impl Site<'_> {
    fn calendars_with(&self) -> Calendars<'_> {
        Calendars {
            kb: self.kb,
            base_url: self.options.base_url.as_deref(),
            site_title: &self.options.title,
            lang: self.options.lang,
            dates: self.dates,
        }
    }

    /// `sessions.ics`: every session.
    pub(super) fn sessions_calendar(&self) -> OutFile {
        let sessions = self
            .kb
            .documents
            .iter()
            .filter(|d| d.kind == DocKind::Session);
        text_file(
            super::site::SESSIONS_CALENDAR,
            self.calendars_with()
                .calendar(&self.options.title, sessions),
        )
    }

    /// The calendar beside a session's, theme's or organisation's page: the session, or
    /// the sessions about the theme, or those the organisation hosts or takes part in — in
    /// the order of the documents.
    pub(super) fn document_calendar(&self, doc: &Document) -> Option<OutFile> {
        if !has_calendar(doc.kind) {
            return None;
        }
        let relations: &[Relation] = match doc.kind {
            DocKind::Session | DocKind::Retrospective => &[],
            DocKind::Theme => &[Relation::ThemeSessions],
            DocKind::Organisation => &[Relation::Hosted, Relation::Attended],
        };
        let mut positions: Vec<usize> = relations
            .iter()
            .flat_map(|&r| self.kb.index.referrers(r, &doc.id).iter().copied())
            .collect();
        positions.sort_unstable();
        positions.dedup();
        let chosen: Vec<&Document> = if doc.kind == DocKind::Session {
            vec![doc]
        } else {
            positions
                .into_iter()
                .filter_map(|i| self.kb.documents.get(i))
                .collect()
        };
        let name = format!("{}: {}", self.options.title, title_of(doc));
        Some(text_file(
            &calendar_path(doc.kind, &doc.id),
            self.calendars_with().calendar(&name, chosen),
        ))
    }
}

/// The paths of a document's files: its page and, but for a retrospective, its calendar.
pub fn document_paths(kind: DocKind, id: &str) -> Vec<String> {
    let mut paths = vec![super::site::page_path(kind, id)];
    if has_calendar(kind) {
        paths.push(calendar_path(kind, id));
    }
    paths
}

/// Whether documents of `kind` have a calendar of their own.
fn has_calendar(kind: DocKind) -> bool {
    kind != DocKind::Retrospective
}

/// The calendar of one session, theme or organisation: `<folder>/<id>.ics`, next to its page.
pub fn calendar_path(kind: DocKind, id: &str) -> String {
    format!("{}/{id}.ics", kind.folder())
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

    /// The events of a calendar of one session with `times`, for a site at `base`, with
    /// `dates` from git.
    fn one_session(times: &str, dates: &[(&str, &str)]) -> String {
        let text =
            format!("---\ntitle: K\ndate: 2026-10-25\n{times}city: Utrecht\nhosts: [u]\n---\n");
        let kb = KnowledgeBase::from_memory(
            &[
                (
                    "content/organisations/u.md",
                    "---\nname: U\nkind: municipality\n---\n",
                ),
                ("content/sessions/2026-10-25-k.md", &text),
            ],
            &[],
            crate::kb::date::parse_date("2026-01-01").expect("date"),
        );
        let dates = dates
            .iter()
            .map(|(p, d)| (p.to_string(), d.to_string()))
            .collect();
        let calendars = Calendars {
            kb: &kb,
            base_url: Some("https://example.org/n/"),
            site_title: "Netwerk",
            lang: Lang::Nl,
            dates: &dates,
        };
        calendars.calendar("Netwerk", &kb.documents)
    }

    #[test]
    fn an_all_day_session_ends_the_next_day() {
        let text = one_session("", &[]);
        assert!(text.contains("DTSTART;VALUE=DATE:20261025\r\nDTEND;VALUE=DATE:20261026\r\n"));
    }

    #[test]
    fn a_session_without_an_end_has_no_dtend() {
        let text = one_session("start: '14:00'\n", &[]);
        assert!(text.contains("DTSTART;TZID=Europe/Amsterdam:20261025T140000\r\n"));
        assert!(!text.contains("DTEND"), "{text}");
        let timed = one_session("start: '14:00'\nend: '17:30'\n", &[]);
        assert!(timed.contains("DTEND;TZID=Europe/Amsterdam:20261025T173000\r\n"));
    }

    #[test]
    fn the_page_is_in_the_description_and_the_maker_in_prodid() {
        let text = one_session("", &[]);
        let url = "https://example.org/n/sessions/2026-10-25-k.html";
        assert!(text.contains(&format!("DESCRIPTION:{url}\r\n")), "{text}");
        assert!(text.contains(&format!("URL:{url}\r\n")));
        assert!(text.contains(&format!(
            "PRODID:-//Netwerk//pioneers {}//NL\r\n",
            env!("CARGO_PKG_VERSION")
        )));
    }

    #[test]
    fn dtstamp_is_the_day_git_last_changed_the_session() {
        let text = one_session("", &[("content/sessions/2026-10-25-k.md", "2026-03-02")]);
        assert!(text.contains("DTSTAMP:20260302T000000Z\r\n"), "{text}");
        let outside_git = one_session("", &[]);
        assert!(outside_git.contains("DTSTAMP:20261025T000000Z\r\n"));
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://example.org/netwerk/"), Some("example.org"));
        assert_eq!(host_of("http://localhost:8080/"), Some("localhost"));
        assert_eq!(host_of("nope"), None);
    }
}
