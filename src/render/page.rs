//! The page of each document. Every field and derived fact its type declares is in the
//! template's `doc` under its own name, formatted by its type; those declared as facts are
//! also in `doc.facts`, the list each page shows, so a new field is on the page without a
//! template change.

use anyhow::Result;
use serde_json::{Map, Value, json};

use super::i18n::{Lang, long_date};
use super::markdown::{inline, to_html_in};
use super::output::OutFile;
use super::site::{Site, page_path, text_file, title_of};
use crate::kb::date::{format_date, format_time};
use crate::kb::schema::is_web_url;
use crate::kb::schema::{FieldType, Label, OnPage, Shape, Unique, tag_slug};
use crate::kb::{Data, DocKind, Document, FieldValue};
use crate::validate::links::{Target, resolve};

/// What a page shows of one field or derived fact: its key, what it holds, its label and
/// its place.
struct Item<'a> {
    key: &'static str,
    ty: FieldType,
    label: Label,
    on_page: OnPage,
    unique: Unique,
    value: FieldValue<'a>,
}

impl Site<'_> {
    /// The page of `doc`, from the template named after its type.
    pub fn document_page(&self, doc: &Document) -> Result<OutFile> {
        let body = self.kb.text(doc).get(doc.body_range.clone()).unwrap_or("");
        let body_html = to_html_in(body, &|dest| self.rewrite(doc, dest), self.options.lang);
        let mut extra = json!({
            "doc": self.doc_context(doc),
            "labels": labels(doc.kind, self.options.lang),
            "body": body_html,
            "updated": self.updated(doc),
        });
        if matches!(
            doc.kind,
            DocKind::Session | DocKind::Theme | DocKind::Organisation
        ) {
            // The calendar beside the page (see `ics.rs`), by its name in the same folder.
            extra["calendar"] = json!(format!("{}.ics", doc.id));
        }
        let base = self.options.base_url.as_deref();
        let jsonld = match &doc.data {
            Data::Session(session) => Some(super::jsonld::event(self.kb, doc, session, base)),
            Data::Organisation(o) => Some(super::jsonld::organisation(doc, o, base)),
            Data::Retrospective(r) => Some(super::jsonld::retrospective(
                self.kb,
                doc,
                r,
                base,
                self.options.lang.code(),
            )),
            Data::Theme(_) => None,
        };
        if let Some(jsonld) = jsonld {
            extra["jsonld"] = json!(jsonld);
        }
        let html = self.render(
            &format!("{}.html", doc.kind.name()),
            "../",
            doc.kind.folder(),
            &title_of(doc),
            minijinja::Value::from(minijinja::value::Serde(&extra)),
        )?;
        Ok(text_file(&page_path(doc.kind, &doc.id), html))
    }

    /// `doc` for the template: every field and derived fact by name, `facts` (the ones the
    /// page lists, in declaration order, empty ones left out), and what the templates
    /// combine from several fields.
    fn doc_context(&self, doc: &Document) -> Value {
        let mut context = Map::new();
        // One slot per fact, in declaration order; a derived fact of the same name as a
        // field (a theme's effective status) fills the field's slot.
        let mut facts: Vec<(&str, Option<Value>)> = Vec::new();
        for item in items(self, doc) {
            let shown = self.shown(&item);
            if item.on_page == OnPage::Fact {
                let fact = self.fact(&item, &shown);
                match facts.iter_mut().find(|(key, _)| *key == item.key) {
                    Some(slot) => slot.1 = fact,
                    None => facts.push((item.key, fact)),
                }
            }
            context.insert(item.key.into(), shown);
        }
        let mut facts: Vec<Value> = facts.into_iter().filter_map(|(_, fact)| fact).collect();
        for (key, value) in self.combined(doc) {
            context.insert(key.into(), value);
        }
        if let Some(time) = context.get("time_text").and_then(Value::as_str)
            && !time.is_empty()
        {
            // A session's start and end are one fact, after its day.
            let at = facts
                .iter()
                .position(|f| f["key"] == "date")
                .map_or(0, |i| i + 1);
            let label = self.word("time").unwrap_or("");
            facts.insert(at, json!({ "key": "time", "label": label, "text": time }));
        }
        context.insert("facts".into(), Value::Array(facts));
        Value::Object(context)
    }

    /// What the templates show that several fields make: a theme's summary as inline
    /// Markdown, a session's time span.
    fn combined(&self, doc: &Document) -> Vec<(&'static str, Value)> {
        match &doc.data {
            Data::Theme(t) => vec![("summary_html", json!(inline(&t.summary)))],
            Data::Session(s) => {
                let time_text = match (s.start, s.end) {
                    (Some(start), Some(end)) => {
                        format!("{}–{}", format_time(start), format_time(end))
                    }
                    (Some(start), None) => format_time(start),
                    _ => String::new(),
                };
                vec![("time_text", json!(time_text))]
            }
            _ => Vec::new(),
        }
    }

    /// A value as templates use it: ids as references `{id, title, href}`, tags as
    /// `{name, href}`, dates as `{iso, text}`, URLs only when they are web addresses, enum
    /// words as `{word, text}`.
    fn shown(&self, item: &Item<'_>) -> Value {
        let tags = item.unique == Unique::TagPage;
        self.shown_value(item.key, item.ty, tags, &item.value)
    }

    fn shown_value(&self, key: &str, ty: FieldType, tags: bool, value: &FieldValue<'_>) -> Value {
        let item_ty = match ty {
            FieldType::List(item) => *item,
            other => other,
        };
        let one = |text: &str| match item_ty {
            FieldType::Ref(kind) => self.reference(kind, text),
            FieldType::Url if !is_web_url(text) => Value::Null,
            FieldType::Enum(_) => json!({
                "word": text,
                "text": self.word(&format!("{key}_{text}")).unwrap_or(text),
            }),
            _ => json!(text),
        };
        match value {
            FieldValue::Text(text) => one(text),
            FieldValue::OptText(text) => text.map_or(Value::Null, one),
            FieldValue::List(items) if tags => json!(self.tags(items)),
            FieldValue::List(items) => Value::Array(items.iter().map(|i| one(i)).collect()),
            FieldValue::Date(date) => date.map_or(
                Value::Null,
                |d| json!({ "iso": format_date(d), "text": long_date(self.options.lang, d) }),
            ),
            FieldValue::Time(time) => json!(time.map(format_time)),
            FieldValue::Bool(yes) => json!(yes),
            FieldValue::Number(number) => json!(number),
            FieldValue::Objects(objects) => Value::Array(
                objects
                    .iter()
                    .map(|fields| {
                        let parts = fields.iter().map(|(field, value)| {
                            (
                                field.name.to_string(),
                                self.shown_value(field.name, field.ty, false, value),
                            )
                        });
                        Value::Object(parts.collect())
                    })
                    .collect(),
            ),
        }
    }

    /// The entry of `item` in the page's list of facts, or `None` when it has no value.
    /// `{key, label, and one of: refs, href + text, date + text, word + text, items, text}`.
    fn fact(&self, item: &Item<'_>, shown: &Value) -> Option<Value> {
        let mut fact = json!({ "key": item.key, "label": label(item.label, self.options.lang) });
        let body = match (item.ty, shown) {
            (_, Value::Null | Value::Bool(false)) => return None,
            (_, Value::Array(list)) if list.is_empty() => return None,
            (_, Value::String(text)) if text.is_empty() => return None,
            (FieldType::Ref(_) | FieldType::List(FieldType::Ref(_)), _) => {
                json!({ "refs": as_list(shown) })
            }
            (FieldType::List(FieldType::Object(_)), Value::Array(objects)) => {
                json!({ "items": objects.iter().map(object_parts).collect::<Vec<_>>() })
            }
            (FieldType::Url, Value::String(url)) => json!({ "href": url, "text": url }),
            (FieldType::Bool, _) => json!({ "text": self.word("yes").unwrap_or("✓") }),
            (_, Value::Object(_)) => shown.clone(),
            (_, Value::Array(list)) => {
                json!({ "text": list.iter().map(plain).collect::<Vec<_>>().join(", ") })
            }
            (_, other) => json!({ "text": plain(other) }),
        };
        if let (Some(fact), Value::Object(body)) = (fact.as_object_mut(), body) {
            fact.extend(body);
        }
        Some(fact)
    }

    /// When the document last changed in git, `{iso, text}`, if known.
    fn updated(&self, doc: &Document) -> Value {
        match self
            .dates
            .get(self.kb.path(doc))
            .and_then(|d| crate::kb::date::parse_date(d))
        {
            Some(date) => {
                json!({ "iso": format_date(date), "text": long_date(self.options.lang, date) })
            }
            None => Value::Null,
        }
    }

    /// Where a link in `doc`'s body should point on the site.
    pub fn rewrite(&self, doc: &Document, dest: &str) -> Option<String> {
        match resolve(self.kb, doc, dest) {
            Target::Path {
                document: Some(target),
                anchor,
                ..
            } => {
                let fragment = anchor.map(|a| format!("#{a}")).unwrap_or_default();
                Some(format!(
                    "../{}{fragment}",
                    page_path(target.kind, &target.id)
                ))
            }
            Target::Path {
                path: Some(path), ..
            } => path.strip_prefix("content/").map(|p| format!("../{p}")),
            _ => None,
        }
    }

    /// `{id, title, href}` of a document, from a page one folder deep; `href` is null when
    /// there is no such document.
    pub fn reference(&self, kind: DocKind, id: &str) -> Value {
        match self.kb.get(kind, id) {
            Some(doc) => {
                json!({ "id": id, "title": title_of(doc), "href": format!("../{}", page_path(kind, id)) })
            }
            None => json!({ "id": id, "title": id, "href": null }),
        }
    }

    /// Tags as `{name, href}` of their tag pages, from a page one folder deep.
    fn tags(&self, tags: &[&str]) -> Vec<Value> {
        tags.iter()
            .map(|t| json!({ "name": t, "href": format!("../tags/{}.html", tag_slug(t)) }))
            .collect()
    }
}

