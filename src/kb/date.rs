//! Dates and times as the front matter writes them, and *today*.

use time::{Date, Month, Time};

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
    fn times() {
        assert!(parse_time("14:00").is_some());
        assert!(parse_time("23:59").is_some());
        for text in ["24:00", "14:60", "9:00", "14.00", "14:00:00", "+4:00"] {
            assert_eq!(parse_time(text), None, "{text}");
        }
    }
}
