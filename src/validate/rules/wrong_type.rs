//! `wrong-type`: each value has its field's shape: a single value, a list, a mapping,
//! true/false. A single value is not accepted as a list. Text may be a number as written
//! (`title: 2017`), but not `true` or `false`; an id is never a number or true/false (an
//! editor reading the YAML sees a number, not the id `2017`).
//!
//! A single value where a list belongs gets a certain fix that writes it as a list; a value
//! with commas (`authors: Ana de Vries, Piet Jansen`) becomes a list of its parts.

use crate::diag::{Code, Diagnostic, Fix};
use crate::kb::schema::{Field, FieldType};
use crate::kb::yaml::{Node, Value};
use crate::msg::Msg;
use crate::validate::slips::{comma_items, flow_items};
use crate::validate::visit::values;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct WrongType;

impl Rule for WrongType {
    fn code(&self) -> Code {
        Code::WrongType
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        if front.as_mapping().is_none() {
            out.push(
                cx.diag(
                    Code::WrongType,
                    front.span.clone(),
                    Msg::HeadNotFields(front.shape()),
                )
                .with_help(Msg::OneKeyPerLine),
            );
            return;
        }
        values(front, cx.doc.kind.fields(), &mut |field, ty, node| {
            if fits(ty, node) {
                return;
            }
            let diag = cx.diag(
                Code::WrongType,
                node.span.clone(),
                Msg::WrongType {
                    name: field.name,
                    ty,
                    found: node.shape(),
                },
            );
            if let (FieldType::List(item), Some(value)) = (ty, node.as_str())
                && let Some((help, fix)) = as_list(field, *item, node, value)
            {
                out.push(diag.with_help(help).with_fix(fix));
                return;
            }
            let help = match (ty, node.as_str()) {
                (FieldType::List(_), Some(value)) => Some(Msg::WriteAList {
                    name: field.name,
                    value: value.to_string(),
                }),
                (FieldType::Bool, _) => Some(Msg::WriteTrueOrFalse),
                (_, Some(value)) if ty.is_scalar() => Some(Msg::QuoteTheText(value.to_string())),
                _ => None,
            };
            out.push(diag.with_optional_help(help));
        });
    }
}

/// The help and the certain fix for a single `value` (at `node`) of the list `field`: the
/// list of its parts between commas, each quoted where YAML needs it. `None` for a value
/// over several lines, whose list is not clear.
fn as_list(field: &Field, item: FieldType, node: &Node, value: &str) -> Option<(Msg, Fix)> {
    let items = comma_items(value)?;
    let inside = flow_items(&items, matches!(item, FieldType::Ref(_)));
    let fix = Fix {
        span: node.span.clone(),
        replacement: format!("[{inside}]"),
        certain: true,
    };
    let help = Msg::WriteAList {
        name: field.name,
        value: inside,
    };
    Some((help, fix))
}

