//! `invalid-time`: times are written `HH:MM` on a 24-hour clock.

use crate::diag::{Code, Diagnostic};
use crate::kb::date::parse_time;
use crate::kb::schema::FieldType;
use crate::msg::Msg;
use crate::validate::visit::values;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct InvalidTime;

impl Rule for InvalidTime {
    fn code(&self) -> Code {
        Code::InvalidTime
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        values(front, cx.doc.kind.fields(), &mut |field, ty, node| {
            let (FieldType::Time, Some(value)) = (ty, node.as_str()) else {
                return;
            };
            if parse_time(value).is_none() {
                out.push(
                    cx.diag(
                        Code::InvalidTime,
                        node.span.clone(),
                        Msg::InvalidTime {
                            name: field.name,
                            value: value.to_string(),
                        },
                    )
                    .with_help(Msg::WriteTime),
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
    fn loose_times_are_invalid() {
        let files = with((
            "content/sessions/2017-11-22-utrecht.md",
            "---\ntitle: U\ndate: 2017-11-22\nstart: 2 uur\nend: '25:00'\ncity: U\nhosts: [utrecht]\n---\n",
        ));
        let found = check(&InvalidTime, &files);
        assert_eq!(found.len(), 2);
        assert!(
            found[0].contains(":4:8: `start` is not a valid time: `2 uur`"),
            "{found:?}"
        );
        assert!(found[1].contains(":5:6: `end`"), "{found:?}");
    }
}
