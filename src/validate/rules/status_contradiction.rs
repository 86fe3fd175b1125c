//! `status-contradiction` (warning): a declared theme status agrees with the sessions.

use crate::diag::{Code, Diagnostic};
use crate::kb::{Data, ThemeStatus};
use crate::msg::{Msg, StatusReason};
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct StatusContradiction;

impl Rule for StatusContradiction {
    fn code(&self) -> Code {
        Code::StatusContradiction
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Data::Theme(theme) = &cx.doc.data else {
            return;
        };
        let Some(declared) = theme.status else { return };
        let derived = cx.kb.index.derived_status(&cx.doc.id);
        if declared == ThemeStatus::Closed || declared == derived {
            return;
        }
        let Some(span) = cx.value_span("status") else {
            return;
        };
        let why = match derived {
            ThemeStatus::Discussed => StatusReason::Held,
            ThemeStatus::Scheduled => StatusReason::Planned,
            _ => StatusReason::None,
        };
        out.push(
            cx.diag(
                Code::StatusContradiction,
                span,
                Msg::StatusContradiction {
                    declared: declared.as_str(),
                    derived: derived.as_str(),
                    why,
                },
            )
            .with_help(Msg::RemoveStatus),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    fn theme(status: &str) -> Vec<(&'static str, &'static str)> {
        let text = format!("---\ntitle: T\nsummary: S\nstatus: {status}\n---\n");
        with((
            "content/themes/open-wob.md",
            Box::leak(text.into_boxed_str()),
        ))
    }

    #[test]
    fn proposed_but_discussed() {
        assert_eq!(
            check(&StatusContradiction, &theme("proposed")),
            [
                "content/themes/open-wob.md:4:9: status is `proposed`, but a held session has it on its agenda (so: `discussed`) (remove `status` to derive it from the sessions, or fix the sessions)"
            ]
        );
    }

    #[test]
    fn agreeing_and_closed_are_fine() {
        assert!(check(&StatusContradiction, &theme("discussed")).is_empty());
        assert!(check(&StatusContradiction, &theme("closed")).is_empty());
    }
}
