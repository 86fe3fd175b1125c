//! The organisation type.

use super::model::{list, text, text_or_empty};
use super::yaml::Node;

/// An organisation in the network.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Organisation {
    /// Its name.
    pub name: String,
    /// What sort of organisation it is.
    pub kind: Option<String>,
    /// Where it is based.
    pub city: Option<String>,
    /// Its website.
    pub website: Option<String>,
    /// Free keywords.
    pub tags: Vec<String>,
}

impl Organisation {
    /// Reads an organisation from its front matter.
    pub fn from_front(front: &Node) -> Self {
        Organisation {
            name: text_or_empty(front, "name"),
            kind: text(front, "kind"),
            city: text(front, "city"),
            website: text(front, "website"),
            tags: list(front, "tags"),
        }
    }
}
