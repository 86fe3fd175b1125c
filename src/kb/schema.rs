//! The document types and their fields (DESIGN.md §3): the one definition the validator,
//! and later the JSON Schema and `new`, are generated from.

use std::fmt;

use super::Relation;

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

    /// The fields of this type, as its struct declares them.
    pub fn fields(self) -> &'static [Field] {
        match self {
            DocKind::Organisation => super::Organisation::FIELDS,
            DocKind::Theme => super::Theme::FIELDS,
            DocKind::Session => super::Session::FIELDS,
            DocKind::Retrospective => super::Retrospective::FIELDS,
        }
    }

    /// The facts derived from other documents, after the fields in records and on pages.
    pub fn derived(self) -> &'static [Derived] {
        match self {
            DocKind::Organisation => ORGANISATION_DERIVED,
            DocKind::Theme => THEME_DERIVED,
            DocKind::Session => SESSION_DERIVED,
            DocKind::Retrospective => &[],
        }
    }

    /// The field that names a document of this type (its page title, its entry in lists).
    pub fn title_field(self) -> &'static str {
        match self {
            DocKind::Organisation => "name",
            _ => "title",
        }
    }

    /// The field `list` sorts by unless told otherwise.
    pub fn default_sort(self) -> &'static str {
        match self {
            DocKind::Organisation => "name",
            DocKind::Theme => "title",
            DocKind::Session => "date",
            DocKind::Retrospective => "published",
        }
    }

    /// The columns of `list`'s table, Markdown and CSV output.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            DocKind::Organisation => &["id", "name", "kind", "city"],
            DocKind::Theme => &["id", "title", "status", "carriers"],
            DocKind::Session => &["date", "id", "title", "city", "state"],
            DocKind::Retrospective => &["published", "id", "title", "session"],
        }
    }

    /// Whether the site lists the newest first (things that happen on a day).
    pub fn newest_first(self) -> bool {
        matches!(self, DocKind::Session | DocKind::Retrospective)
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

/// One field of a document type or of a nested mapping: declared once, beside the struct
/// that holds it (with `kb::model::declare!`), and read by the loader, the rules, the
/// JSON records, `new`, the JSON Schema, `--where` and the site.
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
    /// What the site calls it.
    pub label: Label,
    /// Where the site shows it.
    pub on_page: OnPage,
}

/// A name for people, in Dutch and in English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    /// Dutch.
    pub nl: &'static str,
    /// English.
    pub en: &'static str,
}

/// Where a document's page shows a field or derived fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnPage {
    /// In the page's list of facts, in declaration order, formatted by its type: what a new
    /// field gets without any template change.
    Fact,
    /// Where the page's template puts it itself (the title, the lead, the tags, further
    /// reading, a section of its own), or nowhere.
    Own,
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

/// An optional field holding `ty`, meaning `doc`, shown on the page as a fact. The
/// declaring macro names it; [`Field::label`] gives it its label.
pub const fn optional(ty: FieldType, doc: &'static str) -> Field {
    Field {
        name: "",
        ty,
        required: false,
        max_chars: None,
        max_items: None,
        unique: Unique::No,
        doc,
        label: Label { nl: "", en: "" },
        on_page: OnPage::Fact,
    }
}

/// A field that must be present and not empty.
pub const fn required(ty: FieldType, doc: &'static str) -> Field {
    Field {
        required: true,
        ..optional(ty, doc)
    }
}

/// Free keywords: at most [`TAGS_MAX_ITEMS`], one tag page each, shown as the page's tags.
pub const fn tags() -> Field {
    optional(STRINGS, "Free keywords.")
        .at_most(TAGS_MAX_ITEMS)
        .unique(Unique::TagPage)
        .label("Trefwoorden", "Tags")
        .own_place()
}

/// `field` as a list of at most [`REFERENCES_MAX_ITEMS`] ids, none repeated.
pub const fn references(field: Field) -> Field {
    field.at_most(REFERENCES_MAX_ITEMS).unique(Unique::Exact)
}

impl Field {
    /// The field with its front-matter key (the declaring macro gives the struct field's
    /// name).
    pub const fn named(self, name: &'static str) -> Field {
        Field { name, ..self }
    }

    /// The field with its Dutch and English label for the site.
    pub const fn label(self, nl: &'static str, en: &'static str) -> Field {
        Field {
            label: Label { nl, en },
            ..self
        }
    }