/// The fields of `doc` and then its derived facts.
fn items<'a>(site: &'a Site<'_>, doc: &'a Document) -> Vec<Item<'a>> {
    let fields = doc.data.values().into_iter().map(|(field, value)| Item {
        key: field.name,
        ty: field.ty,
        label: field.label,
        on_page: field.on_page,
        unique: field.unique,
        value,
    });
    let derived = site
        .kb
        .derived(doc)
        .into_iter()
        .map(|(derived, value)| Item {
            key: derived.name,
            ty: match derived.shape() {
                Shape::Ids(kind) => ids_of(kind),
                Shape::Word => FieldType::Enum(&[]),
                Shape::Number => FieldType::String,
            },
            label: derived.label,
            on_page: derived.on_page,
            unique: Unique::No,
            value,
        });
    fields.chain(derived).collect()
}

/// The type of a list of ids of `kind`.
fn ids_of(kind: DocKind) -> FieldType {
    match kind {
        DocKind::Organisation => FieldType::List(&FieldType::Ref(DocKind::Organisation)),
        DocKind::Theme => FieldType::List(&FieldType::Ref(DocKind::Theme)),
        DocKind::Session => FieldType::List(&FieldType::Ref(DocKind::Session)),
        DocKind::Retrospective => FieldType::List(&FieldType::Ref(DocKind::Retrospective)),
    }
}

