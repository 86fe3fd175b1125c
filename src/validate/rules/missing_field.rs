//! `missing-field`: every required field is present and not empty, and no list has an empty
//! item (`tags: [a, ~]`, a `-` with nothing after it): the item would otherwise be dropped
//! without a word.
//!
//! A required field that an unknown key means (`titel:` for `title:`) is not reported here:
//! `unknown-field` reports that key with the fix, so one slip gives one error.

use crate::diag::{Code, Diagnostic};
use crate::kb::schema::{DocKind, Field, FieldType};
use crate::kb::yaml::Node;
use crate::msg::Msg;
use crate::validate::slips::{example_value, meant_by_unknown_key};
use crate::validate::visit::{is_empty_item, mappings};
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct MissingField;

impl Rule for MissingField {
    fn code(&self) -> Code {
        Code::MissingField
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        mappings(front, cx.doc.kind.fields(), &mut |fields, map, parent| {
            let is_root = parent.is_none();
            for field in fields.iter().filter(|f| f.required) {
                match map.entry(field.name) {
                    None if meant_by_unknown_key(map, fields, field.name) => {}
                    None => {
                        let span = if is_root {
                            cx.doc.opening.clone()
                        } else {
                            map.span.clone()
                        };
                        out.push(
                            cx.diag(
                                Code::MissingField,
                                span,
                                Msg::MissingField {
                                    name: field.name,
                                    parent: parent.map(str::to_string),
                                },
                            )
                            .with_help(add_field(
                                cx.doc.kind,
                                field,
                                parent,
                            )),
                        );
                    }
                    Some((key, value)) if is_empty(value) => out.push(
                        cx.diag(
                            Code::MissingField,
                            key.span.clone(),
                            Msg::EmptyField(field.name),
                        )
                        .with_help(Msg::GiveItA(field.ty)),
                    ),
                    Some(_) => {}
                }
            }
            for field in fields {
                let (FieldType::List(_), Some(items)) =
                    (field.ty, map.get(field.name).and_then(Node::as_sequence))
                else {
                    continue;
                };
                for item in items.iter().filter(|item| is_empty_item(item)) {
                    out.push(
                        cx.diag(
                            Code::MissingField,
                            item.span.clone(),
                            Msg::EmptyItem(field.name),
                        )
                        .with_help(Msg::RemoveOrWrite),
                    );
                }
            }
        });
    }
}

/// The help for a missing `field`: a line to add, with a typical value.
fn add_field(kind: DocKind, field: &Field, parent: Option<&str>) -> Msg {
    match example_value(kind, field, parent) {
        Some(example) => Msg::AddFieldLine {
            name: field.name,
            example,
            ty: field.ty,
        },
        None => Msg::AddField {
            name: field.name,
            ty: field.ty,
        },
    }
}

