//! `invalid-value`: a field with a fixed set of words holds one of them.

use crate::diag::{Code, Diagnostic};
use crate::kb::schema::FieldType;
use crate::validate::suggest::did_you_mean;
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
            let (FieldType::Enum(words), Some(value)) = (ty, node.as_str()) else {
                return;
            };
            if words.contains(&value) {
                return;
            }
            let help = did_you_mean(value, words.iter().copied())
                .unwrap_or_else(|| format!("choose one of: {}", words.join(", ")));
            out.push(
                cx.diag(
                    Code::InvalidValue,
                    node.span.clone(),
                    format!("`{value}` is not a valid {}", field.name),
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
}
