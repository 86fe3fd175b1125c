//! `invalid-date`: dates are real days written `YYYY-MM-DD`.

use crate::diag::{Code, Diagnostic};
use crate::kb::date::parse_date;
use crate::kb::schema::FieldType;
use crate::msg::Msg;
use crate::validate::visit::values;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct InvalidDate;

impl Rule for InvalidDate {
    fn code(&self) -> Code {
        Code::InvalidDate
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        values(front, cx.doc.kind.fields(), &mut |field, ty, node| {
            let (FieldType::Date, Some(value)) = (ty, node.as_str()) else {
                return;
            };
            if parse_date(value).is_none() {
                out.push(
                    cx.diag(
                        Code::InvalidDate,
                        node.span.clone(),
                        Msg::InvalidDate {
                            name: field.name,
                            value: value.to_string(),
                        },
                    )
                    .with_help(Msg::WriteIsoDate),
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
    fn impossible_and_dutch_dates() {
        let files = with((
            "content/sessions/2017-11-22-utrecht.md",
            "---\ntitle: U\ndate: 2017-02-30\ncity: U\nhosts: [utrecht]\n---\n",
        ));
        assert_eq!(
            check(&InvalidDate, &files),
            [
                "content/sessions/2017-11-22-utrecht.md:3:7: `date` is not a valid date: `2017-02-30` (write a real day as YYYY-MM-DD, e.g. 2017-09-18)"
            ]
        );
        let files = with((
            "content/sessions/2017-11-22-utrecht.md",
            "---\ntitle: U\ndate: 22-11-2017\ncity: U\nhosts: [utrecht]\n---\n",
        ));
        assert_eq!(check(&InvalidDate, &files).len(), 1);
    }
}