    /// A list of at most `max` items.
    pub const fn at_most(self, max: usize) -> Field {
        Field {
            max_items: Some(max),
            ..self
        }
    }

    /// Text of at most `max` characters.
    pub const fn max_chars(self, max: usize) -> Field {
        Field {
            max_chars: Some(max),
            ..self
        }
    }

    /// A list whose items differ as `unique` says.
    pub const fn unique(self, unique: Unique) -> Field {
        Field { unique, ..self }
    }

    /// Shown where the page's template puts it, not in the list of facts.
    pub const fn own_place(self) -> Field {
        Field {
            on_page: OnPage::Own,
            ..self
        }
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

/// A list of text values.
pub const STRINGS: FieldType = FieldType::List(&FieldType::String);
/// A list of organisation ids.
pub const ORGANISATIONS: FieldType = FieldType::List(&FieldType::Ref(DocKind::Organisation));
/// A list of theme ids.
pub const THEMES: FieldType = FieldType::List(&FieldType::Ref(DocKind::Theme));

/// A fact about a document that other documents (or *today*) decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Derived {
    /// Its key in records and templates.
    pub name: &'static str,
    /// What decides it.
    pub source: Source,
    /// What the site calls it.
    pub label: Label,
    /// Where the site shows it.
    pub on_page: OnPage,
}

/// What decides a derived fact ([`KnowledgeBase::derived`](super::KnowledgeBase::derived)
/// computes it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The documents that refer to this one.
    Referrers(Relation),
    /// A theme's effective status: declared, else what its sessions say.
    ThemeStatus,
    /// A session's state on *today*.
    SessionState,
    /// The year of a session's date.
    Year,
}

/// What a derived fact holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// The ids of documents of a type.
    Ids(DocKind),
    /// One word of a fixed set.
    Word,
    /// A whole number.
    Number,
}

impl Derived {
    /// What it holds.
    pub fn shape(&self) -> Shape {
        match self.source {
            Source::Referrers(relation) => Shape::Ids(relation.referrer_kind()),
            Source::ThemeStatus | Source::SessionState => Shape::Word,
            Source::Year => Shape::Number,
        }
    }
}

const fn derived(
    name: &'static str,
    source: Source,
    nl: &'static str,
    en: &'static str,
) -> Derived {
    Derived {
        name,
        source,
        label: Label { nl, en },
        on_page: OnPage::Fact,
    }
}

const fn own_place(derived: Derived) -> Derived {
    Derived {
        on_page: OnPage::Own,
        ..derived
    }
}

const ORGANISATION_DERIVED: &[Derived] = &[
    own_place(derived(
        "carries",
        Source::Referrers(Relation::Carries),
        "Draagt",
        "Carries",
    )),
    own_place(derived(
        "hosted",
        Source::Referrers(Relation::Hosted),
        "Was gastheer van",
        "Hosted",
    )),
    own_place(derived(
        "attended",
        Source::Referrers(Relation::Attended),
        "Deed mee aan",
        "Took part in",
    )),
];

const THEME_DERIVED: &[Derived] = &[
    derived("status", Source::ThemeStatus, "Status", "Status"),
    derived(
        "sessions",
        Source::Referrers(Relation::ThemeSessions),
        "Sessies",
        "Sessions",
    ),
    derived(
        "retrospectives",
        Source::Referrers(Relation::ThemeRetrospectives),
        "Terugblikken",
        "Retrospectives",
    ),
];

const SESSION_DERIVED: &[Derived] = &[
    own_place(derived("state", Source::SessionState, "Stand", "State")),
    own_place(derived("year", Source::Year, "Jaar", "Year")),
    derived(
        "retrospectives",
        Source::Referrers(Relation::SessionRetrospectives),
        "Terugblikken",
        "Retrospectives",
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

/// Whether `text` is `http://` or `https://` followed by a host, without whitespace or
/// control characters anywhere. The host (after any `user@`, before any `/`, `?` or `#`)
/// is ASCII letters, digits, `.`, `-`, `:` (not first) and `[` `]`, or letters beyond
/// ASCII (`https://café.nl`). The JSON Schema's URL pattern says the same.
pub fn is_web_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    let Some(rest) = rest else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    !host.is_empty()
        && !host.starts_with(':')
        && !text
            .chars()
            .any(|c| c.is_whitespace() || is_forbidden_in_value(c))
        && host.chars().all(is_host_char)
}

/// Whether `c` may be in the host of a URL (see [`is_web_url`]).
fn is_host_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']') || !c.is_ascii()
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
