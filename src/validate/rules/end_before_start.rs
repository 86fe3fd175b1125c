//! `end-before-start`: a session ends after it starts.

use crate::diag::{Code, Diagnostic};
use crate::kb::Data;
use crate::msg::Msg;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct EndBeforeStart;

impl Rule for EndBeforeStart {
    fn code(&self) -> Code {
        Code::EndBeforeStart
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Data::Session(session) = &cx.doc.data else {
            return;
        };
        let (Some(start), Some(end)) = (session.start, session.end) else {
            return;
        };
        if end > start {
            return;
        }
        let Some(span) = cx.value_span("end") else {
            return;
        };
        out.push(
            cx.diag(Code::EndBeforeStart, span, Msg::EndBeforeStart)
                .with_help(Msg::CheckTimes),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn end_before_and_at_start() {
        for end in ["13:00", "14:00"] {
            let text = format!(
                "---\ntitle: U\ndate: 2017-11-22\nstart: '14:00'\nend: '{end}'\ncity: U\nhosts: [utrecht]\n---\n"
            );
            let files = with((
                "content/sessions/2017-11-22-utrecht.md",
                Box::leak(text.into_boxed_str()),
            ));
            assert_eq!(
                check(&EndBeforeStart, &files),
                [
                    "content/sessions/2017-11-22-utrecht.md:5:6: the session ends before or when it starts (check `start` and `end`; times are HH:MM on a 24-hour clock)"
                ]
            );
        }
    }
}
