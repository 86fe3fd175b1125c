//! The theme type and its status.

use std::fmt;

use super::model::{list, objects, text, text_or_empty};
use super::yaml::Node;

/// Where a theme stands.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum ThemeStatus {
    /// Raised, not yet on any agenda.
    #[value(help = "Raised, on no agenda yet")]
    Proposed,
    /// On the agenda of a planned session.
    #[value(help = "On a planned session's agenda")]
    Scheduled,
    /// Treated in a held session.
    Discussed,
    /// Declared finished.
    Closed,
}

impl ThemeStatus {
    /// Every status, in the order of its life.
    pub const ALL: [ThemeStatus; 4] = [
        ThemeStatus::Proposed,
        ThemeStatus::Scheduled,
        ThemeStatus::Discussed,
        ThemeStatus::Closed,
    ];

    /// The front-matter word of every status, in the order of [`ThemeStatus::ALL`]: what the
    /// schema accepts for `status`.
    pub const WORDS: &'static [&'static str] = &[
        ThemeStatus::Proposed.as_str(),
        ThemeStatus::Scheduled.as_str(),
        ThemeStatus::Discussed.as_str(),
        ThemeStatus::Closed.as_str(),
    ];

    /// The status for its front-matter word.
    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == word)
    }

    /// The front-matter word (also its JSON form).
    pub const fn as_str(self) -> &'static str {
        match self {
            ThemeStatus::Proposed => "proposed",
            ThemeStatus::Scheduled => "scheduled",
            ThemeStatus::Discussed => "discussed",
            ThemeStatus::Closed => "closed",
        }
    }
}

impl fmt::Display for ThemeStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A link for further reading.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Link {
    /// The link text.
    pub title: String,
    /// Where it points.
    pub url: String,
}

/// A theme the network treats.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Theme {
    /// Its title.
    pub title: String,
    /// One sentence.
    pub summary: String,
    /// Organisations that carry it.
    pub carriers: Vec<String>,
    /// Organisations that proposed it.
    pub proposed_by: Vec<String>,
    /// The session where it was raised.
    pub proposed_in: Option<String>,
    /// The declared status, if any.
    pub status: Option<ThemeStatus>,
    /// Related themes.
    pub related: Vec<String>,
    /// Free keywords.
    pub tags: Vec<String>,
    /// Further reading.
    pub links: Vec<Link>,
}

impl Theme {
    /// Reads a theme from its front matter.
    pub fn from_front(front: &Node) -> Self {
        Theme {
            title: text_or_empty(front, "title"),
            summary: text_or_empty(front, "summary"),
            carriers: list(front, "carriers"),
            proposed_by: list(front, "proposed_by"),
            proposed_in: text(front, "proposed_in"),
            status: text(front, "status")
                .as_deref()
                .and_then(ThemeStatus::parse),
            related: list(front, "related"),
            tags: list(front, "tags"),
            links: objects(front, "links")
                .map(|link| Link {
                    title: text_or_empty(link, "title"),
                    url: text_or_empty(link, "url"),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_per_status_in_front_matter_json_and_schema() {
        for (status, word) in ThemeStatus::ALL.into_iter().zip(ThemeStatus::WORDS) {
            assert_eq!(status.as_str(), *word);
            assert_eq!(ThemeStatus::parse(word), Some(status));
            let json = serde_json::to_value(status).expect("serialises");
            assert_eq!(json.as_str(), Some(*word));
        }
        assert_eq!(ThemeStatus::WORDS.len(), ThemeStatus::ALL.len());
        assert_eq!(ThemeStatus::parse("Proposed"), None);
    }
}
