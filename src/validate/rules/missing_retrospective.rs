//! `missing-retrospective` (warning): a held session that nobody has looked back on yet.

use crate::diag::{Code, Diagnostic};
use crate::kb::{Data, DocKind};
use crate::msg::Msg;
use crate::suggest::closest;
use crate::text::slugify;
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
        if !cx.kb.awaits_retrospective(&cx.doc.id, session) || has_broken_retrospective(cx) {
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

/// Whether a retrospective of this session exists but does not refer to it properly: a
/// retrospective file named with the session's id, or a retrospective whose `session`
/// names no session and would be corrected to this one ("did you mean"). Its own error
/// says what to repair; a warning here would tell the user to add a file they have.
fn has_broken_retrospective(cx: &Context<'_>) -> bool {
    let index = &cx.kb.index;
    let id = cx.doc.id.as_str();
    if index.find(DocKind::Retrospective, id).is_some() {
        return true;
    }
    let sessions = || index.ids(DocKind::Session).iter().map(String::as_str);
    cx.kb
        .documents
        .iter()
        .filter(|doc| doc.kind == DocKind::Retrospective)
        .filter_map(|doc| doc.front.as_ref()?.get("session")?.as_str())
        .filter(|named| index.find(DocKind::Session, named).is_none())
        .any(|named| closest(&slugify(named), sessions()) == Some(id))
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

    #[test]
    fn a_retrospective_with_a_broken_session_is_not_missing() {
        let typo = (
            "content/retrospectives/terugblik-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-22-utrect\npublished: 2017-11-30\nauthors: [A]\n---\nTekst\n",
        );
        assert!(check(&MissingRetrospective, &[UTRECHT, OPEN_WOB, SESSION, typo]).is_empty());
        let unquoted_case = (
            "content/retrospectives/terugblik-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-22-Utrecht\npublished: 2017-11-30\nauthors: [A]\n---\nTekst\n",
        );
        assert!(
            check(
                &MissingRetrospective,
                &[UTRECHT, OPEN_WOB, SESSION, unquoted_case]
            )
            .is_empty()
        );
    }

    #[test]
    fn a_retrospective_file_with_the_session_id_is_enough() {
        let broken = (
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T: x\n---\nTekst\n",
        );
        assert!(check(&MissingRetrospective, &[UTRECHT, OPEN_WOB, SESSION, broken]).is_empty());
    }

    #[test]
    fn a_retrospective_of_another_session_does_not_count() {
        let other = (
            "content/retrospectives/terugblik-zwolle.md",
            "---\ntitle: T\nsession: 2017-01-05-zwolle\npublished: 2017-11-30\nauthors: [A]\n---\nTekst\n",
        );
        assert_eq!(
            check(&MissingRetrospective, &[UTRECHT, OPEN_WOB, SESSION, other]).len(),
            1
        );
    }
}
