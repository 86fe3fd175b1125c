//! `self-reference`: a theme is not related to itself; a retrospective's next session is
//! not the session it looks back on.

use crate::diag::{Code, Diagnostic};
use crate::kb::Data;
use crate::msg::Msg;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct SelfReference;

impl Rule for SelfReference {
    fn code(&self) -> Code {
        Code::SelfReference
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        match &cx.doc.data {
            Data::Theme(_) => {
                let related = front
                    .get("related")
                    .and_then(|n| n.as_sequence())
                    .unwrap_or_default();
                for item in related
                    .iter()
                    .filter(|n| n.as_str() == Some(cx.doc.id.as_str()))
                {
                    out.push(
                        cx.diag(Code::SelfReference, item.span.clone(), Msg::RelatedToItself)
                            .with_help(Msg::RemoveFromRelated(cx.doc.id.clone())),
                    );
                }
            }
            Data::Retrospective(retro)
                if retro.session.is_some() && retro.next_session == retro.session =>
            {
                if let Some(span) = cx.value_span("next_session") {
                    out.push(
                        cx.diag(Code::SelfReference, span, Msg::NextSessionIsItself)
                            .with_help(Msg::NameNextSession),
                    );
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn theme_related_to_itself() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\nrelated:\n  - open-wob\n---\n",
        ));
        assert_eq!(
            check(&SelfReference, &files),
            [
                "content/themes/open-wob.md:5:5: a theme cannot be related to itself (remove `open-wob` from `related`)"
            ]
        );
    }

    #[test]
    fn next_session_is_the_same_session() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-22-utrecht\nnext_session: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [A]\n---\nTekst\n",
        ));
        assert_eq!(check(&SelfReference, &files).len(), 1);
    }
}
