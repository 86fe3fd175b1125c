//! `retrospective-before-session`: a retrospective is published on or after its session.

use crate::diag::{Code, Diagnostic};
use crate::kb::Data;
use crate::kb::date::format_date;
use crate::msg::Msg;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct RetrospectiveBeforeSession;

impl Rule for RetrospectiveBeforeSession {
    fn code(&self) -> Code {
        Code::RetrospectiveBeforeSession
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Data::Retrospective(retro) = &cx.doc.data else {
            return;
        };
        let Some(session) = retro.session.as_deref().and_then(|id| cx.kb.session(id)) else {
            return;
        };
        let (Some(published), Some(held)) = (retro.published, session.date) else {
            return;
        };
        if published >= held {
            return;
        }
        let Some(span) = cx.value_span("published") else {
            return;
        };
        out.push(
            cx.diag(
                Code::RetrospectiveBeforeSession,
                span,
                Msg::PublishedBeforeSession {
                    published: format_date(published),
                    held: format_date(held),
                },
            )
            .with_help(Msg::PublishAfterSession),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn published_the_day_before() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-21\nauthors: [A]\n---\nTekst\n",
        ));
        assert_eq!(
            check(&RetrospectiveBeforeSession, &files),
            [
                "content/retrospectives/2017-11-22-utrecht.md:4:12: published 2017-11-21 but the session is on 2017-11-22 (a retrospective is published on or after its session's date)"
            ]
        );
    }

    #[test]
    fn same_day_is_fine() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-22\nauthors: [A]\n---\nTekst\n",
        ));
        assert!(check(&RetrospectiveBeforeSession, &files).is_empty());
    }
}
