//! The session type and whether it is planned or held.

use time::{Date, Time};

use super::date::parse_time;
use super::model::{date, list, text, text_or_empty};
use super::yaml::Node;

/// Where a session stands relative to *today*.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionState {
    /// Its date is after today.
    Planned,
    /// Its date is today or before.
    Held,
    /// It was cancelled.
    Cancelled,
}

/// A meeting of the network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// Its title.
    pub title: String,
    /// The day, if valid.
    pub date: Option<Date>,
    /// Start time.
    pub start: Option<Time>,
    /// End time.
    pub end: Option<Time>,
    /// Where it takes place.
    pub city: String,
    /// The building or room.
    pub venue: Option<String>,
    /// Host organisations.
    pub hosts: Vec<String>,
    /// The agenda: theme ids.
    pub themes: Vec<String>,
    /// Organisations that took part.
    pub participants: Vec<String>,
    /// Whether it was cancelled.
    pub cancelled: bool,
    /// Where to sign up.
    pub registration: Option<String>,
}

impl SessionState {
    /// Its word (also its JSON form).
    pub const fn as_str(self) -> &'static str {
        match self {
            SessionState::Planned => "planned",
            SessionState::Held => "held",
            SessionState::Cancelled => "cancelled",
        }
    }
}

impl Session {
    /// Reads a session from its front matter.
    pub fn from_front(front: &Node) -> Self {
        let time = |key| text(front, key).as_deref().and_then(parse_time);
        Session {
            title: text_or_empty(front, "title"),
            date: date(front, "date"),
            start: time("start"),
            end: time("end"),
            city: text_or_empty(front, "city"),
            venue: text(front, "venue"),
            hosts: list(front, "hosts"),
            themes: list(front, "themes"),
            participants: list(front, "participants"),
            cancelled: front
                .get("cancelled")
                .and_then(Node::as_bool)
                .unwrap_or(false),
            registration: text(front, "registration"),
        }
    }

    /// Planned, held or cancelled on `today`; `None` when the date is not valid.
    pub fn state(&self, today: Date) -> Option<SessionState> {
        if self.cancelled {
            return Some(SessionState::Cancelled);
        }
        let date = self.date?;
        Some(if date > today {
            SessionState::Planned
        } else {
            SessionState::Held
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::date::parse_date;

    fn session(date: &str, cancelled: bool) -> Session {
        let yaml = format!("date: {date}\ncancelled: {cancelled}\n");
        let front = crate::kb::yaml::parse(&yaml, 0).root.expect("root");
        Session::from_front(&front)
    }

    #[test]
    fn held_on_and_before_today_planned_after() {
        let today = parse_date("2017-11-22").expect("date");
        assert_eq!(
            session("2017-11-22", false).state(today),
            Some(SessionState::Held)
        );
        assert_eq!(
            session("2017-11-23", false).state(today),
            Some(SessionState::Planned)
        );
        assert_eq!(
            session("2017-11-23", true).state(today),
            Some(SessionState::Cancelled)
        );
        assert_eq!(session("not-a-date", false).state(today), None);
    }

    #[test]
    fn a_state_serialises_as_its_word() {
        for state in [
            SessionState::Planned,
            SessionState::Held,
            SessionState::Cancelled,
        ] {
            let json = serde_json::to_value(state).expect("serialises");
            assert_eq!(json.as_str(), Some(state.as_str()));
        }
    }
}
