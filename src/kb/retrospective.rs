//! The retrospective type.

use time::Date;

use super::model::{date, list, objects, text, text_or_empty};
use super::yaml::Node;

/// Someone who spoke at the session.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Speaker {
    /// Their name.
    pub name: String,
    /// Their role.
    pub role: Option<String>,
    /// Their organisation's id.
    pub organisation: Option<String>,
}

/// A look back on a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retrospective {
    /// Its title.
    pub title: String,
    /// The session's id.
    pub session: Option<String>,
    /// When it was published.
    pub published: Option<Date>,
    /// Names as printed.
    pub authors: Vec<String>,
    /// Who spoke.
    pub speakers: Vec<Speaker>,
    /// Themes treated.
    pub themes_discussed: Vec<String>,
    /// Themes raised for coming sessions.
    pub themes_proposed: Vec<String>,
    /// The session that follows.
    pub next_session: Option<String>,
    /// Free keywords.
    pub tags: Vec<String>,
}

impl Retrospective {
    /// Reads a retrospective from its front matter.
    pub fn from_front(front: &Node) -> Self {
        Retrospective {
            title: text_or_empty(front, "title"),
            session: text(front, "session"),
            published: date(front, "published"),
            authors: list(front, "authors"),
            speakers: objects(front, "speakers")
                .map(|speaker| Speaker {
                    name: text_or_empty(speaker, "name"),
                    role: text(speaker, "role"),
                    organisation: text(speaker, "organisation"),
                })
                .collect(),
            themes_discussed: list(front, "themes_discussed"),
            themes_proposed: list(front, "themes_proposed"),
            next_session: text(front, "next_session"),
            tags: list(front, "tags"),
        }
    }
}
