//! The document types and their fields (DESIGN.md §3): the one definition the validator,
//! and later the JSON Schema and `new`, are generated from.

use std::fmt;

use super::ThemeStatus;

/// The four document types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum DocKind {
    /// An organisation in the network.
    #[value(help = "Organisations")]
    Organisation,
    /// A theme the network treats.
    #[value(help = "Themes")]
    Theme,
    /// A meeting of the network.
    #[value(help = "Sessions")]
    Session,
    /// A look back on a session.
    #[value(help = "Retrospectives")]
    Retrospective,
}

impl DocKind {
    /// Every type, in the order of DESIGN.md §3.
    pub const ALL: [DocKind; 4] = [
        DocKind::Organisation,
        DocKind::Theme,
        DocKind::Session,
        DocKind::Retrospective,
    ];

    /// The folder under `content/` that holds documents of this type.
    pub fn folder(self) -> &'static str {
        match self {
            DocKind::Organisation => "organisations",
            DocKind::Theme => "themes",
            DocKind::Session => "sessions",
            DocKind::Retrospective => "retrospectives",
        }
    }

    /// The type for a folder name, if it is one of the four.
    pub fn from_folder(folder: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.folder() == folder)
    }

    /// The singular name, as used in messages.
    pub fn name(self) -> &'static str {
        match self {
            DocKind::Organisation => "organisation",
            DocKind::Theme => "theme",
            DocKind::Session => "session",
            DocKind::Retrospective => "retrospective",
        }
    }

    /// The fields of this type.
    pub fn fields(self) -> &'static [Field] {
        match self {
            DocKind::Organisation => ORGANISATION,
            DocKind::Theme => THEME,
            DocKind::Session => SESSION,
            DocKind::Retrospective => RETROSPECTIVE,
        }
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// Plain text.
    String,
    /// Text in which inline Markdown is allowed.
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// `HH:MM`.
    Time,
    /// An absolute http or https URL.
    Url,
    /// `true` or `false`.
    Bool,
    /// One of a fixed set of words.
    Enum(&'static [&'static str]),
    /// The id of a document of the given type.
    Ref(DocKind),
    /// A list of values of one type; a single value is not a list.
    List(&'static FieldType),
    /// A mapping with its own fields.
    Object(&'static [Field]),
}

impl FieldType {
    /// How the type is named in messages ("a date (YYYY-MM-DD)").
    pub fn describe(self) -> String {
        match self {
            FieldType::String | FieldType::Text => "text".into(),
            FieldType::Date => "a date (YYYY-MM-DD)".into(),
            FieldType::Time => "a time (HH:MM)".into(),
            FieldType::Url => "a URL".into(),
            FieldType::Bool => "true or false".into(),
            FieldType::Enum(_) => "one of the listed words".into(),
            FieldType::Ref(kind) => format!("the id of a {kind}"),
            FieldType::List(item) => format!("a list of {}", item.describe_plural()),
            FieldType::Object(_) => "a mapping of fields".into(),
        }
    }

    fn describe_plural(self) -> String {
        match self {
            FieldType::Ref(kind) => format!("{} ids", kind.name()),
            FieldType::Object(_) => "mappings".into(),
            FieldType::Date => "dates".into(),
            FieldType::Url => "URLs".into(),
            _ => "text values".into(),
        }
    }

    /// Whether the value is written as a single YAML scalar.
    pub fn is_scalar(self) -> bool {
        !matches!(self, FieldType::List(_) | FieldType::Object(_))
    }
}

/// One field of a document type or of a nested mapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The key in the front matter.
    pub name: &'static str,
    /// What it holds.
    pub ty: FieldType,
    /// Whether it must be present and not empty.
    pub required: bool,
    /// The most characters a text value may have.
    pub max_chars: Option<usize>,
    /// The most items a list may have; every list field declares one (see [`TAGS_MAX_ITEMS`]).
    pub max_items: Option<usize>,
    /// Whether, and how, the items of a list must differ from each other.
    pub unique: Unique,
    /// What it means, for help texts and the JSON Schema.
    pub doc: &'static str,
}

/// When two items of a list are the same item (`duplicate-item`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unique {
    /// Items may repeat (two authors can have the same name).
    No,
    /// No two items may be the same text (references).
    Exact,
    /// No two items may have the same tag page ([`tag_slug`]): `Open` and `open` are one tag.
    TagPage,
}

const fn field(name: &'static str, ty: FieldType, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        max_chars: None,
        max_items: None,
        unique: Unique::No,
        doc,
    }
}

/// `field` as a list whose items all differ: exactly, or by their tag page.
const fn distinct(unique: Unique, field: Field) -> Field {
    Field { unique, ..field }
}

/// `field` as a list of at most `max` items.
const fn at_most(max: usize, field: Field) -> Field {
    Field {
        max_items: Some(max),
        ..field
    }
}

/// `field` as a list of at most [`REFERENCES_MAX_ITEMS`] references, none repeated.
const fn references(field: Field) -> Field {
    distinct(Unique::Exact, at_most(REFERENCES_MAX_ITEMS, field))
}

