//! `date-mismatch`: a session's `date` equals the date its id starts with.

use crate::diag::{Code, Diagnostic};
use crate::kb::Data;
use crate::kb::date::{format_date, parse_date};
use crate::msg::Msg;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct DateMismatch;

impl Rule for DateMismatch {
    fn code(&self) -> Code {
        Code::DateMismatch
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Data::Session(session) = &cx.doc.data else {
            return;
        };
        let (Some(date), Some(id_date)) = (session.date, cx.doc.id.get(..10).and_then(parse_date))
        else {
            return;
        };
        if date == id_date {
            return;
        }
        let Some(span) = cx.value_span("date") else {
            return;
        };
        let rest = &cx.doc.id[10..];
        out.push(
            cx.diag(
                Code::DateMismatch,
                span,
                Msg::DateMismatch {
                    date: format_date(date),
                    id_date: format_date(id_date),
                },
            )
            .with_help(Msg::FixDateOrRename(format!("{}{rest}", format_date(date)))),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn date_differs_from_id() {
        let files = with((
            "content/sessions/2017-11-22-utrecht.md",
            "---\ntitle: U\ndate: 2017-11-23\ncity: U\nhosts: [utrecht]\n---\n",
        ));
        assert_eq!(
            check(&DateMismatch, &files),
            [
                "content/sessions/2017-11-22-utrecht.md:3:7: `date` is 2017-11-23 but the id starts with 2017-11-22 (fix the date, or rename the file to `2017-11-23-utrecht.md`)"
            ]
        );
    }
}
