//! `unknown-field`: every key belongs to the document type, with "did you mean" for typos.

use crate::diag::{Code, Diagnostic};
use crate::msg::Msg;
use crate::suggest::did_you_mean;
use crate::validate::visit::mappings;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct UnknownField;

impl Rule for UnknownField {
    fn code(&self) -> Code {
        Code::UnknownField
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        let kind = cx.doc.kind;
        mappings(front, kind.fields(), &mut |fields, map, parent| {
            for (key, _) in map.as_mapping().unwrap_or_default() {
                let Some(name) = key.as_str() else {
                    out.push(cx.diag(Code::UnknownField, key.span.clone(), Msg::KeyNotOneWord));
                    continue;
                };
                if fields.iter().any(|f| f.name == name) {
                    continue;
                }
                let names = fields.iter().map(|f| f.name);
                let help = did_you_mean(name, names.clone())
                    .unwrap_or_else(|| Msg::TheFieldsAre(names.collect()));
                out.push(
                    cx.diag(
                        Code::UnknownField,
                        key.span.clone(),
                        Msg::UnknownField {
                            kind,
                            name: name.to_string(),
                            parent: parent.map(str::to_string),
                        },
                    )
                    .with_help(help),
                );
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn typo_gets_a_suggestion() {
        let files = with((
            "content/organisations/utrecht.md",
            "---\nname: Utrecht\nkind: municipality\nwebsiet: https://utrecht.nl\n---\n",
        ));
        assert_eq!(
            check(&UnknownField, &files),
            [
                "content/organisations/utrecht.md:4:1: unknown organisation field `websiet` (did you mean `website`?)"
            ]
        );
    }

    #[test]
    fn unlike_names_list_the_fields() {
        let files = with((
            "content/organisations/utrecht.md",
            "---\nname: U\nkind: other\nzzz: 1\n---\n",
        ));
        let found = check(&UnknownField, &files);
        assert!(
            found[0].contains("the fields are: name, kind, city, website, tags"),
            "{found:?}"
        );
    }

    #[test]
    fn nested_keys_are_checked() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [A]\nspeakers:\n  - name: B\n    rol: wethouder\n---\nTekst\n",
        ));
        let found = check(&UnknownField, &files);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].contains(":8:5: unknown field `rol` in `speakers`"),
            "{found:?}"
        );
        assert!(found[0].contains("did you mean `role`?"));
    }
}