const fn required(name: &'static str, ty: FieldType, doc: &'static str) -> Field {
    Field {
        required: true,
        ..field(name, ty, doc)
    }
}

/// The kinds of organisation.
pub const ORGANISATION_KINDS: &[&str] = &[
    "municipality",
    "province",
    "water-board",
    "national-government",
    "agency",
    "company",
    "nonprofit",
    "knowledge-institute",
    "network",
    "other",
];

/// The most characters a theme summary may have.
pub const SUMMARY_MAX_CHARS: usize = 200;

// The most items in one list. A list longer than these is a mistake or an attack: 600,000
// tags in one 4.7 MB document once made `render` write 600,000 tag pages. The network has
// about 340 municipalities and a few hundred other organisations and themes, so:
/// Free keywords on one document.
pub const TAGS_MAX_ITEMS: usize = 50;
/// Organisations or themes referred to by one document (carriers, hosts, participants,
/// agenda, related themes…): room for every municipality of the country and then some.
pub const REFERENCES_MAX_ITEMS: usize = 500;
/// Authors and speakers of one retrospective, and links of one theme.
pub const ENTRIES_MAX_ITEMS: usize = 100;

const STRINGS: FieldType = FieldType::List(&FieldType::String);
const ORGANISATIONS: FieldType = FieldType::List(&FieldType::Ref(DocKind::Organisation));
const THEMES: FieldType = FieldType::List(&FieldType::Ref(DocKind::Theme));

const ORGANISATION: &[Field] = &[
    required(
        "name",
        FieldType::String,
        "The organisation's name, e.g. \"Gemeente Schiedam\".",
    ),
    required(
        "kind",
        FieldType::Enum(ORGANISATION_KINDS),
        "What sort of organisation it is.",
    ),
    field("city", FieldType::String, "Where it is based."),
    field("website", FieldType::Url, "Its website."),
    distinct(
        Unique::TagPage,
        at_most(TAGS_MAX_ITEMS, field("tags", STRINGS, "Free keywords.")),
    ),
];

const LINK: &[Field] = &[
    required("title", FieldType::String, "The link text."),
    required("url", FieldType::Url, "Where it points."),
];

const THEME: &[Field] = &[
    required("title", FieldType::String, "The theme's title."),
    Field {
        max_chars: Some(SUMMARY_MAX_CHARS),
        ..required(
            "summary",
            FieldType::String,
            "One sentence of at most 200 characters.",
        )
    },
    references(field(
        "carriers",
        ORGANISATIONS,
        "Organisations that carry the theme.",
    )),
    references(field(
        "proposed_by",
        ORGANISATIONS,
        "Organisations that proposed it.",
    )),
    field(
        "proposed_in",
        FieldType::Ref(DocKind::Session),
        "The session where it was raised.",
    ),
    field(
        "status",
        FieldType::Enum(ThemeStatus::WORDS),
        "Derived from the sessions when absent.",
    ),
    references(field("related", THEMES, "Related themes (not itself).")),
    distinct(
        Unique::TagPage,
        at_most(TAGS_MAX_ITEMS, field("tags", STRINGS, "Free keywords.")),
    ),
    at_most(
        ENTRIES_MAX_ITEMS,
        field(
            "links",
            FieldType::List(&FieldType::Object(LINK)),
            "Further reading.",
        ),
    ),
];

const SESSION: &[Field] = &[
    required("title", FieldType::String, "The session's title."),
    required(
        "date",
        FieldType::Date,
        "The day; equal to the date that starts the id.",
    ),
    field("start", FieldType::Time, "Start time."),
    field("end", FieldType::Time, "End time, after the start."),
    required("city", FieldType::String, "Where it takes place."),
    field("venue", FieldType::String, "The building or room."),
    references(required(
        "hosts",
        ORGANISATIONS,
        "The organisations that host it (at least one).",
    )),
    references(field("themes", THEMES, "The agenda.")),
    references(field(
        "participants",
        ORGANISATIONS,
        "Organisations that took part.",
    )),
    field("cancelled", FieldType::Bool, "Whether it was cancelled."),
    field("registration", FieldType::Url, "Where to sign up."),
];

const SPEAKER: &[Field] = &[
    required("name", FieldType::String, "The speaker's name."),
    field("role", FieldType::String, "Their role."),
    field(
        "organisation",
        FieldType::Ref(DocKind::Organisation),
        "Their organisation.",
    ),
];

