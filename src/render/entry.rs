//! What a list shows of one document ([`Entry`]) and a link to one ([`Link`]), as values the
//! templates read field by field. Each is a typed value, not a map per field: a page that
//! lists thousands of documents (an index, home, a tag) then costs about the text it shows,
//! and `serve` keeps little of it once the page is made.

use std::sync::Arc;

use minijinja::value::{Enumerator, Object, Value};
use time::Date;

use super::i18n::{Lang, long_date};
use crate::kb::DocKind;
use crate::kb::date::format_date;

/// A word of a closed set and its text in the site's language: a theme's status or a
/// session's state, `{word, text}` in templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word {
    /// The word as written in the front matter (`scheduled`, `planned`…).
    pub word: &'static str,
    /// Its text on the site.
    pub text: &'static str,
}

/// One document in a list: `{title, href, kind, status, date, summary_html, carriers, meta,
/// note}` in templates. `status` only when it has one; `date` (`{iso, text}`, or none when
/// unknown) for sessions and retrospectives only; `summary_html` and `carriers` (names) for
/// themes only; `meta` the short facts (time, place, authors, kind of organisation); `note`
/// what matters most about it (a theme's status, a session's day…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    /// What the list calls it.
    pub title: String,
    /// Its page, from the site's root.
    pub page: String,
    /// Whether the list is on a page at the site's root (home) rather than one folder deep.
    pub at_root: bool,
    /// Its type.
    pub kind: DocKind,
    /// A theme's status or a session's state.
    pub status: Option<Word>,
    /// A session's day or a retrospective's day of publication.
    pub date: Option<Date>,
    /// A theme's summary as inline HTML.
    pub summary_html: Option<String>,
    /// The names of a theme's carriers.
    pub carriers: Option<Vec<String>>,
    /// Short facts, in the order shown.
    pub meta: Vec<String>,
    /// What matters most about it.
    pub note: String,
    /// The language of the day's text.
    pub lang: Lang,
}

impl Entry {
    /// The link to its page from the page that lists it.
    pub fn href(&self) -> String {
        match self.at_root {
            true => self.page.clone(),
            false => format!("../{}", self.page),
        }
    }

    /// The day as templates show it: `{iso, text}`.
    fn day(&self, date: Date) -> Value {
        minijinja::context! { iso => format_date(date), text => long_date(self.lang, date) }
    }

    /// Whether its type has a day (shown as none when it is unknown).
    fn dated(&self) -> bool {
        matches!(self.kind, DocKind::Session | DocKind::Retrospective)
    }

    /// The names of the fields it has, sorted (as a map of them would list them).
    fn fields(&self) -> Vec<&'static str> {
        let mut fields = vec!["title", "href", "kind"];
        fields.extend(self.status.map(|_| "status"));
        fields.extend(self.dated().then_some("date"));
        fields.extend(self.summary_html.as_ref().map(|_| "summary_html"));
        fields.extend(self.carriers.as_ref().map(|_| "carriers"));
        fields.extend(["meta", "note"]);
        fields.sort_unstable();
        fields
    }
}

impl Object for Entry {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        Some(match key.as_str()? {
            "title" => Value::from(self.title.as_str()),
            "href" => Value::from(self.href()),
            "kind" => Value::from(self.kind.name()),
            "status" => {
                let status = self.status?;
                minijinja::context! { word => status.word, text => status.text }
            }
            "date" if self.dated() => self.date.map_or(Value::from(()), |d| self.day(d)),
            "summary_html" => Value::from(self.summary_html.as_deref()?),
            "carriers" => Value::from(self.carriers.clone()?),
            "meta" => Value::from(self.meta.clone()),
            "note" => Value::from(self.note.as_str()),
            _ => return None,
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Values(self.fields().into_iter().map(Value::from).collect())
    }
}

/// A link to a page in a list: `{title, href}`, with `id` when it is a document's and
/// `note` when the list says something of each (a tag's number of documents).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Link {
    /// What the link says.
    pub title: String,
    /// Where it goes, from the page that shows it.
    pub href: String,
    /// The id of the document it goes to, if it goes to one.
    pub id: Option<String>,
    /// What the list says of it.
    pub note: Option<String>,
}

