//! `retrospective-for-planned-session`: nobody looks back on a session still to come.

use crate::diag::{Code, Diagnostic};
use crate::kb::{Data, SessionState};
use crate::msg::Msg;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct RetrospectiveForPlannedSession;

impl Rule for RetrospectiveForPlannedSession {
    fn code(&self) -> Code {
        Code::RetrospectiveForPlannedSession
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Data::Retrospective(retro) = &cx.doc.data else {
            return;
        };
        let Some(id) = retro.session.as_deref() else {
            return;
        };
        let Some(session) = cx.kb.session(id) else {
            return;
        };
        if session.state(cx.kb.today) != Some(SessionState::Planned) {
            return;
        }
        let Some(span) = cx.value_span("session") else {
            return;
        };
        out.push(
            cx.diag(
                Code::RetrospectiveForPlannedSession,
                span,
                Msg::SessionNotYetHeld(id.to_string()),
            )
            .with_help(Msg::WriteAfterSession),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn future_session() {
        let mut files = with((
            "content/retrospectives/2030-01-01-later.md",
            "---\ntitle: T\nsession: 2030-01-01-later\npublished: 2030-01-02\nauthors: [A]\n---\nTekst\n",
        ));
        files.push((
            "content/sessions/2030-01-01-later.md",
            "---\ntitle: L\ndate: 2030-01-01\ncity: U\nhosts: [utrecht]\n---\n",
        ));
        assert_eq!(
            check(&RetrospectiveForPlannedSession, &files),
            [
                "content/retrospectives/2030-01-01-later.md:3:10: session `2030-01-01-later` has not taken place yet (write the retrospective after the session (or check --today))"
            ]
        );
    }
}