const RETROSPECTIVE: &[Field] = &[
    required("title", FieldType::String, "The retrospective's title."),
    required(
        "session",
        FieldType::Ref(DocKind::Session),
        "The session it looks back on.",
    ),
    required("published", FieldType::Date, "When it was published."),
    at_most(
        ENTRIES_MAX_ITEMS,
        required("authors", STRINGS, "Names as printed (at least one)."),
    ),
    at_most(
        ENTRIES_MAX_ITEMS,
        field(
            "speakers",
            FieldType::List(&FieldType::Object(SPEAKER)),
            "Who spoke.",
        ),
    ),
    references(field(
        "themes_discussed",
        THEMES,
        "Themes treated in the session.",
    )),
    references(field(
        "themes_proposed",
        THEMES,
        "Themes raised for coming sessions.",
    )),
    field(
        "next_session",
        FieldType::Ref(DocKind::Session),
        "The session that follows.",
    ),
    distinct(
        Unique::TagPage,
        at_most(TAGS_MAX_ITEMS, field("tags", STRINGS, "Free keywords.")),
    ),
];

/// Whether `id` has the shape of a session id: `YYYY-MM-DD-<slug>` (digits where the date
/// goes; whether they make a real date, equal to the session's, the rules check).
pub fn is_session_id(id: &str) -> bool {
    let digits = |range: std::ops::Range<usize>| {
        id.get(range)
            .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
    };
    let hyphen = |at: usize| id.as_bytes().get(at) == Some(&b'-');
    is_slug(id)
        && id.len() > 11
        && digits(0..4)
        && hyphen(4)
        && digits(5..7)
        && hyphen(7)
        && digits(8..10)
        && hyphen(10)
}

/// Whether `value` has the shape of an id of a `kind` document: a slug, and for a session
/// `YYYY-MM-DD-<slug>`.
pub fn is_id_of(kind: DocKind, value: &str) -> bool {
    match kind {
        DocKind::Session => is_session_id(value),
        _ => is_slug(value),
    }
}

/// The name of a tag's page, `tags/<slug>.html`: its [slug](crate::text::slugify), or `tag`
/// when nothing is left of it. Tags with the same slug are one tag.
pub fn tag_slug(tag: &str) -> String {
    let slug = crate::text::slugify(tag);
    if slug.is_empty() { "tag".into() } else { slug }
}

/// Whether `c` may not be in a front-matter value: a [control
/// character](crate::text::is_unsafe_control) (`control-character`), or a carriage return,
/// which YAML only puts in a value when it is written as the escape `\r`.
pub fn is_forbidden_in_value(c: char) -> bool {
    crate::text::is_unsafe_control(c) || c == '\r'
}

/// Whether `id` is a slug: `^[a-z0-9]+(-[a-z0-9]+)*$`.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("open-wob"));
        assert!(is_slug("2017-09-18-kick-off"));
        assert!(!is_slug("Open-Wob"));
        assert!(!is_slug("open--wob"));
        assert!(!is_slug("-open"));
        assert!(!is_slug("open_wob"));
        assert!(!is_slug(""));
        assert!(!is_slug("café"));
    }

    #[test]
    fn session_ids() {
        assert!(is_session_id("2017-09-18-kick-off"));
        assert!(!is_session_id("2017-09-18-"));
        assert!(!is_session_id("2017-09-18"));
        assert!(
            is_session_id("2017-13-18-x"),
            "the date is the rules' to check"
        );
        assert!(!is_session_id("2017-1-189-x"));
        assert!(!is_session_id("abcd-09-18-x"));
        assert!(!is_session_id("kick-off"));
        assert!(!is_session_id("2017-09-18-../x"));
        assert!(!is_session_id("2017a09-18-x"));
        assert!(!is_session_id("2017-09a18-x"));
    }

    #[test]
    fn every_list_declares_its_longest() {
        fn check(fields: &[Field]) {
            for f in fields {
                match f.ty {
                    FieldType::List(item) => {
                        assert!(f.max_items.is_some(), "{} has no max_items", f.name);
                        if let FieldType::Object(parts) = item {
                            check(parts);
                        }
                    }
                    _ => assert!(f.max_items.is_none(), "{} is not a list", f.name),
                }
            }
        }
        for kind in DocKind::ALL {
            check(kind.fields());
        }
    }

    #[test]
    fn tags_with_one_page() {
        assert_eq!(tag_slug("Open Data"), tag_slug("open-data"));
        assert_eq!(tag_slug("Één"), "een");
        assert_eq!(tag_slug("!!!"), "tag");
    }

    #[test]
    fn references_and_tags_are_unique_and_other_lists_not() {
        for kind in DocKind::ALL {
            for f in kind.fields() {
                let expected = match f.ty {
                    FieldType::List(FieldType::Ref(_)) => Unique::Exact,
                    FieldType::List(_) if f.name == "tags" => Unique::TagPage,
                    _ => Unique::No,
                };
                assert_eq!(f.unique, expected, "{kind} {}", f.name);
            }
        }
    }

    #[test]
    fn folders_round_trip() {
        for kind in DocKind::ALL {
            assert_eq!(DocKind::from_folder(kind.folder()), Some(kind));
        }
        assert_eq!(DocKind::from_folder("assets"), None);
    }

    #[test]
    fn field_names_are_unique_per_type() {
        for kind in DocKind::ALL {
            let mut names: Vec<_> = kind.fields().iter().map(|f| f.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), kind.fields().len());
        }
    }
}