/// The label of every field and derived fact of `kind` in `lang`, by name: `labels.links`.
fn labels(kind: DocKind, lang: Lang) -> Map<String, Value> {
    let fields = kind.fields().iter().map(|f| (f.name, f.label));
    let derived = kind.derived().iter().map(|d| (d.name, d.label));
    fields
        .chain(derived)
        .map(|(name, l)| (name.to_string(), json!(label(l, lang))))
        .collect()
}

/// `label` in `lang`.
pub(super) fn label(label: Label, lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => label.nl,
        Lang::En => label.en,
    }
}

/// A reference or a list of them as a list.
fn as_list(value: &Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items.clone(),
        one => vec![one.clone()],
    }
}

/// The parts of one mapping in a list (a speaker: name, role, organisation), each a
/// `{text}` or a `{ref}`, empty ones left out.
fn object_parts(object: &Value) -> Vec<Value> {
    object
        .as_object()
        .into_iter()
        .flat_map(|fields| fields.values())
        .filter_map(|value| match value {
            Value::Null => None,
            Value::String(text) if text.is_empty() => None,
            Value::Object(reference) if reference.contains_key("href") => {
                Some(json!({ "ref": reference }))
            }
            other => Some(json!({ "text": plain(other) })),
        })
        .collect()
}

/// A shown value as plain text.
fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Object(map) => map
            .get("text")
            .or_else(|| map.get("title"))
            .or_else(|| map.get("name"))
            .map(plain)
            .unwrap_or_default(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
