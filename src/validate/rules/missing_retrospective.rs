//! `missing-retrospective` (warning): a held session that nobody has looked back on yet.

use crate::diag::{Code, Diagnostic};
use crate::kb::Data;
use crate::msg::Msg;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct MissingRetrospective;

impl Rule for MissingRetrospective {
    fn code(&self) -> Code {
        Code::MissingRetrospective
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Data::Session(session) = &cx.doc.data else {
            return;
        };
        if !cx.kb.awaits_retrospective(&cx.doc.id, session) {
            return;
        }
        out.push(
            cx.diag(
                Code::MissingRetrospective,
                cx.doc.opening.clone(),
                Msg::MissingRetrospective(cx.doc.id.clone()),
            )
            .with_help(Msg::AddRetrospective(cx.doc.id.clone())),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{OPEN_WOB, SESSION, UTRECHT, check};

    #[test]
    fn held_session_without_retrospective() {
        let found = check(&MissingRetrospective, &[UTRECHT, OPEN_WOB, SESSION]);
        assert_eq!(
            found,
            [
                "content/sessions/2017-11-22-utrecht.md:1:1: session `2017-11-22-utrecht` was held but has no retrospective yet (add content/retrospectives/2017-11-22-utrecht.md with `session: 2017-11-22-utrecht`)"
            ]
        );
    }

    #[test]
    fn planned_sessions_need_none() {
        let planned = (
            "content/sessions/2030-01-01-later.md",
            "---\ntitle: L\ndate: 2030-01-01\ncity: U\nhosts: [utrecht]\n---\n",
        );
        assert!(check(&MissingRetrospective, &[UTRECHT, planned]).is_empty());
    }
}
