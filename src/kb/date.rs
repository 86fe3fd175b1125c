//! Dates and times as the front matter writes them, and *today*.
//!
//! [`parse_date`] and [`parse_time`] are strict: they are what the knowledge base accepts.
//! [`read_loose_date`] and [`read_loose_time`] read what people write by hand instead
//! (`18-09-2024`, `18 sept. 2024`, `14.00 uur`), only to say in a diagnostic which
//! `YYYY-MM-DD` or `HH:MM` they mean and whether that reading is the only one.

use time::{Date, Month, Time, Weekday};

/// Parses a strict `YYYY-MM-DD` that names a real day.
pub fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(&text[0..4])?;
    let month = Month::try_from(u8::try_from(digits(&text[5..7])?).ok()?).ok()?;
    let day = u8::try_from(digits(&text[8..10])?).ok()?;
    Date::from_calendar_date(i32::try_from(year).ok()?, month, day).ok()
}

/// Parses a strict `HH:MM` on a 24-hour clock.
pub fn parse_time(text: &str) -> Option<Time> {
    let bytes = text.as_bytes();
    if bytes.len() != 5 || bytes[2] != b':' {
        return None;
    }
    let hour = u8::try_from(digits(&text[0..2])?).ok()?;
    let minute = u8::try_from(digits(&text[3..5])?).ok()?;
    Time::from_hms(hour, minute, 0).ok()
}

/// A reading of a hand-written date or time: what it means, and whether it can mean only
/// that (then `validate --fix` may write it without asking).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading<T> {
    /// The value it is read as.
    pub value: T,
    /// Whether no other reading is reasonable.
    pub certain: bool,
}

impl<T> Reading<T> {
    fn certain(value: T) -> Self {
        Reading {
            value,
            certain: true,
        }
    }

    fn guess(value: T) -> Self {
        Reading {
            value,
            certain: false,
        }
    }
}

/// Reads a date written in a Dutch or English notation: numbers separated by `-`, `/`, `.`
/// or spaces (`18-09-2024`, `18/9/2024`, `18.09.2024`, `2024/09/18`, `2024-9-18`), or with a
/// month name in Dutch or English, whole or shortened, with or without a dot, in any case
/// (`18 september 2024`, `18 sept. 2024`, `September 18, 2024`, `18-okt-2024`), perhaps
/// after the day of the week (`woensdag 18 september 2024`). `None` when
/// it is not such a notation or names no real day (`30-02-2024`).
///
/// Day first is the Dutch reading. It is certain when the year comes first, when a month
/// name is written, when only one of the two numbers can be a month (`09/18/2024` is month
/// first), and when `-` or `.` separates them: those are the Dutch notations, while a
/// month-first date (the American habit) is written with `/`. So `03-04-2024` is certainly
/// 3 April, and `03/04/2024` is read as 3 April but not certainly. A two-digit year is
/// never certain (`18-09-24` is read as 2024).
pub fn read_loose_date(text: &str) -> Option<Reading<Date>> {
    let text = text.trim();
    if let Some(reading) = numeric_date(text) {
        return Some(reading);
    }
    named_month_date(text)
}

/// `d-m-y`, `y-m-d` and their variants with `/`, `.` or spaces.
fn numeric_date(text: &str) -> Option<Reading<Date>> {
    let separator = text.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(separator, '-' | '/' | '.' | ' ') {
        return None;
    }
    let parts: Vec<&str> = text.split(separator).collect();
    let [a, b, c] = parts[..] else { return None };
    if [a, b, c].iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let (a, b, c) = (
        digits(a).map(|n| (n, a.len()))?,
        digits(b)?,
        digits(c).map(|n| (n, c.len()))?,
    );
    if a.1 == 4 {
        return calendar(a.0, b, c.0).map(Reading::certain);
    }
    if a.1 > 2 {
        return None;
    }
    let (year, two_digit_year) = match c.1 {
        4 => (c.0, false),
        2 => (2000 + c.0, true),
        _ => return None,
    };
    let (day, month, certain) = match (a.0, b) {
        (day, month) if day > 12 || month > 12 => {
            if month <= 12 {
                (day, month, true)
            } else {
                (month, day, true)
            }
        }
        (day, month) => (day, month, separator != '/' || day == month),
    };
    let date = calendar(year, month, day)?;
    Some(if certain && !two_digit_year {
        Reading::certain(date)
    } else {
        Reading::guess(date)
    })
}

/// `18 september 2024`, `18 sept. 2024`, `September 18, 2024`, `18-okt-2024`, and any of
/// these after the day of the week (`woensdag 18 september 2024`, `Wed, September 18, 2024`):
/// certain when that is the date's weekday.
fn named_month_date(text: &str) -> Option<Reading<Date>> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '/' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    match words[..] {
        [weekday, first, second, third] => {
            let weekday = weekday_named(weekday)?;
            let reading = day_month_year(first, second, third)?;
            Some(Reading {
                certain: reading.value.weekday() == weekday,
                ..reading
            })
        }
        [first, second, third] => day_month_year(first, second, third),
        _ => None,
    }
}

