//! `placeholder-text`: a retrospective still has a question that `new` wrote for its
//! author to answer.

use crate::diag::{Code, Diagnostic};
use crate::kb::{DocKind, RETROSPECTIVE_PLACEHOLDERS};
use crate::msg::Msg;
use crate::validate::{Context, Rule};

/// The rule.
pub struct PlaceholderText;

impl Rule for PlaceholderText {
    fn code(&self) -> Code {
        Code::PlaceholderText
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if cx.doc.kind != DocKind::Retrospective {
            return;
        }
        let text = cx.kb.text(cx.doc);
        let body = cx.doc.body_range.clone();
        let Some(body_text) = text.get(body.clone()) else {
            return;
        };
        let mut at = body.start;
        for line in body_text.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            if let Some(question) = RETROSPECTIVE_PLACEHOLDERS
                .iter()
                .find(|q| content.trim() == **q)
            {
                let start = at + (content.len() - content.trim_start().len());
                out.push(
                    cx.diag(
                        Code::PlaceholderText,
                        start..start + question.len(),
                        Msg::PlaceholderText((*question).to_string()),
                    )
                    .with_help(Msg::ReplacePlaceholder),
                );
            }
            at += line.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::Lang;
    use crate::validate::rules::testing::{RETRO, check, with};

    use super::*;

    #[test]
    fn the_untouched_skeleton_warns_once_per_question() {
        let text = format!(
            "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [A]\n---\n{}",
            crate::kb::retrospective_skeleton()
        );
        let text: &'static str = Box::leak(text.into_boxed_str());
        let found = check(&PlaceholderText, &with((RETRO.0, text)));
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(
            found[0],
            "content/retrospectives/2017-11-22-utrecht.md:9:1: the question \"Wie waren er, wat werd er gepresenteerd en besproken?\" is still here: `new` wrote it as a prompt (replace the question by its answer, or remove it)"
        );
    }

    #[test]
    fn answered_questions_and_other_types_are_fine() {
        let text = "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [A]\n---\n## Wat er gebeurde\n\nWie waren er? Veertig mensen uit twintig gemeenten.\n";
        let found = check(&PlaceholderText, &with((RETRO.0, text)));
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(
            Msg::ReplacePlaceholder.text(Lang::Nl),
            "vervang de vraag door het antwoord, of haal haar weg"
        );
    }
}
