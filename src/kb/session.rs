//! The session type and whether it is planned or held.

use time::{Date, Time};

use super::model::declare;
use super::schema::{FieldType, ORGANISATIONS, THEMES, optional, references, required};

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

declare! {
    /// A meeting of the network.
    pub struct Session {
        /// Its title.
        pub title: String = required(FieldType::String, "The session's title.")
            .label("Titel", "Title")
            .own_place(),
        /// The day, if valid.
        pub date: Option<Date> = required(FieldType::Date, "The day; equal to the date that starts the id.")
            .label("Datum", "Date"),
        /// Start time.
        pub start: Option<Time> = optional(FieldType::Time, "Start time.").label("Begin", "Start").own_place(),
        /// End time.
        pub end: Option<Time> = optional(FieldType::Time, "End time, after the start.").label("Einde", "End").own_place(),
        /// Where it takes place.
        pub city: String = required(FieldType::String, "Where it takes place.").label("Plaats", "City"),
        /// The building or room.
        pub venue: Option<String> = optional(FieldType::String, "The building or room.").label("Locatie", "Venue"),
        /// Host organisations.
        pub hosts: Vec<String> = references(required(ORGANISATIONS, "The organisations that host it (at least one)."))
            .label("Gastheer", "Hosts"),
        /// The agenda: theme ids.
        pub themes: Vec<String> = references(optional(THEMES, "The agenda."))
            .label("Agenda", "Agenda")
            .own_place(),
        /// Organisations that took part.
        pub participants: Vec<String> = references(optional(ORGANISATIONS, "Organisations that took part."))
            .label("Deelnemers", "Participants"),
        /// Whether it was cancelled.
        pub cancelled: bool = optional(FieldType::Bool, "Whether it was cancelled.")
            .label("Afgelast", "Cancelled")
            .own_place(),
        /// Where to sign up.
        pub registration: Option<String> = optional(FieldType::Url, "Where to sign up.")
            .label("Aanmelden", "Register"),
    }
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
        <Session as crate::kb::model::Declared>::from_front(&front)
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