/// The date of three words, one of the first two a month name.
fn day_month_year(first: &str, second: &str, third: &str) -> Option<Reading<Date>> {
    let (day, month, year) = if let Some(month) = month_named(second) {
        (first, month, third)
    } else if let Some(month) = month_named(first) {
        (second, month, third)
    } else {
        return None;
    };
    let day = digits(strip_ordinal(day)).filter(|_| day.len() <= 4)?;
    if year.len() != 4 {
        return None;
    }
    calendar(digits(year)?, month, day).map(Reading::certain)
}

/// `18` from `18th`, `1st`, `2nd`, `3rd` or `18e` (Dutch).
fn strip_ordinal(day: &str) -> &str {
    ["st", "nd", "rd", "th", "e"]
        .iter()
        .find_map(|suffix| day.strip_suffix(suffix))
        .unwrap_or(day)
}

/// The weekday a Dutch or English name (or its first two or more letters) names.
fn weekday_named(word: &str) -> Option<Weekday> {
    const NAMES: [(&str, &str, Weekday); 7] = [
        ("maandag", "monday", Weekday::Monday),
        ("dinsdag", "tuesday", Weekday::Tuesday),
        ("woensdag", "wednesday", Weekday::Wednesday),
        ("donderdag", "thursday", Weekday::Thursday),
        ("vrijdag", "friday", Weekday::Friday),
        ("zaterdag", "saturday", Weekday::Saturday),
        ("zondag", "sunday", Weekday::Sunday),
    ];
    let word = word.to_lowercase();
    if word.chars().count() < 2 {
        return None;
    }
    let mut found = NAMES
        .iter()
        .filter(|(nl, en, _)| nl.starts_with(&word) || en.starts_with(&word))
        .map(|(_, _, weekday)| *weekday);
    let weekday = found.next()?;
    found.next().is_none().then_some(weekday)
}

/// The month a Dutch or English name (or its first three or more letters) names.
fn month_named(word: &str) -> Option<u32> {
    const NAMES: [(&str, &str); 12] = [
        ("januari", "january"),
        ("februari", "february"),
        ("maart", "march"),
        ("april", "april"),
        ("mei", "may"),
        ("juni", "june"),
        ("juli", "july"),
        ("augustus", "august"),
        ("september", "september"),
        ("oktober", "october"),
        ("november", "november"),
        ("december", "december"),
    ];
    let word = word.to_lowercase();
    if word == "mrt" {
        return Some(3);
    }
    if word.chars().count() < 3 {
        return None;
    }
    let matches = |name: &str| name.starts_with(&word);
    let mut found = NAMES
        .iter()
        .zip(1..)
        .filter(|((nl, en), _)| matches(nl) || matches(en))
        .map(|(_, month)| month);
    let month = found.next()?;
    found.next().is_none().then_some(month)
}

/// The day `year`-`month`-`day`, if it exists.
fn calendar(year: u32, month: u32, day: u32) -> Option<Date> {
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?).ok()
}

/// Reads a time written by hand: `14.00`, `9:30`, `14u`, `14u30`, `14h`, `14:00 uur`,
/// `14 uur`, `14:00:00`, `2 pm`, `2.30pm`. `None` when it is not such a notation or names no
/// time of day.
///
/// The 24-hour reading is certain, except for an hour from 1 to 6 without `am`/`pm`: no
/// session starts at night, so `2 uur` is read as 14:00, but not certainly.
pub fn read_loose_time(text: &str) -> Option<Reading<Time>> {
    let lower = text.trim().to_lowercase();
    let (clock, half) = day_half(&lower);
    let clock = ["uur", "u", "h"]
        .iter()
        .find_map(|suffix| clock.strip_suffix(suffix))
        .unwrap_or(clock)
        .trim_end();
    let mut parts = clock.split([':', '.', 'u', 'h']);
    let hour = parts.next().filter(|h| (1..=2).contains(&h.len()))?;
    let minute = parts.next().filter(|m| !m.is_empty()).unwrap_or("00");
    let seconds = parts.next();
    if parts.next().is_some() || minute.len() != 2 || seconds.is_some_and(|s| s != "00") {
        return None;
    }
    let (hour, minute) = (digits(hour)?, digits(minute)?);
    let reading = match half {
        Some(pm) if (1..=12).contains(&hour) => {
            Reading::certain(hour % 12 + if pm { 12 } else { 0 })
        }
        Some(_) => return None,
        None if (1..=6).contains(&hour) => Reading::guess(hour + 12),
        None => Reading::certain(hour),
    };
    let time = Time::from_hms(
        u8::try_from(reading.value).ok()?,
        u8::try_from(minute).ok()?,
        0,
    )
    .ok()?;
    Some(Reading {
        value: time,
        certain: reading.certain,
    })
}

