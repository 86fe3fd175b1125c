//! `unknown-reference`: a reference names an existing document of the right type. A value
//! that cannot be an id at all is `invalid-value` or `wrong-type`, not this.

use crate::diag::{Code, Diagnostic};
use crate::kb::schema::{FieldType, is_id_of};
use crate::msg::Msg;
use crate::suggest::did_you_mean;
use crate::validate::visit::values;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct UnknownReference;

impl Rule for UnknownReference {
    fn code(&self) -> Code {
        Code::UnknownReference
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        let index = &cx.kb.index;
        values(front, cx.doc.kind.fields(), &mut |field, ty, node| {
            let (FieldType::Ref(kind), Some(id)) = (ty, node.as_str()) else {
                return;
            };
            let may_be_an_id = is_id_of(kind, id) && !node.is_number() && node.as_bool().is_none();
            if !may_be_an_id || index.find(kind, id).is_some() {
                return;
            }
            let help =
                did_you_mean(id, index.ids(kind).iter().map(String::as_str)).unwrap_or_else(|| {
                    Msg::CreateOrUseExisting {
                        kind,
                        id: id.to_string(),
                    }
                });
            out.push(
                cx.diag(
                    Code::UnknownReference,
                    node.span.clone(),
                    Msg::UnknownReference {
                        name: field.name,
                        kind,
                        id: id.to_string(),
                    },
                )
                .with_help(help),
            );
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn typo_in_a_carrier_gets_a_suggestion() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\ncarriers: [utrecht, utrect]\n---\n",
        ));
        assert_eq!(
            check(&UnknownReference, &files),
            [
                "content/themes/open-wob.md:4:21: `carriers` refers to organisation `utrect`, which does not exist (did you mean `utrecht`?)"
            ]
        );
    }

    #[test]
    fn values_that_cannot_be_ids_are_left_to_other_rules() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\ncarriers: [Utrecht, 2017, true]\nproposed_in: open-wob\n---\n",
        ));
        assert_eq!(check(&UnknownReference, &files), Vec::<String>::new());
    }

    #[test]
    fn references_are_typed_and_nested() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-23-utrecht\npublished: 2017-11-30\nauthors: [A]\nspeakers:\n  - name: B\n    organisation: zwolle\n---\nTekst\n",
        ));
        let found = check(&UnknownReference, &files);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("`session` refers to session `2017-11-23-utrecht`"));
        assert!(found[1].contains(":8:19: `organisation` refers to organisation `zwolle`"));
        assert!(found[1].contains("create content/organisations/zwolle.md"));
    }
}
