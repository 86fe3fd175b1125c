//! The retrospective type.

use time::Date;

use super::DocKind;
use super::model::declare;
use super::schema::{
    ENTRIES_MAX_ITEMS, FieldType, STRINGS, THEMES, optional, references, required, tags,
};

/// The questions `new` writes under the headings of a new retrospective, for its author to
/// replace by the answers; `placeholder-text` warns while one is still there.
pub const PLACEHOLDERS: [&str; 3] = [
    "Wie waren er, wat werd er gepresenteerd en besproken?",
    "Welke inzichten en ervaringen nemen de deelnemers mee?",
    "Welke thema's komen terug, en wanneer is de volgende sessie?",
];

/// The body `new` writes for a retrospective: three headings, each with its question.
pub fn skeleton() -> String {
    let headings = ["Wat er gebeurde", "Wat we leerden", "Hoe verder"];
    headings
        .iter()
        .zip(PLACEHOLDERS)
        .map(|(heading, question)| format!("## {heading}\n\n{question}\n"))
        .collect::<Vec<_>>()
        .join("\n")
}

declare! {
    /// Someone who spoke at the session.
    pub struct Speaker {
        /// Their name.
        pub name: String = required(FieldType::String, "The speaker's name.").label("Naam", "Name"),
        /// Their role.
        pub role: Option<String> = optional(FieldType::String, "Their role.").label("Rol", "Role"),
        /// Their organisation's id.
        pub organisation: Option<String> = optional(FieldType::Ref(DocKind::Organisation), "Their organisation.")
            .label("Organisatie", "Organisation"),
    }
}

declare! {
    /// A look back on a session.
    pub struct Retrospective {
        /// Its title.
        pub title: String = required(FieldType::String, "The retrospective's title.")
            .label("Titel", "Title")
            .own_place(),
        /// The session it looks back on.
        pub session: Option<String> = required(FieldType::Ref(DocKind::Session), "The session it looks back on.")
            .label("Sessie", "Session"),
        /// When it was published, if valid.
        pub published: Option<Date> = required(FieldType::Date, "When it was published.")
            .label("Gepubliceerd", "Published")
            .own_place(),
        /// Names as printed.
        pub authors: Vec<String> = required(STRINGS, "Names as printed (at least one).")
            .at_most(ENTRIES_MAX_ITEMS)
            .label("Auteurs", "Authors")
            .own_place(),
        /// Who spoke.
        pub speakers: Vec<Speaker> = optional(FieldType::List(&FieldType::Object(Speaker::FIELDS)), "Who spoke.")
            .at_most(ENTRIES_MAX_ITEMS)
            .label("Sprekers", "Speakers"),
        /// Themes treated in the session.
        pub themes_discussed: Vec<String> = references(optional(THEMES, "Themes treated in the session."))
            .label("Besproken thema's", "Themes discussed"),
        /// Themes raised for coming sessions.
        pub themes_proposed: Vec<String> = references(optional(THEMES, "Themes raised for coming sessions."))
            .label("Voorgestelde thema's", "Themes proposed"),
        /// The session that follows.
        pub next_session: Option<String> = optional(FieldType::Ref(DocKind::Session), "The session that follows.")
            .label("Volgende sessie", "Next session"),
        /// Free keywords.
        pub tags: Vec<String> = tags(),
    }
}
