//! `too-long`: a text value stays within its field's length (a summary is one sentence).

use crate::diag::{Code, Diagnostic};
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
        values(front, cx.doc.kind.fields(), &mut |field, _, node| {
            let (Some(max), Some(value)) = (field.max_chars, node.as_str()) else {
                return;
            };
            let len = value.chars().count();
            if len > max {
                out.push(
                    cx.diag(
                        Code::TooLong,
                        node.span.clone(),
                        format!(
                            "`{}` has {len} characters; at most {max} are allowed",
                            field.name
                        ),
                    )
                    .with_help("keep it to one sentence; the body has room for more"),
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
    fn exactly_200_is_fine() {
        let text = format!("---\ntitle: T\nsummary: {}\n---\n", "a".repeat(200));
        let files = with((
            "content/themes/open-wob.md",
            Box::leak(text.into_boxed_str()),
        ));
        assert!(check(&TooLong, &files).is_empty());
    }
}
