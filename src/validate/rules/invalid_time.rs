//! `invalid-time`: times are written `HH:MM` on a 24-hour clock. A time written by hand
//! (`14.00`, `14u30`, `2 pm`) gets the `HH:MM` it means as help and as a fix, quoted (other
//! YAML readers take a plain `14:00` for the number 840), certain unless it is an hour from 1
//! to 6 (see [`read_loose_time`]).

use crate::diag::{Code, Diagnostic, Fix};
use crate::kb::date::{format_time, parse_time, read_loose_time};
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
            if parse_time(value).is_some() {
                return;
            }
            let diagnostic = cx.diag(
                Code::InvalidTime,
                node.span.clone(),
                Msg::InvalidTime {
                    name: field.name,
                    value: value.to_string(),
                },
            );
            out.push(match read_loose_time(value) {
                Some(reading) => {
                    let time = format_time(reading.value);
                    diagnostic
                        .with_fix(Fix {
                            span: node.span.clone(),
                            replacement: format!("\"{time}\""),
                            certain: reading.certain,
                        })
                        .with_help(Msg::WriteTimeAs {
                            name: field.name,
                            time,
                        })
                }
                None => diagnostic.with_help(Msg::WriteTime),
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::validate::rules::testing::{check, with};
    use crate::validate::slips::testing::diagnostics;

    /// The diagnostics of a session starting at `start` (as written).
    fn starting(start: &str) -> Vec<Diagnostic> {
        let text = format!(
            "---\ntitle: U\ndate: 2017-11-22\nstart: {start}\ncity: U\nhosts: [utrecht]\n---\n"
        );
        let files = with((
            "content/sessions/2017-11-22-utrecht.md",
            Box::leak(text.into_boxed_str()),
        ));
        diagnostics(&InvalidTime, &files)
    }

    #[test]
    fn times_that_mean_nothing_keep_the_general_help() {
        let files = with((
            "content/sessions/2017-11-22-utrecht.md",
            "---\ntitle: U\ndate: 2017-11-22\nstart: ochtend\nend: '25:00'\ncity: U\nhosts: [utrecht]\n---\n",
        ));
        assert_eq!(
            check(&InvalidTime, &files),
            [
                "content/sessions/2017-11-22-utrecht.md:4:8: `start` is not a valid time: `ochtend` (write HH:MM on a 24-hour clock, e.g. 14:00)",
                "content/sessions/2017-11-22-utrecht.md:5:6: `end` is not a valid time: `25:00` (write HH:MM on a 24-hour clock, e.g. 14:00)",
            ]
        );
    }

    #[test]
    fn hand_written_times_get_the_time_they_mean() {
        let files = with((
            "content/sessions/2017-11-22-utrecht.md",
            "---\ntitle: U\ndate: 2017-11-22\nstart: 14.00\ncity: U\nhosts: [utrecht]\n---\n",
        ));
        assert_eq!(
            check(&InvalidTime, &files),
            [
                "content/sessions/2017-11-22-utrecht.md:4:8: `start` is not a valid time: `14.00` (write: start: \"14:00\")"
            ]
        );
        for (written, time) in [
            ("14.00", "14:00"),
            ("14u", "14:00"),
            ("14u30", "14:30"),
            ("14:00 uur", "14:00"),
            ("9:30", "09:30"),
            ("2 pm", "14:00"),
            ("'14.00'", "14:00"),
        ] {
            let found = starting(written);
            assert_eq!(found.len(), 1, "{written}");
            let help = found[0].help.as_ref().expect("help");
            assert_eq!(help.text(Lang::En), format!("write: start: \"{time}\""));
            assert_eq!(help.text(Lang::Nl), format!("schrijf: start: \"{time}\""));
            let fix = &found[0].fixes[0];
            assert_eq!(fix.replacement, format!("\"{time}\""));
            assert!(fix.certain, "{written}");
            let start = "---\ntitle: U\ndate: 2017-11-22\nstart: ".len();
            assert_eq!(fix.span, start..start + written.len(), "{written}");
        }
    }

    /// Our YAML (1.2) reads a plain `14:00` as text, so it is valid; the fix still writes the
    /// time quoted, because YAML 1.1 readers (other tools) take it for the number 840.
    #[test]
    fn a_plain_hh_mm_is_valid() {
        assert!(starting("14:00").is_empty());
        assert!(starting("\"14:00\"").is_empty());
    }

    #[test]
    fn an_hour_at_night_is_read_as_the_afternoon_but_not_certainly() {
        let found = starting("2 uur");
        assert_eq!(found[0].fixes[0].replacement, "\"14:00\"");
        assert!(!found[0].fixes[0].certain);
    }
}