/// Splits `am`/`pm` (`a.m.`, `p.m.`) off a time: the rest and `Some(true)` for pm.
fn day_half(text: &str) -> (&str, Option<bool>) {
    for (suffix, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if let Some(rest) = text.strip_suffix(suffix) {
            return (rest.trim_end(), Some(pm));
        }
    }
    (text, None)
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Formats a time of day as `HH:MM`.
pub fn format_time(time: Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// Today's date from the system clock (UTC).
pub fn system_today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

fn digits(text: &str) -> Option<u32> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates_parse() {
        let date = parse_date("2017-09-18").expect("a date");
        assert_eq!(format_date(date), "2017-09-18");
        assert!(parse_date("2016-02-29").is_some());
    }

    #[test]
    fn impossible_or_loose_dates_do_not() {
        for text in [
            "2017-02-30",
            "2017-13-01",
            "2017-9-18",
            "18-09-2017",
            "2017-09-18 ",
            "2017-0a-18",
            "+017-09-18",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn dutch_and_english_dates() {
        let read = |text| read_loose_date(text).map(|r| (format_date(r.value), r.certain));
        let sure = |date: &str| Some((date.to_string(), true));
        let guess = |date: &str| Some((date.to_string(), false));
        for text in [
            "18-09-2024",
            "18/9/2024",
            "18.09.2024",
            "18 9 2024",
            "18 september 2024",
            "18 sept. 2024",
            "18 Sep 2024",
            "18-sep-2024",
            "September 18, 2024",
            "sept 18th, 2024",
            "2024/09/18",
            "2024-9-18",
            "2024.09.18",
            "09/18/2024",
            "18e september 2024",
            " 18-09-2024 ",
        ] {
            assert_eq!(read(text), sure("2024-09-18"), "{text}");
        }
        assert_eq!(read("woensdag 18 september 2024"), sure("2024-09-18"));
        assert_eq!(read("wo 18 sep. 2024"), sure("2024-09-18"));
        assert_eq!(read("Wed, September 18, 2024"), sure("2024-09-18"));
        assert_eq!(read("donderdag 18 september 2024"), guess("2024-09-18"));
        assert_eq!(read("3 mrt 2024"), sure("2024-03-03"));
        assert_eq!(read("1 MEI 2024"), sure("2024-05-01"));
        assert_eq!(read("1 maart 2024"), sure("2024-03-01"));
        assert_eq!(read("03-04-2024"), sure("2024-04-03"));
        assert_eq!(read("03.04.2024"), sure("2024-04-03"));
        assert_eq!(read("03/04/2024"), guess("2024-04-03"));
        assert_eq!(read("04/04/2024"), sure("2024-04-04"));
        assert_eq!(read("18-09-24"), guess("2024-09-18"));
    }

    #[test]
    fn no_reading_for_impossible_or_unlike_dates() {
        for text in [
            "2017-02-30",
            "30-02-2024",
            "18-13-2024",
            "13/13/2024",
            "ma 18 2024",
            "18 ju 2024",
            "18 septembre",
            "volgende week",
            "18-09-2024-1",
            "18--2024",
            "18-09-202",
            "",
            "99999999999-1-1",
            "18 sep 24",
            "d 18 september 2024",
            "morgen 18 september 2024",
        ] {
            assert_eq!(read_loose_date(text), None, "{text}");
        }
    }

    #[test]
    fn hand_written_times() {
        let read = |text| read_loose_time(text).map(|r| (format_time(r.value), r.certain));
        for (text, time) in [
            ("14.00", "14:00"),
            ("14u", "14:00"),
            ("14u30", "14:30"),
            ("14h30", "14:30"),
            ("14 uur", "14:00"),
            ("14:00 uur", "14:00"),
            ("14.00u", "14:00"),
            ("9:30", "09:30"),
            ("9.30", "09:30"),
            ("14:00:00", "14:00"),
            ("2 pm", "14:00"),
            ("2.30pm", "14:30"),
            ("12 pm", "12:00"),
            ("12 am", "00:00"),
            ("9 A.M.", "09:00"),
            ("0:15", "00:15"),
        ] {
            assert_eq!(read(text), Some((time.to_string(), true)), "{text}");
        }
        assert_eq!(read("2 uur"), Some(("14:00".to_string(), false)));
        assert_eq!(read("6.30"), Some(("18:30".to_string(), false)));
        for text in [
            "25:00", "14:60", "13 pm", "14:0", "14:00:30", "ochtend", "", "1400", "14.5",
        ] {
            assert_eq!(read_loose_time(text), None, "{text}");
        }
    }

    #[test]
    fn times() {
        assert!(parse_time("14:00").is_some());
        assert!(parse_time("23:59").is_some());
        for text in ["24:00", "14:60", "9:00", "14.00", "14:00:00", "+4:00"] {
            assert_eq!(parse_time(text), None, "{text}");
        }
    }
}