/// Whether `node` has the shape `ty` needs.
fn fits(ty: FieldType, node: &Node) -> bool {
    match (ty, &node.value) {
        (FieldType::List(_), Value::Sequence(_)) => true,
        (FieldType::Object(_), Value::Mapping(_)) => true,
        (FieldType::Bool, _) => node.as_bool().is_some(),
        (FieldType::String | FieldType::Text, Value::Scalar { .. }) => node.as_bool().is_none(),
        (FieldType::Ref(_), Value::Scalar { .. }) => node.as_bool().is_none() && !node.is_number(),
        (ty, Value::Scalar { .. }) => ty.is_scalar(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::validate::rules::testing::{check, with};
    use crate::validate::slips::testing::diagnostics;

    #[test]
    fn single_value_is_not_a_list() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\ncarriers: utrecht\n---\n",
        ));
        assert_eq!(
            check(&WrongType, &files),
            [
                "content/themes/open-wob.md:4:11: `carriers` must be a list of organisation ids, found a single value (write a list: `carriers: [utrecht]`)"
            ]
        );
    }

    #[test]
    fn a_single_value_is_written_as_a_list_by_the_fix() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\ncarriers: utrecht\n---\n",
        ));
        let found = diagnostics(&WrongType, &files);
        assert_eq!(
            found[0].fixes,
            [Fix {
                span: 34..41,
                replacement: "[utrecht]".into(),
                certain: true
            }]
        );
    }

    #[test]
    fn a_comma_separated_value_is_a_list() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: Ana de Vries, Piet Jansen\n---\nTekst.\n",
        ));
        assert_eq!(
            check(&WrongType, &files),
            [
                "content/retrospectives/2017-11-22-utrecht.md:5:10: `authors` must be a list of text values, found a single value (write a list: `authors: [Ana de Vries, Piet Jansen]`)"
            ]
        );
        let found = diagnostics(&WrongType, &files);
        assert_eq!(
            found[0].help.as_ref().map(|h| h.text(Lang::Nl)).as_deref(),
            Some("schrijf een lijst: `authors: [Ana de Vries, Piet Jansen]`")
        );
        let fix = &found[0].fixes[0];
        assert_eq!(fix.replacement, "[Ana de Vries, Piet Jansen]");
        assert!(fix.certain);
        let start =
            "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: ".len();
        assert_eq!(fix.span, start..start + "Ana de Vries, Piet Jansen".len());

        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\ncarriers: 'utrecht, 2017,'\n---\n",
        ));
        let found = diagnostics(&WrongType, &files);
        assert_eq!(found[0].fixes[0].replacement, "[utrecht, '2017']");
        assert_eq!(found[0].fixes[0].span, 34..50);
    }

    #[test]
    fn list_where_text_is_expected() {
        let files = with((
            "content/organisations/utrecht.md",
            "---\nname: [a, b]\nkind: other\n---\n",
        ));
        let found = check(&WrongType, &files);
        assert!(
            found[0].contains(":2:7: `name` must be text, found a list"),
            "{found:?}"
        );
    }

    #[test]
    fn bool_and_nested_shapes() {
        let files = with((
            "content/sessions/2017-11-22-utrecht.md",
            "---\ntitle: U\ndate: 2017-11-22\ncity: U\nhosts: [utrecht]\ncancelled: ja\n---\n",
        ));
        assert!(check(&WrongType, &files)[0].contains("`cancelled` must be true or false"));
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\nlinks: [https://x.nl]\n---\n",
        ));
        assert!(
            check(&WrongType, &files)[0]
                .contains("`links` must be a mapping of fields, found a single value")
        );
    }

    #[test]
    fn numbers_are_text_but_true_and_false_are_not() {
        let files = with((
            "content/organisations/utrecht.md",
            "---\nname: 2017\nkind: other\ncity: true\ntags: [1.5, False]\n---\n",
        ));
        assert_eq!(
            check(&WrongType, &files),
            [
                "content/organisations/utrecht.md:4:7: `city` must be text, found true/false (if you mean the text, put it in quotes: `'true'`)",
                "content/organisations/utrecht.md:5:13: `tags` must be text, found true/false (if you mean the text, put it in quotes: `'False'`)",
            ]
        );
    }

    #[test]
    fn an_id_is_not_a_number() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\ncarriers: [utrecht, 2017, '2018']\nproposed_in: true\n---\n",
        ));
        assert_eq!(
            check(&WrongType, &files),
            [
                "content/themes/open-wob.md:4:21: `carriers` must be the id of an organisation, found a number (if you mean the text, put it in quotes: `'2017'`)",
                "content/themes/open-wob.md:5:14: `proposed_in` must be the id of a session, found true/false (if you mean the text, put it in quotes: `'true'`)",
            ]
        );
    }

    #[test]
    fn front_matter_that_is_not_fields() {
        let files = with(("content/organisations/utrecht.md", "---\n- a\n- b\n---\n"));
        assert!(check(&WrongType, &files)[0].contains(":2:1: front matter must be fields"));
    }
}
