//! `empty-body`: a retrospective has text below its front matter.

use crate::diag::{Code, Diagnostic};
use crate::kb::DocKind;
use crate::msg::Msg;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct EmptyBody;

impl Rule for EmptyBody {
    fn code(&self) -> Code {
        Code::EmptyBody
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if cx.doc.kind != DocKind::Retrospective || !cx.doc.body.is_blank || cx.front().is_none() {
            return;
        }
        out.push(
            cx.diag(Code::EmptyBody, cx.doc.opening.clone(), Msg::EmptyBody)
                .with_help(Msg::WriteBody),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn blank_body() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [A]\n---\n \n\n",
        ));
        assert_eq!(check(&EmptyBody, &files).len(), 1);
    }

    #[test]
    fn other_types_may_be_empty() {
        let files = with((
            "content/organisations/utrecht.md",
            "---\nname: U\nkind: other\n---\n",
        ));
        assert!(check(&EmptyBody, &files).is_empty());
    }
}
