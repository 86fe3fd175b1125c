//! `end-without-start`: a session with an end time has a start time too.

use crate::diag::{Code, Diagnostic};
use crate::kb::Data;
use crate::msg::Msg;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct EndWithoutStart;

impl Rule for EndWithoutStart {
    fn code(&self) -> Code {
        Code::EndWithoutStart
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Data::Session(session) = &cx.doc.data else {
            return;
        };
        if session.start.is_some() || session.end.is_none() {
            return;
        }
        let Some(span) = cx.value_span("end") else {
            return;
        };
        out.push(
            cx.diag(Code::EndWithoutStart, span, Msg::EndWithoutStart)
                .with_help(Msg::AddStartOrRemoveEnd),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    fn session(times: &'static str) -> Vec<String> {
        let text =
            format!("---\ntitle: U\ndate: 2017-11-22\n{times}city: U\nhosts: [utrecht]\n---\n");
        let files = with((
            "content/sessions/2017-11-22-utrecht.md",
            Box::leak(text.into_boxed_str()),
        ));
        check(&EndWithoutStart, &files)
    }

    #[test]
    fn an_end_without_a_start() {
        assert_eq!(
            session("end: '17:00'\n"),
            [
                "content/sessions/2017-11-22-utrecht.md:4:6: the session has an end time (`end`) but no start time (`start`) (add `start`, or remove `end` for a session that lasts all day)"
            ]
        );
    }

    #[test]
    fn start_and_end_start_only_and_all_day_are_fine() {
        for times in ["start: '14:00'\nend: '17:00'\n", "start: '14:00'\n", ""] {
            assert_eq!(session(times), Vec::<String>::new(), "{times}");
        }
    }
}
