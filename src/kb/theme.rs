//! The theme type and its status.

use std::fmt;

use super::DocKind;
use super::model::{FieldValue, Stored, declare};
use super::schema::{
    ENTRIES_MAX_ITEMS, FieldType, ORGANISATIONS, SUMMARY_MAX_CHARS, THEMES, optional, references,
    required, tags,
};
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

impl Stored for Option<ThemeStatus> {
    fn read(node: Option<&Node>) -> Self {
        node.and_then(Node::as_str).and_then(ThemeStatus::parse)
    }
    fn value(&self) -> FieldValue<'_> {
        FieldValue::OptText(self.map(ThemeStatus::as_str))
    }
}

declare! {
    /// A link for further reading.
    pub struct Link {
        /// The link text.
        pub title: String = required(FieldType::String, "The link text.").label("Titel", "Title"),
        /// Where it points.
        pub url: String = required(FieldType::Url, "Where it points.").label("Adres", "Address"),
    }
}

declare! {
    /// A theme the network treats.
    pub struct Theme {
        /// Its title.
        pub title: String = required(FieldType::String, "The theme's title.")
            .label("Titel", "Title")
            .own_place(),
        /// One sentence.
        pub summary: String = required(FieldType::String, "One sentence of at most 200 characters.")
            .max_chars(SUMMARY_MAX_CHARS)
            .label("Samenvatting", "Summary")
            .own_place(),
        /// Organisations that carry it.
        pub carriers: Vec<String> = references(optional(ORGANISATIONS, "Organisations that carry the theme."))
            .label("Gedragen door", "Carried by"),
        /// Organisations that proposed it.
        pub proposed_by: Vec<String> = references(optional(ORGANISATIONS, "Organisations that proposed it."))
            .label("Voorgesteld door", "Proposed by"),
        /// The session where it was raised.
        pub proposed_in: Option<String> = optional(FieldType::Ref(DocKind::Session), "The session where it was raised.")
            .label("Voorgesteld tijdens", "Proposed at"),
        /// The declared status, if any; [`KnowledgeBase::theme_status`](super::KnowledgeBase::theme_status)
        /// gives the effective one.
        pub status: Option<ThemeStatus> = optional(FieldType::Enum(ThemeStatus::WORDS), "Derived from the sessions when absent.")
            .label("Status", "Status"),
        /// Related themes.
        pub related: Vec<String> = references(optional(THEMES, "Related themes (not itself)."))
            .label("Verwante thema's", "Related themes"),
        /// Free keywords.
        pub tags: Vec<String> = tags(),
        /// Further reading.
        pub links: Vec<Link> = optional(FieldType::List(&FieldType::Object(Link::FIELDS)), "Further reading.")
            .at_most(ENTRIES_MAX_ITEMS)
            .label("Meer lezen", "Further reading")
            .own_place(),
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
