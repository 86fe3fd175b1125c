//! `invalid-date`: dates are real days written `YYYY-MM-DD`. A date written the Dutch or
//! English way (`18-09-2024`, `18 sept. 2024`) gets the ISO date it means as help and as a
//! fix, certain when it has one meaning only (see [`read_loose_date`]).

use crate::diag::{Code, Diagnostic, Fix};
use crate::kb::date::{format_date, parse_date, read_loose_date};
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
            if parse_date(value).is_some() {
                return;
            }
            let diagnostic = cx.diag(
                Code::InvalidDate,
                node.span.clone(),
                Msg::InvalidDate {
                    name: field.name,
                    value: value.to_string(),
                },
            );
            out.push(match read_loose_date(value) {
                Some(reading) => {
                    let date = format_date(reading.value);
                    diagnostic
                        .with_help(Msg::WriteDate {
                            name: field.name,
                            date: date.clone(),
                        })
                        .with_fix(Fix {
                            span: node.span.clone(),
                            replacement: date,
                            certain: reading.certain,
                        })
                }
                None => diagnostic.with_help(Msg::WriteIsoDate),
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::validate::rules::testing::{check, with};

    const RETRO: &str = "content/retrospectives/2017-11-22-utrecht.md";

    /// The diagnostics of a retrospective published on `published` (as written).
    fn published(published: &str) -> Vec<Diagnostic> {
        let text = format!(
            "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: {published}\nauthors: [A]\n---\nTekst.\n"
        );
        let files = with((RETRO, Box::leak(text.into_boxed_str())));
        crate::validate::slips::testing::diagnostics(&InvalidDate, &files)
    }

    #[test]
    fn impossible_dates_keep_the_general_help() {
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
        assert!(published("30-02-2024")[0].fixes.is_empty());
    }

    #[test]
    fn dutch_dates_get_the_iso_date_they_mean() {
        let files = with((
            "content/sessions/2017-11-22-utrecht.md",
            "---\ntitle: U\ndate: 22-11-2017\ncity: U\nhosts: [utrecht]\n---\n",
        ));
        assert_eq!(
            check(&InvalidDate, &files),
            [
                "content/sessions/2017-11-22-utrecht.md:3:7: `date` is not a valid date: `22-11-2017` (write: date: 2017-11-22)"
            ]
        );
        for written in [
            "18-09-2024",
            "18/9/2024",
            "18.09.2024",
            "18 september 2024",
            "18 sept. 2024",
            "September 18, 2024",
            "2024/09/18",
            "2024-9-18",
            "09/18/2024",
            "'18-09-2024'",
        ] {
            let found = published(written);
            assert_eq!(found.len(), 1, "{written}");
            let help = found[0].help.as_ref().expect("help");
            assert_eq!(help.text(Lang::En), "write: published: 2024-09-18");
            assert_eq!(help.text(Lang::Nl), "schrijf: published: 2024-09-18");
            let fix = &found[0].fixes[..];
            assert_eq!(fix.len(), 1, "{written}");
            assert_eq!(fix[0].replacement, "2024-09-18");
            assert!(fix[0].certain, "{written}");
            let start = "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: ".len();
            assert_eq!(fix[0].span, start..start + written.len(), "{written}");
        }
    }

    #[test]
    fn readings_that_are_not_the_only_one_are_offered_not_certain() {
        for (written, date) in [("03/04/2024", "2024-04-03"), ("18-09-24", "2024-09-18")] {
            let found = published(written);
            assert_eq!(found[0].fixes[0].replacement, date);
            assert!(!found[0].fixes[0].certain, "{written}");
        }
        assert!(published("03-04-2024")[0].fixes[0].certain);
    }
}
