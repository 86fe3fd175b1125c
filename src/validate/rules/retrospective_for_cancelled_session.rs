//! `retrospective-for-cancelled-session`: nobody looks back on a session that did not happen.

use crate::diag::{Code, Diagnostic};
use crate::kb::Data;
use crate::msg::Msg;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct RetrospectiveForCancelledSession;

impl Rule for RetrospectiveForCancelledSession {
    fn code(&self) -> Code {
        Code::RetrospectiveForCancelledSession
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Data::Retrospective(retro) = &cx.doc.data else {
            return;
        };
        let Some(id) = retro.session.as_deref() else {
            return;
        };
        if !cx.kb.session(id).is_some_and(|s| s.cancelled) {
            return;
        }
        let Some(span) = cx.value_span("session") else {
            return;
        };
        out.push(
            cx.diag(
                Code::RetrospectiveForCancelledSession,
                span,
                Msg::SessionCancelled(id.to_string()),
            )
            .with_help(Msg::RemoveRetrospectiveOrCancelled),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn cancelled_session() {
        let files = with((
            "content/sessions/2017-11-22-utrecht.md",
            "---\ntitle: U\ndate: 2017-11-22\ncity: U\nhosts: [utrecht]\ncancelled: true\n---\n",
        ));
        let found = check(&RetrospectiveForCancelledSession, &files);
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("content/retrospectives/2017-11-22-utrecht.md:3:10: session `2017-11-22-utrecht` was cancelled"));
    }
}