impl Object for Link {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        Some(match key.as_str()? {
            "title" => Value::from(self.title.as_str()),
            "href" => Value::from(self.href.as_str()),
            "id" => Value::from(self.id.as_deref()?),
            "note" => Value::from(self.note.as_deref()?),
            _ => return None,
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        let mut fields = vec!["title", "href"];
        fields.extend(self.id.as_ref().map(|_| "id"));
        fields.extend(self.note.as_ref().map(|_| "note"));
        fields.sort_unstable();
        Enumerator::Values(fields.into_iter().map(Value::from).collect())
    }
}

/// `items` as a list for templates.
pub(super) fn list<T: Object + 'static>(items: impl IntoIterator<Item = T>) -> Value {
    Value::from(
        items
            .into_iter()
            .map(Value::from_object)
            .collect::<Vec<_>>(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme() -> Entry {
        Entry {
            title: "Open data".into(),
            page: "themes/open-data.html".into(),
            at_root: false,
            kind: DocKind::Theme,
            status: Some(Word {
                word: "scheduled",
                text: "Ingepland",
            }),
            date: None,
            summary_html: Some("<em>Open</em>".into()),
            carriers: Some(vec!["Gemeente Utrecht".into()]),
            meta: Vec::new(),
            note: "Ingepland".into(),
            lang: Lang::Nl,
        }
    }

    fn render(source: &str, entry: Entry) -> String {
        let env = minijinja::Environment::new();
        env.render_str(
            source,
            minijinja::context! { e => Value::from_object(entry) },
        )
        .expect("renders")
    }

    #[test]
    fn templates_read_each_field_as_a_map_of_it_would_give() {
        let shown = render(
            "{{ e.title }}|{{ e.href }}|{{ e.kind }}|{{ e.status.word }}={{ e.status.text }}|{{ e.summary_html|safe }}|{{ e.carriers|join(', ') }}|{{ e.meta|length }}|{{ e.date is defined }}|{{ e.note }}",
            theme(),
        );
        assert_eq!(
            shown,
            "Open data|../themes/open-data.html|theme|scheduled=Ingepland|<em>Open</em>|Gemeente Utrecht|0|False|Ingepland"
        );
        let home = Entry {
            at_root: true,
            ..theme()
        };
        assert_eq!(render("{{ e.href }}", home), "themes/open-data.html");
    }

    #[test]
    fn a_dated_kind_has_a_date_even_when_unknown_and_lists_only_the_fields_it_has() {
        let session = Entry {
            kind: DocKind::Session,
            status: None,
            summary_html: None,
            carriers: None,
            date: Date::from_calendar_date(2026, time::Month::March, 5).ok(),
            ..theme()
        };
        assert_eq!(
            render("{{ e.date.iso }} {{ e.date.text }}", session.clone()),
            "2026-03-05 5 maart 2026"
        );
        let unknown = Entry {
            date: None,
            ..session
        };
        assert_eq!(
            render("{{ e.date is none }} {{ e|list|join(',') }}", unknown),
            "True date,href,kind,meta,note,title"
        );
    }

    #[test]
    fn a_link_has_an_id_and_a_note_only_when_given() {
        let link = Link {
            title: "open".into(),
            href: "open.html".into(),
            id: None,
            note: Some("3".into()),
        };
        let env = minijinja::Environment::new();
        let shown = env
            .render_str(
                "{{ l.title }} {{ l.href }} {{ l.id is defined }} {{ l.note }} {{ l|list|join(',') }}",
                minijinja::context! { l => Value::from_object(link) },
            )
            .expect("renders");
        assert_eq!(shown, "open open.html False 3 href,note,title");
    }
}
