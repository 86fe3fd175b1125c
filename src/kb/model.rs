//! The typed model: what a document means, read leniently from its front matter.
//!
//! Values that do not fit their field are left out here; the validator reports them. Queries
//! and the renderer read only this model, never the raw YAML.

use time::Date;

use super::date::parse_date;
use super::yaml::Node;
use super::{Organisation, Retrospective, Session, Theme};

/// The typed data of one document.
#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    /// An organisation.
    Organisation(Organisation),
    /// A theme.
    Theme(Theme),
    /// A session.
    Session(Session),
    /// A retrospective.
    Retrospective(Retrospective),
}

/// The text of `key`, if it is a scalar.
pub(crate) fn text(front: &Node, key: &str) -> Option<String> {
    front.get(key)?.as_str().map(str::to_owned)
}

/// The text of `key`, or an empty string.
pub(crate) fn text_or_empty(front: &Node, key: &str) -> String {
    text(front, key).unwrap_or_default()
}

/// The scalar items of the list at `key`; anything else gives an empty list.
pub(crate) fn list(front: &Node, key: &str) -> Vec<String> {
    front
        .get(key)
        .and_then(Node::as_sequence)
        .map(|items| {
            items
                .iter()
                .filter_map(Node::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// The date at `key`, if it is a valid one.
pub(crate) fn date(front: &Node, key: &str) -> Option<Date> {
    front.get(key)?.as_str().and_then(parse_date)
}

/// The mappings in the list at `key`.
pub(crate) fn objects<'a>(front: &'a Node, key: &str) -> impl Iterator<Item = &'a Node> {
    front
        .get(key)
        .and_then(Node::as_sequence)
        .unwrap_or_default()
        .iter()
        .filter(|item| item.as_mapping().is_some())
}
