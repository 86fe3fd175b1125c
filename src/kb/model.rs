//! The typed model: what a document means, read leniently from its front matter.
//!
//! Values that do not fit their field are left out here; the validator reports them. Queries
//! and the renderer read only this model, never the raw YAML.

use time::{Date, Time};

use super::date::{parse_date, parse_time};
use super::schema::Field;
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

/// A field's value as the typed model holds it: what records, pages and queries read,
/// without knowing the field.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue<'a> {
    /// Text that is always there (empty when absent).
    Text(&'a str),
    /// Text that may be absent (also ids, enum words and URLs).
    OptText(Option<&'a str>),
    /// A list of text values (or ids).
    List(Vec<&'a str>),
    /// A day, when valid.
    Date(Option<Date>),
    /// A time of day, when valid.
    Time(Option<Time>),
    /// Yes or no (absent is no).
    Bool(bool),
    /// A whole number, when known.
    Number(Option<i64>),
    /// A list of mappings, each as its fields and values.
    Objects(Vec<Vec<(&'static Field, FieldValue<'a>)>>),
}

/// A Rust type that holds a field: how it is read (leniently: what does not fit is left out,
/// the rules report it) and how it is seen.
pub trait Stored {
    /// The value of the front-matter node, if there is one.
    fn read(node: Option<&Node>) -> Self;
    /// The value as the model shows it.
    fn value(&self) -> FieldValue<'_>;
}

/// A struct whose fields are declared with [`declare!`]: a document type or a nested
/// mapping.
pub trait Declared: Sized {
    /// Its fields, in order.
    const FIELDS: &'static [Field];
    /// Reads it from a front-matter mapping.
    fn from_front(front: &Node) -> Self;
    /// Each field with its value, in order.
    fn values(&self) -> Vec<(&'static Field, FieldValue<'_>)>;
    /// The value of the field `name`, if it has one of that name.
    fn value(&self, name: &str) -> Option<FieldValue<'_>>;
}

impl Stored for String {
    fn read(node: Option<&Node>) -> Self {
        node.and_then(Node::as_str).unwrap_or_default().to_owned()
    }
    fn value(&self) -> FieldValue<'_> {
        FieldValue::Text(self)
    }
}

impl Stored for Option<String> {
    fn read(node: Option<&Node>) -> Self {
        node.and_then(Node::as_str).map(str::to_owned)
    }
    fn value(&self) -> FieldValue<'_> {
        FieldValue::OptText(self.as_deref())
    }
}

impl Stored for Vec<String> {
    fn read(node: Option<&Node>) -> Self {
        node.and_then(Node::as_sequence)
            .unwrap_or_default()
            .iter()
            .filter_map(Node::as_str)
            .map(str::to_owned)
            .collect()
    }
    fn value(&self) -> FieldValue<'_> {
        FieldValue::List(self.iter().map(String::as_str).collect())
    }
}

impl Stored for Option<Date> {
    fn read(node: Option<&Node>) -> Self {
        node.and_then(Node::as_str).and_then(parse_date)
    }
    fn value(&self) -> FieldValue<'_> {
        FieldValue::Date(*self)
    }
}

impl Stored for Option<Time> {
    fn read(node: Option<&Node>) -> Self {
        node.and_then(Node::as_str).and_then(parse_time)
    }
    fn value(&self) -> FieldValue<'_> {
        FieldValue::Time(*self)
    }
}

impl Stored for bool {
    fn read(node: Option<&Node>) -> Self {
        node.and_then(Node::as_bool).unwrap_or(false)
    }
    fn value(&self) -> FieldValue<'_> {
        FieldValue::Bool(*self)
    }
}

impl<T: Declared> Stored for Vec<T> {
    fn read(node: Option<&Node>) -> Self {
        node.and_then(Node::as_sequence)
            .unwrap_or_default()
            .iter()
            .filter(|item| item.as_mapping().is_some())
            .map(T::from_front)
            .collect()
    }
    fn value(&self) -> FieldValue<'_> {
        FieldValue::Objects(self.iter().map(T::values).collect())
    }
}

/// Declares a struct of the model and its fields at once: each struct field with its
/// [`Field`] declaration (type, whether required, help, label), so that the loader, the
/// rules, the records, `new`, the JSON Schema, `--where` and the site all read one list. The
/// front-matter key is the struct field's name.
macro_rules! declare {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                pub $field:ident: $ty:ty = $decl:expr,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct $name {
            $(
                $(#[$field_meta])*
                pub $field: $ty,
            )*
        }

        impl $name {
            /// Its fields, declared once, in order.
            pub const FIELDS: &'static [$crate::kb::schema::Field] =
                &[$($decl.named(stringify!($field))),*];
        }

        impl $crate::kb::model::Declared for $name {
            const FIELDS: &'static [$crate::kb::schema::Field] = $name::FIELDS;

            fn from_front(front: &$crate::kb::yaml::Node) -> Self {
                $name {
                    $($field: $crate::kb::model::Stored::read(front.get(stringify!($field))),)*
                }
            }

            fn values(
                &self,
            ) -> Vec<(&'static $crate::kb::schema::Field, $crate::kb::model::FieldValue<'_>)> {
                Self::FIELDS
                    .iter()
                    .zip([$($crate::kb::model::Stored::value(&self.$field)),*])
                    .collect()
            }

            fn value(&self, name: &str) -> Option<$crate::kb::model::FieldValue<'_>> {
                match name {
                    $(stringify!($field) => Some($crate::kb::model::Stored::value(&self.$field)),)*
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use declare;

impl Data {
    /// Each field of the document with its value, in declaration order.
    pub fn values(&self) -> Vec<(&'static Field, FieldValue<'_>)> {
        match self {
            Data::Organisation(o) => o.values(),
            Data::Theme(t) => t.values(),
            Data::Session(s) => s.values(),
            Data::Retrospective(r) => r.values(),
        }
    }

    /// The value of its field `name`, without building the others.
    pub fn value(&self, name: &str) -> Option<FieldValue<'_>> {
        match self {
            Data::Organisation(o) => o.value(name),
            Data::Theme(t) => t.value(name),
            Data::Session(s) => s.value(name),
            Data::Retrospective(r) => r.value(name),
        }
    }

    /// What names the document: an organisation's name, else its title (empty when absent).
    pub fn title(&self) -> &str {
        match self {
            Data::Organisation(o) => &o.name,
            Data::Theme(t) => &t.title,
            Data::Session(s) => &s.title,
            Data::Retrospective(r) => &r.title,
        }
    }

    /// Its free keywords (a session has none).
    pub fn tags(&self) -> &[String] {
        match self {
            Data::Organisation(o) => &o.tags,
            Data::Theme(t) => &t.tags,
            Data::Retrospective(r) => &r.tags,
            Data::Session(_) => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_value_is_the_one_among_all_values() {
        let yaml = "title: T\nsummary: S\ncarriers: [a, b]\nstatus: closed\nlinks: [{title: L, url: 'https://x.nl'}]\n";
        let front = crate::kb::yaml::parse(yaml, 0).root.expect("front matter");
        let data = Data::Theme(Theme::from_front(&front));
        for (field, value) in data.values() {
            assert_eq!(data.value(field.name), Some(value), "{}", field.name);
        }
        assert_eq!(data.value("nope"), None);
        assert_eq!(
            data.value("status"),
            Some(FieldValue::OptText(Some("closed")))
        );
    }
}
