//! `too-long`: a text value stays within its field's length (a summary is one sentence), and
//! a list within its field's number of items (a document cannot make `render` write a page
//! per tag for 600,000 tags).

use crate::diag::{Code, Diagnostic};
use crate::kb::schema::{Field, FieldType};
use crate::kb::yaml::Node;
use crate::msg::Msg;
use crate::validate::visit::values;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct TooLong;

impl Rule for TooLong {
    fn code(&self) -> Code {
        Code::TooLong
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        values(front, cx.doc.kind.fields(), &mut |field, ty, node| {
            if let Some(diagnostic) = too_many_items(cx, field, ty, node) {
                out.push(diagnostic);
            }
            let (Some(max), Some(value)) = (field.max_chars, node.as_str()) else {
                return;
            };
            let len = value.chars().count();
            if len > max {
                out.push(
                    cx.diag(
                        Code::TooLong,
                        node.span.clone(),
                        Msg::TooManyCharacters {
                            name: field.name,
                            len,
                            max,
                        },
                    )
                    .with_help(Msg::OneSentence),
                );
            }
        });
    }
}

/// The diagnostic for a list of `field` with more items than it may have, at the list.
fn too_many_items(
    cx: &Context<'_>,
    field: &Field,
    ty: FieldType,
    node: &Node,
) -> Option<Diagnostic> {
    let (FieldType::List(_), Some(max), Some(items)) = (ty, field.max_items, node.as_sequence())
    else {
        return None;
    };
    let count = items.len();
    (count > max).then(|| {
        cx.diag(
            Code::TooLong,
            node.span.clone(),
            Msg::TooManyItems {
                name: field.name,
                count,
                max,
            },
        )
        .with_help(Msg::KeepWhatMatters)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn summary_over_200_characters() {
        let text = format!("---\ntitle: T\nsummary: {}\n---\n", "é".repeat(201));
        let files = with((
            "content/themes/open-wob.md",
            Box::leak(text.into_boxed_str()),
        ));
        assert_eq!(
            check(&TooLong, &files),
            [
                "content/themes/open-wob.md:3:10: `summary` has 201 characters; at most 200 are allowed (keep it to one sentence; the body has room for more)"
            ]
        );
    }

    #[test]
    fn lists_longer_than_their_field_allows() {
        let tags = vec!["x"; crate::kb::schema::TAGS_MAX_ITEMS + 1].join(", ");
        let text = format!("---\ntitle: T\nsummary: S\ntags: [{tags}]\n---\n");
        let files = with((
            "content/themes/open-wob.md",
            Box::leak(text.into_boxed_str()),
        ));
        assert_eq!(
            check(&TooLong, &files),
            [
                "content/themes/open-wob.md:4:7: `tags` has 51 items; at most 50 are allowed (keep the ones that matter; a long list belongs in the body)"
            ]
        );
    }

    #[test]
    fn lists_at_their_longest_are_fine() {
        let tags = vec!["x"; crate::kb::schema::TAGS_MAX_ITEMS].join(", ");
        let text = format!("---\ntitle: T\nsummary: S\ntags: [{tags}]\n---\n");
        let files = with((
            "content/themes/open-wob.md",
            Box::leak(text.into_boxed_str()),
        ));
        assert!(check(&TooLong, &files).is_empty());
    }

    #[test]
    fn exactly_200_is_fine() {
        let text = format!("---\ntitle: T\nsummary: {}\n---\n", "a".repeat(200));
        let files = with((
            "content/themes/open-wob.md",
            Box::leak(text.into_boxed_str()),
        ));
        assert!(check(&TooLong, &files).is_empty());
    }
}
