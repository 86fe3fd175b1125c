//! The organisation type.

use super::model::declare;
use super::schema::{FieldType, ORGANISATION_KINDS, optional, required, tags};

declare! {
    /// An organisation in the network.
    pub struct Organisation {
        /// Its name.
        pub name: String = required(FieldType::String, "The organisation's name, e.g. \"Gemeente Schiedam\".")
            .label("Naam", "Name")
            .own_place(),
        /// What sort of organisation it is (one of [`ORGANISATION_KINDS`]).
        pub kind: Option<String> = required(FieldType::Enum(ORGANISATION_KINDS), "What sort of organisation it is.")
            .label("Soort", "Kind"),
        /// Where it is based.
        pub city: Option<String> = optional(FieldType::String, "Where it is based.").label("Plaats", "City"),
        /// Its website.
        pub website: Option<String> = optional(FieldType::Url, "Its website.").label("Website", "Website"),
        /// Free keywords.
        pub tags: Vec<String> = tags(),
    }
}
