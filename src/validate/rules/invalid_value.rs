//! `invalid-value`: a field with a fixed set of words holds one of them, and a reference has
//! the shape of an id (a lowercase slug; for a session `YYYY-MM-DD-<slug>`). Whether a
//! document with that id exists is `unknown-reference`'s to say.

use crate::diag::{Code, Diagnostic};
use crate::kb::DocKind;
use crate::kb::schema::{FieldType, is_id_of};
use crate::kb::yaml::Node;
use crate::msg::Msg;
use crate::suggest::did_you_mean;
use crate::text::slugify;
use crate::validate::visit::values;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct InvalidValue;

impl Rule for InvalidValue {
    fn code(&self) -> Code {
        Code::InvalidValue
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        values(front, cx.doc.kind.fields(), &mut |field, ty, node| {
            let diagnostic = match (ty, node.as_str()) {
                (FieldType::Enum(words), Some(value)) => {
                    not_a_word(cx, field.name, words, node, value)
                }
                (FieldType::Ref(kind), Some(value)) => not_an_id(cx, field.name, kind, node, value),
                _ => None,
            };
            out.extend(diagnostic);
        });
    }
}

fn not_a_word(
    cx: &Context<'_>,
    name: &'static str,
    words: &[&'static str],
    node: &Node,
    value: &str,
) -> Option<Diagnostic> {
    if words.contains(&value) {
        return None;
    }
    let help = did_you_mean(value, words.iter().copied())
        .unwrap_or_else(|| Msg::ChooseOneOf(words.to_vec()));
    Some(
        cx.diag(
            Code::InvalidValue,
            node.span.clone(),
            Msg::NotAValidWord {
                value: value.to_string(),
                name,
            },
        )
        .with_help(help),
    )
}

/// A reference that cannot be an id; numbers and true/false are `wrong-type`'s.
fn not_an_id(
    cx: &Context<'_>,
    name: &'static str,
    kind: DocKind,
    node: &Node,
    value: &str,
) -> Option<Diagnostic> {
    if is_id_of(kind, value) || node.is_number() || node.as_bool().is_some() {
        return None;
    }
    let message = if value.trim().is_empty() {
        Msg::EmptyReference { name, kind }
    } else {
        Msg::NotAnIdOf {
            value: value.to_string(),
            name,
            kind,
        }
    };
    let slug = slugify(value);
    let ids = cx.kb.index.ids(kind).iter().map(String::as_str);
    let help = did_you_mean(&slug, ids).unwrap_or(match kind {
        DocKind::Session => Msg::SessionIdShape,
        _ => Msg::IdShape,
    });
    Some(
        cx.diag(Code::InvalidValue, node.span.clone(), message)
            .with_help(help),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn unknown_kind_with_suggestion() {
        let files = with((
            "content/organisations/utrecht.md",
            "---\nname: U\nkind: municipalty\n---\n",
        ));
        assert_eq!(
            check(&InvalidValue, &files),
            [
                "content/organisations/utrecht.md:3:7: `municipalty` is not a valid kind (did you mean `municipality`?)"
            ]
        );
    }

    #[test]
    fn unlike_words_list_the_choices() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\nstatus: klaar\n---\n",
        ));
        let found = check(&InvalidValue, &files);
        assert!(
            found[0].ends_with("(choose one of: proposed, scheduled, discussed, closed)"),
            "{found:?}"
        );
    }

    #[test]
    fn references_that_cannot_be_ids() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\ncarriers: [Utrecht, Gemeente Zwolle, 2017]\nproposed_in: ''\nrelated: [open-wob]\n---\n",
        ));
        assert_eq!(
            check(&InvalidValue, &files),
            [
                "content/themes/open-wob.md:4:12: `Utrecht` in `carriers` is not a valid organisation id (did you mean `utrecht`?)",
                "content/themes/open-wob.md:4:21: `Gemeente Zwolle` in `carriers` is not a valid organisation id (an id is the file name without `.md`: lowercase letters and digits, with `-` between words)",
                "content/themes/open-wob.md:5:14: `proposed_in` is empty: write the id of a session or leave the field out (a session id is its date and a name: `YYYY-MM-DD-name`, e.g. `2017-11-22-utrecht`)",
            ]
        );
    }

    #[test]
    fn a_theme_name_is_not_a_session_id() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: utrecht\npublished: 2017-11-30\nauthors: [A]\n---\nTekst\n",
        ));
        let found = check(&InvalidValue, &files);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains(":3:10: `utrecht` in `session` is not a valid session id"),
            "{found:?}"
        );
    }
}