fn is_empty(value: &Node) -> bool {
    value.is_null()
        || value.as_str().is_some_and(|s| s.trim().is_empty())
        || value.as_sequence().is_some_and(<[Node]>::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn absent_required_field_points_at_the_opening_line() {
        let files = with((
            "content/organisations/utrecht.md",
            "---\nname: Utrecht\n---\n",
        ));
        assert_eq!(
            check(&MissingField, &files),
            [
                "content/organisations/utrecht.md:1:1: missing required field `kind` (add: kind: municipality (choose one of: municipality, province, water-board, national-government, agency, company, nonprofit, knowledge-institute, network, other))"
            ]
        );
    }

    #[test]
    fn the_help_shows_a_line_to_add() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\nspeakers:\n  - role: wethouder\n---\nTekst\n",
        ));
        let found = crate::validate::slips::testing::diagnostics(&MissingField, &files);
        let helps: Vec<(String, String)> = found
            .iter()
            .filter_map(|d| d.help.as_ref())
            .map(|h| (h.text(Lang::En), h.text(Lang::Nl)))
            .collect();
        let pair = |en: &str, nl: &str| (en.to_string(), nl.to_string());
        assert_eq!(
            helps,
            [
                pair(
                    "add: title: \"Terugblik: Sessie Zwolle\" (text)",
                    "voeg toe: title: \"Terugblik: Sessie Zwolle\" (tekst)"
                ),
                pair(
                    "add: session: 2024-09-18-zwolle (the id of a session)",
                    "voeg toe: session: 2024-09-18-zwolle (het id van een sessie)"
                ),
                pair(
                    "add: published: 2024-09-30 (a date (YYYY-MM-DD))",
                    "voeg toe: published: 2024-09-30 (een datum (JJJJ-MM-DD))"
                ),
                pair(
                    "add: authors: [Ana de Vries] (a list of text values)",
                    "voeg toe: authors: [Ana de Vries] (een lijst van teksten)"
                ),
                pair(
                    "add: name: Marlies van den Hende (text)",
                    "voeg toe: name: Marlies van den Hende (tekst)"
                ),
            ]
        );
    }

    #[test]
    fn a_key_that_means_a_missing_field_is_one_error_not_two() {
        for key in ["titel", "Title", "tilte"] {
            let text = format!(
                "---\n{key}: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [A]\n---\nTekst.\n"
            );
            let files = with((
                "content/retrospectives/2017-11-22-utrecht.md",
                Box::leak(text.into_boxed_str()),
            ));
            assert_eq!(check(&MissingField, &files), Vec::<String>::new(), "{key}");
            let unknown = check(&crate::validate::rules::unknown_field::UnknownField, &files);
            assert_eq!(unknown.len(), 1, "{key}: {unknown:?}");
        }
        // In a list entry too: `naam` in a speaker means its missing `name`.
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [A]\nspeakers:\n  - naam: B\n---\nTekst.\n",
        ));
        assert_eq!(check(&MissingField, &files), Vec::<String>::new());
        // An unknown key that means nothing missing leaves the missing field reported.
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\nkop: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [A]\n---\nTekst.\n",
        ));
        assert_eq!(check(&MissingField, &files).len(), 1);
    }

    #[test]
    fn empty_values_point_at_their_key() {
        let files = with((
            "content/sessions/2017-11-22-utrecht.md",
            "---\ntitle: ''\ndate: 2017-11-22\ncity: Utrecht\nhosts: []\n---\n",
        ));
        let found = check(&MissingField, &files);
        assert_eq!(found.len(), 2);
        assert!(
            found[0].starts_with("content/sessions/2017-11-22-utrecht.md:2:1: `title` is empty")
        );
        assert!(found[1].contains(":5:1: `hosts` is empty"));
    }

    #[test]
    fn empty_list_items_are_reported_at_the_item() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [A, null]\ntags: [a, ~, '', ' ']\nthemes_discussed:\n  - open-wob\n  -\nspeakers: [~]\n---\nTekst\n",
        ));
        let found = check(&MissingField, &files);
        assert_eq!(
            found,
            [
                "content/retrospectives/2017-11-22-utrecht.md:5:14: `authors` has an empty item (remove it or write a value)",
                "content/retrospectives/2017-11-22-utrecht.md:10:12: `speakers` has an empty item (remove it or write a value)",
                "content/retrospectives/2017-11-22-utrecht.md:9:4: `themes_discussed` has an empty item (remove it or write a value)",
                "content/retrospectives/2017-11-22-utrecht.md:6:11: `tags` has an empty item (remove it or write a value)",
                "content/retrospectives/2017-11-22-utrecht.md:6:14: `tags` has an empty item (remove it or write a value)",
                "content/retrospectives/2017-11-22-utrecht.md:6:18: `tags` has an empty item (remove it or write a value)",
            ]
        );
    }

    #[test]
    fn nested_entries_need_their_required_fields() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\nlinks:\n  - title: Site\n---\n",
        ));
        let found = check(&MissingField, &files);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].contains(":5:5: missing required field `url` in this `links` entry"),
            "{found:?}"
        );
    }
}
